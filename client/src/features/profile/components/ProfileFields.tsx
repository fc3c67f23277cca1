import { TOPICS } from '../topics';
import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import {
  CapabilityChoicesDocument,
  SupporterCandidatesDocument,
  type CompensationPeriod,
  type InterpreterLevel,
  type InterpreterMode,
  type OrganisationProfileFieldsFragment,
  type PersonProfileFieldsFragment,
  type Standing,
  type Topic,
  type Wish,
} from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextField, TextareaField } from '../../registry/forms/fields';

/**
 * The profile fields of issue 15 (what a partner can do, wishes and needs, draagvlak; for key persons
 * training, contract, compensation, supporter and paid role; for interpreters level, registration end,
 * fallback list and way of working), as one part a person or organisation form includes. It keeps its own
 * draft; the form adds `profileInput(...)` to its mutation input and the field names to its known fields.
 */
export interface ProfileDraft {
  capabilities: string[];
  topics: Topic[];
  wishes: Wish[];
  wishesNote: string;
  standing: Standing;
  standingNote: string;
  standingJudgedBy: string;
  standingJudgedOn: string;
  trainedOn: string;
  volunteerContractStartsOn: string;
  volunteerContractEndsOn: string;
  compensationAmount: string;
  compensationPeriod: CompensationPeriod | '';
  supportedBy: string;
  /** The supporter's account; the old free-text note (supportedBy) stays until one is chosen. */
  supportedByUserId: string;
  /** The account as the record has it, offered even when it is no longer a candidate. */
  supporter: { id: string; email: string } | null;
  paidRole: boolean;
  fallbackList: boolean;
  interpreterLevel: InterpreterLevel | '';
  registrationEndsOn: string;
  interpreterModes: InterpreterMode[];
}

type Record = Partial<PersonProfileFieldsFragment> & Partial<OrganisationProfileFieldsFragment>;

export function profileDraftFrom(record?: Record | null): ProfileDraft {
  const r = record ?? {};
  return {
    capabilities: [...(r.capabilities ?? [])],
    topics: [...((r as OrganisationProfileFieldsFragment).topics ?? [])],
    wishes: [...(r.wishes ?? [])],
    wishesNote: r.wishesNote ?? '',
    standing: r.standing ?? 'UNKNOWN',
    standingNote: r.standingNote ?? '',
    standingJudgedBy: r.standingJudgedBy ?? '',
    standingJudgedOn: r.standingJudgedOn ?? '',
    trainedOn: r.trainedOn ?? '',
    volunteerContractStartsOn: r.volunteerContractStartsOn ?? '',
    volunteerContractEndsOn: r.volunteerContractEndsOn ?? '',
    compensationAmount: r.compensationAmount == null ? '' : String(r.compensationAmount).replace('.', ','),
    compensationPeriod: r.compensationPeriod ?? '',
    supportedBy: r.supportedBy ?? '',
    supportedByUserId: r.supporter?.id ?? '',
    supporter: r.supporter ?? null,
    paidRole: r.paidRole ?? false,
    fallbackList: r.interpreterKind === 'FALLBACK_LIST',
    interpreterLevel: r.interpreterLevel ?? '',
    registrationEndsOn: r.registrationEndsOn ?? '',
    interpreterModes: [...(r.interpreterModes ?? [])],
  };
}

const text = (v: string) => (v.trim() ? v.trim() : null);

/** The shared part of the mutation input (persons and organisations). */
function sharedInput(d: ProfileDraft) {
  return {
    capabilities: d.capabilities,
    wishes: d.wishes,
    wishesNote: text(d.wishesNote),
    standing: d.standing,
    standingNote: text(d.standingNote),
    standingJudgedBy: text(d.standingJudgedBy),
    standingJudgedOn: text(d.standingJudgedOn),
  };
}

export function organisationProfileInput(d: ProfileDraft) {
  return { ...sharedInput(d), topics: d.topics };
}

/** The person's part of the input; `formal` is the form's own formal/informal choice. */
export function personProfileInput(d: ProfileDraft, roles: readonly string[], formal: boolean | null) {
  const keyPerson = roles.includes('KEY_PERSON');
  const interpreter = roles.includes('INTERPRETER');
  const amount = d.compensationAmount.trim() ? Number(d.compensationAmount.trim().replace(',', '.')) : null;
  return {
    ...sharedInput(d),
    trainedOn: keyPerson ? text(d.trainedOn) : null,
    volunteerContractStartsOn: keyPerson ? text(d.volunteerContractStartsOn) : null,
    volunteerContractEndsOn: keyPerson ? text(d.volunteerContractEndsOn) : null,
    compensationAmount: keyPerson ? amount : null,
    compensationPeriod: keyPerson && d.compensationPeriod ? d.compensationPeriod : null,
    supportedBy: keyPerson && !d.supportedByUserId ? text(d.supportedBy) : null,
    supportedByUserId: keyPerson && d.supportedByUserId ? d.supportedByUserId : null,
    paidRole: keyPerson && d.paidRole,
    interpreterKind:
      !interpreter || formal === null ? null : formal ? ('FORMAL' as const) : d.fallbackList ? ('FALLBACK_LIST' as const) : ('INFORMAL' as const),
    interpreterLevel: interpreter && formal && d.interpreterLevel ? d.interpreterLevel : null,
    registrationEndsOn: interpreter && formal ? text(d.registrationEndsOn) : null,
    interpreterModes: interpreter ? d.interpreterModes : [],
  };
}

