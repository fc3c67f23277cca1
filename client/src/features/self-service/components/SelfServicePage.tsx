import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { TOPICS } from '../../profile/topics';
import '../self-service.css';
import { useEffect, useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import {
  ConfirmSelfServiceEntryDocument,
  ProposeSelfServiceChangeDocument,
  SelfServiceEntryDocument,
  type SelfServiceEntryFieldsFragment,
} from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { LanguageSwitch } from '../../../i18n/LanguageSwitch';
import type { MessageKey } from '../../../i18n/catalogue';

const LEVELS = ['NATIVE', 'FLUENT', 'BASIC'] as const;
const AVAILABILITIES = ['AVAILABLE', 'LIMITED', 'UNAVAILABLE'] as const;

type Entry = SelfServiceEntryFieldsFragment;
type Language = { language: string; level?: string; label: string };

/** The form's values, in the shape the server takes them (only changed fields are sent). */
interface Draft {
  phone: string;
  email: string;
  website: string;
  description: string;
  availability: string;
  availabilityNote: string;
  topics: string[];
  languages: Language[];
  doNotList: boolean;
  consentWithdrawn: boolean;
}

function draftOf(entry: Entry, locale: string): Draft {
  return {
    phone: entry.phone ?? '',
    email: entry.email ?? '',
    website: entry.website ?? '',
    description: entry.description ?? '',
    availability: entry.availability ?? 'AVAILABLE',
    availabilityNote: entry.availabilityNote ?? '',
    topics: [...entry.topics],
    languages: entry.languages.map((l) => ({ language: l.code, level: l.level ?? undefined, label: locale === 'en' ? l.nameEn : l.nameNl })),
    doNotList: entry.doNotList,
    consentWithdrawn: entry.consentWithdrawn,
  };
}

/** Only what differs from the entry, for the fields this partner may propose. */
function changesOf(entry: Entry, draft: Draft, locale: string): Record<string, unknown> {
  const before = draftOf(entry, locale);
  const changes: Record<string, unknown> = {};
  const allowed = new Set(entry.proposableFields);
  const text = (field: 'phone' | 'email' | 'website' | 'description' | 'availabilityNote') => {
    if (allowed.has(field) && draft[field].trim() !== before[field].trim()) changes[field] = draft[field].trim() || null;
  };
  (['phone', 'email', 'website', 'description', 'availabilityNote'] as const).forEach(text);
  if (allowed.has('availability') && draft.availability !== before.availability) changes.availability = draft.availability;
  if (allowed.has('topics') && [...draft.topics].sort().join() !== [...before.topics].sort().join()) changes.topics = draft.topics;
  const languageKey = (list: Language[]) => list.map((l) => `${l.language}:${l.level ?? ''}`).join();
  if (allowed.has('languages') && languageKey(draft.languages) !== languageKey(before.languages))
    changes.languages = draft.languages.map((l) => (entry.entityType === 'PERSON' ? { language: l.language, level: l.level } : { language: l.language }));
  if (allowed.has('doNotList') && draft.doNotList !== before.doNotList) changes.doNotList = draft.doNotList;
  if (allowed.has('consentWithdrawn') && draft.consentWithdrawn !== before.consentWithdrawn) changes.consentWithdrawn = draft.consentWithdrawn;
  return changes;
}

/**
 * The partner's own page, reached by the personal link `/eigen-gegevens/<token>`, without an account: their entry,
 * "still correct", or a proposal of changes. Plain Dutch (B1), one column, usable on a phone.
 */
export function SelfServicePage({ token }: { token: string }) {
  const { t, locale, formatDate } = useI18n();
  const [entry, setEntry] = useState<Entry | undefined>();
  const [error, setError] = useState<GraphQLRequestError | undefined>();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<'confirmed' | 'sent' | undefined>();
  const [busy, setBusy] = useState(false);
  const [newLanguage, setNewLanguage] = useState('');
  const [newLevel, setNewLevel] = useState<string>('FLUENT');

  useEffect(() => {
    document.title = t('selfService.title');
    const controller = new AbortController();
    graphqlRequest(SelfServiceEntryDocument, { token }, { signal: controller.signal }).then(
      (data) => {
        setEntry(data.selfServiceEntry);
        setDraft(draftOf(data.selfServiceEntry, locale));
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof GraphQLRequestError ? e : new GraphQLRequestError([{ message: String(e) }]));
      },
    );
    return () => controller.abort();
    // The entry is read once per token; the language switch only changes labels.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  const run = async (work: () => Promise<Entry>, outcome: 'confirmed' | 'sent') => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await work();
      setEntry(next);
      setDraft(draftOf(next, locale));
      setEditing(false);
      setDone(outcome);
    } catch (e) {
      setError(e instanceof GraphQLRequestError ? e : new GraphQLRequestError([{ message: String(e) }]));
    } finally {
      setBusy(false);
    }
  };

  const confirm = () => run(async () => (await graphqlRequest(ConfirmSelfServiceEntryDocument, { token })).confirmSelfServiceEntry, 'confirmed');
  const changes = entry && draft ? changesOf(entry, draft, locale) : {};
  const send = () => {
    if (!Object.keys(changes).length) {
      setError(new GraphQLRequestError([{ message: t('selfService.nothingChanged') }]));
      return;
    }
    return run(async () => (await graphqlRequest(ProposeSelfServiceChangeDocument, { input: { token, changes } })).proposeSelfServiceChange, 'sent');
  };
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [field]: value } : d));
  const can = (field: string) => entry?.proposableFields.includes(field) ?? false;
  const fieldError = (field: string) => error?.forField(field)?.message;
  const levelText = (level?: string | null) => (level ? t(`selfService.level.${level}` as MessageKey) : '');

  return (
    <div className="utrecht-theme utrecht-document self-service">
      <header className="self-service__header">
        <LanguageSwitch />
      </header>
      <main id="content" className="self-service__main" aria-busy={!entry && !error}>
        <Heading level={1}>{entry ? entry.name : t('selfService.title')}</Heading>
        {!entry && !error ? <Paragraph role="status">{t('selfService.loading')}</Paragraph> : null}
        {error ? (
          <Alert type="error" role="alert">
            <Paragraph>{error.errors[0]?.message ?? t('selfService.error')}</Paragraph>
          </Alert>
        ) : null}
        {done ? (
          <Alert type="ok" role="status">
            <Paragraph>{t(done === 'confirmed' ? 'selfService.confirmed' : 'selfService.sent')}</Paragraph>
          </Alert>
        ) : null}
        {entry && draft ? (
          <>
            <Paragraph>{t('selfService.intro')}</Paragraph>
            <Paragraph>
              {entry.lastVerifiedOn ? t('selfService.lastVerified', { date: formatDate(entry.lastVerifiedOn) }) : t('selfService.neverVerified')}{' '}
              {t('selfService.expires', { date: formatDate(entry.expiresAt) })} {entry.singleUse ? t('selfService.singleUse') : ''}
            </Paragraph>
            {entry.proposalPending && done !== 'sent' ? <Paragraph>{t('selfService.pending')}</Paragraph> : null}
            <section aria-labelledby="self-service-current">
              <Heading level={2} id="self-service-current">
                {t('selfService.current')}
              </Heading>
              <dl className="self-service__facts">
                <dt>{t('selfService.field.languages')}</dt>
                <dd>
                  {entry.languages.map((l) => `${locale === 'en' ? l.nameEn : l.nameNl}${l.level ? ` (${levelText(l.level)})` : ''}`).join(', ') ||
                    t('selfService.empty')}
                </dd>
                {can('availability') ? (
                  <>
                    <dt>{t('selfService.field.availability')}</dt>
                    <dd>
                      {entry.availability ? t(`selfService.availability.${entry.availability}` as MessageKey) : t('selfService.empty')}
                      {entry.availabilityNote ? ` — ${entry.availabilityNote}` : ''}
                    </dd>
                  </>
                ) : null}
                <dt>{t('selfService.field.phone')}</dt>
                <dd>{entry.phone || t('selfService.empty')}</dd>
                <dt>{t('selfService.field.email')}</dt>
                <dd>{entry.email || t('selfService.empty')}</dd>
                {can('website') ? (
                  <>
                    <dt>{t('selfService.field.website')}</dt>
                    <dd>{entry.website || t('selfService.empty')}</dd>
                  </>
                ) : null}
                {can('topics') ? (
                  <>
                    <dt>{t('selfService.field.topics')}</dt>
                    <dd>{entry.topics.map((topic) => t(`selfService.topic.${topic}` as MessageKey)).join(', ') || t('selfService.empty')}</dd>
                  </>
                ) : null}
              </dl>
            </section>
            {!editing ? (
              <ButtonGroup>
                <Button appearance="primary-action-button" onClick={confirm} disabled={busy}>
                  {t('selfService.confirm')}
                </Button>
                <Button appearance="secondary-action-button" onClick={() => setEditing(true)} disabled={busy}>
                  {t('selfService.change')}
                </Button>
              </ButtonGroup>
            ) : (
              <form
                className="self-service__form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void send();
                }}
              >
                {(['phone', 'email', 'website'] as const).filter(can).map((field) => (
                  <FormField key={field} invalid={!!fieldError(`changes.${field}`)}>
                    <FormLabel htmlFor={`ss-${field}`}>{t(`selfService.field.${field}`)}</FormLabel>
                    {fieldError(`changes.${field}`) ? <FormFieldDescription invalid>{fieldError(`changes.${field}`)}</FormFieldDescription> : null}
                    <Textbox
                      id={`ss-${field}`}
                      type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'url'}
                      autoComplete={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'url'}
                      value={draft[field]}
                      onChange={(event) => set(field, event.target.value)}
                    />
                  </FormField>
                ))}
                {can('availability') ? (
                  <FormField>
                    <FormLabel htmlFor="ss-availability">{t('selfService.field.availability')}</FormLabel>
                    <Select id="ss-availability" value={draft.availability} onChange={(event) => set('availability', event.target.value)}>
                      {AVAILABILITIES.map((a) => (
                        <SelectOption key={a} value={a}>
                          {t(`selfService.availability.${a}`)}
                        </SelectOption>
                      ))}
                    </Select>
                  </FormField>
                ) : null}
                {can('availabilityNote') ? (
                  <FormField>
                    <FormLabel htmlFor="ss-availabilityNote">{t('selfService.field.availabilityNote')}</FormLabel>
                    <Textbox id="ss-availabilityNote" value={draft.availabilityNote} onChange={(event) => set('availabilityNote', event.target.value)} />
                  </FormField>
                ) : null}
                {can('languages') ? (
                  <Fieldset>
                    <FieldsetLegend>{t('selfService.field.languages')}</FieldsetLegend>
                    {fieldError('changes.languages') ? <FormFieldDescription invalid>{fieldError('changes.languages')}</FormFieldDescription> : null}
                    <ul className="self-service__languages">
                      {draft.languages.map((l, i) => (
                        <li key={l.language}>
                          <span>{l.label}</span>
                          {entry.entityType === 'PERSON' ? (
                            <Select
                              aria-label={`${t('selfService.language.level')}: ${l.label}`}
                              value={l.level ?? 'FLUENT'}
                              onChange={(event) =>
                                set(
                                  'languages',
                                  draft.languages.map((x, j) => (j === i ? { ...x, level: event.target.value } : x)),
                                )
                              }
                            >
                              {LEVELS.map((level) => (
                                <SelectOption key={level} value={level}>
                                  {levelText(level)}
                                </SelectOption>
                              ))}
                            </Select>
                          ) : null}
                          <Button
                            appearance="subtle-button"
                            onClick={() =>
                              set(
                                'languages',
                                draft.languages.filter((_, j) => j !== i),
                              )
                            }
                          >
                            {t('selfService.language.remove', { language: l.label })}
                          </Button>
                        </li>
                      ))}
                    </ul>
                    <FormLabel htmlFor="ss-new-language">{t('selfService.language.add')}</FormLabel>
                    <div className="self-service__add-language">
                      <Textbox id="ss-new-language" value={newLanguage} onChange={(event) => setNewLanguage(event.target.value)} />
                      {entry.entityType === 'PERSON' ? (
                        <Select aria-label={t('selfService.language.level')} value={newLevel} onChange={(event) => setNewLevel(event.target.value)}>
                          {LEVELS.map((level) => (
                            <SelectOption key={level} value={level}>
                              {levelText(level)}
                            </SelectOption>
                          ))}
                        </Select>
                      ) : null}
                      <Button
                        appearance="secondary-action-button"
                        onClick={() => {
                          const name = newLanguage.trim();
                          if (!name) return;
                          set('languages', [...draft.languages, { language: name, level: entry.entityType === 'PERSON' ? newLevel : undefined, label: name }]);
                          setNewLanguage('');
                        }}
                      >
                        +
                      </Button>
                    </div>
                  </Fieldset>
                ) : null}
                {can('topics') ? (
                  <Fieldset>
                    <FieldsetLegend>{t('selfService.field.topics')}</FieldsetLegend>
                    {TOPICS.map((topic) => (
                      <div key={topic} className="self-service__check">
                        <Checkbox
                          id={`ss-topic-${topic}`}
                          checked={draft.topics.includes(topic)}
                          onChange={(event) => set('topics', event.target.checked ? [...draft.topics, topic] : draft.topics.filter((x) => x !== topic))}
                        />
                        <FormLabel htmlFor={`ss-topic-${topic}`} type="checkbox">
                          {t(`selfService.topic.${topic}`)}
                        </FormLabel>
                      </div>
                    ))}
                  </Fieldset>
                ) : null}
                {(['doNotList', 'consentWithdrawn'] as const).filter(can).map((field) => (
                  <div key={field} className="self-service__check">
                    <Checkbox
                      id={`ss-${field}`}
                      checked={draft[field]}
                      aria-describedby={`ss-${field}-hint`}
                      onChange={(event) => set(field, event.target.checked)}
                    />
                    <FormLabel htmlFor={`ss-${field}`} type="checkbox">
                      {t(`selfService.field.${field}`)}
                    </FormLabel>
                    <FormFieldDescription id={`ss-${field}-hint`}>{t(`selfService.field.${field}Hint`)}</FormFieldDescription>
                  </div>
                ))}
                <ButtonGroup>
                  <Button appearance="primary-action-button" type="submit" disabled={busy}>
                    {t('selfService.send')}
                  </Button>
                </ButtonGroup>
              </form>
            )}
          </>
        ) : null}
      </main>
    </div>
  );
}
