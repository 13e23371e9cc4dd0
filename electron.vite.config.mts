import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { precompressDir } from './electron/staticCompression';

/** Brotli and gzip copies of the renderer's text files, for the browser door to send as they are. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    closeBundle: () => precompressDir(outDir),
  };
}

// Three builds: the main process (plus the browser door, which runs the same core under plain Node),
// the sandboxed preload (CommonJS: sandboxed preloads cannot be ESM), and the React renderer.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main.ts'),
          'browser-door': resolve(import.meta.dirname, 'electron/browser-door.ts'),
          // Long work (big PDFs, the audit chain) on a worker thread: electron/jobs/pool.ts finds it beside these.
          'jobs-worker': resolve(import.meta.dirname, 'electron/jobs/worker.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    // Relative asset paths: Electron opens index.html from file://, where '/assets/…' would point at the disk's root.
    base: './',
    // Minified, one chunk per page (routes.tsx loads pages lazily); warn if any chunk passes 1.5 MB.
    build: { rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') }, minify: true, chunkSizeWarningLimit: 1500 },
    plugins: [react(), precompress()],
  },
});
