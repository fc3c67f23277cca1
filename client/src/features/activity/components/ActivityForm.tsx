import { Button, ButtonGroup, Fieldset, FieldsetLegend, FormFieldDescription, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { navigate, paths } from '../../../app/router';
import {
  ActivityAgreementChoicesDocument,
  type ActivityRecordQuery,
  ActivityRecordDocument,
  ArchiveActivityDocument,
  CreateActivityDocument,
  UpdateActivityDocument,
} from '../../../generated/graphql';
import {
  DateField,
  ErrorSummary,
  FormScope,
  MultiPicker,
  SelectField,
  TextareaField,
  TextField,
  usePendingPicks,
  SaveButtons,
  bindFields,
} from '../../registry/forms/fields';
import { type FieldErrors, isDate, orNull, orUndefined, today } from '../../registry/forms/form-errors';
import { announceStatus } from '../../registry/forms/status-message';
import { useFormSubmit } from '../../registry/forms/use-form-submit';
import { usePermissions } from '../../registry/hooks/use-permissions';
import { useOrganisationChoices, useRegistryChoices } from '../../registry/hooks/use-registry-choices';
import { type RegistryText, type RegistryTextKey, useRegistryText } from '../../registry/registry-text';
import { ArchiveControl, PageHeading, PageState, Section } from '../../registry/components/record-parts';
import { NotAllowed } from '../../team/components/TeamForm';

const FORM_ID = 'activity-form';
const END_FORM_ID = 'end-activity-form';
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const KNOWN_FIELDS = [
  'name',
  'description',
  'weekday',
  'startTime',
  'endTime',
  'venueName',
  'venueAddress',
  'neighbourhoodCode',
  'organisationId',
  'agreementId',
  'languageCodes',
  'validFrom',
  'validUntil',
] as const;
/** Label texts of the fields not named `activity.<field>`. */
const LABEL_KEYS: Partial<Record<(typeof KNOWN_FIELDS)[number], RegistryTextKey>> = {
  neighbourhoodCode: 'activity.neighbourhood',
  languageCodes: 'activity.languages',
  organisationId: 'activity.organisation',
  agreementId: 'activity.agreement',
};
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'nl');

interface Draft {
  name: string;
  description: string;
  weekday: string;
  startTime: string;
  endTime: string;
  venueName: string;
  venueAddress: string;
  neighbourhoodCode: string;
  organisationId: string;
  agreementId: string;
  languageCodes: string[];
  validFrom: string;
  validUntil: string;
}

type ActivityRecord = NonNullable<ActivityRecordQuery['activity']>;

/** Where the form was opened from: its parties are filled in, and saving or cancelling goes back there. */
export interface ActivityOrigin {
  organisationId?: string;
  teamId?: string;
  neighbourhoodCode?: string;
  agreementId?: string;
}

const draftFrom = (a: ActivityRecord): Draft => ({
  name: a.name,
  description: a.description ?? '',
  weekday: String(a.weekday),
  startTime: a.startTime,
  endTime: a.endTime,
  venueName: a.venueName,
  venueAddress: a.venueAddress ?? '',
  neighbourhoodCode: a.neighbourhoodCode,
  organisationId: a.organisationId ?? '',
  agreementId: a.agreementId ?? '',
  languageCodes: a.languages.map((l) => l.code),
  validFrom: a.validFrom,
  validUntil: a.validUntil ?? '',
});

/**
 * What the browser can tell: required fields and formats. The rules of the domain (the end after the start,
 * "tot en met" not before "vanaf", an agreement that still runs) are the server's; its answer lands at the field.
 */
function validate(draft: Draft, rt: RegistryText): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name.trim()) errors.name = rt('form.required', { label: rt('activity.name').toLowerCase() });
  else if (draft.name.length > 200) errors.name = rt('form.tooLong', { max: 200 });
  if (!draft.weekday) errors.weekday = rt('form.choose', { label: rt('activity.weekday').toLowerCase() });
  for (const key of ['startTime', 'endTime'] as const) {
    if (!draft[key]) errors[key] = rt('form.required', { label: rt(`activity.${key}`).toLowerCase() });
    else if (!CLOCK_TIME.test(draft[key])) errors[key] = rt('activity.invalidTime');
  }
  if (!draft.venueName.trim()) errors.venueName = rt('form.required', { label: rt('activity.venueName').toLowerCase() });
  if (!draft.neighbourhoodCode) errors.neighbourhoodCode = rt('form.choose', { label: rt('activity.neighbourhood').toLowerCase() });
  if (!draft.organisationId && !draft.agreementId) errors.agreementId = rt('activity.ownerRequired');
  if (!draft.validFrom) errors.validFrom = rt('form.required', { label: rt('activity.validFrom').toLowerCase() });
  else if (!isDate(draft.validFrom)) errors.validFrom = rt('form.invalidDate');
  if (draft.validUntil && !isDate(draft.validUntil)) errors.validUntil = rt('form.invalidDate');
  return errors;
}

