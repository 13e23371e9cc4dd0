import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // End-to-end files drive one Chromium each; two cores run two files at a time.
    maxWorkers: 2,
  },
});
