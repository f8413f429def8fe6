/**
 * The one glob compiler Fairword uses (config `kinds` and `ignore`, `.gitignore`, `.fairwordignore`, command-line
 * patterns). It never backtracks: a path segment is matched against a segment pattern in O(segment × pattern)
 * steps, and `**` is resolved by dynamic programming over segments, so no pattern can make a match slow.
 *
 * Syntax: `*` (any run of characters in one segment), `?` (one character), `[abc]`, `[a-z]`, `[!a]` / `[^a]`
 * (a class), `**` as a whole segment (any number of segments), `{a,b}` (alternatives, when `braces` is on) and
 * `\` (escape). Extended globs such as `!(a)` or `+(a)` are not supported: their characters are literal.
 */

/** Bounds on a pattern; longer or more branching patterns are refused with a {@link GlobError}. */
export const GLOB_LIMITS = {
  /** Characters in one pattern. */
  patternLength: 1024,
  /** Patterns one `{a,b}` expansion may produce. */
  alternatives: 64,
} as const;

/** A pattern Fairword refuses to compile (too long, or too many alternatives). */
export class GlobError extends Error {}

/** How a pattern is read. */
export interface GlobOptions {
  /** A pattern without a slash matches the last segment of the path (the file name) at any depth. */
  basename?: boolean;
  /** Read `{a,b}` as alternatives (gitignore patterns have no braces). Default true. */
  braces?: boolean;
  /** Let wildcards match names that start with a dot. Default true. */
  dot?: boolean;
  /** Compare without regard to case. */
  nocase?: boolean;
}

type Token = { kind: 'char'; char: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'class'; negated: boolean; test: (c: string) => boolean };

/** One segment of a compiled pattern: `**`, or the tokens of a segment. */
type Segment = 'globstar' | Token[];

/** A compiled glob: whether a `/`-separated relative path matches. */
export type GlobMatcher = (path: string) => boolean;

/** Compiles `pattern`; throws {@link GlobError} when it is over {@link GLOB_LIMITS}. */
export function compileGlob(pattern: string, options: GlobOptions = {}): GlobMatcher {
  if (pattern.length > GLOB_LIMITS.patternLength) throw new GlobError(`the pattern is longer than ${GLOB_LIMITS.patternLength} characters`);
  const nocase = options.nocase === true;
  const dot = options.dot !== false;
  const alternatives = options.braces === false ? [pattern] : expandBraces(pattern);
  const compiled = alternatives.map((alt) => {
    const body = alt.replace(/^(?:\.\/)+/, '');
    const basename = options.basename === true && !body.includes('/');
    return { basename, segments: parseSegments(nocase ? body.toLowerCase() : body, nocase) };
  });
  return (path) => {
    const parts = (nocase ? path.toLowerCase() : path).split('/').filter((p) => p !== '');
    return compiled.some(({ basename, segments }) =>
      basename ? parts.length > 0 && matchSegments(segments, parts.slice(-1), dot) : matchSegments(segments, parts, dot),
    );
  };
}

/** Whether `pattern` contains glob syntax (anything but literal characters). */
export function isGlobPattern(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

function parseSegments(pattern: string, nocase: boolean): Segment[] {
  const out: Segment[] = [];
  for (const part of splitUnescaped(pattern)) {
    if (part === '') continue;
    if (part === '**') {
      if (out.at(-1) !== 'globstar') out.push('globstar');
      continue;
    }
    out.push(parseTokens(part, nocase));
  }
  return out;
}

/** Splits a pattern at slashes that are not escaped and not inside a class. */
function splitUnescaped(pattern: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      current += c + pattern[++i]!;
    } else if (c === '/') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function parseTokens(segment: string, nocase: boolean): Token[] {
  const chars = Array.from(segment);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\' && i + 1 < chars.length) tokens.push({ kind: 'char', char: chars[++i]! });
    else if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else if (c === '[') {
      const cls = parseClass(chars, i, nocase);
      if (cls) {
        tokens.push(cls.token);
        i = cls.end;
      } else tokens.push({ kind: 'char', char: c });
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

const POSIX_CLASSES: Record<string, RegExp> = {
  alpha: /\p{L}/u,
  digit: /\d/,
  alnum: /[\p{L}\d]/u,
  upper: /\p{Lu}/u,
  lower: /\p{Ll}/u,
  space: /\s/,
  punct: /\p{P}/u,
  xdigit: /[0-9a-f]/i,
};

/** Parses the class starting at `chars[start]` ('['); undefined when it is not closed (then '[' is literal). */
function parseClass(chars: string[], start: number, nocase: boolean): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negated = chars[i] === '!' || chars[i] === '^';
  if (negated) i++;
  const ranges: Array<[string, string]> = [];
  const named: RegExp[] = [];
  let first = true;
  for (; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === ']' && !first) {
      const test = (ch: string): boolean => ranges.some(([lo, hi]) => ch >= lo && ch <= hi) || named.some((re) => re.test(ch));
      const token: Token = { kind: 'class', negated, test: nocase ? (ch) => test(ch) || test(ch.toUpperCase()) : test };
      return { token, end: i };
    }
    first = false;
    if (c === '[' && chars[i + 1] === ':') {
      const close = chars.indexOf(']', i + 2);
      const name = close > 0 ? chars.slice(i + 2, close).join('') : '';
      if (name.endsWith(':') && POSIX_CLASSES[name.slice(0, -1)]) {
        named.push(POSIX_CLASSES[name.slice(0, -1)]!);
        i = close;
        continue;
      }
    }
    let lo = c;
    if (c === '\\' && i + 1 < chars.length) lo = chars[++i]!;
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      let hi = chars[i + 2]!;
      i += 2;
      if (hi === '\\' && i + 1 < chars.length) hi = chars[++i]!;
      ranges.push([lo, hi]);
    } else ranges.push([lo, lo]);
  }
  return undefined;
}

