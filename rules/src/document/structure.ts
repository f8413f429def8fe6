import { HARD, type ProseView } from '../prose.js';
import type { Token } from '../tokens.js';

/** What a prose block is, as far as the document analysis needs to know. */
export type BlockType = 'heading' | 'list-item' | 'table-cell' | 'paragraph';

/** A prose block with its type and visible text (masked markup and HARD marks read as spaces). */
export interface DocBlock {
  /** Offsets of the visible text, trimmed of masked markup and spaces. */
  start: number;
  end: number;
  type: BlockType;
  /** `view.text` from `start` to `end`, HARD marks replaced by spaces (same length). */
  text: string;
}

/** One line of a block, trimmed, with absolute offsets. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

const HARD_RE = new RegExp(HARD, 'g');
const LIST_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?$/;
/** A plain-text list line: "- item", "• item", "1. item". */
export const BULLET = /^(?:[-*+•·▪–]|\d{1,3}[.)])\s+/;
const SETEXT = /^[ \t]*(?:=+|-+)[ \t]*$/;

/** Classifies the view's blocks, in document order. */
export function classifyBlocks(source: string, view: ProseView): DocBlock[] {
  const headings = new Set(view.headings.map((h) => h.trim().replace(/\s+/g, ' ')));
  const out: DocBlock[] = [];
  for (const block of view.blocks) {
    let start = block.start;
    let end = block.end;
    const raw = view.text.slice(start, end).replace(HARD_RE, ' ');
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    if (lead + trail >= raw.length) continue;
    const text = raw.slice(lead, raw.length - trail);
    start += lead;
    end -= trail;
    out.push({ start, end, type: blockType(source, block.start, block.end, text, headings), text });
  }
  return out;
}

function blockType(source: string, start: number, end: number, text: string, headings: Set<string>): BlockType {
  const first = source[start];
  let lineStart = start;
  while (lineStart > 0 && source[lineStart - 1] !== '\n' && source[lineStart - 1] !== '\r') lineStart--;
  let multiLine = false;
  for (let i = start; i < end && !multiLine; i++) {
    const c = source.charCodeAt(i);
    multiLine = (c === 10 || c === 13) && /\S/.test(source.slice(i, end));
  }
  if (!multiLine && (first === '|' || source[end - 1] === '|' || source[end] === '|')) return 'table-cell';
  if (first === '#') return 'heading';
  if (multiLine) {
    const lines = source.slice(start, end).trimEnd().split(/\r?\n|\r/);
    if (lines.length === 2 && SETEXT.test(lines[1]!)) return 'heading';
  } else if (headings.has(text.replace(/\s+/g, ' '))) {
    return 'heading';
  }
  if (LIST_PREFIX.test(source.slice(lineStart, start))) return 'list-item';
  return 'paragraph';
}

/** The block's lines, trimmed, empty ones dropped. */
export function blockLines(block: DocBlock): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]+/g;
  for (const m of block.text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ start: block.start + m.index + lead, end: block.start + m.index + lead + text.length, text });
  }
  return out;
}

const SENTENCE_PUNCTUATION = new Set(['.', '!', '?', ':', ';', '•', '·', '|', '(', '"', '“']);
const LIST_GAP = /[\r\n][ \t]*(?:[-*+•·▪–]|\d{1,3}[.)])\s/;

/** True when token `i` starts a sentence, a list line or the block (tokens from one block). */
export function sentenceStart(text: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev) return true;
  if (!prev.word && SENTENCE_PUNCTUATION.has(prev.text)) return true;
  return LIST_GAP.test(text.slice(prev.end, tokens[i]!.start));
}
