import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { NeighbourhoodsDocument } from '../../../generated/graphql';
import type { MapNeighbourhood } from '../../../map/map-types';
import { useClientSettings } from '../../app-settings/hooks/use-client-settings';

const EMPTY: MapNeighbourhood[] = [];

/**
 * All neighbourhoods of a municipality, with their boundaries: by default the municipality this
 * installation serves (MUNICIPALITY_CODE, from the server's client settings).
 */
export function useNeighbourhoods(municipalityCode?: string) {
  const settings = useClientSettings();
  const code = municipalityCode ?? settings.settings?.municipalityCode;
  const { data, loading, error } = useGraphQLQuery(NeighbourhoodsDocument, code ? { municipalityCode: code } : undefined, { skip: !code });
  return {
    neighbourhoods: data?.neighbourhoods ?? EMPTY,
    loading: loading || (!code && settings.loading),
    error: error ?? (code ? undefined : settings.error),
    municipalityCode: code,
  };
}
