import { Button, ButtonGroup, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { paths } from '../../../app/router';
import {
  type ActivityRowFragment,
  type AgreementRowFragment,
  type ContactAssignmentRowFragment,
  type RecordCanFragment,
  MarkVerifiedDocument,
  type VerifiableType,
} from '../../../generated/graphql';
import { RecordTable } from '../../../components/RecordTable';
import { CanNotice } from '../../admin/components/CanNotice';
import { errorsFromServer, today } from '../forms/form-errors';
import { usePermissions } from '../hooks/use-permissions';
import { useRegistryText } from '../registry-text';

/** Loading, sign-in needed, not found or another error, for a page that loads one record. */
export function PageState({ loading, error, notFound }: { loading: boolean; error?: GraphQLRequestError; notFound?: boolean }) {
  const { rt } = useRegistryText();
  if (loading) return <Paragraph role="status">{rt('page.loading')}</Paragraph>;
  if (error?.code === 'UNAUTHENTICATED') return <SignInNeeded />;
  if (error?.code === 'FORBIDDEN') return <Paragraph role="alert">{rt('page.forbidden')}</Paragraph>;
  if (error)
    return (
      <Paragraph role="alert" className="error-text">
        {rt('page.error', { message: error.message })}
      </Paragraph>
    );
  if (notFound) return <Paragraph role="alert">{rt('page.recordNotFound')}</Paragraph>;
  return null;
}

export function SignInNeeded() {
  const { rt } = useRegistryText();
  return (
    <div role="alert" className="sign-in-needed">
      <Paragraph>{rt('page.signInNeeded')}</Paragraph>
      <Paragraph>
        <Link href={paths.home()}>{rt('page.signInLink')}</Link>
      </Paragraph>
    </div>
  );
}

/** The page heading, focused when the page opens so screen reader and keyboard users start there. */
export function PageHeading({ children, id = 'page-heading' }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Heading level={1} id={id} ref={ref} tabIndex={-1} className="page__heading">
      {children}
    </Heading>
  );
}

export function StaleBadge({ isStale }: { isStale: boolean | undefined }) {
  const { rt } = useRegistryText();
  return isStale ? <span className="badge badge--stale">{rt('record.stale')}</span> : null;
}

export function StatusBadge({ status }: { status: AgreementRowFragment['status'] }) {
  const { rt } = useRegistryText();
  return <span className={`badge badge--status badge--${status.toLowerCase()}`}>{rt(`status.${status}`)}</span>;
}

export function VerifiedLine({ lastVerifiedOn, isStale }: { lastVerifiedOn: string | null; isStale?: boolean }) {
  const { rt, formatDate } = useRegistryText();
  return (
    <Paragraph className="record__verified">
      {`${rt('record.lastVerified')}: ${lastVerifiedOn ? formatDate(lastVerifiedOn) : rt('record.neverVerified').toLowerCase()} `}
      <StaleBadge isStale={isStale} />
    </Paragraph>
  );
}

