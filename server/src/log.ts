/** Errors become lines in the log, never a dead server: helpers every room uses around its handlers. */
import type { RemoteConsole } from 'vscode-languageserver';

/** An error as a log line: its stack when it has one. */
export const describe = (err: unknown): string => (err instanceof Error ? (err.stack ?? err.message) : String(err));

/** Logs to the client's output ("Fairword" in VS Code), and keeps failures from escaping. */
export class Log {
  constructor(private readonly console: Pick<RemoteConsole, 'error' | 'warn'>) {}

  error(message: string): void {
    this.console.error(`Fairword: ${message}`);
  }

  warn(message: string): void {
    this.console.warn(`Fairword: ${message}`);
  }

  /** Logs that `what` failed, and why. */
  failed(what: string, err: unknown): void {
    this.error(`${what} failed: ${describe(err)}`);
  }

  /** Runs a fire-and-forget promise, logging instead of losing its failure. */
  run(what: string, promise: Promise<unknown>): void {
    promise.catch((err: unknown) => this.failed(what, err));
  }

  /** Runs a handler, logging any error and answering `fallback` instead. */
  guard<T>(what: string, fallback: T, handler: () => T): T {
    try {
      return handler();
    } catch (err) {
      this.failed(what, err);
      return fallback;
    }
  }

  /** Runs an async handler, logging any error or rejection and answering `fallback` instead. */
  async guardAsync<T>(what: string, fallback: T, handler: () => Promise<T>): Promise<T> {
    try {
      return await handler();
    } catch (err) {
      this.failed(what, err);
      return fallback;
    }
  }
}
