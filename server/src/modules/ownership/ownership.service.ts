import { Injectable } from '@nestjs/common';
import { type Actor, UserRole } from '../auth/actor.js';
import { Team } from '../team/team.entity.js';
import type { TeamCoordinator } from './record-permissions.model.js';
import { mayActFor } from './write-rule.js';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/**
 * The one place that says which teams a record belongs to, for AccessPolicy.assertCanEdit:
 * - an agreement belongs to its team;
 * - a team's contact assignment belongs to that team; an organisation's to the organisation's teams;
 * - a partner organisation belongs to the teams that have an agreement with it and the teams that
 *   cover one of the neighbourhoods it serves;
 * - a partner person belongs to the teams that have an agreement with them, the teams that cover one
 *   of their neighbourhoods, their own team (person.teamId), and the teams of their organisation;
 * - an activity belongs to the team of its agreement, the teams of its organisation, and the teams
 *   covering the neighbourhood where it takes place.
 * Queries take the caller's EntityManager so they see the caller's transaction.
 */
@Injectable()
export class OwnershipService {
  constructor(private readonly dataSource: DataSource) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  async teamsCoveringNeighbourhoods(codes: string[], em?: EntityManager): Promise<string[]> {
    if (!codes.length) return [];
    const rows: { teamId: string }[] = await this.em(em)
      .createQueryBuilder()
      .select('DISTINCT "tn"."teamId"', 'teamId')
      .from('team_neighbourhood', 'tn')
      .where('"tn"."neighbourhoodCode" IN (:...codes)', { codes })
      .getRawMany();
    return rows.map((r) => r.teamId);
  }

  private async agreementTeams(column: 'organisationId' | 'personId', id: string, em?: EntityManager): Promise<string[]> {
    const rows: { teamId: string }[] = await this.em(em)
      .createQueryBuilder()
      .select('DISTINCT "a"."teamId"', 'teamId')
      .from('agreement', 'a')
      .where(`"a"."${column}" = :id`, { id })
      .getRawMany();
    return rows.map((r) => r.teamId);
  }

  private async neighbourhoodsOf(table: 'organisation_neighbourhood' | 'person_neighbourhood', column: string, id: string, em?: EntityManager) {
    const rows: { code: string }[] = await this.em(em)
      .createQueryBuilder()
      .select('"x"."neighbourhoodCode"', 'code')
      .from(table, 'x')
      .where(`"x"."${column}" = :id`, { id })
      .getRawMany();
    return rows.map((r) => r.code);
  }

  async teamsOfOrganisation(organisationId: string, em?: EntityManager): Promise<string[]> {
    const codes = await this.neighbourhoodsOf('organisation_neighbourhood', 'organisationId', organisationId, em);
    return unique([...(await this.agreementTeams('organisationId', organisationId, em)), ...(await this.teamsCoveringNeighbourhoods(codes, em))]);
  }

  async teamsOfPerson(personId: string, em?: EntityManager): Promise<string[]> {
    const person: { teamId: string | null; organisationId: string | null } | undefined = await this.em(em)
      .createQueryBuilder()
      .select(['"p"."teamId" AS "teamId"', '"p"."organisationId" AS "organisationId"'])
      .from('person', 'p')
      .where('"p"."id" = :personId', { personId })
      .getRawOne();
    const codes = await this.neighbourhoodsOf('person_neighbourhood', 'personId', personId, em);
    return unique([
      ...(person?.teamId ? [person.teamId] : []),
      ...(person?.organisationId ? await this.teamsOfOrganisation(person.organisationId, em) : []),
      ...(await this.agreementTeams('personId', personId, em)),
      ...(await this.teamsCoveringNeighbourhoods(codes, em)),
    ]);
  }

  /** A new partner belongs to the teams its input names (own team, organisation, neighbourhoods). */
  async teamsOfNewPartner(
    input: { teamId?: string | null; organisationId?: string | null; neighbourhoodCodes?: string[] },
    em?: EntityManager,
  ): Promise<string[]> {
    return unique([
      ...(input.teamId ? [input.teamId] : []),
      ...(input.organisationId ? await this.teamsOfOrganisation(input.organisationId, em) : []),
      ...(await this.teamsCoveringNeighbourhoods(input.neighbourhoodCodes ?? [], em)),
    ]);
  }

