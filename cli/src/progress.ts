/** A stream the progress bar can draw on. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Runs with more files than this show a progress bar (when stderr is a terminal). */
export const PROGRESS_MIN_FILES = 50;

const WIDTH = 30;

/** The bar's line for `done` of `total` files: `[=====>      ] 12/40 files`. */
export function progressLine(done: number, total: number): string {
  const filled = total === 0 ? WIDTH : Math.floor((done / total) * WIDTH);
  const bar = done >= total ? '='.repeat(WIDTH) : `${'='.repeat(filled)}>${' '.repeat(WIDTH - filled - 1)}`;
  return `[${bar}] ${done}/${total} files`;
}

/**
 * A one-line progress bar on stderr, redrawn at most every `intervalMs`. Other output goes through
 * `around`, which lifts the bar off the line while it is written so the two never interleave.
 */
export class Progress {
  private done = 0;
  private shown = false;
  private last = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly intervalMs = 100,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a bar is worth drawing for `total` files on `stream`. */
  static wanted(stream: ProgressStream, total: number): boolean {
    return stream.isTTY === true && total > PROGRESS_MIN_FILES;
  }

  /** Counts one file done and redraws if enough time has passed. */
  tick(): void {
    this.done++;
    const t = this.now();
    if (this.done < this.total && t - this.last < this.intervalMs) return;
    this.last = t;
    this.draw();
  }

  /** Runs `write` with the bar lifted, then draws it again. */
  around<T>(write: () => T): T {
    const wasShown = this.shown;
    this.clear();
    const result = write();
    if (wasShown) this.draw();
    return result;
  }

  /** Removes the bar for good. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[K');
    this.shown = false;
  }

  private draw(): void {
    this.stream.write(`\r\u001b[K${progressLine(this.done, this.total)}`);
    this.shown = true;
  }
}
