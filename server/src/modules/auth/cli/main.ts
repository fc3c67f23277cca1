import { loadConfig } from '../../../config.js';
import { openDataSource } from '../../../database/data-source.js';
import { askHidden, createUserCommand } from './create-user.js';

// `npm run user:create -- --email … --role administrator [--team …] [--password … | --prompt]`
const config = loadConfig();
const dataSource = await openDataSource(config.databaseUrl);
try {
  process.exitCode = await createUserCommand(dataSource, process.argv.slice(2), {
    out: (line) => console.log(line),
    ask: process.stdin.isTTY ? askHidden : undefined,
  });
} finally {
  await dataSource.destroy();
}
