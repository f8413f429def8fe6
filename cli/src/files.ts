import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compileGlob, formatFromFilename, GlobError, isGlobPattern } from '@fairword/rules';
import { fileKind, IgnorePatterns, isTextFile, MAX_CONFIG_BYTES, readTextFileSync, scopeIgnorePattern, walkFiles, type TextFile, type WalkedFile } from '@fairword/rules/node';
import { isDocxName } from '@fairword/rules/docx';

/** File extensions linted when expanding directories and globs (those `formatFromFilename` knows). */
export const EXTENSIONS = ['md', 'markdown', 'mdown', 'mkd', 'txt', 'text', 'docx'];

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/** Per-folder ignore files in gitignore syntax that only Fairword reads. */
export const FAIRWORD_IGNORE = '.fairwordignore';

/**
 * The files to lint (absolute, sorted by display path, each real file once), the real path of each, which of
 * them were named explicitly, and notes for what was skipped.
 */
export interface Expansion {
  files: string[];
  real: Map<string, string>;
  explicit: Set<string>;
  notes: string[];
}

/**
 * Files Fairword checks in a folder or glob scan: Markdown, text and .docx documents, but not the `~$name.docx` lock
 * file Word keeps beside a document it has open. Other Word files are checked (or refused) only when named.
 */
function checkable(path: string): boolean {
  return formatFromFilename(path) !== undefined || (/\.docx$/i.test(path) && !/(?:^|[\\/])~\$[^\\/]*$/.test(path));
}

/** A path relative to `cwd`, with forward slashes, as shown to the user. */
export function displayPath(cwd: string, file: string): string {
  return relative(cwd, file).split(sep).join('/');
}

/**
 * Expands command-line targets: files as named, folders and globs to their Markdown and text files (respecting
 * .gitignore, never node_modules, .git or hidden files). Nothing named means the cwd. Fails on a missing path.
 * `.fairwordignore` files apply to everything, named files included (with a note).
 *
 * Links and special files (docs/ci.md): a file named on the command line is read wherever it leads; in a folder
 * or glob scan a symbolic link is followed only while it stays inside the folder scanned (the glob's fixed leading
 * folders), and pipes, devices and sockets are never read. A file reached by several paths is checked once.
 */
export async function expandTargets(targets: readonly string[], cwd: string): Promise<Expansion | { error: string }> {
  const gitIgnored = gitignoreFilter(cwd);
  const fairwordIgnored = gitignoreFilter(cwd, FAIRWORD_IGNORE);
  const isIgnored = (file: string, isDir = false): boolean => gitIgnored(file, isDir) || fairwordIgnored(file, isDir);
  const found: WalkedFile[] = [];
  const explicit = new Set<string>();
  const notes: string[] = [];
  const skipNote = (path: string, detail: string): void => void notes.push(`skipped ${displayPath(cwd, path)}: ${detail}`);
  const scan = (root: string, options: { wants: (path: string) => boolean; maxDepth?: number; dot?: boolean }): void => {
    const walked = walkFiles(root, {
      wants: (path) => checkable(path) && options.wants(path) && !isIgnored(path),
      excludes: (path) => isIgnored(path, true),
      skip: ALWAYS_SKIPPED,
      dot: options.dot ?? false,
      ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
    });
    found.push(...walked.files);
    for (const s of walked.skipped) skipNote(s.path, s.detail);
  };
  for (const target of targets.length > 0 ? targets : ['.']) {
    const path = resolve(cwd, target);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      scan(path, { wants: () => true });
    } else if (stats) {
      if (!stats.isFile()) skipNote(path, `not a regular file (${fileKind(stats)})`);
      else if (!formatFromFilename(path) && !isDocxName(path)) skipNote(path, 'not a Markdown, text or Word (.docx) file');
      else if (fairwordIgnored(path)) skipNote(path, `ignored by ${FAIRWORD_IGNORE}`);
      else {
        found.push({ path, real: realpathSync(path) });
        explicit.add(path);
      }
    } else if (isGlobPattern(target)) {
      const glob = splitGlob(target);
      let match;
      try {
        match = compileGlob(glob.pattern, { dot: false });
      } catch (err) {
        if (err instanceof GlobError) return { error: `cannot use the pattern '${target}': ${err.message}` };
        throw err;
      }
      const base = resolve(cwd, glob.base);
      const before = found.length;
      if (existsSync(base) && statSync(base).isDirectory()) {
        scan(base, {
          wants: (file) => match(relative(base, file).split(sep).join('/')),
          ...(glob.pattern.includes('**') ? {} : { maxDepth: glob.pattern.split('/').length - 1 }),
          dot: glob.pattern.split('/').some((part) => part.startsWith('.')),
        });
      }
      if (found.length === before) return { error: `no Markdown or text files match '${target}'` };
    } else {
      return { error: `no such file or directory: ${target}` };
    }
  }
  const sorted = found
    .map((file) => ({ ...file, key: displayPath(cwd, file.path) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const files: string[] = [];
  const real = new Map<string, string>();
  const seen = new Set<string>();
  for (const file of sorted) {
    if (seen.has(file.real)) continue;
    seen.add(file.real);
    files.push(file.path);
    real.set(file.path, file.real);
  }
  return { files, real, explicit, notes };
}

/** A glob split into the folders before its first wildcard and the pattern below them. */
function splitGlob(target: string): { base: string; pattern: string } {
  const parts = target.split(/[\\/]/);
  let i = 0;
  while (i < parts.length - 1 && !isGlobPattern(parts[i]!)) i++;
  const base = parts.slice(0, i).join('/');
  return { base: base === '' && target.startsWith('/') ? '/' : base || '.', pattern: parts.slice(i).join('/') };
}

/**
 * Returns a test for whether a path is ignored by the `name` files (gitignore syntax) from the repository root
 * (the nearest ancestor of `cwd` with a .git, else `cwd`) down to the path's directory.
 */
export function gitignoreFilter(cwd: string, name = '.gitignore'): (file: string, isDir?: boolean) => boolean {
  const root = gitRoot(cwd) ?? cwd;
  const patterns = new IgnorePatterns({ nocase: process.platform === 'win32' || process.platform === 'darwin' });
  const loaded = new Set<string>();
  return (file, isDir = false) => {
    const rel = relative(root, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    const parts = rel.split(sep);
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join('/');
      if (loaded.has(dir)) continue;
      loaded.add(dir);
      // Read like a config file: regular files only, and never more than a config may hold.
      const read = readTextFileSync(join(root, dir, name), MAX_CONFIG_BYTES);
      if (!isTextFile(read)) continue;
      patterns.add(read.text.split(/\r?\n/).flatMap((line) => scopeIgnorePattern(line, dir) ?? []));
    }
    return patterns.ignores(parts.join('/'), isDir);
  };
}

function gitRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads a document for checking (see `readTextFileSync`: regular files only, at most `maxSize` bytes, UTF-8 or
 * UTF-16 with a BOM), or says why it was skipped, starting with the name shown for it.
 */
export async function readText(file: string, shown: string, maxSize: number): Promise<(TextFile & { bom: boolean }) | { note: string }> {
  const read = readTextFileSync(file, maxSize);
  if (!isTextFile(read)) {
    const verb = read.reason === 'missing' || read.reason === 'unreadable' ? 'cannot read' : 'skipped';
    return { note: `${verb} ${shown}: ${read.detail}` };
  }
  return { ...read, bom: read.encoding.bom };
}