/** Field names as the server names them in errors, so the form shows each error at its field. */
export const PROFILE_FIELD_NAMES = [
  'capabilities',
  'topics',
  'wishes',
  'wishesNote',
  'standing',
  'standingNote',
  'standingJudgedBy',
  'standingJudgedOn',
  'trainedOn',
  'volunteerContractStartsOn',
  'volunteerContractEndsOn',
  'compensationAmount',
  'compensationPeriod',
  'supportedBy',
  'supportedByUserId',
  'paidRole',
  'interpreterKind',
  'interpreterLevel',
  'registrationEndsOn',
  'interpreterModes',
];

const WISHES: Wish[] = ['TRAINING', 'SUPPORT', 'COMPENSATION', 'MORE_REQUESTS', 'FEWER_REQUESTS'];
const STANDINGS: Standing[] = ['YES', 'PARTLY', 'NO', 'UNKNOWN'];
const PERIODS: CompensationPeriod[] = ['PER_SESSION', 'PER_MONTH', 'PER_YEAR'];
const MODES: InterpreterMode[] = ['IN_PERSON', 'TELEPHONE', 'VIDEO'];

/** Labels of the fields, for the form's error summary. */
export function useProfileLabels(): { [field: string]: string } {
  const { t } = useI18n();
  return {
    capabilities: t('profile.capabilities'),
    topics: t('profile.topics'),
    wishes: t('profile.wishes'),
    wishesNote: t('profile.wishesNote'),
    standing: t('profile.standing'),
    standingNote: t('profile.standingNote'),
    standingJudgedBy: t('profile.standingJudgedBy'),
    standingJudgedOn: t('profile.standingJudgedOn'),
    trainedOn: t('profile.trainedOn'),
    volunteerContractStartsOn: t('profile.contractStartsOn'),
    volunteerContractEndsOn: t('profile.contractEndsOn'),
    compensationAmount: t('profile.compensationAmount'),
    compensationPeriod: t('profile.compensationPeriod'),
    supportedBy: t('profile.supportedByNote'),
    supportedByUserId: t('profile.supportedBy'),
    paidRole: t('profile.paidRole'),
    interpreterKind: t('profile.interpreterKind'),
    interpreterLevel: t('profile.interpreterLevel'),
    registrationEndsOn: t('profile.registrationEndsOn'),
    interpreterModes: t('profile.interpreterModes'),
  };
}

interface Props {
  kind: 'person' | 'organisation';
  value: ProfileDraft;
  onChange(value: ProfileDraft): void;
  /** Persons: the roles chosen, and the formal/informal choice of the form. */
  roles?: readonly string[];
  formal?: boolean | null;
  /** Persons: the record and its team, whose members (and the user's own teams') may be chosen as supporter. */
  personId?: string;
  teamId?: string;
}

