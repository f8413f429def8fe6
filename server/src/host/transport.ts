import type { Readable } from 'node:stream';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node.js';

/**
 * The largest message body read, in bytes. VS Code hands extensions no document over 50 MB, and such a document
 * still fits after JSON escaping its line breaks and quotes, so a document too large to check still arrives and is
 * reported as too large (the check itself stops at `maxFileSize`, 10 MiB at most). A longer message is passed over
 * unread.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** The longest header block (`Content-Length` and any other header lines) read before it is taken as noise. */
export const MAX_HEADER_BYTES = 1024;

const HEADER = Buffer.from('Content-Length:', 'ascii');
const SEPARATOR = Buffer.from('\r\n\r\n', 'ascii');
/** The longest `Content-Length` header line read (with its spaces, digits and line break). */
const HEADER_LINE_PROBE = 64;
/** A queue this large is given back to the system once it empties. */
const KEEP_CAPACITY = 1024 * 1024;

/**
 * Bytes waiting to be read, in one buffer that grows by doubling: appending and dropping are linear in the bytes
 * that pass through, however small the chunks (no concatenation per chunk).
 */
class ByteQueue {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  push(chunk: Uint8Array): void {
    if (this.end + chunk.length > this.buffer.length) {
      const needed = this.length + chunk.length;
      if (needed <= this.buffer.length / 2) {
        this.buffer.copyWithin(0, this.start, this.end);
      } else {
        const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
        this.buffer.copy(grown, 0, this.start, this.end);
        this.buffer = grown;
      }
      this.end -= this.start;
      this.start = 0;
    }
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** The bytes waiting; valid until the next {@link push}. */
  view(): Buffer {
    return this.buffer.subarray(this.start, this.end);
  }

  drop(count: number): void {
    this.start += Math.min(count, this.length);
    if (this.start === this.end) {
      this.start = this.end = 0;
      if (this.buffer.length > KEEP_CAPACITY) this.buffer = Buffer.allocUnsafe(64 * 1024);
    }
  }
}

/** What a step of the reader answers when it needs more bytes before it can decide. */
const WAIT = -1;
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const OPEN_BRACE = 0x7b;
/** The bytes JSON counts as white space. */
const WHITE_SPACE = new Set([SPACE, TAB, CR, LF]);
const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;
/** Header lines other than `Content-Length` (such as `Content-Type`), which may come before it. */
const OTHER_HEADER_LINES = /^(?:[!-9;-~]+:[^\r\n]*\r\n)+$/;

/** Whether a `Content-Length:` header starts at `pos` (checked here: cheaper than a search when it does). */
function headerAt(view: Buffer, pos: number): boolean {
  if (pos + HEADER.length > view.length) return false;
  for (let i = 0; i < HEADER.length; i++) if (view[pos + i] !== HEADER[i]) return false;
  return true;
}

/**
 * Reads a `Content-Length: N` header line at `pos` as it arrives on the wire (with its line break), byte by byte:
 * its length and where the line ends; undefined when the bytes there are not such a line, {@link WAIT} when they
 * could still become one. No JSON text can hold such a line: JSON writes line breaks inside strings as escapes.
 */
function lengthLine(view: Buffer, pos: number): { declared: number; end: number } | typeof WAIT | undefined {
  const limit = Math.min(view.length, pos + HEADER_LINE_PROBE);
  let i = pos + HEADER.length;
  while (i < limit && (view[i] === SPACE || view[i] === TAB)) i++;
  let declared = 0;
  const digits = i;
  while (i < limit && isDigit(view[i])) declared = declared * 10 + view[i++]! - 0x30;
  if (i === digits && i < limit) return undefined;
  while (i < limit && (view[i] === SPACE || view[i] === TAB)) i++;
  if (i + 1 < limit) return view[i] === CR && view[i + 1] === LF ? { declared, end: i + 2 } : undefined;
  if (limit === pos + HEADER_LINE_PROBE || (i < limit && view[i] !== CR)) return undefined;
  return WAIT;
}

/**
 * Reads LSP messages from a stream, like vscode-jsonrpc's stream reader, but never goes deaf and never slows down
 * on bad input. After a missing, malformed, negative or wrong `Content-Length`, a declared length over
 * {@link MAX_MESSAGE_BYTES}, or a body that is not JSON, it reports the error and carries on from the next
 * `Content-Length:` header; bytes that belong to no message are passed over. A message body can never hold a
 * header line as it arrives on the wire (`Content-Length: 12` and a line break), because JSON writes line breaks
 * inside strings as `\r\n` escapes; so a body that does is cut short there and reading resumes at that header.
 * Every byte is looked at a bounded number of times, so any input is read in time linear in its length.
 */
export class ResyncingMessageReader extends AbstractMessageReader {
  private readonly queue = new ByteQueue();
  /** Bytes before this offset in the queue have been searched for a header already. */
  private searched = 0;
  /** The length of the body awaited at the start of the queue, if a header has been read. */
  private bodyLength: number | undefined;
  /** Whether an error has been reported since the last good message (one report per stretch of bad input). */
  private reported = false;

