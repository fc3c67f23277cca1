import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { RecordTable } from '../../../components/RecordTable';
import {
  CreateCapabilityDocument,
  CreateManagedCommunityDocument,
  ManagedListsDocument,
  type ManagedListsQuery,
  RenameCapabilityDocument,
  RenameCommunityDocument,
  RetireCapabilityDocument,
  RetireCommunityDocument,
} from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { usePermissions } from '../../registry/hooks/use-permissions';

type Value = ManagedListsQuery['capabilities'][number] & { languageCodes?: string[] };
type ListKind = 'communities' | 'capabilities';

/**
 * Administrators keep the community and capability lists here (issue 15): add, rename, retire, take back.
 * A retired value is never deleted: old records keep showing it; forms no longer offer it.
 */
export function ManagedListsPage() {
  const { t } = useI18n();
  const { isAdministrator } = usePermissions();
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const { data, error } = useGraphQLQuery(ManagedListsDocument, {}, { reloadKey: version });
  const run = async (action: () => Promise<unknown>, name: string) => {
    try {
      await action();
      setStatus({ kind: 'ok', text: t('managedLists.saved', { name }) });
      setVersion((v) => v + 1);
      return true;
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
      return false;
    }
  };
  return (
    <article aria-labelledby="page-heading" className="managed-lists">
      <Heading level={1} id="page-heading" tabIndex={-1}>
        {t('managedLists.title')}
      </Heading>
      <Paragraph>{t('managedLists.intro')}</Paragraph>
      {isAdministrator ? null : <Paragraph className="notice">{t('managedLists.adminOnly')}</Paragraph>}
      <div role="status" aria-live="polite" className={status?.kind === 'error' ? 'error-text' : undefined}>
        {status?.text ?? ''}
      </div>
      {error ? <Paragraph className="error-text">{error.message}</Paragraph> : null}
      {(['communities', 'capabilities'] as ListKind[]).map((kind) => (
        <ManagedList key={kind} kind={kind} values={data?.[kind] ?? []} editable={isAdministrator} run={run} />
      ))}
    </article>
  );
}

function ManagedList({
  kind,
  values,
  editable,
  run,
}: {
  kind: ListKind;
  values: Value[];
  editable: boolean;
  run(action: () => Promise<unknown>, name: string): Promise<boolean>;
}) {
  const { t, locale } = useI18n();
  const [renaming, setRenaming] = useState<string | null>(null);
  const title = t(kind === 'communities' ? 'managedLists.communities' : 'managedLists.capabilities');
  const headingId = `managed-${kind}`;
  const name = (v: Value) => (locale === 'nl' ? v.nameNl : v.nameEn);
  const retire = (v: Value) =>
    run(
      () =>
        kind === 'communities'
          ? graphqlRequest(RetireCommunityDocument, { input: { code: v.code, retired: !v.retiredAt } })
          : graphqlRequest(RetireCapabilityDocument, { input: { code: v.code, retired: !v.retiredAt } }),
      name(v),
    );
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {title}
      </Heading>
      <RecordTable
        utrecht
        caption={title}
        captionHidden
        items={values}
        rowKey={(v) => v.code}
        columns={[
          { header: t('managedLists.nameNl'), cell: (v) => v.nameNl },
          { header: t('managedLists.nameEn'), cell: (v) => v.nameEn },
          { header: t('managedLists.code'), cell: (v) => <code>{v.code}</code> },
          kind === 'communities' && { header: t('managedLists.languages'), cell: (v) => (v.languageCodes ?? []).join(', ') },
          { header: t('managedLists.status'), cell: (v) => t(v.retiredAt ? 'managedLists.retired' : 'managedLists.active') },
          editable && {
            header: title,
            label: false,
            cell: (v) =>
              renaming === v.code ? (
                <ValueForm
                  idPrefix={`${kind}-rename-${v.code}`}
                  initial={v}
                  submitLabel={t('managedLists.saveName')}
                  onCancel={() => setRenaming(null)}
                  onSubmit={async (input) => {
                    const ok = await run(
                      () =>
                        kind === 'communities'
                          ? graphqlRequest(RenameCommunityDocument, { input: { code: v.code, nameNl: input.nameNl, nameEn: input.nameEn } })
                          : graphqlRequest(RenameCapabilityDocument, { input: { code: v.code, nameNl: input.nameNl, nameEn: input.nameEn } }),
                      input.nameNl,
                    );
                    if (ok) setRenaming(null);
                  }}
                />
              ) : (
                <span className="managed-lists__actions">
                  <Button type="button" appearance="secondary-action-button" onClick={() => setRenaming(v.code)}>
                    {t('managedLists.rename', { name: name(v) })}
                  </Button>
                  <Button type="button" appearance="subtle-button" onClick={() => void retire(v)}>
                    {t(v.retiredAt ? 'managedLists.reinstate' : 'managedLists.retire', { name: name(v) })}
                  </Button>
                </span>
              ),
          },
        ]}
      />
      {editable ? (
        <>
          <Heading level={3}>{t(kind === 'communities' ? 'managedLists.addCommunity' : 'managedLists.addCapability')}</Heading>
          <ValueForm
            idPrefix={`${kind}-add`}
            withCode
            withLanguages={kind === 'communities'}
            submitLabel={t('managedLists.add')}
            onSubmit={(input) =>
              run(
                () =>
                  kind === 'communities'
                    ? graphqlRequest(CreateManagedCommunityDocument, {
                        input: { code: input.code, nameNl: input.nameNl, nameEn: input.nameEn, languages: input.languages },
                      })
                    : graphqlRequest(CreateCapabilityDocument, { input: { code: input.code, nameNl: input.nameNl, nameEn: input.nameEn } }),
                input.nameNl,
              )
            }
          />
        </>
      ) : null}
    </section>
  );
}

