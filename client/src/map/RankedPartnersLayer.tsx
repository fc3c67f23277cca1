import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { fanOut } from './marker-fan';
import { type MapPartner, partnerKey, type RankedMapPartner } from './map-types';
import { partnerIcon } from './PartnerClusterLayer';

interface Props {
  partners: readonly RankedMapPartner[];
  selectedKey: string | undefined;
  markerTitle(partner: RankedMapPartner): string;
  onSelect(partner: MapPartner): void;
}

/**
 * The answer of a ranked search: every hit its own marker with its rank number, never clustered, so the
 * map and the list tell the same order.
 */
export function RankedPartnersLayer({ partners, selectedKey, markerTitle, onSelect }: Props) {
  const map = useMap();
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const draw = () => {
      group.clearLayers();
      for (const { item, latLng } of fanOut(map, partners)) {
        const selected = partnerKey(item) === selectedKey;
        const marker = L.marker(latLng, {
          icon: partnerIcon(item, { rank: item.rank, selected }),
          title: markerTitle(item),
          keyboard: true,
          riseOnHover: true,
          zIndexOffset: selected ? 1000 : -item.rank,
        });
        marker.on('click', () => onSelectRef.current(item));
        marker.on('keypress', (event) => {
          const key = (event as L.LeafletKeyboardEvent).originalEvent?.key;
          if (key === 'Enter' || key === ' ') onSelectRef.current(item);
        });
        group.addLayer(marker);
      }
    };
    draw();
    // The fan around a shared point is in pixels: lay it out again for each zoom level.
    map.on('zoomend', draw);
    return () => {
      map.off('zoomend', draw);
      group.remove();
    };
  }, [map, partners, selectedKey, markerTitle]);
  return null;
}
