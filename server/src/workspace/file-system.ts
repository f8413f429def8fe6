/**
 * The one way the server reaches files: a small interface by URI. The Node host gives an implementation on node:fs
 * for `file:` URIs; {@link ClientFileSystem} asks the client (which reads through `vscode.workspace.fs`) for
 * everything else, when the client offers it. In a browser, the client is the only file system there is.
 */
import { ResponseError, type Connection } from 'vscode-languageserver';
import { fromBase64, toBase64 } from './base64.js';
import { FileType, ReadDirectoryRequest, ReadFileRequest, StatRequest, WriteFileRequest, type FileStat } from '../protocol.js';

/** A failed read or write; `code` is the Node error code (ENOENT, EACCES) or the client's (FileNotFound). */
export class FileSystemError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }

  /** Whether the error says that nothing is there. */
  get notFound(): boolean {
    return this.code === 'ENOENT' || this.code === 'FileNotFound';
  }
}

/** Files and folders by URI. Failures reject with a {@link FileSystemError}. */
export interface FileSystem {
  /** Whether this file system can reach `uri` at all (decided by its scheme). */
  handles(uri: string): boolean;
  /** What is at `uri`, or undefined when nothing is there. */
  stat(uri: string): Promise<FileStat | undefined>;
  readFile(uri: string): Promise<Uint8Array>;
  /** A folder's entries as [name, {@link FileType} flags]. */
  readDirectory(uri: string): Promise<Array<[string, number]>>;
  /** Replaces (or creates) a file. */
  writeFile(uri: string, content: Uint8Array): Promise<void>;
}

/** A file system that reaches nothing: documents are then checked with the built-in defaults. */
export const NO_FILE_SYSTEM: FileSystem = {
  handles: () => false,
  stat: () => Promise.resolve(undefined),
  readFile: (uri) => Promise.reject(new FileSystemError(`cannot reach ${uri}`, 'Unavailable')),
  readDirectory: () => Promise.resolve([]),
  writeFile: (uri) => Promise.reject(new FileSystemError(`cannot reach ${uri}`, 'Unavailable')),
};

/** Whether a stat says "a file" (a link to a file counts). */
export const isFile = (stat: FileStat | undefined): boolean => stat !== undefined && (stat.type & FileType.File) !== 0;

/** Reads files through the client, with the `fairword/fs/*` requests. Handles every URI but `untitled:` ones. */
export class ClientFileSystem implements FileSystem {
  constructor(private readonly connection: Pick<Connection, 'sendRequest'>) {}

  handles(uri: string): boolean {
    return !uri.startsWith('untitled:');
  }

  stat(uri: string): Promise<FileStat | undefined> {
    return this.ask(() => this.connection.sendRequest(StatRequest, { uri })).then((stat) => stat ?? undefined);
  }

  async readFile(uri: string): Promise<Uint8Array> {
    const { base64 } = await this.ask(() => this.connection.sendRequest(ReadFileRequest, { uri }));
    return fromBase64(base64);
  }

  readDirectory(uri: string): Promise<Array<[string, number]>> {
    return this.ask(() => this.connection.sendRequest(ReadDirectoryRequest, { uri }));
  }

  writeFile(uri: string, content: Uint8Array): Promise<void> {
    return this.ask(() => this.connection.sendRequest(WriteFileRequest, { uri, base64: toBase64(content) }));
  }

  private async ask<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      const code = err instanceof ResponseError && typeof (err.data as { code?: unknown } | undefined)?.code === 'string' ? (err.data as { code: string }).code : 'Unknown';
      throw new FileSystemError(err instanceof Error ? err.message : String(err), code);
    }
  }
}

/** One file system from two: `local` for the URIs it handles, `client` for the rest once `clientOffers()` says it may be asked. */
export function routeFileSystems(local: FileSystem, client: FileSystem, clientOffers: () => boolean): FileSystem {
  const pick = (uri: string): FileSystem => (local.handles(uri) ? local : clientOffers() ? client : NO_FILE_SYSTEM);
  return {
    handles: (uri) => pick(uri).handles(uri),
    stat: (uri) => pick(uri).stat(uri),
    readFile: (uri) => pick(uri).readFile(uri),
    readDirectory: (uri) => pick(uri).readDirectory(uri),
    writeFile: (uri, content) => pick(uri).writeFile(uri, content),
  };
}
