import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import { Circle, MapContainer, TileLayer, ZoomControl, useMap } from 'react-leaflet';
import { useI18n } from '../i18n/i18n';
import { NeighbourhoodLayer } from './NeighbourhoodLayer';
import { PartnerClusterLayer } from './PartnerClusterLayer';
import { boundsOfGeometries, boundsOfPoints, type MapNeighbourhood, type MapPartner } from './map-types';
import './social-map.css';

export interface SocialMapProps {
  neighbourhoods: readonly MapNeighbourhood[];
  partners: readonly MapPartner[];
  selectedNeighbourhoodCode: string | undefined;
  selectedPartnerKey: string | undefined;
  /** Changes when a new set of results should be brought into view. */
  focusKey: string | undefined;
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
  onNeighbourhoodSelect(code: string): void;
  onPartnerSelect(partner: MapPartner): void;
  /** The area a partner search covers: drawn as a circle, and brought into view with each new search. */
  searchArea?: SearchArea;
}

export interface SearchArea {
  lat: number;
  lon: number;
  radiusKm: number;
  label: string;
}

/** Utrecht, for the first paint before the neighbourhoods arrive. */
const UTRECHT_CENTRE: [number, number] = [52.0907, 5.1214];

/** Leaflet owns the container element: give it a role and an accessible name from here. */
function MapAccessibleName({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', label);
  }, [map, label]);
  return null;
}

function FitToNeighbourhoods({ neighbourhoods }: { neighbourhoods: readonly MapNeighbourhood[] }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || neighbourhoods.length === 0) return;
    const bounds = boundsOfGeometries(neighbourhoods.map((n) => n.geometry));
    if (bounds) {
      map.fitBounds(bounds, { padding: [8, 8], animate: false });
      done.current = true;
    }
  }, [map, neighbourhoods]);
  return null;
}

/** A new partner search shows its whole search area. */
function FitToArea({ area, focusKey }: { area: SearchArea | undefined; focusKey: string | undefined }) {
  const map = useMap();
  useEffect(() => {
    if (!focusKey || !area) return;
    const dLat = area.radiusKm / 111.2;
    const dLon = dLat / Math.cos((area.lat * Math.PI) / 180);
    map.fitBounds([[area.lat - dLat, area.lon - dLon], [area.lat + dLat, area.lon + dLon]], { padding: [16, 16], maxZoom: 15 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, focusKey]);
  return null;
}

function FitToPartners({ partners, focusKey, disabled }: { partners: readonly MapPartner[]; focusKey: string | undefined; disabled: boolean }) {
  const map = useMap();
  useEffect(() => {
    if (!focusKey || disabled) return;
    const bounds = boundsOfPoints(partners.filter((p) => p.highlighted));
    if (bounds) map.fitBounds(bounds, { padding: [48, 48], maxZoom: 15 });
    // Only a new search moves the map, not every change of the partner list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, focusKey]);
  return null;
}

/**
 * The map of Utrecht: neighbourhood polygons and partner markers. Presentational: everything it
 * draws comes in as props, and what the user picks goes out through callbacks.
 */
export function SocialMap(props: SocialMapProps) {
  const { t, locale } = useI18n();
  const tooltipText = useMemo(
    () => (n: { name: string; districtName: string }) => t('map.neighbourhoodTooltip', { name: n.name, district: n.districtName }),
    [t],
  );
  const markerTitle = useMemo(
    () => (p: MapPartner) => t(p.kind === 'person' ? 'map.person' : 'map.organisation', { name: p.name }),
    [t],
  );
  const clusterLabel = useMemo(() => (count: number) => t('map.cluster', { count }), [t]);

  return (
    <MapContainer center={UTRECHT_CENTRE} zoom={12} zoomControl={false} className="social-map" minZoom={10} maxZoom={18}>
      <MapAccessibleName label={t('map.label')} />
      {/* Leaflet controls take their texts once: a new control per language. */}
      <ZoomControl key={locale} position="topright" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
      {props.tileUrl ? <TileLayer url={props.tileUrl} attribution={props.tileAttribution} /> : null}
      <NeighbourhoodLayer
        neighbourhoods={props.neighbourhoods}
        selectedCode={props.selectedNeighbourhoodCode}
        tooltipText={tooltipText}
        onSelect={props.onNeighbourhoodSelect}
      />
      <FitToNeighbourhoods neighbourhoods={props.neighbourhoods} />
      <PartnerClusterLayer
        partners={props.partners}
        selectedKey={props.selectedPartnerKey}
        markerTitle={markerTitle}
        clusterLabel={clusterLabel}
        onSelect={props.onPartnerSelect}
      />
      <FitToPartners partners={props.partners} focusKey={props.focusKey} disabled={Boolean(props.searchArea)} />
      {props.searchArea ? (
        <Circle
          center={[props.searchArea.lat, props.searchArea.lon]}
          radius={props.searchArea.radiusKm * 1000}
          interactive={false}
          className="search-area"
          pathOptions={{ color: '#1f5fa6', weight: 2, dashArray: '6 6', fillOpacity: 0.04 }}
        />
      ) : null}
      <FitToArea area={props.searchArea} focusKey={props.focusKey} />
    </MapContainer>
  );
}