  /** The teams a person will belong to with these values: as a new partner, plus the agreements it already has. */
  async teamsOfPersonAfter(
    personId: string | null,
    person: { teamId?: string | null; organisationId?: string | null; neighbourhoodCodes?: string[] },
    em?: EntityManager,
  ): Promise<string[]> {
    return unique([...(await this.teamsOfNewPartner(person, em)), ...(personId ? await this.agreementTeams('personId', personId, em) : [])]);
  }

  /** The teams an organisation will belong to when it serves these neighbourhoods. */
  async teamsOfOrganisationAfter(organisationId: string | null, neighbourhoodCodes: string[], em?: EntityManager): Promise<string[]> {
    return unique([
      ...(await this.teamsCoveringNeighbourhoods(neighbourhoodCodes, em)),
      ...(organisationId ? await this.agreementTeams('organisationId', organisationId, em) : []),
    ]);
  }

  /**
   * The inverse of teamsOfOrganisation: the organisations that belong to at least one of `teamIds`
   * (an agreement with one of them, or serving a neighbourhood one of them covers).
   */
  async organisationsOfTeams(teamIds: string[], em?: EntityManager): Promise<Set<string>> {
    if (!teamIds.length) return new Set();
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const viaAgreement: { id: string }[] = await this.em(em)
      .createQueryBuilder()
      .select('DISTINCT "a"."organisationId"', 'id')
      .from('agreement', 'a')
      .where('"a"."teamId" IN (:...teamIds)', { teamIds })
      .andWhere('"a"."organisationId" IS NOT NULL')
      .getRawMany();
    const viaNeighbourhood: { id: string }[] = await this.em(em)
      .createQueryBuilder()
      .select('DISTINCT "x"."organisationId"', 'id')
      .from('organisation_neighbourhood', 'x')
      .innerJoin('team_neighbourhood', 'tn', '"tn"."neighbourhoodCode" = "x"."neighbourhoodCode"')
      .where('"tn"."teamId" IN (:...teamIds)', { teamIds })
      .getRawMany();
    return new Set([...ids(viaAgreement), ...ids(viaNeighbourhood)]);
  }

  /**
   * The inverse of teamsOfPerson: the persons that belong to at least one of `teamIds` (their own
   * team, an agreement, a neighbourhood one of them covers, or their organisation belonging to one).
   */
  async personsOfTeams(teamIds: string[], em?: EntityManager): Promise<Set<string>> {
    if (!teamIds.length) return new Set();
    const run = (qb: SelectQueryBuilder<ObjectLiteral>) => async () => ((await qb.getRawMany()) as { id: string }[]).map((r) => r.id);
    const q = () => this.em(em).createQueryBuilder();
    const where = '"tn"."teamId" IN (:...teamIds)';
    const queries = [
      run(q().select('"p"."id"', 'id').from('person', 'p').where('"p"."teamId" IN (:...teamIds)', { teamIds })),
      run(q().select('"a"."personId"', 'id').from('agreement', 'a').where('"a"."teamId" IN (:...teamIds)', { teamIds }).andWhere('"a"."personId" IS NOT NULL')),
      run(
        q()
          .select('"x"."personId"', 'id')
          .from('person_neighbourhood', 'x')
          .innerJoin('team_neighbourhood', 'tn', '"tn"."neighbourhoodCode" = "x"."neighbourhoodCode"')
          .where(where, { teamIds }),
      ),
      // Through their organisation: its agreements and the neighbourhoods it serves.
      run(
        q()
          .select('"p"."id"', 'id')
          .from('person', 'p')
          .innerJoin('agreement', 'a', '"a"."organisationId" = "p"."organisationId"')
          .where('"a"."teamId" IN (:...teamIds)', { teamIds }),
      ),
      run(
        q()
          .select('"p"."id"', 'id')
          .from('person', 'p')
          .innerJoin('organisation_neighbourhood', 'x', '"x"."organisationId" = "p"."organisationId"')
          .innerJoin('team_neighbourhood', 'tn', '"tn"."neighbourhoodCode" = "x"."neighbourhoodCode"')
          .where(where, { teamIds }),
      ),
    ];
    // One after the other: within a transaction they share one connection.
    const found = new Set<string>();
    for (const query of queries) for (const id of await query()) found.add(id);
    return found;
  }