/** The page to go back to: the one the form was opened from, else the walk-in hour's organisation or agreement. */
function backTo(origin: ActivityOrigin, returnTo: string | undefined, saved?: { organisationId: string | null; agreementId: string | null }): string {
  if (returnTo) return returnTo;
  if (origin.organisationId) return paths.organisation(origin.organisationId);
  if (origin.teamId) return paths.team(origin.teamId);
  if (origin.neighbourhoodCode) return paths.neighbourhood(origin.neighbourhoodCode);
  if (origin.agreementId) return paths.agreement(origin.agreementId);
  if (saved?.organisationId) return paths.organisation(saved.organisationId);
  if (saved?.agreementId) return paths.agreement(saved.agreementId);
  return paths.home();
}

/**
 * Register (no id) or change a walk-in hour (spreekuur, inloopmoment) of an organisation or of a team (under one
 * of its agreements); when changing, also end it from a date or remove one registered by mistake.
 */
export function ActivityForm({ id, origin = {}, returnTo }: { id?: string; origin?: ActivityOrigin; returnTo?: string }) {
  const { rt } = useRegistryText();
  const { canEditActivities } = usePermissions();
  const record = useGraphQLQuery(ActivityRecordDocument, { id: id ?? '' }, { skip: !id || !canEditActivities });
  if (!canEditActivities)
    return (
      <NotAllowed heading={id ? rt('activity.editHeading') : rt('activity.new')} reason={rt('activity.onlyCoordinators')} back={backTo(origin, returnTo)} />
    );
  if (id && (record.loading || record.error || !record.data?.activity)) {
    return <PageState loading={record.loading} error={record.error} notFound={!record.data?.activity} />;
  }
  const activity = record.data?.activity ?? undefined;
  const back = backTo(origin, returnTo, activity ? { organisationId: activity.organisationId, agreementId: activity.agreementId } : undefined);
  if (activity?.archivedAt) return <NotAllowed heading={rt('activity.edit', { name: activity.name })} reason={rt('activity.archivedNote')} back={back} />;
  return (
    <>
      <ActivityFormBody key={activity?.id ?? 'new'} activity={activity} origin={origin} returnTo={returnTo} />
      {activity ? <EndActivity activity={activity} back={back} /> : null}
      {activity ? (
        <Section id="activity-remove" title={rt('activity.removeHeading')}>
          <Paragraph>{rt('activity.removeIntro')}</Paragraph>
          <ArchiveControl
            name={activity.name}
            texts={{ open: rt('activity.remove'), confirm: rt('activity.removeConfirm', { name: activity.name }), yes: rt('activity.removeYes') }}
            onArchive={async () => {
              await graphqlRequest(ArchiveActivityDocument, { input: { id: activity.id } });
              announceStatus(rt('activity.removed', { name: activity.name }), back);
              navigate(back);
            }}
          />
        </Section>
      ) : null}
    </>
  );
}

