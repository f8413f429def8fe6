/**
 * The stdio reader (server/src/host/transport.ts) on bad framing and hostile floods: it must deliver every good
 * message after the bad bytes, and read any input in time linear in its length. Inputs are fed in 64 KB chunks,
 * as a pipe delivers them; each test has a time limit, so a reader that stalls or goes quadratic fails it.
 */
import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, ResyncingMessageReader } from '../../server/src/host/transport.js';

const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const PING = { jsonrpc: '2.0', id: 1, method: 'ping' };
const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A stream stand-in that hands the reader each chunk at once, as a pipe's `data` events do. */
function source(): { stream: Readable; write(bytes: string | Buffer): void } {
  const emitter = new EventEmitter();
  return {
    stream: emitter as unknown as Readable,
    write(bytes) {
      const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
      for (let i = 0; i < buffer.length; i += CHUNK) emitter.emit('data', buffer.subarray(i, i + CHUNK));
    },
  };
}

/** Feeds `parts` to a reader and returns the messages it delivered, how many errors it reported, and how long it took. */
function read(parts: Array<string | Buffer>): { messages: unknown[]; errors: string[]; ms: number } {
  const { stream, write } = source();
  const reader = new ResyncingMessageReader(stream);
  const messages: unknown[] = [];
  const errors: string[] = [];
  reader.onError((e) => errors.push(e.message));
  reader.listen((m) => messages.push(m));
  const started = performance.now();
  for (const part of parts) write(part);
  return { messages, errors, ms: performance.now() - started };
}

/** `size` bytes made of `unit` repeated. */
const flood = (unit: string, size: number): Buffer => Buffer.alloc(size, unit, 'latin1');

describe('the stdio reader recovers from bad framing', () => {
  it('reads a message split across chunks, even when its text mentions a Content-Length header', () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: 'a line\r\nContent-Length: 12\r\n\r\n{} in a document' } });
    const whole = frame(body);
    const cut = whole.indexOf('Content-Length: 12') + 5;
    const { messages, errors } = read([whole.slice(0, cut), whole.slice(cut)]);
    expect({ messages, errors }).toEqual({ messages: [JSON.parse(body)], errors: [] });
  });

  it('reads a message whose header comes in byte by byte, and one with a Content-Type header before or after the length', () => {
    const body = JSON.stringify(PING);
    const { messages, errors } = read([
      ...frame(body).split(''),
      `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${frame(body)}`,
      `Content-Length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`,
    ]);
    expect({ messages, errors }).toEqual({ messages: [PING, PING, PING], errors: [] });
  });

  it.each([
    ['a length longer than the body', 'Content-Length: 300\r\n\r\n{}'],
    ['a length shorter than the body', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0"}'],
    ['a negative length', 'Content-Length: -5\r\n\r\n{}'],
    ['a length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a header with no length', 'Content-Length:\r\n\r\n{}'],
    ['a header line with no end', 'Content-Length: 12 and more words'],
    ['a length with nothing after it', 'Content-Length: 40\r\n\r\n'],
    ['a body that is not JSON', 'Content-Length: 10\r\n\r\n{not json}'],
  ])('skips %s and reads the next message', (_, bad) => {
    const { messages, errors } = read([bad, frame(JSON.stringify(PING))]);
    expect(messages).toEqual([PING]);
    expect(errors).toHaveLength(1);
  });

  it('reads the next message after one that declares 99,999,999,999 bytes and sends nothing', () => {
    const { messages, errors } = read(['Content-Length: 99999999999\r\n\r\n', frame(JSON.stringify(PING))]);
    expect(messages).toEqual([PING]);
    expect(errors).toEqual([`Fairword: ignored a message of 99999999999 bytes, over the ${MAX_MESSAGE_BYTES}-byte limit; reading on from the next message`]);
  });

  it('reports a stretch of bad input once, and again after a good message', () => {
    const { messages, errors } = read(['junk', 'Content-Length: x\r\n\r\n', 'more junk', frame(JSON.stringify(PING)), 'junk again', frame(JSON.stringify(PING))]);
    expect(messages).toEqual([PING, PING]);
    expect(errors).toEqual([
      'Fairword: ignored 4 bytes that are not part of any message; reading on from the next message',
      'Fairword: ignored 10 bytes that are not part of any message; reading on from the next message',
    ]);
  });
});

describe('the stdio reader on floods (each within a time limit: a stall or quadratic reading fails it)', () => {
  const after = frame(JSON.stringify(PING));

  it.each([
    ['50 MB with no header at all', () => [flood('x', 50 * MB)]],
    ['50 MB of line breaks', () => [flood('\r\n', 50 * MB)]],
    ['a header line, then 50 MB with no blank line', () => ['Content-Length: 10\r\n', flood('y', 50 * MB)]],
    ['50 MB of "Content-Length:"', () => [flood('Content-Length:', 50 * MB)]],
    ['50 MB of "Content-Length: 5" lines', () => [flood('Content-Length: 5\r\n', 50 * MB)]],
    ['50 MB of "Content-Length: 1" headers and one byte', () => [flood('Content-Length: 1\r\n\r\nx', 50 * MB)]],
    ['a header declaring 80 MB, then 80 MB', () => [`Content-Length: ${80 * MB}\r\n\r\n`, flood('{', 80 * MB)]],
    ['a header declaring 30 MB, then 80 MB that are not JSON', () => [`Content-Length: ${30 * MB}\r\n\r\n`, flood('[', 80 * MB)]],
  ])('passes over %s and reads the next message', (_, parts) => {
    const { messages, errors, ms } = read([...parts(), after]);
    expect(messages).toEqual([PING]);
    expect(errors).toHaveLength(1);
    expect(ms).toBeLessThan(5000);
  }, 20_000);

  it('reads a 30 MB message in 64 KB chunks in linear time, intact', () => {
    const text = 'We need a salesman. '.repeat((30 * MB) / 20 - 10);
    const message = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///big.md', text } } };
    const { messages, errors, ms } = read([frame(JSON.stringify(message)), after]);
    expect(errors).toEqual([]);
    expect(messages).toHaveLength(2);
    expect((messages[0] as typeof message).params.textDocument.text === text).toBe(true);
    expect(messages[1]).toEqual(PING);
    expect(ms).toBeLessThan(5000);
  }, 20_000);
});
