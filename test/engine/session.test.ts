import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLinter, type Format } from '@fairword/rules';

const advert = readFileSync(new URL('../../examples/job-advert.md', import.meta.url), 'utf8');
const policy = readFileSync(new URL('../../examples/policy.md', import.meta.url), 'utf8');
const plain = [advert, policy].join('\n\n').replace(/[#*`|]/g, '');

const INSERTS = ['x', ' ', '\n', '\n\n', '\r\n', 'salesman ', 'young ', 'BAME', '# Driver\n\n', 'he/she', '"', '- ', '<!-- fairword-disable-next-line young -->\n', 'Essential:\n'];

/** An edit: replace [at, at + remove) with one of the inserts. */
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.constantFrom(...INSERTS) });

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('lint sessions re-analyse only what changed and agree with a full lint', () => {
  for (const [name, start, format] of [
    ['markdown advert', advert, 'markdown'],
    ['markdown policy', policy, 'markdown'],
    ['plain text', plain, 'plaintext'],
  ] as Array<[string, string, Format]>) {
    it(name, () => {
      // One reference linter for the full lints: its caches are transparent (properties.test.ts checks that).
      const reference = createLinter();
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
          const linter = createLinter();
          const session = linter.session({ format });
          let text = start;
          session.lint(text);
          for (const e of edits) {
            text = applyEdit(text, e);
            const incremental = session.lint(text);
            const full = reference.lint(text, { format });
            expect(incremental).toEqual(full);
          }
        }),
        { numRuns: Number(process.env.FAIRWORD_FUZZ_RUNS ?? 60) },
      );
    }, 90_000);
  }
});
