import type { EntityManager } from 'typeorm';
import { User } from '../auth/user.entity.js';
import type { SupporterFacts } from './person.rules.js';

/**
 * The facts the supporter rule (person.rules.ts, supporterViolation) needs about a user account, found by id
 * (GraphQL) or by e-mail address (CSV, HSDS); null when there is no such account. Only the user table is read.
 */
export async function loadSupporter(em: EntityManager, by: { id: string } | { email: string }): Promise<SupporterFacts | null> {
  const where = 'id' in by ? { id: by.id } : { email: by.email.trim().toLowerCase() };
  const user = await em.getRepository(User).findOne({ where, relations: { teams: true } });
  return user ? { id: user.id, email: user.email, disabled: Boolean(user.disabledAt), teamIds: user.teams.map((t) => t.id) } : null;
}

/** E-mail addresses of supporter accounts by id, for the exchange routes (one statement). */
export async function supporterEmails(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows = await em.getRepository(User).createQueryBuilder('u').select(['u.id', 'u.email']).where('u.id IN (:...ids)', { ids: unique }).getMany();
  return new Map(rows.map((u) => [u.id, u.email]));
}

/** Active accounts that belong to at least one of `teamIds`, by e-mail address. */
export async function activeMembersOf(em: EntityManager, teamIds: readonly string[]): Promise<{ id: string; email: string }[]> {
  const rows = await em
    .getRepository(User)
    .createQueryBuilder('u')
    .innerJoin('u.teams', 't', 't.id IN (:...teamIds)', { teamIds: [...teamIds] })
    .select(['u.id', 'u.email'])
    .where('u.disabledAt IS NULL')
    .orderBy('u.email', 'ASC')
    .getMany();
  return rows.map((u) => ({ id: u.id, email: u.email }));
}
