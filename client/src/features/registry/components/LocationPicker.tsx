import { Button, FormFieldDescription, Paragraph } from '@utrecht/component-library-react';
import 'leaflet/dist/leaflet.css';
import { useEffect } from 'react';
import { CircleMarker, MapContainer, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { useRegistryText } from '../registry-text';

export interface PlacedPoint {
  lat: number;
  lon: number;
}

interface Props {
  id: string;
  point: PlacedPoint | null;
  /** Where the stored point came from: MANUAL (typed or clicked) or POSTCODE; null when unplaced. */
  source: 'MANUAL' | 'POSTCODE' | null;
  bounds: { south: number; west: number; north: number; east: number } | null | undefined;
  tileUrl?: string;
  tileAttribution?: string;
  onPlace(point: PlacedPoint): void;
  onClear(): void;
}

// Six decimals is about 10 cm: more says nothing about a venue.
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** A click places the point; with the keyboard, Enter or the space bar places it at the middle of the map (arrows move the map). */
function PlaceOnClick({ onPlace }: { onPlace(point: PlacedPoint): void }) {
  const map = useMapEvents({
    click: (event) => onPlace({ lat: round(event.latlng.lat), lon: round(event.latlng.lng) }),
    keydown: (event) => {
      const key = event.originalEvent.key;
      if (key !== 'Enter' && key !== ' ') return;
      event.originalEvent.preventDefault();
      const centre = map.getCenter();
      onPlace({ lat: round(centre.lat), lon: round(centre.lng) });
    },
  });
  return null;
}

/** Starts on the venue when it has a point, otherwise on the municipality. */
function InitialView({ point, bounds }: Pick<Props, 'point' | 'bounds'>) {
  const map = useMap();
  useEffect(() => {
    if (point) map.setView([point.lat, point.lon], 15, { animate: false });
    else if (bounds)
      map.fitBounds(
        [
          [bounds.south, bounds.west],
          [bounds.north, bounds.east],
        ],
        { animate: false },
      );
    // Only the first view: later clicks must not move the map under the pointer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bounds]);
  return null;
}

/**
 * Place an organisation's venue on a small map (issue 13.1): the point is saved as lat/lon, which the server
 * records as locationSource MANUAL; without a point the postcode places it (POSTCODE). Fully optional.
 */
export function LocationPicker({ id, point, source, bounds, tileUrl, tileAttribution, onPlace, onClear }: Props) {
  const { rt } = useRegistryText();
  const state =
    point && source === 'MANUAL'
      ? rt('organisation.locationManual', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) })
      : point && source === 'POSTCODE'
        ? rt('organisation.locationPostcode')
        : rt('organisation.locationNone');
  return (
    <div className="location-picker">
      <FormFieldDescription id={`${id}-hint`}>{`${rt('organisation.locationHint')} ${rt('organisation.locationMapKeyboard')}`}</FormFieldDescription>
      <div className="location-picker__map" role="region" aria-label={rt('organisation.locationMap')} aria-describedby={`${id}-hint ${id}-state`}>
        <MapContainer id={id} center={[52.09, 5.12]} zoom={12} className="location-picker__leaflet" scrollWheelZoom={false}>
          {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution} /> : null}
          <InitialView point={point} bounds={bounds} />
          <PlaceOnClick onPlace={onPlace} />
          {point ? <CircleMarker center={[point.lat, point.lon]} radius={9} pathOptions={{ color: '#1a4d8f', weight: 3, fillOpacity: 0.6 }} /> : null}
        </MapContainer>
      </div>
      <Paragraph id={`${id}-state`} className="location-picker__state" aria-live="polite">
        {state}
      </Paragraph>
      {point && source === 'MANUAL' ? (
        <Button type="button" appearance="subtle-button" onClick={onClear}>
          {rt('organisation.locationClear')}
        </Button>
      ) : null}
    </div>
  );
}