function ActivityFormBody({ activity, origin, returnTo }: { activity?: ActivityRecord; origin: ActivityOrigin; returnTo?: string }) {
  const { rt, locale } = useRegistryText();
  const choices = useRegistryChoices();
  const organisations = useOrganisationChoices();
  // Opened from a team: its agreements only, as a walk-in hour of the team runs under one of them.
  const agreementChoices = useGraphQLQuery(ActivityAgreementChoicesDocument, { teamId: activity ? undefined : origin.teamId });
  const [draft, setDraft] = useState<Draft>(() =>
    activity
      ? draftFrom(activity)
      : {
          name: '',
          description: '',
          weekday: '',
          startTime: '',
          endTime: '',
          venueName: '',
          venueAddress: '',
          neighbourhoodCode: origin.neighbourhoodCode ?? '',
          organisationId: origin.organisationId ?? '',
          agreementId: origin.agreementId ?? '',
          languageCodes: [],
          validFrom: today(),
          validUntil: '',
        },
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const { pending, withPending, withPendingIn } = usePendingPicks();
  const { errors, busy, submit } = useFormSubmit({ knownFields: () => KNOWN_FIELDS });
  const labels: Record<string, string> = Object.fromEntries(
    KNOWN_FIELDS.map((field) => [field, rt(LABEL_KEYS[field] ?? (`activity.${field}` as RegistryTextKey))]),
  );
  const field = bindFields(draft, set, (name) => labels[name]!);

  const agreements = useMemo(() => agreementChoices.data?.agreements ?? [], [agreementChoices.data]);
  const agreementOptions = useMemo(
    () =>
      agreements
        // An ended agreement takes no walk-in hours (the server refuses); one already linked stays visible.
        .filter((a) => a.status !== 'ENDED' || a.id === activity?.agreementId)
        .map((a) => {
          const partner = a.organisation?.name ?? a.person?.name;
          const parties = [a.team?.name, partner ? rt('agreement.withPartner', { partner }) : undefined].filter(Boolean).join(' ');
          return { value: a.id, label: parties ? `${a.title} (${parties})` : a.title };
        })
        .sort(byLabel),
    [agreements, activity?.agreementId, rt],
  );
  const organisationOptions = useMemo(() => organisations.items.map((o) => ({ value: o.id, label: o.name })).sort(byLabel), [organisations.items]);
  const languageOptions = useMemo(
    () => choices.languages.map((l) => ({ value: l.code, label: `${locale === 'nl' ? l.nameNl : l.nameEn} (${l.code})` })).sort(byLabel),
    [choices.languages, locale],
  );
  const teamName = origin.teamId ? choices.teams.find((t) => t.value === origin.teamId)?.label : undefined;

  // Opened from an organisation: its name is the likely venue, until someone types another.
  const originOrganisation = activity ? undefined : organisations.items.find((o) => o.id === origin.organisationId);
  useEffect(() => {
    if (originOrganisation) setDraft((previous) => (previous.venueName === '' ? { ...previous, venueName: originOrganisation.name } : previous));
  }, [originOrganisation]);

  /** Choosing an agreement fills in what it already says: its organisation, and its neighbourhood when it has one. */
  const chooseAgreement = (agreementId: string) => {
    const agreement = agreements.find((a) => a.id === agreementId);
    setDraft((previous) => ({
      ...previous,
      agreementId,
      organisationId: previous.organisationId || agreement?.organisationId || '',
      neighbourhoodCode: previous.neighbourhoodCode || (agreement?.neighbourhoods.length === 1 ? agreement.neighbourhoods[0]!.code : ''),
    }));
  };

  const send = async () => {
    const common = {
      name: draft.name.trim(),
      weekday: Number(draft.weekday),
      startTime: draft.startTime,
      endTime: draft.endTime,
      venueName: draft.venueName.trim(),
      neighbourhoodCode: draft.neighbourhoodCode,
      languageCodes: withPending('languageCodes', draft.languageCodes),
      validFrom: draft.validFrom,
    };
    if (activity) {
      const { updateActivity } = await graphqlRequest(UpdateActivityDocument, {
        input: {
          id: activity.id,
          ...common,
          description: orNull(draft.description),
          venueAddress: orNull(draft.venueAddress),
          organisationId: draft.organisationId || null,
          agreementId: draft.agreementId || null,
          validUntil: draft.validUntil || null,
        },
      });
      const back = backTo(origin, returnTo, { organisationId: draft.organisationId || null, agreementId: draft.agreementId || null });
      announceStatus(rt('activity.saved', { name: updateActivity.name }), back);
      navigate(back);
    } else {
      const { createActivity } = await graphqlRequest(CreateActivityDocument, {
        input: {
          ...common,
          description: orUndefined(draft.description),
          venueAddress: orUndefined(draft.venueAddress),
          organisationId: draft.organisationId || undefined,
          agreementId: draft.agreementId || undefined,
          validUntil: draft.validUntil || undefined,
        },
      });
      const back = backTo(origin, returnTo, createActivity);
      announceStatus(rt('activity.created', { name: createActivity.name }), back);
      navigate(back);
    }
  };

  return (
    <>
      <PageHeading>{activity ? rt('activity.edit', { name: activity.name }) : rt('activity.new')}</PageHeading>
      <form id={FORM_ID} className="registry-form" noValidate onSubmit={submit(() => validate(withPendingIn(draft), rt), send)} aria-labelledby="page-heading">
        <ErrorSummary formId={FORM_ID} errors={errors} labels={labels} />
        <FormScope formId={FORM_ID} errors={errors.fields} pending={pending}>
          <TextField {...field('name')} description={rt('activity.nameHint')} required maxLength={250} />
          <TextareaField {...field('description')} />
          <Fieldset>
            <FieldsetLegend>{rt('activity.owner')}</FieldsetLegend>
            <FormFieldDescription>{teamName ? rt('activity.ownerTeamHint', { team: teamName }) : rt('activity.ownerHint')}</FormFieldDescription>
            <SelectField {...field('organisationId')} options={organisationOptions} emptyLabel={rt('activity.noOrganisation')} />
            <SelectField {...field('agreementId')} options={agreementOptions} emptyLabel={rt('activity.noAgreement')} onChange={chooseAgreement} />
          </Fieldset>
          <Fieldset>
            <FieldsetLegend>{rt('activity.when')}</FieldsetLegend>
            <SelectField
              {...field('weekday')}
              options={WEEKDAYS.map((day) => ({ value: day, label: rt(`weekday.${day}`) }))}
              emptyLabel={rt('form.chooseOne')}
              required
            />
            {(['startTime', 'endTime'] as const).map((name) => (
              <TextField key={name} {...field(name)} type="time" description={rt('activity.timeHint')} required />
            ))}
          </Fieldset>
          <Fieldset>
            <FieldsetLegend>{rt('activity.where')}</FieldsetLegend>
            <TextField {...field('venueName')} description={rt('activity.venueNameHint')} required maxLength={250} />
            <TextField {...field('venueAddress')} autoComplete="street-address" maxLength={350} />
            <SelectField {...field('neighbourhoodCode')} options={choices.neighbourhoods} emptyLabel={rt('form.chooseOne')} required />
          </Fieldset>
          <MultiPicker
            name="languageCodes"
            legend={rt('activity.languages')}
            itemLabel={rt('form.itemLanguage')}
            options={languageOptions}
            value={draft.languageCodes}
            onChange={(v) => set('languageCodes', v)}
          />
          <Fieldset>
            <FieldsetLegend>{rt('activity.period')}</FieldsetLegend>
            <DateField {...field('validFrom')} required />
            <DateField {...field('validUntil')} description={rt('activity.validUntilHint')} />
          </Fieldset>
        </FormScope>
        <SaveButtons
          busy={busy}
          cancelHref={backTo(origin, returnTo, activity ? { organisationId: activity.organisationId, agreementId: activity.agreementId } : undefined)}
        />
      </form>
    </>
  );
}

/** End a walk-in hour from a date (updateActivity with validUntil), behind an explicit step, like ending an agreement. */
function EndActivity({ activity, back }: { activity: ActivityRecord; back: string }) {
  const { rt, formatDate } = useRegistryText();
  const [open, setOpen] = useState(false);
  const [endOn, setEndOn] = useState(today());
  const { errors, busy, submit } = useFormSubmit({ knownFields: () => ['validUntil'] });
  // Keyboard focus follows: into the form when it opens, back to the button when it closes.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) return;
    document.getElementById(open ? `${END_FORM_ID}-validUntil` : 'activity-end-open')?.focus();
  }, [open, touched]);
  const validate = (): FieldErrors => {
    if (!endOn) return { validUntil: rt('form.required', { label: rt('activity.endOn').toLowerCase() }) };
    if (!isDate(endOn)) return { validUntil: rt('form.invalidDate') };
    return {};
  };
  const send = async () => {
    await graphqlRequest(UpdateActivityDocument, { input: { id: activity.id, validUntil: endOn } });
    announceStatus(rt('activity.ended', { name: activity.name, date: formatDate(endOn) }), back);
    navigate(back);
  };
  const toggle = (next: boolean) => {
    setTouched(true);
    setOpen(next);
  };
  return (
    <Section id="activity-end" title={rt('activity.endHeading')}>
      <Paragraph>{rt('activity.endIntro')}</Paragraph>
      {open ? (
        <form id={END_FORM_ID} className="registry-form" noValidate onSubmit={submit(validate, send)} aria-labelledby="activity-end">
          <ErrorSummary formId={END_FORM_ID} errors={errors} labels={{ validUntil: rt('activity.endOn') }} />
          <FormScope formId={END_FORM_ID} errors={errors.fields}>
            <DateField name="validUntil" label={rt('activity.endOn')} value={endOn} onChange={setEndOn} required />
          </FormScope>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {rt('activity.endConfirm')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => toggle(false)}>
              {rt('form.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <Button id="activity-end-open" type="button" appearance="secondary-action-button" onClick={() => toggle(true)}>
          {rt('activity.end')}
        </Button>
      )}
    </Section>
  );
}
