import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { checkFile, noCounts, type Job, type Outcome } from './check.js';
import { ConfigCache } from './config.js';

/** Runs with more files than this use worker threads (with `--concurrency auto`). */
export const WORKER_MIN_FILES = 20;

/** Files each worker holds at once; enough to overlap reading with checking. */
const PER_WORKER = 4;

/** How far ahead of the next file to report the pool may run, per worker; bounds the results held for ordering. */
const AHEAD_PER_WORKER = 16;

/** A message to a worker: check this file (`real`: its real path, where fixes may be written). */
interface Request {
  index: number;
  path: string;
  real?: string;
}

/** A message from a worker: what checking the file at `index` produced. */
interface Reply {
  index: number;
  outcome: Outcome;
}

/** The `workerData` that makes the CLI bundle start as a worker. */
export interface WorkerData {
  fairwordWorker: Job;
}

/** Worker threads to use for `files` files: 0 means check them on the main thread. */
export function workerCount(concurrency: 'auto' | 'off' | number, files: number): number {
  if (concurrency === 'off') return 0;
  const wanted = concurrency === 'auto' ? (files > WORKER_MIN_FILES ? Math.max(2, Math.min(8, availableParallelism() - 1)) : 0) : concurrency;
  const n = Math.min(wanted, files);
  return n > 1 || concurrency !== 'auto' ? n : 0;
}

/**
 * Checks `files` and yields each outcome in the order of `files`. With `workers` > 0 and a `script` (the CLI
 * bundle), the files are spread over that many worker threads; each creates its linters once. Only a bounded
 * window of files is in flight, so memory stays flat however many files there are.
 */
export async function* checkInOrder(
  files: readonly string[],
  job: Job,
  workers: number,
  script?: string,
  real: ReadonlyMap<string, string> = new Map(),
  stop?: AbortSignal,
): AsyncGenerator<Outcome> {
  if (workers === 0 || script === undefined) {
    const configs = new ConfigCache(job.cwd, job.config);
    for (const file of files) {
      // Let signals and output through between files.
      await new Promise((resolve) => setImmediate(resolve));
      if (stop?.aborted) return;
      yield await checkFile(file, job, configs, real.get(file));
    }
    return;
  }
  const ready = new Map<number, Outcome>();
  const threads: Array<{ worker: Worker; busy: number }> = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let next = 0;
  let sent = 0;
  let closing = false;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const feed = (): void => {
    if (stop?.aborted) return;
    for (const thread of threads) {
      while (thread.busy < PER_WORKER && sent < files.length && sent < next + AHEAD_PER_WORKER * threads.length) {
        const path = files[sent]!;
        const request: Request = { index: sent, path, ...(real.has(path) ? { real: real.get(path)! } : {}) };
        thread.worker.postMessage(request);
        thread.busy++;
        sent++;
      }
    }
  };
  try {
    for (let i = 0; i < workers; i++) {
      const workerData: WorkerData = { fairwordWorker: job };
      const thread = { worker: new Worker(script, { workerData }), busy: 0 };
      thread.worker.on('message', ({ index, outcome }: Reply) => {
        ready.set(index, outcome);
        thread.busy--;
        feed();
        notify();
      });
      thread.worker.on('error', (err) => {
        failure ??= err;
        notify();
      });
      thread.worker.on('exit', (code) => {
        if (!closing) failure ??= new Error(`a worker thread stopped (exit code ${code})`);
        notify();
      });
      threads.push(thread);
    }
    feed();
    // After a stop, only the files already handed out are waited for.
    stop?.addEventListener('abort', notify);
    while (next < (stop?.aborted ? sent : files.length)) {
      let outcome = ready.get(next);
      while (outcome === undefined) {
        if (failure) throw failure;
        if (stop?.aborted && next >= sent) return;
        await new Promise<void>((resolve) => (wake = resolve));
        outcome = ready.get(next);
      }
      ready.delete(next);
      next++;
      feed();
      yield outcome;
    }
  } finally {
    closing = true;
    await Promise.all(threads.map(({ worker }) => worker.terminate()));
  }
}

/** The body of a worker thread: checks each file it is sent and replies with the outcome. */
export function runWorker(port: MessagePort, job: Job): void {
  const configs = new ConfigCache(job.cwd, job.config);
  port.on('message', ({ index, path, real }: Request) => {
    void checkFile(path, job, configs, real)
      .catch((err: unknown): Outcome => ({
        notes: [`internal error checking ${path}: ${err instanceof Error ? err.message : String(err)}`],
        crashed: true,
        fixes: 0,
        counts: noCounts(),
      }))
      .then((outcome) => port.postMessage({ index, outcome } satisfies Reply));
  });
}
