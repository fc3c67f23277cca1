import { Fieldset, FieldsetLegend, FormFieldDescription, Link, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { navigate, paths } from '../../../app/router';
import { CreateTeamDocument, type TeamKind, type TeamRecordQuery, TeamRecordDocument, UpdateTeamDocument } from '../../../generated/graphql';
import { useClientSettings } from '../../app-settings/hooks/use-client-settings';
import { ErrorSummary, FormScope, MultiPicker, SelectField, TextField, usePendingPicks, SaveButtons, bindFields } from '../../registry/forms/fields';
import { type FieldErrors, isEmail, isPhone, orNull, orUndefined } from '../../registry/forms/form-errors';
import { announceStatus } from '../../registry/forms/status-message';
import { useFormSubmit } from '../../registry/forms/use-form-submit';
import { usePermissions } from '../../registry/hooks/use-permissions';
import { useNeighbourhoodChoices } from '../../registry/hooks/use-registry-choices';
import { type RegistryText, useRegistryText, type RegistryTextKey } from '../../registry/registry-text';
import { PageHeading, PageState } from '../../registry/components/record-parts';

const KINDS: TeamKind[] = ['NEIGHBOURHOOD_TEAM', 'SOCIAL_DISTRICT_TEAM', 'YOUTH_AND_FAMILY', 'OTHER'];
const FORM_ID = 'team-form';
const KNOWN_FIELDS = ['name', 'kind', 'municipalityCode', 'phone', 'email', 'neighbourhoodCodes'] as const;

interface Draft {
  name: string;
  kind: TeamKind | '';
  phone: string;
  email: string;
  neighbourhoodCodes: string[];
}

const EMPTY: Draft = { name: '', kind: '', phone: '', email: '', neighbourhoodCodes: [] };

type TeamRecord = NonNullable<TeamRecordQuery['team']>;

const draftFrom = (team: TeamRecord): Draft => ({
  name: team.name,
  kind: team.kind,
  phone: team.phone ?? '',
  email: team.email ?? '',
  neighbourhoodCodes: team.neighbourhoods.map((n) => n.code),
});

function validate(draft: Draft, rt: RegistryText): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name.trim()) errors.name = rt('form.required', { label: rt('team.name').toLowerCase() });
  else if (draft.name.length > 200) errors.name = rt('form.tooLong', { max: 200 });
  if (!draft.kind) errors.kind = rt('form.choose', { label: rt('team.kind').toLowerCase() });
  if (draft.email.trim() && !isEmail(draft.email.trim())) errors.email = rt('form.invalidEmail');
  if (draft.phone.trim() && !isPhone(draft.phone.trim())) errors.phone = rt('form.invalidPhone');
  return errors;
}

/**
 * Register (no id; administrators) or change a team (its coordinators or an administrator): name, kind, the
 * neighbourhoods it covers and the team's own phone and e-mail. Who may not gets the reason instead of a form.
 */
export function TeamForm({ id }: { id?: string }) {
  const { rt } = useRegistryText();
  const permissions = usePermissions();
  const record = useGraphQLQuery(TeamRecordDocument, { id: id ?? '' }, { skip: !id });
  if (!id && !permissions.canManageTeams) return <NotAllowed heading={rt('team.new')} reason={rt('team.onlyAdministrators')} back={paths.home()} />;
  if (id && (record.loading || record.error || !record.data?.team)) {
    return <PageState loading={record.loading} error={record.error} notFound={!record.data?.team} />;
  }
  const team = record.data?.team ?? undefined;
  if (team && !permissions.canEditTeam(team.id)) {
    return <NotAllowed heading={rt('team.edit', { name: team.name })} reason={rt('team.onlyCoordinators')} back={paths.team(team.id)} />;
  }
  if (team?.archivedAt) return <NotAllowed heading={rt('team.edit', { name: team.name })} reason={rt('team.archivedNoEdit')} back={paths.team(team.id)} />;
  return <TeamFormBody key={team?.id ?? 'new'} team={team} />;
}

/** Why this form is not there for this user, and the way back. */
export function NotAllowed({ heading, reason, back }: { heading: string; reason: string; back: string }) {
  const { rt } = useRegistryText();
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <Paragraph className="notice">{reason}</Paragraph>
      <Paragraph>
        <Link href={back}>{rt('form.cancel')}</Link>
      </Paragraph>
    </>
  );
}

