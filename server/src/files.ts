/**
 * Files on disk for the language server: which Markdown and text files a workspace holds, and which of them
 * .gitignore, .fairwordignore and the config's `ignore` exclude — the same choices the CLI makes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore from 'ignore';
import { formatFromFilename } from '@fairword/rules';
import { scopeIgnorePattern } from '@fairword/rules/node';

/** Per-folder ignore files in gitignore syntax that only Fairword reads. */
export const FAIRWORD_IGNORE = '.fairwordignore';

/** File extensions checked by "Check all files" (those `formatFromFilename` knows). */
export const EXTENSIONS = ['md', 'markdown', 'mdown', 'mkd', 'txt', 'text'];

/** Glob of the files "Check all files" keeps current, for file watching. */
export const TEXT_FILES_GLOB = `**/*.{${EXTENSIONS.join(',')}}`;

/** Folders never looked into. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

const IGNORE_CASE = process.platform === 'win32' || process.platform === 'darwin';

/** The nearest folder at or above `from` that holds a `.git`. */
export function gitRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A path below `root` in the form `ignore` wants (forward slashes), or undefined when it is not below it. */
function below(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}


/**
 * Ignore files of one name (`.gitignore` or `.fairwordignore`) from a root down, read lazily and cached until
 * {@link IgnoreFiles.clear}. The root is the repository root (nearest `.git`), else the given fallback.
 */
export class IgnoreFiles {
  private readonly byRoot = new Map<string, { ig: ignore.Ignore; loaded: Set<string> }>();

  constructor(private readonly name: string) {}

  /** Whether `path` (a file, or a folder when `isDir`) is ignored; `fallbackRoot` is used outside a repository. */
  ignores(path: string, fallbackRoot: string, isDir = false): boolean {
    const root = gitRoot(dirname(path)) ?? fallbackRoot;
    const rel = below(root, path);
    if (rel === undefined) return false;
    let entry = this.byRoot.get(root);
    if (!entry) {
      entry = { ig: ignore({ ignorecase: IGNORE_CASE }), loaded: new Set() };
      this.byRoot.set(root, entry);
    }
    const parts = rel.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join('/');
      if (entry.loaded.has(dir)) continue;
      entry.loaded.add(dir);
      let text: string;
      try {
        text = readFileSync(join(root, dir, this.name), 'utf8');
      } catch {
        continue;
      }
      entry.ig.add(text.split(/\r?\n/).flatMap((line) => scopeIgnorePattern(line, dir) ?? []));
    }
    return entry.ig.ignores(isDir ? `${rel}/` : rel);
  }

  /** Forgets every file read (after an ignore file changed). */
  clear(): void {
    this.byRoot.clear();
  }
}

/** A test for the config's `ignore` patterns, relative to the folder of the config file. */
export function configIgnoreMatcher(patterns: readonly string[] | undefined, configPath: string | undefined): (file: string) => boolean {
  if (!patterns?.length || !configPath) return () => false;
  const ig = ignore().add([...patterns]);
  const base = dirname(configPath);
  return (file) => {
    const rel = below(base, file);
    return rel !== undefined && ig.ignores(rel);
  };
}

/**
 * Every Markdown and text file under `root`, sorted, skipping node_modules, .git, symbolic links and whatever
 * `skip` rejects (called for folders with `isDir` true, and for files). Yields to the event loop between folders
 * and stops early when `cancelled()` says so.
 */
export async function walk(
  root: string,
  skip: (path: string, isDir: boolean) => boolean,
  cancelled: () => boolean = () => false,
): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0 && !cancelled()) {
    const dir = pending.pop()!;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name) && !skip(path, true)) pending.push(path);
      } else if (entry.isFile() && formatFromFilename(entry.name) && !skip(path, false)) {
        found.push(path);
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return found.sort();
}

/**
 * The `file:` URI VS Code uses for a path: like `pathToFileURL`, but with every character outside
 * `A-Z a-z 0-9 - . _ ~ /` percent-encoded and a Windows drive letter lower-cased with its colon encoded,
 * so diagnostics for files that are not open land on the same URI the editor uses when it opens them.
 */
export function fileUri(path: string): string {
  let p = path.replace(/\\/g, '/');
  let drive = '';
  const m = /^([A-Za-z]):(.*)$/.exec(p);
  if (m) {
    drive = `/${m[1]!.toLowerCase()}%3A`;
    p = m[2]!;
  }
  const encoded = p
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `file://${drive}${encoded.startsWith('/') ? '' : '/'}${encoded}`;
}
