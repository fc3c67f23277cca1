/** Mean Earth radius in km (IUGG), the same sphere geokdbush measures on. */
export const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/** Great-circle distance in km between two WGS84 points (haversine). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** haversineKm with the cosines of both latitudes given: the hot loop of the matcher. */
export function haversineKmCos(lat1: number, lon1: number, cosLat1: number, lat2: number, lon2: number, cosLat2: number): number {
  const sLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const a = sLat * sLat + cosLat1 * cosLat2 * sLon * sLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export const cosOfLatitude = (lat: number) => Math.cos(lat * RAD);

/**
 * A lon/lat box that contains every point within `radiusKm` of the centre: the prefilter for the
 * k-d tree; the exact haversine distance decides afterwards. Slightly generous on purpose.
 */
export function boundingBox(lat: number, lon: number, radiusKm: number): { minLon: number; minLat: number; maxLon: number; maxLat: number } {
  const dLat = radiusKm / EARTH_RADIUS_KM / RAD;
  const maxAbsLat = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = dLat / Math.cos(maxAbsLat * RAD);
  return { minLon: lon - dLon * 1.0001, minLat: lat - dLat * 1.0001, maxLon: lon + dLon * 1.0001, maxLat: lat + dLat * 1.0001 };
}

/** The Netherlands (European part, with the Wadden islands and territorial waters), WGS84. */
export const NETHERLANDS_BOUNDS = { minLat: 50.7, maxLat: 53.7, minLon: 3.2, maxLon: 7.3 } as const;

/** "0,8 km": one decimal, Dutch decimal comma. */
export function formatKm(km: number): string {
  return `${km.toFixed(1).replace('.', ',')} km`;
}
