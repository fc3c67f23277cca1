import { OrganisationKind } from '../../organisation/organisation.entity.js';
import { PersonRole, Topic } from '../../person/person.entity.js';
import { TeamKind } from '../../team/team.entity.js';
import { ORGANISATION_KIND, PERSON_ROLE, TEAM_KIND, TOPIC, word } from '../vocabulary.js';
import { type Json, TAXONOMY, TERMS, uuidv5 } from './hsds-profile.js';

/**
 * Our classifications as HSDS taxonomies (GET /hsds/taxonomies, /hsds/taxonomy_terms): roles,
 * organisation kinds (with the team kinds under `TEAM`), topics and communities, which the list
 * routes filter by (`taxonomy_id`, `taxonomy_term_id`), and `sociale-kaart-nl`, the vocabulary of the
 * profile's attributes (its terms keep the ids the attributes have always carried; not a filter).
 */
export type TaxonomyKey = 'rol' | 'soort' | 'thema' | 'gemeenschap' | typeof TAXONOMY;
/** The taxonomies a list can be filtered by. */
export type FilterTaxonomy = Exclude<TaxonomyKey, typeof TAXONOMY>;

export interface TaxonomyTerm {
  taxonomy: TaxonomyKey;
  code: string;
  name: string;
  description: string;
  parentCode?: string;
}

const TAXONOMIES: Record<TaxonomyKey, { name: string; description: string }> = {
  rol: { name: 'Rollen', description: 'Rollen van personen: sleutelpersoon, tolk (formeel of informeel), vaste contactpersoon' },
  soort: { name: 'Soorten organisaties', description: 'Soort organisatie; teams (buurtteam, sociaal wijkteam, jeugd- en gezinsteam) onder TEAM' },
  thema: { name: "Thema's", description: 'Thema waarop personen actief zijn (gezondheid, opvoeding, schulden, …)' },
  gemeenschap: { name: 'Gemeenschappen', description: 'Achterban die een organisatie bedient of waartoe een persoon behoort' },
  [TAXONOMY]: { name: 'Sociale kaart (profiel)', description: 'Termen van de attributen van het profiel sociale-kaart-nl (docs/hsds-profile.md)' },
};
export const TAXONOMY_KEYS = Object.keys(TAXONOMIES) as TaxonomyKey[];

export const taxonomyId = (key: TaxonomyKey) => uuidv5(`taxonomy|${key}`);
/** Attribute terms keep `uuidv5('term|code')`, the id they have always had in `attribute.taxonomy_term`. */
export const taxonomyTermId = (term: Pick<TaxonomyTerm, 'taxonomy' | 'code'>) =>
  term.taxonomy === TAXONOMY ? uuidv5(`term|${term.code}`) : uuidv5(`taxonomy_term|${term.taxonomy}|${term.code}`);

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const INTERPRETER_FORMAL = 'INTERPRETER_FORMAL';
const INTERPRETER_INFORMAL = 'INTERPRETER_INFORMAL';
export const TEAM_TERM = 'TEAM';

/** Every term except communities (which live in the database), in the order they are listed. */
const STATIC_TERMS: TaxonomyTerm[] = [
  ...Object.values(PersonRole).flatMap((role): TaxonomyTerm[] => {
    const term: TaxonomyTerm = {
      taxonomy: 'rol',
      code: role,
      name: capital(word(PERSON_ROLE, role)),
      description: `Personen met de rol ${word(PERSON_ROLE, role)}`,
    };
    if (role !== PersonRole.INTERPRETER) return [term];
    return [
      term,
      { taxonomy: 'rol', code: INTERPRETER_FORMAL, name: 'Formele tolk', description: 'Beëdigde tolk (Rbtv)', parentCode: role },
      { taxonomy: 'rol', code: INTERPRETER_INFORMAL, name: 'Informele tolk', description: 'Tolk zonder beëdiging, vaak een vrijwilliger', parentCode: role },
    ];
  }),
  ...Object.values(OrganisationKind).map((kind): TaxonomyTerm => ({
    taxonomy: 'soort',
    code: kind,
    name: capital(word(ORGANISATION_KIND, kind)),
    description: `Organisaties van de soort ${word(ORGANISATION_KIND, kind)}`,
  })),
  { taxonomy: 'soort', code: TEAM_TERM, name: 'Team', description: 'Buurtteams, sociale wijkteams, jeugd- en gezinsteams' },
  // The same value as the attribute `soort` of a team.
  ...Object.values(TeamKind).map((kind): TaxonomyTerm => ({
    taxonomy: 'soort',
    code: `team:${kind}`,
    name: capital(word(TEAM_KIND, kind)),
    description: `Teams van de soort ${word(TEAM_KIND, kind)}`,
    parentCode: TEAM_TERM,
  })),
  ...Object.values(Topic).map((topic): TaxonomyTerm => ({
    taxonomy: 'thema',
    code: topic,
    name: capital(word(TOPIC, topic)),
    description: `Personen die actief zijn op het thema ${word(TOPIC, topic)}`,
  })),
];
const ATTRIBUTE_TERMS: TaxonomyTerm[] = Object.entries(TERMS).map(([code, [name, description]]) => ({ taxonomy: TAXONOMY, code, name, description }));

/**
 * All terms, in the order of the listing: roles, kinds, topics, communities (by code), attribute terms.
 * Reference data of a few hundred entries at most (communities are a short list), so it is built per
 * request and paged in memory.
 */
export function allTerms(communities: { code: string; nameNl: string }[]): TaxonomyTerm[] {
  const community = [...communities]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((c): TaxonomyTerm => ({
      taxonomy: 'gemeenschap',
      code: c.code,
      name: c.nameNl,
      description: `Gemeenschap: ${c.nameNl}`,
    }));
  return [...STATIC_TERMS, ...community, ...ATTRIBUTE_TERMS];
}

export function taxonomyJson(key: TaxonomyKey): Json {
  const { name, description } = TAXONOMIES[key];
  return { id: taxonomyId(key), name, description, uri: `urn:sociale-kaart-nl:taxonomie:${key}`, version: '1' };
}

export function termJson(term: TaxonomyTerm): Json {
  return {
    id: taxonomyTermId(term),
    code: term.code,
    name: term.name,
    description: term.description,
    ...(term.parentCode ? { parent_id: taxonomyTermId({ taxonomy: term.taxonomy, code: term.parentCode }) } : {}),
    taxonomy: term.taxonomy,
    taxonomy_id: taxonomyId(term.taxonomy),
    language: 'nld',
  };
}

/** A taxonomy by its id. */
export const taxonomyById = (id: string): TaxonomyKey | undefined => TAXONOMY_KEYS.find((key) => taxonomyId(key) === id);

/** The codes of the interpreter sub-roles: HsdsExportRepository.personCondition turns each into SQL. */
export const ROLE_TERMS = { INTERPRETER_FORMAL, INTERPRETER_INFORMAL } as const;
