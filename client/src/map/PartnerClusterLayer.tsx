import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { type MapPartner, partnerKey } from './map-types';

interface Props {
  partners: readonly MapPartner[];
  /** `person:<id>` or `organisation:<id>` */
  selectedKey: string | undefined;
  markerTitle(partner: MapPartner): string;
  clusterLabel(count: number): string;
  onSelect(partner: MapPartner): void;
}

interface PartnerMarkerOptions extends L.MarkerOptions {
  highlighted: boolean;
  selected: boolean;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function partnerIcon(partner: MapPartner, selected: boolean): L.DivIcon {
  const classes = ['partner-marker', `partner-marker--${partner.kind}`];
  if (partner.highlighted) classes.push('partner-marker--highlighted');
  if (selected) classes.push('partner-marker--selected');
  // Persons are round, organisations square, with a letter: the difference does not rest on colour alone.
  return L.divIcon({
    className: classes.join(' '),
    html: `<span aria-hidden="true">${partner.kind === 'person' ? 'P' : 'O'}</span>`,
    iconSize: selected ? [34, 34] : [26, 26],
    iconAnchor: selected ? [17, 17] : [13, 13],
  });
}

const isActivation = (event: L.LeafletEvent) => {
  const key = (event as L.LeafletKeyboardEvent).originalEvent?.key;
  return key === 'Enter' || key === ' ';
};

/**
 * Partners as clustered markers, with leaflet.markercluster used directly. Every marker and cluster
 * is a keyboard-focusable button with an accessible name; a cluster holding the selected partner
 * or a search result says so by its look.
 */
export function PartnerClusterLayer({ partners, selectedKey, markerTitle, clusterLabel, onSelect }: Props) {
  const map = useMap();
  const groupRef = useRef<L.MarkerClusterGroup | null>(null);
  const markersRef = useRef(new Map<string, { marker: L.Marker; partner: MapPartner }>());
  const selectedRef = useRef(selectedKey);
  const onSelectRef = useRef(onSelect);
  const clusterLabelRef = useRef(clusterLabel);
  useEffect(() => {
    onSelectRef.current = onSelect;
    clusterLabelRef.current = clusterLabel;
  });

  useEffect(() => {
    const group = L.markerClusterGroup({
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      maxClusterRadius: 40,
      iconCreateFunction: (cluster) => {
        const count = cluster.getChildCount();
        const children = cluster.getAllChildMarkers().map((m) => m.options as PartnerMarkerOptions);
        const classes = ['partner-cluster'];
        if (children.some((o) => o.highlighted)) classes.push('partner-cluster--highlighted');
        if (children.some((o) => o.selected)) classes.push('partner-cluster--selected');
        return L.divIcon({
          className: classes.join(' '),
          html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${escapeHtml(clusterLabelRef.current(count))}</span>`,
          iconSize: [36, 36],
        });
      },
    });
    group.on('clusterkeypress', (event) => {
      if (isActivation(event)) (event as L.LeafletEvent & { layer: L.MarkerCluster }).layer.zoomToBounds({ padding: [40, 40] });
    });
    map.addLayer(group);
    groupRef.current = group;
    return () => {
      map.removeLayer(group);
      groupRef.current = null;
    };
  }, [map]);

  // Rebuild the markers when the partners change, or their titles (another language).
  useEffect(() => {
    const group = groupRef.current;
    if (!group) return;
    group.clearLayers();
    const markers = new Map<string, { marker: L.Marker; partner: MapPartner }>();
    for (const partner of partners) {
      const selected = partnerKey(partner) === selectedRef.current;
      const options: PartnerMarkerOptions = {
        icon: partnerIcon(partner, selected),
        title: markerTitle(partner),
        keyboard: true,
        riseOnHover: true,
        highlighted: partner.highlighted,
        selected,
      };
      const marker = L.marker([partner.lat, partner.lon], options);
      marker.on('click', () => onSelectRef.current(partner));
      marker.on('keypress', (event) => {
        if (isActivation(event)) onSelectRef.current(partner);
      });
      markers.set(partnerKey(partner), { marker, partner });
    }
    group.addLayers([...markers.values()].map((m) => m.marker));
    markersRef.current = markers;
  }, [partners, markerTitle]);

  // Mark the selected partner (and its cluster) in place, and pan to it when it is out of view.
  useEffect(() => {
    const group = groupRef.current;
    const previous = selectedRef.current;
    selectedRef.current = selectedKey;
    if (!group) return;
    const changed: L.Marker[] = [];
    for (const key of new Set([previous, selectedKey])) {
      const entry = key ? markersRef.current.get(key) : undefined;
      if (!entry) continue;
      const selected = key === selectedKey;
      (entry.marker.options as PartnerMarkerOptions).selected = selected;
      entry.marker.setIcon(partnerIcon(entry.partner, selected));
      entry.marker.setZIndexOffset(selected ? 1000 : 0);
      changed.push(entry.marker);
    }
    if (changed.length) group.refreshClusters(changed);
    const current = selectedKey ? markersRef.current.get(selectedKey) : undefined;
    if (current && !map.getBounds().contains(current.marker.getLatLng())) map.panTo(current.marker.getLatLng());
  }, [selectedKey, map]);

  return null;
}
