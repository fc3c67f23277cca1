import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { type LanguagesQuery, LanguagesDocument } from '../../../generated/graphql';

const EMPTY: LanguagesQuery['languages'] = [];

/** All known languages, for the suggestions under the language field. */
export function useLanguages() {
  const { data, loading, error } = useGraphQLQuery(LanguagesDocument, {}, { shared: true });
  return { languages: data?.languages ?? EMPTY, loading, error };
}
