import { Button, ButtonGroup, FormField, FormLabel, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { RecordTable } from '../../../components/RecordTable';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { navigate, paths, type Route } from '../../../app/router';
import { AdminAuditLogDocument, type AdminAuditLogQuery } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { PageHeading, PageState } from '../../registry/components/record-parts';

type Filter = Omit<Extract<Route, { name: 'adminAudit' }>, 'name'>;
type Entry = AdminAuditLogQuery['auditLog']['items'][number];
const TYPES = ['Person', 'Organisation', 'Team', 'Agreement', 'Activity', 'ContactAssignment', 'User'];
const PAGE = 50;

const show = (value: unknown) => (value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value));

/** Before and after side by side, changed fields only (all fields when one side is missing). */
function ChangeView({ entry }: { entry: Entry }) {
  const { t } = useI18n();
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !entry.before || !entry.after || JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (!fields.length) return <Paragraph>{t('admin.audit.noChange')}</Paragraph>;
  return (
    <table className="admin-change">
      <caption className="visually-hidden">{t('admin.audit.change')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.audit.field')}</th>
          <th scope="col">{t('admin.audit.before')}</th>
          <th scope="col">{t('admin.audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field}>
            <th scope="row">{field}</th>
            <td>{show(before[field])}</td>
            <td>{show(after[field])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The audit log with filters in the URL (record, user, period, action) and a before/after view per entry. */
export function AuditLogPage({ route }: { route: Filter }) {
  const { t, formatDate } = useI18n();
  const [draft, setDraft] = useState<Filter>({ ...route });
  const [limit, setLimit] = useState(PAGE);
  const filter = Object.fromEntries(Object.entries(route).filter(([key, value]) => key !== 'name' && value)) as Filter;
  const { data, loading, error } = useGraphQLQuery(AdminAuditLogDocument, { filter, page: { limit, offset: 0 } });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.adminAudit(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || undefined : v]))));
  };
  const set = (key: keyof Filter) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Filter, label: string, id: string) => (
    <FormField>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <Textbox id={id} value={draft[key] ?? ''} onChange={(event) => set(key)(event.target.value)} />
    </FormField>
  );
  const log = data?.auditLog;
  const users = data?.users ?? [];
  return (
    <article aria-labelledby="page-heading" aria-busy={loading}>
      <PageHeading>{t('admin.audit.heading')}</PageHeading>
      <Paragraph>{t('admin.audit.intro')}</Paragraph>
      <form className="admin-form" onSubmit={apply} aria-label={t('admin.audit.filters')}>
        <FormField>
          <FormLabel htmlFor="audit-type">{t('admin.audit.entityType')}</FormLabel>
          <Select id="audit-type" value={draft.entityType ?? ''} onChange={(event) => set('entityType')(event.target.value)}>
            <SelectOption value="">{t('admin.audit.anyType')}</SelectOption>
            {TYPES.map((type) => (
              <SelectOption key={type} value={type}>
                {type}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        {text('entityId', t('admin.audit.entityId'), 'audit-record')}
        <FormField>
          <FormLabel htmlFor="audit-user">{t('admin.audit.user')}</FormLabel>
          <Select id="audit-user" value={draft.userId ?? ''} onChange={(event) => set('userId')(event.target.value)}>
            <SelectOption value="">{t('admin.audit.anyUser')}</SelectOption>
            {users.map((user) => (
              <SelectOption key={user.id} value={user.id}>
                {user.email}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        {text('action', t('admin.audit.action'), 'audit-action')}
        {text('from', t('admin.audit.from'), 'audit-from')}
        {text('to', t('admin.audit.to'), 'audit-to')}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('admin.audit.apply')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => navigate(paths.adminAudit())}>
            {t('admin.audit.reset')}
          </Button>
        </ButtonGroup>
      </form>
      {!log ? (
        <PageState loading={loading} error={error} />
      ) : (
        <>
          <Paragraph role="status">{log.totalCount === 0 ? t('admin.audit.empty') : t('admin.audit.count', { count: log.totalCount })}</Paragraph>
          {log.items.length ? (
            <RecordTable
              caption={t('admin.audit.heading')}
              captionHidden
              wrapperClassName="admin-table-wrap"
              items={log.items}
              rowKey={(entry) => entry.id}
              columns={[
                { header: t('admin.audit.at'), cell: (entry) => `${formatDate(entry.at)} ${entry.at.slice(11, 16)}` },
                { header: t('admin.audit.who'), cell: (entry) => entry.userEmail ?? t('admin.audit.system') },
                { header: t('admin.audit.what'), cell: (entry) => entry.action },
                {
                  header: t('admin.audit.record'),
                  cell: (entry) => (
                    <a
                      href={paths.adminAudit({ entityType: entry.entityType, entityId: entry.entityId })}
                    >{`${entry.entityType} ${entry.entityId.slice(0, 8)}`}</a>
                  ),
                },
                {
                  header: t('admin.audit.change'),
                  cell: (entry) =>
                    entry.before || entry.after ? (
                      <details>
                        <summary>{t('admin.audit.showChange')}</summary>
                        <ChangeView entry={entry} />
                      </details>
                    ) : (
                      '–'
                    ),
                },
              ]}
            />
          ) : null}
          {log.hasMore ? (
            <Button type="button" appearance="secondary-action-button" onClick={() => setLimit((l) => Math.min(l + PAGE, 200))}>
              {t('admin.audit.more')}
            </Button>
          ) : null}
        </>
      )}
    </article>
  );
}
