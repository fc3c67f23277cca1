import { useI18n } from '../../../i18n/i18n';

export interface ReferralLoadValue {
  last30Days: number;
  last90Days: number;
  maxPerMonth: number | null;
  atMaximum: boolean;
}

/** How often a partner was asked lately, and their own maximum: shown on the match card and the partner page. */
export function ReferralLoad({ load }: { load: ReferralLoadValue | null | undefined }) {
  const { t } = useI18n();
  if (!load) return null;
  return (
    <p className={`referral-load${load.atMaximum ? ' referral-load--full' : ''}`}>
      {t('referral.load', { last30: load.last30Days, last90: load.last90Days })}
      {load.maxPerMonth !== null ? ` · ${t('referral.loadMax', { max: load.maxPerMonth })}` : ''}
      {load.atMaximum ? <strong>{` · ${t('referral.loadAtMax')}`}</strong> : null}
    </p>
  );
}
