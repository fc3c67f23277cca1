import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import { Circle, MapContainer, Marker, TileLayer, ZoomControl, useMap } from 'react-leaflet';
import { type Translate, useI18n } from '../i18n/i18n';
import { MunicipalBorders, type MunicipalBorder } from './MunicipalBorders';
import { NeighbourhoodLabels } from './NeighbourhoodLabels';
import { NeighbourhoodLayer } from './NeighbourhoodLayer';
import { PartnerClusterLayer, partnerIcon } from './PartnerClusterLayer';
import { RankedPartnersLayer } from './RankedPartnersLayer';
import { type MapWalkInHour, WalkInLayer } from './WalkInLayer';
import {
  boundsOfGeometries,
  boundsOfPoints,
  type MapCluster,
  type MapNeighbourhood,
  type MapPartner,
  type MapView,
  partnerKey,
  type RankedMapPartner,
} from './map-types';
import './social-map.css';

export interface SocialMapProps {
  neighbourhoods: readonly MapNeighbourhood[];
  /** Every partner of the current filter, as the server clustered them for the view. */
  clusters: readonly MapCluster[] | undefined;
  /** The clusters are the hits of a search (highlighted). */
  clustersHighlighted: boolean;
  /** The box around all hits of the current search, to bring into view with each new search. */
  clustersExtent: { south: number; west: number; north: number; east: number } | null | undefined;
  /** A ranked search's answer: drawn instead of the clusters, each with its rank number. */
  rankedPartners: readonly RankedMapPartner[] | undefined;
  selectedNeighbourhoodCode: string | undefined;
  /** The opened partner, drawn on top as its own marker wherever the clusters are. */
  selectedPartner: MapPartner | undefined;
  onViewChange(view: MapView): void;
  /** Changes when a new set of results should be brought into view. */
  focusKey: string | undefined;
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
  onNeighbourhoodSelect(code: string): void;
  onPartnerSelect(partner: MapPartner): void;
  /** The area a partner search covers: drawn as a circle, and brought into view with each new search. */
  searchArea?: SearchArea;
  /** The walk-in hours of the last walk-in search, drawn as their own markers. */
  walkInHours?: readonly MapWalkInHour[];
  /** The municipality this installation serves: its name labels the map; its box is the first view. */
  municipality?: MapMunicipality;
}

export interface MapMunicipality {
  name: string | null;
  /** Around its neighbourhoods' centre points, known before their boundaries arrive; null when it has none. */
  bounds: { south: number; west: number; north: number; east: number } | null;
  /** The borders of every municipality served (a region: all of them), drawn and brought into view. */
  borders?: readonly MunicipalBorder[];
}

export interface SearchArea {
  lat: number;
  lon: number;
  radiusKm: number;
  label: string;
}

/** The middle of the Netherlands, for the first paint before the server says which municipality this is. */
const NETHERLANDS_CENTRE: [number, number] = [52.16, 5.29];

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

/**
 * The first view: the municipality's box as soon as the settings arrive, then its neighbourhoods'
 * boundaries once they are loaded. Only once: after that the user (or a search) moves the map.
 */
function InitialView({
  neighbourhoods,
  bounds,
  borders,
}: {
  neighbourhoods: readonly MapNeighbourhood[];
  bounds: MapMunicipality['bounds'] | undefined;
  borders: MapMunicipality['borders'];
}) {
  const map = useMap();
  const fitted = useRef<'nothing' | 'municipality' | 'neighbourhoods'>('nothing');
  useEffect(() => {
    if (fitted.current === 'neighbourhoods') return;
    // Every municipality of a region in view: their buurten and, where imported, their borders.
    const boundaries =
      neighbourhoods.length > 0 ? boundsOfGeometries([...neighbourhoods.map((n) => n.geometry), ...(borders ?? []).map((b) => b.boundary)]) : undefined;
    if (boundaries) {
      map.fitBounds(boundaries, { padding: [8, 8], animate: false });
      fitted.current = 'neighbourhoods';
    } else if (bounds && fitted.current === 'nothing') {
      // A municipality of one neighbourhood has a box of one point: do not zoom in all the way.
      map.fitBounds(
        [
          [bounds.south, bounds.west],
          [bounds.north, bounds.east],
        ],
        { padding: [24, 24], animate: false, maxZoom: 14 },
      );
      fitted.current = 'municipality';
    }
  }, [map, neighbourhoods, bounds, borders]);
  return null;
}

