import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { createApp } from '../app.js';
import { loadConfig, projectRoot } from '../config.js';

export const SCHEMA_HEADER = '# Generated from the server code by `npm run schema`. Do not edit by hand.\n\n';

/** The GraphQL schema as SDL, built by the real application on an in-memory database. */
export async function generateSchema(): Promise<string> {
  const config = { ...loadConfig({}), databaseUrl: 'sqlite::memory:', seedDemoData: false };
  const app = await createApp(config, { logger: false });
  await app.init();
  const sdl = printSchema(app.get(GraphQLSchemaHost).schema);
  await app.close();
  return SCHEMA_HEADER + sdl + '\n';
}

export const schemaPath = () => join(projectRoot(), 'schema', 'schema.graphql');

if (process.argv[1]?.endsWith('print-schema.js')) {
  writeFileSync(schemaPath(), await generateSchema());
  console.log(`Schema geschreven naar ${schemaPath()}`);
}