  /** The team of an agreement by its id, or null (none, or no such agreement). */
  async teamOfAgreementId(agreementId: string | null | undefined, em?: EntityManager): Promise<string | null> {
    if (!agreementId) return null;
    return new Map(await this.pairs('agreement', 'id', 'teamId', [agreementId], em)).get(agreementId) ?? null;
  }

  teamsOfAgreement(agreement: { teamId: string }): string[] {
    return [agreement.teamId];
  }

  async teamsOfContactParty(party: { teamId?: string | null; organisationId?: string | null }, em?: EntityManager): Promise<string[]> {
    if (party.teamId) return [party.teamId];
    if (party.organisationId) return this.teamsOfOrganisation(party.organisationId, em);
    return [];
  }

  async teamsOfActivity(
    activity: { agreementId?: string | null; organisationId?: string | null; neighbourhoodCode: string },
    em?: EntityManager,
  ): Promise<string[]> {
    const teams: string[] = [];
    if (activity.agreementId) {
      const row: { teamId: string } | undefined = await this.em(em)
        .createQueryBuilder()
        .select('"a"."teamId"', 'teamId')
        .from('agreement', 'a')
        .where('"a"."id" = :id', { id: activity.agreementId })
        .getRawOne();
      if (row) teams.push(row.teamId);
    }
    if (activity.organisationId) teams.push(...(await this.teamsOfOrganisation(activity.organisationId, em)));
    teams.push(...(await this.teamsCoveringNeighbourhoods([activity.neighbourhoodCode], em)));
    return unique(teams);
  }

  /** The teams the actor may act for (mayActFor): every active team for an administrator, their own for a coordinator. */
  async actableTeams(actor: Actor): Promise<Team[]> {
    const ids = actor.role === UserRole.ADMINISTRATOR ? null : actor.teamIds.filter((id) => mayActFor(actor, id));
    if (ids && !ids.length) return [];
    const qb = this.em().getRepository(Team).createQueryBuilder('t').where('t.archivedAt IS NULL').orderBy('t.name', 'ASC');
    if (ids) qb.andWhere('t.id IN (:...ids)', { ids });
    return qb.getMany();
  }

  /** The enabled coordinator accounts of these teams, by team name then e-mail. */
  async coordinatorsOfTeams(teamIds: string[]): Promise<TeamCoordinator[]> {
    if (!teamIds.length) return [];
    const rows: TeamCoordinator[] = await this.em()
      .createQueryBuilder()
      .select('"t"."id"', 'teamId')
      .addSelect('"t"."name"', 'teamName')
      .addSelect('"u"."email"', 'email')
      .from('user_team', 'ut')
      .innerJoin('app_user', 'u', '"u"."id" = "ut"."userId"')
      .innerJoin('team', 't', '"t"."id" = "ut"."teamId"')
      .where('"ut"."teamId" IN (:...teamIds)', { teamIds })
      .andWhere('"u"."role" = :role', { role: UserRole.COORDINATOR })
      .andWhere('"u"."disabledAt" IS NULL')
      .orderBy('"t"."name"', 'ASC')
      .addOrderBy('"u"."email"', 'ASC')
      .getRawMany();
    return rows;
  }

  // Batched forms of the teamsOf… functions above, for the `can` field of many records in one response
  // (record-permissions.resolver.ts): a fixed number of statements, whatever the number of records.

