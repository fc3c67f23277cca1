import { PhoneLink } from '../../partner-search/components/PhoneLink';
import { Link, Paragraph } from '@utrecht/component-library-react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { NeighbourhoodPageDocument } from '../../../generated/graphql';
import { ActivityList, AgreementList, ContactHistoryTable, PageHeading, PageState, Section, StaleBadge } from '../../registry/components/record-parts';
import { usePermissions } from '../../registry/hooks/use-permissions';
import { useI18n } from '../../../i18n/i18n';
import { NeighbourhoodAnalysis } from '../../reach/components/NeighbourhoodAnalysis';
import { useNeighbourhoodAnalysis } from '../../reach/hooks/use-neighbourhood-analysis';

/**
 * One neighbourhood: its teams, partners, agreements, walk-in hours and fixed contact persons,
 * all from one query. Persons are only there for signed-in users (the server leaves them out).
 */
export function NeighbourhoodPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const { canEditActivities, isSignedIn, isPolicyOfficer } = usePermissions();
  const { data, loading, error } = useGraphQLQuery(NeighbourhoodPageDocument, { code });
  // The analysis holds raw estimates: team members only (policy officers read the masked Bereik page).
  const showAnalysis = isSignedIn && !isPolicyOfficer;
  const analysis = useNeighbourhoodAnalysis(code, !showAnalysis);
  const neighbourhood = data?.neighbourhood;
  if (!neighbourhood || analysis.loading) return <PageState loading={loading || analysis.loading} error={error} notFound={!loading} />;
  const languageName = (l: { nameNl: string; nameEn: string }) => (locale === 'nl' ? l.nameNl : l.nameEn);
  const roleText = (p: (typeof neighbourhood.persons)[number]) =>
    p.roles
      .map((role) => (role === 'INTERPRETER' ? t(p.interpreterFormal ? 'role.INTERPRETER_FORMAL' : 'role.INTERPRETER_INFORMAL') : t(`role.${role}`)))
      .join(' · ');
  const history = neighbourhood.teams.flatMap((team) => team.contactHistory.filter((c) => !c.isCurrent).map((c) => ({ ...c, teamName: team.name })));

  return (
    <article aria-labelledby="page-heading" className="neighbourhood-page">
      <PageHeading>{t('neighbourhoodPage.heading', { name: neighbourhood.name })}</PageHeading>
      <Paragraph className="page__kind">{t('neighbourhoodPage.district', { name: neighbourhood.district.name, code: neighbourhood.code })}</Paragraph>
      <Paragraph>
        <Link href={paths.registerAgreement({ neighbourhoodCode: neighbourhood.code })}>{t('neighbourhoodPage.registerAgreement')}</Link>
      </Paragraph>

      {showAnalysis ? <NeighbourhoodAnalysis code={neighbourhood.code} name={neighbourhood.name} canRecord={canEditActivities} analysis={analysis} /> : null}

      <Section id="nb-contacts" title={t('neighbourhoodPage.contacts')}>
        {neighbourhood.fixedContacts.length === 0 ? (
          <Paragraph>{t('neighbourhoodPage.noContacts')}</Paragraph>
        ) : (
          <ul className="record-list" aria-labelledby="nb-contacts">
            {neighbourhood.fixedContacts.map((contact) => {
              const party = contact.team
                ? { name: contact.team.name, href: paths.team(contact.team.id) }
                : contact.organisation
                  ? { name: contact.organisation.name, href: paths.organisation(contact.organisation.id) }
                  : undefined;
              return (
                <li key={contact.id} className="record-list__item">
                  {contact.person ? <Link href={paths.person(contact.person.id)}>{contact.person.name}</Link> : '–'}
                  {party ? (
                    <>
                      {' '}
                      {t('neighbourhoodPage.of')} <Link href={party.href}>{party.name}</Link>
                    </>
                  ) : null}
                  {contact.person?.contactDetails?.phone ? (
                    <>
                      {' · '}
                      {t('results.phone')}: <PhoneLink phone={contact.person.contactDetails.phone} />
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {neighbourhood.fixedContacts.some((c) => c.person?.contactDetails?.phone) ? (
          <Paragraph className="partner-detail__privacy">{t('detail.contactLogged')}</Paragraph>
        ) : null}
        {history.length > 0 ? (
          <details className="neighbourhood-page__history">
            <summary>{t('neighbourhoodPage.contactHistory')}</summary>
            {neighbourhood.teams.map((team) =>
              team.contactHistory.length > 0 ? (
                <ContactHistoryTable key={team.id} items={team.contactHistory} caption={t('neighbourhoodPage.contactHistoryOf', { team: team.name })} />
              ) : null,
            )}
          </details>
        ) : null}
      </Section>

      <Section id="nb-teams" title={t('neighbourhoodPage.teams')}>
        {neighbourhood.teams.length === 0 ? (
          <Paragraph>{t('neighbourhoodPage.noTeams')}</Paragraph>
        ) : (
          <ul className="record-list">
            {neighbourhood.teams.map((team) => (
              <li key={team.id} className="record-list__item">
                <Link href={paths.team(team.id)}>{team.name}</Link> <StaleBadge isStale={team.isStale} />
                <p className="record-list__meta">
                  {t(`teamKind.${team.kind}`)}
                  {team.currentContact?.person ? ` · ${t('neighbourhoodPage.currentContact', { name: team.currentContact.person.name })}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="nb-agreements" title={t('neighbourhoodPage.agreements')}>
        <AgreementList items={neighbourhood.agreements} />
      </Section>

      <Section
        id="nb-activities"
        title={t('neighbourhoodPage.activities')}
        actions={
          canEditActivities ? (
            <Paragraph>
              <Link href={paths.registerActivity({ neighbourhoodCode: neighbourhood.code })}>{t('neighbourhoodPage.addActivity')}</Link>
            </Paragraph>
          ) : null
        }
      >
        <ActivityList items={neighbourhood.activities} returnTo={paths.neighbourhood(neighbourhood.code)} />
      </Section>

      <Section id="nb-partners" title={t('neighbourhoodPage.partners')}>
        <h3 className="utrecht-heading-3">{t('neighbourhoodPage.organisations')}</h3>
        {neighbourhood.organisations.length === 0 ? (
          <Paragraph>{t('neighbourhoodPage.noOrganisations')}</Paragraph>
        ) : (
          <ul className="record-list">
            {neighbourhood.organisations.map((o) => (
              <li key={o.id} className="record-list__item">
                <Link href={paths.organisation(o.id)}>{o.name}</Link> <StaleBadge isStale={o.isStale} />
                <p className="record-list__meta">{t(`kind.${o.kind}`)}</p>
              </li>
            ))}
          </ul>
        )}
        <h3 className="utrecht-heading-3">{t('neighbourhoodPage.persons')}</h3>
        {neighbourhood.persons.length === 0 ? (
          <Paragraph>{t('neighbourhoodPage.noPersons')}</Paragraph>
        ) : (
          <ul className="record-list">
            {neighbourhood.persons.map((p) => (
              <li key={p.id} className="record-list__item">
                <Link href={paths.person(p.id)}>{p.name}</Link> <StaleBadge isStale={p.isStale} />
                <p className="record-list__meta">
                  {roleText(p)}
                  {p.languages.length ? ` · ${p.languages.map((l) => `${languageName(l.language)} (${t(`level.${l.level}`)})`).join(', ')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}
