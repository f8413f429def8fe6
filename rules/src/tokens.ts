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

// Words may contain inner apostrophes ("King's") and dots between letters ("e.g").
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Normalises a word for matching: lower case, straight apostrophes. */
export function normalize(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
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
