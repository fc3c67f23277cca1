import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { OrganisationDetailDocument, PersonDetailDocument } from '../../../generated/graphql';

export type PartnerKind = 'person' | 'organisation';
export interface PartnerRef {
  kind: PartnerKind;
  id: string;
}

/** All fields of one person or organisation, fetched when it is opened. */
export function usePartnerDetail(ref: PartnerRef) {
  const person = useGraphQLQuery(PersonDetailDocument, { id: ref.id }, { skip: ref.kind !== 'person' });
  const organisation = useGraphQLQuery(OrganisationDetailDocument, { id: ref.id }, { skip: ref.kind !== 'organisation' });
  const active = ref.kind === 'person' ? person : organisation;
  return {
    person: ref.kind === 'person' ? (person.data?.person ?? undefined) : undefined,
    organisation: ref.kind === 'organisation' ? (organisation.data?.organisation ?? undefined) : undefined,
    loading: active.loading,
    error: active.error,
    notFound:
      !active.loading && !active.error && active.data !== undefined && (ref.kind === 'person' ? !person.data?.person : !organisation.data?.organisation),
  };
}
