import type { GraphQLErrorDetail } from '../api/graphql-client';
import { catalogues, type MessageKey } from './catalogue';
import { translate, type Locale, type MessageParams } from './i18n';

/** A parameter that looks like a number ("0.8", "12") becomes one, so ICU plurals and number formats work. */
export function toParams(params: Record<string, unknown> | { name: string; value: string }[] | undefined): MessageParams {
  const out: MessageParams = {};
  const entries = Array.isArray(params) ? params.map((p) => [p.name, p.value] as const) : Object.entries(params ?? {});
  for (const [name, value] of entries) {
    if (typeof value === 'number') out[name] = value;
    else if (typeof value === 'string') out[name] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return out;
}

const has = (key: string): key is MessageKey => key in catalogues.nl;

/** "input.consent.givenOn" → the field's name in the language ("date of consent"), else the server's label, else the path. */
export function fieldLabel(locale: Locale, field: unknown, serverLabel?: unknown): string {
  const last =
    typeof field === 'string'
      ? (field
          .split('.')
          .filter((part) => !/^\d+$/.test(part))
          .pop() ?? field)
      : '';
  const key = `field.${last}`;
  if (locale === 'en' && has(key)) return translate(locale, key);
  if (typeof serverLabel === 'string' && serverLabel) return serverLabel;
  if (has(key)) return translate(locale, key);
  return last || 'none';
}

const capitalise = (text: string) => text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());

/**
 * A server error in the user's language: the sentence of its `messageKey` from the catalogue, filled in with its
 * `params`; the server's own (Dutch) text when the client does not know the key. In Dutch a generic key (`error.<code>`)
 * keeps the server's sentence, which says more.
 */
export function localizeServerError(locale: Locale, detail: { message: string; code?: string; extensions?: Record<string, unknown> }): string {
  const extensions = detail.extensions ?? {};
  const messageKey = typeof extensions.messageKey === 'string' ? extensions.messageKey : detail.code ? `error.${detail.code}` : undefined;
  if (!messageKey) return detail.message;
  const key = `server.${messageKey}`;
  if (!has(key)) return detail.message;
  if (locale === 'nl' && messageKey.startsWith('error.') && detail.message) return detail.message;
  const params = toParams(extensions.params as Record<string, unknown> | undefined);
  const label = fieldLabel(locale, params.field ?? extensions.field, params.label);
  params.fieldLabel = label;
  if (Array.isArray(extensions.suggestions)) {
    const names = (extensions.suggestions as { code?: string; nameNl?: string; nameEn?: string }[]).map(
      (s) => `${(locale === 'en' ? s.nameEn : s.nameNl) ?? s.nameNl ?? s.code} (${s.code})`,
    );
    params.suggestions = names.join(locale === 'nl' ? ' of ' : ' or ');
  } else if (typeof params.suggestionCodes === 'string') {
    params.suggestions = params.suggestionCodes.split(',').join(locale === 'nl' ? ' of ' : ' or ');
  }
  try {
    return capitalise(translate(locale, key, params));
  } catch {
    return detail.message;
  }
}

/** The same for every problem listed in a validation error (`extensions.problems`), so forms show each at its field. */
export function localizeDetail(locale: Locale, detail: GraphQLErrorDetail): GraphQLErrorDetail {
  const problems = Array.isArray(detail.extensions?.problems)
    ? (detail.extensions.problems as Record<string, unknown>[]).map((problem) => ({
        ...problem,
        serverMessage: problem.message,
        message: localizeServerError(locale, { message: String(problem.message ?? ''), code: detail.code, extensions: problem }),
      }))
    : undefined;
  return {
    ...detail,
    serverMessage: detail.message,
    message: localizeServerError(locale, detail),
    extensions: problems ? { ...detail.extensions, problems } : detail.extensions,
  };
}
