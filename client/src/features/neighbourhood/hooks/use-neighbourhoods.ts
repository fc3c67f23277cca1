import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { NeighbourhoodsDocument } from '../../../generated/graphql';
import type { MapNeighbourhood } from '../../../map/map-types';
import { useClientSettings } from '../../app-settings/hooks/use-client-settings';

const EMPTY: MapNeighbourhood[] = [];

/**
 * All neighbourhoods of a municipality, with their boundaries: by default every municipality this
 * installation serves (MUNICIPALITY_CODE, one or a region, from the server's client settings).
 */
export function useNeighbourhoods(municipalityCode?: string) {
  const settings = useClientSettings();
  const codes = municipalityCode ? [municipalityCode] : settings.settings?.municipalityCodes;
  const code = codes?.[0];
  const { data, loading, error } = useGraphQLQuery(NeighbourhoodsDocument, codes?.length ? { municipalityCodes: codes } : undefined, {
    skip: !code,
    shared: true,
  });
  return {
    neighbourhoods: data?.neighbourhoods ?? EMPTY,
    loading: loading || (!code && settings.loading),
    error: error ?? (code ? undefined : settings.error),
    municipalityCode: code,
  };
}
