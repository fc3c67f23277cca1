import { useEffect, useMemo, useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import {
  type RegistryOrganisationChoicesQuery,
  RegistryChoicesDocument,
  RegistryNeighbourhoodChoicesDocument,
  RegistryOrganisationChoicesDocument,
  type RegistryPersonChoicesQuery,
  RegistryPersonChoicesDocument,
} from '../../../generated/graphql';
import { useClientSettings } from '../../app-settings/hooks/use-client-settings';
import { useSession } from '../../auth/hooks/use-session';
import { useLanguages } from '../../language/hooks/use-languages';
import type { Option } from '../forms/fields';
import { useRegistryText } from '../registry-text';

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, 'nl');

/** Teams, communities, neighbourhoods and languages as options for the forms. */
export function useRegistryChoices() {
  const { locale } = useRegistryText();
  const base = useGraphQLQuery(RegistryChoicesDocument, {});
  // The neighbourhoods of the municipalities this installation serves (MUNICIPALITY_CODE, one or a region).
  const { settings, loading: settingsLoading, error: settingsError } = useClientSettings();
  const neighbourhoodChoices = useNeighbourhoodChoices(settings?.municipalityCodes);
  const { languages } = useLanguages();
  const { user } = useSession();
  return useMemo(() => {
    const teams: Option[] = (base.data?.teams ?? [])
      .filter((t) => !t.archivedAt)
      .map((t) => ({ value: t.id, label: t.name }))
      .sort(byLabel);
    const communities: Option[] = (base.data?.communities ?? []).map((c) => ({ value: c.code, label: locale === 'nl' ? c.nameNl : c.nameEn }));
    // Issue 14: a team choice offers only the teams the user may act for (me.actableTeams, the server's rule),
    // plus the record's current team so that an edit shows what is there.
    const actable = new Set((user?.actableTeams ?? []).map((t) => t.id));
    const actableTeams = (current?: string | null) => teams.filter((t) => actable.has(t.value) || t.value === current);
    return {
      teams,
      actableTeams,
      communities,
      neighbourhoods: neighbourhoodChoices.options,
      languages,
      loading: base.loading || neighbourhoodChoices.loading || settingsLoading,
      error: base.error ?? neighbourhoodChoices.error ?? settingsError,
    };
  }, [base, neighbourhoodChoices, settingsLoading, settingsError, languages, locale, user]);
}

/** The neighbourhoods of one or more municipalities as options, "Name (District)", by name; none until the code is known. */
export function useNeighbourhoodChoices(municipality: string | readonly string[] | undefined) {
  const municipalityCodes = municipality === undefined ? [] : typeof municipality === 'string' ? [municipality] : [...municipality];
  const data = useGraphQLQuery(RegistryNeighbourhoodChoicesDocument, municipalityCodes.length ? { municipalityCodes } : undefined, {
    skip: !municipalityCodes.length,
  });
  return useMemo(() => {
    const options: Option[] = (data.data?.neighbourhoods ?? []).map((n) => ({ value: n.code, label: `${n.name} (${n.district.name})` })).sort(byLabel);
    return { options, loading: data.loading, error: data.error };
  }, [data.data, data.loading, data.error]);
}

type PersonChoice = RegistryPersonChoicesQuery['persons']['items'][number];
type OrganisationChoice = RegistryOrganisationChoicesQuery['organisations']['items'][number];

/** Every page of a list, 200 at a time (the server's maximum). */
function useAllPages<T>(load: (offset: number, signal: AbortSignal) => Promise<{ items: T[]; hasMore: boolean }>, reloadKey: unknown) {
  const [state, setState] = useState<{ items: T[]; loading: boolean; error?: GraphQLRequestError }>({ items: [], loading: true });
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const items: T[] = [];
      for (let offset = 0; ; offset += 200) {
        const page = await load(offset, controller.signal);
        items.push(...page.items);
        if (!page.hasMore || page.items.length === 0) break;
      }
      if (!controller.signal.aborted) setState({ items, loading: false });
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setState({ items: [], loading: false, error: error instanceof GraphQLRequestError ? error : new GraphQLRequestError([{ message: String(error) }]) });
    });
    return () => controller.abort();
    // load is stable per call site; reloadKey decides when to fetch again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reloadKey]);
  return state;
}

/** All persons (signed-in users only), to pick contact persons and key persons from. */
export function usePersonChoices(reloadKey: unknown = 0) {
  return useAllPages<PersonChoice>(
    (offset, signal) => graphqlRequest(RegistryPersonChoicesDocument, { page: { limit: 200, offset } }, { signal }).then((d) => d.persons),
    reloadKey,
  );
}

export function useOrganisationChoices() {
  return useAllPages<OrganisationChoice>(
    (offset, signal) => graphqlRequest(RegistryOrganisationChoicesDocument, { page: { limit: 200, offset } }, { signal }).then((d) => d.organisations),
    0,
  );
}
