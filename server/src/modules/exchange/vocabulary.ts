import { OrganisationKind } from '../organisation/organisation.entity.js';
import { LanguageLevel } from '../person/person-language.entity.js';
import { Availability, ConsentMethod, PersonRole, Topic } from '../person/person.entity.js';
import { TeamKind } from '../team/team.entity.js';

/**
 * The Dutch words people type in a spreadsheet for our enums. The first word of each list is the
 * one we write on export; the others (and the code itself) are accepted on import.
 */
export interface Vocabulary<T extends string> {
  /** What the column is called in messages, e.g. "soort". */
  readonly label: string;
  /** Value → words, first is the export word. */
  readonly words: Record<T, string[]>;
}

function vocabulary<T extends string>(label: string, words: Record<T, string[]>): Vocabulary<T> {
  return { label, words };
}

export const ORGANISATION_KIND = vocabulary<OrganisationKind>('soort', {
  [OrganisationKind.MIGRANT_ORGANISATION]: ['migrantenorganisatie', 'zelforganisatie', 'migrantenzelforganisatie'],
  [OrganisationKind.RELIGIOUS_ORGANISATION]: ['religieuze organisatie', 'moskee', 'kerk', 'moskee/kerk', 'tempel', 'gebedshuis'],
  [OrganisationKind.COMMUNITY_CENTRE]: ['buurthuis', 'buurtcentrum', 'wijkcentrum'],
  [OrganisationKind.WELFARE_ORGANISATION]: ['welzijnsorganisatie', 'welzijn'],
  [OrganisationKind.INTERPRETER_SERVICE]: ['tolkendienst', 'tolkenbureau'],
  [OrganisationKind.OTHER]: ['overig', 'anders'],
});

export const TEAM_KIND = vocabulary<TeamKind>('soort', {
  [TeamKind.NEIGHBOURHOOD_TEAM]: ['buurtteam'],
  [TeamKind.SOCIAL_DISTRICT_TEAM]: ['sociaal wijkteam', 'wijkteam'],
  [TeamKind.YOUTH_AND_FAMILY]: ['jeugd- en gezinsteam', 'jeugdteam'],
  [TeamKind.OTHER]: ['overig team'],
});

export const PERSON_ROLE = vocabulary<PersonRole>('rollen', {
  [PersonRole.KEY_PERSON]: ['sleutelpersoon', 'sleutelfiguur'],
  [PersonRole.INTERPRETER]: ['tolk'],
  [PersonRole.CONTACT_PERSON]: ['contactpersoon', 'vaste contactpersoon'],
});

export const LANGUAGE_LEVEL = vocabulary<LanguageLevel>('niveau', {
  [LanguageLevel.NATIVE]: ['moedertaal'],
  [LanguageLevel.FLUENT]: ['vloeiend'],
  [LanguageLevel.BASIC]: ['basis', 'basiskennis'],
});

export const AVAILABILITY = vocabulary<Availability>('beschikbaarheid', {
  [Availability.AVAILABLE]: ['beschikbaar'],
  [Availability.LIMITED]: ['beperkt beschikbaar', 'beperkt'],
  [Availability.UNAVAILABLE]: ['niet beschikbaar'],
});

export const CONSENT_METHOD = vocabulary<ConsentMethod>('toestemming_wijze', {
  [ConsentMethod.WRITTEN]: ['schriftelijk'],
  [ConsentMethod.VERBAL]: ['mondeling'],
  [ConsentMethod.DIGITAL]: ['digitaal'],
});

export const TOPIC = vocabulary<Topic>('themas', {
  [Topic.HEALTH]: ['gezondheid'],
  [Topic.PARENTING]: ['opvoeding'],
  [Topic.DEBTS]: ['schulden', 'geldzaken'],
  [Topic.WORK]: ['werk'],
  [Topic.ELDERLY_CARE]: ['ouderenzorg', 'ouderen'],
  [Topic.EDUCATION]: ['onderwijs', 'school'],
  [Topic.HOUSING]: ['wonen'],
  [Topic.MENTAL_HEALTH]: ['psychische gezondheid', 'ggz'],
  [Topic.WOMEN]: ['vrouwen'],
  [Topic.YOUTH]: ['jeugd', 'jongeren'],
  [Topic.LANGUAGE_LEARNING]: ['taal leren', 'taalles'],
});

/** Lower case, no accents, single spaces. */
export const normaliseWord = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();

const lookups = new WeakMap<Vocabulary<string>, Map<string, string>>();

/** The enum value for a Dutch word or the code itself; undefined when unknown. */
export function lookup<T extends string>(vocab: Vocabulary<T>, input: string): T | undefined {
  let map = lookups.get(vocab);
  if (!map) {
    map = new Map();
    for (const [value, words] of Object.entries(vocab.words) as [T, string[]][]) {
      map.set(normaliseWord(value), value);
      for (const word of words) map.set(normaliseWord(word), value);
    }
    lookups.set(vocab, map);
  }
  return map.get(normaliseWord(input)) as T | undefined;
}

/** The export word of a value. */
export const word = <T extends string>(vocab: Vocabulary<T>, value: T): string => vocab.words[value][0];

/** "a, b of c" */
export const choices = <T extends string>(vocab: Vocabulary<T>): string => {
  const all = Object.values<string[]>(vocab.words).map((w) => `'${w[0]}'`);
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} of ${all.at(-1)}` : all[0];
};

export const YES = ['ja', 'j', 'yes', 'y', 'true', '1', 'x'];
export const NO = ['nee', 'n', 'no', 'false', '0'];
