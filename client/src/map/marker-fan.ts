import type L from 'leaflet';

/**
 * Partners on one point (persons sit at a neighbourhood centre) are fanned out in a small circle around
 * it, so each marker can be seen, clicked and focused. Pure: the positions for the current zoom level.
 */
export function fanOut<T extends { lat: number; lon: number }>(map: L.Map, items: readonly T[]): { item: T; latLng: L.LatLngExpression }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = `${item.lat.toFixed(6)},${item.lon.toFixed(6)}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const zoom = map.getZoom();
  const out: { item: T; latLng: L.LatLngExpression }[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      out.push({ item: group[0]!, latLng: [group[0]!.lat, group[0]!.lon] });
      continue;
    }
    const centre = map.project([group[0]!.lat, group[0]!.lon], zoom);
    // Markers are 26 px: a circle whose circumference leaves about 30 px per marker.
    const radius = Math.max(24, (group.length * 30) / (2 * Math.PI));
    group.forEach((item, i) => {
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      const point = centre.add([radius * Math.cos(angle), radius * Math.sin(angle)]);
      out.push({ item, latLng: map.unproject(point, zoom) });
    });
  }
  return out;
}
