import { Paragraph } from '@utrecht/component-library-react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { PersonContactReadsDocument } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { Section } from '../../registry/components/record-parts';

/** When and by whom a person's contact details were read (audit log), for coordinators of their team and administrators. */
export function ContactReads({ personId }: { personId: string }) {
  const { t, formatDate } = useI18n();
  const { data, error } = useGraphQLQuery(PersonContactReadsDocument, { id: personId, page: { limit: 20, offset: 0 } });
  const reads = data?.person?.contactReads;
  if (error || !reads) return null;
  const time = (at: string) => `${formatDate(at)} ${at.slice(11, 16)}`;
  return (
    <Section id="person-contact-reads" title={t('admin.reads.heading')}>
      <Paragraph>{t('admin.reads.intro')}</Paragraph>
      {reads.totalCount === 0 ? (
        <Paragraph>{t('admin.reads.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('admin.reads.count', { count: reads.totalCount })}</Paragraph>
          <table className="record-table" role="table">
            <caption className="visually-hidden">{t('admin.reads.heading')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t('admin.reads.at')}
                </th>
                <th scope="col" role="columnheader">
                  {t('admin.reads.who')}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {reads.items.map((read) => (
                <tr key={read.id} role="row">
                  <td role="cell" data-label={t('admin.reads.at')}>
                    {time(read.at)}
                  </td>
                  <td role="cell" data-label={t('admin.reads.who')}>
                    {read.userEmail ?? t('admin.audit.system')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}
