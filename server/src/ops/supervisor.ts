import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

/** Messages a worker sends to the primary. */
export type WorkerMessage = { type: 'ready'; url: string } | { type: 'crash'; reason: string };

/** A worker that dies before it is ready is restarted after 1 s, 2 s, 4 s … up to this (a database that is down). */
const MAX_RESTART_DELAY_MS = 30_000;
/** How long the workers get to finish their requests on SIGTERM/SIGINT before they are killed. */
const STOP_GRACE_MS = 10_000;

/** Why a worker ended, in words for the log. */
function why(code: number | null, signal: string | null, crash: string | undefined): string {
  if (crash) return `onverwachte fout: ${crash}`;
  if (signal === 'SIGKILL') return 'gestopt met SIGKILL (door het besturingssysteem, bijvoorbeeld bij geheugentekort, of door een beheerder)';
  if (signal === 'SIGABRT' || code === 134) return 'afgebroken (SIGABRT; vaak: geheugen op)';
  if (signal) return `gestopt met ${signal}`;
  return `gestopt met exitcode ${code}`;
}

/**
 * The primary process of `npm start`: it serves nothing itself, it forks WORKERS server processes
 * and restarts one at once when it dies, logging why. The first worker starts alone: it runs the
 * migrations and, on a first start, loads the demo data; only when it is ready are the others
 * forked, so those steps never run twice at the same time. The workers share the port (Node's
 * cluster module hands out connections). SIGTERM or SIGINT stops the workers gracefully.
 */
export function superviseWorkers(count: number, log: Logger, onFirstReady: (url: string) => void): void {
  const crashes = new Map<number, string>();
  const ready = new Set<number>();
  let firstReady = false;
  let stopping = false;
  let failedStarts = 0;

  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (message: WorkerMessage) => {
      if (message?.type === 'crash') crashes.set(worker.id, String(message.reason).slice(0, 500));
      if (message?.type !== 'ready') return;
      ready.add(worker.id);
      failedStarts = 0;
      log.info({ workerPid: worker.process.pid, worker: worker.id }, 'Werkproces klaar');
      if (!firstReady) {
        firstReady = true;
        onFirstReady(message.url);
        for (let i = 1; i < count; i++) fork();
      }
    });
    return worker;
  };

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const wasReady = ready.delete(worker.id);
    const reason = why(code, signal, crashes.get(worker.id));
    crashes.delete(worker.id);
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    if (!firstReady) {
      // The first start failed (a wrong DATABASE_URL, a migration that fails): say so and stop, do not loop.
      log.fatal({ workerPid: worker.process.pid, code, signal }, `Het eerste werkproces kon niet starten (${reason}); de server stopt`);
      process.exit(1);
    }
    const delay = wasReady ? 0 : Math.min(1_000 * 2 ** failedStarts++, MAX_RESTART_DELAY_MS);
    log.error({ workerPid: worker.process.pid, worker: worker.id, code, signal, restartInMs: delay }, `Werkproces ${reason}; het wordt herstart`);
    setTimeout(() => {
      if (!stopping) fork();
    }, delay).unref();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'De server stopt: werkprocessen ronden hun verzoeken af');
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    if (!workers.length) process.exit(0);
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(0);
    }, STOP_GRACE_MS).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  log.info({ workers: count }, `Server start met ${count} werkproces${count === 1 ? '' : 'sen'}`);
  fork();
}
