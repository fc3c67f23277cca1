import { unlistCutoff } from '../../common/listing.js';
import { Inject, Injectable } from '@nestjs/common';
import { todayIso } from '../../common/base.entity.js';
import { badInput, DomainError, ErrorCode } from '../../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import type { Actor } from '../auth/actor.js';
import { LanguageService } from '../language/language.service.js';
import { assertNeighbourhoodCode } from '../neighbourhood/neighbourhood.service.js';
import { AGREEMENT_SIGNAL, type AgreementSignal } from './agreement-signal.js';
import { LOAD_SIGNAL, type LoadSignal } from './load-signal.js';
import { WALK_IN_SIGNAL, type WalkInSignal } from './walk-in-signal.js';
import { MAX_RADIUS_KM, MatchInput } from './dto/match.input.js';
import { Community } from '../community/community.entity.js';
import type { Language } from '../language/language.entity.js';
import type { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { PersonLanguage } from '../person/person-language.entity.js';
import type { Person } from '../person/person.entity.js';
import { detach, levelOf, type MatchCandidate } from './match-candidate.js';
import { MatchIndex, type SpatialHit } from './match-index.js';
import { asksInterpreters, compareMatches, evaluate, explain, isEligible, type ScoringContext } from './match-scorer.js';
import { MatchRepository } from './match.repository.js';
import { type Match, MatchPlace, type MatchResult, type MatchSuggestion, PartnerKind, toMessageParams } from './models/match.model.js';

interface Ranked extends SpatialHit {
  id: string;
  score: number;
}

/** The radii offered when nothing is found, beyond the one asked. */
const WIDER_RADII = [2, 5, 10, 25, MAX_RADIUS_KM];

/**
 * Matching: "who can help me reach this resident?". Finds candidates in the in-memory index
 * (MatchIndex), filters and scores them (match-scorer.ts, where the weights are explained), and
 * loads only the partners shown from the database.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly index: MatchIndex,
    private readonly repository: MatchRepository,
    private readonly languageService: LanguageService,
    @Inject(AGREEMENT_SIGNAL) private readonly agreementSignal: AgreementSignal,
    @Inject(LOAD_SIGNAL) private readonly loadSignal: LoadSignal,
    @Inject(WALK_IN_SIGNAL) private readonly walkInSignal: WalkInSignal,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async matchPartners(_actor: Actor | null, input: MatchInput, options: { today?: string } = {}): Promise<MatchResult> {
    await this.index.ensureFresh();
    const languages = this.languageService.resolveAll(input.languages, 'languages');
    const place = this.resolvePlace(input);
    const communities = this.resolveCommunities(input.communities);
    const today = options.today ?? todayIso();
    const radiusKm = input.radiusKm;
    const ctx: ScoringContext = {
      languages: languages.map((l) => ({ code: l.code, nameNl: l.nameNl })),
      roles: input.roles?.length ? [...new Set(input.roles)] : null,
      formalInterpretersOnly: input.formalInterpretersOnly ?? false,
      communities,
      topics: input.topics?.length ? [...new Set(input.topics)] : null,
      placeNeighbourhoodCode: place.neighbourhoodCode,
      includeUnavailable: input.includeUnavailable ?? false,
      today,
      reviewAfterMonths: this.config.reviewAfterMonths,
      agreements: await this.agreementSignal.activeAgreementsAt(place.neighbourhoodCode, today),
      overloaded: await this.loadSignal.overloadedOn(today),
      communityNames: this.index.communities,
    };

    const { top, total } = this.rank(place, radiusKm, ctx, input.limit);
    const [partners, walkIns] = await Promise.all([
      this.loadPartners(top.map((r) => r.candidate)),
      this.walkInSignal.nextWalkInFor(
        top.map((r) => r.id),
        ctx.languages.map((l) => l.code),
        today,
      ),
    ]);
    const matches: Match[] = [];
    for (const r of top) {
      const partner = partners.get(r.id);
      if (!partner) continue; // removed between the search and the load
      const details = partner instanceof Organisation ? {} : { registrationNumber: partner.registrationNumber, availabilityNote: partner.availabilityNote };
      const { reasons, weaknesses } = explain(r.candidate, r.distanceKm, r.nearest, ctx, { ...details, walkIn: walkIns.get(r.id) });
      matches.push({
        partner,
        kind: r.candidate.kind === 'PERSON' ? PartnerKind.PERSON : PartnerKind.ORGANISATION,
        score: r.score,
        distanceKm: Math.round(r.distanceKm * 1000) / 1000,
        mapPoint: { lat: r.nearest.lat, lon: r.nearest.lon, neighbourhoodCode: r.nearest.neighbourhoodCode },
        reasons: reasons.map((x) => ({ ...x, params: toMessageParams(x.params) })),
        weaknesses: weaknesses.map((x) => ({ ...x, params: toMessageParams(x.params) })),
      });
    }
    return {
      place,
      languages,
      radiusKm,
      totalCount: total,
      matches,
      suggestions: total
        ? []
        : this.suggest(
            place,
            radiusKm,
            ctx,
            languages.map((l) => l.nameNl),
          ),
    };
  }

  /**
   * The entities shown, with their relations taken from the index (refreshed at the start of this
   * query, so they are what the database holds): two queries, whatever the number of matches, and a
   * third for the neighbourhoods only when the answer asks for them (the search panel does not).
   */
  private async loadPartners(candidates: MatchCandidate[]): Promise<Map<string, Person | Organisation>> {
    const [persons, organisations] = await Promise.all([
      this.repository.findPersons(candidates.filter((c) => c.kind === 'PERSON').map((c) => c.id)),
      this.repository.findOrganisations(candidates.filter((c) => c.kind === 'ORGANISATION').map((c) => c.id)),
    ]);
    let neighbourhoods: Promise<Map<string, Neighbourhood>> | null = null;
    const loadNeighbourhoods = () => {
      const codes = new Set<string>();
      for (const c of candidates) for (const l of c.locations) if (l.neighbourhoodCode) codes.add(l.neighbourhoodCode);
      return (neighbourhoods ??= this.repository.findNeighbourhoods([...codes]));
    };
    // GraphQL awaits a promise found in a field, and reads the field only when it is selected: so the
    // neighbourhoods load once for all partners, and only if some partner's neighbourhoods are asked.
    const attachNeighbourhoods = (entity: Person | Organisation, c: MatchCandidate) =>
      Object.defineProperty(entity, 'neighbourhoods', {
        configurable: true,
        enumerable: true,
        get: () =>
          loadNeighbourhoods().then((found) =>
            c.locations.map((l) => (l.neighbourhoodCode ? found.get(l.neighbourhoodCode) : undefined)).filter((n): n is Neighbourhood => !!n),
          ),
      });
    const communitiesOf = (c: MatchCandidate) =>
      c.communities
        .map((code) => this.index.community(code))
        .filter((x) => !!x)
        .map((row) => Object.assign(new Community(), row));
    const out = new Map<string, Person | Organisation>();
    for (const c of candidates) {
      if (c.kind === 'PERSON') {
        const person = persons.get(c.id);
        if (!person) continue;
        person.languages = c.languageCodes.flatMap((code) => {
          const language = this.languageService.find(code);
          const level = levelOf(c, code);
          return language && level ? [Object.assign(new PersonLanguage(), { personId: c.id, languageCode: code, level, language })] : [];
        });
        person.communities = communitiesOf(c);
        attachNeighbourhoods(person, c);
        out.set(c.id, person);
      } else {
        const organisation = organisations.get(c.id);
        if (!organisation) continue;
        organisation.languages = c.languageCodes.map((code) => this.languageService.find(code)).filter((l): l is Language => !!l);
        organisation.communities = communitiesOf(c);
        attachNeighbourhoods(organisation, c);
        out.set(c.id, organisation);
      }
    }
    return out;
  }

  /**
   * The best `limit` eligible candidates within the radius, best first, and how many there are in
   * all. A bounded insertion list instead of sorting everything: a wide search in Dutch finds tens of
   * thousands of candidates, of which 20 are shown.
   */
  private rank(place: MatchPlace, radiusKm: number, ctx: ScoringContext, limit: number): { top: Ranked[]; total: number } {
    const hits = this.index.search(
      place.lat,
      place.lon,
      radiusKm,
      ctx.languages.map((l) => l.code),
      asksInterpreters(ctx),
    );
    const top: Ranked[] = [];
    let total = 0;
    const cutoff = unlistCutoff(this.config.unlistAfterMonths, ctx.today);
    for (const hit of hits) {
      // Unlisted partners (common/listing.ts) are never matched.
      if (!this.index.isListed(hit.candidate.id, cutoff)) continue;
      const score = evaluate(hit.candidate, hit.distanceKm, ctx, hit.nearest.neighbourhoodCode);
      if (score < 0) continue;
      total++;
      // Most hits of a wide search cannot enter the top: leave them before allocating anything.
      if (top.length === limit && score < top[limit - 1].score) continue;
      const ranked: Ranked = { candidate: hit.candidate, distanceKm: hit.distanceKm, nearest: hit.nearest, id: hit.candidate.id, score };
      if (top.length === limit && compareMatches(ranked, top[limit - 1]) >= 0) continue;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareMatches(top[mid], ranked) <= 0) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, ranked);
      if (top.length > limit) top.pop();
    }
    // The answer is built across awaits (loading the partners), while a refresh may reuse index slots.
    for (const r of top) r.candidate = detach(r.candidate);
    return { top, total };
  }

  private count(place: MatchPlace, radiusKm: number, ctx: ScoringContext): number {
    let n = 0;
    const cutoff = unlistCutoff(this.config.unlistAfterMonths, ctx.today);
    for (const hit of this.index.search(
      place.lat,
      place.lon,
      radiusKm,
      ctx.languages.map((l) => l.code),
      asksInterpreters(ctx),
    )) {
      if (isEligible(hit.candidate, ctx) && this.index.isListed(hit.candidate.id, cutoff)) n++;
    }
    return n;
  }

  /** Nothing found: which one filter, widened, would find someone. */
  private suggest(place: MatchPlace, radiusKm: number, ctx: ScoringContext, languageNames: string[]): MatchSuggestion[] {
    const languageCodes = ctx.languages.map((l) => l.code);
    const suggestions: MatchSuggestion[] = [];
    const partners = (n: number) => (n === 1 ? '1 partner' : `${n} partners`);
    for (const wider of WIDER_RADII.filter((r) => r > radiusKm)) {
      const count = this.count(place, wider, ctx);
      if (count) {
        suggestions.push({
          field: 'radiusKm',
          text: `Vergroot de straal naar ${wider} km: ${partners(count)}`,
          messageKey: 'WIDEN_RADIUS',
          params: toMessageParams({ radius: wider, count }),
          count,
          radiusKm: wider,
        });
        break;
      }
    }
    const without: [keyof ScoringContext, string, Partial<ScoringContext>, string][] = [
      ['formalInterpretersOnly', 'Sta ook informele tolken toe', { formalInterpretersOnly: false }, 'ALLOW_INFORMAL'],
      ['roles', 'Zoek in alle rollen', { roles: null }, 'ALL_ROLES'],
      ['communities', 'Laat het filter op gemeenschap los', { communities: null }, 'DROP_COMMUNITIES'],
      ['topics', 'Laat het filter op thema los', { topics: null }, 'DROP_TOPICS'],
      ['includeUnavailable', 'Toon ook wie nu niet beschikbaar is', { includeUnavailable: true }, 'INCLUDE_UNAVAILABLE'],
    ];
    for (const [field, text, change, messageKey] of without) {
      // A filter that is on (formal only, roles…), or for includeUnavailable one that is off.
      if (field === 'includeUnavailable' ? ctx.includeUnavailable : !ctx[field]) continue;
      const count = this.count(place, radiusKm, { ...ctx, ...change });
      if (count) suggestions.push({ field, text: `${text}: ${partners(count)}`, messageKey, params: toMessageParams({ count }), count });
    }
    if (!suggestions.length) {
      suggestions.push({
        field: 'languages',
        text: `Binnen ${MAX_RADIUS_KM} km is niemand geregistreerd die ${languageNames.join(' of ')} spreekt. Probeer een verwante taal of een tolkendienst.`,
        messageKey: 'NO_SPEAKERS',
        params: toMessageParams({ radius: MAX_RADIUS_KM, languages: languageNames.join(' of '), languageCodes: languageCodes.join(',') }),
        count: 0,
      });
    }
    return suggestions;
  }

  private resolvePlace(input: MatchInput): MatchPlace {
    const hasCode = input.neighbourhoodCode !== undefined && input.neighbourhoodCode !== null && input.neighbourhoodCode !== '';
    const hasLat = input.lat !== undefined && input.lat !== null;
    const hasLon = input.lon !== undefined && input.lon !== null;
    if (hasCode && (hasLat || hasLon)) {
      throw badInput('neighbourhoodCode', 'Geef een buurtcode of een punt (lat en lon), niet allebei');
    }
    if (hasCode) {
      const code = assertNeighbourhoodCode(input.neighbourhoodCode!, 'neighbourhoodCode');
      const neighbourhood = this.index.neighbourhood(code);
      if (!neighbourhood) throw new DomainError(ErrorCode.UNKNOWN_NEIGHBOURHOOD, `Buurt '${input.neighbourhoodCode}' bestaat niet`, 'neighbourhoodCode');
      return { lat: neighbourhood.lat, lon: neighbourhood.lon, neighbourhoodCode: neighbourhood.code, neighbourhoodName: neighbourhood.name };
    }
    if (!hasLat && !hasLon) throw badInput('neighbourhoodCode', 'Geef een plaats: een buurtcode of een punt (lat en lon)');
    if (!hasLat) throw badInput('lat', 'Geef bij lon ook lat (de breedtegraad)');
    if (!hasLon) throw badInput('lon', 'Geef bij lat ook lon (de lengtegraad)');
    const nearest = this.index.nearestNeighbourhood(input.lat!, input.lon!);
    return { lat: input.lat!, lon: input.lon!, neighbourhoodCode: nearest?.code ?? null, neighbourhoodName: nearest?.name ?? null };
  }

  private resolveCommunities(codes: string[] | null | undefined): string[] | null {
    if (!codes?.length) return null;
    return [
      ...new Set(
        codes.map((raw, i) => {
          const code = raw.trim().toLowerCase();
          if (!this.index.communities.has(code)) {
            const known = [...this.index.communities.keys()].sort().join(', ');
            throw badInput(`communities.${i}`, `'${raw}' is geen bekende gemeenschap. Bekend: ${known}`);
          }
          return code;
        }),
      ),
    ];
  }
}
