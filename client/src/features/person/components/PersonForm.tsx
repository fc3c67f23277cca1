import { Button, Fieldset, FieldsetLegend, FormFieldDescription, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { navigate, paths } from '../../../app/router';
import {
  type Availability,
  type ConsentMethod,
  CreatePersonDocument,
  type LanguageLevel,
  type PersonRecordQuery,
  PersonRecordDocument,
  type PersonRole,
  type Topic,
  UpdatePersonDocument,
} from '../../../generated/graphql';
import { useSession } from '../../auth/hooks/use-session';
import {
  CheckboxField,
  CheckboxGroup,
  DateField,
  ErrorSummary,
  FormScope,
  MultiPicker,
  RadioGroup,
  SelectField,
  TextField,
  usePendingPicks,
  SaveButtons,
  bindFields,
} from '../../registry/forms/fields';
import { type FieldErrors, isDate, isEmail, isPhone, orNull, orUndefined, today } from '../../registry/forms/form-errors';
import { announceStatus, type NextStep } from '../../registry/forms/status-message';
import { useFormSubmit } from '../../registry/forms/use-form-submit';
import { useOrganisationChoices, useRegistryChoices } from '../../registry/hooks/use-registry-choices';
import { type RegistryText, useRegistryText, type RegistryTextKey } from '../../registry/registry-text';
import { PageHeading, PageState } from '../../registry/components/record-parts';
import { TOPICS } from '../../profile/topics';
import { PROFILE_FIELD_NAMES, ProfileFields, personProfileInput, profileDraftFrom, useProfileLabels } from '../../profile/components/ProfileFields';

const ROLES: PersonRole[] = ['KEY_PERSON', 'INTERPRETER', 'CONTACT_PERSON'];
const LEVELS: LanguageLevel[] = ['NATIVE', 'FLUENT', 'BASIC'];
const AVAILABILITIES: Availability[] = ['AVAILABLE', 'LIMITED', 'UNAVAILABLE'];
const CONSENT_METHODS: ConsentMethod[] = ['WRITTEN', 'VERBAL', 'DIGITAL'];
const FORM_ID = 'person-form';
/** Label texts of the fields not named `person.<field>`. */
const LABEL_KEYS: Partial<Record<string, RegistryTextKey>> = { teamId: 'person.team', organisationId: 'person.organisation' };

interface Draft {
  name: string;
  roles: PersonRole[];
  interpreterKind: '' | 'formal' | 'informal';
  registrationNumber: string;
  trainedKeyPerson: boolean;
  volunteerContract: boolean;
  languages: { language: string; level: LanguageLevel }[];
  communityCodes: string[];
  topics: Topic[];
  neighbourhoodCodes: string[];
  availability: Availability;
  availabilityNote: string;
  teamId: string;
  organisationId: string;
  phone: string;
  email: string;
  consentGivenOn: string;
  consentMethod: ConsentMethod | '';
  consentRecordedBy: string;
}

const EMPTY: Draft = {
  name: '',
  roles: [],
  interpreterKind: '',
  registrationNumber: '',
  trainedKeyPerson: false,
  volunteerContract: false,
  languages: [{ language: '', level: 'NATIVE' }],
  communityCodes: [],
  topics: [],
  neighbourhoodCodes: [],
  availability: 'AVAILABLE',
  availabilityNote: '',
  teamId: '',
  organisationId: '',
  phone: '',
  email: '',
  consentGivenOn: '',
  consentMethod: '',
  consentRecordedBy: '',
};

type PersonRecord = NonNullable<PersonRecordQuery['person']>;

function draftFrom(person: PersonRecord): Draft {
  return {
    ...EMPTY,
    name: person.name,
    roles: [...person.roles],
    interpreterKind: person.interpreterFormal == null ? '' : person.interpreterFormal ? 'formal' : 'informal',
    registrationNumber: person.registrationNumber ?? '',
    trainedKeyPerson: person.trainedKeyPerson,
    volunteerContract: person.volunteerContract,
    languages: person.languages.map((l) => ({ language: l.language.nameNl, level: l.level })),
    communityCodes: person.communities.map((c) => c.code),
    topics: [...person.topics],
    neighbourhoodCodes: person.neighbourhoods.map((n) => n.code),
    availability: person.availability,
    availabilityNote: person.availabilityNote ?? '',
    teamId: person.teamId ?? '',
    organisationId: person.organisationId ?? '',
    consentGivenOn: person.consentGivenOn,
    consentMethod: person.consentMethod,
    consentRecordedBy: person.consentRecordedBy,
  };
}

function validate(draft: Draft, rt: RegistryText, editing: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name.trim()) errors.name = rt('form.required', { label: rt('person.name').toLowerCase() });
  else if (draft.name.length > 200) errors.name = rt('form.tooLong', { max: 200 });
  if (draft.roles.length === 0) errors.roles = rt('person.rolesRequired');
  if (draft.roles.includes('INTERPRETER') && !draft.interpreterKind) errors.interpreterFormal = rt('person.interpreterKindRequired');
  draft.languages.forEach((l, i) => {
    if (!l.language.trim()) errors[`languages.${i}.language`] = rt('form.required', { label: rt('person.language', { n: i + 1 }).toLowerCase() });
  });
  if (draft.email.trim() && !isEmail(draft.email.trim())) errors.email = rt('form.invalidEmail');
  if (draft.phone.trim() && !isPhone(draft.phone.trim())) errors.phone = rt('form.invalidPhone');
  if (!draft.consentGivenOn) errors['consent.givenOn'] = rt('person.consentGivenOnRequired');
  else if (!isDate(draft.consentGivenOn)) errors['consent.givenOn'] = rt('form.invalidDate');
  if (!draft.consentMethod) errors['consent.method'] = rt('person.consentMethodRequired');
  if (!draft.consentRecordedBy.trim()) errors['consent.recordedBy'] = rt('person.consentRecordedByRequired');
  if (!editing && draft.email.length > 200) errors.email = rt('form.tooLong', { max: 200 });
  return errors;
}

