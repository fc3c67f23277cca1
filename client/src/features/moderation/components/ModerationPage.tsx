import { Alert, Button, ButtonGroup, Checkbox, FormField, FormLabel, Heading, Link, Paragraph, Textarea } from '@utrecht/component-library-react';
import '../moderation.css';
import { useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { AcceptChangeProposalDocument, ChangeProposalsDocument, type ChangeProposalsQuery, DeclineChangeProposalDocument } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';

type Proposal = ChangeProposalsQuery['changeProposals']['items'][number];

/** A proposed or current value as a moderator reads it: languages as "som (NATIVE)", booleans as ja/nee. */
function useShow() {
  const { t } = useI18n();
  return (value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('moderation.empty');
    if (typeof value === 'boolean') return value ? t('moderation.yes') : t('moderation.no');
    if (Array.isArray(value)) {
      if (!value.length) return t('moderation.empty');
      return value
        .map((v) =>
          v && typeof v === 'object' ? [(v as { language?: string }).language, (v as { level?: string }).level].filter(Boolean).join(' · ') : String(v),
        )
        .join(', ');
    }
    return String(value);
  };
}

function ProposalCard({ proposal, onDecided }: { proposal: Proposal; onDecided: (message: string) => void }) {
  const { t, formatDate } = useI18n();
  const show = useShow();
  const [chosen, setChosen] = useState<string[]>(proposal.changes.map((c) => c.field));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<GraphQLRequestError | undefined>();
  const [busy, setBusy] = useState(false);
  const headingId = `proposal-${proposal.id}`;
  const decide = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      onDecided(message);
    } catch (e) {
      setError(e instanceof GraphQLRequestError ? e : new GraphQLRequestError([{ message: String(e) }]));
    } finally {
      setBusy(false);
    }
  };
  const accept = (fields?: string[]) => {
    if (fields && !fields.length) {
      setError(new GraphQLRequestError([{ message: t('moderation.chooseField') }]));
      return;
    }
    return decide(() => graphqlRequest(AcceptChangeProposalDocument, { input: { id: proposal.id, fields } }), t('moderation.accepted'));
  };
  const partnerHref = proposal.entityType === 'PERSON' ? paths.person(proposal.entityId) : paths.organisation(proposal.entityId);
  return (
    <section className="moderation__proposal" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {proposal.partnerName}
      </Heading>
      <Paragraph>
        {t('moderation.proposedOn', { date: formatDate(proposal.createdAt) })} ·{' '}
        <Link href={partnerHref}>{t('moderation.openPartner', { name: proposal.partnerName })}</Link>
      </Paragraph>
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error.errors[0]?.message}</Paragraph>
        </Alert>
      ) : null}
      <div className="moderation__table-wrap">
        <table className="moderation__table">
          <caption className="visually-hidden">{proposal.partnerName}</caption>
          <thead>
            <tr>
              <th scope="col">{t('moderation.take')}</th>
              <th scope="col">{t('moderation.field')}</th>
              <th scope="col">{t('moderation.before')}</th>
              <th scope="col">{t('moderation.after')}</th>
            </tr>
          </thead>
          <tbody>
            {proposal.changes.map((change) => {
              const id = `take-${proposal.id}-${change.field}`;
              return (
                <tr key={change.field}>
                  <td>
                    <Checkbox
                      id={id}
                      aria-label={`${t('moderation.take')}: ${change.label}`}
                      checked={chosen.includes(change.field)}
                      onChange={(event) => setChosen(event.target.checked ? [...chosen, change.field] : chosen.filter((f) => f !== change.field))}
                    />
                  </td>
                  <th scope="row">{change.label}</th>
                  <td>
                    <del>{show(change.before)}</del>
                  </td>
                  <td>
                    <ins>{show(change.after)}</ins>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ButtonGroup>
        <Button appearance="primary-action-button" disabled={busy} onClick={() => accept()}>
          {t('moderation.acceptAll')}
        </Button>
        <Button appearance="secondary-action-button" disabled={busy} onClick={() => accept(chosen)}>
          {t('moderation.acceptSelected')}
        </Button>
      </ButtonGroup>
      <FormField>
        <FormLabel htmlFor={`reason-${proposal.id}`}>{t('moderation.reason')}</FormLabel>
        <Textarea id={`reason-${proposal.id}`} value={reason} onChange={(event) => setReason(event.target.value)} rows={2} />
      </FormField>
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          disabled={busy}
          onClick={() => decide(() => graphqlRequest(DeclineChangeProposalDocument, { input: { id: proposal.id, reason } }), t('moderation.declined'))}
        >
          {t('moderation.decline')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

/** "Voorstellen": what partners proposed through their link, for a coordinator of the owning team or an administrator. */
export function ModerationPage() {
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  const [message, setMessage] = useState<string | undefined>();
  const { data, loading, error } = useGraphQLQuery(ChangeProposalsDocument, { page: { limit: 50, offset: 0 } }, { reloadKey: reload });
  const items = data?.changeProposals.items ?? [];
  return (
    <article aria-labelledby="page-heading" aria-busy={loading}>
      <Heading level={1} id="page-heading" tabIndex={-1}>
        {t('moderation.title')}
      </Heading>
      <Paragraph>{t('moderation.intro')}</Paragraph>
      {message ? (
        <Alert type="ok" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      ) : null}
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error.errors[0]?.message}</Paragraph>
        </Alert>
      ) : null}
      {loading && !data ? <Paragraph role="status">{t('moderation.loading')}</Paragraph> : null}
      {data && !items.length ? <Paragraph>{t('moderation.none')}</Paragraph> : null}
      {items.map((proposal) => (
        <ProposalCard
          key={proposal.id}
          proposal={proposal}
          onDecided={(text) => {
            setMessage(`${proposal.partnerName}: ${text}`);
            setReload((n) => n + 1);
          }}
        />
      ))}
    </article>
  );
}
