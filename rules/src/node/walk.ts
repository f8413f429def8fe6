import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { fileKind } from './read.js';

/** What a folder walk looks at. */
export interface WalkOptions {
  /** Whether a file (by the path the walk reached it by) is wanted. */
  wants(path: string): boolean;
  /** Whether a folder (by the path the walk reached it by) is left out, with everything in it. */
  excludes?(path: string): boolean;
  /** Folder names never entered. */
  skip?: ReadonlySet<string>;
  /** Enter folders and list files whose names start with a dot. */
  dot?: boolean;
  /** Real folders that links may lead into; by default the real path of the root. */
  within?: readonly string[];
  /** Folder levels below the root to enter (0: the root's own files only); no limit by default. */
  maxDepth?: number;
}

/** A file found by a walk: the path it was reached by, and its real path. */
export interface WalkedFile {
  path: string;
  real: string;
}

/** A wanted file the walk did not list, and why. */
export interface WalkSkip {
  path: string;
  detail: string;
}

/** Whether `path` is `dir` or inside it (both absolute and normalised, e.g. real paths). */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * Lists the wanted regular files under `root` without recursion, so depth costs no stack. Symbolic links are
 * followed only while they stay inside `within` (the root by default): a link that leads out of it is skipped with
 * a note, and so are special files (pipes, devices, sockets) and broken links. Each real folder is entered once,
 * so looping links end; a file reached by several paths is listed under each, with the same `real` path, for the
 * caller to keep once.
 */
export function walkFiles(root: string, options: WalkOptions): { files: WalkedFile[]; skipped: WalkSkip[] } {
  const files: WalkedFile[] = [];
  const skipped: WalkSkip[] = [];
  const rootReal = realpathSync(root);
  const within = options.within ?? [rootReal];
  const inside = (real: string): boolean => within.some((dir) => isWithin(real, dir));
  const visited = new Set<string>([rootReal]);
  const stack: Array<{ path: string; real: string; depth: number }> = [{ path: root, real: rootReal, depth: 0 }];
  const deeper = (depth: number): boolean => options.maxDepth === undefined || depth < options.maxDepth;
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir.path, { withFileTypes: true });
    } catch (err) {
      skipped.push({ path: dir.path, detail: `cannot read the folder (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const below = stack.length;
    for (const entry of entries) {
      if (!options.dot && entry.name.startsWith('.')) continue;
      const path = join(dir.path, entry.name);
      if (entry.isDirectory()) {
        const real = join(dir.real, entry.name);
        if (deeper(dir.depth) && !options.skip?.has(entry.name) && !options.excludes?.(path) && !visited.has(real)) {
          visited.add(real);
          stack.push({ path, real, depth: dir.depth + 1 });
        }
      } else if (entry.isFile()) {
        if (options.wants(path)) files.push({ path, real: join(dir.real, entry.name) });
      } else if (entry.isSymbolicLink()) {
        followLink(path, entry.name, dir.depth);
      } else if (options.wants(path)) {
        skipped.push({ path, detail: 'not a regular file' });
      }
    }
    // Folders come off the stack in name order.
    stack.push(...stack.splice(below).reverse());
  }
  return { files, skipped };

  function followLink(path: string, name: string, depth: number): void {
    let real: string;
    let isDir: boolean;
    let isFile: boolean;
    let kind = '';
    try {
      real = realpathSync(path);
      const stats = statSync(real);
      isDir = stats.isDirectory();
      isFile = stats.isFile();
      if (!isDir && !isFile) kind = fileKind(stats);
    } catch {
      if (options.wants(path)) skipped.push({ path, detail: 'a broken symbolic link' });
      return;
    }
    if (isDir) {
      if (!deeper(depth) || options.skip?.has(name) || options.excludes?.(path) || visited.has(real)) return;
      if (!inside(real)) {
        skipped.push({ path, detail: 'a symbolic link to a folder outside the folders being checked' });
        return;
      }
      visited.add(real);
      stack.push({ path, real, depth: depth + 1 });
      return;
    }
    if (!options.wants(path)) return;
    if (!isFile) skipped.push({ path, detail: `not a regular file (${kind})` });
    else if (!inside(real)) skipped.push({ path, detail: 'a symbolic link to a file outside the folders being checked' });
    else files.push({ path, real });
  }
}
