import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinter, formatFromFilename, type FairwordConfig } from '../../rules/src/index.js';

const fixtures = new URL('../fixtures/labelled/', import.meta.url);
const examples = new URL('../../examples/', import.meta.url);

/** The labelled documents and the examples, with their formats. */
function documents(): Array<{ name: string; text: string; format: 'markdown' | 'plaintext' }> {
  const out: Array<{ name: string; text: string; format: 'markdown' | 'plaintext' }> = [];
  for (const dir of [fixtures, examples]) {
    for (const name of readdirSync(dir).sort()) {
      const format = formatFromFilename(name);
      if (format) out.push({ name, text: readFileSync(new URL(name, dir), 'utf8'), format });
    }
  }
  return out;
}

const CONFIGS: FairwordConfig[] = [
  {},
  { allow: ['BAME'], terms: [{ phrase: 'rock star', suggestions: ['skilled'] }], rules: { 'long-sentence': 'off', young: 'error' }, repeats: 'all' },
];

describe('a linter allowing more terms', () => {
  it('finds what a linter compiled with those terms in `allow` finds, and leaves the linter it came from as it was', () => {
    const docs = documents();
    expect(docs.length).toBeGreaterThan(60);
    let tried = 0;
    for (const [c, config] of CONFIGS.entries()) {
      const linter = createLinter(config);
      // Every document under the default config; every fourth under the other.
      for (const { name, text, format } of docs.filter((_, i) => c === 0 || i % 4 === 0)) {
        // A document's first lint can differ from later ones (Markdown segments cached by an earlier lint are read
        // for kind signals), so every comparison here is between lints made after the first.
        linter.lint(text, { format });
        const before = JSON.stringify(linter.lint(text, { format }));
        // The first span finding's words, then the first two together.
        const terms = [...new Set(linter.lint(text, { format }).findings.filter((f) => f.scope === 'span').map((f) => f.actual))].slice(0, 2);
        for (const allowed of terms.length > 1 ? [terms.slice(0, 1), terms] : [terms]) {
          if (allowed.length === 0) continue;
          tried++;
          const compiled = createLinter({ ...config, allow: [...(config.allow ?? []), ...allowed] });
          expect(JSON.stringify(linter.allowing(allowed).lint(text, { format })), `${name} allowing ${allowed.join(', ')}`).toBe(
            JSON.stringify(compiled.lint(text, { format })),
          );
        }
        expect(JSON.stringify(linter.lint(text, { format })), name).toBe(before);
      }
    }
    expect(tried).toBeGreaterThan(100);
  }, 60_000);

  it('allows a term: its finding goes, and the same linter without it still reports it', () => {
    const linter = createLinter();
    const text = 'We are recruiting a support worker to join our young, energetic team.\n';
    const ids = (l: ReturnType<typeof createLinter>): string[] => l.lint(text, { format: 'plaintext', kind: 'job-advert' }).findings.map((f) => `${f.ruleId} ${f.actual}`);
    expect(ids(linter)).toContain('young young');
    expect(ids(linter.allowing(['young']))).not.toContain('young young');
    expect(ids(linter)).toContain('young young');
  });
});
