import { distance } from 'fastest-levenshtein';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { Community } from '../community/community.entity.js';
import { Capability } from '../capability/capability.entity.js';
import { type ManagedValue, unknownValueMessage } from '../capability/managed-list.js';
import type { LanguageService } from '../language/language.service.js';
import { Neighbourhood } from '../neighbourhood/neighbourhood.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Team } from '../team/team.entity.js';
import { normaliseWord } from './vocabulary.js';
import { CBS_CODE_EXPECTED, cbsCode } from '../neighbourhood/cbs-code.js';

interface Named {
  id: string;
  name: string;
  externalId: string | null;
}

/**
 * What an import row may refer to (languages, neighbourhoods, communities, organisations, teams),
 * loaded once per import so that 10,000 rows do not mean 10,000 queries.
 */
export class ReferenceData {
  readonly neighbourhoodCodes = new Set<string>();
  private readonly neighbourhoodByName = new Map<string, string[]>();
  readonly communityByKey = new Map<string, Community>();
  readonly communities: Community[] = [];
  readonly capabilityByKey = new Map<string, Capability>();
  readonly capabilities: Capability[] = [];
  readonly organisations: Named[] = [];
  readonly teams: Named[] = [];
  readonly organisationById = new Map<string, Named>();
  readonly teamById = new Map<string, Named>();

  constructor(readonly languages: LanguageService) {}

  static async load(em: EntityManager, languages: LanguageService): Promise<ReferenceData> {
    const data = new ReferenceData(languages);
    const neighbourhoods = await em.getRepository(Neighbourhood).createQueryBuilder('n').select(['n.code', 'n.name']).getMany();
    for (const n of neighbourhoods) {
      data.neighbourhoodCodes.add(n.code);
      const key = normaliseWord(n.name);
      data.neighbourhoodByName.set(key, [...(data.neighbourhoodByName.get(key) ?? []), n.code]);
    }
    for (const c of await em.getRepository(Community).find()) {
      data.communities.push(c);
      for (const key of [c.code, c.nameNl, c.nameEn]) data.communityByKey.set(normaliseWord(key), c);
    }
    for (const c of await em.getRepository(Capability).find()) {
      data.capabilities.push(c);
      for (const key of [c.code, c.nameNl, c.nameEn]) data.capabilityByKey.set(normaliseWord(key), c);
    }
    const named = { select: { id: true, name: true, externalId: true }, where: { archivedAt: IsNull() } } as const;
    data.organisations.push(...(await em.getRepository(Organisation).find(named)));
    data.teams.push(...(await em.getRepository(Team).find(named)));
    for (const o of data.organisations) data.organisationById.set(o.id, o);
    for (const t of data.teams) data.teamById.set(t.id, t);
    return data;
  }

  /** A neighbourhood by CBS code or (unique) name. */
  neighbourhood(input: string): { code?: string; problem?: string } {
    const code = cbsCode('neighbourhood', input);
    if (code) {
      return this.neighbourhoodCodes.has(code) ? { code } : { problem: `buurt '${input}' bestaat niet (geen bekende CBS-buurtcode)` };
    }
    const byName = this.neighbourhoodByName.get(normaliseWord(input));
    if (byName?.length === 1) return { code: byName[0] };
    if (byName && byName.length > 1) return { problem: `'${input}' is de naam van meer buurten; gebruik de CBS-buurtcode` };
    return { problem: `'${input}' is geen CBS-buurtcode (${CBS_CODE_EXPECTED.neighbourhood}) of bekende buurtnaam` };
  }

  community(input: string): { code?: string; problem?: string } {
    return this.managed(input, this.communityByKey, this.communities, 'gemeenschap');
  }

  /** A capability by code or Dutch/English name (retired ones too: whether one may be newly chosen is checked on the record). */
  capability(input: string): { code?: string; problem?: string } {
    return this.managed(input, this.capabilityByKey, this.capabilities, 'mogelijkheid');
  }

  private managed(input: string, byKey: Map<string, ManagedValue>, all: ManagedValue[], one: string): { code?: string; problem?: string } {
    const found = byKey.get(normaliseWord(input));
    if (found) return { code: found.code };
    const wanted = normaliseWord(input);
    const close = all
      .map((c) => ({ c, d: Math.min(...[c.code, c.nameNl, c.nameEn].map((k) => distance(wanted, normaliseWord(k)))) }))
      .filter((x) => x.d <= Math.max(2, Math.floor(wanted.length / 3)))
      .sort((a, b) => a.d - b.d)
      .slice(0, 2);
    const hint = close.length ? `; bedoelt u ${close.map((x) => x.c.nameNl).join(' of ')}?` : '';
    return { problem: `${unknownValueMessage({ one, entityType: 'Community' }, input)}${hint}` };
  }

  private named(list: Named[], input: string, what: string): { id?: string; problem?: string } {
    const wanted = input.trim();
    const exact = list.filter((o) => o.externalId === wanted || o.id === wanted);
    if (exact.length === 1) return { id: exact[0].id };
    const byName = list.filter((o) => normaliseWord(o.name) === normaliseWord(wanted));
    if (byName.length === 1) return { id: byName[0].id };
    if (byName.length > 1) return { problem: `er zijn meer ${what}s met de naam '${input}'; gebruik het extern_id` };
    return { problem: `${what} '${input}' bestaat niet; importeer die eerst` };
  }

  organisation(input: string) {
    return this.named(this.organisations, input, 'organisatie');
  }

  team(input: string) {
    return this.named(this.teams, input, 'team');
  }
}
