import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
    build: { rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') }, chunkSizeWarningLimit: 4000 },
    plugins: [react()],
  },
});
