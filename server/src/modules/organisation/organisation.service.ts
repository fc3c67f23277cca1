import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { applyChanges, auditView } from '../../common/audit-view.js';
import { nowIso, todayIso } from '../../common/base.entity.js';
import { ArchiveInput } from '../../common/archive.input.js';
import { notFound } from '../../common/errors.js';
import { loadInOrder, toPage, type Page, PageInput } from '../../common/pagination.js';
import { assertNotArchived, blankToNull } from '../../common/validators.js';
import { assertNoViolations } from '../../common/rules.js';
import { containsPattern } from '../../common/text.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Actor } from '../auth/actor.js';
import { CommunityService } from '../community/community.service.js';
import { LanguageService } from '../language/language.service.js';
import { assertNeighbourhoodCode, NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';
import { OwnershipService } from '../ownership/ownership.service.js';
import { assertMayWrite } from '../ownership/write-rule.js';
import { OrganisationFilter } from './dto/organisation-filter.input.js';
import { CreateOrganisationInput, UpdateOrganisationInput } from './dto/organisation.input.js';
import { Organisation } from './organisation.entity.js';
import { normaliseOrganisation, organisationViolations } from './organisation.rules.js';

const SCALAR_FIELDS = ['name', 'kind', 'description', 'website', 'phone', 'email', 'address', 'postcode', 'city', 'lat', 'lon', 'lastVerifiedOn'] as const;
const RELATIONS = { languages: true, communities: true, neighbourhoods: true } as const;

@Injectable()
export class OrganisationService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly languageService: LanguageService,
    private readonly communityService: CommunityService,
    private readonly neighbourhoodService: NeighbourhoodService,
    private readonly ownership: OwnershipService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /** Active (not archived) organisations matching the filter, by name, one page at a time. */
  async search(filter: OrganisationFilter = {}, page: PageInput = new PageInput()): Promise<Page<Organisation>> {
    const qb = this.organisations.createQueryBuilder('o').where('o.archivedAt IS NULL');
    if (filter.language) {
      const language = this.languageService.resolve(filter.language, 'filter.language');
      qb.innerJoin('o.languages', 'spoken', 'spoken.code = :language', { language: language.code });
    }
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.neighbourhoodCode) {
      const code = assertNeighbourhoodCode(filter.neighbourhoodCode, 'filter.neighbourhoodCode');
      qb.innerJoin('o.neighbourhoods', 'served', 'served.code = :code', { code });
    }
    // Same normal form as stored names (NFC, no zero-width characters); % and _ are taken literally.
    if (filter.name?.trim()) qb.andWhere("LOWER(o.name) LIKE :name ESCAPE '\\'", { name: containsPattern(filter.name) });

    const [rows, totalCount] = await qb.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
    return toPage(await loadInOrder(this.organisations, rows.map((o) => o.id), RELATIONS), totalCount, page);
  }

  findById(id: string): Promise<Organisation | null> {
    return this.organisations.findOne({ where: { id }, relations: RELATIONS });
  }

  /** Active organisations serving a neighbourhood: the partners on the neighbourhood page. */
  async listForNeighbourhood(code: string): Promise<Organisation[]> {
    const rows = await this.organisations.createQueryBuilder('o')
      .innerJoin('o.neighbourhoods', 'served', 'served.code = :code', { code })
      .where('o.archivedAt IS NULL').orderBy('o.name', 'ASC').getMany();
    return loadInOrder(this.organisations, rows.map((o) => o.id), RELATIONS);
  }

  /** The organisation, or NOT_FOUND naming the field. */
  async get(id: string, field = 'id'): Promise<Organisation> {
    const found = await this.findById(id);
    if (!found) throw notFound(field, `Organisatie '${id}' bestaat niet`);
    return found;
  }

  async create(actor: Actor | null, input: CreateOrganisationInput): Promise<Organisation> {
    this.access.requireSignedIn(actor);
    const related = await this.resolveRelated(input);
    const owners = await this.ownership.teamsOfNewPartner({ neighbourhoodCodes: related.neighbourhoods?.map((n) => n.code) });
    assertMayWrite(actor, { before: null, after: owners }, 'deze organisatie');
    const id = await this.dataSource.transaction(async (em) => {
      const organisation = em.create(Organisation, { isDemo: false, externalId: null, archivedAt: null, languages: [], communities: [], neighbourhoods: [] });
      applyChanges(organisation, this.cleaned(input), SCALAR_FIELDS);
      Object.assign(organisation, related);
      organisation.lastVerifiedOn ??= todayIso(); // whoever registers it has just checked it
      this.assertRules(organisation);
      await em.save(organisation);
      await this.audit.record(em, actor, { action: 'createOrganisation', entityType: 'Organisation', entityId: organisation.id, after: auditView(organisation) });
      return organisation.id;
    });
    return this.get(id);
  }

  async update(actor: Actor | null, input: UpdateOrganisationInput): Promise<Organisation> {
    this.access.requireSignedIn(actor);
    const organisation = await this.get(input.id);
    assertNotArchived(organisation, 'Deze organisatie');
    this.access.assertCanEdit(actor, await this.ownership.teamsOfOrganisation(organisation.id), 'deze organisatie');
    const related = await this.resolveRelated(input);
    // Ownership of the record as it is and as it will be: the same rule as every import route.
    assertMayWrite(actor, {
      before: await this.ownership.teamsOfOrganisation(organisation.id),
      after: await this.ownership.teamsOfOrganisationAfter(organisation.id, (related.neighbourhoods ?? organisation.neighbourhoods).map((n) => n.code)),
    }, 'deze organisatie');
    await this.dataSource.transaction(async (em) => {
      const before = auditView(organisation);
      applyChanges(organisation, this.cleaned(input), SCALAR_FIELDS);
      Object.assign(organisation, related);
      this.assertRules(organisation);
      organisation.updatedAt = nowIso();
      await em.save(organisation);
      await this.audit.record(em, actor, { action: 'updateOrganisation', entityType: 'Organisation', entityId: organisation.id, before, after: auditView(organisation) });
    });
    return this.get(organisation.id);
  }

  async archive(actor: Actor | null, input: ArchiveInput): Promise<Organisation> {
    this.access.requireSignedIn(actor);
    const organisation = await this.get(input.id);
    assertNotArchived(organisation, 'Deze organisatie');
    this.access.assertCanEdit(actor, await this.ownership.teamsOfOrganisation(organisation.id), 'deze organisatie');
    await this.dataSource.transaction(async (em) => {
      const archivedAt = nowIso();
      await em.update(Organisation, { id: organisation.id }, { archivedAt, updatedAt: archivedAt });
      await this.audit.record(em, actor, {
        action: 'archiveOrganisation', entityType: 'Organisation', entityId: organisation.id,
        before: { archivedAt: null }, after: { archivedAt, reason: input.reason ?? null },
      });
    });
    return this.get(organisation.id);
  }

  /** Input with blanks as null; the rule set (assertRules) brings text, phone and postcode into their stored form. */
  private cleaned(input: Partial<CreateOrganisationInput>): Partial<Organisation> {
    const out: Partial<Organisation> = {};
    for (const field of SCALAR_FIELDS) {
      const value = (input as Record<string, unknown>)[field];
      if (value !== undefined) (out as Record<string, unknown>)[field] = typeof value === 'string' ? blankToNull(value.trim()) : value;
    }
    return out;
  }

  /** The organisation rule set (organisation.rules.ts), on the record as it will be stored: the same rules as every import. */
  private assertRules(organisation: Organisation): void {
    normaliseOrganisation(organisation as unknown as Record<string, unknown>);
    assertNoViolations(organisationViolations(organisation as unknown as Record<string, unknown>));
  }

  /** Languages, communities and neighbourhoods named in the input, checked before anything is written. */
  private async resolveRelated(input: Partial<CreateOrganisationInput>): Promise<Partial<Organisation>> {
    const related: Partial<Organisation> = {};
    if (input.languageCodes) related.languages = this.languageService.resolveAll(input.languageCodes, 'languageCodes');
    if (input.communityCodes) related.communities = await this.communityService.getMany(input.communityCodes, 'communityCodes');
    if (input.neighbourhoodCodes) related.neighbourhoods = await this.neighbourhoodService.getMany(input.neighbourhoodCodes, 'neighbourhoodCodes');
    return related;
  }

}
