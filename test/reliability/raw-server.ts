/**
 * A raw stdio JSON-RPC driver for the built server: it writes whatever bytes a test gives it (malformed JSON,
 * bad Content-Length headers) and parses what the server sends back. Used where test/lsp/client.ts, which only
 * speaks well-formed LSP, cannot go.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { SERVER_BUNDLE } from '../lsp/client.js';

/** One JSON-RPC message from the server. */
export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

const WAIT_MS = 10_000;

/** Frames a message as LSP does: a Content-Length header, a blank line, the UTF-8 JSON body. */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export class RawServer {
  /** Every message received, in order. */
  readonly messages: Message[] = [];
  /** The size of each message's body in bytes, as it came over the wire (same order as `messages`). */
  readonly sizes: number[] = [];
  stderr = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  private constructor(readonly process: ChildProcessWithoutNullStreams) {
    process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    process.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.poke();
    });
    // Writes after the server has gone are reported through `exit`, not as unhandled stream errors.
    process.stdin.on('error', () => undefined);
  }

  /** Spawns the built server over stdio (not initialized: the test decides what to send first). */
  static start(env: NodeJS.ProcessEnv = process.env): RawServer {
    return new RawServer(spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: 'pipe', env }));
  }

  get alive(): boolean {
    return this.exit === undefined && this.process.exitCode === null;
  }

  /** Writes raw bytes to the server's stdin. */
  write(bytes: string | Buffer): void {
    this.process.stdin.write(bytes);
  }

  /** Writes raw bytes and resolves once the server's end of the pipe has taken them all. */
  writeAll(bytes: string | Buffer): Promise<void> {
    return new Promise((resolve) => this.process.stdin.write(bytes, () => resolve()));
  }

  /** Sends a well-framed message. */
  send(message: unknown): void {
    this.write(frame(message));
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) });
  }

  /** Sends a request and resolves with the response (result or error). */
  request(method: string, params?: unknown, timeoutMs = WAIT_MS): Promise<Message> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    return this.waitFor((m) => m.id === id && m.method === undefined, `the response to ${method} (id ${id})`, 0, timeoutMs);
  }

  /** Initializes with no client capabilities (so the server asks nothing of us) and sends `initialized`. */
  async initialize(initializationOptions: unknown = { debounceMs: 0, typingDelayMs: 0 }): Promise<Message> {
    const response = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions });
    this.notify('initialized', {});
    return response;
  }

  /** Resolves with the first message from index `from` on that `matches` accepts; rejects if the server exits or after 10 s. */
  waitFor(matches: (m: Message) => boolean, what: string, from = 0, timeoutMs = WAIT_MS): Promise<Message> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.messages.slice(from).find(matches);
        if (found) {
          resolve(found);
          return true;
        }
        if (this.exit) {
          reject(new Error(`server exited (${this.exit.code ?? this.exit.signal}) while waiting for ${what}\n${this.stderr}`));
          return true;
        }
        return false;
      };
      if (check()) return;
      const listener = (): void => {
        if (check()) done();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}\n${this.stderr}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  /**
   * Proves the server answers: sends `count` requests for an unknown method at once and resolves when every one of
   * them has been answered (with MethodNotFound, or whatever error the server's state calls for). One lost request
   * fails, naming the ones that went unanswered: a reader that resynchronises late, dropping the first requests
   * after bad input, does not pass.
   */
  async answersAll(count = 5, timeoutMs = WAIT_MS): Promise<Message[]> {
    const from = this.messages.length;
    const ids = Array.from({ length: count }, () => `ping-${this.nextId++}`);
    for (const id of ids) this.send({ jsonrpc: '2.0', id, method: 'fairword/ping' });
    const answers = (): Message[] => this.messages.slice(from).filter((m) => typeof m.id === 'string' && ids.includes(m.id) && m.method === undefined);
    try {
      await this.waitFor(() => answers().length === count, `answers to ${count} requests`, from, timeoutMs);
    } catch (err) {
      const answered = new Set(answers().map((m) => m.id));
      throw new Error(`${(err as Error).message}
unanswered: ${ids.filter((id) => !answered.has(id)).join(', ')}`);
    }
    return ids.map((id) => answers().find((m) => m.id === id)!);
  }

  /** Shuts the server down politely if it is still running, else kills it. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    try {
      // A server whose input framing is broken never answers: give it a moment, then kill it.
      await this.request('shutdown', undefined, 2000);
      this.notify('exit');
    } catch {
      this.process.kill();
    }
    const timer = setTimeout(() => this.process.kill(), 5000);
    await exited;
    clearTimeout(timer);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) break;
      const header = this.buffer.subarray(0, end).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (!Number.isInteger(length)) throw new Error(`the server sent a bad header: ${header}`);
      if (this.buffer.length < end + 4 + length) break;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      const message = JSON.parse(body) as Message;
      this.messages.push(message);
      this.sizes.push(length);
      // Answer the few requests a server may make of a client that declared no capabilities.
      if (message.method !== undefined && message.id !== undefined) this.send({ jsonrpc: '2.0', id: message.id, result: null });
    }
    this.poke();
  }

  private poke(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
