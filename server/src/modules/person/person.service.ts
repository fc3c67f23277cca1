import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { listedParameters, listedSql, unlistCutoff, whereListed } from '../../common/listing.js';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import { byKey, groupedByJoined, relationOf } from '../../common/loaders.js';
import type { Community } from '../community/community.entity.js';
import type { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { applyChanges, auditView } from '../../common/audit-view.js';
import { nowIso } from '../../common/base.entity.js';
import { ArchiveInput } from '../../common/archive.input.js';
import { notFound } from '../../common/errors.js';
import { assertNoViolations } from '../../common/rules.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { containsPattern } from '../../common/text.js';
import { loadInOrder, toPage, type Page, PageInput } from '../../common/pagination.js';
import { assertNotArchived, blankToNull } from '../../common/validators.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import { type Actor, UserRole } from '../auth/actor.js';
import { CommunityService } from '../community/community.service.js';
import { LanguageService } from '../language/language.service.js';
import { NearbyService } from '../nearby/nearby.service.js';
import { assertNeighbourhoodCode, NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OwnershipService } from '../ownership/ownership.service.js';
import { assertMayWrite } from '../ownership/write-rule.js';
import { Team } from '../team/team.entity.js';
import { PersonFilter } from './dto/person-filter.input.js';
import { CreatePersonInput, UpdatePersonInput } from './dto/person.input.js';
import { PersonLanguage } from './person-language.entity.js';
import { Person, PersonRole } from './person.entity.js';
import { duplicateRegistrationViolation, normalisePerson, PERSON_INPUT_FIELD, personViolations, supporterViolation } from './person.rules.js';
import { activeMembersOf, loadSupporter, supporterEmails } from './supporter.js';
import type { Supporter } from './supporter.model.js';
import { PROFILE_SCALAR_FIELDS } from '../capability/dto/profile.input.js';
import { InterpreterKind } from '../capability/profile.enums.js';
import { CapabilityService } from '../capability/capability.service.js';

const ROLE_COLUMN: Record<PersonRole, 'isKeyPerson' | 'isInterpreter' | 'isContactPerson'> = {
  [PersonRole.KEY_PERSON]: 'isKeyPerson',
  [PersonRole.INTERPRETER]: 'isInterpreter',
  [PersonRole.CONTACT_PERSON]: 'isContactPerson',
};
const SCALAR_FIELDS = [
  'name',
  'interpreterFormal',
  'registrationNumber',
  'trainedKeyPerson',
  'volunteerContract',
  'phone',
  'email',
  'organisationId',
  'teamId',
  'topics',
  'availability',
  'availabilityNote',
  'maxReferralsPerMonth',
  'lastVerifiedOn',
  'doNotList',
  'consentWithdrawnOn',
  'interpreterKind',
  'interpreterLevel',
  'registrationEndsOn',
  'interpreterModes',
  'trainedOn',
  'volunteerContractStartsOn',
  'volunteerContractEndsOn',
  'compensationAmount',
  'compensationPeriod',
  'supportedBy',
  'supportedByUserId',
  'paidRole',
  ...PROFILE_SCALAR_FIELDS,
] as const;
const RELATIONS = { languages: true, communities: true, neighbourhoods: true } as const;

@Injectable()
export class PersonService {
  constructor(
    @InjectRepository(Person) private readonly persons: Repository<Person>,
    private readonly languageService: LanguageService,
    private readonly communityService: CommunityService,
    private readonly capabilityService: CapabilityService,
    private readonly neighbourhoodService: NeighbourhoodService,
    private readonly nearby: NearbyService,
    private readonly ownership: OwnershipService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Active (not archived) persons matching the filter, by name, one page at a time. */
  async search(filter: PersonFilter = {}, page: PageInput = new PageInput(), actor: Actor | null = null): Promise<Page<Person>> {
    const qb = await this.filtered(filter, await this.visibleUnlisted(actor));
    const [rows, totalCount] = await qb.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
    return toPage(
      await loadInOrder(
        this.persons,
        rows.map((p) => p.id),
        RELATIONS,
      ),
      totalCount,
      page,
    );
  }

  /**
   * Every active person matching the filter with their map point (the centre of a neighbourhood they work
   * in, the lowest code), in one query without paging: for the clustered map. Persons without a
   * neighbourhood have no point; `total` counts them too.
   */
  async mapPoints(filter: PersonFilter = {}): Promise<{ total: number; points: { id: string; name: string; lat: number; lon: number }[] }> {
    // One filter (its "near" lookup reads buurten and venues): counted on a clone, then the rows.
    const query = await this.filtered(filter);
    const total = await query.clone().getCount();
    const rows = await query
      .innerJoin('p.neighbourhoods', 'placed_in')
      .select('p.id', 'id')
      .addSelect('p.name', 'name')
      .addSelect('placed_in.code', 'code')
      .addSelect('placed_in.centroidLat', 'lat')
      .addSelect('placed_in.centroidLon', 'lon')
      .orderBy('p.id', 'ASC')
      .addOrderBy('placed_in.code', 'ASC')
      .getRawMany<{ id: string; name: string; lat: number | string; lon: number | string }>();
    const points = new Map<string, { id: string; name: string; lat: number; lon: number }>();
    for (const row of rows) {
      if (!points.has(row.id) && row.lat != null && row.lon != null)
        points.set(row.id, { id: row.id, name: row.name, lat: Number(row.lat), lon: Number(row.lon) });
    }
    return { total, points: [...points.values()] };
  }

  /**
   * A fingerprint of everything mapPoints() reads: it changes with every insert, change or archiving (each
   * sets updatedAt), so a cached map can be reused until it does. Two aggregates, no rows.
   */
  async mapVersion(): Promise<string> {
    const row = await this.persons
      .createQueryBuilder('p')
      .select('COUNT(*)', 'n')
      .addSelect('MAX(p.updatedAt)', 'm')
      // Verifying does not touch updatedAt, but can list an entry again: the listed count and the latest verification too.
      .addSelect(`SUM(CASE WHEN ${listedSql((column) => `p.${column}`)} THEN 1 ELSE 0 END)`, 'l')
      .addSelect('MAX(p.lastVerifiedOn)', 'v')
      .setParameters(listedParameters(this.unlistCutoff))
      .getRawOne<{ n: number | string; m: string | null; l: number | string | null; v: string | null }>();
    // The cutoff too: an entry drops off the map when the day comes that it is no longer listed.
    return `${row?.n ?? 0}@${row?.m ?? ''}@${row?.l ?? 0}@${row?.v ?? ''}@${this.unlistCutoff}`;
  }

  /** The active persons matching a filter, as a query to page or to count. */
  /**
   * Unlisted entries (common/listing.ts) a caller still sees in lists: all for an administrator, their own teams' for
   * others; none on the map.
   */
  private async visibleUnlisted(actor: Actor | null): Promise<'all' | string[]> {
    if (actor?.role === UserRole.ADMINISTRATOR) return 'all';
    return actor?.teamIds.length ? [...(await this.ownership.personsOfTeams(actor.teamIds))] : [];
  }

  private get unlistCutoff(): string {
    return unlistCutoff(this.config.unlistAfterMonths);
  }

  /** The active, listed entries matching a filter (plus the unlisted ones in `alsoVisible`), as a query to page or to count. */
  private async filtered(filter: PersonFilter, alsoVisible: 'all' | string[] = []) {
    const qb = whereListed(this.persons.createQueryBuilder('p').where('p.archivedAt IS NULL'), 'p', this.unlistCutoff, alsoVisible);
    if (filter.near) {
      // Persons are placed no finer than their neighbourhoods: near = active in a neighbourhood whose centre is within the radius.
      const area = await this.nearby.resolve(filter.near);
      qb.andWhere('p.id IN (SELECT near_pn."personId" FROM person_neighbourhood near_pn WHERE near_pn."neighbourhoodCode" IN (:...nearCodes))', {
        nearCodes: area.neighbourhoodCodes.length ? area.neighbourhoodCodes : [''],
      });
    }
    if (filter.language) {
      const language = this.languageService.resolve(filter.language, 'filter.language');
      qb.andWhere((sub) => {
        const spoken = sub.subQuery().select('pl.personId').from(PersonLanguage, 'pl').where('pl.languageCode = :language').getQuery();
        return `p.id IN ${spoken}`;
      }).setParameter('language', language.code);
    }
    if (filter.role) qb.andWhere(`p.${ROLE_COLUMN[filter.role]} = :yes`, { yes: true });
    if (filter.neighbourhoodCode) {
      const code = assertNeighbourhoodCode(filter.neighbourhoodCode, 'filter.neighbourhoodCode');
      qb.innerJoin('p.neighbourhoods', 'active_in', 'active_in.code = :code', { code });
    }
    // Same normal form as stored names (NFC, no zero-width characters); % and _ are taken literally.
    if (filter.name?.trim()) qb.andWhere("LOWER(p.name) LIKE :name ESCAPE '\\'", { name: containsPattern(filter.name) });
    return qb;
  }

  findById(id: string): Promise<Person | null> {
    return this.persons.findOne({ where: { id }, relations: RELATIONS });
  }

  async get(id: string, field = 'id'): Promise<Person> {
    const found = await this.findById(id);
    if (!found) throw notFound(field, `Persoon '${id}' bestaat niet`);
    return found;
  }

  /** Persons by id, in the order of `ids` (null where none). */
  async findByIds(ids: readonly string[]): Promise<(Person | null)[]> {
    return byKey(ids, await this.persons.find({ where: { id: In([...ids]) } }), (p) => p.id);
  }

  languagesOf(ids: readonly string[]): Promise<PersonLanguage[][]> {
    return relationOf(this.persons, ids, 'languages');
  }

  communitiesOf(ids: readonly string[]): Promise<Community[][]> {
    return relationOf(this.persons, ids, 'communities');
  }

  neighbourhoodsOf(ids: readonly string[]): Promise<Neighbourhood[][]> {
    return relationOf(this.persons, ids, 'neighbourhoods');
  }

  /** listForNeighbourhood for many neighbourhoods in one statement. */
  async listForNeighbourhoods(codes: readonly string[]): Promise<Person[][]> {
    const rows = await this.persons
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.neighbourhoods', 'active_in', 'active_in.code IN (:...codes)', { codes: [...codes] })
      .where('p.archivedAt IS NULL')
      .andWhere('(p.isKeyPerson = :yes OR p.isInterpreter = :yes)', { yes: true })
      .andWhere(
        listedSql((column) => `p.${column}`),
        listedParameters(this.unlistCutoff),
      )
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    return groupedByJoined(codes, rows, 'neighbourhoods', (n: Neighbourhood) => n.code);
  }

  /** Active key persons and interpreters working in a neighbourhood: the person partners on the neighbourhood page. */
  async listForNeighbourhood(code: string): Promise<Person[]> {
    const rows = await this.persons
      .createQueryBuilder('p')
      .innerJoin('p.neighbourhoods', 'active_in', 'active_in.code = :code', { code })
      .where('p.archivedAt IS NULL')
      .andWhere('(p.isKeyPerson = :yes OR p.isInterpreter = :yes)', { yes: true })
      .orderBy('p.name', 'ASC')
      .getMany();
    return loadInOrder(
      this.persons,
      rows.map((p) => p.id),
      RELATIONS,
    );
  }

  /** Persons who belong to a team or an organisation (candidates for its fixed contact person). */
  async listForParty(party: { teamId?: string; organisationId?: string }): Promise<Person[]> {
    const where = party.teamId ? { teamId: party.teamId } : { organisationId: party.organisationId };
    const rows = await this.persons.find({ where: { ...where }, order: { name: 'ASC' } });
    return loadInOrder(
      this.persons,
      rows.filter((p) => !p.archivedAt).map((p) => p.id),
      RELATIONS,
    );
  }

  async create(actor: Actor | null, input: CreatePersonInput): Promise<Person> {
    this.access.requireSignedIn(actor);
    const changes = this.cleaned(input);
    await this.assertParties(changes);
    const related = await this.resolveRelated(input);
    if (input.capabilities) changes.capabilities = await this.capabilityService.choose(input.capabilities, 'capabilities');
    const owners = await this.ownership.teamsOfNewPartner({
      teamId: changes.teamId,
      organisationId: changes.organisationId,
      neighbourhoodCodes: related.neighbourhoods?.map((n) => n.code),
    });
    assertMayWrite(actor, { before: null, after: owners, teamBefore: null, teamAfter: changes.teamId ?? null }, 'deze persoon');
    const person = this.persons.create({
      isDemo: false,
      externalId: null,
      archivedAt: null,
      isKeyPerson: false,
      isInterpreter: false,
      isContactPerson: false,
      interpreterFormal: null,
      registrationNumber: null,
      organisationId: null,
      teamId: null,
      phone: null,
      email: null,
      availabilityNote: null,
      doNotList: false,
      consentWithdrawnOn: null,
      capabilities: [],
      wishes: [],
      interpreterModes: [],
      communities: [],
      neighbourhoods: [],
    });
    applyChanges(person, changes, SCALAR_FIELDS);
    this.applyRolesAndConsent(person, input);
    // A new record is never verified until someone marks it "still correct" (or gives the date it was checked).
    person.lastVerifiedOn ??= null;
    await this.assertRules(person);
    await this.assertSupporter(actor, person, null, owners);
    const id = await this.withRegistrationConflict(person, () =>
      this.dataSource.transaction(async (em) => {
        const { languages, ...rest } = related;
        Object.assign(person, rest);
        person.languages = [];
        await em.save(person);
        await this.replaceLanguages(em, person, languages ?? []);
        await this.audit.record(em, actor, { action: 'createPerson', entityType: 'Person', entityId: person.id, after: auditView(person) });
        return person.id;
      }),
    );
    return this.get(id);
  }

  /** With `outer`, the change joins the caller's transaction (a moderation applies a proposal and records its decision together). */
  async update(actor: Actor | null, input: UpdatePersonInput, outer?: EntityManager): Promise<Person> {
    this.access.requireSignedIn(actor);
    const person = await this.get(input.id);
    assertNotArchived(person, 'Deze persoon');
    this.access.assertCanEdit(actor, await this.ownership.teamsOfPerson(person.id), 'deze persoon');
    const changes = this.cleaned(input);
    await this.assertParties(changes);
    const related = await this.resolveRelated(input, person);
    if (input.capabilities) changes.capabilities = await this.capabilityService.choose(input.capabilities, 'capabilities', person.capabilities);
    // Ownership of the record as it is and as it will be: the same rule as every import route.
    const teamBefore = person.teamId;
    const after = {
      teamId: changes.teamId !== undefined ? changes.teamId : person.teamId,
      organisationId: changes.organisationId !== undefined ? changes.organisationId : person.organisationId,
      neighbourhoodCodes: (related.neighbourhoods ?? person.neighbourhoods).map((n) => n.code),
    };
    const teamsAfter = await this.ownership.teamsOfPersonAfter(person.id, after);
    assertMayWrite(
      actor,
      {
        before: await this.ownership.teamsOfPerson(person.id),
        after: teamsAfter,
        teamBefore,
        teamAfter: after.teamId,
      },
      'deze persoon',
    );
    const before = auditView(person);
    const supporterBefore = person.supportedByUserId;
    applyChanges(person, changes, SCALAR_FIELDS);
    this.applyRolesAndConsent(person, input);
    await this.assertRules(person);
    await this.assertSupporter(actor, person, supporterBefore, teamsAfter);
    const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => (outer ? work(outer) : this.dataSource.transaction(work));
    await this.withRegistrationConflict(person, () =>
      inTransaction(async (em) => {
        const { languages, ...rest } = related;
        Object.assign(person, rest);
        person.updatedAt = nowIso();
        const currentLanguages = person.languages;
        person.languages = undefined as never; // languages are written below, not by cascade
        await em.save(person);
        person.languages = currentLanguages;
        if (languages) await this.replaceLanguages(em, person, languages);
        await this.audit.record(em, actor, { action: 'updatePerson', entityType: 'Person', entityId: person.id, before, after: auditView(person) });
      }),
    );
    return outer ? person : this.get(person.id);
  }

  async archive(actor: Actor | null, input: ArchiveInput): Promise<Person> {
    this.access.requireSignedIn(actor);
    const person = await this.get(input.id);
    assertNotArchived(person, 'Deze persoon');
    this.access.assertCanEdit(actor, await this.ownership.teamsOfPerson(person.id), 'deze persoon');
    await this.dataSource.transaction(async (em) => {
      const archivedAt = nowIso();
      await em.update(Person, { id: person.id }, { archivedAt, updatedAt: archivedAt });
      await this.audit.record(em, actor, {
        action: 'archivePerson',
        entityType: 'Person',
        entityId: person.id,
        before: { archivedAt: null },
        after: { archivedAt, reason: input.reason ?? null },
      });
    });
    return this.get(person.id);
  }

  private async replaceLanguages(em: import('typeorm').EntityManager, person: Person, languages: { code: string; level: PersonLanguage['level'] }[]) {
    await em.delete(PersonLanguage, { personId: person.id });
    if (languages.length) {
      await em.insert(
        PersonLanguage,
        languages.map((l) => ({ personId: person.id, languageCode: l.code, level: l.level })),
      );
    }
    person.languages = languages.map((l) => Object.assign(new PersonLanguage(), { personId: person.id, languageCode: l.code, level: l.level }));
  }

  private applyRolesAndConsent(person: Person, input: Partial<CreatePersonInput>): void {
    if (input.roles) {
      for (const [role, column] of Object.entries(ROLE_COLUMN)) person[column] = input.roles.includes(role as PersonRole);
    }
    // interpreterKind and interpreterFormal say the same; the one given sets the other (a fallback-list interpreter stays one when only "not formal" is said).
    if (input.interpreterKind !== undefined) person.interpreterFormal = input.interpreterKind ? input.interpreterKind === InterpreterKind.FORMAL : null;
    else if (input.interpreterFormal !== undefined) {
      const formal = input.interpreterFormal;
      person.interpreterKind =
        formal === true
          ? InterpreterKind.FORMAL
          : formal === false
            ? person.interpreterKind === InterpreterKind.FALLBACK_LIST
              ? InterpreterKind.FALLBACK_LIST
              : InterpreterKind.INFORMAL
            : null;
    }
    if (!person.isInterpreter) {
      person.interpreterFormal = null;
      person.interpreterKind = null;
      person.interpreterLevel = null;
      person.registrationEndsOn = null;
      person.interpreterModes = [];
    }
    if (!person.isKeyPerson) {
      // Training, volunteer contract, compensation, supporter and paid role are facts about key persons only.
      person.trainedKeyPerson = false;
      person.trainedOn = null;
      person.volunteerContract = false;
      person.volunteerContractStartsOn = null;
      person.volunteerContractEndsOn = null;
      person.compensationAmount = null;
      person.compensationPeriod = null;
      person.supportedBy = null;
      person.supportedByUserId = null;
      person.paidRole = false;
    }
    if (input.consent) {
      person.consentGivenOn = input.consent.givenOn;
      person.consentMethod = input.consent.method;
      person.consentRecordedBy = input.consent.recordedBy;
    }
  }

  /** The person rule set (person.rules.ts), on the record as it will be stored: the same rules as every import. */
  private async assertRules(person: Person): Promise<void> {
    const flat = person as unknown as Record<string, unknown>;
    normalisePerson(flat);
    const violations = personViolations(flat);
    if (!violations.length && person.registrationNumber) {
      const holder = await this.persons.findOne({ where: { registrationNumber: person.registrationNumber }, select: { id: true, name: true } });
      const duplicate = duplicateRegistrationViolation(flat, holder ?? undefined);
      if (duplicate) violations.push(duplicate);
    }
    assertNoViolations(violations, (field) => PERSON_INPUT_FIELD[field] ?? field);
  }

  /** Supporter accounts are personal data of users: signed-in roles that see personal data only. */
  maySeeSupporter(actor: Actor | null): boolean {
    return this.access.canSeePersonalData(actor);
  }

  async supportersByIds(ids: readonly string[]): Promise<(Supporter | null)[]> {
    const emails = await supporterEmails(this.dataSource.manager, ids);
    return ids.map((id) => (emails.has(id) ? { id, email: emails.get(id)! } : null));
  }

  /** Active accounts of the person's teams, of `teamId` and of the actor's own teams: what the supporter rule accepts. */
  async supporterCandidates(actor: Actor | null, personId: string | null, teamId: string | null): Promise<Supporter[]> {
    const signedIn = this.access.requirePersonalData(actor);
    const teamIds = new Set([...signedIn.teamIds, ...(teamId ? [teamId] : []), ...(personId ? await this.ownership.teamsOfPerson(personId) : [])]);
    return teamIds.size ? activeMembersOf(this.dataSource.manager, [...teamIds]) : [];
  }

  /**
   * A newly chosen supporter must be an active account of one of the person's teams or the writer's own (person.rules.ts).
   * Checked only when it changes: a supporter who later leaves the team does not block other edits of the record.
   */
  private async assertSupporter(actor: Actor | null, person: Person, before: string | null, personTeams: readonly string[]): Promise<void> {
    if (!person.supportedByUserId || person.supportedByUserId === before) return;
    const supporter = await loadSupporter(this.dataSource.manager, { id: person.supportedByUserId });
    const violation = supporterViolation(person as unknown as Record<string, unknown>, supporter, [...personTeams, ...(actor?.teamIds ?? [])]);
    if (violation) assertNoViolations([violation]);
  }

  /** Two writers with the same Rbtv number at once: the unique index refuses the second, reported like the rule. */
  private async withRegistrationConflict<T>(person: Person, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (person.registrationNumber && isUniqueViolation(error)) {
        const holder = await this.persons.findOne({ where: { registrationNumber: person.registrationNumber }, select: { id: true, name: true } });
        const duplicate = duplicateRegistrationViolation(person as unknown as Record<string, unknown>, holder ?? { id: '', name: 'een andere tolk' });
        if (duplicate) assertNoViolations([duplicate], (field) => PERSON_INPUT_FIELD[field] ?? field);
      }
      throw error;
    }
  }

  /** The team and organisation named must exist and not be archived. */
  private async assertParties(changes: Partial<Person>): Promise<void> {
    if (changes.organisationId) {
      const organisation = await this.dataSource.manager.findOneBy(Organisation, { id: changes.organisationId });
      if (!organisation) throw notFound('organisationId', `Organisatie '${changes.organisationId}' bestaat niet`);
      assertNotArchived(organisation, 'Deze organisatie', 'organisationId');
    }
    if (changes.teamId) {
      const team = await this.dataSource.manager.findOneBy(Team, { id: changes.teamId });
      if (!team) throw notFound('teamId', `Team '${changes.teamId}' bestaat niet`);
      assertNotArchived(team, 'Dit team', 'teamId');
    }
  }

  private cleaned(input: Partial<CreatePersonInput>): Partial<Person> {
    const out: Partial<Person> = {};
    for (const field of SCALAR_FIELDS) {
      const value = (input as Record<string, unknown>)[field];
      if (value !== undefined) (out as Record<string, unknown>)[field] = typeof value === 'string' ? blankToNull(value.trim()) : value;
    }
    if (out.topics) out.topics = [...new Set(out.topics)].sort();
    if (out.doNotList === null) out.doNotList = false;
    if (out.wishes) out.wishes = [...new Set(out.wishes)].sort();
    if (out.interpreterModes) out.interpreterModes = [...new Set(out.interpreterModes)].sort();
    return out;
  }

  private async resolveRelated(input: Partial<CreatePersonInput>, before?: Person) {
    const related: {
      languages?: { code: string; level: PersonLanguage['level'] }[];
      communities?: Person['communities'];
      neighbourhoods?: Person['neighbourhoods'];
    } = {};
    if (input.languages) {
      const seen = new Map<string, { code: string; level: PersonLanguage['level'] }>();
      input.languages.forEach((l, i) => {
        const language = this.languageService.resolve(l.language, `languages.${i}.language`);
        if (!seen.has(language.code)) seen.set(language.code, { code: language.code, level: l.level });
      });
      related.languages = [...seen.values()];
    }
    if (input.communityCodes) {
      const previous = (before?.communities ?? []).map((c) => c.code);
      related.communities = await this.communityService.getMany(input.communityCodes, 'communityCodes', previous);
    }
    if (input.neighbourhoodCodes) related.neighbourhoods = await this.neighbourhoodService.getMany(input.neighbourhoodCodes, 'neighbourhoodCodes');
    return related;
  }
}