  private async pairs(table: string, idColumn: string, valueColumn: string, ids: readonly string[], em?: EntityManager): Promise<[string, string][]> {
    if (!ids.length) return [];
    const rows: { id: string; value: string | null }[] = await this.em(em)
      .createQueryBuilder()
      .select(`"x"."${idColumn}"`, 'id')
      .addSelect(`"x"."${valueColumn}"`, 'value')
      .from(table, 'x')
      .where(`"x"."${idColumn}" IN (:...ids)`, { ids: [...ids] })
      .getRawMany();
    return rows.filter((r) => r.value !== null).map((r) => [r.id, r.value!]);
  }

  /** For each neighbourhood code, the teams that cover it. */
  private async teamsByNeighbourhood(codes: readonly string[], em?: EntityManager): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    for (const [code, teamId] of await this.pairs('team_neighbourhood', 'neighbourhoodCode', 'teamId', unique([...codes]), em)) {
      map.set(code, [...(map.get(code) ?? []), teamId]);
    }
    return map;
  }

  private async collect(
    ids: readonly string[],
    parts: [string, string][][],
    viaNeighbourhood: [string, string][],
    em?: EntityManager,
  ): Promise<Map<string, string[]>> {
    const covering = await this.teamsByNeighbourhood(
      viaNeighbourhood.map(([, code]) => code),
      em,
    );
    const result = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
    for (const part of parts) for (const [id, teamId] of part) result.get(id)?.add(teamId);
    for (const [id, code] of viaNeighbourhood) for (const teamId of covering.get(code) ?? []) result.get(id)?.add(teamId);
    return new Map([...result].map(([id, teams]) => [id, [...teams]]));
  }

  /** teamsOfOrganisation for many organisations. */
  async teamsOfOrganisations(ids: readonly string[], em?: EntityManager): Promise<Map<string, string[]>> {
    const viaAgreement = await this.pairs('agreement', 'organisationId', 'teamId', ids, em);
    const codes = await this.pairs('organisation_neighbourhood', 'organisationId', 'neighbourhoodCode', ids, em);
    return this.collect(ids, [viaAgreement], codes, em);
  }

  /** teamsOfPerson for many persons. */
  async teamsOfPersons(ids: readonly string[], em?: EntityManager): Promise<Map<string, string[]>> {
    const own = await this.pairs('person', 'id', 'teamId', ids, em);
    const organisationOf = await this.pairs('person', 'id', 'organisationId', ids, em);
    const viaAgreement = await this.pairs('agreement', 'personId', 'teamId', ids, em);
    const codes = await this.pairs('person_neighbourhood', 'personId', 'neighbourhoodCode', ids, em);
    const organisations = await this.teamsOfOrganisations(unique(organisationOf.map(([, o]) => o)), em);
    const viaOrganisation = organisationOf.flatMap(([id, o]) => (organisations.get(o) ?? []).map((t): [string, string] => [id, t]));
    return this.collect(ids, [own, viaAgreement, viaOrganisation], codes, em);
  }

  /** teamsOfActivity for many activities. */
  async teamsOfActivities(
    activities: readonly { id: string; agreementId?: string | null; organisationId?: string | null; neighbourhoodCode: string }[],
    em?: EntityManager,
  ): Promise<Map<string, string[]>> {
    const agreementTeams = new Map(
      await this.pairs('agreement', 'id', 'teamId', unique(activities.flatMap((a) => (a.agreementId ? [a.agreementId] : []))), em),
    );
    const organisations = await this.teamsOfOrganisations(unique(activities.flatMap((a) => (a.organisationId ? [a.organisationId] : []))), em);
    const direct = activities.flatMap((a) => [
      ...(a.agreementId && agreementTeams.has(a.agreementId) ? [[a.id, agreementTeams.get(a.agreementId)!] as [string, string]] : []),
      ...(a.organisationId ? (organisations.get(a.organisationId) ?? []).map((t): [string, string] => [a.id, t]) : []),
    ]);
    return this.collect(
      activities.map((a) => a.id),
      [direct],
      activities.map((a): [string, string] => [a.id, a.neighbourhoodCode]),
      em,
    );
  }
}

const unique = (ids: string[]) => [...new Set(ids)];
