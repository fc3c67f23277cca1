import { OrganisationKind } from '../../organisation/organisation.entity.js';
import { Availability, ConsentMethod, PersonRole, Topic } from '../../person/person.entity.js';
import type { FlatRecord } from '../directory-writer.js';
import type { ReferenceData } from '../reference-data.js';
import { PROFILE_ATTRIBUTES, type ProfileAttribute, profileAttributesOf } from '../profile-exchange.js';
import {
  AVAILABILITY,
  CONSENT_METHOD,
  LANGUAGE_LEVEL,
  NO,
  ORGANISATION_KIND,
  PERSON_ROLE,
  TOPIC,
  YES,
  choices,
  lookup,
  normaliseWord,
  word,
  type Vocabulary,
} from '../vocabulary.js';

export enum CsvKind {
  ORGANISATIONS = 'ORGANISATIONS',
  PERSONS = 'PERSONS',
}

export interface ParseContext {
  ref: ReferenceData;
  problem(message: string): void;
}

export interface FormatContext {
  /** Names of organisations and teams by id, for the `organisatie` and `team` columns. */
  organisationName(id: string): string;
  teamName(id: string): string;
  includeContactDetails: boolean;
}

/** One column of a template: its Dutch name, what it means, an example, and how to read and write it. */
export interface CsvColumn {
  name: string;
  aliases?: string[];
  /** The column must be in the header (it identifies the record). */
  required?: boolean;
  description: string;
  example: string;
  parse(value: string, ctx: ParseContext): Record<string, unknown>;
  format(record: FlatRecord, ctx: FormatContext): string;
}

