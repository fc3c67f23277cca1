import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { fanOut } from './marker-fan';
import { type MapCluster, type MapPartner, type MapView, partnerKey } from './map-types';

export interface ClusterTexts {
  markerTitle(partner: MapPartner): string;
  clusterLabel(cluster: { count: number; persons: number; organisations: number }): string;
}

interface Props extends ClusterTexts {
  /** Markers from the server for the current view; undefined while none have arrived. */
  clusters: readonly MapCluster[] | undefined;
  /** The markers are the hits of a search. */
  highlighted: boolean;
  /** `person:<id>` or `organisation:<id>`: drawn by the map itself, so left out here. */
  selectedKey: string | undefined;
  onSelect(partner: MapPartner): void;
  onViewChange(view: MapView): void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The icon of one partner: persons round, organisations square, with a letter (or a rank number): never colour alone. */
export function partnerIcon(partner: MapPartner, options: { selected?: boolean; rank?: number } = {}): L.DivIcon {
  const classes = ['partner-marker', `partner-marker--${partner.kind}`];
  if (partner.highlighted) classes.push('partner-marker--highlighted');
  if (options.rank !== undefined) classes.push('partner-marker--ranked');
  if (options.selected) classes.push('partner-marker--selected');
  const text = options.rank !== undefined ? String(options.rank) : partner.kind === 'person' ? 'P' : 'O';
  const size = options.selected ? 34 : options.rank !== undefined ? 30 : 26;
  return L.divIcon({ className: classes.join(' '), html: `<span aria-hidden="true">${text}</span>`, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

/** A cluster: the total, and below it how many persons (P) and organisations (O), so the two are told apart. */
function clusterIcon(cluster: MapCluster, highlighted: boolean, label: string): L.DivIcon {
  const size = cluster.count < 10 ? 38 : cluster.count < 100 ? 46 : cluster.count < 1000 ? 54 : 62;
  const split = [cluster.persons ? `${cluster.persons}P` : '', cluster.organisations ? `${cluster.organisations}O` : ''].filter(Boolean).join(' ');
  return L.divIcon({
    className: highlighted ? 'partner-cluster partner-cluster--highlighted' : 'partner-cluster',
    html:
      `<span class="partner-cluster__count" aria-hidden="true">${cluster.count.toLocaleString('nl-NL')}</span>` +
      `<span class="partner-cluster__split" aria-hidden="true">${split}</span>` +
      `<span class="visually-hidden">${escapeHtml(label)}</span>`,
    iconSize: [size, size],
  });
}

const isActivation = (event: L.LeafletEvent) => {
  const key = (event as L.LeafletKeyboardEvent).originalEvent?.key;
  return key === 'Enter' || key === ' ';
};

/** The view to ask markers for: the visible box with half a screen around it, so small pans need no new answer. */
function viewOf(map: L.Map): MapView {
  const b = map.getBounds().pad(0.5);
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return {
    zoom: Math.round(map.getZoom()),
    bounds: { south: round(b.getSouth()), west: round(b.getWest()), north: round(b.getNorth()), east: round(b.getEast()) },
  };
}

/**
 * Partners as the server clustered them for this zoom level and box. A cluster zooms in on a click or
 * Enter; a single partner opens. Every marker is a focusable button with an accessible name.
 */
export function PartnerClusterLayer({ clusters, highlighted, selectedKey, markerTitle, clusterLabel, onSelect, onViewChange }: Props) {
  const map = useMap();
  const groupRef = useRef<L.LayerGroup | null>(null);
  const requested = useRef<MapView | undefined>(undefined);
  const onSelectRef = useRef(onSelect);
  const onViewChangeRef = useRef(onViewChange);
  useEffect(() => {
    onSelectRef.current = onSelect;
    onViewChangeRef.current = onViewChange;
  });

  // Ask for new markers when the zoom level changes or the view leaves the box asked for last.
  const report = () => {
    const last = requested.current;
    const visible = map.getBounds();
    const inside =
      last &&
      last.zoom === Math.round(map.getZoom()) &&
      visible.getSouth() >= last.bounds.south &&
      visible.getNorth() <= last.bounds.north &&
      visible.getWest() >= last.bounds.west &&
      visible.getEast() <= last.bounds.east;
    if (inside) return;
    requested.current = viewOf(map);
    onViewChangeRef.current(requested.current);
  };
  useMapEvents({ moveend: report });
  useEffect(() => {
    requested.current = undefined;
    map.whenReady(report);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map]);

  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    groupRef.current = group;
    return () => {
      group.remove();
      groupRef.current = null;
    };
  }, [map]);

  useEffect(() => {
    const group = groupRef.current;
    if (!group) return;
    group.clearLayers();
    const singles: (MapCluster & { partner: MapPartner })[] = [];
    for (const cluster of clusters ?? []) {
      if (cluster.count === 1 && cluster.partnerId && cluster.kind) {
        const partner: MapPartner = {
          id: cluster.partnerId,
          kind: cluster.kind === 'PERSON' ? 'person' : 'organisation',
          name: cluster.name ?? '',
          lat: cluster.lat,
          lon: cluster.lon,
          highlighted,
        };
        if (partnerKey(partner) !== selectedKey) singles.push({ ...cluster, partner });
        continue;
      }
      const marker = L.marker([cluster.lat, cluster.lon], { icon: clusterIcon(cluster, highlighted, clusterLabel(cluster)), keyboard: true });
      const zoomIn = () => map.flyTo([cluster.lat, cluster.lon], Math.min(cluster.expansionZoom ?? map.getZoom() + 2, map.getMaxZoom()));
      marker.on('click', zoomIn);
      marker.on('keypress', (event) => {
        if (isActivation(event)) zoomIn();
      });
      group.addLayer(marker);
    }
    for (const { item, latLng } of fanOut(map, singles)) {
      const marker = L.marker(latLng, { icon: partnerIcon(item.partner), title: markerTitle(item.partner), keyboard: true, riseOnHover: true });
      marker.on('click', () => onSelectRef.current(item.partner));
      marker.on('keypress', (event) => {
        if (isActivation(event)) onSelectRef.current(item.partner);
      });
      group.addLayer(marker);
    }
  }, [clusters, highlighted, selectedKey, markerTitle, clusterLabel, map]);

  return null;
}
