import { DataList, Link, Paragraph } from '@utrecht/component-library-react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { TeamRecordDocument } from '../../../generated/graphql';
import { useRegistryText } from '../registry-text';
import { DetailRow } from './DetailRow';
import { AgreementList, ContactHistoryTable, PageHeading, PageState, Section, VerifiedLine } from './record-parts';

export function TeamPage({ id }: { id: string }) {
  const { rt } = useRegistryText();
  const { data, loading, error } = useGraphQLQuery(TeamRecordDocument, { id });
  const team = data?.team;
  if (!team) return <PageState loading={loading} error={error} notFound={!loading} />;
  return (
    <article aria-labelledby="page-heading">
      <PageHeading>{team.name}</PageHeading>
      <Paragraph className="page__kind">{rt(`teamKind.${team.kind}`)}</Paragraph>
      {team.archivedAt ? <Paragraph className="notice">{rt('record.archivedNote')}</Paragraph> : null}
      <VerifiedLine lastVerifiedOn={team.lastVerifiedOn} isStale={team.isStale} />
      <Section id="team-details" title={rt('record.details')}>
        <DataList>
          <DetailRow label={rt('organisation.phone')}>{team.phone}</DetailRow>
          <DetailRow label={rt('organisation.email')}>{team.email}</DetailRow>
          <DetailRow label={rt('record.neighbourhoods')}>
            {team.neighbourhoods.map((n, i) => (
              <span key={n.code}>
                {i > 0 ? ', ' : ''}
                <Link href={paths.neighbourhood(n.code)}>{n.name}</Link>
              </span>
            ))}
          </DetailRow>
        </DataList>
      </Section>
      <Section
        id="team-contacts"
        title={rt('record.contactCurrent')}
        actions={team.archivedAt ? null : <Paragraph><Link href={paths.registerContact({ teamId: team.id })}>{rt('record.contactAssign')}</Link></Paragraph>}
      >
        <Paragraph className="team__current-contact">
          {team.currentContact?.person ? <Link href={paths.person(team.currentContact.person.id)}>{team.currentContact.person.name}</Link> : rt('record.contactNone')}
        </Paragraph>
        <ContactHistoryTable items={team.contactHistory} caption={rt('record.contactHistory')} />
      </Section>
      <Section
        id="team-agreements"
        title={rt('record.agreements')}
        actions={<Paragraph><Link href={paths.registerAgreement({ teamId: team.id })}>{rt('nav.registerAgreement')}</Link></Paragraph>}
      >
        <AgreementList items={team.agreements} />
      </Section>
    </article>
  );
}
