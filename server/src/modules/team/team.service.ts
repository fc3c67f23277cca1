import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type FindOptionsWhere, In, IsNull, Repository } from 'typeorm';
import { byKey, groupedByJoined, relationOf } from '../../common/loaders.js';
import type { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { applyChanges, auditView } from '../../common/audit-view.js';
import { ArchiveInput } from '../../common/archive.input.js';
import { nowIso, todayIso } from '../../common/base.entity.js';
import { badInput, notFound } from '../../common/errors.js';
import { assertNotArchived, blankToNull, normalisePhone } from '../../common/validators.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import { type Actor, UserRole } from '../auth/actor.js';
import { NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';
import { CreateTeamInput, UpdateTeamInput } from './dto/team.input.js';
import { Team } from './team.entity.js';

const SCALAR_FIELDS = ['name', 'kind', 'municipalityCode', 'phone', 'email', 'lastVerifiedOn'] as const;

@Injectable()
export class TeamService {
  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    private readonly neighbourhoodService: NeighbourhoodService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Active teams with the neighbourhoods they cover, by name. In a region, a coordinator sees the teams
   * of their own teams' municipalities only; everyone else sees all (search and matching cross borders).
   */
  async list(actor?: Actor | null): Promise<Team[]> {
    const where: FindOptionsWhere<Team> = { archivedAt: IsNull() };
    if (actor?.role === UserRole.COORDINATOR && actor.teamIds.length) {
      const own = await this.teams.find({ select: { id: true, municipalityCode: true }, where: { id: In(actor.teamIds) } });
      where.municipalityCode = In([...new Set(own.map((t) => t.municipalityCode))]);
    }
    return this.teams.find({ where, relations: { neighbourhoods: true }, order: { name: 'ASC' } });
  }

  findById(id: string): Promise<Team | null> {
    return this.teams.findOne({ where: { id }, relations: { neighbourhoods: true } });
  }

  async get(id: string, field = 'id'): Promise<Team> {
    const found = await this.findById(id);
    if (!found) throw notFound(field, `Team '${id}' bestaat niet`);
    return found;
  }

  /** Teams by id, in the order of `ids` (null where none). */
  async findByIds(ids: readonly string[]): Promise<(Team | null)[]> {
    return byKey(ids, await this.teams.find({ where: { id: In([...ids]) } }), (t) => t.id);
  }

  /** The neighbourhoods each team covers. */
  neighbourhoodsOf(ids: readonly string[]): Promise<Neighbourhood[][]> {
    return relationOf(this.teams, ids, 'neighbourhoods');
  }

  /** Active teams covering each neighbourhood, by name: one statement for all of them. */
  async listForNeighbourhoods(codes: readonly string[]): Promise<Team[][]> {
    const rows = await this.teams
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.neighbourhoods', 'covered', 'covered.code IN (:...codes)', { codes: [...codes] })
      .where('t.archivedAt IS NULL')
      .orderBy('t.name', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
    return groupedByJoined(codes, rows, 'neighbourhoods', (n: Neighbourhood) => n.code);
  }

  /** Active teams covering a neighbourhood, by name. */
  async listForNeighbourhood(code: string): Promise<Team[]> {
    const rows = await this.teams
      .createQueryBuilder('t')
      .innerJoin('t.neighbourhoods', 'covered', 'covered.code = :code', { code })
      .where('t.archivedAt IS NULL')
      .orderBy('t.name', 'ASC')
      .getMany();
    return rows;
  }

  /** New teams are made by an administrator. */
  async create(actor: Actor | null, input: CreateTeamInput): Promise<Team> {
    this.access.requireAdministrator(actor);
    const neighbourhoods = await this.neighbourhoodService.getMany(input.neighbourhoodCodes ?? [], 'neighbourhoodCodes');
    const id = await this.dataSource.transaction(async (em) => {
      const team = em.create(Team, { isDemo: false, externalId: null, archivedAt: null, phone: null, email: null, neighbourhoods });
      applyChanges(team, this.cleaned(input), SCALAR_FIELDS);
      // A team belongs to the municipality this installation serves unless the input names another.
      team.municipalityCode ??= this.config.municipalityCode;
      team.lastVerifiedOn ??= todayIso();
      await em.save(team);
      await this.audit.record(em, actor, { action: 'createTeam', entityType: 'Team', entityId: team.id, after: auditView(team) });
      return team.id;
    });
    return this.get(id);
  }

  /** A coordinator changes their own team; an administrator any team. */
  async update(actor: Actor | null, input: UpdateTeamInput): Promise<Team> {
    this.access.requireSignedIn(actor);
    const team = await this.get(input.id);
    assertNotArchived(team, 'Dit team');
    this.access.assertCanEdit(actor, [team.id], 'dit team');
    if (input.municipalityCode === null) throw badInput('municipalityCode', 'Gemeentecode is verplicht, bijvoorbeeld GM0344');
    const neighbourhoods = input.neighbourhoodCodes ? await this.neighbourhoodService.getMany(input.neighbourhoodCodes, 'neighbourhoodCodes') : undefined;
    await this.dataSource.transaction(async (em) => {
      const before = auditView(team);
      applyChanges(team, this.cleaned(input), SCALAR_FIELDS);
      if (neighbourhoods) team.neighbourhoods = neighbourhoods;
      team.updatedAt = nowIso();
      await em.save(team);
      await this.audit.record(em, actor, { action: 'updateTeam', entityType: 'Team', entityId: team.id, before, after: auditView(team) });
    });
    return this.get(team.id);
  }

  async archive(actor: Actor | null, input: ArchiveInput): Promise<Team> {
    this.access.requireAdministrator(actor);
    const team = await this.get(input.id);
    assertNotArchived(team, 'Dit team');
    await this.dataSource.transaction(async (em) => {
      const archivedAt = nowIso();
      await em.update(Team, { id: team.id }, { archivedAt, updatedAt: archivedAt });
      await this.audit.record(em, actor, {
        action: 'archiveTeam',
        entityType: 'Team',
        entityId: team.id,
        before: { archivedAt: null },
        after: { archivedAt, reason: input.reason ?? null },
      });
    });
    return this.get(team.id);
  }

  private cleaned(input: Partial<CreateTeamInput>): Partial<Team> {
    const out: Partial<Team> = {};
    for (const field of SCALAR_FIELDS) {
      const value = (input as Record<string, unknown>)[field];
      if (value !== undefined) (out as Record<string, unknown>)[field] = typeof value === 'string' ? blankToNull(value.trim()) : value;
    }
    if (out.phone !== undefined) out.phone = normalisePhone(out.phone);
    if (out.email) out.email = out.email.toLowerCase();
    return out;
  }
}
