/**
 * `fairword --fix` killed while it writes: with SIGTERM (a CI timeout, Ctrl-C) and with SIGKILL, many times, the
 * file must always hold either the original text or the fully fixed text. The preload slow-writes.cjs makes large
 * writes slow (4 KB every 2 ms) and tells the test when the write begins, so the kills land inside the write.
 * Truncate-then-write left a 0-byte or half-written file in every such run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, project, useCli } from '../cli/helpers.js';

useCli();

const PRELOAD = fileURLToPath(new URL('./slow-writes.cjs', import.meta.url));

/** A 260 KB document with a few safe fixes among plain paragraphs. */
function original(): string {
  const parts: string[] = [];
  for (let i = 0; i < 2000; i++) parts.push(i % 250 === 0 ? `Paragraph ${i}: services for the disabled are in the annex.` : `Paragraph ${i}: we welcome applications from everyone, whatever their background.`);
  return `${parts.join('\n\n')}\n`;
}

/** A small deterministic random sequence (xorshift), so a failing run can be repeated. */
function randoms(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

interface Interrupted {
  /** What the file held afterwards. */
  outcome: 'original' | 'fixed' | 'other';
  /** Whether the kill came after the write had begun and before the process ended. */
  midWrite: boolean;
  /** Temporary files left beside the document. */
  leftovers: string[];
}

async function interrupt(
  dir: string,
  mark: string,
  signal: NodeJS.Signals,
  delayMs: number,
  waitForWrite: boolean,
  texts: { original: string; fixed: string },
): Promise<Interrupted> {
  const file = join(dir, 'doc.txt');
  writeFileSync(file, texts.original);
  if (existsSync(mark)) unlinkSync(mark);
  const child = spawn(process.execPath, ['--require', PRELOAD, BIN, '--fix', 'doc.txt'], {
    cwd: dir,
    env: { ...process.env, FAIRWORD_SLOW_WRITE_MARK: mark },
    stdio: 'ignore',
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const deadline = Date.now() + 30_000;
  if (waitForWrite) while (!existsSync(mark) && !exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  const began = existsSync(mark);
  await new Promise((r) => setTimeout(r, delayMs));
  const midWrite = began && !exited;
  child.kill(signal);
  await exit;
  const now = readFileSync(file, 'utf8');
  const outcome = now === texts.original ? 'original' : now === texts.fixed ? 'fixed' : 'other';
  const leftovers = readdirSync(dir).filter((name) => name !== 'doc.txt');
  for (const name of leftovers) rmSync(join(dir, name), { force: true });
  return { outcome, midWrite, leftovers };
}

describe('--fix interrupted while writing', () => {
  const texts = { original: original(), fixed: '' };

  it('has a document whose fix is known (an uninterrupted run)', { timeout: 60_000 }, async () => {
    const dir = await project({ 'doc.txt': texts.original });
    const run = spawnSync(process.execPath, [BIN, '--fix', 'doc.txt'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('fairword: applied 8 fixes to 1 file\n');
    texts.fixed = readFileSync(join(dir, 'doc.txt'), 'utf8');
    expect(texts.fixed).toBe(texts.original.replace(/services for the disabled/g, 'services for disabled people'));
  });

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`killed with ${signal} 16 times, mostly during the write: the file is always the original or fully fixed`, { timeout: 180_000 }, async () => {
      expect(texts.fixed).not.toBe('');
      const dir = await project({});
      const mark = join(await project({}), 'write-began');
      const random = randoms(signal === 'SIGTERM' ? 15 : 9);
      const results: Interrupted[] = [];
      for (let i = 0; i < 16; i++) {
        // Twelve kills inside the write (it takes about 130 ms), four at a random moment of the whole run.
        const inWrite = i % 4 !== 3;
        results.push(await interrupt(dir, mark, signal, Math.floor(random() * (inWrite ? 120 : 1500)), inWrite, texts));
      }
      expect(results.filter((r) => r.outcome === 'other')).toEqual([]);
      // Most of the twelve aimed kills must land inside the write for the test to mean anything; on a loaded machine a
      // few land just after it ends, so eight is the floor.
      expect(results.filter((r) => r.midWrite).length).toBeGreaterThanOrEqual(8);
      if (signal === 'SIGTERM') {
        // The first SIGTERM lets the file in progress finish: the write completes and nothing is left behind.
        expect(results.flatMap((r) => r.leftovers)).toEqual([]);
        expect(results.filter((r) => r.midWrite).every((r) => r.outcome === 'fixed')).toBe(true);
      } else {
        // SIGKILL cannot be caught: a write it cuts off leaves the original and, at most, a temporary file beside it.
        expect(results.filter((r) => r.midWrite && r.outcome === 'original').length).toBeGreaterThan(0);
        for (const name of results.flatMap((r) => r.leftovers)) expect(name).toMatch(/^\.fairword-\d+-[0-9a-f]{12}\.tmp$/);
      }
    });
  }
});
