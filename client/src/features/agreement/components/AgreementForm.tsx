import { Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { navigate, paths } from '../../../app/router';
import {
  type AgreementRecordQuery,
  AgreementRecordDocument,
  type AgreementStatus,
  type AgreementType,
  CreateAgreementDocument,
  UpdateAgreementDocument,
} from '../../../generated/graphql';
import { useSession } from '../../auth/hooks/use-session';
import {
  DateField,
  ErrorSummary,
  FormScope,
  MultiPicker,
  RadioGroup,
  SelectField,
  TextareaField,
  TextField,
  usePendingPicks,
  SaveButtons,
  bindFields,
} from '../../registry/forms/fields';
import { type FieldErrors, isDate, orNull, orUndefined, today } from '../../registry/forms/form-errors';
import { announceStatus, type NextStep } from '../../registry/forms/status-message';
import { useFormSubmit } from '../../registry/forms/use-form-submit';
import { useOrganisationChoices, usePersonChoices, useRegistryChoices } from '../../registry/hooks/use-registry-choices';
import { type RegistryText, type RegistryTextKey, useRegistryText } from '../../registry/registry-text';
import { PageHeading, PageState, SignInNeeded } from '../../registry/components/record-parts';

const TYPES: AgreementType[] = ['WALK_IN_HOUR', 'INFORMATION_MEETING', 'REFERRAL_ROUTE', 'DUO_COACHING', 'OTHER'];
const FORM_ID = 'agreement-form';
const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'nl');

interface Draft {
  title: string;
  type: AgreementType | '';
  teamId: string;
  partnerType: 'organisation' | 'person';
  organisationId: string;
  personId: string;
  neighbourhoodCodes: string[];
  teamContactPersonId: string;
  partnerContactPersonId: string;
  teamCommitment: string;
  partnerCommitment: string;
  appreciate: string;
  inform: string;
  facilitate: string;
  align: string;
  volunteerCompensation: string;
  startsOn: string;
  reviewOn: string;
  endsOn: string;
  status: Exclude<AgreementStatus, 'ENDED'>;
}

/** Label texts of the fields not named `agreement.<field>`. */
const LABEL_KEYS: Partial<Record<keyof Draft, RegistryTextKey>> = {
  teamId: 'agreement.team',
  organisationId: 'agreement.organisation',
  personId: 'agreement.person',
  teamContactPersonId: 'agreement.teamContact',
  partnerContactPersonId: 'agreement.partnerContact',
  volunteerCompensation: 'agreement.compensation',
};

type AgreementRecord = NonNullable<AgreementRecordQuery['agreement']>;

const draftFrom = (a: AgreementRecord): Draft => ({
  title: a.title,
  type: a.type,
  teamId: a.teamId,
  partnerType: a.personId ? 'person' : 'organisation',
  organisationId: a.organisationId ?? '',
  personId: a.personId ?? '',
  neighbourhoodCodes: a.neighbourhoods.map((n) => n.code),
  teamContactPersonId: a.teamContactPersonId ?? '',
  partnerContactPersonId: a.partnerContactPersonId ?? '',
  teamCommitment: a.teamCommitment ?? '',
  partnerCommitment: a.partnerCommitment ?? '',
  appreciate: a.appreciate ?? '',
  inform: a.inform ?? '',
  facilitate: a.facilitate ?? '',
  align: a.align ?? '',
  volunteerCompensation: a.volunteerCompensation ?? '',
  startsOn: a.startsOn,
  reviewOn: a.reviewOn ?? '',
  endsOn: a.endsOn ?? '',
  status: a.status === 'ACTIVE' ? 'ACTIVE' : 'DRAFT',
});

function validate(draft: Draft, rt: RegistryText, editing: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.title.trim()) errors.title = rt('form.required', { label: rt('agreement.title').toLowerCase() });
  else if (draft.title.length > 200) errors.title = rt('form.tooLong', { max: 200 });
  if (!draft.type) errors.type = rt('form.choose', { label: rt('agreement.type').toLowerCase() });
  if (!editing) {
    if (!draft.teamId) errors.teamId = rt('form.choose', { label: rt('agreement.team').toLowerCase() });
    if (draft.partnerType === 'organisation' && !draft.organisationId)
      errors.organisationId = rt('form.choose', { label: rt('agreement.organisation').toLowerCase() });
    if (draft.partnerType === 'person' && !draft.personId) errors.personId = rt('form.choose', { label: rt('agreement.person').toLowerCase() });
  }
  if (draft.neighbourhoodCodes.length === 0) errors.neighbourhoodCodes = rt('agreement.neighbourhoodsRequired');
  if (!draft.startsOn) errors.startsOn = rt('form.required', { label: rt('agreement.startsOn').toLowerCase() });
  for (const key of ['startsOn', 'reviewOn', 'endsOn'] as const) {
    if (draft[key] && !isDate(draft[key])) errors[key] = rt('form.invalidDate');
  }
  if (draft.endsOn && draft.startsOn && !errors.endsOn && !errors.startsOn && draft.endsOn < draft.startsOn) errors.endsOn = rt('form.endBeforeStart');
  return errors;
}

