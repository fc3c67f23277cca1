import cluster from 'node:cluster';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config.js';

/**
 * The one pino logger of a process: JSON lines on stdout (or the given stream, for tests), with the
 * process id and, in a cluster, the worker number. What identifies a person (names, phones, e-mail
 * addresses) is never logged: requests carry the user id only (see request-logging.ts).
 */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, stream?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { pid: process.pid, ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}) },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: should a header or body ever be logged, these never reach the log.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.email', '*.phone'],
        censor: '[verborgen]',
      },
    },
    stream ?? pino.destination({ dest: 1, sync: true }),
  );
}
