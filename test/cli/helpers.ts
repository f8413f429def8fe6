/** Shared helpers for the CLI tests: run the built bin, make temp projects. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

export const BIN = fileURLToPath(new URL('../../cli/bin/fairword.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What one run of the bin produced. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `fairword` bin in `cwd` (stdout is a pipe, so never coloured); `input` is fed to stdin. */
export function fairword(cwd: string, args: string[], input?: string | Uint8Array): Run {
  const { status, stdout, stderr } = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '' },
    ...(input === undefined ? {} : { input }),
  });
  return { code: status, stdout, stderr };
}

const temps: string[] = [];

/** A fresh temp directory holding `files` (paths with forward slashes); removed after the test file. */
export async function project(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fairword-cli-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

/** Registers the bin check and temp-directory cleanup for a test file. */
export function useCli(): void {
  beforeAll(() => {
    if (!existsSync(join(dirname(BIN), '../dist/fairword.cjs'))) throw new Error('cli/dist/fairword.cjs missing: run `npm run build` first');
  });
  afterAll(async () => {
    await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
}

/** The files a JSON run reported, in order. */
export function filesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{ file: string }>).map((r) => r.file);
}

export const SALESMAN = 'We need a salesman.\n\nApplicants must not be wheelchair-bound.\n';
export const CLEAN = 'We welcome applications from everyone.\n';
/** One information-level finding with two suggestions (suffers-from). */
export const INFO = 'He suffers from asthma.\n';

/** A run of the bin that was given a time limit. */
export interface BoundedRun extends Run {
  /** Wall time of the run in milliseconds. */
  ms: number;
  /** Whether it was killed for running over its time limit. */
  timedOut: boolean;
}

/**
 * Runs the built bin like {@link fairword}, but kills it after `ms` (so a hang fails the test instead of stalling
 * the run) with its heap capped at `heapMb` (so unbounded memory fails it too). `as` runs it as another user.
 */
export function fairwordBounded(
  cwd: string,
  args: string[],
  options: { input?: string; ms?: number; heapMb?: number; as?: { uid: number; gid: number } } = {},
): BoundedRun {
  const started = performance.now();
  const { status, stdout, stderr, error } = spawnSync(process.execPath, [`--max-old-space-size=${options.heapMb ?? 1024}`, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '' },
    timeout: options.ms ?? 30_000,
    killSignal: 'SIGKILL',
    maxBuffer: 512 * 1024 * 1024,
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.as ?? {}),
  });
  const timedOut = (error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: status, stdout, stderr, ms: performance.now() - started, timedOut };
}
