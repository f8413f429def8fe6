/**
 * Ignore files in gitignore syntax (`.gitignore`, `.fairwordignore`) and the config's `ignore` patterns: which files
 * they exclude — the same choices the CLI makes, with the same bounded matcher (`IgnorePatterns`, on the
 * non-backtracking `compileGlob`), and ignore files read as the CLI reads them (at most 1 MiB, regular files only).
 */
// The matcher lives beside the CLI's Node helpers but needs no Node API; the browser server imports the file itself.
import { IgnorePatterns, scopeIgnorePattern } from '../../../rules/src/node/ignore.js';
import { MAX_CONFIG_BYTES } from './configs.js';
import type { FileSystem } from './file-system.js';
import { joinUri, parentUri, relativeUri } from './uris.js';

/** Per-folder ignore files in gitignore syntax that only Fairword reads. */
export const FAIRWORD_IGNORE = '.fairwordignore';

/**
 * Ignore files of one name (`.gitignore` or `.fairwordignore`) from a root down, read lazily and cached until
 * {@link IgnoreFiles.clear}. The root is the repository root (nearest `.git`), else the given fallback.
 */
export class IgnoreFiles {
  private readonly byRoot = new Map<string, { ig: IgnorePatterns; loaded: Map<string, Promise<void>> }>();
  private readonly gitRoots = new Map<string, Promise<string | undefined>>();

  /**
   * @param ignoreCase match names without regard to case (as Windows and macOS file systems do)
   */
  constructor(
    private readonly name: string,
    private readonly fs: FileSystem,
    private readonly ignoreCase: boolean,
  ) {}

  /**
   * Whether `uri` (a file, or a folder when `isDir`) is ignored; `fallbackRoot` is used outside a repository.
   * The search for `.git` goes up to `ceiling` when one is given (outside `file:` URIs, the workspace folder).
   */
  async ignores(uri: string, fallbackRoot: string, isDir = false, ceiling?: string): Promise<boolean> {
    const root = (await this.gitRoot(parentUri(uri), ceiling)) ?? fallbackRoot;
    const rel = relativeUri(root, uri);
    if (rel === undefined) return false;
    let entry = this.byRoot.get(root);
    if (!entry) {
      entry = { ig: new IgnorePatterns({ nocase: this.ignoreCase }), loaded: new Map() };
      this.byRoot.set(root, entry);
    }
    const { ig, loaded } = entry;
    const parts = rel.split('/');
    const reads: Array<Promise<void>> = [];
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join('/');
      let read = loaded.get(dir);
      if (!read) {
        read = this.fs.readText(joinUri(root, dir, this.name), MAX_CONFIG_BYTES).then(
          (text) => void ig.add(text.split(/\r?\n/).flatMap((line) => scopeIgnorePattern(line, dir) ?? [])),
          () => undefined,
        );
        loaded.set(dir, read);
      }
      reads.push(read);
    }
    await Promise.all(reads);
    return ig.ignores(rel, isDir);
  }

  /** Forgets every file read (after an ignore file changed). */
  clear(): void {
    this.byRoot.clear();
    this.gitRoots.clear();
  }

  /** The nearest folder at or above `folder` (and not above `ceiling`) that holds a `.git`. */
  private gitRoot(folder: string, ceiling: string | undefined): Promise<string | undefined> {
    let found = this.gitRoots.get(folder);
    if (!found) {
      found = (async () => {
        if (await this.fs.stat(joinUri(folder, '.git')).catch(() => undefined)) return folder;
        const parent = parentUri(folder);
        if (parent === folder || folder === ceiling) return undefined;
        return this.gitRoot(parent, ceiling);
      })();
      this.gitRoots.set(folder, found);
    }
    return found;
  }
}

/** A test for the config's `ignore` patterns, relative to the folder of the config file. */
export function configIgnoreMatcher(patterns: readonly string[] | undefined, configUri: string | undefined): (uri: string) => boolean {
  if (!patterns?.length || !configUri) return () => false;
  const ig = new IgnorePatterns({ nocase: true }).add(patterns);
  const base = parentUri(configUri);
  return (uri) => {
    const rel = relativeUri(base, uri);
    return rel !== undefined && ig.ignores(rel);
  };
}
