/** A word or punctuation mark with its offsets in the document. */
export interface Token {
  /** Lower-cased, curly apostrophes straightened. */
  norm: string;
  /** As written. */
  text: string;
  start: number;
  end: number;
  /** True for words (letters or digits), false for punctuation. */
  word: boolean;
}

/**
 * Invisible characters that may sit inside a word without splitting it when read: soft hyphen, zero-width space,
 * non-joiner and joiner, direction marks and embeddings, word joiner and its kin, and the zero-width no-break space.
 * U+2063 (the engine's own mask character, prose.ts's HARD) is not one of them.
 */
const INVISIBLE = '\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2062\u2064\u2066-\u2069\uFEFF';
const INVISIBLE_RE = new RegExp(`[${INVISIBLE}]`, 'gu');
const HAS_INVISIBLE = new RegExp(`[${INVISIBLE}]`, 'u');

const IS_INVISIBLE = new RegExp(`^[${INVISIBLE}]$`, 'u');

/**
 * Normalises a word for matching: lower case, straight apostrophes, invisible characters dropped (so a word split
 * by a zero-width joiner matches; its token still covers the characters as written, so offsets stay exact).
 */
export function normalize(word: string): string {
  let lower = word.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  return HAS_INVISIBLE.test(lower) ? lower.replace(INVISIBLE_RE, '') : lower;
}

const WORDISH = /[\p{L}\p{M}\p{N}]/u;

/** True for a letter, mark or digit (ASCII answered without a regular expression). */
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORDISH.test(ch);
}

/** What a character is to the tokenizer: bit flags. */
const LETTER = 1; // a letter or mark (\p{L}, \p{M})
const NUMBER = 2; // a number that is not a letter (\p{N})
const SPACE = 4; // white space (\s)
const INVISIBLE_CHAR = 8; // one of INVISIBLE
const WORD = LETTER | NUMBER;
const LETTER_RE = /^[\p{L}\p{M}]$/u;
const NUMBER_RE = /^\p{N}$/u;
const SPACE_RE = /^\s$/u;

/** The kind of the character (the whole code point) at `i`: ASCII without a regular expression. */
function kindAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return LETTER;
    if (c >= 48 && c <= 57) return NUMBER;
    return c === 32 || (c >= 9 && c <= 13) ? SPACE : 0;
  }
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  if (LETTER_RE.test(ch)) return LETTER;
  if (NUMBER_RE.test(ch)) return NUMBER;
  return (IS_INVISIBLE.test(ch) ? INVISIBLE_CHAR : 0) | (SPACE_RE.test(ch) ? SPACE : 0);
}

/** Code units of the character at `i` (2 for a surrogate pair). */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** Where a run of characters of `kind` starting at `i` ends, going on across invisible characters inside it. */
function runEnd(text: string, i: number, end: number, kind: number): number {
  let j = i;
  for (;;) {
    while (j < end && kindAt(text, j) & kind) j += widthAt(text, j);
    let k = j;
    while (k < end && kindAt(text, k) & INVISIBLE_CHAR) k++;
    if (k === j || k >= end || !(kindAt(text, k) & kind)) return j;
    j = k;
  }
}

/**
 * Where the token starting at `i` (not white space) ends. A word is letters, marks and digits, with invisible
 * characters between them ("you\u200Dng"), then any inner apostrophes each followed by letters ("King's"); any other
 * character is a token of its own. test/engine/tokens.test.ts checks this against the same rule as a regular expression.
 */
function tokenEnd(text: string, i: number, end: number, kind: number): number {
  if (!(kind & WORD)) return i + widthAt(text, i);
  let j = runEnd(text, i, end, WORD);
  for (;;) {
    const c = text.charCodeAt(j);
    if (j + 1 >= end || (c !== 39 && c !== 0x2019) || !(kindAt(text, j + 1) & LETTER)) return j;
    j = runEnd(text, j + 1, end, LETTER);
  }
}

/**
 * Splits `text[from, to)` into tokens. Hyphens between words are dropped so that
 * "hard-to-reach" and "hard to reach" match the same phrase.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  // Without curly apostrophes or invisible characters in the text, a word's normal form is its lower case.
  const lowerOnly = !slice.includes('’') && !HAS_INVISIBLE.test(slice);
  for (let i = 0; i < slice.length; ) {
    const kind = kindAt(slice, i);
    if (kind & SPACE) {
      i++;
      continue;
    }
    const at = i;
    i = tokenEnd(slice, at, slice.length, kind);
    const raw = slice.slice(at, i);
    if (raw === '-' || raw === '\u2010' || raw === '\u2011') continue;
    const word = raw.length > 1 || isWordChar(raw);
    tokens.push({ norm: word ? (lowerOnly ? raw.toLowerCase() : normalize(raw)) : raw === '’' ? "'" : raw, text: raw, start: from + at, end: from + i, word });
  }
  return tokens;
}

/** Tokenizes a phrase from rule data into normalised keys. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}
