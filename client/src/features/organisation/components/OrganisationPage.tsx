import { PhoneLink } from '../../partner-search/components/PhoneLink';
import { SelfServiceLinkPanel, UnlistedLabel } from '../../self-service/components/SelfServiceLinkPanel';
import { DataList, Link, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { PartnerContactMoments } from '../../referral/components/PartnerContactMoments';
import { ArchiveOrganisationDocument, OrganisationRecordDocument } from '../../../generated/graphql';
import { usePermissions } from '../../registry/hooks/use-permissions';
import { useRegistryText } from '../../registry/registry-text';
import { DetailRow } from '../../registry/components/DetailRow';
import { ProfileRows } from '../../profile/components/ProfileSummary';
import {
  ActivityList,
  AgreementList,
  ContactHistoryTable,
  neighbourhoodLinks,
  PageHeading,
  PageState,
  RecordActions,
  Section,
  StaleBadge,
  VerifiedLine,
} from '../../registry/components/record-parts';

export function OrganisationPage({ id }: { id: string }) {
  const { rt, t, locale } = useRegistryText();
  const { canEditActivities } = usePermissions();
  const [version, setVersion] = useState(0);
  const { data, loading, error } = useGraphQLQuery(OrganisationRecordDocument, { id }, { reloadKey: version });
  const organisation = data?.organisation;
  if (!organisation) return <PageState loading={loading && !data} error={error} notFound={!loading} />;
  const name = (l: { nameNl: string; nameEn: string }) => (locale === 'nl' ? l.nameNl : l.nameEn);
  const archived = Boolean(organisation.archivedAt);
  return (
    <article aria-labelledby="page-heading">
      <PageHeading>
        {organisation.name} <StaleBadge isStale={organisation.isStale} />
      </PageHeading>
      <Paragraph className="page__kind">{`${rt('organisation.heading')} · ${t(`kind.${organisation.kind}`)}`}</Paragraph>
      {archived ? <Paragraph className="notice">{rt('record.archivedNote')}</Paragraph> : null}
      <VerifiedLine lastVerifiedOn={organisation.lastVerifiedOn} isStale={organisation.isStale} />
      <UnlistedLabel id={organisation.id} />
      <RecordActions
        entityType="ORGANISATION"
        record={organisation}
        editHref={paths.editOrganisation(organisation.id)}
        archive={() => graphqlRequest(ArchiveOrganisationDocument, { input: { id: organisation.id } })}
        onChanged={() => setVersion((v) => v + 1)}
      />
      <Section id="organisation-details" title={rt('record.details')}>
        <DataList>
          <DetailRow label={rt('organisation.description')}>{organisation.description}</DetailRow>
          <DetailRow label={rt('organisation.address')}>
            {[organisation.address, organisation.postcode, organisation.city].filter(Boolean).join(', ')}
          </DetailRow>
          <DetailRow label={t('organisation.mapLocation')}>
            {organisation.lat == null || organisation.lon == null
              ? t('organisation.locationNone')
              : organisation.locationSource === 'POSTCODE'
                ? t('organisation.locationPostcode')
                : t('organisation.locationManual')}
          </DetailRow>
          <DetailRow label={rt('organisation.website')}>
            {organisation.website ? (
              <Link href={organisation.website} data-reload="">
                {organisation.website}
              </Link>
            ) : null}
          </DetailRow>
          <DetailRow label={rt('organisation.phone')}>
            <PhoneLink phone={organisation.phone} />
          </DetailRow>
          <DetailRow label={rt('organisation.email')}>{organisation.email}</DetailRow>
          <DetailRow label={rt('organisation.languages')}>{organisation.languages.map(name).join(', ')}</DetailRow>
          <DetailRow label={rt('organisation.communities')}>{organisation.communities.map(name).join(', ')}</DetailRow>
          <DetailRow label={rt('record.neighbourhoods')}>
            {organisation.neighbourhoods.length ? neighbourhoodLinks(organisation.neighbourhoods) : null}
          </DetailRow>
          <ProfileRows profile={organisation} showTopics />
        </DataList>
      </Section>
      <Section
        id="organisation-contacts"
        title={rt('record.contactCurrent')}
        actions={
          archived ? null : (
            <Paragraph>
              <Link href={paths.registerContact({ organisationId: organisation.id })}>{rt('record.contactAssign')}</Link>
            </Paragraph>
          )
        }
      >
        <Paragraph>
          {organisation.currentContact?.person ? (
            <Link href={paths.person(organisation.currentContact.person.id)}>{organisation.currentContact.person.name}</Link>
          ) : (
            rt('record.contactNone')
          )}
        </Paragraph>
        <ContactHistoryTable items={organisation.contactHistory} caption={rt('record.contactHistory')} />
      </Section>
      <Section id="organisation-agreements" title={rt('record.agreements')}>
        <AgreementList items={organisation.agreements} />
      </Section>
      <Section
        id="organisation-activities"
        title={rt('record.activities')}
        actions={
          archived || !canEditActivities ? null : (
            <Paragraph>
              <Link href={paths.registerActivity({ organisationId: organisation.id })}>{rt('activity.add')}</Link>
            </Paragraph>
          )
        }
      >
        <ActivityList items={organisation.activities} returnTo={paths.organisation(organisation.id)} />
      </Section>
      <PartnerContactMoments partnerId={organisation.id} />
      {archived ? null : <SelfServiceLinkPanel entityType="ORGANISATION" entityId={organisation.id} />}
    </article>
  );
}
