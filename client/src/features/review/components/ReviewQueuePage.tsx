import { Checkbox, FormLabel, Link, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import { RecordTable } from '../../../components/RecordTable';
import { ReviewQueueDocument, type ReviewQueueQuery, type VerifiableType } from '../../../generated/graphql';
import { useSession } from '../../auth/hooks/use-session';
import { PageHeading, PageState, VerifyButton } from '../../registry/components/record-parts';
import { useI18n } from '../../../i18n/i18n';

const PAGE = 50;

type ReviewItem = ReviewQueueQuery['reviewQueue']['items'][number];

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
  // What a row shows and what the user may do with it, from the server's rule (can); a contact who left is solved by a new assignment.
  const entryOf = (item: ReviewItem) => {
    const isAgreement = item.entityType === 'AGREEMENT';
    const isContact = item.entityType === 'CONTACT_ASSIGNMENT';
    const party = { teamId: item.teamId ?? undefined, organisationId: item.organisationId ?? undefined };
    const view = {
      PERSON: () => paths.person(item.id),
      AGREEMENT: () => paths.agreement(item.id),
      ORGANISATION: () => paths.organisation(item.id),
      ACTIVITY: () => paths.editActivity(item.id, paths.review()),
      CONTACT_ASSIGNMENT: () => (item.teamId ? paths.team(item.teamId) : paths.organisation(item.organisationId ?? '')),
    }[item.entityType]();
    const edit = {
      PERSON: () => paths.editPerson(item.id),
      AGREEMENT: () => paths.editAgreement(item.id),
      ORGANISATION: () => paths.editOrganisation(item.id),
      ACTIVITY: () => paths.editActivity(item.id, paths.review()),
      CONTACT_ASSIGNMENT: () => paths.registerContact(party),
    }[item.entityType]();
    const record = item.person ?? item.organisation ?? item.agreement ?? item.activity;
    // An incomplete Rbtv registration (issue 15) leaves the queue by an edit that adds level and end date, not by "still correct".
    const incomplete = item.reason === 'REGISTRATION_INCOMPLETE';
    const mayVerify = !isAgreement && !isContact && !incomplete && Boolean(record?.can.verify);
    const mayEdit = isContact ? Boolean(user && (user.role === 'ADMINISTRATOR' || user.actableTeams.length > 0)) : Boolean(record?.can.edit);
    const type = item.entityType;
    const kind = type === 'ACTIVITY' || type === 'CONTACT_ASSIGNMENT' ? t(`admin.review.${type}`) : t(`reviewQueue.entity.${type}`);
    return { item, isAgreement, isContact, incomplete, view, edit, mayVerify, mayEdit, kind, done: verified[item.id] };
  };
  const teamNames = teams.map((team) => team.name).join(', ');

  return (
    <article aria-labelledby="page-heading" aria-busy={loading}>
      <PageHeading>{t('reviewQueue.heading')}</PageHeading>
      <Paragraph>{t('reviewQueue.intro', { months: data?.reviewAfterMonths ?? 12 })}</Paragraph>
      <Paragraph>
        <Link href={paths.proposals()}>{t('moderation.link')}</Link>
      </Paragraph>
      <div className="review__filter">
        <FormLabel htmlFor="review-type">{t('reviewQueue.filter')}</FormLabel>
        <Select id="review-type" value={entityType} onChange={(event) => setEntityType(event.target.value as VerifiableType | '')}>
          <SelectOption value="">{t('reviewQueue.all')}</SelectOption>
          <SelectOption value="ORGANISATION">{t('reviewQueue.organisations')}</SelectOption>
          <SelectOption value="PERSON">{t('reviewQueue.persons')}</SelectOption>
          <SelectOption value="AGREEMENT">{t('reviewQueue.agreements')}</SelectOption>
          <SelectOption value="ACTIVITY">{t('admin.review.activities')}</SelectOption>
          <SelectOption value="CONTACT_ASSIGNMENT">{t('admin.review.contacts')}</SelectOption>
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
            <RecordTable
              caption={t('reviewQueue.heading')}
              captionHidden
              className="review__table"
              items={queue.items.map(entryOf)}
              rowKey={(entry) => `${entry.item.entityType}-${entry.item.id}`}
              columns={[
                {
                  header: t('reviewQueue.name'),
                  label: false,
                  cell: ({ item, isAgreement, isContact, incomplete, view, done }) => (
                    <>
                      <Link href={view}>{item.name}</Link>{' '}
                      {done ? null : (
                        <span className={isAgreement || isContact ? 'badge badge--stale badge--wrap' : 'badge badge--stale'}>
                          {incomplete ? t('profile.registrationIncomplete') : isAgreement || isContact ? item.reasonText : t('reviewQueue.stale')}
                        </span>
                      )}
                    </>
                  ),
                },
                { header: t('reviewQueue.type'), cell: (entry) => entry.kind },
                {
                  header: t('reviewQueue.lastVerified'),
                  cell: ({ item, done }) =>
                    done
                      ? formatDate(done)
                      : item.neverVerified || !item.lastVerifiedOn
                        ? t('reviewQueue.never')
                        : t('reviewQueue.months', { months: item.monthsSinceVerified ?? '?', date: formatDate(item.lastVerifiedOn) }),
                },
                {
                  header: t('reviewQueue.actions'),
                  label: false,
                  className: 'review__actions',
                  cell: ({ item, isContact, edit, mayVerify, mayEdit }) => (
                    <>
                      {/* An agreement leaves the queue by a new review date or contact person, not by "still correct". */}
                      {!mayVerify ? null : (
                        <VerifyButton
                          entityType={item.entityType}
                          id={item.id}
                          name={item.name}
                          onDone={(date) => setVerified((v) => ({ ...v, [item.id]: date }))}
                        />
                      )}{' '}
                      {mayEdit ? (
                        <Link href={edit}>
                          {isContact ? t('admin.review.assignNew', { name: item.name }) : t('reviewQueue.editNamed', { name: item.name })}
                        </Link>
                      ) : null}
                    </>
                  ),
                },
              ]}
            />
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
