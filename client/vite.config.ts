import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The budget for the first load (HTML + JS + CSS, gzipped), Leaflet included. */
const FIRST_LOAD_BUDGET_KB = 250;

/**
 * @utrecht/*-react ship one module with `Component.displayName = '…'` after every component; the
 * bundler must treat those property writes as side effects and so keeps all ~100 components.
 * displayName is only for React DevTools: dropping it lets tree-shaking remove what we do not use
 * (about 55 kB gzipped).
 */
function dropUtrechtDisplayNames(): Plugin {
  return {
    name: 'sociale-kaart:drop-utrecht-display-names',
    enforce: 'pre',
    transform(code, id) {
      if (!/node_modules\/@utrecht\/[^/]+-react\/dist\/[^?]*\.mjs$/.test(id)) return null;
      return { code: code.replace(/^\s*[\w$]+\.displayName = (['"])[^'"\n]*\1;?$/gm, ''), map: null };
    },
  };
}

/** Print the gzipped size of everything the first page load fetches, against the budget. */
function reportFirstLoad(): Plugin {
  return {
    name: 'sociale-kaart:first-load-report',
    apply: 'build',
    writeBundle(_options, bundle) {
      // What the first load fetches is what index.html names: the entry, its preloaded chunks and the style sheet.
      const html = Object.values(bundle).find((file) => file.fileName === 'index.html');
      const htmlText = html && html.type === 'asset' ? String(html.source) : '';
      const named = new Set([...htmlText.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((match) => match[1]));
      let total = 0;
      const lines: string[] = [];
      for (const file of Object.values(bundle)) {
        if (file.fileName !== 'index.html' && !named.has(file.fileName)) continue;
        const source = file.type === 'chunk' ? file.code : file.source;
        const gzip = gzipSync(typeof source === 'string' ? Buffer.from(source) : Buffer.from(source)).length;
        total += gzip;
        lines.push(`  ${file.fileName.padEnd(36)} ${(gzip / 1000).toFixed(1).padStart(7)} kB gzip`);
      }
      const verdict = total / 1024 <= FIRST_LOAD_BUDGET_KB ? 'binnen' : 'BOVEN';
      console.log(
        `\nEerste laadbeurt (gzip):\n${lines.join('\n')}\n  totaal ${(total / 1000).toFixed(1)} kB, ${verdict} het budget van ${FIRST_LOAD_BUDGET_KB} kB\n`,
      );
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), dropUtrechtDisplayNames(), reportFirstLoad()],
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    reportCompressedSize: true,
    // The map page is one chunk (it needs all of it at once); every other page and the charts load as chunks of their own.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:3000',
    },
  },
});
