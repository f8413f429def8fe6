/**
 * Property-based tests of the engine over arbitrary Unicode and generated Markdown (see properties.ts).
 * A small budget runs in `npm test`: 1,000 runs in all (FAIRWORD_RELIABILITY_RUNS), with a fixed seed
 * (FAIRWORD_RELIABILITY_SEED, default 1) so that `npm test` is deterministic. `npm run fuzz` (scripts/fuzz.mjs)
 * runs the same properties on 100,000 documents or more with a fresh random seed each night.
 * The minimal counterexamples the fuzzer has found are pinned as plain tests in regressions.test.ts.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { budget, PROPERTIES } from './properties.js';

const TOTAL = Number(process.env['FAIRWORD_RELIABILITY_RUNS'] ?? 1000);
const SEED = Number(process.env['FAIRWORD_RELIABILITY_SEED'] ?? 1);
const runs = budget(TOTAL);

describe('engine properties (fast-check)', () => {
  for (const p of PROPERTIES) {
    it(`${p.name}: ${p.asserts}`, { timeout: 120_000 }, async () => {
      await fc.assert(p.property() as unknown as fc.IAsyncProperty<unknown[]>, { numRuns: runs.get(p.name)!, seed: SEED });
    });
  }
});