/** "Nog steeds juist": markVerified, which changes nothing but the last-verified date. */
export function VerifyButton({
  entityType,
  id,
  name,
  onDone,
}: {
  entityType: VerifiableType;
  id: string;
  name: string;
  onDone?(lastVerifiedOn: string): void;
}) {
  const { rt, formatDate } = useRegistryText();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const verify = async () => {
    setBusy(true);
    try {
      const { markVerified } = await graphqlRequest(MarkVerifiedDocument, { input: { entityType, id } });
      setMessage({ text: rt('record.verified', { date: formatDate(markVerified.lastVerifiedOn) }), error: false });
      onDone?.(markVerified.lastVerifiedOn);
    } catch (error) {
      const errors = errorsFromServer(error, []);
      setMessage({ text: errors.general.join(' '), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        type="button"
        appearance="secondary-action-button"
        onClick={verify}
        busy={busy}
        aria-disabled={busy ? true : undefined}
        aria-label={rt('record.verifyNamed', { name })}
      >
        {rt('record.verify')}
      </Button>
      <span role="status" className={message?.error ? 'error-text' : 'record__message'}>
        {message?.text ?? ''}
      </span>
    </>
  );
}

/** Archive with an explicit confirmation step, in the page (no browser dialog); `texts` replace the archive wording. */
export function ArchiveControl({
  name,
  onArchive,
  texts,
}: {
  name: string;
  onArchive(): Promise<void>;
  texts?: { open: string; confirm: string; yes: string };
}) {
  const { rt } = useRegistryText();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const archive = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onArchive();
      setConfirming(false);
    } catch (caught) {
      setError(errorsFromServer(caught, []).general.join(' '));
    } finally {
      setBusy(false);
    }
  };
  if (!confirming) {
    return (
      <Button type="button" appearance="secondary-action-button" onClick={() => setConfirming(true)}>
        {texts?.open ?? rt('record.archive')}
      </Button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby="archive-confirm-text" tabIndex={-1} ref={confirmRef}>
      <Paragraph id="archive-confirm-text">{texts?.confirm ?? rt('record.archiveConfirm', { name })}</Paragraph>
      {error ? (
        <Paragraph role="alert" className="error-text">
          {error}
        </Paragraph>
      ) : null}
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={archive} busy={busy}>
          {texts?.yes ?? rt('record.archiveYes')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => setConfirming(false)}>
          {rt('form.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

const dateOf = (timestamp: string) => timestamp.slice(0, 10);

/** Fixed contact persons, current first, with since/until. */
export function ContactHistoryTable({ items, caption }: { items: readonly ContactAssignmentRowFragment[]; caption: string }) {
  const { rt, formatDate } = useRegistryText();
  return (
    <RecordTable
      caption={caption}
      items={items}
      empty={rt('record.contactNone')}
      rowKey={(item) => item.id}
      rowClassName={(item) => (item.isCurrent ? 'record-table__current' : undefined)}
      columns={[
        {
          header: rt('record.contactPerson'),
          cell: (item) => (item.person ? <Link href={paths.person(item.person.id)}>{item.person.name}</Link> : '–'),
        },
        { header: rt('record.contactSince'), cell: (item) => formatDate(dateOf(item.since)) },
        { header: rt('record.contactUntil'), cell: (item) => (item.until ? formatDate(dateOf(item.until)) : rt('record.contactNow')) },
        { header: rt('record.contactNote'), cell: (item) => item.note ?? '', label: (item) => Boolean(item.note) },
      ]}
    />
  );
}

export function AgreementList({ items }: { items: readonly AgreementRowFragment[] }) {
  const { rt, formatDate } = useRegistryText();
  if (items.length === 0) return <Paragraph>{rt('record.noAgreements')}</Paragraph>;
  return (
    <ul className="record-list">
      {items.map((agreement) => {
        const partner = agreement.organisation?.name ?? agreement.person?.name;
        return (
          <li key={agreement.id} className="record-list__item">
            <Link href={paths.agreement(agreement.id)}>{agreement.title}</Link> <StatusBadge status={agreement.status} />
            {agreement.isDueForReview ? <span className="badge badge--stale">{rt('agreement.dueForReview')}</span> : null}
            <p className="record-list__meta">
              {[
                rt(`agreementType.${agreement.type}`),
                agreement.team?.name,
                partner ? rt('agreement.withPartner', { partner }) : undefined,
                `${formatDate(agreement.startsOn)}${agreement.endsOn ? ` – ${formatDate(agreement.endsOn)}` : ''}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Walk-in hours: running and planned ones first, ended ones folded away below. With `returnTo` (the page
 * showing the list), users who may change walk-in hours get a link to edit or end each one, coming back here.
 */
export function ActivityList({ items, returnTo }: { items: readonly ActivityRowFragment[]; returnTo?: string }) {
  const { rt } = useRegistryText();
  const { canEditActivities } = usePermissions();
  if (items.length === 0) return <Paragraph>{rt('record.noActivities')}</Paragraph>;
  const day = today();
  const ended = items.filter((a) => a.validUntil !== null && a.validUntil < day);
  const running = items.filter((a) => !ended.includes(a));
  const editFrom = canEditActivities ? returnTo : undefined;
  return (
    <>
      {running.length > 0 ? (
        <ul className="record-list">
          {running.map((activity) => (
            <ActivityItem key={activity.id} activity={activity} planned={activity.validFrom > day} returnTo={activity.can.edit ? editFrom : undefined} />
          ))}
        </ul>
      ) : (
        <Paragraph>{rt('record.noActivities')}</Paragraph>
      )}
      {ended.length > 0 ? (
        <details className="activity-list__ended">
          <summary>{rt('activity.endedList', { count: ended.length })}</summary>
          <ul className="record-list">
            {ended.map((activity) => (
              <ActivityItem key={activity.id} activity={activity} ended returnTo={activity.can.edit ? editFrom : undefined} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function ActivityItem({ activity, planned, ended, returnTo }: { activity: ActivityRowFragment; planned?: boolean; ended?: boolean; returnTo?: string }) {
  const { rt, locale, formatDate } = useRegistryText();
  return (
    <li className="record-list__item">
      <strong>{activity.name}</strong>
      {planned ? (
        <>
          {' '}
          <span className="badge badge--draft">{rt('activity.plannedBadge')}</span>
        </>
      ) : null}
      {ended ? (
        <>
          {' '}
          <span className="badge badge--ended">{rt('activity.endedBadge')}</span>
        </>
      ) : null}
      <p className="record-list__meta">
        {rt('neighbourhood.when', { weekday: rt(`weekday.${activity.weekday}` as 'weekday.1'), start: activity.startTime, end: activity.endTime })}
        {' · '}
        {activity.venueName}
        {activity.venueAddress ? `, ${activity.venueAddress}` : ''}
        {activity.neighbourhood ? ` · ${rt('activity.in', { name: activity.neighbourhood.name })}` : ''}
        {planned ? ` · ${rt('activity.from', { date: formatDate(activity.validFrom) })}` : ''}
        {activity.validUntil ? ` · ${rt('neighbourhood.validUntil', { date: formatDate(activity.validUntil) })}` : ''}
      </p>
      {activity.languages.length > 0 ? (
        <p className="record-list__meta">
          {rt('neighbourhood.languages', { languages: activity.languages.map((l) => (locale === 'nl' ? l.nameNl : l.nameEn)).join(', ') })}
        </p>
      ) : null}
      {activity.organisation || activity.agreement ? (
        <p className="record-list__meta">
          {activity.organisation ? <Link href={paths.organisation(activity.organisation.id)}>{activity.organisation.name}</Link> : null}
          {activity.organisation && activity.agreement ? ' · ' : null}
          {activity.agreement ? (
            <Link href={paths.agreement(activity.agreement.id)}>{rt('activity.underAgreement', { title: activity.agreement.title })}</Link>
          ) : null}
        </p>
      ) : null}
      {returnTo ? (
        <p className="record-list__meta">
          <Link href={paths.editActivity(activity.id, returnTo)}>{rt('activity.editLink', { name: activity.name })}</Link>
        </p>
      ) : null}
    </li>
  );
}

/** A record's neighbourhoods as links to their pages, separated by commas. */
export function neighbourhoodLinks(neighbourhoods: readonly { code: string; name: string }[]) {
  return neighbourhoods.map((n, i) => (
    <span key={n.code}>
      {i > 0 ? ', ' : ''}
      <Link href={paths.neighbourhood(n.code)}>{n.name}</Link>
    </span>
  ));
}

/**
 * Edit, "Nog steeds juist" and archive on the page of a person or organisation: only what the server's rule allows
 * (`can`), and the notice that says why the rest is missing. Nothing on an archived record.
 */
export function RecordActions({
  entityType,
  record,
  editHref,
  archive,
  onChanged,
}: {
  entityType: 'PERSON' | 'ORGANISATION';
  record: { id: string; name: string; archivedAt?: string | null; can: RecordCanFragment };
  editHref: string;
  archive(): Promise<unknown>;
  onChanged(): void;
}) {
  const { rt } = useRegistryText();
  const { id, name, can } = record;
  if (record.archivedAt) return null;
  return (
    <>
      {can.edit || can.verify || can.archive ? (
        <ButtonGroup className="page__actions">
          {can.edit ? <Link href={editHref}>{rt('record.editNamed', { name })}</Link> : null}
          {can.verify ? <VerifyButton entityType={entityType} id={id} name={name} onDone={onChanged} /> : null}
          {can.archive ? (
            <ArchiveControl
              name={name}
              onArchive={async () => {
                await archive();
                onChanged();
              }}
            />
          ) : null}
        </ButtonGroup>
      ) : null}
      <CanNotice can={can} />
    </>
  );
}

export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="page__section">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {actions}
      {children}
    </section>
  );
}
