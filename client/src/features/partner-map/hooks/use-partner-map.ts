import { useEffect, useState } from 'react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { type PartnerMapQuery, PartnerMapDocument } from '../../../generated/graphql';
import type { MapView } from '../../../map/map-types';
import { directoryFilterOf, type SearchCriteria } from '../../partner-search/hooks/use-partner-search';

export type PartnerMapData = PartnerMapQuery['partnerMap'];

/** The filter of the directory search; empty strings mean "any". */
export type PartnerMapFilter = SearchCriteria;

/**
 * Every partner matching the filter, clustered by the server for the map's current zoom level and box
 * (a little larger than the view, so a small pan needs no new request). Keeps the last answer on screen
 * while the next one loads, so markers do not blink on every move.
 */
export function usePartnerMap(filter: PartnerMapFilter | undefined, view: MapView | undefined, enabled: boolean) {
  const variables =
    filter && view
      ? {
          input: {
            zoom: view.zoom,
            bounds: view.bounds,
            ...directoryFilterOf(filter),
          },
        }
      : undefined;
  const { data, loading, error } = useGraphQLQuery(PartnerMapDocument, variables, { skip: !enabled || !variables });
  const filterKey = JSON.stringify(filter ?? null);
  // The last answer and the filter it was for: it bridges a move of the map, never a change of filter.
  const [answer, setAnswer] = useState<{ filterKey: string; map: PartnerMapData } | undefined>();
  useEffect(() => {
    if (data && !loading) setAnswer({ filterKey, map: data.partnerMap });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, loading]);
  useEffect(() => {
    if (!enabled) setAnswer(undefined);
  }, [enabled]);
  const current = answer?.filterKey === filterKey ? answer.map : undefined;
  return { map: enabled ? current : undefined, loading, error };
}
