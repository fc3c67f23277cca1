import { Button, ButtonGroup, FormField, FormLabel, Heading, Link, Paragraph, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { AdminErasePersonDocument, AdminExportPersonDocument, AdminPersonDocument } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { PageHeading, PageState } from '../../registry/components/record-parts';

/** What an erased person is called from then on (server: privacy.service.ts erasedName). */
const erasedNameOf = (roles: readonly string[]) =>
  roles.includes('KEY_PERSON') ? 'een sleutelpersoon' : roles.includes('INTERPRETER') ? 'een tolk' : 'een contactpersoon';

/** A person's AVG page: download everything as JSON, or erase the personal data after a typed confirmation. */
export function PersonPrivacyPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const { data, loading, error } = useGraphQLQuery(AdminPersonDocument, { id }, { reloadKey: version });
  const [status, setStatus] = useState('');
  const [exportError, setExportError] = useState<string>();
  const person = data?.person;
  if (!person) return <PageState loading={loading && !data} error={error} notFound={!loading} />;

  const download = async () => {
    setExportError(undefined);
    try {
      const { exportPersonData } = await graphqlRequest(AdminExportPersonDocument, { id });
      const file = `persoon-${id}.json`;
      const url = URL.createObjectURL(new Blob([JSON.stringify(exportPersonData, null, 2)], { type: 'application/json' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = file;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(t('admin.privacy.downloaded', { file }));
    } catch (caught) {
      setExportError(caught instanceof GraphQLRequestError ? caught.message : String(caught));
    }
  };

  return (
    <article aria-labelledby="page-heading">
      <PageHeading>{t('admin.privacy.heading', { name: person.name })}</PageHeading>
      <Paragraph>
        <Link href={paths.person(id)}>{t('admin.privacy.back')}</Link> ·{' '}
        <Link href={paths.adminAudit({ entityType: 'Person', entityId: id })}>{t('admin.audit.recordLink')}</Link>
      </Paragraph>
      <section aria-labelledby="export-heading">
        <Heading level={2} id="export-heading">
          {t('admin.privacy.export')}
        </Heading>
        <Paragraph>{t('admin.privacy.exportIntro')}</Paragraph>
        <Button type="button" appearance="secondary-action-button" onClick={download}>
          {t('admin.privacy.download')}
        </Button>
        {exportError ? (
          <Paragraph role="alert" className="error-text">
            {exportError}
          </Paragraph>
        ) : null}
      </section>
      <section aria-labelledby="erase-heading">
        <Heading level={2} id="erase-heading">
          {t('admin.privacy.erase')}
        </Heading>
        {person.erasedAt ? (
          <Paragraph>{t('admin.privacy.alreadyErased')}</Paragraph>
        ) : (
          <EraseControl
            id={id}
            name={person.name}
            erasedName={erasedNameOf(person.roles)}
            agreements={person.agreements.length}
            onErased={(name) => {
              setStatus(t('admin.privacy.erased', { name }));
              setVersion((v) => v + 1);
            }}
          />
        )}
      </section>
      <Paragraph role="status">{status}</Paragraph>
    </article>
  );
}

function EraseControl({
  id,
  name,
  erasedName,
  agreements,
  onErased,
}: {
  id: string;
  name: string;
  erasedName: string;
  agreements: number;
  onErased(name: string): void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) panel.current?.focus();
  }, [confirming]);
  const erase = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { erasePerson } = await graphqlRequest(AdminErasePersonDocument, { id, confirmation: typed });
      onErased(erasePerson.name);
    } catch (caught) {
      setError(caught instanceof GraphQLRequestError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  if (!confirming) {
    return (
      <>
        <Paragraph>{t('admin.privacy.eraseIntro')}</Paragraph>
        <Button type="button" appearance="secondary-action-button" onClick={() => setConfirming(true)}>
          {t('admin.privacy.eraseStart')}
        </Button>
      </>
    );
  }
  return (
    <div className="admin-danger" role="group" aria-labelledby="erase-heading" tabIndex={-1} ref={panel}>
      <Paragraph>{t('admin.privacy.eraseIntro')}</Paragraph>
      <Heading level={3}>{t('admin.privacy.erasedWhat')}</Heading>
      <Paragraph>{t('admin.privacy.erasedList')}</Paragraph>
      <Heading level={3}>{t('admin.privacy.keptWhat')}</Heading>
      <ul>
        <li>{t('admin.privacy.keptAgreements', { erasedName, count: agreements })}</li>
        <li>{t('admin.privacy.keptAudit')}</li>
      </ul>
      <form onSubmit={erase} noValidate>
        <FormField>
          <FormLabel htmlFor="erase-confirmation">{t('admin.privacy.confirmLabel', { name })}</FormLabel>
          <Textbox
            id="erase-confirmation"
            autoComplete="off"
            value={typed}
            invalid={Boolean(error)}
            aria-describedby={error ? 'erase-error' : undefined}
            onChange={(event) => setTyped(event.target.value)}
          />
        </FormField>
        {error ? (
          <Paragraph role="alert" id="erase-error" className="error-text">
            {error}
          </Paragraph>
        ) : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {t('admin.privacy.confirm')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => setConfirming(false)}>
            {t('admin.privacy.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
