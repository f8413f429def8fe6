import { flat } from '../prose.js';
import { lineUnits, sentenceRanges } from '../sentences.js';
import { syllable } from 'syllable';
import { BULLET, type DocBlock, type Line } from './structure.js';

/** NHS service manual, How we write: sentences of up to 20 words, paragraphs of up to 3 sentences. */
export const MAX_SENTENCE_WORDS = 20;
export const MAX_PARAGRAPH_SENTENCES = 3;
/** Below this many words a reading age means little, so the report gives null. */
export const MIN_WORDS_FOR_READING_AGE = 100;

const WORD_RE = /[\p{L}\p{N}]+(?:['’.,\-\u2010\u2011][\p{L}\p{N}]+)*/gu;
/** Lines of up to this many words with no closing punctuation are facts in a details block. */
const FACT_LINE_WORDS = 8;
/** A capitalised label of up to five words and a colon at the start of a line: "Cooking skills: …". */
const LEAD_LABEL = /^[\p{Lu}][\p{L}'’&/()-]*(?: [\p{L}'’&/()-]+){0,4}:\s/u;
const SYLLABLE_CACHE = new Map<string, number>();

/** A span that breaks a plain-English limit, offsets relative to its block. */
export interface Overlong {
  start: number;
  end: number;
  count: number;
}

/** Sentence, word and syllable counts of one block (headings count as nothing: they are titles, not sentences). */
export interface BlockReadability {
  sentences: number;
  words: number;
  syllables: number;
  passive: number;
  /** Sentences outside list lines, for the paragraph-length check. */
  paragraphSentences: number;
  longSentences: Overlong[];
}

const EMPTY: BlockReadability = { sentences: 0, words: 0, syllables: 0, passive: 0, paragraphSentences: 0, longSentences: [] };

/** Counts one block. */
export function blockReadability(block: DocBlock): BlockReadability {
  if (block.type === 'heading') return EMPTY;
  const r: BlockReadability = { sentences: 0, words: 0, syllables: 0, passive: 0, paragraphSentences: 0, longSentences: [] };
  for (const unit of units(block)) {
    const found = sentencesOf(unit);
    // A short line with no closing punctuation ("Permanent", "Full Time, Term Time Only") is a fact in a details
    // block, not a sentence of a paragraph.
    const factLine = found.length === 1 && !/[.!?…]['"’”)\]]*$/.test(unit.text) && (unit.text.match(WORD_RE)?.length ?? 0) <= FACT_LINE_WORDS;
    let first = true;
    for (const [start, end] of found) {
      const text = block.text.slice(start - block.start, end - block.start);
      let words = 0;
      let passive = false;
      let afterBe = -1;
      for (const m of text.matchAll(WORD_RE)) {
        const w = m[0];
        words++;
        r.syllables += syllables(w);
        if (passive) continue;
        if (afterBe >= 0) {
          const lower = w.toLowerCase();
          if (participle(lower)) passive = true;
          else afterBe = afterBe < 2 && (BETWEEN.has(lower) || /^\p{L}+ly$/u.test(lower)) ? afterBe + 1 : -1;
          if (afterBe >= 0 || passive) continue;
        }
        if (w.length <= 7 && BE.has(w.toLowerCase())) afterBe = 0;
      }
      if (words === 0) continue;
      r.sentences++;
      if (!unit.bullet && !factLine) r.paragraphSentences++;
      r.words += words;
      if (passive) r.passive++;
      // A label that opens a list item or line ("Cooking skills: It is important …") is its heading, not its words.
      const label = first ? (LEAD_LABEL.exec(text)?.[0].match(WORD_RE)?.length ?? 0) : 0;
      first = false;
      if (words - label > MAX_SENTENCE_WORDS && !runTogether(text)) r.longSentences.push({ start: start - block.start, end: end - block.start, count: words - label });
    }
  }
  return r;
}

/**
 * True when a "sentence" is really several items run together: label–value pairs ("Location: … Pay Rate: …"),
 * bullets or table columns on one line. Its length says nothing about how it reads.
 */
function runTogether(text: string): boolean {
  const labels = text.match(/(?:^|\s)[\p{Lu}][\p{L}'’&/() -]{1,30}:(?=\s|$)/gu)?.length ?? 0;
  const bullets = text.match(/\s[*•·▪–-]\s/g)?.length ?? 0;
  const columns = text.match(/\S(?: {3,}|\t)\S/g)?.length ?? 0;
  return labels >= 2 || bullets >= 2 || columns >= 2;
}

/** Approximate UK reading age: Flesch–Kincaid US grade + 5 (as retext-readability converts grades), or null for short texts. */
export function readingAge(words: number, sentences: number, syllableCount: number): number | null {
  if (words < MIN_WORDS_FOR_READING_AGE || sentences === 0) return null;
  const grade = 0.39 * (words / sentences) + 11.8 * (syllableCount / words) - 15.59;
  return Math.round(grade + 5);
}

/** Share of sentences in the passive voice, to two decimal places. */
export function passiveShare(passive: number, sentences: number): number {
  return sentences === 0 ? 0 : Math.round((passive / sentences) * 100) / 100;
}

function syllables(word: string): number {
  let n = SYLLABLE_CACHE.get(word);
  if (n === undefined) {
    n = /\p{L}/u.test(word) ? Math.max(1, syllable(word.toLowerCase().replace(/’/g, "'"))) : 1;
    if (SYLLABLE_CACHE.size > 20000) SYLLABLE_CACHE.clear();
    SYLLABLE_CACHE.set(flat(word), n);
  }
  return n;
}

interface Unit extends Line {
  bullet: boolean;
}

/**
 * Splits a block into runs that are read as separate text, as sentences are (`lineUnits`): list lines ("- item"),
 * and lines that start afresh, such as "Closing date: …" under a pay line. A list line's bullet is left out.
 */
function units(block: DocBlock): Unit[] {
  const out: Unit[] = [];
  for (const [s, e] of lineUnits(block.text)) {
    const raw = block.text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const bullet = BULLET.exec(text);
    const skip = bullet ? bullet[0].length : 0;
    const start = block.start + s + lead + skip;
    out.push({ start, end: block.start + s + lead + text.length, text: text.slice(skip), bullet: bullet !== null });
  }
  return out;
}

/** Sentence ranges (absolute, trimmed) of one unit, from retext-english. */
function sentencesOf(unit: Unit): Array<[number, number]> {
  // No full stop, question or exclamation mark before the end: one sentence, no need to parse.
  if (!/[.!?…]['"’”)\]]*\s/.test(unit.text)) return [[unit.start, unit.end]];
  const out: Array<[number, number]> = [];
  for (const [s, e] of sentenceRanges(unit.text)) {
    const raw = unit.text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push([unit.start + s + lead, unit.start + s + lead + trimmed.length]);
  }
  return out;
}

const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't"]);
const BETWEEN = new Set(['not', 'also', 'often', 'usually', 'always', 'never', 'being', 'been', 'then', 'all', 'fully']);
const IRREGULAR = new Set([
  'known', 'given', 'taken', 'shown', 'seen', 'done', 'made', 'paid', 'held', 'kept', 'led', 'left', 'met', 'sent',
  'spent', 'told', 'taught', 'thought', 'brought', 'bought', 'caught', 'found', 'built', 'chosen', 'written', 'driven',
  'spoken', 'broken', 'forgotten', 'hidden', 'understood', 'undertaken', 'overseen', 'withheld', 'upheld', 'put', 'set',
  'run', 'won', 'lost', 'heard', 'felt', 'meant', 'sold', 'bound', 'drawn', 'grown', 'thrown', 'worn', 'sworn', 'begun',
  'forgiven', 'hurt', 'cut', 'shut', 'read', 'said', 'laid', 'got', 'gotten', 'fed', 'dealt', 'sought',
]);
/** "-ed" words that after "be" describe a state rather than an action ("we are committed", "the post is based"). */
const STATE_WORDS = new Set([
  'interested', 'committed', 'experienced', 'qualified', 'skilled', 'motivated', 'dedicated', 'supposed', 'concerned',
  'pleased', 'delighted', 'excited', 'based', 'used', 'tired', 'worried', 'talented', 'detailed', 'organised', 'organized',
  'bored', 'ashamed', 'scared', 'determined', 'prepared', 'engaged', 'passionate', 'aged', 'related', 'married',
]);

/** A past participle that, after a form of "be", makes the passive: "will be supported", "is not required". */
function participle(w: string): boolean {
  if (IRREGULAR.has(w)) return true;
  return w.length > 3 && w.endsWith('ed') && !w.endsWith('eed') && !STATE_WORDS.has(w) && /^\p{L}+$/u.test(w);
}
