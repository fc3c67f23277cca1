import { describe, expect, it } from 'vitest';
import { boundsOfGeometries, boundsOfPoints, partnerKey } from '../map-types';

describe('map bounds', () => {
  it('spans all points, or is undefined without points', () => {
    expect(boundsOfPoints([])).toBeUndefined();
    expect(
      boundsOfPoints([
        { lat: 52.1, lon: 5.1 },
        { lat: 52.0, lon: 5.2 },
      ]),
    ).toEqual([
      [52.0, 5.1],
      [52.1, 5.2],
    ]);
  });

  it('walks Polygon and MultiPolygon coordinates (GeoJSON is lon, lat)', () => {
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [5.0, 52.0],
          [5.1, 52.0],
          [5.1, 52.1],
          [5.0, 52.0],
        ],
      ],
    };
    const multi = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [5.2, 52.2],
            [5.3, 52.3],
            [5.2, 52.2],
          ],
        ],
      ],
    };
    expect(boundsOfGeometries([polygon, multi, null])).toEqual([
      [52.0, 5.0],
      [52.3, 5.3],
    ]);
  });

  it('keys persons and organisations apart', () => {
    expect(partnerKey({ kind: 'person', id: '1' })).not.toBe(partnerKey({ kind: 'organisation', id: '1' }));
  });
});
