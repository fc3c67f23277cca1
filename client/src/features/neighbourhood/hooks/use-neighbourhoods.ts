import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { NeighbourhoodsDocument } from '../../../generated/graphql';
import type { MapNeighbourhood } from '../../../map/map-types';

/** CBS gemeentecode of Utrecht. */
export const UTRECHT = 'GM0344';
const EMPTY: MapNeighbourhood[] = [];

/** All neighbourhoods of a municipality, with their boundaries. */
export function useNeighbourhoods(municipalityCode: string = UTRECHT) {
  const { data, loading, error } = useGraphQLQuery(NeighbourhoodsDocument, { municipalityCode });
  return { neighbourhoods: data?.neighbourhoods ?? EMPTY, loading, error };
}
