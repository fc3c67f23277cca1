import { Paragraph } from '@utrecht/component-library-react';
import { RecordTable } from '../../../components/RecordTable';
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
          <RecordTable
            caption={t('admin.reads.heading')}
            captionHidden
            items={reads.items}
            rowKey={(read) => read.id}
            columns={[
              { header: t('admin.reads.at'), cell: (read) => time(read.at) },
              { header: t('admin.reads.who'), cell: (read) => read.userEmail ?? t('admin.audit.system') },
            ]}
          />
        </>
      )}
    </Section>
  );
}
