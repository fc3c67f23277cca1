import { useEffect, useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { ClientSettingsDocument, type ClientSettingsQuery } from '../../../generated/graphql';

export type ClientSettings = ClientSettingsQuery['clientSettings'];

// The settings do not change while the page is open: one request, shared by every component that asks.
let shared: Promise<ClientSettings> | undefined;
let loaded: ClientSettings | undefined;

function loadSettings(): Promise<ClientSettings> {
  shared ??= graphqlRequest(ClientSettingsDocument, {}).then(
    (data) => (loaded = data.clientSettings),
    (error: unknown) => {
      shared = undefined; // the next component to ask tries again
      throw error instanceof GraphQLRequestError ? error : new GraphQLRequestError([{ message: String(error) }]);
    },
  );
  return shared;
}

/**
 * The server's settings for the client: the background map's tiles, and the municipality this
 * installation serves (MUNICIPALITY_CODE) with its name and the box around its neighbourhoods.
 */
export function useClientSettings(): { settings: ClientSettings | undefined; loading: boolean; error: GraphQLRequestError | undefined } {
  const [state, setState] = useState<{ settings?: ClientSettings; error?: GraphQLRequestError }>(() => ({ settings: loaded }));
  useEffect(() => {
    if (state.settings) return;
    let live = true;
    loadSettings().then(
      (settings) => live && setState({ settings }),
      (error: GraphQLRequestError) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
    // Loaded once per page; nothing to follow.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { settings: state.settings, loading: !state.settings && !state.error, error: state.error };
}
