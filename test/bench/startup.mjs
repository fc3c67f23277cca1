// Benchmark: wall time of a first start (empty database: migrations + demo data) and of a restart,
// measured on the built server (`npm run build` first). Prints figures; asserts nothing.
// Usage: node test/bench/startup.mjs [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 3);

function start(databaseFile) {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, ['dist/server/src/main.js'], {
      env: { ...process.env, PORT: '0', DATABASE_URL: `sqlite:${databaseFile}` },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let ready = 0;
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!ready && out.includes('draait op')) {
        ready = performance.now() - began;
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => (ready ? resolve(ready) : reject(new Error(`server stopte met code ${code}:\n${out}`))));
  });
}

const first = [],
  restart = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const file = join(dir, 'bench.sqlite');
  first.push(await start(file));
  restart.push(await start(file));
  rmSync(dir, { recursive: true, force: true });
}
const fmt = (xs) => `min ${Math.min(...xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
console.log(`first start on an empty database (migrations + demo data), ${runs} runs: ${fmt(first)}`);
console.log(`restart on the same database, ${runs} runs: ${fmt(restart)}`);
