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

// Words may contain inner apostrophes ("King's"), and invisible characters between their letters ("you\u200Dng").
const TOKEN_RE = new RegExp(
  `[\\p{L}\\p{M}\\p{N}]+(?:[${INVISIBLE}]+[\\p{L}\\p{M}\\p{N}]+)*(?:['’][\\p{L}\\p{M}]+(?:[${INVISIBLE}]+[\\p{L}\\p{M}]+)*)*|[^\\s\\p{L}\\p{M}\\p{N}]`,
  'gu',
);

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

/**
 * Splits `text[from, to)` into tokens. Hyphens between words are dropped so that
 * "hard-to-reach" and "hard to reach" match the same phrase.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const m of slice.matchAll(TOKEN_RE)) {
    const raw = m[0];
    if (raw === '-' || raw === '\u2010' || raw === '\u2011') continue;
    const start = from + m.index;
    const word = raw.length > 1 || isWordChar(raw);
    tokens.push({ norm: word ? normalize(raw) : raw === '’' ? "'" : raw, text: raw, start, end: start + raw.length, word });
  }
  return tokens;
}

/** Tokenizes a phrase from rule data into normalised keys. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}
