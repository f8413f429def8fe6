import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** How a text file was stored, so that a rewrite keeps it the same way. */
export interface TextEncoding {
  name: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Whether the file started with a byte order mark. */
  bom: boolean;
}

/** A file read as text. */
export interface TextFile {
  text: string;
  encoding: TextEncoding;
  /** Size and modification time when read: a rewrite checks that nobody changed the file since. */
  stamp: FileStamp;
}

/** Identifies one version of a file on disk. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** Why a file was not read as text. */
export type UnreadableReason = 'not-regular' | 'too-large' | 'binary' | 'not-text' | 'missing' | 'unreadable';

/** A file that was not read, with a phrase saying why (no file name: the caller adds it). */
export interface Unreadable {
  reason: UnreadableReason;
  detail: string;
}

/** Bytes inspected for a NUL to tell a binary file. */
const BINARY_PROBE = 8192;
/** Bytes read per call. */
const CHUNK = 64 * 1024;

/**
 * Reads a regular file as text, reading at most `maxBytes` whatever `fstat` says (a device or a file that grows is
 * cut off, never read without end). Named pipes, devices, sockets and folders are refused without blocking (the
 * file is opened non-blocking). UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded; a NUL in the first
 * 8 KB of anything else means binary. Follows symbolic links: the caller decides which paths may be read.
 */
export function readTextFileSync(path: string, maxBytes: number): TextFile | Unreadable {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    const refused = refuse(stats, maxBytes);
    if (refused) return refused;
    const bytes = new BoundedBytes(maxBytes, stats.size);
    for (let chunk = bytes.next(); chunk; chunk = bytes.next()) {
      if (!bytes.took(chunk, readSync(fd, chunk, 0, chunk.length, null))) break;
    }
    return bytes.over ?? decode(bytes.all(), stamp(stats));
  } catch (err) {
    return failed(err);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** {@link readTextFileSync} with asynchronous I/O, for the language server. */
export async function readTextFile(path: string, maxBytes: number): Promise<TextFile | Unreadable> {
  const read = await readBounded(path, maxBytes);
  return 'bytes' in read ? decode(read.bytes, read.stamp) : read;
}

/**
 * The bytes of a regular file, as {@link readTextFile} reads them (regular files only, never more than `maxBytes`),
 * for files that are not text: a Word document.
 */
export async function readFileBytes(path: string, maxBytes: number): Promise<Uint8Array | Unreadable> {
  const read = await readBounded(path, maxBytes);
  return 'bytes' in read ? read.bytes : read;
}

async function readBounded(path: string, maxBytes: number): Promise<{ bytes: Buffer; stamp: FileStamp } | Unreadable> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    const refused = refuse(stats, maxBytes);
    if (refused) return refused;
    const bytes = new BoundedBytes(maxBytes, stats.size);
    for (let chunk = bytes.next(); chunk; chunk = bytes.next()) {
      if (!bytes.took(chunk, (await handle.read(chunk, 0, chunk.length, null)).bytesRead)) break;
    }
    return bytes.over ?? { bytes: bytes.all(), stamp: stamp(stats) };
  } catch (err) {
    return failed(err);
  } finally {
    await handle?.close();
  }
}

/** The bytes of one read, taken a chunk at a time and cut off one byte past the cap. */
class BoundedBytes {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  /** Set once more than the cap has been read. */
  over: Unreadable | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly statSize: number,
  ) {}

  /** A buffer for the next read, or undefined once the cap is passed. */
  next(): Buffer | undefined {
    return this.over ? undefined : Buffer.allocUnsafe(Math.min(CHUNK, this.maxBytes + 1 - this.total));
  }

  /** Keeps the `n` bytes read into `chunk`; false at the end of the file. */
  took(chunk: Buffer, n: number): boolean {
    if (n === 0) return false;
    this.chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    this.total += n;
    if (this.total > this.maxBytes) this.over = tooLarge(Math.max(this.total, this.statSize), this.maxBytes);
    return true;
  }

  all(): Buffer {
    return Buffer.concat(this.chunks, this.total);
  }
}

/** Whether a read gave text. */
export function isTextFile(read: TextFile | Unreadable): read is TextFile {
  return 'text' in read;
}

/** The bytes to write for `text` stored as `encoding` (the BOM restored if there was one). */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  const body = encoding.bom ? `\uFEFF${text}` : text;
  if (encoding.name === 'utf-8') return Buffer.from(body, 'utf8');
  const bytes = Buffer.from(body, 'utf16le');
  return encoding.name === 'utf-16be' ? bytes.swap16() : bytes;
}

/** Decodes file bytes: UTF-8, or UTF-16 when a byte order mark says so. */
export function decode(bytes: Buffer, when: FileStamp = { size: bytes.length, mtimeMs: 0 }): TextFile | Unreadable {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe && bytes.length >= 4 && bytes[2] === 0 && bytes[3] === 0) {
    return { reason: 'not-text', detail: 'UTF-32 text is not supported (save it as UTF-8 to check it)' };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const name = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    if (bytes.length % 2 !== 0) return { reason: 'not-text', detail: `not valid ${name.toUpperCase()} text (an odd number of bytes)` };
    const body = bytes.subarray(2);
    try {
      // Big-endian text is byte-swapped and decoded as little-endian (no ICU data needed).
      const text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(name === 'utf-16le' ? body : Buffer.from(body).swap16());
      if (text.slice(0, BINARY_PROBE).includes('\u0000')) return { reason: 'binary', detail: 'binary file' };
      return { text, encoding: { name, bom: true }, stamp: when };
    } catch {
      return { reason: 'not-text', detail: `not valid ${name.toUpperCase()} text (save it as UTF-8 to check it)` };
    }
  }
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { reason: 'binary', detail: 'binary file' };
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: { name: 'utf-8', bom }, stamp: when };
  } catch {
    return { reason: 'not-text', detail: 'not valid UTF-8 text (save it as UTF-8 to check it)' };
  }
}

/** A short name for what a non-regular file is. */
export function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function refuse(stats: Stats, maxBytes: number): Unreadable | undefined {
  if (!stats.isFile()) return { reason: 'not-regular', detail: `not a regular file (${fileKind(stats)})` };
  if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes);
  return undefined;
}

function tooLarge(size: number, maxBytes: number): Unreadable {
  return { reason: 'too-large', detail: `${size} bytes is over the ${maxBytes}-byte limit (maxFileSize)` };
}

function stamp(stats: Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

function failed(err: unknown): Unreadable {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { reason: 'missing', detail: 'file not found' };
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'unreadable', detail: 'permission denied' };
  if (code === 'EISDIR') return { reason: 'not-regular', detail: 'not a regular file (a folder)' };
  if (code === 'ELOOP') return { reason: 'unreadable', detail: 'too many levels of symbolic links' };
  return { reason: 'unreadable', detail: err instanceof Error ? err.message : String(err) };
}
