import { Checkbox, FormLabel, Link, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { ReviewQueueDocument, type VerifiableType } from '../../../generated/graphql';
import { useSession } from '../../auth/hooks/use-session';
import { PageHeading, PageState } from '../../registry/components/record-parts';
import { ReviewVerifyButton } from './ReviewVerifyButton';
import { useI18n } from '../../../i18n/i18n';

const PAGE = 50;

/** What has not been verified for the review period, or never: verify in place or go and edit. */
export function ReviewQueuePage() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const teams = user?.teams ?? [];
  const [entityType, setEntityType] = useState<VerifiableType | ''>('');
  // A team member starts with their own teams' entries; someone without a team (an administrator) sees everything.
  const [mineChosen, setMine] = useState(true);
  const mine = mineChosen && teams.length > 0;
  const [limit, setLimit] = useState(PAGE);
  const [verified, setVerified] = useState<Record<string, string>>({});
  const { data, loading, error } = useGraphQLQuery(ReviewQueueDocument, {
    entityType: entityType || undefined,
    page: { limit, offset: 0 },
    mine: mine || undefined,
  });
  const queue = data?.reviewQueue;
  const teamNames = teams.map((team) => team.name).join(', ');

  return (
    <article aria-labelledby="page-heading" aria-busy={loading}>
      <PageHeading>{t('reviewQueue.heading')}</PageHeading>
      <Paragraph>{t('reviewQueue.intro', { months: data?.reviewAfterMonths ?? 12 })}</Paragraph>
      <div className="review__filter">
        <FormLabel htmlFor="review-type">{t('reviewQueue.filter')}</FormLabel>
        <Select id="review-type" value={entityType} onChange={(event) => setEntityType(event.target.value as VerifiableType | '')}>
          <SelectOption value="">{t('reviewQueue.all')}</SelectOption>
          <SelectOption value="ORGANISATION">{t('reviewQueue.organisations')}</SelectOption>
          <SelectOption value="PERSON">{t('reviewQueue.persons')}</SelectOption>
          <SelectOption value="AGREEMENT">{t('reviewQueue.agreements')}</SelectOption>
        </Select>
        {teams.length > 0 ? (
          <div className="review__mine">
            <Checkbox
              id="review-mine"
              checked={mine}
              aria-describedby="review-mine-teams"
              onChange={(event) => {
                setMine(event.target.checked);
                setLimit(PAGE);
              }}
            />
            <FormLabel htmlFor="review-mine" type="checkbox" checked={mine}>
              {t('reviewQueue.mine')}
            </FormLabel>
            <span id="review-mine-teams" className="review__mine-teams">
              {t('reviewQueue.mineTeams', { teams: teamNames })}
            </span>
          </div>
        ) : null}
      </div>
      {!queue ? (
        <PageState loading={loading} error={error} />
      ) : (
        <>
          <Paragraph role="status">
            {loading
              ? t('reviewQueue.loading')
              : queue.totalCount === 0
                ? t(mine ? 'reviewQueue.emptyMine' : 'reviewQueue.empty')
                : t(mine ? 'reviewQueue.countMine' : 'reviewQueue.count', { count: queue.totalCount })}
          </Paragraph>
          {queue.items.length > 0 ? (
            // Explicit roles: on a phone the rows show as a list (record-table in registry.css) and stay a table to screen readers.
            <table className="record-table review__table" role="table">
              <caption className="visually-hidden">{t('reviewQueue.heading')}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    {t('reviewQueue.name')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('reviewQueue.type')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('reviewQueue.lastVerified')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('reviewQueue.actions')}
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {queue.items.map((item) => {
                  const isAgreement = item.entityType === 'AGREEMENT';
                  const view = item.entityType === 'PERSON' ? paths.person(item.id) : isAgreement ? paths.agreement(item.id) : paths.organisation(item.id);
                  const edit =
                    item.entityType === 'PERSON' ? paths.editPerson(item.id) : isAgreement ? paths.editAgreement(item.id) : paths.editOrganisation(item.id);
                  const done = verified[item.id];
                  return (
                    <tr key={`${item.entityType}-${item.id}`} role="row">
                      <td role="cell">
                        <Link href={view}>{item.name}</Link>{' '}
                        {done ? null : (
                          <span className={isAgreement ? 'badge badge--stale badge--wrap' : 'badge badge--stale'}>
                            {isAgreement ? item.reasonText : t('reviewQueue.stale')}
                          </span>
                        )}
                      </td>
                      <td role="cell" data-label={t('reviewQueue.type')}>
                        {t(`reviewQueue.entity.${item.entityType}`)}
                      </td>
                      <td role="cell" data-label={t('reviewQueue.lastVerified')}>
                        {done
                          ? formatDate(done)
                          : item.neverVerified || !item.lastVerifiedOn
                            ? t('reviewQueue.never')
                            : t('reviewQueue.months', { months: item.monthsSinceVerified ?? '?', date: formatDate(item.lastVerifiedOn) })}
                      </td>
                      <td role="cell" className="review__actions">
                        {/* An agreement leaves the queue by a new review date or contact person, not by "still correct". */}
                        {isAgreement ? null : (
                          <ReviewVerifyButton
                            entityType={item.entityType}
                            id={item.id}
                            name={item.name}
                            onDone={(date) => setVerified((v) => ({ ...v, [item.id]: date }))}
                          />
                        )}{' '}
                        <Link href={edit}>{t('reviewQueue.editNamed', { name: item.name })}</Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
          {queue.hasMore ? (
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setLimit((l) => Math.min(l + PAGE, 200))}>
              {t('reviewQueue.more')}
            </button>
          ) : null}
        </>
      )}
    </article>
  );
}
