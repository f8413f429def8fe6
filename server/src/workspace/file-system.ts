/**
 * The one way the server reaches files: a small interface by URI. The Node host gives an implementation on node:fs
 * for `file:` URIs; {@link ClientFileSystem} asks the client (which reads through `vscode.workspace.fs`) for
 * everything else, when the client offers it. In a browser, the client is the only file system there is.
 */
import { ResponseError, type Connection } from 'vscode-languageserver';
import { fromBase64, toBase64 } from './base64.js';
import { FileType, ReadDirectoryRequest, ReadFileRequest, StatRequest, WriteFileRequest, type FileStat } from '../protocol.js';

/**
 * A failed read or write; `code` is the Node error code (ENOENT, EACCES), the client's (FileNotFound), or why a
 * file was not read as text: `too-large`, `not-regular`, `binary`, `not-text` (the reasons of @fairword/rules/node).
 */
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

  /** Whether the file is there but is not a text file Fairword checks (too large, not a regular file, binary, not text). */
  get notText(): boolean {
    return NOT_TEXT.has(this.code);
  }
}

const NOT_TEXT = new Set(['too-large', 'not-regular', 'binary', 'not-text']);

/** Bytes looked at for a NUL, the sign of a binary file (as the CLI). */
const BINARY_PROBE = 8192;

/** UTF-8 file bytes as text (a BOM dropped), or a {@link FileSystemError} saying why they are not text. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) throw new FileSystemError('binary file', 'binary');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileSystemError('not valid UTF-8 text (save it as UTF-8 to check it)', 'not-text');
  }
}

/** The error for a file over `maxBytes`. */
export const tooLarge = (size: number, maxBytes: number): FileSystemError =>
  new FileSystemError(`${size} bytes is over the ${maxBytes}-byte limit`, 'too-large');

/** Files and folders by URI. Failures reject with a {@link FileSystemError}. */
export interface FileSystem {
  /** Whether this file system can reach `uri` at all (decided by its scheme). */
  handles(uri: string): boolean;
  /** What is at `uri`, or undefined when nothing is there. */
  stat(uri: string): Promise<FileStat | undefined>;
  /**
   * Reads a regular file as text, reading at most `maxBytes` bytes whatever its size is said to be (a device, a
   * named pipe or a file that grows is never read without end). Rejects with a {@link FileSystemError}.
   */
  readText(uri: string, maxBytes: number): Promise<string>;
  /** Reads a regular file's bytes (a Word document) under the same rules as {@link readText}. */
  readBytes(uri: string, maxBytes: number): Promise<Uint8Array>;
  /** A folder's entries as [name, {@link FileType} flags]. */
  readDirectory(uri: string): Promise<Array<[string, number]>>;
  /** Replaces a file (atomically where the file system allows it) or creates one. */
  writeFile(uri: string, content: Uint8Array): Promise<void>;
  /**
   * Where `uri` leads once symbolic links are followed, as a URI; undefined when this file system cannot tell
   * (a link is then known only by the {@link FileType.SymbolicLink} flag of its stat).
   */
  realUri(uri: string): Promise<string | undefined>;
}

/** A file system that reaches nothing: documents are then checked with the built-in defaults. */
export const NO_FILE_SYSTEM: FileSystem = {
  handles: () => false,
  stat: () => Promise.resolve(undefined),
  readText: (uri) => Promise.reject(new FileSystemError(`cannot reach ${uri}`, 'Unavailable')),
  readBytes: (uri) => Promise.reject(new FileSystemError(`cannot reach ${uri}`, 'Unavailable')),
  readDirectory: () => Promise.resolve([]),
  writeFile: (uri) => Promise.reject(new FileSystemError(`cannot reach ${uri}`, 'Unavailable')),
  realUri: () => Promise.resolve(undefined),
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

  async readText(uri: string, maxBytes: number): Promise<string> {
    return decodeText(await this.readBytes(uri, maxBytes));
  }

  /** Asks for the size first, so a file over the limit is never sent; what is sent is held to the limit too. */
  async readBytes(uri: string, maxBytes: number): Promise<Uint8Array> {
    const stat = await this.stat(uri);
    if (!stat) throw new FileSystemError('file not found', 'FileNotFound');
    if (!(stat.type & FileType.File)) throw new FileSystemError('not a regular file', 'not-regular');
    if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    const { base64 } = await this.ask(() => this.connection.sendRequest(ReadFileRequest, { uri }));
    if (base64.length > Math.ceil(maxBytes / 3) * 4) throw tooLarge(Math.floor((base64.length * 3) / 4), maxBytes);
    return fromBase64(base64);
  }

  readDirectory(uri: string): Promise<Array<[string, number]>> {
    return this.ask(() => this.connection.sendRequest(ReadDirectoryRequest, { uri }));
  }

  writeFile(uri: string, content: Uint8Array): Promise<void> {
    return this.ask(() => this.connection.sendRequest(WriteFileRequest, { uri, base64: toBase64(content) }));
  }

  realUri(): Promise<string | undefined> {
    return Promise.resolve(undefined);
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
    readText: (uri, maxBytes) => pick(uri).readText(uri, maxBytes),
    readBytes: (uri, maxBytes) => pick(uri).readBytes(uri, maxBytes),
    readDirectory: (uri) => pick(uri).readDirectory(uri),
    writeFile: (uri, content) => pick(uri).writeFile(uri, content),
    realUri: (uri) => pick(uri).realUri(uri),
  };
}
