import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';

let draining = false;

/** From now on /readyz answers 503, so a load balancer stops sending new requests before this process stops. */
export function startDraining(): void {
  draining = true;
}

/**
 * `/healthz`: the process is up and its event loop answers (liveness).
 * `/readyz`: the database answers and every migration has run, and the process is not stopping
 * (readiness, for a load balancer or a container orchestrator). Neither needs a session, neither
 * says more than that.
 */
export function healthRoutes(dataSource: DataSource) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/healthz') {
      res.setHeader('Cache-Control', 'no-store');
      return res.json({ status: 'ok', pid: process.pid, uptimeSeconds: Math.round(process.uptime()) });
    }
    if (req.path !== '/readyz') return next();
    res.setHeader('Cache-Control', 'no-store');
    if (draining) return res.status(503).json({ status: 'stopping' });
    try {
      await dataSource.query('SELECT 1');
      const ran = new Set(((await dataSource.query('SELECT name FROM migrations')) as { name: string }[]).map((m) => m.name));
      const pending = dataSource.migrations.filter((m) => !ran.has(m.name ?? m.constructor.name)).length;
      if (pending) return res.status(503).json({ status: 'migrating', pendingMigrations: pending });
      return res.json({ status: 'ready' });
    } catch {
      return res.status(503).json({ status: 'database unreachable' });
    }
  };
}
