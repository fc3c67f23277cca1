import { Button, ButtonGroup, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { navigate, paths } from '../../../app/router';
import { AssignFixedContactPersonDocument } from '../../../generated/graphql';
import { useSession } from '../../auth/hooks/use-session';
import { CheckboxField, ErrorSummary, FormScope, RadioGroup, SelectField, TextareaField } from '../../registry/forms/fields';
import type { FieldErrors } from '../../registry/forms/form-errors';
import { announceStatus } from '../../registry/forms/status-message';
import { useFormSubmit } from '../../registry/forms/use-form-submit';
import { useOrganisationChoices, usePersonChoices, useRegistryChoices } from '../../registry/hooks/use-registry-choices';
import { useRegistryText } from '../../registry/registry-text';
import { PageHeading, SignInNeeded } from '../../registry/components/record-parts';

const FORM_ID = 'contact-form';
const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'nl');

/** Name the fixed contact person of a team or an organisation: assignFixedContactPerson. */
export function ContactAssignmentForm({ teamId, organisationId, personId: givenPersonId }: { teamId?: string; organisationId?: string; personId?: string }) {
  const { rt } = useRegistryText();
  const choices = useRegistryChoices();
  const organisations = useOrganisationChoices();
  const persons = usePersonChoices();
  const [partyType, setPartyType] = useState<'team' | 'organisation'>(organisationId ? 'organisation' : 'team');
  const [partyId, setPartyId] = useState(organisationId ?? teamId ?? '');
  const [personId, setPersonId] = useState(givenPersonId ?? '');
  const { user } = useSession();
  // Defaults: the party of the person named in the link ("Maak vaste contactpersoon" after registering them),
  // else the user's own team when they have exactly one.
  useEffect(() => {
    if (partyId) return;
    const person = givenPersonId ? persons.items.find((p) => p.id === givenPersonId) : undefined;
    if (person?.teamId) {
      setPartyType('team');
      setPartyId(person.teamId);
    } else if (person?.organisationId) {
      setPartyType('organisation');
      setPartyId(person.organisationId);
    } else if (!givenPersonId && partyType === 'team' && user?.teams.length === 1) {
      setPartyId(user.teams[0]!.id);
    }
    // Only to fill an empty choice once the data is there; later choices are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [persons.items, user]);
  const [note, setNote] = useState('');
  // The running agreements that name the current contact usually follow the new one: on unless unticked.
  const [updateAgreements, setUpdateAgreements] = useState(true);
  const partyField = partyType === 'team' ? 'teamId' : 'organisationId';

  const { errors, busy, submit } = useFormSubmit({ knownFields: () => ['teamId', 'organisationId', 'personId', 'note'] });
  const labels = { teamId: rt('contact.team'), organisationId: rt('contact.organisation'), personId: rt('contact.person'), note: rt('contact.note') };

  const members = useMemo(
    () =>
      persons.items
        .filter((p) => partyId && (partyType === 'team' ? p.teamId === partyId : p.organisationId === partyId))
        .map((p) => ({ value: p.id, label: p.name }))
        .sort(byLabel),
    [persons.items, partyId, partyType],
  );

  const validate = (): FieldErrors => {
    const result: FieldErrors = {};
    if (!partyId) result[partyField] = rt('form.choose', { label: (partyType === 'team' ? rt('contact.team') : rt('contact.organisation')).toLowerCase() });
    if (!personId) result.personId = rt('form.choose', { label: rt('contact.person').toLowerCase() });
    return result;
  };

  const send = async () => {
    const { assignFixedContactPerson } = await graphqlRequest(AssignFixedContactPersonDocument, {
      input: { personId, note: note.trim() || undefined, updateAgreements, ...(partyType === 'team' ? { teamId: partyId } : { organisationId: partyId }) },
    });
    const partyPath = partyType === 'team' ? paths.team(partyId) : paths.organisation(partyId);
    const partyName =
      (partyType === 'team' ? choices.teams.find((team) => team.value === partyId)?.label : organisations.items.find((o) => o.id === partyId)?.name) ?? '';
    const person = assignFixedContactPerson.person;
    announceStatus(rt('contact.assigned', { person: person?.name ?? '', party: partyName }), partyPath, [
      { label: rt('next.recordAgreement'), href: paths.registerAgreement(partyType === 'team' ? { teamId: partyId } : undefined) },
      ...(person ? [{ label: rt('next.toParty', { name: person.name }), href: paths.person(person.id) }] : []),
    ]);
    navigate(partyPath);
  };

  if (persons.error?.code === 'UNAUTHENTICATED') {
    return (
      <>
        <PageHeading>{rt('contact.heading')}</PageHeading>
        <SignInNeeded />
      </>
    );
  }

  return (
    <>
      <PageHeading>{rt('contact.heading')}</PageHeading>
      <Paragraph>{rt('contact.intro')}</Paragraph>
      <form id={FORM_ID} className="registry-form" noValidate onSubmit={submit(validate, send)} aria-labelledby="page-heading">
        <ErrorSummary formId={FORM_ID} errors={errors} labels={labels} />
        <FormScope formId={FORM_ID} errors={errors.fields}>
          <RadioGroup
            name="partyType"
            legend={rt('contact.partyType')}
            options={[
              { value: 'team', label: rt('contact.partyTeam') },
              { value: 'organisation', label: rt('contact.partyOrganisation') },
            ]}
            value={partyType}
            onChange={(value) => {
              setPartyType(value as 'team' | 'organisation');
              setPartyId('');
              setPersonId('');
            }}
            required
          />
          <SelectField
            {...(partyType === 'team'
              ? { name: 'teamId', label: rt('contact.team'), options: choices.actableTeams(partyId) }
              : {
                  name: 'organisationId',
                  label: rt('contact.organisation'),
                  options: organisations.items.map((o) => ({ value: o.id, label: o.name })).sort(byLabel),
                })}
            value={partyId}
            emptyLabel={rt('form.chooseOne')}
            onChange={(value) => {
              setPartyId(value);
              setPersonId('');
            }}
            required
          />
          <SelectField
            name="personId"
            label={rt('contact.person')}
            description={rt('contact.personHint')}
            value={personId}
            options={members}
            emptyLabel={rt('form.chooseOne')}
            onChange={setPersonId}
            required
          />
          {partyId && !persons.loading && members.length === 0 ? (
            <Paragraph>
              {rt('contact.noPersons')} <Link href={paths.registerPerson()}>{rt('contact.registerPerson')}</Link>
            </Paragraph>
          ) : null}
          <TextareaField name="note" label={rt('contact.note')} value={note} onChange={setNote} />
          <CheckboxField name="updateAgreements" label={rt('contact.updateAgreements')} checked={updateAgreements} onChange={setUpdateAgreements} />
        </FormScope>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy ? true : undefined}>
            {rt('contact.submit')}
          </Button>
          <Link href={partyId ? (partyType === 'team' ? paths.team(partyId) : paths.organisation(partyId)) : paths.home()}>{rt('form.cancel')}</Link>
        </ButtonGroup>
      </form>
    </>
  );
}
