import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode, DomainError } from './errors.js';
import { forbiddenCharacters } from './text.js';

/** Flattens class-validator's tree into `field.path: message` pairs. */
function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string; messageKey: string; params: Record<string, string> }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // The constraint's name (isNotEmpty, maxLength…) is the stable key; the client has a sentence per key.
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message,
      messageKey: `validation.${constraint}`,
      params: { field },
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Secrets are compared as typed; an import file's content is read (and its cells checked) by the importer. */
const VERBATIM = new Set(['password', 'currentPassword', 'newPassword', 'token', 'content', 'contentBase64']);

/**
 * Every text of every input in one normal form (issue 10, defect 9): NFC, so "René" typed with a
 * combining accent is stored and searched as "René"; control characters (other than tab and line
 * ends) and bidi overrides are refused, naming the field. Single-line rules (no line ends, no
 * zero-width characters in names) are the entities' own (common/rules.ts).
 */
export function normaliseInput(value: unknown, path = ''): unknown {
  if (typeof value === 'string') {
    const bad = forbiddenCharacters(value, true);
    if (bad)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${path || 'De invoer'} ${bad}`, path || undefined, {
        rule: 'text.characters',
        messageKey: 'text.characters',
        params: { label: path },
      });
    return value.normalize('NFC');
  }
  if (Array.isArray(value)) return value.map((v, i) => normaliseInput(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = VERBATIM.has(key) ? v : normaliseInput(v, path ? `${path}.${key}` : key);
    return out;
  }
  return value;
}

class NormalisingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom parameter decorators (the signed-in actor) are not input.
    return super.transform(metadata.type === 'custom' ? value : normaliseInput(value), metadata);
  }
}

/** Validate every input once, at the edge; the first problem names the field, all are listed. */
export function createValidationPipe(): ValidationPipe {
  return new NormalisingValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const first = problems[0] ?? { field: undefined, message: 'Ongeldige invoer', messageKey: 'error.BAD_USER_INPUT', params: {} };
      return new DomainError(ErrorCode.BAD_USER_INPUT, first.message, first.field, { messageKey: first.messageKey, params: first.params, problems });
    },
  });
}