function TeamFormBody({ team }: { team?: TeamRecord }) {
  const { rt } = useRegistryText();
  const { settings } = useClientSettings();
  // A new team belongs to the municipality this installation serves; an existing one keeps its own.
  const municipalityCode = team?.municipalityCode ?? settings?.municipalityCode;
  // A name, never a code: the team's own municipality (a region serves several), else the installation's.
  const municipalityName = team
    ? (team.municipalityName ?? settings?.municipalities.find((m) => m.code === team.municipalityCode)?.name ?? team.municipalityCode)
    : (settings?.municipalities[0]?.name ?? settings?.municipalityName);
  const neighbourhoods = useNeighbourhoodChoices(municipalityCode);
  const [draft, setDraft] = useState<Draft>(() => (team ? draftFrom(team) : EMPTY));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const field = bindFields(draft, set, (name) => rt(`team.${name}` as RegistryTextKey));
  const { pending, withPending } = usePendingPicks();
  const { errors, busy, submit } = useFormSubmit({ knownFields: () => KNOWN_FIELDS });
  const labels: Record<string, string> = {
    name: rt('team.name'),
    kind: rt('team.kind'),
    municipalityCode: rt('team.municipalityLabel'),
    phone: rt('team.phone'),
    email: rt('team.email'),
    neighbourhoodCodes: rt('team.neighbourhoods'),
  };

  const send = async () => {
    const kind = draft.kind as TeamKind;
    const name = draft.name.trim();
    if (team) {
      await graphqlRequest(UpdateTeamDocument, {
        input: {
          id: team.id,
          name,
          kind,
          phone: orNull(draft.phone),
          email: orNull(draft.email),
          neighbourhoodCodes: withPending('neighbourhoodCodes', draft.neighbourhoodCodes),
        },
      });
      announceStatus(rt('team.saved', { name }), paths.team(team.id));
      navigate(paths.team(team.id));
    } else {
      const { createTeam } = await graphqlRequest(CreateTeamDocument, {
        input: {
          name,
          kind,
          municipalityCode: settings?.municipalityCode,
          phone: orUndefined(draft.phone),
          email: orUndefined(draft.email),
          neighbourhoodCodes: withPending('neighbourhoodCodes', draft.neighbourhoodCodes),
        },
      });
      announceStatus(rt('team.created', { name: createTeam.name }), paths.team(createTeam.id));
      navigate(paths.team(createTeam.id));
    }
  };

  return (
    <>
      <PageHeading>{team ? rt('team.edit', { name: team.name }) : rt('team.new')}</PageHeading>
      {municipalityName ? <Paragraph className="page__kind">{rt('team.municipality', { name: municipalityName })}</Paragraph> : null}
      <form id={FORM_ID} className="registry-form" noValidate onSubmit={submit(() => validate(draft, rt), send)} aria-labelledby="page-heading">
        <ErrorSummary formId={FORM_ID} errors={errors} labels={labels} />
        <FormScope formId={FORM_ID} errors={errors.fields} pending={pending}>
          <TextField {...field('name')} required autoComplete="organization" maxLength={250} />
          <SelectField {...field('kind')} options={KINDS.map((k) => ({ value: k, label: rt(`teamKind.${k}`) }))} emptyLabel={rt('form.chooseOne')} required />
          <MultiPicker
            name="neighbourhoodCodes"
            legend={rt('team.neighbourhoods')}
            description={municipalityName ? rt('team.neighbourhoodsHint', { municipality: municipalityName }) : undefined}
            itemLabel={rt('activity.neighbourhood')}
            options={neighbourhoods.options}
            value={draft.neighbourhoodCodes}
            onChange={(v) => set('neighbourhoodCodes', v)}
          />
          <Fieldset>
            <FieldsetLegend>{rt('team.contact')}</FieldsetLegend>
            <FormFieldDescription>{rt('team.contactHint')}</FormFieldDescription>
            <TextField {...field('phone')} type="tel" autoComplete="tel" />
            <TextField {...field('email')} type="email" autoComplete="email" />
          </Fieldset>
        </FormScope>
        <SaveButtons busy={busy} cancelHref={team ? paths.team(team.id) : paths.home()} />
      </form>
    </>
  );
}
