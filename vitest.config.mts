import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // End-to-end files drive one Chromium each; two cores run two files at a time.
    maxWorkers: 2,
    // Browser steps under a loaded CI machine can take seconds; a poll waits for the page, it does not time it.
    expect: { poll: { timeout: 15_000 } },
  },
});
