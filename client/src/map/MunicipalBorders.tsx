import type { GeoJsonObject } from 'geojson';
import { GeoJSON } from 'react-leaflet';

export interface MunicipalBorder {
  code: string;
  name: string | null;
  /** GeoJSON geometry (WGS84), simplified by the server; null until a CBS gemeente file is imported. */
  boundary: unknown;
}

const STYLE = { color: '#2b2b2b', weight: 2.5, opacity: 0.8, dashArray: '10 5', fill: false, className: 'municipal-border' } as const;

/**
 * The borders of the municipalities this installation serves (a region: each of them), above the
 * buurten and below the markers; drawn only, never clicked (the buurten are what one picks).
 */
export function MunicipalBorders({ borders }: { borders: readonly MunicipalBorder[] | undefined }) {
  const drawn = (borders ?? []).filter((b) => b.boundary && typeof b.boundary === 'object');
  return (
    <>
      {drawn.map((b) => (
        <GeoJSON key={b.code} data={b.boundary as GeoJsonObject} style={() => STYLE} interactive={false} />
      ))}
    </>
  );
}