/** A new partner search shows its whole search area. */
function FitToArea({ area, focusKey }: { area: SearchArea | undefined; focusKey: string | undefined }) {
  const map = useMap();
  useEffect(() => {
    if (!focusKey || !area) return;
    const dLat = area.radiusKm / 111.2;
    const dLon = dLat / Math.cos((area.lat * Math.PI) / 180);
    map.fitBounds(
      [
        [area.lat - dLat, area.lon - dLon],
        [area.lat + dLat, area.lon + dLon],
      ],
      { padding: [16, 16], maxZoom: 15 },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, focusKey]);
  return null;
}

function FitToPartners({ extent, focusKey, disabled }: { extent: SocialMapProps['clustersExtent']; focusKey: string | undefined; disabled: boolean }) {
  const map = useMap();
  useEffect(() => {
    if (!focusKey || disabled || !extent) return;
    const bounds = boundsOfPoints([
      { lat: extent.south, lon: extent.west },
      { lat: extent.north, lon: extent.east },
    ]);
    if (bounds) map.fitBounds(bounds, { padding: [48, 48], maxZoom: 15 });
    // Only a new search moves the map, not every change of the partner list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, focusKey]);
  return null;
}

/** Leaflet measures its container once: tell it when the container changes size (a section opened, a rotated phone). */
function FollowContainerSize() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

/** The opened partner is brought into view when it is outside it. */
function PanToSelected({ partner }: { partner: MapPartner | undefined }) {
  const map = useMap();
  useEffect(() => {
    if (partner && !map.getBounds().contains([partner.lat, partner.lon])) map.panTo([partner.lat, partner.lon]);
  }, [map, partner]);
  return null;
}

/** The map's accessible name, with the municipality's name once known. */
export function mapLabel(t: Translate, municipalityName: string | null | undefined): string {
  return municipalityName ? t('map.label', { municipality: municipalityName }) : t('map.labelNoMunicipality');
}

/**
 * The map of the municipality: neighbourhood polygons and partner markers. Presentational: everything it
 * draws comes in as props, and what the user picks goes out through callbacks.
 */
export function SocialMap(props: SocialMapProps) {
  const { t, locale } = useI18n();
  const tooltipText = useMemo(
    () => (n: { name: string; districtName: string }) => t('map.neighbourhoodTooltip', { name: n.name, district: n.districtName }),
    [t],
  );
  const markerTitle = useMemo(() => (p: MapPartner) => t(p.kind === 'person' ? 'map.person' : 'map.organisation', { name: p.name }), [t]);
  const clusterLabel = useMemo(
    () => (c: { count: number; persons: number; organisations: number }) =>
      t('map.clusterSplit', { count: c.count, persons: c.persons, organisations: c.organisations }),
    [t],
  );
  const rankedTitle = useMemo(
    () => (p: RankedMapPartner) => t(p.kind === 'person' ? 'map.rankedPerson' : 'map.rankedOrganisation', { rank: p.rank, name: p.name }),
    [t],
  );
  const selected = props.selectedPartner;
  const selectedIcon = useMemo(() => (selected ? partnerIcon({ ...selected, highlighted: true }, { selected: true }) : undefined), [selected]);
  const selectedKey = selected ? partnerKey(selected) : undefined;

  return (
    <MapContainer center={NETHERLANDS_CENTRE} zoom={10} zoomControl={false} className="social-map" minZoom={10} maxZoom={18}>
      <MapAccessibleName label={mapLabel(t, props.municipality?.name)} />
      <FollowContainerSize />
      {/* Leaflet controls take their texts once: a new control per language. */}
      <ZoomControl key={locale} position="topright" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
      {props.tileUrl ? <TileLayer url={props.tileUrl} attribution={props.tileAttribution} /> : null}
      <NeighbourhoodLayer
        neighbourhoods={props.neighbourhoods}
        selectedCode={props.selectedNeighbourhoodCode}
        tooltipText={tooltipText}
        onSelect={props.onNeighbourhoodSelect}
      />
      <MunicipalBorders borders={props.municipality?.borders} />
      <InitialView neighbourhoods={props.neighbourhoods} bounds={props.municipality?.bounds} borders={props.municipality?.borders} />
      <NeighbourhoodLabels neighbourhoods={props.neighbourhoods} />
      {props.rankedPartners ? (
        <RankedPartnersLayer partners={props.rankedPartners} selectedKey={selectedKey} markerTitle={rankedTitle} onSelect={props.onPartnerSelect} />
      ) : (
        <PartnerClusterLayer
          clusters={props.clusters}
          highlighted={props.clustersHighlighted}
          selectedKey={selectedKey}
          markerTitle={markerTitle}
          clusterLabel={clusterLabel}
          onSelect={props.onPartnerSelect}
          onViewChange={props.onViewChange}
        />
      )}
      {selected && selectedIcon && !props.rankedPartners ? (
        <Marker position={[selected.lat, selected.lon]} icon={selectedIcon} title={markerTitle(selected)} zIndexOffset={2000} keyboard={false} />
      ) : null}
      {props.walkInHours?.length ? <WalkInLayer walkInHours={props.walkInHours} neighbourhoods={props.neighbourhoods} /> : null}
      <PanToSelected partner={selected} />
      <FitToPartners extent={props.clustersExtent} focusKey={props.focusKey} disabled={Boolean(props.searchArea)} />
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
