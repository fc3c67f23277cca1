import { PhoneLink } from '../../partner-search/components/PhoneLink';
import { ButtonGroup, DataList, Link, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { ArchiveTeamDocument, TeamRecordDocument } from '../../../generated/graphql';
import { announceStatus } from '../../registry/forms/status-message';
import { usePermissions } from '../../registry/hooks/use-permissions';
import { useRegistryText } from '../../registry/registry-text';
import { useSession } from '../../auth/hooks/use-session';
import { DetailRow } from '../../registry/components/DetailRow';
import {
  ActivityList,
  AgreementList,
  ArchiveControl,
  ContactHistoryTable,
  neighbourhoodLinks,
  PageHeading,
  PageState,
  Section,
  VerifiedLine,
} from '../../registry/components/record-parts';

export function TeamPage({ id }: { id: string }) {
  const { rt, t } = useRegistryText();
  const permissions = usePermissions();
  const { user } = useSession();
  const [version, setVersion] = useState(0);
  const { data, loading, error } = useGraphQLQuery(TeamRecordDocument, { id }, { reloadKey: version });
  const team = data?.team;
  if (!team) return <PageState loading={loading && !data} error={error} notFound={!loading} />;
  const archived = Boolean(team.archivedAt);
  // From the server's rule (team.can): its coordinators edit, administrators also archive.
  const canEdit = !archived && team.can.edit;
  const canArchive = !archived && team.can.archive;
  // The team's walk-in hours are those under its agreements (a walk-in hour belongs to an organisation or an agreement).
  const activities = [...new Map(team.agreements.flatMap((a) => a.activities).map((activity) => [activity.id, activity])).values()];
  return (
    <article aria-labelledby="page-heading">
      <PageHeading>{team.name}</PageHeading>
      <Paragraph className="page__kind">{rt(`teamKind.${team.kind}`)}</Paragraph>
      {archived ? <Paragraph className="notice">{rt('record.archivedNote')}</Paragraph> : null}
      <VerifiedLine lastVerifiedOn={team.lastVerifiedOn} isStale={team.isStale} />
      {canEdit || canArchive ? (
        <ButtonGroup className="page__actions">
          {canEdit ? <Link href={paths.editTeam(team.id)}>{rt('record.editNamed', { name: team.name })}</Link> : null}
          {canArchive ? (
            <ArchiveControl
              name={team.name}
              onArchive={async () => {
                await graphqlRequest(ArchiveTeamDocument, { input: { id: team.id } });
                announceStatus(rt('record.archivedDone', { name: team.name }));
                setVersion((v) => v + 1);
              }}
            />
          ) : null}
        </ButtonGroup>
      ) : archived ? null : (
        <Paragraph className="page__note">{rt('team.onlyCoordinators')}</Paragraph>
      )}
      {/* The team's own contact moments (referral log), for its members and administrators. */}
      {permissions.isAdministrator || user?.teams.some((own) => own.id === team.id) ? (
        <Paragraph>
          <Link href={paths.referrals(team.id)}>{t('referral.nav')}</Link>
        </Paragraph>
      ) : null}
      <Section id="team-details" title={rt('record.details')}>
        <DataList>
          <DetailRow label={rt('team.phone')}>
            <PhoneLink phone={team.phone} />
          </DetailRow>
          <DetailRow label={rt('team.email')}>{team.email}</DetailRow>
          <DetailRow label={rt('record.neighbourhoods')}>{neighbourhoodLinks(team.neighbourhoods)}</DetailRow>
        </DataList>
      </Section>
      <Section
        id="team-contacts"
        title={rt('record.contactCurrent')}
        actions={
          archived ? null : (
            <Paragraph>
              <Link href={paths.registerContact({ teamId: team.id })}>{rt('record.contactAssign')}</Link>
            </Paragraph>
          )
        }
      >
        <Paragraph className="team__current-contact">
          {team.currentContact?.person ? (
            <Link href={paths.person(team.currentContact.person.id)}>{team.currentContact.person.name}</Link>
          ) : (
            rt('record.contactNone')
          )}
        </Paragraph>
        <ContactHistoryTable items={team.contactHistory} caption={rt('record.contactHistory')} />
      </Section>
      <Section
        id="team-agreements"
        title={rt('record.agreements')}
        actions={
          <Paragraph>
            <Link href={paths.registerAgreement({ teamId: team.id })}>{rt('nav.registerAgreement')}</Link>
          </Paragraph>
        }
      >
        <AgreementList items={team.agreements} />
      </Section>
      <Section
        id="team-activities"
        title={rt('record.activities')}
        actions={
          archived || !permissions.canEditActivities ? null : (
            <Paragraph>
              <Link href={paths.registerActivity({ teamId: team.id })}>{rt('activity.add')}</Link>
            </Paragraph>
          )
        }
      >
        <Paragraph className="page__kind">{rt('team.activitiesHint')}</Paragraph>
        <ActivityList items={activities} returnTo={paths.team(team.id)} />
      </Section>
    </article>
  );
}
