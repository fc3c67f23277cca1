import type { NeighbourhoodsQuery } from '../generated/graphql';

/** A neighbourhood as the map draws it: exactly what the Neighbourhoods query returns. */
export type MapNeighbourhood = NeighbourhoodsQuery['neighbourhoods'][number];

/** A point on the map for one partner. Persons sit at a neighbourhood centre, never at an address. */
export interface MapPartner {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  lat: number;
  lon: number;
  /** Shown as a result of the current search. */
  highlighted: boolean;
}

export const partnerKey = (partner: { kind: MapPartner['kind']; id: string }) => `${partner.kind}:${partner.id}`;

/** The bounds of all points, as [[south, west], [north, east]]; undefined when there are none. */
export function boundsOfPoints(points: readonly { lat: number; lon: number }[]): [[number, number], [number, number]] | undefined {
  if (points.length === 0) return undefined;
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const { lat, lon } of points) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lon);
    east = Math.max(east, lon);
  }
  return [
    [south, west],
    [north, east],
  ];
}

/** The bounds of GeoJSON Polygon/MultiPolygon geometries, walking their coordinates. */
export function boundsOfGeometries(geometries: readonly unknown[]): [[number, number], [number, number]] | undefined {
  const points: { lat: number; lon: number }[] = [];
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
      points.push({ lon: value[0], lat: value[1] });
      return;
    }
    for (const item of value) walk(item);
  };
  for (const geometry of geometries) {
    if (geometry && typeof geometry === 'object' && 'coordinates' in geometry) walk((geometry as { coordinates: unknown }).coordinates);
  }
  return boundsOfPoints(points);
}

/** What the map shows: its zoom level and the box to ask markers for. */
export interface MapView {
  zoom: number;
  bounds: { south: number; west: number; north: number; east: number };
}

/** A marker from the server's clustering: one partner (count 1) or a cluster, with persons and organisations counted apart. */
export interface MapCluster {
  lat: number;
  lon: number;
  count: number;
  persons: number;
  organisations: number;
  expansionZoom: number | null;
  kind: 'PERSON' | 'ORGANISATION' | null;
  partnerId: string | null;
  name: string | null;
}

/** A partner of a ranked search, with its place in the ranking (1 = best). */
export interface RankedMapPartner extends MapPartner {
  rank: number;
}
