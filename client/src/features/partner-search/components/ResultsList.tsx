import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { OrganisationSummaryFragment, PersonSummaryFragment } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import type { PartnerRef } from '../hooks/use-partner-detail';
import { PhoneLink } from './PhoneLink';
import { NeighbourhoodLinks, StaleMark } from './registry-marks';
import { languageName, languageWithLevel, lastVerifiedText, roleLabels } from './partner-labels';

interface Props {
  persons: readonly PersonSummaryFragment[];
  organisations: readonly OrganisationSummaryFragment[];
  personsTotal: number;
  organisationsTotal: number;
  onOpen(ref: PartnerRef): void;
}

/** The results as two real lists; each entry opens its detail view with a button. */
export function ResultsList({ persons, organisations, personsTotal, organisationsTotal, onOpen }: Props) {
  const { t, locale, formatDate } = useI18n();
  const more = personsTotal > persons.length || organisationsTotal > organisations.length;

  if (persons.length === 0 && organisations.length === 0) {
    return <Paragraph>{t('results.none')}</Paragraph>;
  }

  return (
    <>
      {more ? <Paragraph>{t('results.more')}</Paragraph> : null}
      {persons.length > 0 ? (
        <section aria-labelledby="results-persons">
          <Heading level={3} id="results-persons">
            {`${t('results.persons')} (${personsTotal})`}
          </Heading>
          <ul className="result-list">
            {persons.map((person) => (
              <li key={person.id} className="result-card">
                <button type="button" className="result-card__button" onClick={() => onOpen({ kind: 'person', id: person.id })}>
                  <span className="result-card__name">{person.name}</span>
                  <span className="visually-hidden">{`, ${t('detail.person')}`}</span>
                </button>
                <p className="result-card__roles">{roleLabels(person, t).join(' · ')}</p>
                <p>
                  <span className="result-card__key">{t('results.languages')}: </span>
                  {person.languages.map((l) => languageWithLevel(l, locale, t)).join(', ')}
                </p>
                <p>
                  <span className="result-card__key">{t('results.neighbourhoods')}: </span>
                  <NeighbourhoodLinks neighbourhoods={person.neighbourhoods} />
                </p>
                <p className="result-card__verified">
                  {lastVerifiedText(person.lastVerifiedOn, t, formatDate)} <StaleMark isStale={person.isStale} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {organisations.length > 0 ? (
        <section aria-labelledby="results-organisations">
          <Heading level={3} id="results-organisations">
            {`${t('results.organisations')} (${organisationsTotal})`}
          </Heading>
          <ul className="result-list">
            {organisations.map((organisation) => (
              <li key={organisation.id} className="result-card result-card--organisation">
                <button type="button" className="result-card__button" onClick={() => onOpen({ kind: 'organisation', id: organisation.id })}>
                  <span className="result-card__name">{organisation.name}</span>
                  <span className="visually-hidden">{`, ${t('detail.organisation')}`}</span>
                </button>
                <p className="result-card__roles">{t(`kind.${organisation.kind}`)}</p>
                <p>
                  <span className="result-card__key">{t('results.languages')}: </span>
                  {organisation.languages.map((l) => languageName(l, locale)).join(', ')}
                </p>
                {organisation.phone ? (
                  <p>
                    <span className="result-card__key">{t('results.phone')}: </span>
                    <PhoneLink phone={organisation.phone} />
                  </p>
                ) : null}
                <p>
                  <span className="result-card__key">{t('results.neighbourhoods')}: </span>
                  <NeighbourhoodLinks neighbourhoods={organisation.neighbourhoods} />
                </p>
                <p className="result-card__verified">
                  {lastVerifiedText(organisation.lastVerifiedOn, t, formatDate)} <StaleMark isStale={organisation.isStale} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
