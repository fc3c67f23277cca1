import {
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Link,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { TOPICS } from '../../profile/topics';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { paths } from '../../../app/router';
import { RecordReferralDocument, type ReferralOutcome, type Topic } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/hooks/use-session';
import './referral.css';

const OUTCOMES: ReferralOutcome[] = ['ONGOING', 'REACHED', 'NOT_REACHED', 'PARTNER_DECLINED'];
const todayIso = () => new Date().toISOString().slice(0, 10);

interface Props {
  partner: { id: string; name: string; kind: 'PERSON' | 'ORGANISATION' };
  /** The buurt searched from; the team member can choose another. */
  neighbourhoodCode: string | null;
  neighbourhoods: readonly { code: string; name: string }[];
  /** The languages asked, first preselected. */
  languages: readonly { code: string; nameNl: string; nameEn: string }[];
  onRecorded?(): void;
}

/**
 * "Contactmoment vastleggen" in a few clicks: partner, team, buurt and language come from the search, the
 * date is today; topic and outcome are chosen from lists. There is no free text field at all, so nothing
 * about the resident can be written down (and the form says so).
 */
export function ReferralButton({ partner, neighbourhoodCode, neighbourhoods, languages, onRecorded }: Props) {
  const { t, locale, formatDate } = useI18n();
  const { user } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const teams = user?.teams ?? [];
  const [teamId, setTeamId] = useState('');
  const [code, setCode] = useState(neighbourhoodCode ?? '');
  const [topic, setTopic] = useState<Topic>('HEALTH');
  const [language, setLanguage] = useState(languages[0]?.code ?? '');
  const [date, setDate] = useState(todayIso);
  const [outcome, setOutcome] = useState<ReferralOutcome>('ONGOING');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<GraphQLRequestError | Error | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  // The form exists only while the dialog is open: every card has one, and closed ones must not add fields to the page.
  const [isOpen, setOpen] = useState(false);
  useEffect(() => {
    if (isOpen && !dialog.current?.open) dialog.current?.showModal();
  }, [isOpen]);

  if (!user || user.role === 'POLICY_OFFICER') return null;

  const open = () => {
    setTeamId(teams[0]?.id ?? '');
    setCode(neighbourhoodCode ?? neighbourhoods[0]?.code ?? '');
    setLanguage(languages[0]?.code ?? '');
    setDate(todayIso());
    setError(undefined);
    setSaved(undefined);
    setOpen(true);
  };
  const close = () => dialog.current?.close();
  const fieldError = (field: string) => (error instanceof GraphQLRequestError ? error.forField(field)?.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { recordReferral } = await graphqlRequest(RecordReferralDocument, {
        input: { partnerKind: partner.kind, partnerId: partner.id, teamId, neighbourhoodCode: code, topic, language, referredOn: date, outcome },
      });
      setSaved(recordReferral.referredOn);
      onRecorded?.();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  const languageName = (l: { nameNl: string; nameEn: string }) => (locale === 'nl' ? l.nameNl : l.nameEn);
  const generalError =
    error && !['teamId', 'neighbourhoodCode', 'topic', 'language', 'referredOn', 'outcome'].some((f) => fieldError(f)) ? error.message : undefined;

  return (
    <>
      <Button
        type="button"
        appearance="secondary-action-button"
        className="referral-open"
        onClick={open}
        aria-label={t('referral.openFor', { name: partner.name })}
      >
        {t('referral.open')}
      </Button>
      <dialog ref={dialog} className="referral-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        {isOpen ? (
          <>
            <h2 id={`${id}-title`} className="referral-dialog__title">
              {t('referral.title', { name: partner.name })}
            </h2>
            <Paragraph className="referral-dialog__privacy">{t('referral.privacy')}</Paragraph>
            {saved ? (
              <>
                <p role="status" className="referral-dialog__saved">
                  {t('referral.saved', { date: formatDate(saved) })}
                </p>
                <Paragraph>
                  <Link href={paths.referrals(teamId || undefined)}>{t('referral.laterLink')}</Link>
                </Paragraph>
                <Button type="button" appearance="primary-action-button" onClick={close}>
                  {t('referral.close')}
                </Button>
              </>
            ) : teams.length === 0 && user.role !== 'ADMINISTRATOR' ? (
              <>
                <Paragraph>{t('referral.noTeam')}</Paragraph>
                <Button type="button" onClick={close}>
                  {t('referral.close')}
                </Button>
              </>
            ) : (
              <form onSubmit={submit} noValidate>
                <FormField type="select" label={<FormLabel htmlFor={`${id}-team`}>{t('referral.team')}</FormLabel>} invalid={!!fieldError('teamId')}>
                  <Select id={`${id}-team`} value={teamId} onChange={(e) => setTeamId(e.target.value)} required>
                    {teams.map((team) => (
                      <SelectOption key={team.id} value={team.id}>
                        {team.name}
                      </SelectOption>
                    ))}
                  </Select>
                  {fieldError('teamId') ? <FormFieldErrorMessage role="alert">{fieldError('teamId')}</FormFieldErrorMessage> : null}
                </FormField>
                <FormField
                  type="select"
                  label={<FormLabel htmlFor={`${id}-buurt`}>{t('referral.neighbourhood')}</FormLabel>}
                  invalid={!!fieldError('neighbourhoodCode')}
                >
                  <Select id={`${id}-buurt`} value={code} onChange={(e) => setCode(e.target.value)}>
                    {neighbourhoods.map((n) => (
                      <SelectOption key={n.code} value={n.code}>
                        {n.name}
                      </SelectOption>
                    ))}
                  </Select>
                  {fieldError('neighbourhoodCode') ? <FormFieldErrorMessage role="alert">{fieldError('neighbourhoodCode')}</FormFieldErrorMessage> : null}
                </FormField>
                <FormField type="select" label={<FormLabel htmlFor={`${id}-topic`}>{t('referral.topic')}</FormLabel>} invalid={!!fieldError('topic')}>
                  <Select id={`${id}-topic`} value={topic} onChange={(e) => setTopic(e.target.value as Topic)}>
                    {TOPICS.map((x) => (
                      <SelectOption key={x} value={x}>
                        {t(`topic.${x}` as never)}
                      </SelectOption>
                    ))}
                  </Select>
                </FormField>
                <FormField type="select" label={<FormLabel htmlFor={`${id}-language`}>{t('referral.language')}</FormLabel>} invalid={!!fieldError('language')}>
                  <Select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value)}>
                    {languages.map((l) => (
                      <SelectOption key={l.code} value={l.code}>
                        {languageName(l)}
                      </SelectOption>
                    ))}
                  </Select>
                  {fieldError('language') ? <FormFieldErrorMessage role="alert">{fieldError('language')}</FormFieldErrorMessage> : null}
                </FormField>
                <FormField
                  type="text"
                  label={<FormLabel htmlFor={`${id}-date`}>{t('referral.date')}</FormLabel>}
                  description={<FormFieldDescription id={`${id}-date-hint`}>{t('referral.dateHint')}</FormFieldDescription>}
                  invalid={!!fieldError('referredOn')}
                >
                  <Textbox
                    id={`${id}-date`}
                    type="date"
                    max={todayIso()}
                    value={date}
                    onChange={(e) => setDate(e.target.value)}
                    aria-describedby={`${id}-date-hint${fieldError('referredOn') ? ` ${id}-date-error` : ''}`}
                    invalid={!!fieldError('referredOn')}
                  />
                  {fieldError('referredOn') ? (
                    <FormFieldErrorMessage id={`${id}-date-error`} role="alert">
                      {fieldError('referredOn')}
                    </FormFieldErrorMessage>
                  ) : null}
                </FormField>
                <FormField type="select" label={<FormLabel htmlFor={`${id}-outcome`}>{t('referral.outcome')}</FormLabel>}>
                  <Select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value as ReferralOutcome)}>
                    {OUTCOMES.map((x) => (
                      <SelectOption key={x} value={x}>
                        {t(`referral.outcome.${x}`)}
                      </SelectOption>
                    ))}
                  </Select>
                </FormField>
                {generalError ? (
                  <p role="alert" className="error-text">
                    {t('referral.error', { message: generalError })}
                  </p>
                ) : null}
                <div className="referral-dialog__actions">
                  <Button type="submit" appearance="primary-action-button" disabled={busy}>
                    {busy ? t('referral.saving') : t('referral.save')}
                  </Button>
                  <Button type="button" appearance="secondary-action-button" onClick={close}>
                    {t('referral.cancel')}
                  </Button>
                </div>
              </form>
            )}
          </>
        ) : null}
      </dialog>
    </>
  );
}
