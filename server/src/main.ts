import { createApp } from './app.js';
import { type AppConfig, ConfigError, loadConfig } from './config.js';

let config: AppConfig;
try {
  config = loadConfig();
} catch (error) {
  // A wrong setting is the operator's to fix: one clear line naming the variable, no stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuratiefout (${error.variable}): ${error.message}`);
  process.exit(1);
}
const started = Date.now();
const app = await createApp(config);
await app.listen(config.port, config.host);
const { port } = app.getHttpServer().address() as import('node:net').AddressInfo;
const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`;
console.log(`\nSociale kaart draait op ${url}  (GraphQL: ${url}graphql, klaar in ${Date.now() - started} ms)\n`);
