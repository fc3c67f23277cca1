import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { CapabilityChoicesDocument, type OrganisationProfileFieldsFragment, type PersonProfileFieldsFragment } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { DetailRow } from '../../registry/components/DetailRow';

type Profile = Partial<PersonProfileFieldsFragment> & Partial<OrganisationProfileFieldsFragment>;

/** Names of capability codes in the reader's language; a retired one says so (it stays on old records). */
export function useCapabilityNames(): (code: string) => string {
  const { t, locale } = useI18n();
  const { data } = useGraphQLQuery(CapabilityChoicesDocument, {});
  const byCode = new Map((data?.capabilities ?? []).map((c) => [c.code, c]));
  return (code) => {
    const c = byCode.get(code);
    if (!c) return code;
    const name = locale === 'nl' ? c.nameNl : c.nameEn;
    return c.retiredAt ? t('profile.capabilitiesRetired', { name }) : name;
  };
}

/** The profile of a person or organisation as rows of the partner page's details list. */
export function ProfileRows({
  profile,
  showTopics = false,
  today = new Date().toISOString().slice(0, 10),
}: {
  profile: Profile;
  /** Organisations: their topics (a person's page shows its own). */
  showTopics?: boolean;
  today?: string;
}) {
  const { t, formatDate } = useI18n();
  const capabilityName = useCapabilityNames();
  const rows: [string, string][] = [];
  if (showTopics && profile.topics?.length) rows.push([t('profile.topics'), profile.topics.map((topic) => t(`topic.${topic}` as never)).join(', ')]);
  if (profile.capabilities?.length) rows.push([t('profile.capabilities'), profile.capabilities.map(capabilityName).join(', ')]);
  if (profile.wishes?.length || profile.wishesNote)
    rows.push([t('profile.wishes'), [...(profile.wishes ?? []).map((w) => t(`profile.wish.${w}`)), profile.wishesNote].filter(Boolean).join(' · ')]);
  if (profile.standing) {
    const standing = t(`profile.standing.${profile.standing}`);
    rows.push([
      t('profile.standing'),
      profile.standing !== 'UNKNOWN' && profile.standingJudgedBy && profile.standingJudgedOn
        ? [t('profile.standingSummary', { standing, by: profile.standingJudgedBy, on: formatDate(profile.standingJudgedOn) }), profile.standingNote]
            .filter(Boolean)
            .join(' · ')
        : standing,
    ]);
  }
  if (profile.trainedOn) rows.push([t('profile.trainedOn'), formatDate(profile.trainedOn)]);
  if (profile.volunteerContractStartsOn) {
    const from = formatDate(profile.volunteerContractStartsOn);
    rows.push([
      t('profile.contract'),
      profile.volunteerContractEndsOn
        ? t('profile.contractRange', { from, to: formatDate(profile.volunteerContractEndsOn) })
        : t('profile.contractOpen', { from }),
    ]);
  }
  if (profile.compensationAmount != null && profile.compensationPeriod) {
    const amount = profile.compensationAmount.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    rows.push([t('profile.compensation'), t('profile.compensationSummary', { amount, period: t(`profile.period.${profile.compensationPeriod}`) })]);
  }
  // The account once chosen; until then the old free-text note, marked as such.
  if (profile.supporter) rows.push([t('profile.supportedBy'), profile.supporter.email]);
  else if (profile.supportedBy) rows.push([t('profile.supportedByNote'), profile.supportedBy]);
  if (profile.paidRole) rows.push([t('profile.paidRole'), t('profile.yes')]);
  if (profile.interpreterKind) rows.push([t('profile.interpreterKind'), t(`profile.kind.${profile.interpreterKind}`)]);
  // Formal interpreters registered before level and end date were required: never shown as a complete registration.
  if (profile.interpreterKind === 'FORMAL' && (!profile.interpreterLevel || !profile.registrationEndsOn)) {
    const missing = !profile.interpreterLevel && !profile.registrationEndsOn ? 'both' : !profile.interpreterLevel ? 'level' : 'end';
    rows.push([t('profile.registration'), t('profile.registrationIncompleteDetail', { missing })]);
  }
  if (profile.interpreterLevel) rows.push([t('profile.interpreterLevel'), profile.interpreterLevel]);
  if (profile.registrationEndsOn) {
    const date = formatDate(profile.registrationEndsOn);
    rows.push([t('profile.registrationEndsOn'), profile.registrationEndsOn < today ? t('profile.registrationExpired', { date }) : date]);
  }
  if (profile.interpreterModes?.length) rows.push([t('profile.interpreterModes'), profile.interpreterModes.map((m) => t(`profile.mode.${m}`)).join(', ')]);
  return (
    <>
      {rows.map(([label, value]) => (
        <DetailRow key={label} label={label}>
          {value}
        </DetailRow>
      ))}
    </>
  );
}

/** One line for a match card: what the partner can do and whether they speak for their group. */
export function ProfileLine({
  capabilities,
  standing,
  capabilityName,
}: {
  capabilities?: readonly string[] | null;
  standing?: string | null;
  /** From useCapabilityNames(), called once for the whole list. */
  capabilityName: (code: string) => string;
}) {
  const { t } = useI18n();
  const parts = [
    ...(capabilities?.length ? [t('profile.canDo', { list: capabilities.map(capabilityName).join(', ') })] : []),
    ...(standing && standing !== 'UNKNOWN' ? [t('profile.speaksFor', { standing: t(`profile.standing.${standing}` as never).toLowerCase() })] : []),
  ];
  return parts.length ? <p className="match-card__profile">{parts.join(' · ')}</p> : null;
}
