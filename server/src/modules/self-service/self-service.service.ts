import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { nowIso, todayIso } from '../../common/base.entity.js';
import { badInput, DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { unlistCutoff, unlistReason, type UnlistReason } from '../../common/listing.js';
import { toPage, type Page, PageInput } from '../../common/pagination.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import { type Actor, UserRole } from '../auth/actor.js';
import { LanguageService } from '../language/language.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { organisationViolations, normaliseOrganisation } from '../organisation/organisation.rules.js';
import { OwnershipService } from '../ownership/ownership.service.js';
import { Person } from '../person/person.entity.js';
import { PersonService } from '../person/person.service.js';
import { normalisePerson, personViolations } from '../person/person.rules.js';
import type {
  AcceptChangeProposalInput,
  ChangeProposalFilter,
  CreateSelfServiceLinkInput,
  DeclineChangeProposalInput,
  ProposeChangeInput,
} from './dto/self-service.input.js';
import { type Changes, checkShape, PROPOSABLE, type ProposedLanguage } from './proposable-fields.js';
import { ChangeProposal, PartnerType, ProposalStatus, SelfServiceLink } from './self-service.entity.js';
import { SelfServiceMailer } from './self-service.mailer.js';
import type { ChangeProposalView, CreatedSelfServiceLink, SelfServiceEntry } from './self-service.models.js';
import { SelfServiceRepository } from './self-service.repository.js';

/** One message for every link that does not work: expired, used, revoked or guessed. It never says whether an entry exists. */
export const INVALID_LINK_MESSAGE =
  'Deze link werkt niet (meer). Misschien is hij verlopen of al gebruikt. Vraag uw contactpersoon bij het buurtteam om een nieuwe link.';
export const PAGE_PATH = '/eigen-gegevens/';
const BY_PARTNER = 'de partner via een persoonlijke link';
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const WHAT = { [PartnerType.PERSON]: 'deze persoon', [PartnerType.ORGANISATION]: 'deze organisatie' } as const;
const ENTITY_NAME = { [PartnerType.PERSON]: 'Person', [PartnerType.ORGANISATION]: 'Organisation' } as const;

type Partner = Person | Organisation;

/**
 * Partner self-service (issue 14): personal links, the entry a link opens, "still correct" and proposals from the
 * partner, and their moderation by a coordinator of the owning team or an administrator. An accepted proposal is
 * written by PersonService/OrganisationService.update, so the same rules hold as on every other write route.
 */
@Injectable()
export class SelfServiceService {
  private readonly logger = new Logger('SelfService');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: SelfServiceRepository,
    private readonly persons: PersonService,
    private readonly organisations: OrganisationService,
    private readonly languages: LanguageService,
    private readonly ownership: OwnershipService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly mailer: SelfServiceMailer,
    private readonly dataSource: DataSource,
  ) {}

  // --- Links (team members) ---------------------------------------------------------------------

  private owners(type: PartnerType, id: string): Promise<string[]> {
    return type === PartnerType.PERSON ? this.ownership.teamsOfPerson(id) : this.ownership.teamsOfOrganisation(id);
  }

  private async partner(type: PartnerType, id: string, field = 'entityId'): Promise<Partner> {
    const found = type === PartnerType.PERSON ? await this.persons.findById(id) : await this.organisations.findById(id);
    if (!found) throw notFound(field, `'${id}' bestaat niet`);
    return found;
  }

  /** A member or coordinator of a team the entry belongs to, or an administrator (a coordinator also for an entry of no team). */
  private async assertTeamMember(actor: Actor | null, type: PartnerType, id: string): Promise<Actor> {
    const signedIn = this.access.requirePersonalData(actor);
    if (signedIn.role === UserRole.ADMINISTRATOR) return signedIn;
    const owners = await this.owners(type, id);
    if (owners.length === 0 ? signedIn.role === UserRole.COORDINATOR : owners.some((t) => signedIn.teamIds.includes(t))) return signedIn;
    throw new DomainError(ErrorCode.FORBIDDEN, `U mag geen link maken voor ${WHAT[type]}: het hoort niet bij uw team`, 'entityId');
  }

  async createLink(actor: Actor | null, input: CreateSelfServiceLinkInput): Promise<CreatedSelfServiceLink> {
    const signedIn = await this.assertTeamMember(actor, input.entityType, input.entityId);
    const partner = await this.partner(input.entityType, input.entityId);
    if (partner.archivedAt) throw new DomainError(ErrorCode.ARCHIVED, 'Dit record is gearchiveerd: maak er geen link voor', 'entityId');
    if (input.emailTo && !this.mailer.configured) {
      throw badInput('emailTo', 'E-mail is niet ingesteld op deze server (SMTP_URL): kopieer de link en geef hem zelf aan de partner');
    }
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const link = Object.assign(new SelfServiceLink(), {
      id: randomUUID(),
      tokenHash: hashOf(token),
      entityType: input.entityType,
      entityId: partner.id,
      singleUse: input.singleUse ?? false,
      expiresAt: new Date(now + (input.validDays ?? this.config.selfService.linkDays) * 86_400_000).toISOString(),
      usedAt: null as string | null,
      revokedAt: null as string | null,
      emailedAt: null as string | null,
      createdAt: new Date(now).toISOString(),
      createdByUserId: signedIn.userId,
      createdByEmail: signedIn.email,
    });
    await this.dataSource.transaction(async (em) => {
      await this.repository.insertLink(link, em);
      const { tokenHash: _never, ...view } = link;
      await this.audit.record(em, signedIn, {
        action: 'createSelfServiceLink',
        entityType: ENTITY_NAME[link.entityType],
        entityId: link.entityId,
        after: view,
      });
    });
    const path = `${PAGE_PATH}${token}`;
    const url = `${this.config.publicUrl ?? `http://localhost:${this.config.port}`}${path}`;
    let emailedTo: string | null = null;
    if (input.emailTo) {
      try {
        await this.mailer.sendLink(input.emailTo, partner.name, url, link.expiresAt, link.singleUse);
      } catch (error) {
        this.logger.warn(`E-mail met link niet verstuurd: ${String(error)}`);
        // The link exists; the team can still copy it.
        throw new DomainError(
          ErrorCode.BAD_USER_INPUT,
          'De e-mail kon niet worden verstuurd. De link is wel gemaakt: trek hem in en probeer het opnieuw, of kopieer hem',
          'emailTo',
          {
            linkId: link.id,
          },
        );
      }
      emailedTo = input.emailTo;
      const emailedAt = nowIso();
      link.emailedAt = emailedAt;
      await this.repository.markEmailed(link.id, emailedAt);
    }
    return { link, token, path, url, emailedTo };
  }

  mailConfigured(actor: Actor | null): boolean {
    this.access.requireSignedIn(actor);
    return this.mailer.configured;
  }

  async revokeLink(actor: Actor | null, id: string): Promise<SelfServiceLink> {
    const link = await this.repository.linkById(id);
    if (!link) throw notFound('id', `Link '${id}' bestaat niet`);
    const signedIn = await this.assertTeamMember(actor, link.entityType, link.entityId);
    if (!link.revokedAt) {
      const at = nowIso();
      await this.dataSource.transaction(async (em) => {
        await this.repository.revoke(link.id, at, em);
        await this.audit.record(em, signedIn, {
          action: 'revokeSelfServiceLink',
          entityType: ENTITY_NAME[link.entityType],
          entityId: link.entityId,
          before: { linkId: link.id, revokedAt: null },
          after: { linkId: link.id, revokedAt: at },
        });
      });
      link.revokedAt = at;
    }
    return link;
  }

  async links(actor: Actor | null, type: PartnerType, entityId: string, page: PageInput = new PageInput()): Promise<Page<SelfServiceLink>> {
    await this.assertTeamMember(actor, type, entityId);
    const [items, total] = await this.repository.linksOf(entityId, page.offset, page.limit);
    return toPage(items, total, page);
  }

  // --- Through the link (no account) ------------------------------------------------------------

  /**
   * The link a token opens, or the one error for every token that does not work. Failures are counted per client
   * address in the database (every process sees them); past SELF_SERVICE_MAX_FAILURES in the window, even a good
   * token waits, so guessing gains nothing.
   */
  private async open(token: string, address: string): Promise<{ link: SelfServiceLink; partner: Partner }> {
    const { maxFailures, windowMs } = this.config.selfService;
    const now = Date.now();
    const where = address.slice(0, 64);
    const failures = await this.repository.failuresSince(where, new Date(now - windowMs).toISOString());
    if (failures.n >= maxFailures) {
      const minutes = Math.max(1, Math.ceil((Date.parse(failures.first!) + windowMs - now) / 60_000));
      throw new DomainError(ErrorCode.RATE_LIMITED, `Te veel pogingen met een link die niet werkt. Probeer het over ${minutes} minuten opnieuw.`, 'token', {
        retryAfterSeconds: minutes * 60,
      });
    }
    const link = typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.repository.linkByHash(hashOf(token)) : null;
    const partner = link && (await this.works(link, now)) ? await this.partner(link.entityType, link.entityId, 'token').catch(() => null) : null;
    if (!link || !partner || partner.archivedAt || (partner instanceof Person && partner.erasedAt)) {
      await this.repository.recordFailure(where, new Date(now).toISOString());
      if (Math.random() < 0.05) await this.repository.pruneFailures(new Date(now - windowMs).toISOString());
      throw new DomainError(ErrorCode.INVALID_LINK, INVALID_LINK_MESSAGE, 'token');
    }
    return { link, partner };
  }

  private async works(link: SelfServiceLink, now: number): Promise<boolean> {
    return !link.revokedAt && Date.parse(link.expiresAt) > now && !(link.singleUse && link.usedAt);
  }

  async entry(token: string, address: string): Promise<SelfServiceEntry> {
    const { link, partner } = await this.open(token, address);
    return this.entryOf(link, partner);
  }

  private async entryOf(link: SelfServiceLink, partner: Partner): Promise<SelfServiceEntry> {
    const person = partner instanceof Person ? partner : null;
    const organisation = partner instanceof Organisation ? partner : null;
    const languages = person
      ? person.languages.map((l) => ({ code: l.languageCode, level: l.level }))
      : (organisation?.languages ?? []).map((l) => ({ code: l.code, level: null }));
    return {
      entityType: link.entityType,
      name: partner.name,
      languages: languages.map((l) => {
        const language = this.languages.byCode(l.code);
        return { code: l.code, nameNl: language?.nameNl ?? l.code, nameEn: language?.nameEn ?? l.code, level: l.level };
      }),
      availability: person?.availability ?? null,
      availabilityNote: person?.availabilityNote ?? null,
      phone: partner.phone,
      email: partner.email,
      website: organisation?.website ?? null,
      description: organisation?.description ?? null,
      topics: person?.topics ?? [],
      doNotList: !!partner.doNotList,
      consentWithdrawn: !!person?.consentWithdrawnOn,
      lastVerifiedOn: partner.lastVerifiedOn,
      proposalPending: await this.repository.hasPending(partner.id),
      singleUse: link.singleUse,
      expiresAt: link.expiresAt,
      proposableFields: Object.keys(PROPOSABLE[link.entityType]),
    };
  }

  /** "Still correct": counts as verification (lastVerifiedOn, as markVerified sets it), in the audit log as by the partner. */
  async confirm(token: string, address: string): Promise<SelfServiceEntry> {
    const { link, partner } = await this.open(token, address);
    const today = todayIso();
    const now = nowIso();
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.markUsed(link, now, em))) throw new DomainError(ErrorCode.INVALID_LINK, INVALID_LINK_MESSAGE, 'token');
      await this.repository.setVerified(link.entityType, partner.id, today, em);
      await this.audit.record(em, null, {
        action: 'markVerified',
        entityType: ENTITY_NAME[link.entityType],
        entityId: partner.id,
        before: { lastVerifiedOn: partner.lastVerifiedOn },
        after: { lastVerifiedOn: today, by: BY_PARTNER, linkId: link.id },
      });
    });
    partner.lastVerifiedOn = today;
    if (link.singleUse) link.usedAt = now;
    return this.entryOf(link, partner);
  }

  /** A proposal: checked now against the entry's rules (so the partner hears at once what is wrong), applied only when a moderator accepts it. */
  async propose(input: ProposeChangeInput, address: string): Promise<SelfServiceEntry> {
    const { link, partner } = await this.open(input.token, address);
    const changes = checkShape(link.entityType, input.changes);
    const normalised = this.checkRules(link.entityType, partner, changes);
    const before = this.currentValues(link.entityType, partner, Object.keys(normalised));
    const now = nowIso();
    const proposal = Object.assign(new ChangeProposal(), {
      id: randomUUID(),
      linkId: link.id,
      entityType: link.entityType,
      entityId: partner.id,
      changesJson: JSON.stringify(normalised),
      beforeJson: JSON.stringify(before),
      status: ProposalStatus.PENDING,
      createdAt: now,
      decidedAt: null,
      decidedByUserId: null,
      decidedByEmail: null,
      acceptedFieldsJson: null,
      declineReason: null,
    });
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.markUsed(link, now, em))) throw new DomainError(ErrorCode.INVALID_LINK, INVALID_LINK_MESSAGE, 'token');
      await this.repository.insertProposal(proposal, em);
      await this.audit.record(em, null, {
        action: 'proposeChange',
        entityType: ENTITY_NAME[link.entityType],
        entityId: partner.id,
        before,
        after: { ...normalised, proposalId: proposal.id, by: BY_PARTNER, linkId: link.id },
      });
    });
    if (link.singleUse) link.usedAt = now;
    return this.entryOf(link, partner);
  }

  /** Languages resolved to codes; the other fields put on a copy of the record and run through its rule set. */
  private checkRules(type: PartnerType, partner: Partner, changes: Changes): Changes {
    const out: Changes = { ...changes };
    if (Array.isArray(changes.languages)) {
      const seen = new Map<string, ProposedLanguage>();
      (changes.languages as ProposedLanguage[]).forEach((l, i) => {
        const language = this.languages.resolve(l.language, `changes.languages.${i}`);
        if (!seen.has(language.code))
          seen.set(language.code, type === PartnerType.PERSON ? { language: language.code, level: l.level } : { language: language.code });
      });
      out.languages = [...seen.values()];
    }
    if (Array.isArray(changes.topics)) out.topics = [...new Set(changes.topics as string[])].sort();
    const record: Record<string, unknown> = { ...partner };
    const texts = Object.keys(out).filter((f) => !['languages', 'topics', 'doNotList', 'consentWithdrawn', 'availability'].includes(f));
    for (const field of Object.keys(out)) if (field !== 'languages' && field !== 'consentWithdrawn') record[field] = out[field];
    if (type === PartnerType.PERSON) normalisePerson(record);
    else normaliseOrganisation(record);
    for (const field of texts) out[field] = record[field] ?? null;
    const violations = type === PartnerType.PERSON ? personViolations(record) : organisationViolations(record);
    const mine = violations.find((v) => Object.hasOwn(out, v.field));
    if (mine) throw badInput(`changes.${mine.field}`, mine.message, { rule: mine.rule });
    return out;
  }

  private currentValues(type: PartnerType, partner: Partner, fields: string[]): Changes {
    const out: Changes = {};
    for (const field of fields) {
      if (field === 'languages') {
        out.languages =
          partner instanceof Person
            ? partner.languages.map((l) => ({ language: l.languageCode, level: l.level }))
            : (partner as Organisation).languages.map((l) => ({ language: l.code }));
      } else if (field === 'consentWithdrawn') out.consentWithdrawn = partner instanceof Person && !!partner.consentWithdrawnOn;
      else out[field] = (partner as unknown as Record<string, unknown>)[field] ?? null;
    }
    void type;
    return out;
  }

  // --- Moderation (coordinator of the owning team, or administrator) ----------------------------

  async proposals(actor: Actor | null, filter: ChangeProposalFilter = {}, page: PageInput = new PageInput()): Promise<Page<ChangeProposalView>> {
    const signedIn = this.access.requirePersonalData(actor);
    let scope: string[] | null = null;
    if (signedIn.role !== UserRole.ADMINISTRATOR) {
      const mine = [...(await this.ownership.personsOfTeams(signedIn.teamIds)), ...(await this.ownership.organisationsOfTeams(signedIn.teamIds))];
      scope = filter.entityId ? mine.filter((id) => id === filter.entityId) : mine;
    } else if (filter.entityId) scope = [filter.entityId];
    const [rows, total] = await this.repository.proposals(filter.status ?? ProposalStatus.PENDING, scope, page.offset, page.limit);
    const names = new Map([
      ...(await this.repository.partnerNames(
        PartnerType.PERSON,
        rows.filter((r) => r.entityType === PartnerType.PERSON).map((r) => r.entityId),
      )),
      ...(await this.repository.partnerNames(
        PartnerType.ORGANISATION,
        rows.filter((r) => r.entityType === PartnerType.ORGANISATION).map((r) => r.entityId),
      )),
    ]);
    return toPage(
      rows.map((r) => this.view(r, names.get(r.entityId))),
      total,
      page,
    );
  }

  private view(p: ChangeProposal, partnerName: string | undefined): ChangeProposalView {
    const changes = JSON.parse(p.changesJson) as Changes;
    const before = JSON.parse(p.beforeJson) as Changes;
    return {
      id: p.id,
      entityType: p.entityType,
      entityId: p.entityId,
      partnerName: partnerName ?? '—',
      status: p.status,
      createdAt: p.createdAt,
      changes: Object.keys(changes).map((field) => ({
        field,
        label: PROPOSABLE[p.entityType][field] ?? field,
        before: before[field] ?? null,
        after: changes[field],
      })),
      decidedAt: p.decidedAt,
      decidedByEmail: p.decidedByEmail,
      acceptedFields: p.acceptedFieldsJson ? (JSON.parse(p.acceptedFieldsJson) as string[]) : null,
      declineReason: p.declineReason,
    };
  }

  private async pending(actor: Actor | null, id: string): Promise<{ proposal: ChangeProposal; moderator: Actor }> {
    this.access.requireSignedIn(actor);
    const proposal = await this.repository.proposal(id);
    if (!proposal) throw notFound('id', `Voorstel '${id}' bestaat niet`);
    const moderator = this.access.assertCanEdit(actor, await this.owners(proposal.entityType, proposal.entityId), WHAT[proposal.entityType]);
    if (proposal.status !== ProposalStatus.PENDING) throw new DomainError(ErrorCode.CONFLICT, 'Over dit voorstel is al beslist', 'id');
    return { proposal, moderator };
  }

  /** Accepts all fields, or the ones named (the rest is declined), applied by the entry's own service in one transaction with the decision. */
  async accept(actor: Actor | null, input: AcceptChangeProposalInput): Promise<ChangeProposalView> {
    const { proposal, moderator } = await this.pending(actor, input.id);
    const changes = JSON.parse(proposal.changesJson) as Changes;
    const fields = input.fields?.length ? [...new Set(input.fields)] : Object.keys(changes);
    const unknown = fields.find((f) => !Object.hasOwn(changes, f));
    if (unknown !== undefined) throw badInput('fields', `'${unknown}' is geen veld van dit voorstel; kies uit ${Object.keys(changes).join(', ')}`);
    const decidedAt = nowIso();
    await this.dataSource.transaction(async (em) => {
      const update = this.updateInput(proposal.entityType, proposal.entityId, changes, fields);
      if (proposal.entityType === PartnerType.PERSON) await this.persons.update(moderator, update, em);
      else await this.organisations.update(moderator, update, em);
      const status = fields.length === Object.keys(changes).length ? ProposalStatus.ACCEPTED : ProposalStatus.PARTLY_ACCEPTED;
      const decided = await this.repository.decide(
        proposal.id,
        { status, decidedAt, decidedByUserId: moderator.userId, decidedByEmail: moderator.email, acceptedFieldsJson: JSON.stringify(fields) },
        em,
      );
      if (!decided) throw new DomainError(ErrorCode.CONFLICT, 'Over dit voorstel is al beslist', 'id');
      await this.audit.record(em, moderator, {
        action: 'acceptChangeProposal',
        entityType: ENTITY_NAME[proposal.entityType],
        entityId: proposal.entityId,
        before: { proposalId: proposal.id, status: ProposalStatus.PENDING },
        after: { proposalId: proposal.id, status, acceptedFields: fields },
      });
    });
    return this.decided(proposal.id);
  }

  async decline(actor: Actor | null, input: DeclineChangeProposalInput): Promise<ChangeProposalView> {
    const { proposal, moderator } = await this.pending(actor, input.id);
    const reason = input.reason.trim();
    if (!reason) throw badInput('reason', 'Geef een reden waarom u het voorstel afwijst');
    await this.dataSource.transaction(async (em) => {
      const decided = await this.repository.decide(
        proposal.id,
        { status: ProposalStatus.DECLINED, decidedAt: nowIso(), decidedByUserId: moderator.userId, decidedByEmail: moderator.email, declineReason: reason },
        em,
      );
      if (!decided) throw new DomainError(ErrorCode.CONFLICT, 'Over dit voorstel is al beslist', 'id');
      await this.audit.record(em, moderator, {
        action: 'declineChangeProposal',
        entityType: ENTITY_NAME[proposal.entityType],
        entityId: proposal.entityId,
        before: { proposalId: proposal.id, status: ProposalStatus.PENDING },
        after: { proposalId: proposal.id, status: ProposalStatus.DECLINED, reason },
      });
    });
    return this.decided(proposal.id);
  }

  private async decided(id: string): Promise<ChangeProposalView> {
    const proposal = (await this.repository.proposal(id))!;
    return this.view(proposal, (await this.repository.partnerNames(proposal.entityType, [proposal.entityId])).get(proposal.entityId));
  }

  /** The accepted fields as the update input of the entry's own service. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private updateInput(type: PartnerType, id: string, changes: Changes, fields: string[]): any {
    const input: Record<string, unknown> = { id };
    for (const field of fields) {
      const value = changes[field];
      if (field === 'languages') {
        input.languages = type === PartnerType.PERSON ? value : undefined;
        if (type === PartnerType.ORGANISATION) input.languageCodes = (value as ProposedLanguage[]).map((l) => l.language);
      } else if (field === 'consentWithdrawn') {
        // Withdrawn consent: the entry is no longer listed; erasing it (AVG) stays a separate, deliberate step.
        input.consentWithdrawnOn = value ? todayIso() : null;
        if (value) input.doNotList = true;
      } else if (field === 'doNotList') {
        if (!(fields.includes('consentWithdrawn') && changes.consentWithdrawn)) input.doNotList = value;
      } else input[field] = value;
    }
    return input;
  }

  // --- Listing label ----------------------------------------------------------------------------

  unlistReason(record: { doNotList: unknown; lastVerifiedOn: string | null; createdAt: string }): UnlistReason | null {
    return unlistReason(record, unlistCutoff(this.config.unlistAfterMonths));
  }
}
