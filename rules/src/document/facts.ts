import type { Memo } from '../memo.js';
import { flat, flatDeep } from '../prose.js';
import { tokenize } from '../tokens.js';
import { blockAcronyms, type BlockAcronyms } from './acronyms.js';
import { findCodedWords, type CodedWord } from './gender.js';
import { blockReadability, type BlockReadability } from './readability.js';
import { yearsSpans } from './requirements.js';
import { statementBits } from './statements.js';
import type { DocBlock } from './structure.js';

/** Everything the analysis needs from one block that depends only on its text and type; offsets relative to the block. */
export interface BlockFacts {
  statements: number;
  coded: CodedWord[];
  readability: BlockReadability;
  acronyms: BlockAcronyms;
  years: Array<[number, number]>;
}

/** How many blocks' facts a linter keeps (see {@link Memo}). */
export const FACTS_MEMO_LIMIT = 5000;

/**
 * The facts of one block, from `memo` when a block of the same type and text was analysed before, so
 * re-analysing a document after a small edit only reworks the blocks that changed.
 */
export function blockFacts(block: DocBlock, viewText: string, memo?: Memo<BlockFacts>): BlockFacts {
  const key = `${block.type}\u0000${flat(viewText.slice(block.start, block.end))}`;
  const hit = memo?.get(key);
  if (hit) return hit;
  const tokens = tokenize(viewText, block.start, block.end);
  const coded: CodedWord[] = [];
  findCodedWords(viewText, tokens, coded);
  const facts: BlockFacts = {
    statements: statementBits(block.text),
    coded: coded.map((w) => ({ ...w, start: w.start - block.start, end: w.end - block.start })),
    readability: blockReadability(block),
    acronyms: blockAcronyms(block, tokens, viewText),
    years: block.type === 'heading' ? [] : yearsSpans(tokens).map(([s, e]) => [s - block.start, e - block.start]),
  };
  if (!memo) return facts;
  const kept = flatDeep(facts);
  memo.set(key, kept);
  return kept;
}
