import { parseDate } from '../csv/csv-columns.js';
import type { FlatRecord } from '../directory-writer.js';
import { profileAttributesOf } from '../profile-exchange.js';
import type { ReferenceData } from '../reference-data.js';
import { attribute, type Json, type TermCode } from './hsds-profile.js';

const PUBLIC_FIELDS = ['capabilities', 'topics'];

/**
 * The profile fields of issue 15 as HSDS attributes (exchange/profile-exchange.ts): codes as values,
 * one attribute per list value, dates as JJJJ-MM-DD. Absent attributes read as empty, like `thema`.
 */
export function profileAttributesOut(record: FlatRecord, entity: 'Person' | 'Organisation', linkEntity: string, signedIn = true): Json[] {
  const out: Json[] = [];
  for (const a of profileAttributesOf(entity)) {
    if (a.field === 'topics' && entity === 'Person') continue;
    // What a partner can do and works on is public; wishes and the judgement of their draagvlak (with who judged) are for team members.
    if (!signedIn && !PUBLIC_FIELDS.includes(a.field)) continue;
    const value = record[a.field];
    const term = a.term as TermCode;
    if (Array.isArray(value)) for (const v of value as string[]) out.push(attribute(record.id, linkEntity, term, v));
    else if (a.kind === 'yesNo') {
      if (value === true) out.push(attribute(record.id, linkEntity, term, 'ja'));
    } else if (a.field === 'standing') {
      if (value && value !== 'UNKNOWN') out.push(attribute(record.id, linkEntity, term, String(value)));
    } else if (value !== null && value !== undefined && value !== '') out.push(attribute(record.id, linkEntity, term, String(value)));
  }
  return out;
}

export function profileFieldsIn(
  values: Map<string, string[]>,
  entity: 'Person' | 'Organisation',
  ref: ReferenceData,
  report: (column: string, message: string) => void,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const a of profileAttributesOf(entity)) {
    const all = values.get(a.term) ?? [];
    const at = `attributes(${a.term})`;
    const known = (v: string) => {
      const codes = Object.keys(a.vocab!.words);
      if (codes.includes(v)) return v;
      report(at, `'${v}' is geen geldige waarde; kies ${codes.join(', ')}`);
      return undefined;
    };
    switch (a.kind) {
      case 'capabilities':
        fields[a.field] = all.flatMap((v) => {
          const found = ref.capability(v);
          if (!found.code) report(at, found.problem!);
          return found.code ? [found.code] : [];
        });
        break;
      case 'list':
        if (a.field === 'topics' && entity === 'Person') break; // a person's topics have their own mapping (thema)
        fields[a.field] = all.flatMap((v) => known(v) ?? []);
        break;
      case 'one':
        fields[a.field] = all[0] === undefined ? (a.field === 'standing' ? 'UNKNOWN' : null) : (known(all[0]) ?? null);
        break;
      case 'date': {
        const v = all[0];
        const iso = v === undefined ? null : parseDate(v);
        if (v !== undefined && !iso) report(at, `'${v}' is geen datum (JJJJ-MM-DD)`);
        fields[a.field] = iso ?? null;
        break;
      }
      case 'number': {
        const v = all[0];
        const n = v === undefined ? null : Number(v.replace(',', '.'));
        if (n !== null && !Number.isFinite(n)) report(at, `'${v}' is geen bedrag`);
        fields[a.field] = n !== null && Number.isFinite(n) ? n : null;
        break;
      }
      case 'yesNo':
        fields[a.field] = all[0] === 'ja';
        break;
      default:
        fields[a.field] = all[0] ?? null;
    }
  }
  return fields;
}