/** Register (no id) or edit a key person, interpreter or contact person. */
export function PersonForm({ id }: { id?: string }) {
  const record = useGraphQLQuery(PersonRecordDocument, { id: id ?? '' }, { skip: !id });
  if (id && (record.loading || record.error || !record.data?.person)) {
    return <PageState loading={record.loading} error={record.error} notFound={!record.data?.person} />;
  }
  const person = record.data?.person ?? undefined;
  return <PersonFormBody key={person?.id ?? 'new'} person={person} />;
}

function PersonFormBody({ person }: { person?: PersonRecord }) {
  const { rt, t } = useRegistryText();
  const choices = useRegistryChoices();
  const organisations = useOrganisationChoices();
  const editing = Boolean(person);
  const [draft, setDraft] = useState<Draft>(() => (person ? draftFrom(person) : { ...EMPTY, consentGivenOn: today() }));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const field = bindFields(draft, set, (name) => rt(LABEL_KEYS[name] ?? (`person.${name}` as RegistryTextKey)));

  const { pending, withPending } = usePendingPicks();
  // Defaults for a new person, once the session is known: recorded by the signed-in user (the account is who we
  // know; there is no display name), and the user's own team when they have exactly one.
  const { user } = useSession();
  useEffect(() => {
    if (person || !user) return;
    const ownTeam = user.teams.length === 1 ? user.teams[0]!.id : '';
    setDraft((previous) => ({
      ...previous,
      consentRecordedBy: previous.consentRecordedBy || user.email,
      teamId: previous.teamId || ownTeam,
    }));
  }, [person, user]);
  const [profile, setProfile] = useState(() => profileDraftFrom(person));
  const profileLabels = useProfileLabels();

  const knownFields = () => [
    'name',
    'roles',
    'interpreterFormal',
    'registrationNumber',
    ...draft.languages.flatMap((_, i) => [`languages.${i}.language`, `languages.${i}.level`]),
    'communityCodes',
    'topics',
    'neighbourhoodCodes',
    'availability',
    'availabilityNote',
    'teamId',
    'organisationId',
    'phone',
    'email',
    'consent.givenOn',
    'consent.method',
    'consent.recordedBy',
    ...PROFILE_FIELD_NAMES,
  ];
  const { errors, busy, submit } = useFormSubmit({
    knownFields,
    // "no consent record" names the whole consent; show it at its first field
    remap: (e) => {
      const general = e.general.filter((m) => m !== e.fields.consent);
      return e.code === 'BAD_USER_INPUT' && /toestemming/i.test(general.join(' ')) && !e.fields['consent.givenOn']
        ? { ...e, general: [], fields: { ...e.fields, 'consent.givenOn': general.join(' ') } }
        : { ...e, general };
    },
  });

  const labels: Record<string, string> = {
    name: rt('person.name'),
    roles: rt('person.roles'),
    interpreterFormal: rt('person.interpreterKind'),
    registrationNumber: rt('person.registrationNumber'),
    communityCodes: rt('person.communities'),
    topics: rt('person.topics'),
    neighbourhoodCodes: rt('person.neighbourhoods'),
    availability: rt('person.availability'),
    availabilityNote: rt('person.availabilityNote'),
    teamId: rt('person.team'),
    organisationId: rt('person.organisation'),
    phone: rt('person.phone'),
    email: rt('person.email'),
    'consent.givenOn': rt('person.consentGivenOn'),
    'consent.method': rt('person.consentMethod'),
    'consent.recordedBy': rt('person.consentRecordedBy'),
    ...Object.fromEntries(draft.languages.map((_, i) => [`languages.${i}.language`, rt('person.language', { n: i + 1 })])),
    ...profileLabels,
  };

  const isInterpreter = draft.roles.includes('INTERPRETER');
  const send = async () => {
    const common = {
      name: draft.name.trim(),
      roles: draft.roles,
      interpreterFormal: isInterpreter ? draft.interpreterKind === 'formal' : null,
      registrationNumber: isInterpreter && draft.interpreterKind === 'formal' ? orNull(draft.registrationNumber) : null,
      trainedKeyPerson: draft.roles.includes('KEY_PERSON') && draft.trainedKeyPerson,
      volunteerContract: draft.volunteerContract,
      languages: draft.languages.map((l) => ({ language: l.language.trim(), level: l.level })),
      communityCodes: draft.communityCodes,
      topics: draft.topics,
      neighbourhoodCodes: withPending('neighbourhoodCodes', draft.neighbourhoodCodes),
      availability: draft.availability,
      availabilityNote: orNull(draft.availabilityNote),
      teamId: draft.teamId || null,
      organisationId: draft.organisationId || null,
      consent: { givenOn: draft.consentGivenOn, method: draft.consentMethod as ConsentMethod, recordedBy: draft.consentRecordedBy.trim() },
      // Phone and e-mail are never shown back in the form: empty keeps what is stored.
      phone: orUndefined(draft.phone),
      email: orUndefined(draft.email),
      ...personProfileInput(profile, draft.roles, isInterpreter && draft.interpreterKind ? draft.interpreterKind === 'formal' : null),
    };
    if (person) {
      const { updatePerson } = await graphqlRequest(UpdatePersonDocument, { input: { id: person.id, ...common } });
      announceStatus(rt('person.saved', { name: updatePerson.name }), paths.person(person.id), nextStepsAfterSave(person.id));
      navigate(paths.person(person.id));
    } else {
      const { createPerson } = await graphqlRequest(CreatePersonDocument, { input: { ...common, registrationNumber: common.registrationNumber ?? undefined } });
      announceStatus(rt('person.created', { name: createPerson.name }), paths.person(createPerson.id), [
        ...nextStepsAfterSave(createPerson.id),
        { label: rt('next.registerPerson'), href: paths.registerPerson() },
      ]);
      navigate(paths.person(createPerson.id));
    }
  };

  /** What usually follows: make them the fixed contact of their team or organisation, record an agreement with them. */
  const nextStepsAfterSave = (personId: string): NextStep[] => {
    const party = draft.teamId ? { teamId: draft.teamId } : draft.organisationId ? { organisationId: draft.organisationId } : undefined;
    return [
      ...(party && draft.roles.includes('CONTACT_PERSON') ? [{ label: rt('next.makeContact'), href: paths.registerContact({ ...party, personId }) }] : []),
      ...(draft.roles.includes('KEY_PERSON') || draft.teamId
        ? [{ label: rt('next.recordAgreement'), href: paths.registerAgreement({ teamId: draft.teamId || undefined }) }]
        : []),
    ];
  };

  const roleOptions = ROLES.map((role) => ({ value: role, label: rt(`personRole.${role}`) }));
  const setLanguage = (index: number, change: Partial<Draft['languages'][number]>) =>
    set(
      'languages',
      draft.languages.map((l, i) => (i === index ? { ...l, ...change } : l)),
    );

  return (
    <>
      <PageHeading>{person ? rt('person.edit', { name: person.name }) : rt('person.new')}</PageHeading>
      <form id={FORM_ID} className="registry-form" noValidate onSubmit={submit(() => validate(draft, rt, editing), send)} aria-labelledby="page-heading">
        <ErrorSummary formId={FORM_ID} errors={errors} labels={labels} />
        <FormScope formId={FORM_ID} errors={errors.fields} pending={pending}>
          <TextField {...field('name')} required autoComplete="off" maxLength={250} />
          <CheckboxGroup
            name="roles"
            legend={rt('person.roles')}
            options={roleOptions}
            value={draft.roles}
            onChange={(v) => set('roles', v as PersonRole[])}
            required
          />
          {isInterpreter ? (
            <>
              <RadioGroup
                name="interpreterFormal"
                legend={rt('person.interpreterKind')}
                options={[
                  { value: 'formal', label: rt('person.interpreterFormal') },
                  { value: 'informal', label: rt('person.interpreterInformal') },
                ]}
                value={draft.interpreterKind}
                onChange={(v) => set('interpreterKind', v as Draft['interpreterKind'])}
                required
              />
              {draft.interpreterKind === 'formal' ? <TextField {...field('registrationNumber')} description={rt('person.registrationNumberHint')} /> : null}
            </>
          ) : null}
          {draft.roles.includes('KEY_PERSON') ? (
            <CheckboxField
              name="trainedKeyPerson"
              label={rt('person.trainedKeyPerson')}
              checked={draft.trainedKeyPerson}
              onChange={(v) => set('trainedKeyPerson', v)}
            />
          ) : null}
          <CheckboxField
            name="volunteerContract"
            label={rt('person.volunteerContract')}
            checked={draft.volunteerContract}
            onChange={(v) => set('volunteerContract', v)}
          />
          <ProfileFields
            kind="person"
            value={profile}
            onChange={setProfile}
            roles={draft.roles}
            formal={isInterpreter && draft.interpreterKind ? draft.interpreterKind === 'formal' : null}
            personId={person?.id}
            teamId={draft.teamId}
          />

          <Fieldset>
            <FieldsetLegend>{rt('person.languages')}</FieldsetLegend>
            {draft.languages.map((entry, index) => (
              <div className="language-row" key={index}>
                <TextField
                  name={`languages.${index}.language`}
                  label={rt('person.language', { n: index + 1 })}
                  description={index === 0 ? rt('person.languageHint') : undefined}
                  value={entry.language}
                  list={`${FORM_ID}-language-options`}
                  onChange={(v) => setLanguage(index, { language: v })}
                  required
                />
                <SelectField
                  name={`languages.${index}.level`}
                  label={rt('person.level', { n: index + 1 })}
                  value={entry.level}
                  options={LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))}
                  onChange={(v) => setLanguage(index, { level: v as LanguageLevel })}
                  required
                />
                <Button
                  type="button"
                  appearance="subtle-button"
                  onClick={() =>
                    set(
                      'languages',
                      draft.languages.filter((_, i) => i !== index),
                    )
                  }
                >
                  {rt('person.removeLanguage', { n: index + 1 })}
                </Button>
              </div>
            ))}
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => set('languages', [...draft.languages, { language: '', level: 'FLUENT' }])}
            >
              {rt('person.addLanguage')}
            </Button>
            <datalist id={`${FORM_ID}-language-options`}>
              {choices.languages.map((language) => (
                <option key={language.code} value={language.nameNl}>
                  {`${language.code} · ${language.nameEn}`}
                </option>
              ))}
            </datalist>
          </Fieldset>

          <CheckboxGroup
            name="communityCodes"
            legend={rt('person.communities')}
            options={choices.communities}
            value={draft.communityCodes}
            onChange={(v) => set('communityCodes', v)}
          />
          <CheckboxGroup
            name="topics"
            legend={rt('person.topics')}
            options={TOPICS.map((topic) => ({ value: topic, label: t(`topic.${topic}`) }))}
            value={draft.topics}
            onChange={(v) => set('topics', v as Topic[])}
          />
          <MultiPicker
            name="neighbourhoodCodes"
            legend={rt('person.neighbourhoods')}
            itemLabel={rt('form.itemNeighbourhood')}
            options={choices.neighbourhoods}
            value={draft.neighbourhoodCodes}
            onChange={(v) => set('neighbourhoodCodes', v)}
          />
          <RadioGroup
            name="availability"
            legend={rt('person.availability')}
            options={AVAILABILITIES.map((a) => ({ value: a, label: t(`availability.${a}`) }))}
            value={draft.availability}
            onChange={(v) => set('availability', v as Availability)}
            required
          />
          <TextField {...field('availabilityNote')} description={rt('person.availabilityNoteHint')} />

          <Fieldset>
            <FieldsetLegend>{rt('person.belongsTo')}</FieldsetLegend>
            <FormFieldDescription>{rt('person.belongsToHint')}</FormFieldDescription>
            <SelectField {...field('teamId')} options={choices.actableTeams(draft.teamId)} emptyLabel={rt('person.noTeam')} />
            <SelectField
              {...field('organisationId')}
              options={organisations.items.map((o) => ({ value: o.id, label: o.name })).sort((a, b) => a.label.localeCompare(b.label, 'nl'))}
              emptyLabel={rt('person.noOrganisation')}
            />
          </Fieldset>

          <Fieldset>
            <FieldsetLegend>{`${rt('person.phone')} / ${rt('person.email')}`}</FieldsetLegend>
            <FormFieldDescription>{editing ? `${rt('person.contactHint')} ${rt('person.contactEditHint')}` : rt('person.contactHint')}</FormFieldDescription>
            <TextField {...field('phone')} type="tel" autoComplete="off" />
            <TextField {...field('email')} type="email" autoComplete="off" />
          </Fieldset>

          <Fieldset>
            <FieldsetLegend>{rt('person.consent')}</FieldsetLegend>
            <FormFieldDescription>{rt('person.consentHint')}</FormFieldDescription>
            <DateField
              name="consent.givenOn"
              label={rt('person.consentGivenOn')}
              value={draft.consentGivenOn}
              onChange={(v) => set('consentGivenOn', v)}
              required
            />
            <SelectField
              name="consent.method"
              label={rt('person.consentMethod')}
              value={draft.consentMethod}
              options={CONSENT_METHODS.map((m) => ({ value: m, label: rt(`consentMethod.${m}`) }))}
              emptyLabel={rt('form.chooseOne')}
              onChange={(v) => set('consentMethod', v as ConsentMethod)}
              required
            />
            <TextField
              name="consent.recordedBy"
              label={rt('person.consentRecordedBy')}
              description={editing ? undefined : rt('person.consentRecordedByHint')}
              value={draft.consentRecordedBy}
              onChange={(v) => set('consentRecordedBy', v)}
              required
            />
          </Fieldset>
        </FormScope>
        <SaveButtons busy={busy} cancelHref={person ? paths.person(person.id) : paths.home()} />
        {choices.error ? <Paragraph className="error-text">{choices.error.message}</Paragraph> : null}
      </form>
    </>
  );
}
