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

const CACHE_LIMIT = 5000;
const cache = new Map<string, BlockFacts>();

/** Forgets cached block results (for cold-start measurements, or to free memory). */
export function clearDocumentCache(): void {
  cache.clear();
}

/**
 * The facts of one block, from cache when a block of the same type and text was analysed before, so
 * re-analysing a document after a small edit only reworks the blocks that changed.
 */
export function blockFacts(block: DocBlock, viewText: string): BlockFacts {
  const key = `${block.type}\u0000${flat(viewText.slice(block.start, block.end))}`;
  const hit = cache.get(key);
  if (hit) {
    // Refresh its place so the most recently used blocks survive eviction.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
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
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  const kept = flatDeep(facts);
  cache.set(key, kept);
  return kept;
}
