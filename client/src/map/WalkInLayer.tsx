import { divIcon } from 'leaflet';
import { useMemo } from 'react';
import { Marker, Tooltip } from 'react-leaflet';
import type { MapNeighbourhood } from './map-types';

/** A walk-in hour found by "Spreekuren zoeken", as the map shows it. */
export interface MapWalkInHour {
  activityId: string;
  name: string;
  venueName: string;
  neighbourhoodCode: string;
  /** Its next occurrence in the period searched, as people read it ("donderdag 10 december, 14:00–16:00"). */
  when: string;
}

const icon = divIcon({ className: 'walk-in-marker', html: '<span aria-hidden="true">S</span>', iconSize: [28, 28], iconAnchor: [14, 14] });

/**
 * The walk-in hours of the last walk-in search, one marker per walk-in hour at the centre of its buurt (the venue's
 * own position is not in the search answer; a buurt centre is as precise as persons are shown). A square "S", so it
 * cannot be taken for a partner.
 */
export function WalkInLayer({ walkInHours, neighbourhoods }: { walkInHours: readonly MapWalkInHour[]; neighbourhoods: readonly MapNeighbourhood[] }) {
  const centres = useMemo(() => new Map(neighbourhoods.map((n) => [n.code, [n.centroidLat, n.centroidLon] as [number, number]])), [neighbourhoods]);
  const first = new Map<string, MapWalkInHour>();
  for (const w of walkInHours) if (!first.has(w.activityId)) first.set(w.activityId, w);
  return (
    <>
      {[...first.values()].map((w) => {
        const at = centres.get(w.neighbourhoodCode);
        if (!at) return null;
        const label = `${w.name}, ${w.venueName}: ${w.when}`;
        return (
          <Marker key={w.activityId} position={at} icon={icon} title={label} alt={label} zIndexOffset={1500}>
            <Tooltip>{label}</Tooltip>
          </Marker>
        );
      })}
    </>
  );
}