function matchesOne(token: Token, c: string): boolean {
  if (token.kind === 'char') return token.char === c;
  if (token.kind === 'one') return c !== '/';
  if (token.kind === 'class') return token.test(c) !== token.negated;
  return false;
}

/**
 * Matches one path segment against one segment pattern. Wildcard matching with a single resume point (the last
 * star): every token but a star matches exactly one character, so resuming from the last star is enough and the
 * work is at most segment length × pattern length.
 */
function matchSegment(tokens: readonly Token[], segment: string, dot: boolean): boolean {
  const s = Array.from(segment);
  if (!dot && s[0] === '.' && !(tokens[0]?.kind === 'char' && tokens[0].char === '.')) return false;
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < s.length) {
    const t = tokens[p];
    if (t !== undefined && t.kind !== 'star' && matchesOne(t, s[i]!)) {
      p++;
      i++;
    } else if (t?.kind === 'star') {
      starP = p++;
      starI = i;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else return false;
  }
  while (tokens[p]?.kind === 'star') p++;
  return p === tokens.length;
}

/** Matches path segments against pattern segments; `**` is settled by a table over segment positions. */
function matchSegments(pattern: readonly Segment[], parts: readonly string[], dot: boolean): boolean {
  let reach = new Uint8Array(parts.length + 1);
  reach[0] = 1;
  for (const seg of pattern) {
    const next = new Uint8Array(parts.length + 1);
    if (seg === 'globstar') {
      let open = false;
      for (let i = 0; i <= parts.length; i++) {
        if (reach[i]) open = true;
        if (open) next[i] = 1;
        // Without `dot`, `**` does not walk into a folder whose name starts with a dot.
        if (!dot && parts[i]?.startsWith('.')) open = false;
      }
    } else {
      for (let i = 0; i < parts.length; i++) if (reach[i] && matchSegment(seg, parts[i]!, dot)) next[i + 1] = 1;
    }
    reach = next;
  }
  return reach[parts.length] === 1;
}

/** Expands `{a,b}` alternatives (nested too), refusing more than {@link GLOB_LIMITS}.alternatives results. */
export function expandBraces(pattern: string): string[] {
  const open = findBraceGroup(pattern);
  if (!open) return [pattern];
  const { start, end, options } = open;
  const out: string[] = [];
  for (const option of options) {
    for (const expanded of expandBraces(pattern.slice(0, start) + option + pattern.slice(end + 1))) {
      out.push(expanded);
      if (out.length > GLOB_LIMITS.alternatives) throw new GlobError(`the pattern expands to more than ${GLOB_LIMITS.alternatives} alternatives`);
    }
  }
  return out;
}

/** The first `{…}` group with a top-level comma, with its options; escaped braces and braces in classes do not count. */
function findBraceGroup(pattern: string): { start: number; end: number; options: string[] } | undefined {
  for (let start = 0; start < pattern.length; start++) {
    const c = pattern[start];
    if (c === '\\') {
      start++;
      continue;
    }
    if (c !== '{') continue;
    let depth = 0;
    let last = start + 1;
    const options: string[] = [];
    for (let i = start; i < pattern.length; i++) {
      const d = pattern[i];
      if (d === '\\') {
        i++;
      } else if (d === '{') depth++;
      else if (d === '}') {
        depth--;
        if (depth === 0) {
          if (options.length === 0) break;
          options.push(pattern.slice(last, i));
          return { start, end: i, options };
        }
      } else if (d === ',' && depth === 1) {
        options.push(pattern.slice(last, i));
        last = i + 1;
      }
    }
  }
  return undefined;
}
