import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode, DomainError } from './errors.js';

/** Flattens class-validator's tree into `field.path: message` pairs. */
function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Validate every input once, at the edge; the first problem names the field, all are listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const first = problems[0] ?? { field: undefined, message: 'Ongeldige invoer' };
      return new DomainError(ErrorCode.BAD_USER_INPUT, first.message, first.field, { problems });
    },
  });
}
