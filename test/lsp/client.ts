/**
 * A minimal headless LSP client for tests: spawns the built server bundle over stdio and waits
 * for `fairword/validated` (never sleeps).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type Command,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node.js';
import { ValidatedNotification, type InitializationOptions, type ValidatedParams } from '../../server/src/protocol.js';

/** The built server bundle; FAIRWORD_SERVER overrides it. */
export const SERVER_BUNDLE =
  process.env['FAIRWORD_SERVER'] ?? fileURLToPath(new URL('../../client/dist/server.cjs', import.meta.url));

/** How long to wait for one notification before failing the test. */
const WAIT_MS = 10_000;

/** One publish of a document version, as the client saw it. */
export interface Validation {
  validated: ValidatedParams;
  diagnostics: Diagnostic[];
}

interface Waiter {
  matches: (v: ValidatedParams) => boolean;
  resolve: (v: Validation) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** A spawned Fairword server and a protocol connection to it. */
export class TestClient {
  /** Every `fairword/validated` received, in order, with the diagnostics published just before it. */
  readonly validations: Validation[] = [];
  /** Every publishDiagnostics received, in order. */
  readonly publishes: PublishDiagnosticsParams[] = [];
  /** The server's stderr, for failure messages. */
  stderr = '';
  private readonly waiters = new Set<Waiter>();
  private readonly latest = new Map<string, Diagnostic[]>();
  private exited: Error | undefined;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  /** Spawns the server, initializes it and sends `initialized`. */
  static async start(initializationOptions: InitializationOptions = { debounceMs: 0 }): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new TestClient(child, connection);
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    child.on('exit', (code, signal) => client.fail(new Error(`server exited (${code ?? signal})\n${client.stderr}`)));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.publishes.push(p);
      client.latest.set(p.uri, p.diagnostics);
    });
    connection.onNotification(ValidatedNotification, (v) => {
      const validation = { validated: v, diagnostics: client.latest.get(v.uri) ?? [] };
      client.validations.push(validation);
      for (const w of client.waiters) {
        if (w.matches(v)) {
          client.waiters.delete(w);
          clearTimeout(w.timer);
          w.resolve(validation);
        }
      }
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    const result: InitializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { dataSupport: true, relatedInformation: true } } },
      initializationOptions,
    });
    client.capabilities = result.capabilities;
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The server's answer to `initialize`. */
  capabilities: InitializeResult['capabilities'] = {};

  /** Resolves with the first validation from index `from` on (already received or still to come) that `matches` accepts. */
  waitFor(matches: (v: ValidatedParams) => boolean, what: string, from = 0): Promise<Validation> {
    const seen = this.validations.slice(from).find((v) => matches(v.validated));
    if (seen) return Promise.resolve(seen);
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for fairword/validated: ${what}\n${this.stderr}`));
      }, WAIT_MS);
      const waiter: Waiter = { matches, resolve, reject, timer };
      this.waiters.add(waiter);
    });
  }

  /** Waits for the validation of one document version. */
  validated(uri: string, version: number): Promise<Validation> {
    return this.waitFor((v) => v.uri === uri && v.version === version, `${uri} v${version}`);
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, languageId: string, text: string, version = 1): Promise<Validation> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
    return this.validated(uri, version);
  }

  /** Sends a didChange without waiting for diagnostics. */
  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  /** Closes a document. */
  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Asks for the quick fixes of some diagnostics. */
  async codeActions(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics[0]!.range;
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, only: ['quickfix'] },
    });
    return (result ?? []).filter((a: Command | CodeAction): a is CodeAction => 'kind' in a || 'edit' in a);
  }

  /** Shuts the server down politely and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.exited) return;
    const exit = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exit;
    this.connection.dispose();
  }

  private fail(error: Error): void {
    this.exited = error;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(error);
    }
    this.waiters.clear();
  }
}
