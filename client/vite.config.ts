import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The relay serves the built client in production; in development Vite serves it and forwards
// the relay's endpoints, so the dev server and the relay behave like one origin.
const RELAY = 'http://127.0.0.1:1234';

/** The page's first script: it asks for the board's first view while the app's script loads. */
const EARLY_SCRIPT = 'src/firstView/early.ts';

export default defineConfig({
  plugins: [react(), precompress(), earlyScript(), namedLazyChunks()],
  // Konva and Yjs make one ~210 KB gzip chunk, under the 300 KB budget; Vite's default warning is for raw size.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), early: resolve(import.meta.dirname, EARLY_SCRIPT) },
    },
  },
  server: {
    proxy: {
      '/sync': { target: RELAY, ws: true },
      '/api': RELAY,
      '/healthz': RELAY,
    },
  },
});

/**
 * Puts EARLY_SCRIPT, built as an entry of its own, first in index.html. Vite would merge every
 * module script of the page into one entry, and the first view's request would then wait until
 * the whole app had been fetched and compiled; on its own it runs as soon as it arrives.
 */
function earlyScript(): Plugin {
  return {
    name: 'costudio:early-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === 'early',
        );
        const src = chunk ? `/${chunk.fileName}` : `/${EARLY_SCRIPT}`;
        return [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src }, injectTo: 'head-prepend' }];
      },
    },
  };
}

/**
 * Names every lazily loaded chunk (the panels, the projector) and its CSS in index.html as a
 * low-priority prefetch. The service worker keeps exactly the assets index.html names
 * (client/public/sw.js), so without this a panel opened offline would have no code to load.
 */
function namedLazyChunks(): Plugin {
  return {
    name: 'costudio:named-lazy-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const outputs = Object.values(context.bundle ?? {});
        const files = new Set<string>();
        for (const output of outputs) {
          if (output.type !== 'chunk' || !output.isDynamicEntry) continue;
          files.add(output.fileName);
          for (const imported of output.imports) files.add(imported);
          for (const css of output.viteMetadata?.importedCss ?? []) files.add(css);
        }
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({ tag: 'link', attrs: { rel: 'prefetch', href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.wasm']);
/** Below this, the bytes saved do not pay for a second file. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build, at the highest
 * levels (once per build, not per request), so the server only picks one by Accept-Encoding
 * (server/src/http/staticFiles.ts). A variant is kept only where it is smaller than the file.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'costudio:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true }))
        .map((name) => join(outDir, name))
        .filter((file) => COMPRESSIBLE.has(extname(file).toLowerCase()));
      await Promise.all(
        files.map(async (file) => {
          if ((await stat(file)).size < MIN_BYTES) return;
          const bytes = await readFile(file);
          const [br, gz] = await Promise.all([
            brotli(bytes, {
              params: {
                [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
                [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
                [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            gzipAsync(bytes, { level: zlibConstants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < bytes.length) await writeFile(`${file}.br`, br);
          if (gz.length < bytes.length) await writeFile(`${file}.gz`, gz);
        }),
      );
    },
  };
}
