import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { nowIso, todayIso } from '../../common/base.entity.js';
import { DomainError, ErrorCode, badInput, notFound } from '../../common/errors.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Community } from '../community/community.entity.js';
import { CommunityService } from '../community/community.service.js';
import { LanguageService } from '../language/language.service.js';
import { assertNeighbourhoodCode } from '../neighbourhood/neighbourhood.service.js';
import { CommunityLanguage, CommunityPresence, type PresenceBand, PresenceSource } from './community-presence.entity.js';
import {
  MAX_ESTIMATE,
  type CreateCommunityInput,
  type RecordCommunityPresenceInput,
  type UpdateCommunityPresenceInput,
} from './dto/community-presence.input.js';

/** One line of the analysis, checked; `row` names the CSV row in messages. */
export interface PresenceDraft {
  neighbourhoodCode: string;
  communityCode: string | null;
  languageCode: string | null;
  estimate: number | null;
  band: PresenceBand | null;
  source: PresenceSource;
  observedOn: string;
  note: string | null;
}

/**
 * The neighbourhood analysis (001 ch. 5): who lives in a buurt. Recorded and revised by the
 * coordinators of a team covering the buurt and by administrators; read by every signed-in user.
 */
@Injectable()
export class CommunityPresenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly languages: LanguageService,
    private readonly communities: CommunityService,
  ) {}

  async list(actor: Actor | null, neighbourhoodCode: string | null): Promise<CommunityPresence[]> {
    this.access.requireSignedIn(actor);
    const where = neighbourhoodCode ? { neighbourhoodCode: assertNeighbourhoodCode(neighbourhoodCode, 'neighbourhoodCode') } : {};
    return this.dataSource.getRepository(CommunityPresence).find({ where, order: { neighbourhoodCode: 'ASC', observedOn: 'DESC', id: 'ASC' }, take: 5000 });
  }

  /** Checks one line against the reference data; throws a Dutch error naming `prefix + field`. */
  async check(em: EntityManager, input: Omit<RecordCommunityPresenceInput, 'language'> & { language?: string | null }, prefix = ''): Promise<PresenceDraft> {
    const f = (name: string) => `${prefix}${name}`;
    const code = assertNeighbourhoodCode(input.neighbourhoodCode, f('neighbourhoodCode'));
    const exists = await em.createQueryBuilder().from('neighbourhood', 'n').select('n.code', 'code').where('n.code = :code', { code }).getRawOne();
    if (!exists) throw new DomainError(ErrorCode.UNKNOWN_NEIGHBOURHOOD, `Buurt ${code} is niet bekend`, f('neighbourhoodCode'));
    const community = input.communityCode?.trim() ? input.communityCode.trim().toLowerCase() : null;
    const languageInput = input.language?.trim() ? input.language.trim() : null;
    if (!community && !languageInput) throw badInput(f('communityCode'), 'Kies een gemeenschap of een taal');
    if (community && languageInput) throw badInput(f('language'), 'Kies een gemeenschap of een taal, niet beide');
    if (community && !(await em.getRepository(Community).findOneBy({ code: community }))) {
      throw badInput(f('communityCode'), `'${input.communityCode}' is geen bekende gemeenschap`);
    }
    const languageCode = languageInput ? this.languages.resolve(languageInput, f('language')).code : null;
    const estimate = input.estimate ?? null;
    if (estimate !== null && (!Number.isInteger(estimate) || estimate < 0)) throw badInput(f('estimate'), 'Schatting moet een geheel getal van 0 of meer zijn');
    if (estimate !== null && estimate > MAX_ESTIMATE)
      throw badInput(f('estimate'), `Schatting is onwaarschijnlijk hoog: hoogstens ${MAX_ESTIMATE} bewoners per buurt`);
    if (estimate === null && !input.band)
      throw badInput(f('estimate'), 'Geef een aantal bewoners of een omvang (enkele huishoudens, een groep, een grote groep)');
    if (!Object.values(PresenceSource).includes(input.source))
      throw badInput(f('source'), 'Kies een bron: CBS, eigen analyse, sleutelpersoon, school of anders');
    if (input.observedOn > todayIso()) throw badInput(f('observedOn'), 'Datum ligt in de toekomst');
    return {
      neighbourhoodCode: code,
      communityCode: community,
      languageCode,
      estimate,
      band: input.band ?? null,
      source: input.source,
      observedOn: input.observedOn,
      note: input.note?.trim() || null,
    };
  }

  /** Teams covering the buurt: their coordinators may record its analysis. */
  async owningTeams(em: EntityManager, neighbourhoodCode: string): Promise<string[]> {
    const rows = await em
      .createQueryBuilder()
      .from('team_neighbourhood', 'tn')
      .select('tn."teamId"', 'teamId')
      .where('tn."neighbourhoodCode" = :code', { code: neighbourhoodCode })
      .getRawMany<{ teamId: string }>();
    return rows.map((r) => r.teamId);
  }

  async assertMayRecord(em: EntityManager, actor: Actor | null, neighbourhoodCode: string): Promise<Actor> {
    const signedIn = this.access.requireSignedIn(actor);
    const teams = await this.owningTeams(em, neighbourhoodCode);
    // Unlike a new partner, a buurt no team covers is the administrators' to describe.
    if (!this.access.canEdit(signedIn, teams)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Alleen een coördinator van een team in deze buurt of een beheerder mag de buurtanalyse wijzigen');
    }
    return signedIn;
  }

  async record(actor: Actor | null, input: RecordCommunityPresenceInput): Promise<CommunityPresence> {
    this.access.requireSignedIn(actor);
    return this.dataSource.transaction(async (em) => {
      const draft = await this.check(em, input);
      await this.assertMayRecord(em, actor, draft.neighbourhoodCode);
      return this.insert(em, actor, draft);
    });
  }

  async insert(em: EntityManager, actor: Actor | null, draft: PresenceDraft, action = 'recordCommunityPresence'): Promise<CommunityPresence> {
    const now = nowIso();
    const row = em.getRepository(CommunityPresence).create({ id: randomUUID(), ...draft, isDemo: false, createdAt: now, updatedAt: now });
    await em.getRepository(CommunityPresence).insert(row);
    await this.audit.record(em, actor, { action, entityType: 'CommunityPresence', entityId: row.id, after: { ...draft } });
    return row;
  }

  async update(actor: Actor | null, input: UpdateCommunityPresenceInput): Promise<CommunityPresence> {
    this.access.requireSignedIn(actor);
    return this.dataSource.transaction(async (em) => {
      const row = await em.getRepository(CommunityPresence).findOneBy({ id: input.id });
      if (!row) throw notFound('id', 'Deze regel van de buurtanalyse bestaat niet');
      await this.assertMayRecord(em, actor, row.neighbourhoodCode);
      const merged = {
        neighbourhoodCode: row.neighbourhoodCode,
        communityCode: row.communityCode,
        language: row.languageCode,
        estimate: input.estimate !== undefined ? input.estimate : row.estimate,
        band: input.band !== undefined ? input.band : row.band,
        source: input.source ?? row.source,
        observedOn: input.observedOn ?? row.observedOn,
        note: input.note !== undefined ? input.note : row.note,
      };
      if (input.source === null) throw badInput('source', 'Kies een bron');
      if (input.observedOn === null) throw badInput('observedOn', 'Datum is verplicht');
      const draft = await this.check(em, merged);
      const before = { ...row };
      Object.assign(row, draft, { updatedAt: nowIso() });
      await em.getRepository(CommunityPresence).save(row);
      await this.audit.record(em, actor, { action: 'updateCommunityPresence', entityType: 'CommunityPresence', entityId: row.id, before, after: { ...draft } });
      return row;
    });
  }

  async remove(actor: Actor | null, id: string): Promise<boolean> {
    this.access.requireSignedIn(actor);
    return this.dataSource.transaction(async (em) => {
      const row = await em.getRepository(CommunityPresence).findOneBy({ id });
      if (!row) throw notFound('id', 'Deze regel van de buurtanalyse bestaat niet');
      await this.assertMayRecord(em, actor, row.neighbourhoodCode);
      await em.getRepository(CommunityPresence).delete({ id });
      await this.audit.record(em, actor, { action: 'removeCommunityPresence', entityType: 'CommunityPresence', entityId: id, before: { ...row } });
      return true;
    });
  }

  async createCommunity(actor: Actor | null, input: CreateCommunityInput): Promise<Community> {
    const admin = this.access.requireAdministrator(actor);
    const languages = this.languages.resolveAll(input.languages, 'languages');
    return this.dataSource.transaction(async (em) => {
      if (await em.getRepository(Community).findOneBy({ code: input.code }))
        throw new DomainError(ErrorCode.CONFLICT, `Gemeenschap '${input.code}' bestaat al`, 'code');
      const community = em.getRepository(Community).create({ code: input.code, nameNl: input.nameNl.trim(), nameEn: input.nameEn.trim() });
      await em.getRepository(Community).insert(community);
      if (languages.length) await em.getRepository(CommunityLanguage).insert(languages.map((l) => ({ communityCode: input.code, languageCode: l.code })));
      await this.audit.record(em, admin, {
        action: 'createCommunity',
        entityType: 'Community',
        entityId: input.code,
        after: { ...input, languages: languages.map((l) => l.code) },
      });
      return community;
    });
  }

  /** The usual languages of a community. */
  async languagesOf(communityCode: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(CommunityLanguage).find({ where: { communityCode }, order: { languageCode: 'ASC' } });
    return rows.map((r) => r.languageCode);
  }

  get communityService(): CommunityService {
    return this.communities;
  }
}
