/** The workspace folders the client told the server about, as canonical URIs. */
import { canonicalUri, isInside } from './uris.js';

/** The folders, longest first, so the first that holds a file is the innermost. */
export class WorkspaceFolders {
  private list: string[] = [];

  /** Replaces the folders. */
  set(uris: readonly string[]): void {
    this.list = [...new Set(uris.map(canonicalUri))].sort((a, b) => b.length - a.length);
  }

  /** Adds and removes folders (`workspace/didChangeWorkspaceFolders`). */
  change(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map(canonicalUri));
    this.set([...this.list.filter((f) => !gone.has(f)), ...added]);
  }

  /** The innermost folder that holds `uri` (canonical), if any. */
  folderOf(uri: string): string | undefined {
    return this.list.find((f) => isInside(f, uri));
  }

  /** The folder whose config applies to documents with no place of their own (untitled ones). */
  fallback(): string | undefined {
    return this.list.at(-1);
  }

  all(): readonly string[] {
    return this.list;
  }
}
