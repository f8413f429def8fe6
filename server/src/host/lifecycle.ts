/**
 * The LSP lifecycle at the transport, where it sees every message whatever handler would take it (vscode-languageserver
 * leaves it to the server): before `initialize` a request gets ServerNotInitialized; a second `initialize` gets
 * InvalidRequest; after `shutdown` every request gets InvalidRequest and every notification but `exit` is dropped.
 * The library itself ends the process on `exit`, with code 0 after `shutdown` and 1 otherwise.
 */
import {
  ErrorCodes,
  Message,
  type DataCallback,
  type Disposable,
  type Event,
  type MessageReader,
  type MessageWriter,
  type PartialMessageInfo,
  type RequestMessage,
} from 'vscode-languageserver';

/** Where a server is in its life: waiting for `initialize`, running, or shut down and waiting for `exit`. */
export type LifecyclePhase = 'waiting' | 'running' | 'shut-down';

/** A message reader that passes on only what the server's phase allows, and answers refused requests itself. */
export class LifecycleReader implements MessageReader {
  private current: LifecyclePhase = 'waiting';

  constructor(
    private readonly reader: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  /** The phase the messages read so far have put the server in. */
  get phase(): LifecyclePhase {
    return this.current;
  }

  get onError(): Event<Error> {
    return this.reader.onError;
  }

  get onClose(): Event<void> {
    return this.reader.onClose;
  }

  get onPartialMessage(): Event<PartialMessageInfo> {
    return this.reader.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.reader.listen((message) => {
      if (this.admits(message)) callback(message);
    });
  }

  dispose(): void {
    this.reader.dispose();
  }

  private admits(message: Message): boolean {
    if (Message.isRequest(message)) {
      const refusal = this.refusal(message.method);
      if (refusal) {
        this.refuse(message, refusal);
        return false;
      }
      if (message.method === 'initialize') this.current = 'running';
      else if (message.method === 'shutdown') this.current = 'shut-down';
      return true;
    }
    if (Message.isNotification(message)) return message.method === 'exit' || this.current === 'running';
    return true;
  }

  private refusal(method: string): { code: number; message: string } | undefined {
    if (this.current === 'waiting' && method !== 'initialize') {
      return { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized yet: "${method}" must wait for "initialize".` };
    }
    if (this.current === 'running' && method === 'initialize') {
      return { code: ErrorCodes.InvalidRequest, message: 'The server is initialized already: "initialize" is sent once.' };
    }
    if (this.current === 'shut-down') {
      return { code: ErrorCodes.InvalidRequest, message: `The server has shut down: "${method}" is refused; only "exit" is accepted now.` };
    }
    return undefined;
  }

  private refuse(request: RequestMessage, error: { code: number; message: string }): void {
    this.writer.write({ jsonrpc: '2.0', id: request.id, error } as Message).catch(() => undefined);
  }
}
