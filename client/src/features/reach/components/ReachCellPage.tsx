import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { ReachCellAggregatesDocument, ReachCellPartnersDocument } from '../../../generated/graphql';
import { useSession } from '../../auth/hooks/use-session';
import { PageHeading, PageState } from '../../registry/components/record-parts';
import { STATUS_COLOUR, STATUS_MARK } from '../reach-status';
import { type ReachTextKey, useReachText } from '../reach-text';
import '../reach.css';

const COUNTS: ReachTextKey[] = [
  'reach.cell.keyPersons',
  'reach.cell.formalInterpreters',
  'reach.cell.informalInterpreters',
  'reach.cell.organisations',
  'reach.cell.activeAgreements',
  'reach.cell.walkInHours',
  'reach.cell.fixedContacts',
  'reach.cell.stalePartners',
];

/** One cell of the matrix: the counts, what is missing, and (for team members) the partners that count and the stale ones. */
export function ReachCellPage({ code, groupKey }: { code: string; groupKey: string }) {
  const { rt, locale, formatDate } = useReachText();
  const { user } = useSession();
  const aggregatesOnly = user?.role === 'POLICY_OFFICER';
  const { data, loading, error } = useGraphQLQuery(ReachCellAggregatesDocument, { code, groupKey });
  const partners = useGraphQLQuery(ReachCellPartnersDocument, { code, groupKey }, { skip: aggregatesOnly });
  const detail = data?.reachCell;
  if (!detail) return <PageState loading={loading} error={error} />;
  const cell = detail.cell;
  const group = locale === 'en' ? detail.group.nameEn : detail.group.nameNl;
  const counts = [
    cell.keyPersons,
    cell.formalInterpreters,
    cell.informalInterpreters,
    cell.organisations,
    cell.activeAgreements,
    cell.walkInHours,
    cell.fixedContacts,
    cell.stalePartners,
  ];
  const role = (p: { isKeyPerson: boolean; isInterpreter: boolean; interpreterFormal: boolean | null }) =>
    [p.isKeyPerson ? rt('reach.keyPerson') : null, p.isInterpreter ? rt(p.interpreterFormal ? 'reach.formal' : 'reach.informal') : null]
      .filter(Boolean)
      .join(', ');
  return (
    <article aria-labelledby="page-heading" className="reach">
      <PageHeading>{rt('reach.cell.heading', { group, area: detail.areaName })}</PageHeading>
      <Paragraph>
        <span className="reach-status" style={{ background: STATUS_COLOUR[cell.status] }}>
          {STATUS_MARK[cell.status]} {rt(`reach.status.${cell.status}`)}
        </span>
      </Paragraph>
      {aggregatesOnly ? <Paragraph>{rt('reach.cell.aggregatesOnly')}</Paragraph> : null}
      <dl className="reach__counts">
        <dt>{rt('reach.cell.estimate')}</dt>
        <dd>
          {cell.estimate ? cell.estimate.label : cell.band ? rt(`reach.band.${cell.band}`) : '–'}
          {cell.observedOn ? ` (${formatDate(cell.observedOn)})` : ''}
        </dd>
        {COUNTS.map((key, i) => (
          <div key={key} className="reach__count">
            <dt>{rt(key)}</dt>
            <dd>{counts[i].label}</dd>
          </div>
        ))}
      </dl>
      {cell.missing.length ? (
        <>
          <Heading level={2}>{rt('reach.cell.missing')}</Heading>
          <ul>
            {cell.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Heading level={2}>{rt('reach.cell.partners')}</Heading>
      <ul>
        {detail.organisations.map((o) => (
          <li key={o.id}>{aggregatesOnly ? o.name : <a href={paths.organisation(o.id)}>{o.name}</a>}</li>
        ))}
        {(partners.data?.reachCell.persons ?? []).map((p) => (
          <li key={p.id}>
            <a href={paths.person(p.id)}>{p.name}</a> ({role(p)})
          </li>
        ))}
        {detail.walkInHours.map((a) => (
          <li key={a.id}>
            {a.name} ({a.startTime}–{a.endTime})
          </li>
        ))}
      </ul>
      <Heading level={2}>{rt('reach.cell.stale')}</Heading>
      <ul>
        {detail.staleOrganisations.map((o) => (
          <li key={o.id}>{o.name}</li>
        ))}
        {(partners.data?.reachCell.stalePersons ?? []).map((p) => (
          <li key={p.id}>
            <a href={paths.person(p.id)}>{p.name}</a> ({role(p)})
          </li>
        ))}
      </ul>
      <Paragraph>
        {aggregatesOnly ? null : (
          <>
            <Link href={paths.neighbourhood(code)}>{rt('reach.cell.toNeighbourhood')}</Link>
            {' · '}
          </>
        )}
        <Link href={paths.reach()}>{rt('reach.cell.back')}</Link>
      </Paragraph>
    </article>
  );
}
