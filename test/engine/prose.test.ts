import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownSegments, parseMarkdown, plainSegment, proseView, type SegmentMemo } from '../../rules/src/prose.js';
import { Memo } from '../../rules/src/memo.js';

const PLAIN = ['We', 'need', 'a', 'salesman', 'young', 'team', 'BAME', 'staff', 'Trust', 'NHS', 'and', 'the', 'care', 'is', 'good', 'of', '(band 5)', 'e.g.', "King's", '2026', 'café', '😀', 'x:y', 'a.b', '"quoted"', "it's", '£30,000', '5%', 'a/b', '?', ';'];
const SPECIAL = ['-', '1.', '#', '*', '_', '`code`', '[link](u)', '<b>', '&amp;', 'http://x.y', 'www.x.y', 'a@b.c', '|', '~~', '\\', '=', '+', ')', '--'];
const word = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIAL) });
const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const eol = fc.constantFrom('\n', '\r\n', '\r');
const indent = fc.constantFrom('', '', '', '', '', '', ' ', '    ', '\t');
const segment = fc
  .array(fc.tuple(indent, line, fc.constantFrom('', ' ', '  '), eol), { minLength: 1, maxLength: 5 })
  .map((lines) => lines.map(([i, l, t, e]) => i + l + t + e).join(''));

describe('plain segments need no parse', () => {
  it('agrees with remark whenever it claims a segment is plain', () => {
    let plain = 0;
    fc.assert(
      fc.property(segment, (text) => {
        const fast = plainSegment(text);
        if (!fast) return;
        plain++;
        const slow = parseMarkdown(text);
        expect(fast.text).toBe(slow.text);
        expect(fast.blocks).toEqual(slow.blocks);
        expect(fast.comments).toEqual(slow.comments);
      }),
      { numRuns: Number(process.env.FAIRWORD_FUZZ_RUNS ?? 3000) },
    );
    expect(plain).toBeGreaterThan(100);
  });

  it('sends anything that may be Markdown syntax to remark', () => {
    for (const text of ['a *b* c\n', '# Title\n', '- item\n', '1. item\n', '    code\n', 'a\n===\n', 'see www.nhs.uk\n', 'a & b\n', 'a | b\n', 'x\n\n    y\n']) {
      expect(plainSegment(text), text).toBeUndefined();
    }
    expect(plainSegment('We need a salesman.\r\nThe Trust is good.\r\n')?.blocks).toEqual([{ start: 0, end: 39 }]);
  });

  it('segments split only at blank lines that cannot change the parse', () => {
    const src = '---\na: 1\n\nb: 2\n---\n# T\n\npara one\n\n- item\n\n  cont\n\n```\ncode\n\ncode\n```\n\n<!-- x\n\ny -->\n\nend';
    expect(markdownSegments(src).map(([s, e]) => src.slice(s, e))).toEqual([
      '---\na: 1\n\nb: 2\n---\n# T\n',
      'para one\n',
      '- item\n\n  cont\n',
      '```\ncode\n\ncode\n```\n',
      '<!-- x\n\ny -->\n',
      'end',
    ]);
  });
});

describe('what a linter keeps about segments', () => {
  it('skips the same segments whatever it viewed before', () => {
    const needed = (segment: string) => segment.includes('wanted');
    const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} has a wanted word, so it is parsed.`).join('\n\n');
    const shared = 'A plain paragraph with nothing in it to check.';
    const opening = `wanted at the start\n\n${shared}\n\nwanted at the end\n`;
    const later = `${filler}\n\n${shared}\n\nwanted at the end\n`;
    const alone = proseView(later, 'markdown', needed, new Memo<SegmentMemo>(100));
    // The shared paragraph is parsed in the opening of one text and skipped far into the other.
    expect(alone.blocks.length).toBe(61);
    const memo = new Memo<SegmentMemo>(100);
    proseView(opening, 'markdown', needed, memo);
    expect(proseView(later, 'markdown', needed, memo)).toEqual(alone);
    expect(proseView(opening, 'markdown', needed, memo)).toEqual(proseView(opening, 'markdown', needed));
  });
});
