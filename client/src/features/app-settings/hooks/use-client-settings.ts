import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { ClientSettingsDocument } from '../../../generated/graphql';

/** Tile URL and attribution of the background map, from the server configuration. */
export function useClientSettings() {
  const { data, error } = useGraphQLQuery(ClientSettingsDocument, {});
  return { settings: data?.clientSettings, error };
}
