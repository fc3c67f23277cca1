import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import '../self-service.css';
import { useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import {
  CreateSelfServiceLinkDocument,
  PartnerUnlistedDocument,
  SetOrganisationDoNotListDocument,
  SetPersonDoNotListDocument,
  type PartnerType,
  RevokeSelfServiceLinkDocument,
  SelfServiceLinksDocument,
} from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/catalogue';

/**
 * "Not listed" on a partner's page: only its own team (and administrators) see the entry at all, so they see why; and the
 * team's switch for "do not list" (the server refuses it to whoever may not change the entry, and says so).
 */
export function UnlistedLabel({ id }: { id: string }) {
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const { data } = useGraphQLQuery(PartnerUnlistedDocument, { id }, { reloadKey: reload });
  const record = data?.person ?? data?.organisation;
  if (!record) return null;
  const toggle = async () => {
    setError(undefined);
    try {
      if (data?.person) await graphqlRequest(SetPersonDoNotListDocument, { id, doNotList: !record.doNotList });
      else await graphqlRequest(SetOrganisationDoNotListDocument, { id, doNotList: !record.doNotList });
      setReload((n) => n + 1);
    } catch (e) {
      setError(e instanceof GraphQLRequestError ? e.errors[0]?.message : String(e));
    }
  };
  return (
    <div className="unlisted">
      {record.unlistedReason ? (
        <Paragraph className="notice unlisted-label" role="note">
          {t(`selfServiceLink.unlisted.${record.unlistedReason}` as MessageKey)}
        </Paragraph>
      ) : null}
      <ButtonGroup>
        <Button appearance="subtle-button" aria-pressed={record.doNotList} onClick={() => void toggle()}>
          {t('selfServiceLink.doNotList')}
        </Button>
      </ButtonGroup>
      {error ? (
        <Paragraph role="alert" className="notice">
          {error}
        </Paragraph>
      ) : null}
    </div>
  );
}

/** On a partner's page: make a personal link for the partner (shown once, copy or e-mail), see and revoke earlier ones. */
export function SelfServiceLinkPanel({ entityType, entityId }: { entityType: PartnerType; entityId: string }) {
  const { t, formatDate } = useI18n();
  const [reload, setReload] = useState(0);
  const { data, error: listError } = useGraphQLQuery(SelfServiceLinksDocument, { entityType, entityId }, { reloadKey: reload });
  const [singleUse, setSingleUse] = useState(false);
  const [days, setDays] = useState('14');
  const [email, setEmail] = useState('');
  const [made, setMade] = useState<{ url: string; emailedTo: string | null } | undefined>();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<GraphQLRequestError | undefined>();
  const mail = data?.selfServiceMailConfigured ?? false;
  // Members of other teams may not make links: the server says so, and the panel then stays out of the way.
  if (listError?.code === 'FORBIDDEN' || listError?.code === 'UNAUTHENTICATED') return null;

  const create = async () => {
    setError(undefined);
    setCopied(false);
    try {
      const result = await graphqlRequest(CreateSelfServiceLinkDocument, {
        input: { entityType, entityId, singleUse, validDays: Number(days) || undefined, emailTo: email.trim() || undefined },
      });
      setMade({ url: `${window.location.origin}${result.createSelfServiceLink.path}`, emailedTo: result.createSelfServiceLink.emailedTo });
      setReload((n) => n + 1);
    } catch (e) {
      setError(e instanceof GraphQLRequestError ? e : new GraphQLRequestError([{ message: String(e) }]));
    }
  };

  return (
    <section className="self-service-links" aria-labelledby="self-service-links-heading">
      <Heading level={2} id="self-service-links-heading">
        {t('selfServiceLink.heading')}
      </Heading>
      <Paragraph>{t('selfServiceLink.intro')}</Paragraph>
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error.errors[0]?.message}</Paragraph>
        </Alert>
      ) : null}
      {made ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('selfServiceLink.created')}</Paragraph>
          <Paragraph>
            <code className="self-service-links__url">{made.url}</code>
          </Paragraph>
          {made.emailedTo ? <Paragraph>{t('selfServiceLink.emailed', { email: made.emailedTo })}</Paragraph> : null}
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                void navigator.clipboard?.writeText(made.url).then(() => setCopied(true));
              }}
            >
              {copied ? t('selfServiceLink.copied') : t('selfServiceLink.copy')}
            </Button>
          </ButtonGroup>
        </Alert>
      ) : null}
      <div className="self-service-links__form">
        <div className="self-service__check">
          <Checkbox id="ssl-single" checked={singleUse} onChange={(event) => setSingleUse(event.target.checked)} />
          <FormLabel htmlFor="ssl-single" type="checkbox">
            {t('selfServiceLink.singleUse')}
          </FormLabel>
        </div>
        <FormField>
          <FormLabel htmlFor="ssl-days">{t('selfServiceLink.days')}</FormLabel>
          <Textbox id="ssl-days" type="number" min={1} max={90} value={days} onChange={(event) => setDays(event.target.value)} />
        </FormField>
        <FormField>
          <FormLabel htmlFor="ssl-email">{t('selfServiceLink.email')}</FormLabel>
          {!mail ? <FormFieldDescription id="ssl-email-hint">{t('selfServiceLink.noMail')}</FormFieldDescription> : null}
          <Textbox
            id="ssl-email"
            type="email"
            value={email}
            disabled={!mail}
            aria-describedby={!mail ? 'ssl-email-hint' : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
        </FormField>
        <ButtonGroup>
          <Button appearance="primary-action-button" onClick={() => void create()}>
            {t('selfServiceLink.create')}
          </Button>
        </ButtonGroup>
      </div>
      <Heading level={3}>{t('selfServiceLink.list')}</Heading>
      {data && !data.selfServiceLinks.items.length ? <Paragraph>{t('selfServiceLink.none')}</Paragraph> : null}
      <ul className="self-service-links__list">
        {data?.selfServiceLinks.items.map((link) => (
          <li key={link.id}>
            {t('selfServiceLink.status', { created: formatDate(link.createdAt), by: link.createdByEmail ?? '–', expires: formatDate(link.expiresAt) })}
            {link.revokedAt ? ` · ${t('selfServiceLink.revoked')}` : link.usedAt ? ` · ${t('selfServiceLink.used')}` : ''}
            {!link.revokedAt ? (
              <Button
                appearance="subtle-button"
                onClick={() => void graphqlRequest(RevokeSelfServiceLinkDocument, { id: link.id }).then(() => setReload((n) => n + 1), setError)}
              >
                {t('selfServiceLink.revoke')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
