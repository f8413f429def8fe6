import { describe, expect, it } from 'vitest';
import { createLinter, ruleCatalog } from '@fairword/rules';

// Every rule's documented examples are its tests: not-ok examples must produce that rule, ok examples must not.
// Each rule is switched on explicitly, so rules that are off by default (or on only under a choice) are tested too.
describe.each(ruleCatalog())('rule $id', (rule) => {
  const kind = rule.kinds[0] ?? 'general';
  const linter = createLinter({ repeats: 'all', rules: { [rule.id]: rule.severity } });
  it.each(rule.examples.notOk)('flags: %s', (example) => {
    const ids = linter.lint(example, { kind }).findings.map((f) => f.ruleId);
    expect(ids).toContain(rule.id);
  });
  it.each(rule.examples.ok)('leaves alone: %s', (example) => {
    const ids = linter.lint(example, { kind }).findings.map((f) => f.ruleId);
    expect(ids).not.toContain(rule.id);
  });
});

describe('rule metadata', () => {
  it('every rule has a source, a note and examples', () => {
    for (const rule of ruleCatalog()) {
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      expect(rule.sources.every((s) => s.title.length > 0), rule.id).toBe(true);
      expect(rule.note.length, rule.id).toBeGreaterThan(40);
      expect(rule.examples.notOk.length, rule.id).toBeGreaterThan(0);
    }
  });
  it('covers every family with at least two rules', () => {
    const count = (c: string): number => ruleCatalog().filter((r) => r.category === c).length;
    for (const c of ['age', 'gender', 'ethnicity', 'disability', 'health', 'criteria']) expect(count(c), c).toBeGreaterThanOrEqual(2);
  });
});
