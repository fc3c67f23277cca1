import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSON as LeafletGeoJSON, Layer, LeafletEvent, Path, PathOptions } from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { GeoJSON } from 'react-leaflet';
import type { MapNeighbourhood } from './map-types';

interface NeighbourhoodProperties {
  code: string;
  name: string;
  districtName: string;
}

interface Props {
  neighbourhoods: readonly MapNeighbourhood[];
  selectedCode: string | undefined;
  tooltipText(neighbourhood: { name: string; districtName: string }): string;
  onSelect(code: string): void;
}

const BASE: PathOptions = { color: '#24578f', weight: 1, fillColor: '#24578f', fillOpacity: 0.08 };
const SELECTED: PathOptions = { color: '#a3154a', weight: 3, fillColor: '#a3154a', fillOpacity: 0.18 };
const APPROXIMATE: PathOptions = { dashArray: '4 3' };

/** All neighbourhood polygons in one GeoJSON layer: a tooltip with the name, a click selects. */
export function NeighbourhoodLayer({ neighbourhoods, selectedCode, tooltipText, onSelect }: Props) {
  // onEachFeature runs once per feature; read the latest callbacks through refs.
  const onSelectRef = useRef(onSelect);
  const tooltipRef = useRef(tooltipText);
  useEffect(() => {
    onSelectRef.current = onSelect;
    tooltipRef.current = tooltipText;
  });

  const data = useMemo<FeatureCollection<Geometry, NeighbourhoodProperties & { approximate: boolean }>>(
    () => ({
      type: 'FeatureCollection',
      features: neighbourhoods.map((n) => ({
        type: 'Feature',
        id: n.code,
        geometry: n.geometry as Geometry,
        properties: { code: n.code, name: n.name, districtName: n.district.name, approximate: n.boundaryApproximate },
      })),
    }),
    [neighbourhoods],
  );

  const style = useMemo(
    () => (feature?: Feature<Geometry, NeighbourhoodProperties & { approximate: boolean }>) => ({
      ...(feature?.properties.code === selectedCode ? SELECTED : BASE),
      ...(feature?.properties.approximate ? APPROXIMATE : {}),
    }),
    [selectedCode],
  );

  const bind = (feature: Feature<Geometry, NeighbourhoodProperties>, layer: Layer) => {
    layer.bindTooltip(() => tooltipRef.current(feature.properties), { sticky: true, direction: 'top', className: 'neighbourhood-tooltip' });
    layer.on('click', () => onSelectRef.current(feature.properties.code));
  };

  // Chromium puts every clickable SVG path in the tab order: 111 stops without a name. Keyboard users
  // choose a neighbourhood with the select in the side panel instead.
  const eventHandlers = useMemo(
    () => ({
      add: (event: LeafletEvent) => (event.target as LeafletGeoJSON).eachLayer((layer) => (layer as Path).getElement()?.setAttribute('tabindex', '-1')),
    }),
    [],
  );

  // The key makes a new layer only when the set of neighbourhoods changes; style updates in place.
  return <GeoJSON key={neighbourhoods.length} data={data} style={style} onEachFeature={bind} eventHandlers={eventHandlers} />;
}
