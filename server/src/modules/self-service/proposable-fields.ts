import { badInput, DomainError, ErrorCode } from '../../common/errors.js';
import { LanguageLevel } from '../person/person-language.entity.js';
import { Availability, Topic } from '../person/person.entity.js';
import { PartnerType } from './self-service.entity.js';

/**
 * What a partner may propose through their link, per kind of entry, with the Dutch label a moderator and the partner
 * read. Everything else (name, roles, neighbourhoods, team, consent record, registration number…) stays with the team:
 * a proposal naming another field is refused with that field named.
 */
export const PROPOSABLE: Record<PartnerType, Record<string, string>> = {
  [PartnerType.PERSON]: {
    languages: 'Talen',
    availability: 'Beschikbaarheid',
    availabilityNote: 'Wanneer beschikbaar',
    phone: 'Telefoonnummer',
    email: 'E-mailadres',
    topics: 'Waarmee u kunt helpen',
    doNotList: 'Niet tonen in de sociale kaart',
    consentWithdrawn: 'Toestemming ingetrokken',
  },
  [PartnerType.ORGANISATION]: {
    languages: 'Talen',
    phone: 'Telefoonnummer',
    email: 'E-mailadres',
    website: 'Website',
    description: 'Wat de organisatie doet',
    doNotList: 'Niet tonen in de sociale kaart',
  },
};

export type ProposedLanguage = { language: string; level?: LanguageLevel };
export type Changes = Record<string, unknown>;

const LEVELS = Object.values(LanguageLevel) as string[];
const AVAILABILITIES = Object.values(Availability) as string[];
const TOPICS = Object.values(Topic) as string[];

/** Field names of `changes`, checked against what this kind of entry may propose, with each value's shape. */
export function checkShape(type: PartnerType, changes: unknown): Changes {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes))
    throw badInput('changes', 'Geef de wijzigingen als een lijst van velden met hun nieuwe waarde');
  const allowed = PROPOSABLE[type];
  const entries = Object.entries(changes as Changes);
  if (!entries.length) throw badInput('changes', 'U heeft niets gewijzigd');
  for (const [field, value] of entries) {
    if (!Object.hasOwn(allowed, field)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `Het veld '${field}' kunt u niet zelf wijzigen. Vraag dit aan uw contactpersoon bij het buurtteam.`,
        `changes.${field}`,
      );
    }
    const bad = (message: string) => badInput(`changes.${field}`, `${allowed[field]}: ${message}`);
    switch (field) {
      case 'languages':
        if (!Array.isArray(value) || value.length > 30) throw bad('geef een lijst van talen');
        for (const l of value as ProposedLanguage[]) {
          if (!l || typeof l !== 'object' || typeof l.language !== 'string' || !l.language.trim()) throw bad('elke taal heeft een naam of code');
          if (type === PartnerType.PERSON && !LEVELS.includes(String(l.level))) throw bad(`geef bij elke taal een niveau (${LEVELS.join(', ')})`);
        }
        break;
      case 'availability':
        if (!AVAILABILITIES.includes(String(value))) throw bad(`kies ${AVAILABILITIES.join(', ')}`);
        break;
      case 'topics':
        if (!Array.isArray(value) || value.some((t) => !TOPICS.includes(String(t)))) throw bad(`kies uit ${TOPICS.join(', ')}`);
        break;
      case 'doNotList':
      case 'consentWithdrawn':
        if (typeof value !== 'boolean') throw bad('kies ja of nee');
        break;
      default:
        if (value !== null && typeof value !== 'string') throw bad('geef een tekst');
        if (typeof value === 'string' && value.length > 2000) throw bad('de tekst is te lang');
    }
  }
  return changes as Changes;
}
