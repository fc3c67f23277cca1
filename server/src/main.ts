import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { type AppConfig, ConfigError, loadConfig } from './config.js';
import { startDraining } from './ops/health.js';
import { createLogger } from './ops/logger.js';
import { superviseWorkers, type WorkerMessage } from './ops/supervisor.js';

let config: AppConfig;
try {
  config = loadConfig();
} catch (error) {
  // A wrong setting is the operator's to fix: one clear line naming the variable, no stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuratiefout (${error.variable}): ${error.message}`);
  process.exit(1);
}
const log = createLogger(config);
const announce = (url: string, startedMs: number) => console.log(`\nSociale kaart draait op ${url}  (GraphQL: ${url}graphql, klaar in ${startedMs} ms)\n`);
const started = Date.now();

if (cluster.isPrimary && config.workers > 0) {
  // `npm start`: a primary that keeps WORKERS server processes running (ops/supervisor.ts).
  superviseWorkers(config.workers, log, (url) => announce(url, Date.now() - started));
} else {
  await serve(config);
}

/** One server process: a cluster worker, or the whole server with WORKERS=0. */
async function serve(config: AppConfig): Promise<void> {
  const send = (message: WorkerMessage) => process.send?.(message);
  const crash = (error: unknown) => {
    // Logged with its stack, told to the primary (which logs why it restarts us), then out: the state is unknown.
    log.fatal({ err: error }, 'Onverwachte fout; het werkproces stopt');
    const exit = () => process.exit(1);
    if (!process.send) return exit();
    // Exit once the message is out (or after a second), so the primary can log the reason.
    process.send(
      { type: 'crash', reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies WorkerMessage,
      undefined,
      {},
      exit,
    );
    setTimeout(exit, 1_000).unref();
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Stop taking new work as soon as the stop is asked for; Nest's shutdown hooks then close the server.
  // Asked while still starting (no hooks yet): just stop.
  let listening = false;
  const stopping = () => {
    startDraining();
    if (!listening) process.exit(0);
  };
  process.once('SIGTERM', stopping);
  process.once('SIGINT', stopping);
  // Without its primary (killed with SIGKILL) a worker would run on unsupervised: stop.
  if (cluster.isWorker) process.once('disconnect', () => process.exit(0));

  const app = await createApp(config, { log });
  await app.listen(config.port, config.host);
  listening = true;
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`;
  if (cluster.isWorker) send({ type: 'ready', url });
  else announce(url, Date.now() - started);
}
