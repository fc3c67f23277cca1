import { Button, ButtonGroup, FormField, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { RecordReferralOutcomeDocument, type ReferralOutcome, ReferralsDocument, type ReferralsQuery } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { PageHeading, PageState } from '../../registry/components/record-parts';
import '../../registry/registry.css';
import './referral.css';

export const OUTCOMES: ReferralOutcome[] = ['ONGOING', 'REACHED', 'NOT_REACHED', 'PARTNER_DECLINED'];
const PAGE = 20;

type Item = ReferralsQuery['referrals']['items'][number];

/** Link and name of the partner asked, a person or an organisation. */
export function partnerOf(item: Item): { name: string | null; href: string | null } {
  if (item.person) return { name: item.person.name, href: paths.person(item.person.id) };
  if (item.organisation) return { name: item.organisation.name, href: paths.organisation(item.organisation.id) };
  return { name: null, href: null };
}

/**
 * "Contactmomenten": the team's referrals, newest first and paged, each with its outcome. The outcome is set in one
 * click on one of four toggle buttons (aria-pressed); the page says what was recorded in its live region, and the
 * focus stays on the button pressed. Tables become cards on a phone (.record-table).
 */
export function ContactMomentsPage({ teamId: initialTeam }: { teamId?: string }) {
  const { t, locale, formatDate } = useI18n();
  const { user } = useSession();
  const teams = user?.teams ?? [];
  const [teamId, setTeamId] = useState(initialTeam ?? '');
  const [offset, setOffset] = useState(0);
  const [outcomes, setOutcomes] = useState<Record<string, { outcome: ReferralOutcome; on: string | null }>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<{ id: string; message: string } | null>(null);
  const countRef = useRef<HTMLParagraphElement>(null);
  const { data, loading, error } = useGraphQLQuery(ReferralsDocument, { teamId: teamId || null, page: { limit: PAGE, offset } });
  const list = data?.referrals;

  const chooseTeam = (next: string) => {
    setTeamId(next);
    setOffset(0);
    setStatus('');
    // The filter is part of the address, so a reload or a shared link shows the same team (a filter, not a new page).
    window.history.replaceState(null, '', paths.referrals(next || undefined));
  };
  const page = (next: number) => {
    setOffset(next);
    setStatus('');
    countRef.current?.focus();
  };

  const setOutcome = async (item: Item, outcome: ReferralOutcome) => {
    const name = partnerOf(item).name ?? t('referral.list.unknownPartner');
    setBusy(item.id);
    setProblem(null);
    setStatus('');
    try {
      const { recordReferralOutcome } = await graphqlRequest(RecordReferralOutcomeDocument, { input: { id: item.id, outcome } });
      setOutcomes((all) => ({ ...all, [item.id]: { outcome: recordReferralOutcome.outcome, on: recordReferralOutcome.outcomeRecordedOn ?? null } }));
      setStatus(t('referral.list.outcomeSaved', { name, date: formatDate(item.referredOn), outcome: t(`referral.outcome.${recordReferralOutcome.outcome}`) }));
    } catch (caught) {
      setProblem({ id: item.id, message: caught instanceof GraphQLRequestError ? caught.message : String(caught) });
    } finally {
      setBusy(null);
    }
  };

  const languageName = (l: Item['language']) => (l ? (locale === 'nl' ? l.nameNl : l.nameEn) : '–');
  const columns = ['referral.date', 'referral.list.partner', 'referral.topic', 'referral.language', 'referral.neighbourhood', 'referral.outcome'] as const;

  return (
    <article aria-labelledby="page-heading" aria-busy={loading} className="contact-moments">
      <PageHeading>{t('referral.list.title')}</PageHeading>
      <Paragraph>{t('referral.list.intro')}</Paragraph>
      {teams.length > 1 || user?.role === 'ADMINISTRATOR' ? (
        <FormField type="select" label={<FormLabel htmlFor="contact-moments-team">{t('referral.list.team')}</FormLabel>}>
          <Select id="contact-moments-team" value={teamId} onChange={(event) => chooseTeam(event.target.value)}>
            <SelectOption value="">{t('referral.list.allTeams')}</SelectOption>
            {teams.map((team) => (
              <SelectOption key={team.id} value={team.id}>
                {team.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
      ) : null}
      {/* Always present, so that a screen reader announces each outcome recorded. */}
      <div role="status" className="contact-moments__status">
        {status ? <Paragraph className="contact-moments__saved">{status}</Paragraph> : null}
      </div>
      {!list ? (
        <PageState loading={loading} error={error} />
      ) : (
        <>
          <p className="contact-moments__count" ref={countRef} tabIndex={-1}>
            {t('referral.list.count', { count: list.totalCount })}
            {list.totalCount > PAGE ? ` (${t('referral.list.range', { from: offset + 1, to: offset + list.items.length, count: list.totalCount })})` : ''}
          </p>
          {list.items.length ? (
            <table className="record-table contact-moments__table">
              <caption className="visually-hidden">{t('referral.list.title')}</caption>
              <thead>
                <tr>
                  {columns.map((key) => (
                    <th key={key} scope="col">
                      {t(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.items.map((item) => {
                  const partner = partnerOf(item);
                  const current = outcomes[item.id] ?? { outcome: item.outcome, on: item.outcomeRecordedOn ?? null };
                  const date = formatDate(item.referredOn);
                  const groupLabel = t('referral.list.outcomeFor', { name: partner.name ?? t('referral.list.unknownPartner'), date });
                  return (
                    <tr key={item.id}>
                      <td data-label={t('referral.date')}>{date}</td>
                      <td data-label={t('referral.list.partner')}>
                        {partner.href ? <a href={partner.href}>{partner.name}</a> : t('referral.list.unknownPartner')}
                        {teams.length > 1 && item.team ? <span className="contact-moments__team"> · {item.team.name}</span> : null}
                      </td>
                      <td data-label={t('referral.topic')}>{t(`topic.${item.topic}`)}</td>
                      <td data-label={t('referral.language')}>{languageName(item.language)}</td>
                      <td data-label={t('referral.neighbourhood')}>{item.neighbourhood?.name ?? '–'}</td>
                      <td data-label={t('referral.outcome')}>
                        <div role="group" aria-label={groupLabel} className="contact-moments__outcomes">
                          {OUTCOMES.map((outcome) => (
                            <button
                              key={outcome}
                              type="button"
                              className="contact-moments__outcome"
                              aria-pressed={current.outcome === outcome}
                              // Not `disabled` while saving: a disabled button drops the focus to the page body.
                              aria-disabled={busy === item.id || undefined}
                              onClick={() => (busy === item.id ? undefined : void setOutcome(item, outcome))}
                            >
                              {t(`referral.outcome.${outcome}`)}
                            </button>
                          ))}
                        </div>
                        {current.on ? (
                          <span className="contact-moments__recorded">{t('referral.list.recordedOn', { date: formatDate(current.on) })}</span>
                        ) : null}
                        {problem?.id === item.id ? (
                          <p role="alert" className="error-text">
                            {t('referral.list.outcomeError', { message: problem.message })}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
          {list.totalCount > PAGE ? (
            <nav aria-label={t('referral.list.pages')}>
              <ButtonGroup>
                <Button type="button" appearance="secondary-action-button" disabled={offset === 0} onClick={() => page(Math.max(0, offset - PAGE))}>
                  {t('referral.list.previous')}
                </Button>
                <Button type="button" appearance="secondary-action-button" disabled={!list.hasMore} onClick={() => page(offset + PAGE)}>
                  {t('referral.list.next')}
                </Button>
              </ButtonGroup>
            </nav>
          ) : null}
        </>
      )}
    </article>
  );
}
