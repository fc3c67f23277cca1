import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { badInput, DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { nowIso } from '../../common/base.entity.js';
import { relationOf } from '../../common/loaders.js';
import { AuditService } from '../audit/audit.service.js';
import { Team } from '../team/team.entity.js';
import { type Actor, UserRole } from './actor.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './password.js';

export interface NewUser {
  email: string;
  role: UserRole;
  teamIds?: string[];
  password?: string | null;
  isDemo?: boolean;
}

/** What an audit entry may hold about a user: never the password hash. */
const userSnapshot = (user: User) => ({
  id: user.id,
  email: user.email,
  role: user.role,
  disabledAt: user.disabledAt,
  teamIds: (user.teams ?? []).map((t) => t.id).sort(),
});

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** User accounts. Used by the GraphQL API (administrators), the CLI and the start-up (ADMIN_EMAIL). */
@Injectable()
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ relations: { teams: true }, order: { email: 'ASC' } });
  }

  /** The teams of each user, by name: for the User.teams field, one statement for all users of a response. */
  async teamsOfMany(ids: readonly string[]): Promise<Team[][]> {
    const teams = await relationOf(this.dataSource.getRepository(User), ids, 'teams');
    return teams.map((list) => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  }

  async teamsOf(user: User): Promise<Team[]> {
    const ids =
      user.teams?.map((t) => t.id) ??
      (await this.dataSource.getRepository(User).findOne({ where: { id: user.id }, relations: { teams: true } }))?.teams.map((t) => t.id) ??
      [];
    if (!ids.length) return [];
    return this.dataSource.getRepository(Team).find({ where: { id: In(ids) }, relations: { neighbourhoods: true }, order: { name: 'ASC' } });
  }

  findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { id }, relations: { teams: true } });
  }

  /** Teams by id, or (for the CLI) by exact name, case-insensitive. Unknown ones are refused by name. */
  async resolveTeams(em: EntityManager, refs: string[], field = 'teamIds'): Promise<Team[]> {
    if (!refs.length) return [];
    const byId = await em.getRepository(Team).find({ where: { id: In(refs) } });
    const teams: Team[] = [];
    for (const ref of refs) {
      let team = byId.find((t) => t.id === ref);
      if (!team) {
        const matches = await em.getRepository(Team).createQueryBuilder('t').where('LOWER(t.name) = :name', { name: ref.trim().toLowerCase() }).getMany();
        team = matches[0];
      }
      if (!team) throw notFound(field, `Team "${ref}" bestaat niet`);
      if (!teams.some((t) => t.id === team!.id)) teams.push(team);
    }
    return teams;
  }

  /** Creates an account. Without a password, one is generated and returned (to be shown once). */
  async create(actor: Actor | null, input: NewUser): Promise<{ user: User; generatedPassword: string | null }> {
    const email = normaliseEmail(input.email);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw badInput('email', 'e-mailadres is ongeldig');
    if (!Object.values(UserRole).includes(input.role)) throw badInput('role', 'rol moet MEMBER, COORDINATOR, ADMINISTRATOR of POLICY_OFFICER zijn');
    const generatedPassword = input.password ? null : generatePassword();
    const password = input.password ?? generatedPassword!;
    if (!input.isDemo && password.length < MIN_PASSWORD_LENGTH) {
      throw badInput('password', `wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens zijn`);
    }
    const passwordHash = await hashPassword(password);
    const user = await this.dataSource.transaction(async (em) => {
      if (await em.getRepository(User).exists({ where: { email } })) {
        throw new DomainError(ErrorCode.CONFLICT, `Er is al een account met e-mailadres ${email}`, 'email');
      }
      const now = nowIso();
      const created = em.getRepository(User).create({
        id: randomUUID(),
        email,
        passwordHash,
        role: input.role,
        isDemo: input.isDemo ?? false,
        disabledAt: null,
        lastSignInAt: null,
        createdAt: now,
        updatedAt: now,
        teams: await this.resolveTeams(em, input.teamIds ?? []),
      });
      await em.getRepository(User).save(created);
      await this.audit.record(em, actor, { action: 'createUser', entityType: 'User', entityId: created.id, after: userSnapshot(created) });
      return created;
    });
    return { user, generatedPassword };
  }

  async update(actor: Actor, input: { id: string; role?: UserRole | null; teamIds?: string[] | null; disabled?: boolean | null }): Promise<User> {
    return this.dataSource.transaction(async (em) => {
      const user = await em.getRepository(User).findOne({ where: { id: input.id }, relations: { teams: true } });
      if (!user) throw notFound('id', 'Dit account bestaat niet');
      if (input.id === actor.userId && (input.disabled || (input.role && input.role !== UserRole.ADMINISTRATOR))) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'U kunt uw eigen beheerdersrechten niet intrekken', 'id');
      }
      const before = userSnapshot(user);
      if (input.role) user.role = input.role;
      if (input.teamIds) user.teams = await this.resolveTeams(em, input.teamIds);
      if (input.disabled === true && !user.disabledAt) user.disabledAt = nowIso();
      if (input.disabled === false) user.disabledAt = null;
      user.updatedAt = nowIso();
      await em.getRepository(User).save(user);
      // A changed role, team or status takes effect at once: the user signs in again.
      await em.getRepository(Session).update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: nowIso() });
      await this.audit.record(em, actor, { action: 'updateUser', entityType: 'User', entityId: user.id, before, after: userSnapshot(user) });
      return user;
    });
  }

  /** ADMIN_EMAIL/ADMIN_PASSWORD on start: creates that administrator once, never changes an existing account. */
  async ensureAdministrator(email: string, password: string): Promise<User | null> {
    const existing = await this.dataSource.getRepository(User).findOne({ where: { email: normaliseEmail(email) } });
    if (existing) return null;
    return (await this.create(null, { email, password, role: UserRole.ADMINISTRATOR })).user;
  }
}
