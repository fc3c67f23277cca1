import type { EntityManager } from 'typeorm';
import { type Actor, UserRole } from '../auth/actor.js';

/**
 * Which municipality an organisation belongs to (issue 12, a region), as one SQL expression over the row
 * "organisation": the municipality of most of the buurten it serves (ties: the lowest code), else of its
 * agreements (their team's), else what it had. Every write route refreshes it with this expression.
 */
export const ORGANISATION_MUNICIPALITY_SQL = `COALESCE(
  (SELECT "n"."municipalityCode" FROM "organisation_neighbourhood" "onb" INNER JOIN "neighbourhood" "n" ON "n"."code" = "onb"."neighbourhoodCode"
    WHERE "onb"."organisationId" = "organisation"."id" GROUP BY "n"."municipalityCode" ORDER BY COUNT(*) DESC, "n"."municipalityCode" LIMIT 1),
  (SELECT MIN("a"."municipalityCode") FROM "agreement" "a" WHERE "a"."organisationId" = "organisation"."id"),
  "organisation"."municipalityCode")`;

/** After a write: the organisations' municipality from their buurten, in the writer's transaction. */
export async function refreshOrganisationMunicipalities(em: EntityManager, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await em
      .createQueryBuilder()
      .update('organisation')
      .set({ municipalityCode: () => ORGANISATION_MUNICIPALITY_SQL })
      .where('id IN (:...ids)', { ids: chunk })
      .execute();
  }
}

/** The municipality a set of buurten lies in mostly (ties: the lowest code); null without buurten. */
export async function municipalityOfNeighbourhoods(em: EntityManager, codes: string[]): Promise<string | null> {
  if (!codes.length) return null;
  const rows: { m: string; n: number }[] = await em
    .createQueryBuilder()
    .select(['"n"."municipalityCode" AS "m"', 'COUNT(*) AS "n"'])
    .from('neighbourhood', 'n')
    .where('"n"."code" IN (:...codes)', { codes })
    .groupBy('"n"."municipalityCode"')
    .getRawMany();
  rows.sort((a, b) => Number(b.n) - Number(a.n) || a.m.localeCompare(b.m));
  return rows[0]?.m ?? null;
}

export async function municipalityOfOrganisation(em: EntityManager, id: string): Promise<string | null> {
  const row: { m: string | null } | undefined = await em
    .createQueryBuilder()
    .select('"o"."municipalityCode"', 'm')
    .from('organisation', 'o')
    .where('"o"."id" = :id', { id })
    .getRawOne();
  return row?.m ?? null;
}

/** The municipalities of a coordinator's teams; null for an administrator (every municipality). */
export async function municipalitiesOfActor(em: EntityManager, actor: Actor): Promise<string[] | null> {
  if (actor.role === UserRole.ADMINISTRATOR) return null;
  if (!actor.teamIds.length) return [];
  const rows: { m: string }[] = await em
    .createQueryBuilder()
    .select('DISTINCT "t"."municipalityCode"', 'm')
    .from('team', 't')
    .where('"t"."id" IN (:...ids)', { ids: actor.teamIds })
    .getRawMany();
  return rows.map((r) => r.m);
}

/** After a bulk load (the demo data, a seeder): every agreement its team's municipality, every organisation its buurten's. */
export async function refreshAllMunicipalities(em: EntityManager): Promise<void> {
  await em.query(`UPDATE "agreement" SET "municipalityCode" = (SELECT "t"."municipalityCode" FROM "team" "t" WHERE "t"."id" = "agreement"."teamId")`);
  await em.query(`UPDATE "organisation" SET "municipalityCode" = ${ORGANISATION_MUNICIPALITY_SQL}`);
}