export function ProfileFields({ kind, value, onChange, roles = [], formal = null, personId, teamId }: Props) {
  const { t, locale } = useI18n();
  const capabilities = useGraphQLQuery(CapabilityChoicesDocument, {});
  const keyPersonForm = kind === 'person' && roles.includes('KEY_PERSON');
  const candidates = useGraphQLQuery(SupporterCandidatesDocument, { personId: personId || null, teamId: teamId || null }, { skip: !keyPersonForm });
  const supporterOptions = [
    ...(value.supporter && !candidates.data?.supporterCandidates.some((c) => c.id === value.supporter!.id) ? [value.supporter] : []),
    ...(candidates.data?.supporterCandidates ?? []),
  ].map((u) => ({ value: u.id, label: u.email }));
  const set = <K extends keyof ProfileDraft>(key: K, v: ProfileDraft[K]) => onChange({ ...value, [key]: v });
  // A retired capability is offered only where the record already has it.
  const capabilityOptions = (capabilities.data?.capabilities ?? [])
    .filter((c) => !c.retiredAt || value.capabilities.includes(c.code))
    .map((c) => {
      const name = locale === 'nl' ? c.nameNl : c.nameEn;
      return { value: c.code, label: c.retiredAt ? t('profile.capabilitiesRetired', { name }) : name };
    });
  const keyPerson = roles.includes('KEY_PERSON');
  const interpreter = roles.includes('INTERPRETER');
  return (
    <Fieldset className="profile-fields">
      <FieldsetLegend>{t('profile.section')}</FieldsetLegend>
      <CheckboxGroup
        name="capabilities"
        legend={t('profile.capabilities')}
        options={capabilityOptions}
        value={value.capabilities}
        onChange={(v) => set('capabilities', [...v])}
      />
      {kind === 'organisation' ? (
        <CheckboxGroup
          name="topics"
          legend={t('profile.topics')}
          options={TOPICS.map((topic) => ({ value: topic, label: t(`topic.${topic}` as never) }))}
          value={value.topics}
          onChange={(v) => set('topics', v as Topic[])}
        />
      ) : null}
      <CheckboxGroup
        name="wishes"
        legend={t('profile.wishes')}
        options={WISHES.map((w) => ({ value: w, label: t(`profile.wish.${w}`) }))}
        value={value.wishes}
        onChange={(v) => set('wishes', v as Wish[])}
      />
      <TextareaField name="wishesNote" label={t('profile.wishesNote')} value={value.wishesNote} onChange={(v) => set('wishesNote', v)} />
      <RadioGroup
        name="standing"
        legend={t('profile.standing')}
        options={STANDINGS.map((s) => ({ value: s, label: t(`profile.standing.${s}`) }))}
        value={value.standing}
        onChange={(v) => set('standing', v as Standing)}
      />
      {value.standing !== 'UNKNOWN' ? (
        <>
          <TextField
            name="standingJudgedBy"
            label={t('profile.standingJudgedBy')}
            value={value.standingJudgedBy}
            onChange={(v) => set('standingJudgedBy', v)}
            required
          />
          <TextField
            name="standingJudgedOn"
            type="date"
            label={t('profile.standingJudgedOn')}
            value={value.standingJudgedOn}
            onChange={(v) => set('standingJudgedOn', v)}
            required
          />
          <TextareaField name="standingNote" label={t('profile.standingNote')} value={value.standingNote} onChange={(v) => set('standingNote', v)} />
        </>
      ) : null}

      {kind === 'person' && keyPerson ? (
        <Fieldset>
          <FieldsetLegend>{t('profile.keyPerson')}</FieldsetLegend>
          <TextField name="trainedOn" type="date" label={t('profile.trainedOn')} value={value.trainedOn} onChange={(v) => set('trainedOn', v)} />
          <TextField
            name="volunteerContractStartsOn"
            type="date"
            label={t('profile.contractStartsOn')}
            value={value.volunteerContractStartsOn}
            onChange={(v) => set('volunteerContractStartsOn', v)}
          />
          <TextField
            name="volunteerContractEndsOn"
            type="date"
            label={t('profile.contractEndsOn')}
            description={t('profile.contractEndsOnHint')}
            value={value.volunteerContractEndsOn}
            onChange={(v) => set('volunteerContractEndsOn', v)}
          />
          <TextField
            name="compensationAmount"
            label={t('profile.compensationAmount')}
            value={value.compensationAmount}
            onChange={(v) => set('compensationAmount', v)}
            autoComplete="off"
          />
          <SelectField
            name="compensationPeriod"
            label={t('profile.compensationPeriod')}
            value={value.compensationPeriod}
            options={PERIODS.map((p) => ({ value: p, label: t(`profile.period.${p}`) }))}
            emptyLabel={t('profile.chooseOne')}
            onChange={(v) => set('compensationPeriod', v as CompensationPeriod | '')}
          />
          <SelectField
            name="supportedByUserId"
            label={t('profile.supportedBy')}
            value={value.supportedByUserId}
            options={supporterOptions}
            emptyLabel={t('profile.supportedByNone')}
            description={value.supportedBy && !value.supportedByUserId ? t('profile.supportedByNoteHint', { note: value.supportedBy }) : undefined}
            onChange={(v) => set('supportedByUserId', v)}
          />
          <CheckboxField name="paidRole" label={t('profile.paidRole')} checked={value.paidRole} onChange={(v) => set('paidRole', v)} />
        </Fieldset>
      ) : null}

      {kind === 'person' && interpreter && formal !== null ? (
        <Fieldset>
          <FieldsetLegend>{t('profile.interpreter')}</FieldsetLegend>
          {formal ? (
            <>
              <SelectField
                name="interpreterLevel"
                label={t('profile.interpreterLevel')}
                value={value.interpreterLevel}
                options={[
                  { value: 'C1', label: 'C1' },
                  { value: 'B2', label: 'B2' },
                ]}
                emptyLabel={t('profile.chooseOne')}
                onChange={(v) => set('interpreterLevel', v as InterpreterLevel | '')}
                required
              />
              <TextField
                name="registrationEndsOn"
                type="date"
                label={t('profile.registrationEndsOn')}
                value={value.registrationEndsOn}
                onChange={(v) => set('registrationEndsOn', v)}
                required
              />
            </>
          ) : (
            <CheckboxField name="interpreterKind" label={t('profile.fallbackList')} checked={value.fallbackList} onChange={(v) => set('fallbackList', v)} />
          )}
          <CheckboxGroup
            name="interpreterModes"
            legend={t('profile.interpreterModes')}
            options={MODES.map((m) => ({ value: m, label: t(`profile.mode.${m}`) }))}
            value={value.interpreterModes}
            onChange={(v) => set('interpreterModes', v as InterpreterMode[])}
          />
        </Fieldset>
      ) : null}
    </Fieldset>
  );
}