/** Values inside one cell are separated by ';' (or '|' when the file itself uses ';'). */
export const splitList = (value: string) =>
  value
    .split(/[;|\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
const joinList = (values: string[]) => values.join(';');
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function text(name: string, field: string, description: string, example: string, max: number, extra: Partial<CsvColumn> = {}): CsvColumn {
  return {
    name,
    description,
    example,
    ...extra,
    // Lengths and characters are the entity's rules (person.rules.ts, organisation.rules.ts), checked after parsing.
    parse(value) {
      const v = value.trim();
      return { [field]: v || null };
    },
    format: (r) => str(r[field]),
  };
}

function oneOf<T extends string>(
  name: string,
  field: string,
  vocab: Vocabulary<T>,
  description: string,
  example: string,
  fallback: T | null = null,
): CsvColumn {
  return {
    name,
    description: `${description} Een van: ${choices(vocab)}.`,
    example,
    parse(value, ctx) {
      if (!value.trim()) return { [field]: fallback };
      const found = lookup(vocab, value);
      if (!found) ctx.problem(`'${value.trim()}' is geen geldige waarde; kies ${choices(vocab)}`);
      return { [field]: found ?? fallback };
    },
    format: (r) => (r[field] ? word(vocab, r[field] as T) : ''),
  };
}

function yesNo(name: string, field: string, description: string, example: string, nullable = false): CsvColumn {
  return {
    name,
    description: `${description} 'ja' of 'nee'.`,
    example,
    parse(value, ctx) {
      const v = normaliseWord(value);
      if (!v) return { [field]: nullable ? null : false };
      if (YES.includes(v)) return { [field]: true };
      if (NO.includes(v)) return { [field]: false };
      ctx.problem(`'${value.trim()}' is geen 'ja' of 'nee'`);
      return { [field]: nullable ? null : false };
    },
    format: (r) => (r[field] === null || r[field] === undefined ? '' : r[field] ? 'ja' : 'nee'),
  };
}

/** YYYY-MM-DD, or DD-MM-YYYY / D-M-YYYY as Dutch spreadsheets write dates. */
export function parseDate(value: string): string | null | undefined {
  const v = value.trim();
  if (!v) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [];
  if (!m) {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
    if (m) [d, mo, y] = [m[1], m[2], m[3]];
  }
  if (!m) return undefined;
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

function date(name: string, field: string, description: string, example: string): CsvColumn {
  return {
    name,
    description: `${description} Als JJJJ-MM-DD (of DD-MM-JJJJ).`,
    example,
    parse(value, ctx) {
      const iso = parseDate(value);
      // A date in the future is the entity's rule, checked after parsing.
      if (iso === undefined) ctx.problem(`'${value.trim()}' is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-01`);
      return { [field]: iso ?? null };
    },
    format: (r) => str(r[field]),
  };
}

const phone: CsvColumn = {
  name: 'telefoon',
  description: 'Telefoonnummer, Nederlands (030 123 4567, 06-12345678) of internationaal (+32 …).',
  example: '06-12345678',
  // Validity and notation are the entity's rules (common/rules.ts), the same as the mutations'.
  parse(value) {
    const v = value.trim();
    return { phone: v || null };
  },
  format: (r, ctx) => (ctx.includeContactDetails ? str(r.phone) : ''),
};

const email: CsvColumn = {
  name: 'e-mail',
  aliases: ['email', 'e_mail', 'emailadres', 'e-mailadres'],
  description: 'E-mailadres.',
  example: 'naam@example.org',
  parse(value) {
    const v = value.trim();
    return { email: v || null };
  },
  format: (r, ctx) => (ctx.includeContactDetails ? str(r.email) : ''),
};

const externalId: CsvColumn = {
  name: 'extern_id',
  aliases: ['externe_id', 'id'],
  description:
    'Uw eigen sleutel voor dit record (bijvoorbeeld het nummer in uw oude systeem). Een record met hetzelfde extern_id wordt bijgewerkt in plaats van dubbel aangemaakt. Leeg: we zoeken op naam en buurt.',
  example: 'P-0012',
  parse(value) {
    const v = value.trim();
    return { externalId: v || null };
  },
  format: (r) => str(r.externalId ?? r.id),
};

const name: CsvColumn = {
  ...text('naam', 'name', 'Naam (verplicht).', 'Stichting Hiil Wadaag', 200),
  required: true,
  parse(value) {
    const v = value.trim();
    return { name: v || null };
  },
};

const neighbourhoods: CsvColumn = {
  name: 'buurten',
  aliases: ['buurt', 'buurtcodes'],
  description: "CBS-buurtcodes (BU gevolgd door 8 cijfers of hoofdletters, zoals BU0363AD03) of buurtnamen, gescheiden door ';'.",
  example: 'BU03440832;BU03440831',
  parse(value, ctx) {
    const codes = new Set<string>();
    for (const item of splitList(value)) {
      const found = ctx.ref.neighbourhood(item);
      if (found.code) codes.add(found.code);
      else ctx.problem(found.problem!);
    }
    return { neighbourhoods: [...codes] };
  },
  format: (r) => joinList(r.neighbourhoods as string[]),
};

const communities: CsvColumn = {
  name: 'gemeenschappen',
  aliases: ['gemeenschap', 'achterban', 'doelgroep'],
  description: "Gemeenschappen (achterban), met code of naam, gescheiden door ';', bijvoorbeeld 'somali' of 'Somalische gemeenschap'.",
  example: 'somali',
  parse(value, ctx) {
    const codes = new Set<string>();
    for (const item of splitList(value)) {
      const found = ctx.ref.community(item);
      if (found.code) codes.add(found.code);
      else ctx.problem(found.problem!);
    }
    return { communities: [...codes] };
  },
  format: (r) => joinList(r.communities as string[]),
};

function languageOf(item: string, ctx: ParseContext): string | undefined {
  const found = ctx.ref.languages.find(item);
  if (found) return found.code;
  const suggestions = ctx.ref.languages.suggest(item);
  ctx.problem(`'${item}' is geen bekende taal${suggestions.length ? `; bedoelt u ${suggestions.map((l) => l.nameNl).join(' of ')}?` : ''}`);
  return undefined;
}

const organisationLanguages: CsvColumn = {
  name: 'talen',
  aliases: ['taal'],
  description: "Talen die de organisatie spreekt: ISO 639-3-codes (som) of namen (Somalisch, Somali), gescheiden door ';'.",
  example: 'som;nld',
  parse(value, ctx) {
    const codes = new Set<string>();
    for (const item of splitList(value)) {
      const code = languageOf(item, ctx);
      if (code) codes.add(code);
    }
    return { languages: [...codes] };
  },
  format: (r) => joinList(r.languages as string[]),
};

const personLanguages: CsvColumn = {
  name: 'talen',
  aliases: ['taal'],
  description: `Talen met niveau, als taal:niveau, gescheiden door ';'. De taal als ISO 639-3-code (som) of naam (Somalisch); het niveau is ${choices(LANGUAGE_LEVEL)}.`,
  example: 'som:moedertaal;nld:vloeiend',
  parse(value, ctx) {
    const byCode = new Map<string, string>();
    for (const item of splitList(value)) {
      const [languagePart, levelPart] = item.split(':').map((s) => s.trim());
      const code = languageOf(languagePart, ctx);
      if (!levelPart) {
        ctx.problem(`geef bij '${languagePart}' het niveau: ${languagePart}:moedertaal, ${languagePart}:vloeiend of ${languagePart}:basis`);
        continue;
      }
      const level = lookup(LANGUAGE_LEVEL, levelPart);
      if (!level) ctx.problem(`'${levelPart}' is geen niveau; kies ${choices(LANGUAGE_LEVEL)}`);
      if (code && level) {
        if (byCode.has(code)) ctx.problem(`taal '${languagePart}' staat er twee keer in`);
        byCode.set(code, `${code}:${level}`);
      }
    }
    return { languages: [...byCode.values()] };
  },
  format: (r) =>
    joinList(
      (r.languages as string[]).map((l) => {
        const [code, level] = l.split(':');
        return `${code}:${word(LANGUAGE_LEVEL, level as never)}`;
      }),
    ),
};

const lastVerified = date(
  'laatst_gecontroleerd',
  'lastVerifiedOn',
  'Datum waarop iemand voor het laatst heeft nagegaan dat de gegevens kloppen.',
  '2026-10-15',
);

function decimal(name: string, field: string, description: string, example: string, min: number, max: number): CsvColumn {
  return {
    name,
    description,
    example,
    parse(value, ctx) {
      const v = value.trim().replace(',', '.');
      if (!v) return { [field]: null };
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.problem(`'${value.trim()}' is geen getal tussen ${min} en ${max}`);
        return { [field]: null };
      }
      return { [field]: n };
    },
    format: (r) => str(r[field]),
  };
}

/** A whole number; its range is the entity's rule, checked after parsing. */
function wholeNumber(name: string, field: string, description: string, example: string): CsvColumn {
  return {
    name,
    description,
    example,
    parse(value, ctx) {
      const v = value.trim();
      if (!v) return { [field]: null };
      if (!/^-?\d{1,9}$/.test(v)) {
        ctx.problem(`'${v}' is geen heel getal`);
        return { [field]: null };
      }
      return { [field]: Number(v) };
    },
    format: (r) => str(r[field]),
  };
}

function listOf(name: string, field: string, vocab: Vocabulary<string>, description: string, example: string): CsvColumn {
  return {
    name,
    description: `${description} Een of meer van: ${choices(vocab)}.`,
    example,
    parse(value, ctx) {
      const found = new Set<string>();
      for (const item of splitList(value)) {
        const v = lookup(vocab, item);
        if (v) found.add(v);
        else ctx.problem(`'${item}' is geen geldige waarde; kies ${choices(vocab)}`);
      }
      return { [field]: [...found].sort() };
    },
    format: (r) => joinList(((r[field] as string[] | null) ?? []).map((v) => word(vocab, v))),
  };
}

const capabilities = (a: ProfileAttribute): CsvColumn => ({
  name: a.column,
  aliases: ['mogelijkheid', 'wat kan deze partner'],
  description: a.description,
  example: a.example,
  parse(value, ctx) {
    const codes = new Set<string>();
    for (const item of splitList(value)) {
      const found = ctx.ref.capability(item);
      if (found.code) codes.add(found.code);
      else ctx.problem(found.problem!);
    }
    return { capabilities: [...codes].sort() };
  },
  format: (r) => joinList((r.capabilities as string[] | null) ?? []),
});

/** The profile columns of issue 15 (profile-exchange.ts), after the columns of the first version. */
function profileColumns(entity: 'Person' | 'Organisation'): CsvColumn[] {
  return profileAttributesOf(entity).map((a) => {
    switch (a.kind) {
      case 'capabilities':
        return capabilities(a);
      case 'list':
        return listOf(a.column, a.field, a.vocab!, a.description, a.example);
      case 'one':
        return oneOf(a.column, a.field, a.vocab!, a.description, a.example, a.field === 'standing' ? 'UNKNOWN' : null);
      case 'date':
        return date(a.column, a.field, a.description, a.example);
      case 'yesNo':
        return yesNo(a.column, a.field, a.description, a.example);
      case 'number':
        return decimal(a.column, a.field, a.description, a.example, -1_000_000, 1_000_000);
      default:
        return text(a.column, a.field, a.description, a.example, a.max ?? 200);
    }
  });
}

export const ORGANISATION_COLUMNS: CsvColumn[] = [
  { ...externalId, example: 'ORG-0007' },
  name,
  { ...oneOf('soort', 'kind', ORGANISATION_KIND, 'Soort organisatie (verplicht voor een nieuwe organisatie).', 'migrantenorganisatie'), required: false },
  text(
    'omschrijving',
    'description',
    'Wat de organisatie doet en voor wie.',
    'Somalische zelforganisatie; huiswerkbegeleiding en een wekelijkse inloop voor vrouwen.',
    2000,
  ),
  {
    ...text('website', 'website', 'Website van de organisatie (https://…).', 'https://hiil-wadaag.example.org', 300),
    parse(value) {
      const v = value.trim();
      return { website: v || null };
    },
  },
  { ...phone, description: 'Telefoonnummer van de organisatie (niet van een persoon).', format: (r) => str(r.phone) },
  { ...email, description: 'E-mailadres van de organisatie (niet van een persoon).', format: (r) => str(r.email) },
  text('adres', 'address', 'Straat en huisnummer van de locatie.', 'Hazelaarstraat 141', 300),
  {
    ...text('postcode', 'postcode', 'Postcode, bijvoorbeeld 3527 VA.', '3527 VA', 7),
    parse(value) {
      const v = value.trim().toUpperCase();
      return { postcode: v || null };
    },
  },
  text('plaats', 'city', 'Plaats.', 'Utrecht', 100),
  decimal('breedtegraad', 'lat', 'Breedtegraad van de locatie (WGS84), bijvoorbeeld 52.07481. Leeg laten als u die niet weet.', '52.07481', 50.5, 54),
  decimal('lengtegraad', 'lon', 'Lengtegraad van de locatie (WGS84), bijvoorbeeld 5.08811.', '5.08811', 3, 7.5),
  organisationLanguages,
  communities,
  { ...neighbourhoods, description: `${neighbourhoods.description} De buurten waar de organisatie actief is.` },
  lastVerified,
  ...profileColumns('Organisation'),
];

const roles: CsvColumn = {
  name: 'rollen',
  aliases: ['rol'],
  description: `Rollen, gescheiden door ';': ${choices(PERSON_ROLE)}. Minstens een.`,
  example: 'sleutelpersoon;tolk',
  parse(value, ctx) {
    const found = new Set<PersonRole>();
    for (const item of splitList(value)) {
      const role = lookup(PERSON_ROLE, item);
      if (role) found.add(role);
      else ctx.problem(`'${item}' is geen rol; kies ${choices(PERSON_ROLE)}`);
    }
    return {
      isKeyPerson: found.has(PersonRole.KEY_PERSON),
      isInterpreter: found.has(PersonRole.INTERPRETER),
      isContactPerson: found.has(PersonRole.CONTACT_PERSON),
    };
  },
  format: (r) =>
    joinList([
      ...(r.isKeyPerson ? [word(PERSON_ROLE, PersonRole.KEY_PERSON)] : []),
      ...(r.isInterpreter ? [word(PERSON_ROLE, PersonRole.INTERPRETER)] : []),
      ...(r.isContactPerson ? [word(PERSON_ROLE, PersonRole.CONTACT_PERSON)] : []),
    ]),
};

const topics: CsvColumn = {
  name: 'themas',
  aliases: ["thema's", 'thema', 'onderwerpen'],
  description: `Thema's waarop de persoon actief is, gescheiden door ';': ${choices(TOPIC)}.`,
  example: 'opvoeding;gezondheid',
  parse(value, ctx) {
    const found = new Set<Topic>();
    for (const item of splitList(value)) {
      const topic = lookup(TOPIC, item);
      if (topic) found.add(topic);
      else ctx.problem(`'${item}' is geen thema; kies ${choices(TOPIC)}`);
    }
    return { topics: [...found] };
  },
  format: (r) => joinList((r.topics as Topic[]).map((t) => word(TOPIC, t))),
};

function reference(
  name: string,
  field: string,
  description: string,
  example: string,
  find: (ref: ReferenceData, v: string) => { id?: string; problem?: string },
  label: (ctx: FormatContext, id: string) => string,
): CsvColumn {
  return {
    name,
    description,
    example,
    parse(value, ctx) {
      const v = value.trim();
      if (!v) return { [field]: null };
      const found = find(ctx.ref, v);
      if (!found.id) ctx.problem(found.problem!);
      return { [field]: found.id ?? null };
    },
    format: (r, ctx) => (r[field] ? label(ctx, String(r[field])) : ''),
  };
}

export const PERSON_COLUMNS: CsvColumn[] = [
  { ...externalId, example: 'P-0012' },
  { ...name, example: 'Hodan Abdi' },
  roles,
  yesNo(
    'tolk_formeel',
    'interpreterFormal',
    'Alleen voor tolken: beëdigd en ingeschreven in het Rbtv (ja), of informele tolk/vrijwilliger (nee). Verplicht bij de rol tolk, leeg bij anderen.',
    'nee',
    true,
  ),
  text('registratienummer', 'registrationNumber', 'Rbtv-nummer, alleen voor een formele tolk.', '', 20),
  yesNo('getraind_sleutelpersoon', 'trainedKeyPerson', 'Heeft de training voor sleutelpersonen gevolgd.', 'ja'),
  yesNo('vrijwilligerscontract', 'volunteerContract', 'Heeft een vrijwilligerscontract.', 'ja'),
  personLanguages,
  { ...communities, example: 'somali' },
  {
    ...neighbourhoods,
    description: `${neighbourhoods.description} De buurten waar de persoon actief is; op de kaart staat een persoon nooit preciezer dan zijn buurt.`,
    example: 'BU03440832',
  },
  topics,
  oneOf('beschikbaarheid', 'availability', AVAILABILITY, 'Of de persoon nu gevraagd kan worden (leeg: beschikbaar).', 'beschikbaar', Availability.AVAILABLE),
  text('beschikbaarheid_toelichting', 'availabilityNote', 'Wanneer, bijvoorbeeld "woensdagmiddag en zaterdag".', 'woensdagmiddag en zaterdag', 500),
  wholeNumber(
    'max_verwijzingen_per_maand',
    'maxReferralsPerMonth',
    'Het eigen maximum aantal verwijzingen per maand (1 tot en met 100) van een vrijwilliger; leeg: geen maximum.',
    '4',
  ),
  { ...phone, description: `${phone.description} Persoonlijk: alleen zichtbaar voor ingelogde teamleden.` },
  { ...email, description: `${email.description} Persoonlijk: alleen zichtbaar voor ingelogde teamleden.`, example: 'hodan.abdi@example.org' },
  reference(
    'organisatie',
    'organisationId',
    'De organisatie waar de persoon bij hoort: extern_id of precieze naam van een organisatie die al in de sociale kaart staat.',
    'Stichting Hiil Wadaag',
    (ref, v) => ref.organisation(v),
    (ctx, id) => ctx.organisationName(id),
  ),
  reference(
    'team',
    'teamId',
    'Het team waar de persoon voor werkt (precieze naam), alleen voor medewerkers van een team.',
    '',
    (ref, v) => ref.team(v),
    (ctx, id) => ctx.teamName(id),
  ),
  date('toestemming_datum', 'consentGivenOn', 'Datum waarop de persoon toestemming gaf om in de sociale kaart te staan (verplicht, AVG).', '2026-03-01'),
  oneOf('toestemming_wijze', 'consentMethod', CONSENT_METHOD, 'Hoe de toestemming is gegeven (verplicht).', 'schriftelijk'),
  text('toestemming_vastgelegd_door', 'consentRecordedBy', 'Wie de toestemming heeft vastgelegd (verplicht).', 'Ravi Jagesar', 200),
  lastVerified,
  ...profileColumns('Person'),
];

export const COLUMNS: Record<CsvKind, CsvColumn[]> = {
  [CsvKind.ORGANISATIONS]: ORGANISATION_COLUMNS,
  [CsvKind.PERSONS]: PERSON_COLUMNS,
};

/** Which column a record field comes from, for problems found after parsing. */
export const FIELD_COLUMN: Record<string, string> = {
  externalId: 'extern_id',
  name: 'naam',
  kind: 'soort',
  consentGivenOn: 'toestemming_datum',
  consentMethod: 'toestemming_wijze',
  consentRecordedBy: 'toestemming_vastgelegd_door',
  interpreterFormal: 'tolk_formeel',
  registrationNumber: 'registratienummer',
  isKeyPerson: 'rollen',
  isInterpreter: 'rollen',
  isContactPerson: 'rollen',
  teamId: 'team',
  organisationId: 'organisatie',
  lat: 'breedtegraad',
  lon: 'lengtegraad',
  neighbourhoods: 'buurten',
  languages: 'talen',
  id: 'extern_id',
  phone: 'telefoon',
  email: 'e-mail',
  availabilityNote: 'beschikbaarheid_toelichting',
  maxReferralsPerMonth: 'max_verwijzingen_per_maand',
  lastVerifiedOn: 'laatst_gecontroleerd',
  description: 'omschrijving',
  website: 'website',
  address: 'adres',
  postcode: 'postcode',
  city: 'plaats',
  availability: 'beschikbaarheid',
  topics: 'themas',
  communities: 'gemeenschappen',
  ...Object.fromEntries(PROFILE_ATTRIBUTES.map((a) => [a.field, a.column])),
  supportedByUserId: 'begeleider_email',
};

export { OrganisationKind, ConsentMethod };
