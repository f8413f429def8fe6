import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ResyncingMessageReader } from '../../server/src/host/transport.js';

const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Feeds `chunks` to a reader and returns the messages and errors it reported. */
async function read(chunks: string[]): Promise<{ messages: unknown[]; errors: number }> {
  const stream = new PassThrough();
  const reader = new ResyncingMessageReader(stream);
  const messages: unknown[] = [];
  let errors = 0;
  reader.onError(() => errors++);
  reader.listen((m) => messages.push(m));
  for (const c of chunks) stream.write(c);
  await new Promise((resolve) => setImmediate(resolve));
  return { messages, errors };
}

describe('the stdio reader recovers from bad framing', () => {
  it('reads a message split across chunks, even when its text mentions a Content-Length header', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: 'a line\r\nContent-Length: 12\r\n\r\n{} in a document' } });
    const whole = frame(body);
    const cut = whole.indexOf('Content-Length: 12') + 5;
    expect(await read([whole.slice(0, cut), whole.slice(cut)])).toEqual({ messages: [JSON.parse(body)], errors: 0 });
  });
  it('skips a message with a wrong length or a bad header and reads the next one', async () => {
    const ok = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
    for (const bad of ['Content-Length: 300\r\n\r\n{}', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0"}', 'Content-Length: -5\r\n\r\n{}', 'Content-Length: abc\r\n\r\n{}']) {
      const { messages, errors } = await read([bad, frame(ok)]);
      expect(messages, bad).toEqual([JSON.parse(ok)]);
      expect(errors, bad).toBeGreaterThan(0);
    }
  });
});
