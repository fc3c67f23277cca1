import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** How long clients are told they may reuse an idle connection (the Keep-Alive header). */
export const ADVERTISED_KEEP_ALIVE_SECONDS = 5;
/** How long the server really keeps an idle connection open. */
export const KEEP_ALIVE_MS = 65_000;

/**
 * Keep-alive without the race behind CI's "other side closed" (issue 10, defect 12).
 * Node closes an idle connection when its keep-alive timer fires (5 s by default) and tells the
 * client so in `Keep-Alive: timeout=5`; undici then reuses it for up to 4 s. When the event loop is
 * blocked (a synchronous SQLite call, parsing a large upload that is then refused), both timers expire
 * during the block; once the loop runs again the client may already have written its next request on
 * the connection when the server's overdue timer destroys it. The server now keeps idle connections
 * for 65 s (also longer than common load balancer idle timeouts of 60 s) but still advertises 5 s,
 * so a client's reuse always falls well inside the server's window.
 */
export function tuneKeepAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Must exceed keepAliveTimeout, or a slow first request line on a kept connection is cut off.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}

/** Sets the Keep-Alive header ourselves, which also stops Node from advertising its own (65 s) timeout. */
export function keepAliveHeader() {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Keep-Alive', `timeout=${ADVERTISED_KEEP_ALIVE_SECONDS}`);
    next();
  };
}
