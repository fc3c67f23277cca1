import { DataList, Link, Paragraph } from '@utrecht/component-library-react';
import { SelfServiceLinkPanel, UnlistedLabel } from '../../self-service/components/SelfServiceLinkPanel';
import { useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { ArchivePersonDocument, PersonPageExtrasDocument, PersonRecordDocument } from '../../../generated/graphql';
import { PhoneLink } from '../../partner-search/components/PhoneLink';
import { ContactReads } from '../../admin/components/ContactReads';
import { usePermissions } from '../../registry/hooks/use-permissions';
import { useRegistryText } from '../../registry/registry-text';
import { DetailRow } from '../../registry/components/DetailRow';
import { ProfileRows } from '../../profile/components/ProfileSummary';
import { PartnerContactMoments } from '../../referral/components/PartnerContactMoments';
import {
  AgreementList,
  neighbourhoodLinks,
  PageHeading,
  PageState,
  RecordActions,
  Section,
  StaleBadge,
  VerifiedLine,
} from '../../registry/components/record-parts';

export function PersonPage({ id }: { id: string }) {
  const { rt, t, locale, formatDate } = useRegistryText();
  const { isAdministrator } = usePermissions();
  const [version, setVersion] = useState(0);
  const { data, loading, error } = useGraphQLQuery(PersonRecordDocument, { id }, { reloadKey: version });
  const person = data?.person;
  const { isSignedIn } = usePermissions();
  // After the record: the names of its team and organisation, and (signed in) its contact details.
  const extras = useGraphQLQuery(
    PersonPageExtrasDocument,
    person
      ? {
          id: person.id,
          teamId: person.teamId ?? '',
          organisationId: person.organisationId ?? '',
          withTeam: Boolean(person.teamId),
          withOrganisation: Boolean(person.organisationId),
        }
      : undefined,
    { skip: !person, reloadKey: version },
  ).data;
  if (!person) return <PageState loading={loading && !data} error={error} notFound={!loading} />;
  const name = (l: { nameNl: string; nameEn: string }) => (locale === 'nl' ? l.nameNl : l.nameEn);
  const roles = person.roles.map((role) =>
    role === 'INTERPRETER' ? t(person.interpreterFormal ? 'role.INTERPRETER_FORMAL' : 'role.INTERPRETER_INFORMAL') : t(`role.${role}`),
  );
  const archived = Boolean(person.archivedAt);
  return (
    <article aria-labelledby="page-heading">
      <PageHeading>
        {person.name} <StaleBadge isStale={person.isStale} />
      </PageHeading>
      <Paragraph className="page__kind">{`${rt('person.heading')} · ${roles.join(' · ')}`}</Paragraph>
      {archived ? <Paragraph className="notice">{rt('record.archivedNote')}</Paragraph> : null}
      <VerifiedLine lastVerifiedOn={person.lastVerifiedOn} isStale={person.isStale} />
      <UnlistedLabel id={person.id} />
      <RecordActions
        entityType="PERSON"
        record={person}
        editHref={paths.editPerson(person.id)}
        archive={() => graphqlRequest(ArchivePersonDocument, { input: { id: person.id } })}
        onChanged={() => setVersion((v) => v + 1)}
      />
      {isAdministrator ? (
        <Paragraph>
          <Link href={paths.adminPerson(person.id)}>{t('admin.privacy.link')}</Link>
        </Paragraph>
      ) : null}
      <Section id="person-details" title={rt('record.details')}>
        <DataList>
          <DetailRow label={rt('person.languages')}>{person.languages.map((l) => `${name(l.language)} (${t(`level.${l.level}`)})`).join(', ')}</DetailRow>
          <DetailRow label={rt('person.communities')}>{person.communities.map(name).join(', ')}</DetailRow>
          <DetailRow label={rt('person.topics')}>{person.topics.map((topic) => t(`topic.${topic}`)).join(', ')}</DetailRow>
          <DetailRow label={rt('person.neighbourhoods')}>{person.neighbourhoods.length ? neighbourhoodLinks(person.neighbourhoods) : null}</DetailRow>
          <DetailRow label={rt('person.availability')}>
            {t(`availability.${person.availability}`) + (person.availabilityNote ? ` (${person.availabilityNote})` : '')}
          </DetailRow>
          {person.isStale !== undefined && person.roles.includes('INTERPRETER') && person.interpreterFormal ? (
            <DetailRow label={rt('person.registrationNumber')}>{person.registrationNumber ?? '–'}</DetailRow>
          ) : null}
          {person.roles.includes('KEY_PERSON') ? (
            <DetailRow label={rt('person.trainedKeyPerson')}>{t(person.trainedKeyPerson ? 'detail.yes' : 'detail.no')}</DetailRow>
          ) : null}
          <DetailRow label={rt('person.volunteerContract')}>{t(person.volunteerContract ? 'detail.yes' : 'detail.no')}</DetailRow>
          <DetailRow label={rt('person.team')}>
            {person.teamId ? <Link href={paths.team(person.teamId)}>{extras?.team?.name ?? rt('team.heading')}</Link> : null}
          </DetailRow>
          <DetailRow label={rt('person.organisation')}>
            {person.organisationId ? (
              <Link href={paths.organisation(person.organisationId)}>{extras?.organisation?.name ?? rt('organisation.heading')}</Link>
            ) : null}
          </DetailRow>
          {isSignedIn && extras?.person ? (
            <DetailRow label={rt('person.contact')}>
              {extras.person.contactDetails?.phone || extras.person.contactDetails?.email ? (
                <>
                  <PhoneLink phone={extras.person.contactDetails.phone} />
                  {extras.person.contactDetails.phone && extras.person.contactDetails.email ? ' · ' : null}
                  {extras.person.contactDetails.email ? (
                    <Link href={`mailto:${extras.person.contactDetails.email}`}>{extras.person.contactDetails.email}</Link>
                  ) : null}
                </>
              ) : (
                rt('person.noContact')
              )}
              <span className="record__note">{` ${rt('person.contactLogged')}`}</span>
            </DetailRow>
          ) : null}
          <ProfileRows profile={person} />
          <DetailRow label={rt('person.consent')}>
            {`${formatDate(person.consentGivenOn)} · ${rt(`consentMethod.${person.consentMethod}`).toLowerCase()} · ${rt('person.consentRecordedBy').toLowerCase()} ${person.consentRecordedBy}`}
          </DetailRow>
        </DataList>
      </Section>
      <Section id="person-agreements" title={rt('record.agreements')}>
        <AgreementList items={person.agreements} />
      </Section>
      <PartnerContactMoments partnerId={person.id} />
      {person.can.seeContactReads ? <ContactReads personId={person.id} /> : null}
      {archived ? null : <SelfServiceLinkPanel entityType="PERSON" entityId={person.id} />}
    </article>
  );
}