/** Register (no id) or edit a partnership agreement. Parties are fixed once it exists. */
export function AgreementForm({ id, neighbourhoodCode, teamId }: { id?: string; neighbourhoodCode?: string; teamId?: string }) {
  const record = useGraphQLQuery(AgreementRecordDocument, { id: id ?? '' }, { skip: !id });
  if (id && (record.loading || record.error || !record.data?.agreement)) {
    return <PageState loading={record.loading} error={record.error} notFound={!record.data?.agreement} />;
  }
  const agreement = record.data?.agreement ?? undefined;
  return <AgreementFormBody key={agreement?.id ?? 'new'} agreement={agreement} neighbourhoodCode={neighbourhoodCode} teamId={teamId} />;
}

function AgreementFormBody({ agreement, neighbourhoodCode, teamId }: { agreement?: AgreementRecord; neighbourhoodCode?: string; teamId?: string }) {
  const { rt } = useRegistryText();
  const choices = useRegistryChoices();
  const organisations = useOrganisationChoices();
  const persons = usePersonChoices();
  const editing = Boolean(agreement);
  const [draft, setDraft] = useState<Draft>(() =>
    agreement
      ? draftFrom(agreement)
      : {
          title: '',
          type: '',
          teamId: teamId ?? '',
          partnerType: 'organisation',
          organisationId: '',
          personId: '',
          neighbourhoodCodes: neighbourhoodCode ? [neighbourhoodCode] : [],
          teamContactPersonId: '',
          partnerContactPersonId: '',
          teamCommitment: '',
          partnerCommitment: '',
          appreciate: '',
          inform: '',
          facilitate: '',
          align: '',
          volunteerCompensation: '',
          startsOn: today(),
          reviewOn: '',
          endsOn: '',
          status: 'DRAFT',
        },
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const field = bindFields(draft, set, (name) => rt(LABEL_KEYS[name] ?? (`agreement.${name}` as RegistryTextKey)));
  const { pending, withPending, withPendingIn } = usePendingPicks();
  // A new agreement is most often the user's own team's: theirs when they have exactly one.
  const { user } = useSession();
  useEffect(() => {
    if (agreement || !user || user.teams.length !== 1) return;
    setDraft((previous) => (previous.teamId ? previous : { ...previous, teamId: user.teams[0]!.id }));
  }, [agreement, user]);

  const known = [
    'title',
    'type',
    'teamId',
    'organisationId',
    'personId',
    'neighbourhoodCodes',
    'teamContactPersonId',
    'partnerContactPersonId',
    'teamCommitment',
    'partnerCommitment',
    'appreciate',
    'inform',
    'facilitate',
    'align',
    'volunteerCompensation',
    'startsOn',
    'reviewOn',
    'endsOn',
    'status',
  ];
  const { errors, busy, submit } = useFormSubmit({ knownFields: () => known });
  const labels: Record<string, string> = {
    title: rt('agreement.title'),
    type: rt('agreement.type'),
    teamId: rt('agreement.team'),
    organisationId: rt('agreement.organisation'),
    personId: rt('agreement.person'),
    neighbourhoodCodes: rt('agreement.neighbourhoods'),
    teamContactPersonId: rt('agreement.teamContact'),
    partnerContactPersonId: rt('agreement.partnerContact'),
    startsOn: rt('agreement.startsOn'),
    reviewOn: rt('agreement.reviewOn'),
    endsOn: rt('agreement.endsOn'),
    status: rt('agreement.status'),
  };

  const personOptions = useMemo(() => {
    const of = (predicate: (p: (typeof persons.items)[number]) => boolean) =>
      persons.items
        .filter(predicate)
        .map((p) => ({ value: p.id, label: p.name }))
        .sort(byLabel);
    return {
      keyPersons: of((p) => p.isKeyPerson),
      teamMembers: of((p) => Boolean(draft.teamId) && p.teamId === draft.teamId),
      partnerMembers:
        draft.partnerType === 'person'
          ? of((p) => p.id === draft.personId)
          : of((p) => Boolean(draft.organisationId) && p.organisationId === draft.organisationId),
    };
  }, [persons, draft.teamId, draft.organisationId, draft.personId, draft.partnerType]);

  const send = async () => {
    const texts = {
      teamCommitment: draft.teamCommitment,
      partnerCommitment: draft.partnerCommitment,
      appreciate: draft.appreciate,
      inform: draft.inform,
      facilitate: draft.facilitate,
      align: draft.align,
      volunteerCompensation: draft.volunteerCompensation,
    };
    if (agreement) {
      await graphqlRequest(UpdateAgreementDocument, {
        input: {
          id: agreement.id,
          title: draft.title.trim(),
          type: draft.type as AgreementType,
          neighbourhoodCodes: withPending('neighbourhoodCodes', draft.neighbourhoodCodes),
          teamContactPersonId: draft.teamContactPersonId || null,
          partnerContactPersonId: draft.partnerContactPersonId || null,
          ...Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, orNull(v)])),
          startsOn: draft.startsOn,
          reviewOn: draft.reviewOn || null,
          endsOn: draft.endsOn || null,
          status: draft.status,
        },
      });
      announceStatus(rt('agreement.saved', { title: draft.title.trim() }), paths.agreement(agreement.id), nextSteps());
      navigate(paths.agreement(agreement.id));
    } else {
      const { createAgreement } = await graphqlRequest(CreateAgreementDocument, {
        input: {
          title: draft.title.trim(),
          type: draft.type as AgreementType,
          teamId: draft.teamId,
          ...(draft.partnerType === 'organisation' ? { organisationId: draft.organisationId } : { personId: draft.personId }),
          neighbourhoodCodes: withPending('neighbourhoodCodes', draft.neighbourhoodCodes),
          teamContactPersonId: draft.teamContactPersonId || undefined,
          partnerContactPersonId: draft.partnerContactPersonId || undefined,
          ...Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, orUndefined(v)])),
          startsOn: draft.startsOn,
          reviewOn: draft.reviewOn || undefined,
          endsOn: draft.endsOn || undefined,
          status: draft.status,
        },
      });
      announceStatus(rt('agreement.created', { title: draft.title.trim() }), paths.agreement(createAgreement.id), nextSteps());
      navigate(paths.agreement(createAgreement.id));
    }
  };

  /** After an agreement: back to the buurt it was made for (or its first), and a walk-in hour when that is what was agreed. */
  const nextSteps = (): NextStep[] => {
    const code = neighbourhoodCode ?? withPending('neighbourhoodCodes', draft.neighbourhoodCodes)[0];
    const buurt = code ? choices.neighbourhoods.find((n) => n.value === code) : undefined;
    return [
      ...(code ? [{ label: rt('next.toNeighbourhood', { name: buurt?.label ?? code }), href: paths.neighbourhood(code) }] : []),
      ...(draft.type === 'WALK_IN_HOUR' && !agreement ? [{ label: rt('next.registerActivity'), href: paths.registerActivity({ teamId: draft.teamId }) }] : []),
    ];
  };

  if (persons.error?.code === 'UNAUTHENTICATED') {
    return (
      <>
        <PageHeading>{rt('agreement.new')}</PageHeading>
        <SignInNeeded />
      </>
    );
  }

  const partnerName = agreement?.organisation?.name ?? agreement?.person?.name;
  return (
    <>
      <PageHeading>{agreement ? rt('agreement.edit', { name: agreement.title }) : rt('agreement.new')}</PageHeading>
      <form
        id={FORM_ID}
        className="registry-form"
        noValidate
        onSubmit={submit(() => validate(withPendingIn(draft), rt, editing), send)}
        aria-labelledby="page-heading"
      >
        <ErrorSummary formId={FORM_ID} errors={errors} labels={labels} />
        <FormScope formId={FORM_ID} errors={errors.fields} pending={pending}>
          <TextField {...field('title')} required maxLength={250} />
          <SelectField
            {...field('type')}
            options={TYPES.map((type) => ({ value: type, label: rt(`agreementType.${type}`) }))}
            emptyLabel={rt('form.chooseOne')}
            required
          />
          <Fieldset>
            <FieldsetLegend>{rt('agreement.parties')}</FieldsetLegend>
            {agreement ? (
              <Paragraph>{`${agreement.team?.name ?? ''} · ${rt('agreement.withPartner', { partner: partnerName ?? '' })}`}</Paragraph>
            ) : (
              <>
                <SelectField
                  name="teamId"
                  label={rt('agreement.team')}
                  value={draft.teamId}
                  options={choices.actableTeams(draft.teamId)}
                  emptyLabel={rt('form.chooseOne')}
                  onChange={(v) => setDraft((d) => ({ ...d, teamId: v, teamContactPersonId: '' }))}
                  required
                />
                <RadioGroup
                  name="partnerType"
                  legend={rt('agreement.partnerType')}
                  options={[
                    { value: 'organisation', label: rt('agreement.partnerOrganisation') },
                    { value: 'person', label: rt('agreement.partnerPerson') },
                  ]}
                  value={draft.partnerType}
                  onChange={(v) => setDraft((d) => ({ ...d, partnerType: v as Draft['partnerType'], partnerContactPersonId: '' }))}
                  required
                />
                {draft.partnerType === 'organisation' ? (
                  <SelectField
                    name="organisationId"
                    label={rt('agreement.organisation')}
                    value={draft.organisationId}
                    options={organisations.items.map((o) => ({ value: o.id, label: o.name })).sort(byLabel)}
                    emptyLabel={rt('form.chooseOne')}
                    onChange={(v) => setDraft((d) => ({ ...d, organisationId: v, partnerContactPersonId: '' }))}
                    required
                  />
                ) : (
                  <SelectField
                    name="personId"
                    label={rt('agreement.person')}
                    value={draft.personId}
                    options={personOptions.keyPersons}
                    emptyLabel={rt('form.chooseOne')}
                    onChange={(v) => setDraft((d) => ({ ...d, personId: v, partnerContactPersonId: v }))}
                    required
                  />
                )}
              </>
            )}
          </Fieldset>
          <MultiPicker
            name="neighbourhoodCodes"
            legend={rt('agreement.neighbourhoods')}
            itemLabel={rt('form.itemNeighbourhood')}
            options={choices.neighbourhoods}
            value={draft.neighbourhoodCodes}
            onChange={(v) => set('neighbourhoodCodes', v)}
            required
          />
          <Fieldset>
            <FieldsetLegend>{rt('agreement.contacts')}</FieldsetLegend>
            <SelectField {...field('teamContactPersonId')} options={personOptions.teamMembers} emptyLabel={rt('agreement.noContact')} />
            <SelectField {...field('partnerContactPersonId')} options={personOptions.partnerMembers} emptyLabel={rt('agreement.noContact')} />
          </Fieldset>
          <Fieldset>
            <FieldsetLegend>{rt('agreement.commitments')}</FieldsetLegend>
            <TextareaField {...field('teamCommitment')} />
            <TextareaField {...field('partnerCommitment')} />
          </Fieldset>
          <Fieldset>
            <FieldsetLegend>{rt('agreement.wifa')}</FieldsetLegend>
            <TextareaField {...field('appreciate')} />
            <TextareaField {...field('inform')} />
            <TextareaField {...field('facilitate')} />
            <TextareaField {...field('align')} />
          </Fieldset>
          <TextField {...field('volunteerCompensation')} description={rt('agreement.compensationHint')} />
          <Fieldset>
            <FieldsetLegend>{rt('agreement.dates')}</FieldsetLegend>
            <DateField {...field('startsOn')} required />
            <DateField {...field('reviewOn')} />
            <DateField {...field('endsOn')} />
          </Fieldset>
          <RadioGroup
            name="status"
            legend={rt('agreement.status')}
            description={rt('agreement.statusHint')}
            options={[
              { value: 'DRAFT', label: rt('status.DRAFT') },
              { value: 'ACTIVE', label: rt('status.ACTIVE') },
            ]}
            value={draft.status}
            onChange={(v) => set('status', v as Draft['status'])}
            required
          />
        </FormScope>
        <SaveButtons
          busy={busy}
          cancelHref={agreement ? paths.agreement(agreement.id) : neighbourhoodCode ? paths.neighbourhood(neighbourhoodCode) : paths.home()}
        />
      </form>
    </>
  );
}
