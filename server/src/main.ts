import { createApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
const started = Date.now();
const app = await createApp(config);
await app.listen(config.port, config.host);
const { port } = app.getHttpServer().address() as import('node:net').AddressInfo;
const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`;
console.log(`\nSociale kaart draait op ${url}  (GraphQL: ${url}graphql, klaar in ${Date.now() - started} ms)\n`);
