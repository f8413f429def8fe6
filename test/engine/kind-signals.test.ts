import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockSignals } from '../../rules/src/kind.js';
import { headingLike } from '../../rules/src/outline.js';

const fixtures = new URL('../fixtures/labelled/', import.meta.url);
const examples = new URL('../../examples/', import.meta.url);

/** Every non-empty line of the labelled documents and the examples. */
function lines(): string[] {
  const out: string[] = [];
  for (const dir of [fixtures, examples]) {
    for (const name of readdirSync(dir)) {
      if (!/\.(md|txt)$/.test(name)) continue;
      for (const line of readFileSync(new URL(name, dir), 'utf8').split(/\r?\n|\r/)) if (line.trim()) out.push(line);
    }
  }
  return out;
}

describe('kind signals read by group', () => {
  it('finds the same signals in every line as reading each signal on its own', () => {
    const all = lines();
    expect(all.length).toBeGreaterThan(1500);
    const differing = all.filter((line) => {
      const heading = headingLike(line);
      return JSON.stringify(blockSignals(line.trim(), heading, true)) !== JSON.stringify(blockSignals(line.trim(), heading, false));
    });
    expect(differing).toEqual([]);
  });

  it('finds signals of several groups in one line, in the order of the signals', () => {
    const line = 'Closing date: 5 May. Salary £25,000 a year, full-time. How to apply: the role reports to the ward manager.';
    const expected = ['a closing date', 'how to apply', 'pay with a figure', 'contract terms', 'words to the applicant', 'a reporting line'];
    expect(blockSignals(line, false, false)).toEqual(expected);
    expect(blockSignals(line, false, true)).toEqual(expected);
    expect(blockSignals('The committee met on Tuesday.', false, true)).toEqual([]);
  });
});
