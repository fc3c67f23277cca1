import type { NextFunction, Request, Response } from 'express';
import { type AuthService, SESSION_COOKIE, type SignedIn } from './auth.service.js';

export interface AuthenticatedRequest extends Request {
  actor?: SignedIn['actor'] | null;
  signedIn?: SignedIn | null;
  /** Why a presented token did not count, for the UNAUTHENTICATED message. */
  authProblem?: string;
}

/** The session token from `Authorization: Bearer …` (scripts) or the httpOnly cookie (browser). */
export function tokenFrom(req: Request): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? match[1] : '';
  }
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** Sets req.actor (or null) on every request before GraphQL sees it. */
export function authMiddleware(auth: AuthService) {
  return async (req: AuthenticatedRequest, _res: Response, next: NextFunction) => {
    req.actor = null;
    req.signedIn = null;
    try {
      const token = tokenFrom(req);
      if (token === '') req.authProblem = 'De Authorization-header moet de vorm "Bearer <token>" hebben';
      else if (token) {
        const result = await auth.authenticate(token);
        if ('problem' in result) req.authProblem = result.problem;
        else {
          req.signedIn = result;
          req.actor = result.actor;
        }
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
