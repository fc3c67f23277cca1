import type { GraphQLRequestError } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { ClientSettingsDocument, type ClientSettingsQuery } from '../../../generated/graphql';

export type ClientSettings = ClientSettingsQuery['clientSettings'];

/**
 * The server's settings for the client: the background map's tiles, and the municipality this
 * installation serves (MUNICIPALITY_CODE) with its name and the box around its neighbourhoods.
 */
export function useClientSettings(): { settings: ClientSettings | undefined; loading: boolean; error: GraphQLRequestError | undefined } {
  // The settings do not change while the page is open: one request, shared by every component that asks.
  const { data, loading, error } = useGraphQLQuery(ClientSettingsDocument, {}, { shared: true });
  return { settings: data?.clientSettings, loading, error };
}
