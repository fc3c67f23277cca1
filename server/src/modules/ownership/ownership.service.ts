import { Injectable } from '@nestjs/common';
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
}

const unique = (ids: string[]) => [...new Set(ids)];
