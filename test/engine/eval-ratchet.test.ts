import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const evalScript = join(root, 'scripts', 'eval.mjs');

// The accuracy ratchet CI runs: a figure below the recorded one fails the run.
describe('accuracy ratchet', () => {
  it('holds on the recorded figures', () => {
    const out = execFileSync(process.execPath, [evalScript, '--ratchet'], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/ratchet: \d+ figures hold/);
  }, 120_000);

  it('fails, naming the figure, when a recorded figure is higher than today\'s', () => {
    const page = readFileSync(join(root, 'docs', 'accuracy.md'), 'utf8').replace(/\| labelled\.visibleR \| [\d.]+ \|/, '| labelled.visibleR | 0.999 |');
    const dir = mkdtempSync(join(tmpdir(), 'fairword-ratchet-'));
    writeFileSync(join(dir, 'accuracy.md'), page);
    const run = spawnSync(process.execPath, [evalScript, '--ratchet', '--doc', join(dir, 'accuracy.md')], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/labelled\.visibleR: 0\.\d{3} is below the recorded 0\.999/);
  }, 120_000);
});
