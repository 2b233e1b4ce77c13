import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));

// FYP_SKIP_E2E=1 lets a developer without a browser skip the end-to-end tests, explicitly;
// CI may not (the same rule as test/e2e/paths.ts, which global-setup applies).
const skipE2e = process.env.FYP_SKIP_E2E === '1';
if (skipE2e && process.env.CI === 'true') throw new Error('[e2e] FYP_SKIP_E2E is not allowed in CI');
if (skipE2e) console.warn('\n[e2e] FYP_SKIP_E2E=1: the end-to-end tests are NOT run (on request).\n');

// Two projects: unit tests run in Node/happy-dom with WXT's in-memory fake browser; end-to-end
// tests build both packages and drive Debian's Chromium and Firefox ESR, one file at a time.
export default defineConfig({
  root,
  test: {
    passWithNoTests: skipE2e,
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          root,
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // A hang detector, not a budget: on a loaded 2-core machine, with the files running in
          // parallel, a test that takes 1.7 s alone has taken more than vitest's default 5 s.
          testTimeout: 30_000,
          maxWorkers: 2,
          // One environment per worker rather than per file: halves the run (the files reset
          // the fake browser and their mocks themselves; they pass in shuffled order).
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          include: skipE2e ? [] : ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One file at a time: the settings trials keep both cores busy on their own, and
          // files side by side only stretched them past their hang timeouts.
          fileParallelism: false,
        },
      },
    ],
  },
});
