import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { listedParameters, listedSql, unlistCutoff, whereListed } from '../../common/listing.js';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import { byKey, groupedByJoined, relationOf } from '../../common/loaders.js';
import type { Community } from '../community/community.entity.js';
import type { Language } from '../language/language.entity.js';
import type { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { applyChanges, auditView } from '../../common/audit-view.js';
import { nowIso } from '../../common/base.entity.js';
import { ArchiveInput } from '../../common/archive.input.js';
import { DomainError, notFound } from '../../common/errors.js';
import { loadInOrder, toPage, type Page, PageInput } from '../../common/pagination.js';
import { assertNotArchived, blankToNull } from '../../common/validators.js';
import { assertNoViolations } from '../../common/rules.js';
import { containsPattern } from '../../common/text.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import { type Actor, UserRole } from '../auth/actor.js';
import { CommunityService } from '../community/community.service.js';
import { LanguageService } from '../language/language.service.js';
import { assertNeighbourhoodCode, NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';
import { OwnershipService } from '../ownership/ownership.service.js';
import { assertMayWrite } from '../ownership/write-rule.js';
import { OrganisationFilter } from './dto/organisation-filter.input.js';
import { CreateOrganisationInput, UpdateOrganisationInput } from './dto/organisation.input.js';
import { LocationSource, Organisation } from './organisation.entity.js';
import { normaliseOrganisation, organisationMunicipalityViolation, organisationViolations } from './organisation.rules.js';
import { municipalitiesOfActor, municipalityOfNeighbourhoods, refreshOrganisationMunicipalities } from '../neighbourhood/municipality-scope.js';
import { NearbyService } from '../nearby/nearby.service.js';
import { PROFILE_SCALAR_FIELDS } from '../capability/dto/profile.input.js';
import { CapabilityService } from '../capability/capability.service.js';
import { PostcodeService } from '../postcode/postcode.service.js';

const SCALAR_FIELDS = [
  'name',
  'kind',
  'description',
  'website',
  'phone',
  'email',
  'address',
  'postcode',
  'city',
  'lat',
  'lon',
  'lastVerifiedOn',
  'doNotList',
  'topics',
  ...PROFILE_SCALAR_FIELDS,
] as const;
const RELATIONS = { languages: true, communities: true, neighbourhoods: true } as const;

@Injectable()
export class OrganisationService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly languageService: LanguageService,
    private readonly communityService: CommunityService,
    private readonly capabilityService: CapabilityService,
    private readonly neighbourhoodService: NeighbourhoodService,
    private readonly ownership: OwnershipService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly postcodes: PostcodeService,
    private readonly nearby: NearbyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Active (not archived) organisations matching the filter, by name, one page at a time. */
  async search(filter: OrganisationFilter = {}, page: PageInput = new PageInput(), actor: Actor | null = null): Promise<Page<Organisation>> {
    const qb = await this.filtered(filter, await this.visibleUnlisted(actor));
    const [rows, totalCount] = await qb.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
    return toPage(
      await loadInOrder(
        this.organisations,
        rows.map((o) => o.id),
        RELATIONS,
      ),
      totalCount,
      page,
    );
  }

  /** Every active organisation matching the filter with its venue point, in one query: for the clustered map. `total` counts those without a point too. */
  async mapPoints(filter: OrganisationFilter = {}): Promise<{ total: number; points: { id: string; name: string; lat: number; lon: number }[] }> {
    // One filter (its "near" lookup reads buurten and venues): counted on a clone, then the rows.
    const query = await this.filtered(filter);
    const total = await query.clone().getCount();
    const rows = await query
      .andWhere('o.lat IS NOT NULL')
      .andWhere('o.lon IS NOT NULL')
      .select('o.id', 'id')
      .addSelect('o.name', 'name')
      .addSelect('o.lat', 'lat')
      .addSelect('o.lon', 'lon')
      .orderBy('o.id', 'ASC')
      .getRawMany<{ id: string; name: string; lat: number | string; lon: number | string }>();
    return { total, points: rows.map((r) => ({ id: r.id, name: r.name, lat: Number(r.lat), lon: Number(r.lon) })) };
  }

  /**
   * A fingerprint of everything mapPoints() reads: it changes with every insert, change or archiving (each
   * sets updatedAt), so a cached map can be reused until it does. Two aggregates, no rows.
   */
  async mapVersion(): Promise<string> {
    const row = await this.organisations
      .createQueryBuilder('o')
      .select('COUNT(*)', 'n')
      .addSelect('MAX(o.updatedAt)', 'm')
      // Verifying does not touch updatedAt, but can list an entry again: the listed count and the latest verification too.
      .addSelect(`SUM(CASE WHEN ${listedSql((column) => `o.${column}`)} THEN 1 ELSE 0 END)`, 'l')
      .addSelect('MAX(o.lastVerifiedOn)', 'v')
      .setParameters(listedParameters(this.unlistCutoff))
      .getRawOne<{ n: number | string; m: string | null; l: number | string | null; v: string | null }>();
    // The cutoff too: an entry drops off the map when the day comes that it is no longer listed.
    return `${row?.n ?? 0}@${row?.m ?? ''}@${row?.l ?? 0}@${row?.v ?? ''}@${this.unlistCutoff}`;
  }

  /** The active organisations matching a filter, as a query to page or to count. */
  /**
   * Unlisted entries (common/listing.ts) a caller still sees in lists: all for an administrator, their own teams' for
   * others; none on the map.
   */
  private async visibleUnlisted(actor: Actor | null): Promise<'all' | string[]> {
    if (actor?.role === UserRole.ADMINISTRATOR) return 'all';
    return actor?.teamIds.length ? [...(await this.ownership.organisationsOfTeams(actor.teamIds))] : [];
  }

  private get unlistCutoff(): string {
    return unlistCutoff(this.config.unlistAfterMonths);
  }

  /** The active, listed entries matching a filter (plus the unlisted ones in `alsoVisible`), as a query to page or to count. */
  private async filtered(filter: OrganisationFilter, alsoVisible: 'all' | string[] = []) {
    const qb = whereListed(this.organisations.createQueryBuilder('o').where('o.archivedAt IS NULL'), 'o', this.unlistCutoff, alsoVisible);
    if (filter.near) {
      // Near = the venue within the radius, or serving a neighbourhood whose centre is within it.
      const area = await this.nearby.resolve(filter.near);
      const { minLat, maxLat, minLon, maxLon } = area.box;
      const venues = await this.organisations
        .createQueryBuilder('v')
        .select(['v.id AS id', 'v.lat AS lat', 'v.lon AS lon'])
        .where('v.lat BETWEEN :minLat AND :maxLat AND v.lon BETWEEN :minLon AND :maxLon', { minLat, maxLat, minLon, maxLon })
        .getRawMany<{ id: string; lat: number | string; lon: number | string }>();
      const venueIds = venues.filter((v) => area.contains(Number(v.lat), Number(v.lon))).map((v) => v.id);
      qb.andWhere(
        '(o.id IN (:...nearVenueIds) OR o.id IN (SELECT near_on."organisationId" FROM organisation_neighbourhood near_on WHERE near_on."neighbourhoodCode" IN (:...nearCodes)))',
        { nearVenueIds: venueIds.length ? venueIds : [''], nearCodes: area.neighbourhoodCodes.length ? area.neighbourhoodCodes : [''] },
      );
    }
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
    return qb;
  }

  findById(id: string): Promise<Organisation | null> {
    return this.organisations.findOne({ where: { id }, relations: RELATIONS });
  }

  /** Organisations by id, in the order of `ids` (null where none). */
  async findByIds(ids: readonly string[]): Promise<(Organisation | null)[]> {
    return byKey(ids, await this.organisations.find({ where: { id: In([...ids]) } }), (o) => o.id);
  }

  languagesOf(ids: readonly string[]): Promise<Language[][]> {
    return relationOf(this.organisations, ids, 'languages');
  }

  communitiesOf(ids: readonly string[]): Promise<Community[][]> {
    return relationOf(this.organisations, ids, 'communities');
  }

  neighbourhoodsOf(ids: readonly string[]): Promise<Neighbourhood[][]> {
    return relationOf(this.organisations, ids, 'neighbourhoods');
  }

  /** listForNeighbourhood for many neighbourhoods in one statement. */
  async listForNeighbourhoods(codes: readonly string[]): Promise<Organisation[][]> {
    const rows = await this.organisations
      .createQueryBuilder('o')
      .innerJoinAndSelect('o.neighbourhoods', 'served', 'served.code IN (:...codes)', { codes: [...codes] })
      .where('o.archivedAt IS NULL')
      .andWhere(
        listedSql((column) => `o.${column}`),
        listedParameters(this.unlistCutoff),
      )
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
    return groupedByJoined(codes, rows, 'neighbourhoods', (n: Neighbourhood) => n.code);
  }

  /** Active organisations serving a neighbourhood: the partners on the neighbourhood page. */
  async listForNeighbourhood(code: string): Promise<Organisation[]> {
    const rows = await this.organisations
      .createQueryBuilder('o')
      .innerJoin('o.neighbourhoods', 'served', 'served.code = :code', { code })
      .where('o.archivedAt IS NULL')
      .orderBy('o.name', 'ASC')
      .getMany();
    return loadInOrder(
      this.organisations,
      rows.map((o) => o.id),
      RELATIONS,
    );
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
    if (input.capabilities) related.capabilities = await this.capabilityService.choose(input.capabilities, 'capabilities');
    const owners = await this.ownership.teamsOfNewPartner({ neighbourhoodCodes: related.neighbourhoods?.map((n) => n.code) });
    assertMayWrite(actor, { before: null, after: owners }, 'deze organisatie');
    const mine = await this.assertMunicipality(actor!, null, related.neighbourhoods?.map((n) => n.code) ?? []);
    const id = await this.dataSource.transaction(async (em) => {
      const organisation = em.create(Organisation, {
        isDemo: false,
        externalId: null,
        archivedAt: null,
        topics: [],
        capabilities: [],
        wishes: [],
        languages: [],
        communities: [],
        neighbourhoods: [],
      });
      const changes = this.cleaned(input);
      applyChanges(organisation, changes, SCALAR_FIELDS);
      this.place(organisation, changes, true);
      Object.assign(organisation, related);
      // A new record is never verified until someone marks it "still correct" (or gives the date it was checked).
      organisation.lastVerifiedOn ??= null;
      this.assertRules(organisation);
      // Without buurten a coordinator's new organisation belongs to their municipality; otherwise to that of its buurten.
      organisation.municipalityCode = mine?.length === 1 ? mine[0] : null;
      await em.save(organisation);
      await refreshOrganisationMunicipalities(em, [organisation.id]);
      await this.audit.record(em, actor, {
        action: 'createOrganisation',
        entityType: 'Organisation',
        entityId: organisation.id,
        after: auditView(organisation),
      });
      return organisation.id;
    });
    return this.get(id);
  }

  /** With `outer`, the change joins the caller's transaction (a moderation applies a proposal and records its decision together). */
  async update(actor: Actor | null, input: UpdateOrganisationInput, outer?: EntityManager): Promise<Organisation> {
    this.access.requireSignedIn(actor);
    const organisation = await this.get(input.id);
    assertNotArchived(organisation, 'Deze organisatie');
    this.access.assertCanEdit(actor, await this.ownership.teamsOfOrganisation(organisation.id), 'deze organisatie');
    const related = await this.resolveRelated(input, organisation);
    if (input.capabilities) related.capabilities = await this.capabilityService.choose(input.capabilities, 'capabilities', organisation.capabilities);
    // Ownership of the record as it is and as it will be: the same rule as every import route.
    assertMayWrite(
      actor,
      {
        before: await this.ownership.teamsOfOrganisation(organisation.id),
        after: await this.ownership.teamsOfOrganisationAfter(
          organisation.id,
          (related.neighbourhoods ?? organisation.neighbourhoods).map((n) => n.code),
        ),
      },
      'deze organisatie',
    );
    await this.assertMunicipality(
      actor!,
      organisation.municipalityCode,
      (related.neighbourhoods ?? organisation.neighbourhoods).map((n) => n.code),
    );
    const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => (outer ? work(outer) : this.dataSource.transaction(work));
    await inTransaction(async (em) => {
      const before = auditView(organisation);
      const changes = this.cleaned(input);
      applyChanges(organisation, changes, SCALAR_FIELDS);
      this.place(organisation, changes, false);
      Object.assign(organisation, related);
      this.assertRules(organisation);
      organisation.updatedAt = nowIso();
      await em.save(organisation);
      await refreshOrganisationMunicipalities(em, [organisation.id]);
      await this.audit.record(em, actor, {
        action: 'updateOrganisation',
        entityType: 'Organisation',
        entityId: organisation.id,
        before,
        after: auditView(organisation),
      });
    });
    return outer ? organisation : this.get(organisation.id);
  }

  /** A region (issue 12): a coordinator writes only their municipalities' organisations. Returns the actor's municipalities (null: all). */
  private async assertMunicipality(actor: Actor, before: string | null, neighbourhoodCodes: string[]): Promise<string[] | null> {
    const em = this.dataSource.manager;
    const mine = await municipalitiesOfActor(em, actor);
    const after = (await municipalityOfNeighbourhoods(em, neighbourhoodCodes)) ?? before;
    const refused = organisationMunicipalityViolation(mine, { before, after }, 'deze organisatie');
    if (refused) throw new DomainError(refused.code, refused.message, refused.field, { rule: refused.rule });
    return mine;
  }

  async archive(actor: Actor | null, input: ArchiveInput): Promise<Organisation> {
    this.access.requireSignedIn(actor);
    const organisation = await this.get(input.id);
    assertNotArchived(organisation, 'Deze organisatie');
    this.access.assertCanEdit(actor, await this.ownership.teamsOfOrganisation(organisation.id), 'deze organisatie');
    await this.assertMunicipality(actor!, organisation.municipalityCode, []);
    await this.dataSource.transaction(async (em) => {
      const archivedAt = nowIso();
      await em.update(Organisation, { id: organisation.id }, { archivedAt, updatedAt: archivedAt });
      await this.audit.record(em, actor, {
        action: 'archiveOrganisation',
        entityType: 'Organisation',
        entityId: organisation.id,
        before: { archivedAt: null },
        after: { archivedAt, reason: input.reason ?? null },
      });
    });
    return this.get(organisation.id);
  }

  /**
   * Where the venue shows on the map. A point given with the input is MANUAL. Without one, an organisation
   * with a postcode (or a postcode in its address) is placed at the centre of that PC4 area (POSTCODE), and
   * placed again when its postcode or address changes; a MANUAL point stays until it is changed or cleared.
   */
  private place(organisation: Organisation, changes: Partial<Organisation>, isNew: boolean): void {
    const pointGiven = changes.lat != null && changes.lon != null;
    if (pointGiven) {
      organisation.locationSource = LocationSource.MANUAL;
      return;
    }
    const pointCleared = changes.lat === null || changes.lon === null;
    const addressChanged = changes.postcode !== undefined || changes.address !== undefined;
    const placedByPostcode = organisation.locationSource === LocationSource.POSTCODE;
    const unplaced = organisation.lat == null || organisation.lon == null;
    if (!(isNew || pointCleared || unplaced || (addressChanged && placedByPostcode))) return;
    const found =
      (organisation.postcode && this.postcodes.lookup(organisation.postcode)) || (organisation.address && this.postcodes.lookup(organisation.address)) || null;
    if (found) {
      organisation.lat = found.lat;
      organisation.lon = found.lon;
      organisation.locationSource = LocationSource.POSTCODE;
    } else if (pointCleared || placedByPostcode || unplaced) {
      organisation.lat = null;
      organisation.lon = null;
      organisation.locationSource = null;
    }
  }

  /** Input with blanks as null; the rule set (assertRules) brings text, phone and postcode into their stored form. */
  private cleaned(input: Partial<CreateOrganisationInput>): Partial<Organisation> {
    const out: Partial<Organisation> = {};
    for (const field of SCALAR_FIELDS) {
      const value = (input as Record<string, unknown>)[field];
      if (value !== undefined) (out as Record<string, unknown>)[field] = typeof value === 'string' ? blankToNull(value.trim()) : value;
    }
    if (out.doNotList === null) out.doNotList = false;
    delete out.capabilities; // checked against the managed list (resolveRelated's caller)
    return out;
  }

  /** The organisation rule set (organisation.rules.ts), on the record as it will be stored: the same rules as every import. */
  private assertRules(organisation: Organisation): void {
    normaliseOrganisation(organisation as unknown as Record<string, unknown>);
    assertNoViolations(organisationViolations(organisation as unknown as Record<string, unknown>));
  }

  /** Languages, communities and neighbourhoods named in the input, checked before anything is written. */
  private async resolveRelated(input: Partial<CreateOrganisationInput>, before?: Organisation): Promise<Partial<Organisation>> {
    const related: Partial<Organisation> = {};
    if (input.languageCodes) related.languages = this.languageService.resolveAll(input.languageCodes, 'languageCodes');
    if (input.communityCodes) {
      const previous = (before?.communities ?? []).map((c) => c.code);
      related.communities = await this.communityService.getMany(input.communityCodes, 'communityCodes', previous);
    }
    if (input.neighbourhoodCodes) related.neighbourhoods = await this.neighbourhoodService.getMany(input.neighbourhoodCodes, 'neighbourhoodCodes');
    return related;
  }
}