interface ValueInput {
  code: string;
  nameNl: string;
  nameEn: string;
  languages: string[];
}

function ValueForm({
  idPrefix,
  initial,
  withCode = false,
  withLanguages = false,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial?: Value;
  withCode?: boolean;
  withLanguages?: boolean;
  submitLabel: string;
  onSubmit(input: ValueInput): Promise<unknown>;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState(initial?.code ?? '');
  const [nameNl, setNameNl] = useState(initial?.nameNl ?? '');
  const [nameEn, setNameEn] = useState(initial?.nameEn ?? '');
  const [languages, setLanguages] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onSubmit({
      code: code.trim(),
      nameNl: nameNl.trim(),
      nameEn: nameEn.trim(),
      languages: languages
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    });
    if (!initial) {
      setCode('');
      setNameNl('');
      setNameEn('');
      setLanguages('');
    }
  };
  const field = (id: string, label: string, value: string, onChange: (v: string) => void, hint?: string) => (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={`${idPrefix}-${id}`}>
        {label}
      </label>
      {hint ? (
        <div className="utrecht-form-field-description" id={`${idPrefix}-${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <input
        className="utrecht-textbox utrecht-textbox--html-input"
        id={`${idPrefix}-${id}`}
        value={value}
        required={id !== 'languages'}
        aria-describedby={hint ? `${idPrefix}-${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
      />
    </div>
  );
  return (
    <form className="managed-lists__form" onSubmit={(e) => void submit(e)}>
      {withCode ? field('code', t('managedLists.code'), code, setCode, t('managedLists.codeHint')) : null}
      {field('nameNl', t('managedLists.nameNl'), nameNl, setNameNl)}
      {field('nameEn', t('managedLists.nameEn'), nameEn, setNameEn)}
      {withLanguages ? field('languages', t('managedLists.languages'), languages, setLanguages, t('managedLists.languagesHint')) : null}
      <Button type="submit" appearance="primary-action-button">
        {submitLabel}
      </Button>
      {onCancel ? (
        <Button type="button" appearance="subtle-button" onClick={onCancel}>
          {t('managedLists.cancel')}
        </Button>
      ) : null}
    </form>
  );
}
