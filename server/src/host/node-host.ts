/** What the Node host gives the server core: node:fs for `file:` URIs and Node's timers. */
import { promises as fsp } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isTextFile, readFileBytes, readTextFile, replaceFileSync } from '@fairword/rules/node';
import type { ServerHost } from '../server.js';
import { FileType, type FileStat } from '../protocol.js';
import { FileSystemError, type FileSystem } from '../workspace/file-system.js';
import { fileUri } from '../workspace/uris.js';

/** Files on this machine, by `file:` URI. */
export class NodeFileSystem implements FileSystem {
  handles(uri: string): boolean {
    return uri.startsWith('file:');
  }

  /** Follows links, as `existsSync`/`statSync` do; anything unreadable counts as absent. */
  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      const stat = await fsp.stat(fileURLToPath(uri));
      return { type: stat.isFile() ? FileType.File : stat.isDirectory() ? FileType.Directory : FileType.Unknown, size: stat.size };
    } catch {
      return undefined;
    }
  }

  /** The CLI's reader: regular files only (opened without blocking), never more than `maxBytes` read, UTF-16 decoded. */
  async readText(uri: string, maxBytes: number): Promise<string> {
    const read = await readTextFile(fileURLToPath(uri), maxBytes);
    if (isTextFile(read)) return read.text;
    throw new FileSystemError(read.detail, read.reason === 'missing' ? 'ENOENT' : read.reason);
  }

  async readBytes(uri: string, maxBytes: number): Promise<Uint8Array> {
    const read = await readFileBytes(fileURLToPath(uri), maxBytes);
    if (read instanceof Uint8Array) return read;
    throw new FileSystemError(read.detail, read.reason === 'missing' ? 'ENOENT' : read.reason);
  }

  /** Entries as they are: a symbolic link is reported as one, not followed. */
  async readDirectory(uri: string): Promise<Array<[string, number]>> {
    const entries = await this.attempt(() => fsp.readdir(fileURLToPath(uri), { withFileTypes: true }));
    return entries.map((e) => [
      e.name,
      e.isSymbolicLink() ? FileType.SymbolicLink : e.isDirectory() ? FileType.Directory : e.isFile() ? FileType.File : FileType.Unknown,
    ]);
  }

  /**
   * An existing file is replaced atomically (a temporary file renamed over it, as `fairword --fix` does); a new one
   * is created only if nothing, not even a dangling link, is at the path.
   */
  writeFile(uri: string, content: Uint8Array): Promise<void> {
    const path = fileURLToPath(uri);
    return this.attempt(async () => {
      const exists = await fsp.lstat(path).then(
        () => true,
        () => false,
      );
      if (exists) replaceFileSync(path, content);
      else await fsp.writeFile(path, content, { flag: 'wx' });
    });
  }

  async realUri(uri: string): Promise<string | undefined> {
    return fileUri(await this.attempt(() => fsp.realpath(fileURLToPath(uri))));
  }

  private async attempt<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error && 'code' in err ? String(err.code) : 'Unknown');
      throw new FileSystemError(err instanceof Error ? err.message : String(err), code);
    }
  }
}

/** A host for one server in this Node process. */
export function nodeHost(): ServerHost {
  return {
    fs: new NodeFileSystem(),
    clock: {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
      yield: () => new Promise((resolve) => setImmediate(resolve)),
    },
    ignoreCase: process.platform === 'win32' || process.platform === 'darwin',
  };
}
