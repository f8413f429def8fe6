import { closeSync, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { formatFromFilename } from '@fairword/rules';
import { scopeIgnorePattern } from '@fairword/rules/node';
import { isDocxName } from '@fairword/rules/docx';

/** File extensions linted when expanding directories and globs (those `formatFromFilename` knows). */
export const EXTENSIONS = ['md', 'markdown', 'mdown', 'mkd', 'txt', 'text', 'docx'];

const PATTERN = `**/*.{${EXTENSIONS.join(',')}}`;
// `~$name.docx` is the lock file Word keeps beside a document it has open.
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**', '**/~$*'];

/** Per-folder ignore files in gitignore syntax that only Fairword reads. */
export const FAIRWORD_IGNORE = '.fairwordignore';

/** The files to lint (absolute, sorted by display path), which of them were named explicitly, and notes for what was skipped. */
export interface Expansion {
  files: string[];
  explicit: Set<string>;
  notes: string[];
}

/** A path relative to `cwd`, with forward slashes, as shown to the user. */
export function displayPath(cwd: string, file: string): string {
  return relative(cwd, file).split(sep).join('/');
}

/**
 * Expands command-line targets: files as named, directories and globs to their Markdown and text files
 * (respecting .gitignore, never node_modules or .git). Nothing named means the cwd. Fails on a missing path.
 * `.fairwordignore` files apply to everything, named files included (with a note).
 */
export async function expandTargets(targets: readonly string[], cwd: string): Promise<Expansion | { error: string }> {
  const gitIgnored = gitignoreFilter(cwd);
  const fairwordIgnored = gitignoreFilter(cwd, FAIRWORD_IGNORE);
  const isIgnored = (file: string): boolean => gitIgnored(file) || fairwordIgnored(file);
  const found = new Set<string>();
  const explicit = new Set<string>();
  const notes: string[] = [];
  for (const target of targets.length > 0 ? targets : ['.']) {
    const path = resolve(cwd, target);
    const stats = await stat(path).catch(() => undefined);
    if (stats?.isDirectory()) {
      const files = await glob(PATTERN, { cwd: path, absolute: true, ignore: ALWAYS_SKIPPED, caseSensitiveMatch: false });
      for (const file of files) if (!isIgnored(file)) found.add(resolve(file));
    } else if (stats) {
      if (!formatFromFilename(path) && !isDocxName(path)) {
        notes.push(`skipped ${displayPath(cwd, path)}: not a Markdown, text or Word (.docx) file`);
      } else if (fairwordIgnored(path)) {
        notes.push(`skipped ${displayPath(cwd, path)}: ignored by ${FAIRWORD_IGNORE}`);
      } else {
        found.add(path);
        explicit.add(path);
      }
    } else if (isDynamicPattern(target)) {
      const files = (await glob(target, { cwd, absolute: true, ignore: ALWAYS_SKIPPED })).filter(
        (file) => (formatFromFilename(file) !== undefined || isDocxName(file)) && !isIgnored(file),
      );
      if (files.length === 0) return { error: `no Markdown or text files match '${target}'` };
      for (const file of files) found.add(resolve(file));
    } else {
      return { error: `no such file or directory: ${target}` };
    }
  }
  const files = [...found]
    .map((file) => ({ file, key: displayPath(cwd, file) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ file }) => file);
  return { files, explicit, notes };
}

/**
 * Returns a test for whether a path is ignored by the `name` files (gitignore syntax) from the repository root
 * (the nearest ancestor of `cwd` with a .git, else `cwd`) down to the path's directory.
 */
export function gitignoreFilter(cwd: string, name = '.gitignore'): (file: string) => boolean {
  const root = gitRoot(cwd) ?? cwd;
  const ig = ignore({ ignorecase: process.platform === 'win32' || process.platform === 'darwin' });
  const loaded = new Set<string>();
  return (file) => {
    const rel = relative(root, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    const parts = rel.split(sep);
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join('/');
      if (loaded.has(dir)) continue;
      loaded.add(dir);
      let text: string;
      try {
        text = readFileSync(join(root, dir, name), 'utf8');
      } catch {
        continue;
      }
      ig.add(text.split(/\r?\n/).flatMap((line) => scopeIgnorePattern(line, dir) ?? []));
    }
    return ig.ignores(parts.join('/'));
  };
}


function gitRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads a file as UTF-8 (dropping a BOM, and saying whether there was one), or says why it was skipped: too large,
 * binary, not valid UTF-8, vanished or unreadable. Synchronous reads: many small files are read faster this way.
 */
export async function readText(file: string, shown: string, maxSize: number): Promise<{ text: string; bom: boolean } | { note: string }> {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size > maxSize) return { note: `skipped ${shown}: ${size} bytes is over the ${maxSize}-byte limit (maxFileSize)` };
    bytes = readFileSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : String(err);
    return { note: `cannot read ${shown}: ${reason}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.subarray(0, 8192).includes(0)) return { note: `skipped ${shown}: binary file` };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: utf8.decode(bytes), bom };
  } catch {
    return { note: `skipped ${shown}: not valid UTF-8 text (save it as UTF-8 to check it)` };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
