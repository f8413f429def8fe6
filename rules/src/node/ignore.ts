import { compileGlob, GlobError, type GlobMatcher } from '../index.js';

/**
 * Rewrites a line of `dir/.gitignore` (or `.fairwordignore`) so that it applies from the root folder, as git reads
 * nested ignore files. Returns undefined for blank lines and comments. Shared by the CLI and the language server.
 */
export function scopeIgnorePattern(line: string, dir: string): string | undefined {
  if (dir === '') return line;
  if (line.trim() === '' || line.startsWith('#')) return undefined;
  const negated = line.startsWith('!');
  const body = negated ? line.slice(1) : line;
  const prefix = dir.replace(/[*?[\\]/g, '\\$&').replace(/^[#!]/, '\\$&');
  const anchored = body.replace(/\/+\s*$/, '').includes('/');
  return `${negated ? '!' : ''}${prefix}/${anchored ? body.replace(/^\//, '') : `**/${body}`}`;
}

interface IgnoreRule {
  negated: boolean;
  dirOnly: boolean;
  match: GlobMatcher;
}

/**
 * Patterns in gitignore syntax (blank lines, `#` comments, `!` negation, a trailing `/` for folders only, a slash
 * anchoring the pattern to the root), matched with the bounded {@link compileGlob}. As in git, nothing inside an
 * ignored folder can be brought back by a later `!` pattern. Patterns over the glob limits are left out and listed
 * in `refused`.
 */
export class IgnorePatterns {
  private readonly rules: IgnoreRule[] = [];
  private readonly folders = new Map<string, boolean>();
  /** Patterns that were left out, with why. */
  readonly refused: Array<{ pattern: string; reason: string }> = [];

  constructor(private readonly options: { nocase?: boolean } = {}) {}

  /** Adds patterns (lines of an ignore file, or a list); returns this. */
  add(patterns: string | readonly string[]): this {
    for (const line of typeof patterns === 'string' ? patterns.split(/\r?\n/) : patterns) {
      const rule = this.parse(line);
      if (rule) this.rules.push(rule);
    }
    this.folders.clear();
    return this;
  }

  /** Whether `path` (relative, `/`-separated; a trailing `/` or `isDir` marks a folder) is ignored. */
  ignores(path: string, isDir = false): boolean {
    const folder = isDir || path.endsWith('/');
    const parts = path.split('/').filter((p) => p !== '');
    for (let i = 1; i < parts.length; i++) if (this.folderIgnored(parts.slice(0, i).join('/'))) return true;
    return this.test(parts.join('/'), folder);
  }

  private folderIgnored(path: string): boolean {
    let known = this.folders.get(path);
    if (known === undefined) {
      known = this.test(path, true);
      if (this.folders.size > 10_000) this.folders.clear();
      this.folders.set(path, known);
    }
    return known;
  }

  private test(path: string, isDir: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.negated !== ignored || (rule.dirOnly && !isDir)) continue;
      if (rule.match(path)) ignored = !rule.negated;
    }
    return ignored;
  }

  private parse(raw: string): IgnoreRule | undefined {
    let line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) return undefined;
    // Trailing spaces are dropped unless escaped with a backslash.
    line = line.replace(/(?<!\\)[ \t]+$/, '');
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    line = line.replace(/\/+$/, '');
    if (line === '') return undefined;
    const anchored = line.includes('/');
    const pattern = anchored ? line.replace(/^\/+/, '') : `**/${line}`;
    try {
      return { negated, dirOnly, match: compileGlob(pattern, { braces: false, nocase: this.options.nocase ?? false }) };
    } catch (err) {
      if (!(err instanceof GlobError)) throw err;
      this.refused.push({ pattern: raw, reason: err.message });
      return undefined;
    }
  }
}
