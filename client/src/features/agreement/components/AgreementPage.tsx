import { Button, ButtonGroup, DataList, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { AgreementRecordDocument, EndAgreementDocument } from '../../../generated/graphql';
import { DateField, ErrorSummary, FormScope, TextareaField } from '../../registry/forms/fields';
import { type FieldErrors, isDate } from '../../registry/forms/form-errors';
import { useFormSubmit } from '../../registry/forms/use-form-submit';
import { CanNotice } from '../../admin/components/CanNotice';
import { usePermissions } from '../../registry/hooks/use-permissions';
import { useRegistryText } from '../../registry/registry-text';
import { DetailRow } from '../../registry/components/DetailRow';
import { ActivityList, neighbourhoodLinks, PageHeading, PageState, Section, StatusBadge } from '../../registry/components/record-parts';

const END_FORM_ID = 'end-agreement-form';

export function AgreementPage({ id }: { id: string }) {
  const { rt, formatDate } = useRegistryText();
  const { canEditActivities } = usePermissions();
  const [version, setVersion] = useState(0);
  const { data, loading, error } = useGraphQLQuery(AgreementRecordDocument, { id }, { reloadKey: version });
  const agreement = data?.agreement;
  if (!agreement) return <PageState loading={loading && !data} error={error} notFound={!loading} />;
  const partner = agreement.organisation
    ? { name: agreement.organisation.name, href: paths.organisation(agreement.organisation.id) }
    : agreement.person
      ? { name: agreement.person.name, href: paths.person(agreement.person.id) }
      : undefined;
  const ended = agreement.status === 'ENDED';
  return (
    <article aria-labelledby="page-heading">
      <PageHeading>
        {agreement.title} <StatusBadge status={agreement.status} />
      </PageHeading>
      <Paragraph className="page__kind">{`${rt('agreement.heading')} · ${rt(`agreementType.${agreement.type}`)}`}</Paragraph>
      <Paragraph role="status" className="agreement__status">{`${rt('agreement.status')}: ${rt(`status.${agreement.status}`)}`}</Paragraph>
      {ended || !agreement.can.edit ? null : (
        <ButtonGroup className="page__actions">
          <Link href={paths.editAgreement(agreement.id)}>{rt('record.editNamed', { name: agreement.title })}</Link>
        </ButtonGroup>
      )}
      {ended ? null : <CanNotice can={agreement.can} />}
      <Section id="agreement-details" title={rt('record.details')}>
        <DataList>
          <DetailRow label={rt('agreement.team')}>{agreement.team ? <Link href={paths.team(agreement.team.id)}>{agreement.team.name}</Link> : null}</DetailRow>
          <DetailRow label={rt('agreement.partner')}>{partner ? <Link href={partner.href}>{partner.name}</Link> : null}</DetailRow>
          <DetailRow label={rt('agreement.neighbourhoods')}>{neighbourhoodLinks(agreement.neighbourhoods)}</DetailRow>
          <DetailRow label={rt('agreement.teamContact')}>
            {agreement.teamContactPerson ? <Link href={paths.person(agreement.teamContactPerson.id)}>{agreement.teamContactPerson.name}</Link> : null}
          </DetailRow>
          <DetailRow label={rt('agreement.partnerContact')}>
            {agreement.partnerContactPerson ? <Link href={paths.person(agreement.partnerContactPerson.id)}>{agreement.partnerContactPerson.name}</Link> : null}
          </DetailRow>
          <DetailRow label={rt('agreement.teamCommitment')}>{agreement.teamCommitment}</DetailRow>
          <DetailRow label={rt('agreement.partnerCommitment')}>{agreement.partnerCommitment}</DetailRow>
          <DetailRow label={rt('agreement.appreciate')}>{agreement.appreciate}</DetailRow>
          <DetailRow label={rt('agreement.inform')}>{agreement.inform}</DetailRow>
          <DetailRow label={rt('agreement.facilitate')}>{agreement.facilitate}</DetailRow>
          <DetailRow label={rt('agreement.align')}>{agreement.align}</DetailRow>
          <DetailRow label={rt('agreement.compensation')}>{agreement.volunteerCompensation}</DetailRow>
          <DetailRow label={rt('agreement.startsOn')}>{formatDate(agreement.startsOn)}</DetailRow>
          <DetailRow label={rt('agreement.reviewOn')}>{agreement.reviewOn ? formatDate(agreement.reviewOn) : null}</DetailRow>
          <DetailRow label={rt('agreement.endsOn')}>{agreement.endsOn ? formatDate(agreement.endsOn) : null}</DetailRow>
          <DetailRow label={rt('agreement.endReason')}>{agreement.endReason}</DetailRow>
        </DataList>
      </Section>
      <Section
        id="agreement-activities"
        title={rt('record.activities')}
        actions={
          ended || !canEditActivities || !agreement.can.edit ? null : (
            <Paragraph>
              <Link href={paths.registerActivity({ agreementId: agreement.id })}>{rt('activity.add')}</Link>
            </Paragraph>
          )
        }
      >
        <ActivityList items={agreement.activities} returnTo={paths.agreement(agreement.id)} />
      </Section>
      {ended || !agreement.can.edit ? null : <EndAgreement id={agreement.id} startsOn={agreement.startsOn} onEnded={() => setVersion((v) => v + 1)} />}
    </article>
  );
}

/** endAgreement, behind an explicit step: first open the form, then confirm. */
function EndAgreement({ id, startsOn, onEnded }: { id: string; startsOn: string; onEnded(): void }) {
  const { rt } = useRegistryText();
  const [open, setOpen] = useState(false);
  const [endsOn, setEndsOn] = useState('');
  const [reason, setReason] = useState('');
  const { errors, busy, submit } = useFormSubmit({ knownFields: () => ['endsOn', 'reason'] });
  // Keyboard focus follows: into the form when it opens, back to the button when it closes.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) return;
    document.getElementById(open ? `${END_FORM_ID}-endsOn` : 'agreement-end-open')?.focus();
  }, [open, touched]);
  const validate = (): FieldErrors => {
    if (endsOn && !isDate(endsOn)) return { endsOn: rt('form.invalidDate') };
    if (endsOn && endsOn < startsOn) return { endsOn: rt('form.endBeforeStart') };
    return {};
  };
  const send = async () => {
    await graphqlRequest(EndAgreementDocument, { input: { id, endsOn: endsOn || undefined, reason: reason.trim() || undefined } });
    onEnded();
  };
  return (
    <Section id="agreement-end" title={rt('agreement.endHeading')}>
      {open ? (
        <form id={END_FORM_ID} className="registry-form" noValidate onSubmit={submit(validate, send)} aria-labelledby="agreement-end">
          <ErrorSummary formId={END_FORM_ID} errors={errors} labels={{ endsOn: rt('agreement.endOn'), reason: rt('agreement.endReason') }} />
          <FormScope formId={END_FORM_ID} errors={errors.fields}>
            <DateField name="endsOn" label={rt('agreement.endOn')} description={rt('agreement.endOnHint')} value={endsOn} onChange={setEndsOn} />
            <TextareaField name="reason" label={rt('agreement.endReason')} value={reason} onChange={setReason} />
          </FormScope>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {rt('agreement.endConfirm')}
            </Button>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setTouched(true);
                setOpen(false);
              }}
            >
              {rt('form.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <Button
          id="agreement-end-open"
          type="button"
          appearance="secondary-action-button"
          onClick={() => {
            setTouched(true);
            setOpen(true);
          }}
        >
          {rt('agreement.end')}
        </Button>
      )}
    </Section>
  );
}
