import { Button, FormField, FormLabel, Heading, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { RecordTable } from '../../../components/RecordTable';
import {
  AdminCreateUserDocument,
  AdminEndUserSessionsDocument,
  AdminUpdateUserDocument,
  AdminUsersDocument,
  type AdminUsersQuery,
  type UserRole,
} from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';
import { PageHeading } from '../../registry/components/record-parts';

const ROLES: UserRole[] = ['MEMBER', 'COORDINATOR', 'ADMINISTRATOR', 'POLICY_OFFICER'];
type User = AdminUsersQuery['users'][number];
type Team = AdminUsersQuery['teams'][number];

const messageOf = (error: unknown) => (error instanceof GraphQLRequestError ? error.message : String(error));

/** Team checkboxes in a fieldset: the teams whose records a coordinator may change. */
function TeamChoice({ idPrefix, teams, chosen, onChange }: { idPrefix: string; teams: Team[]; chosen: string[]; onChange(ids: string[]): void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('admin.users.teams')}</legend>
      <Paragraph id={`${idPrefix}-teams-hint`}>{t('admin.users.teamsHint')}</Paragraph>
      <ul className="admin-teams">
        {teams.map((team) => (
          <li key={team.id}>
            <input
              type="checkbox"
              id={`${idPrefix}-team-${team.id}`}
              checked={chosen.includes(team.id)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, team.id] : chosen.filter((id) => id !== team.id))}
            />{' '}
            <label htmlFor={`${idPrefix}-team-${team.id}`}>{team.name}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function RoleSelect({ id, value, onChange }: { id: string; value: UserRole; onChange(role: UserRole): void }) {
  const { t } = useI18n();
  return (
    <FormField>
      <FormLabel htmlFor={id}>{t('admin.users.role')}</FormLabel>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value as UserRole)}>
        {ROLES.map((role) => (
          <SelectOption key={role} value={role}>
            {t(`admin.role.${role}`)}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}

/** Invite a user: without a password the server generates one, shown here once. */
function NewUserForm({ teams, onCreated }: { teams: Team[]; onCreated(): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('MEMBER');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ email: string; password: string | null }>();
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { createUser } = await graphqlRequest(AdminCreateUserDocument, { input: { email: email.trim(), role, teamIds } });
      setResult({ email: createUser.user.email, password: createUser.generatedPassword });
      setEmail('');
      setTeamIds([]);
      onCreated();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-user-heading">
      <Heading level={2} id="new-user-heading">
        {t('admin.users.new')}
      </Heading>
      <form className="admin-form" onSubmit={submit} noValidate>
        <FormField>
          <FormLabel htmlFor="new-user-email">{t('admin.users.email')}</FormLabel>
          <Textbox id="new-user-email" type="email" autoComplete="off" value={email} required onChange={(event) => setEmail(event.target.value)} />
        </FormField>
        <RoleSelect id="new-user-role" value={role} onChange={setRole} />
        <TeamChoice idPrefix="new-user" teams={teams} chosen={teamIds} onChange={setTeamIds} />
        {error ? (
          <Paragraph role="alert" className="error-text">
            {error}
          </Paragraph>
        ) : null}
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {t('admin.users.create')}
          </Button>
        </div>
      </form>
      <div role="status">
        {result ? (
          <div className="notice">
            <Paragraph>{t('admin.users.created', { email: result.email })}</Paragraph>
            {result.password ? (
              <>
                <Paragraph className="admin-password">{t('admin.users.password', { password: result.password })}</Paragraph>
                <Paragraph>{t('admin.users.passwordOnce')}</Paragraph>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** What can be done with one account: role and teams (behind "Wijzigen"), disable/enable, end all sessions. */
function UserActions({ user, teams, onChanged, say }: { user: User; teams: Team[]; onChanged(): void; say(text: string): void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<UserRole>(user.role);
  const [teamIds, setTeamIds] = useState(user.teams.map((team) => team.id));
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<string>) => {
    setError(undefined);
    try {
      say(await action());
      onChanged();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await graphqlRequest(AdminUpdateUserDocument, { input: { id: user.id, role, teamIds } });
      setEditing(false);
      return t('admin.users.saved', { email: user.email });
    });
  };
  /** A button that runs one change and says what it did. */
  const action = (label: string, change: () => Promise<string>) => (
    <Button type="button" appearance="secondary-action-button" onClick={() => run(change)}>
      {label}
    </Button>
  );
  const disabled = Boolean(user.disabledAt);
  return (
    <>
      <div className="admin-row-actions">
        <Button type="button" appearance="secondary-action-button" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
          <span aria-hidden="true">{t('admin.users.editShort')}</span>
          <span className="visually-hidden">{t('admin.users.edit', { email: user.email })}</span>
        </Button>
        {action(disabled ? t('admin.users.enable', { email: user.email }) : t('admin.users.disable', { email: user.email }), async () => {
          await graphqlRequest(AdminUpdateUserDocument, { input: { id: user.id, disabled: !disabled } });
          return t('admin.users.saved', { email: user.email });
        })}
        {action(t('admin.users.endSessions', { email: user.email }), async () => {
          const { endUserSessions } = await graphqlRequest(AdminEndUserSessionsDocument, { input: { userId: user.id } });
          return t('admin.users.sessionsEnded', { email: user.email, count: endUserSessions });
        })}
      </div>
      {error ? (
        <Paragraph role="alert" className="error-text">
          {error}
        </Paragraph>
      ) : null}
      {editing ? (
        <form className="admin-form" onSubmit={save} aria-label={t('admin.users.edit', { email: user.email })}>
          <RoleSelect id={`role-${user.id}`} value={role} onChange={setRole} />
          <TeamChoice idPrefix={`user-${user.id}`} teams={teams} chosen={teamIds} onChange={setTeamIds} />
          <div>
            <Button type="submit" appearance="primary-action-button">
              {t('admin.users.save')}
            </Button>
          </div>
        </form>
      ) : null}
    </>
  );
}

export function UsersPage() {
  const { t, formatDate } = useI18n();
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState('');
  const { data, error } = useGraphQLQuery(AdminUsersDocument, {}, { reloadKey: version });
  const teams = (data?.teams ?? []).filter((team) => !team.archivedAt);
  const reload = () => setVersion((v) => v + 1);
  return (
    <article aria-labelledby="page-heading">
      <PageHeading>{t('admin.users.heading')}</PageHeading>
      <Paragraph>{t('admin.users.intro')}</Paragraph>
      <NewUserForm teams={teams} onCreated={reload} />
      <section aria-labelledby="users-heading">
        <Heading level={2} id="users-heading">
          {t('admin.users.list')}
        </Heading>
        <Paragraph role="status">{status}</Paragraph>
        {error ? (
          <Paragraph role="alert" className="error-text">
            {error.message}
          </Paragraph>
        ) : !data ? (
          <Paragraph role="status">{t('admin.users.loading')}</Paragraph>
        ) : (
          <RecordTable
            caption={t('admin.users.list')}
            captionHidden
            wrapperClassName="admin-table-wrap"
            items={data.users}
            // A new key after each change: the row's form starts again from what the server holds.
            rowKey={(user) => `${user.id}-${version}`}
            columns={[
              { header: t('admin.users.email'), label: false, cell: (user) => user.email },
              { header: t('admin.users.role'), cell: (user) => t(`admin.role.${user.role}`) },
              { header: t('admin.users.teams'), cell: (user) => user.teams.map((team) => team.name).join(', ') || t('admin.users.noTeams') },
              { header: t('admin.users.status'), cell: (user) => (user.disabledAt ? t('admin.users.disabled') : t('admin.users.active')) },
              { header: t('admin.users.lastSignIn'), cell: (user) => (user.lastSignInAt ? formatDate(user.lastSignInAt) : t('admin.users.never')) },
              { header: t('admin.users.actions'), cell: (user) => <UserActions user={user} teams={teams} onChanged={reload} say={setStatus} /> },
            ]}
          />
        )}
      </section>
    </article>
  );
}
