/** Finding the Markdown, text and Word files of a workspace folder, for "Check all files". */
import { formatFromFilename } from '@fairword/rules';
import type { Clock } from '../clock.js';
import { FileType } from '../protocol.js';
import type { FileSystem } from './file-system.js';
import { byPath, joinUri } from './uris.js';

/** File extensions checked by "Check all files": those `formatFromFilename` knows, and Word documents. */
export const EXTENSIONS = ['md', 'markdown', 'mdown', 'mkd', 'txt', 'text', 'docx'];

/** Whether a file name (or path) is a Word document "Check all files" reads: a .docx, not Word's `~$…` lock file. */
export function isWordDocumentName(name: string): boolean {
  return /\.docx$/i.test(name) && !/(?:^|[\\/])~\$[^\\/]*$/.test(name);
}

/** Whether "Check all files" checks a file of this name (or path): Markdown, text or a Word document. */
export function isCheckedName(name: string): boolean {
  return formatFromFilename(name) !== undefined || isWordDocumentName(name);
}

/** Glob of the files "Check all files" keeps current, for file watching. */
export const TEXT_FILES_GLOB = `**/*.{${EXTENSIONS.join(',')}}`;

/** Folders never looked into. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/**
 * Every Markdown, text and Word file under `root`, sorted, skipping node_modules, .git, symbolic links and whatever
 * `skip` rejects (called for folders with `isDir` true, and for files). Yields to the event loop between folders
 * and stops early when `cancelled()` says so.
 */
export async function walk(
  fs: FileSystem,
  clock: Clock,
  root: string,
  skip: (uri: string, isDir: boolean) => Promise<boolean>,
  cancelled: () => boolean = () => false,
): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0 && !cancelled()) {
    const dir = pending.pop()!;
    const entries = await fs.readDirectory(dir).catch(() => []);
    for (const [name, type] of entries) {
      if (type & FileType.SymbolicLink) continue;
      const uri = joinUri(dir, name);
      if (type & FileType.Directory) {
        if (!ALWAYS_SKIPPED.has(name) && !(await skip(uri, true))) pending.push(uri);
      } else if (type & FileType.File && isCheckedName(name) && !(await skip(uri, false))) {
        found.push(uri);
      }
    }
    await clock.yield();
  }
  return byPath(found);
}
