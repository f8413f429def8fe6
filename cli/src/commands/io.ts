import type { DocumentKind } from '@fairword/rules';

/** Where a command writes and which directory it works in. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** Read by `--stdin`; defaults to `process.stdin`. */
  stdin?: AsyncIterable<string | Uint8Array>;
  cwd: string;
  /** Environment consulted for NO_COLOR; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Aborted (with the signal's name as reason) when the run should stop after the files in progress. */
  stop?: AbortSignal;
}

/** Writes one `fairword: …` line on stderr. */
export function say(io: CliIO, line: string): void {
  io.stderr.write(`fairword: ${line}\n`);
}

/** Reports a usage or config error on one line and returns exit code 2. */
export function fail(io: CliIO, reason: string): number {
  say(io, reason);
  return 2;
}

/** Whether stdout wants ANSI colour: a TTY, and NO_COLOR unset. */
export function wantsColor(io: CliIO): boolean {
  return io.stdout.isTTY === true && !(io.env ?? process.env)['NO_COLOR'];
}

/** Columns that output for people wraps to: the terminal's width when stdout is one, else 100. */
export function outputWidth(io: CliIO): number {
  const columns = io.stdout.columns;
  return io.stdout.isTTY === true && columns !== undefined && columns > 0 ? columns : 100;
}

/** Paints `text` with an SGR code when `color` is on. */
export function painter(color: boolean): (code: number, text: string) => string {
  return (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
}

/** A document kind in words: `job-advert` → `job advert`. */
export function kindLabel(kind: DocumentKind | string): string {
  return kind.replace(/-/g, ' ');
}
