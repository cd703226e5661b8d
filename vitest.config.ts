import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { INTERRUPT_BUDGET } from './scripts/v8-tiering.mjs';
import { CostliestFirst } from './tests/support/sequencer.ts';

/**
 * Files run in parallel workers. Vitest's default (one fewer worker than cores) gives one worker on
 * a 2-core machine, which then sits idle while git and Chromium child processes work; one more
 * worker than cores keeps both cores busy (the slowest files are split so they parallelise).
 * A worker keeps its loaded modules from one test file to the next (isolate: false), so each file
 * no longer loads the engine, ajv and the schemas again (summed import time 205 s → 115 s); every
 * file still gets its own hooks, temporary folders and fixtures, and tests that change
 * process.env put it back.
 * Transformed modules are kept on disk between runs (experimental.fsModuleCache, in
 * node_modules/.experimental-vitest-cache, keyed by each file's content, Vitest's version and this
 * config): a repeated run does not transform the engine's ~400 modules again (a two-file run:
 * ~10 s → ~6 s of CPU). A changed file gets a new key; `npx vitest --clearCache` empties it.
 * GOVMEDIA_TEST_CPU=<file> records each file's CPU seconds (tests/support/cpu.ts); the costliest
 * start first (tests/support/sequencer.ts).
 */
const workers = Math.max(2, os.availableParallelism() + 1);

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/support/cpu.ts', 'tests/support/cleanup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    isolate: false,
    // V8 optimises a function later, as the command does (scripts/v8-tiering.mjs): most test code
    // runs a few times, and on 2 cores the optimising compiles competed with the tests (a whole run:
    // 338 → 281 CPU seconds summed over the files, the command's own change included)
    execArgv: [`--interrupt-budget=${INTERRUPT_BUDGET}`],
    maxWorkers: workers,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/vitest-report.json' },
    experimental: { fsModuleCache: true },
    // the costliest files start first (tests/support/sequencer.ts), also on a fresh clone
    sequence: { sequencer: CostliestFirst },
  },
});
