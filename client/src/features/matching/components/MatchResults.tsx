import { Button, Paragraph } from '@utrecht/component-library-react';
import type { MatchPartnersQuery } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { useMatchText } from '../match-text';
import { roleLabels } from '../../partner-search/components/partner-labels';
import './matching.css';
import { ReferralButton } from '../../referral/components/ReferralButton';
import { ReferralLoad } from '../../referral/components/ReferralLoad';
import { ProfileLine, useCapabilityNames } from '../../profile/components/ProfileSummary';
import type { PartnerRef } from '../../partner-search/hooks/use-partner-detail';

type MatchResult = MatchPartnersQuery['matchPartners'];
export type MatchItem = MatchResult['matches'][number];

interface Props {
  result: MatchResult;
  selectedKey: string | undefined;
  onOpen(ref: PartnerRef): void;
  /** Apply a suggestion to widen the search (radius, formal only, roles). */
  onWiden(suggestion: MatchResult['suggestions'][number]): void;
  /** For the referral dialog's buurt list. */
  neighbourhoods?: readonly { code: string; name: string }[];
}

export const matchRef = (match: MatchItem): PartnerRef => ({ kind: match.kind === 'PERSON' ? 'person' : 'organisation', id: match.partner.id });

/** Ranked cards, best first: name (opens the partner), score, distance, why it fits and what is weak. */
export function MatchResults({ result, selectedKey, onOpen, onWiden, neighbourhoods = [] }: Props) {
  const { t, formatNumber } = useI18n();
  const { reasonText, suggestionText } = useMatchText(result.languages);
  const km = (value: number) => formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const capabilityName = useCapabilityNames();

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
                  {suggestionText(suggestion)}
                </Button>
              ) : (
                suggestionText(suggestion)
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
                  {reasonText(reason)}
                </li>
              ))}
            </ul>
            {match.weaknesses.length ? (
              <ul className="match-card__weaknesses" aria-label={t('match.weaknesses')}>
                {match.weaknesses.map((weakness) => (
                  <li key={weakness.code + weakness.text} className="match-card__weakness">
                    {reasonText(weakness)}
                  </li>
                ))}
              </ul>
            ) : null}
            <ReferralLoad load={partner.referralLoad} />
            <ReferralButton
              partner={{ id: partner.id, name: partner.name, kind: match.kind }}
              neighbourhoodCode={result.place.neighbourhoodCode}
              neighbourhoods={neighbourhoods}
              languages={result.languages}
            />
          </li>
        );
      })}
    </ol>
  );
}
