/**
 * Text as every write route stores it and every search compares it (issue 10, defect 9):
 * - NFC, so "René" typed with a combining accent is the same text as "René";
 * - no control characters (C0 except tab/newline in multi-line text, DEL, C1) and no bidi overrides
 *   or isolates (U+202A–202E, U+2066–2069), which can make a name read as something else;
 * - zero-width characters (U+200B–200D, U+2060, U+FEFF, soft hyphen) are dropped from single-line text,
 *   so "Fa\u200btima" is stored, and found, as "Fatima", and a name of only such characters is empty.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** NFC and, for single-line text, without zero-width characters; trimmed. */
export function normaliseText(value: string, multiLine = false): string {
  const nfc = value.normalize('NFC');
  return (multiLine ? nfc : nfc.replace(ZERO_WIDTH, '')).trim();
}

/** A Dutch reason why this text may not be stored, or null. */
export function forbiddenCharacters(value: string, multiLine = false): string | null {
  if (BIDI.test(value)) return 'bevat tekens die de leesrichting omdraaien (bidi-override); die zijn niet toegestaan';
  if ((multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) {
    const found = (multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).exec(value)![0];
    return `bevat een onzichtbaar stuurteken (U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}); dat is niet toegestaan`;
  }
  return null;
}

/** What a search compares: the same normal form as stored text, lower case. */
export const searchKey = (value: string) => normaliseText(value).toLowerCase();

/** `%`, `_` and the escape character itself taken literally in a LIKE pattern (used with ESCAPE '\'). */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern "contains value", literal, for `LIKE :p ESCAPE '\'` (SQLite and PostgreSQL alike). */
export const containsPattern = (value: string) => `%${escapeLike(searchKey(value))}%`;
