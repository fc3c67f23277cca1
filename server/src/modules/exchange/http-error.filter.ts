import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode } from '../../common/errors.js';

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNKNOWN_LANGUAGE]: 400,
  [ErrorCode.UNKNOWN_NEIGHBOURHOOD]: 400,
  [ErrorCode.INVALID_CBS_CODE]: 400,
};

/**
 * For the plain HTTP routes (downloads, HSDS): a domain error becomes the matching status with
 * `{ code, message, field }`; anything else a 500 without details, as in GraphQL.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      const code = String(error.extensions.code);
      res.status(STATUS[code] ?? 400).json({ code, message: error.message, ...(error.extensions.field ? { field: error.extensions.field } : {}) });
      return;
    }
    if (error instanceof HttpException) {
      res.status(error.getStatus()).json({ code: 'BAD_REQUEST', message: error.message });
      return;
    }
    console.error(error);
    res.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Er ging iets mis op de server. Probeer het later opnieuw.' });
  }
}