  constructor(private readonly readable: Readable) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer): void => {
      this.queue.push(chunk);
      this.drain(callback);
    };
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('close', onClose);
      },
    };
  }

  /** Delivers every complete message waiting, passes over anything that cannot be one, and keeps the rest. */
  private drain(callback: DataCallback): void {
    const view = this.queue.view();
    let pos = 0;
    for (;;) {
      if (this.bodyLength !== undefined) {
        const next = this.readBody(view, pos, callback);
        if (next === WAIT) break;
        pos = next;
        continue;
      }
      const from = Math.max(pos, this.searched);
      const at = headerAt(view, from) ? from : view.indexOf(HEADER, from);
      if (at < 0) {
        // Keep only a tail that could be the start of a header split across chunks.
        const keep = Math.max(pos, view.length - (HEADER.length - 1));
        this.noise(view, pos, keep);
        pos = keep;
        this.searched = pos;
        break;
      }
      this.noise(view, pos, at);
      pos = at;
      const next = this.readHeader(view, pos);
      if (next === WAIT) {
        this.searched = pos;
        break;
      }
      pos = next;
    }
    this.queue.drop(pos);
    this.searched = Math.max(0, this.searched - pos);
  }

  /**
   * Reads the header block at `pos`. A good one leaves the reader waiting for its body, which starts at the offset
   * returned; a bad one is reported and passed over. Returns {@link WAIT} when more bytes are needed to decide.
   */
  private readHeader(view: Buffer, pos: number): number {
    const line = lengthLine(view, pos);
    if (line === WAIT) return WAIT;
    if (line === undefined) return this.reject(pos + HEADER.length, 'a message whose Content-Length is not a number');
    const lineEnd = line.end;
    let end: number;
    if (view[lineEnd] === CR && view[lineEnd + 1] === LF) {
      end = lineEnd + 2;
    } else if (view.length < lineEnd + 2) {
      return WAIT;
    } else if (headerAt(view, lineEnd)) {
      return this.reject(lineEnd, 'a message header with another header inside it');
    } else {
      // More header lines (Content-Type): they end at a blank line, which must come soon, before any other header.
      const limit = Math.min(view.length, pos + MAX_HEADER_BYTES);
      const window = view.subarray(lineEnd - 2, limit);
      const other = window.indexOf(HEADER);
      const blank = window.subarray(0, other < 0 ? window.length : other).indexOf(SEPARATOR);
      if (blank < 0 && other >= 0) return this.reject(lineEnd - 2 + other, 'a message header with another header inside it');
      if (blank < 0) return limit - pos < MAX_HEADER_BYTES ? WAIT : this.reject(lineEnd, `a message header longer than ${MAX_HEADER_BYTES} bytes`);
      end = lineEnd - 2 + blank + SEPARATOR.length;
    }
    const { declared } = line;
    // Such a body holds no header line, so it is passed over as noise up to the next header.
    if (declared > MAX_MESSAGE_BYTES) return this.reject(end, `a message of ${declared} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit`);
    this.bodyLength = declared;
    this.searched = end;
    return end;
  }

  /**
   * Delivers the body awaited at `pos` once it is all here, or gives it up at a header line inside it (its
   * declared length was wrong). Returns where reading goes on, or {@link WAIT} when more bytes are needed.
   */
  private readBody(view: Buffer, pos: number, callback: DataCallback): number {
    const end = pos + this.bodyLength!;
    const available = view.subarray(0, Math.min(view.length, end));
    for (let from = Math.max(pos, this.searched); ; ) {
      const at = available.indexOf(HEADER, from);
      if (at < 0) {
        this.searched = Math.max(pos, available.length - HEADER.length + 1);
        break;
      }
      const line = lengthLine(view, at);
      if (line !== undefined && line !== WAIT) {
        this.bodyLength = undefined;
        return this.reject(at, 'a message whose Content-Length is longer than its body');
      }
      if (line === WAIT) {
        // Perhaps a header line still arriving: look at it again when more bytes come.
        this.searched = at;
        break;
      }
      from = at + 1;
    }
    if (available.length < end) return WAIT;
    this.bodyLength = undefined;
    this.searched = end;
    // A JSON-RPC message is an object: anything else is refused without parsing it (a failed parse is costly).
    let first = pos;
    while (first < end && WHITE_SPACE.has(view[first]!)) first++;
    if (view[first] !== OPEN_BRACE) {
      this.report('a message that is not a JSON object');
      return end;
    }
    let message: Message;
    try {
      message = JSON.parse(view.toString('utf8', pos, end)) as Message;
    } catch (error) {
      this.report(`a message that is not JSON (${(error as Error).message})`);
      return end;
    }
    this.reported = false;
    callback(message);
    return end;
  }

  /** Reports why reading skips to `to`, and returns it. */
  private reject(to: number, why: string): number {
    this.searched = to;
    this.report(why);
    return to;
  }

  /** Reports bytes from `from` to `to` that belong to no message, unless they are header lines before a `Content-Length`. */
  private noise(view: Buffer, from: number, to: number): void {
    if (to <= from) return;
    if (to - from <= MAX_HEADER_BYTES && OTHER_HEADER_LINES.test(view.toString('latin1', from, to))) return;
    this.report(`${to - from} bytes that are not part of any message`);
  }

  /** Reports the first problem of a stretch of bad input (a flood of noise makes one report, not thousands). */
  private report(why: string): void {
    if (this.reported) return;
    this.reported = true;
    this.fireError(new Error(`Fairword: ignored ${why}; reading on from the next message`));
  }
}
