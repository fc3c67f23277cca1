import { Link, Paragraph, Select, SelectOption, FormLabel } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { ReviewQueueDocument, type VerifiableType } from '../../../generated/graphql';
import { PageHeading, PageState, VerifyButton } from '../../registry/components/record-parts';
import { useRegistryText } from '../../registry/registry-text';

const PAGE = 50;

/** What has not been verified for the review period, or never: verify in place or go and edit. */
export function ReviewQueuePage() {
  const { rt, formatDate } = useRegistryText();
  const [entityType, setEntityType] = useState<VerifiableType | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const [verified, setVerified] = useState<Record<string, string>>({});
  const { data, loading, error } = useGraphQLQuery(ReviewQueueDocument, { entityType: entityType || undefined, page: { limit, offset: 0 } });
  const queue = data?.reviewQueue;

  return (
    <article aria-labelledby="page-heading">
      <PageHeading>{rt('review.heading')}</PageHeading>
      <Paragraph>{rt('review.intro', { months: data?.reviewAfterMonths ?? 12 })}</Paragraph>
      <div className="review__filter">
        <FormLabel htmlFor="review-type">{rt('review.filter')}</FormLabel>
        <Select id="review-type" value={entityType} onChange={(event) => setEntityType(event.target.value as VerifiableType | '')}>
          <SelectOption value="">{rt('review.all')}</SelectOption>
          <SelectOption value="ORGANISATION">{rt('review.organisations')}</SelectOption>
          <SelectOption value="PERSON">{rt('review.persons')}</SelectOption>
        </Select>
      </div>
      {!queue ? (
        <PageState loading={loading} error={error} />
      ) : (
        <>
          <Paragraph role="status">{queue.totalCount === 0 ? rt('review.empty') : rt('review.count', { count: queue.totalCount })}</Paragraph>
          {queue.items.length > 0 ? (
            <table className="record-table review__table">
              <caption className="visually-hidden">{rt('review.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{rt('review.name')}</th>
                  <th scope="col">{rt('review.type')}</th>
                  <th scope="col">{rt('review.lastVerified')}</th>
                  <th scope="col">{rt('review.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.items.map((item) => {
                  const view = item.entityType === 'PERSON' ? paths.person(item.id) : paths.organisation(item.id);
                  const edit = item.entityType === 'PERSON' ? paths.editPerson(item.id) : paths.editOrganisation(item.id);
                  const done = verified[item.id];
                  return (
                    <tr key={`${item.entityType}-${item.id}`}>
                      <td>
                        <Link href={view}>{item.name}</Link>{' '}
                        {done ? null : <span className="badge badge--stale">{rt('record.stale')}</span>}
                      </td>
                      <td>{rt(`review.entity.${item.entityType}`)}</td>
                      <td>
                        {done
                          ? formatDate(done)
                          : item.neverVerified || !item.lastVerifiedOn
                            ? rt('review.never')
                            : rt('review.months', { months: item.monthsSinceVerified ?? '?', date: formatDate(item.lastVerifiedOn) })}
                      </td>
                      <td className="review__actions">
                        <VerifyButton entityType={item.entityType} id={item.id} name={item.name} onDone={(date) => setVerified((v) => ({ ...v, [item.id]: date }))} />{' '}
                        <Link href={edit}>{rt('record.editNamed', { name: item.name })}</Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
          {queue.hasMore ? (
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setLimit((l) => Math.min(l + PAGE, 200))}>
              {rt('review.more')}
            </button>
          ) : null}
        </>
      )}
    </article>
  );
}
