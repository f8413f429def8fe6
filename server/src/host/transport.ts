import type { Readable } from 'node:stream';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node.js';

const HEADER = Buffer.from('Content-Length:', 'ascii');
const SEPARATOR = Buffer.from('\r\n\r\n', 'ascii');

/**
 * Reads LSP messages from a stream, like vscode-jsonrpc's stream reader, but recovers from bad framing: after a
 * missing, negative or wrong Content-Length, or a body that is not JSON, it reports the error and carries on from
 * the next "Content-Length:" header, so one malformed message never leaves the server deaf.
 */
export class ResyncingMessageReader extends AbstractMessageReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly readable: Readable) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer): void => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain(callback);
    };
    this.readable.on('data', onData);
    this.readable.on('error', (error: Error) => this.fireError(error));
    this.readable.on('close', () => this.fireClose());
    return { dispose: () => this.readable.off('data', onData) };
  }

  /** Delivers every complete message in the buffer, skipping over anything that cannot be a message. */
  private drain(callback: DataCallback): void {
    for (;;) {
      const start = this.buffer.indexOf(HEADER);
      if (start < 0) {
        // Keep a tail that could be the start of a header split across chunks.
        if (this.buffer.length > HEADER.length) this.buffer = this.buffer.subarray(this.buffer.length - HEADER.length);
        return;
      }
      if (start > 0) this.buffer = this.buffer.subarray(start);
      const end = this.buffer.indexOf(SEPARATOR);
      if (end < 0) return;
      const headers = this.buffer.subarray(0, end).toString('ascii');
      const match = /^Content-Length:\s*(\d+)\s*$/im.exec(headers);
      if (!match) {
        this.fireError(new Error(`Fairword: ignored a message with a bad header: ${headers.slice(0, 80)}`));
        this.buffer = this.buffer.subarray(HEADER.length);
        continue;
      }
      const length = Number(match[1]);
      const bodyStart = end + SEPARATOR.length;
      if (this.buffer.length < bodyStart + length) {
        // Not all here yet — unless a whole JSON body is already followed by the next header: then the length was wrong.
        // (A body still arriving is never complete JSON, so text such as "Content-Length:" inside a document is safe.)
        const next = this.buffer.indexOf(HEADER, bodyStart);
        if (next < 0 || !isJson(this.buffer.subarray(bodyStart, next))) return;
        this.fireError(new Error('Fairword: ignored a message whose Content-Length is longer than its body'));
        this.buffer = this.buffer.subarray(next);
        continue;
      }
      const body = this.buffer.subarray(bodyStart, bodyStart + length);
      let message: Message | undefined;
      try {
        message = JSON.parse(body.toString('utf8')) as Message;
      } catch (error) {
        this.fireError(new Error(`Fairword: ignored a message that is not JSON (${(error as Error).message})`));
        // Whatever a short Content-Length left behind is skipped at the top of the loop, up to the next header.
        this.buffer = this.buffer.subarray(bodyStart + length);
        continue;
      }
      this.buffer = this.buffer.subarray(bodyStart + length);
      callback(message);
    }
  }
}

/** True when `bytes` are one complete JSON value. */
function isJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
