import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { latLngBounds } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo } from 'react';
import { GeoJSON, MapContainer, TileLayer, useMap } from 'react-leaflet';
import type { GapStatus } from '../../../generated/graphql';
import { STATUS_COLOUR } from '../reach-status';

interface Area {
  code: string;
  name: string;
  geometry: unknown;
  status: GapStatus;
  label: string;
}

function FitBounds({ areas }: { areas: readonly { geometry: unknown }[] }) {
  const map = useMap();
  useEffect(() => {
    const points: [number, number][] = [];
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') points.push([c[1] as number, c[0] as number]);
      else if (Array.isArray(c)) c.forEach(walk);
    };
    for (const a of areas) walk((a.geometry as { coordinates?: unknown })?.coordinates);
    if (points.length) map.fitBounds(latLngBounds(points), { padding: [10, 10] });
  }, [areas, map]);
  return null;
}

/** A choropleth of the buurten by gap status; the colours repeat the matrix, and each buurt's tooltip says it in words. */
export function ReachMap({ areas, tileUrl, tileAttribution, label }: { areas: readonly Area[]; tileUrl?: string; tileAttribution?: string; label: string }) {
  const data = useMemo<FeatureCollection<Geometry, { code: string; status: GapStatus; label: string }>>(
    () => ({
      type: 'FeatureCollection',
      features: areas.map((a) => ({
        type: 'Feature',
        id: a.code,
        geometry: a.geometry as Geometry,
        properties: { code: a.code, status: a.status, label: a.label },
      })),
    }),
    [areas],
  );
  const style = (feature?: Feature<Geometry, { status: GapStatus }>) => {
    const status = feature?.properties.status ?? 'NONE';
    return {
      color: '#333',
      weight: 1,
      fillColor: STATUS_COLOUR[status],
      fillOpacity: status === 'NONE' ? 0.05 : 0.55,
      dashArray: status === 'AMBER' ? '4 3' : undefined,
    };
  };
  return (
    <div className="reach-map" role="region" aria-label={label}>
      <MapContainer center={[52.09, 5.12]} zoom={12} className="reach-map__map" scrollWheelZoom={false} keyboard={false}>
        {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution} /> : null}
        <GeoJSON
          key={areas.map((a) => `${a.code}:${a.status}`).join('|')}
          data={data}
          style={style as never}
          onEachFeature={(feature, layer) => layer.bindTooltip((feature.properties as { label: string }).label)}
        />
        <FitBounds areas={areas} />
      </MapContainer>
    </div>
  );
}
