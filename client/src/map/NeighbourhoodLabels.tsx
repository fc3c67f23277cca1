import L from 'leaflet';
import { useEffect, useState } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import type { MapNeighbourhood } from './map-types';

/** From this zoom level on the buurt names are written on the map, so it reads without tiles too. */
export const LABEL_MIN_ZOOM = 14;

/** The names of the neighbourhoods in view, at their centre, when zoomed in far enough. Not interactive. */
export function NeighbourhoodLabels({ neighbourhoods }: { neighbourhoods: readonly MapNeighbourhood[] }) {
  const map = useMap();
  const [view, setView] = useState(() => ({ zoom: map.getZoom(), bounds: map.getBounds() }));
  useMapEvents({ moveend: () => setView({ zoom: map.getZoom(), bounds: map.getBounds() }) });
  useEffect(() => {
    if (view.zoom < LABEL_MIN_ZOOM) return;
    const group = L.layerGroup().addTo(map);
    for (const n of neighbourhoods) {
      if (!view.bounds.contains([n.centroidLat, n.centroidLon])) continue;
      L.marker([n.centroidLat, n.centroidLon], {
        icon: L.divIcon({ className: 'neighbourhood-label', html: `<span>${n.name.replace(/[&<>"']/g, '')}</span>`, iconSize: [0, 0] }),
        interactive: false,
        keyboard: false,
        zIndexOffset: -1000,
      }).addTo(group);
    }
    return () => {
      group.remove();
    };
  }, [map, neighbourhoods, view]);
  return null;
}
