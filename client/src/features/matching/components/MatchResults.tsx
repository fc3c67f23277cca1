import { Button, Paragraph } from '@utrecht/component-library-react';
import type { MatchPartnersQuery } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { roleLabels } from '../../partner-search/components/partner-labels';
import './matching.css';
import { ProfileLine, useCapabilityNames } from '../../registry/ProfileSummary';
import type { PartnerRef } from '../../partner-search/hooks/use-partner-detail';

type MatchResult = MatchPartnersQuery['matchPartners'];
export type MatchItem = MatchResult['matches'][number];

interface Props {
  result: MatchResult;
  selectedKey: string | undefined;
  onOpen(ref: PartnerRef): void;
  /** Apply a suggestion to widen the search (radius, formal only, roles). */
  onWiden(suggestion: MatchResult['suggestions'][number]): void;
}

export const matchRef = (match: MatchItem): PartnerRef => ({ kind: match.kind === 'PERSON' ? 'person' : 'organisation', id: match.partner.id });

/** Ranked cards, best first: name (opens the partner), score, distance, why it fits and what is weak. */
export function MatchResults({ result, selectedKey, onOpen, onWiden }: Props) {
  const { t } = useI18n();
  const capabilityName = useCapabilityNames();
  const km = (value: number) => value.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  if (result.matches.length === 0) {
    return (
      <div className="match-empty">
        <Paragraph>{t('match.none', { radius: km(result.radiusKm) })}</Paragraph>
        {result.suggestions.length ? <Paragraph>{t('match.widen')}</Paragraph> : null}
        <ul className="match-suggestions">
          {result.suggestions.map((suggestion) => (
            <li key={suggestion.field}>
              {suggestion.count > 0 && suggestion.field !== 'communities' && suggestion.field !== 'topics' ? (
                <Button type="button" appearance="subtle-button" onClick={() => onWiden(suggestion)}>
                  {suggestion.text}
                </Button>
              ) : (
                suggestion.text
              )}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <ol className="match-list" aria-label={t('match.listLabel')}>
      {result.matches.map((match, index) => {
        const ref = matchRef(match);
        const partner = match.partner;
        const roles = partner.__typename === 'Person' ? roleLabels(partner, t).join(' · ') : t(`kind.${partner.kind}`);
        const selected = selectedKey === `${ref.kind}:${ref.id}`;
        return (
          <li key={`${ref.kind}:${ref.id}`} className={`match-card${selected ? ' match-card--selected' : ''}`}>
            <div className="match-card__header">
              <span className="match-card__rank" aria-hidden="true">
                {index + 1}
              </span>
              <button type="button" className="match-card__button" onClick={() => onOpen(ref)}>
                <span className="match-card__name">{partner.name}</span>
                <span className="visually-hidden">{`, ${t(ref.kind === 'person' ? 'detail.person' : 'detail.organisation')}`}</span>
              </button>
            </div>
            <p className="match-card__meta">
              {roles}
              {' · '}
              {t('match.distance', { km: km(match.distanceKm) })}
              {' · '}
              <span title={t('match.scoreHint')}>{t('match.score', { percent: Math.round(match.score * 100) })}</span>
            </p>
            <ProfileLine capabilities={partner.capabilities} standing={partner.standing} capabilityName={capabilityName} />
            <ul className="match-card__reasons" aria-label={t('match.reasons')}>
              {match.reasons.map((reason) => (
                <li key={reason.code + reason.text} className="match-card__reason">
                  {reason.text}
                </li>
              ))}
            </ul>
            {match.weaknesses.length ? (
              <ul className="match-card__weaknesses" aria-label={t('match.weaknesses')}>
                {match.weaknesses.map((weakness) => (
                  <li key={weakness.code + weakness.text} className="match-card__weakness">
                    {weakness.text}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
