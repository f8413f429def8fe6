/**
 * `fairword-language-server --stdio` in a real editor: Debian's Neovim, headless, with the built-in LSP client
 * (neovim.lua). Needs `nvim` (installed by test/clients/install.sh); without it this test fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '@fairword/rules';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'server/bin/fairword-language-server.js');
const SCRIPT = fileURLToPath(new URL('./neovim.lua', import.meta.url));
const ADVERT = ['# Sales assistant', '', 'We need a salesman to join our young and dynamic team.', 'He will work closely with the manager.', ''].join('\n');

interface NeovimResult {
  error?: string;
  diagnostics?: string[];
  actions?: string[];
  lines?: string[];
  after?: string[];
}

/** The engine's findings in the form neovim.lua writes them (1-based; ASCII text, so columns are the same in bytes). */
function expected(text: string): string[] {
  return lint(text, { format: 'markdown' })
    .findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.ruleId} ${f.message}`)
    .sort();
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fairword-neovim-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Neovim (built-in LSP client) with fairword-language-server --stdio', () => {
  it('is installed (test/clients/install.sh)', () => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    expect(version.error, 'nvim is missing: run `bash test/clients/install.sh`').toBeUndefined();
    expect(version.stdout).toMatch(/^NVIM v0\.\d+/);
  });

  it('opens an advert, shows Fairword’s diagnostics, and applies the "Replace with" quick fix', () => {
    const file = join(dir, 'advert.md');
    writeFileSync(file, ADVERT);
    const resultFile = join(dir, 'result.json');
    // --clean: Neovim as installed, without the user's config; the script runs once the advert is loaded.
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${SCRIPT}`, file], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, FAIRWORD_RESULT: resultFile, FAIRWORD_LANGUAGE_SERVER: BIN },
    });
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimResult;
    expect(result.error, run.stderr).toBeUndefined();
    expect(run.status).toBe(0);

    expect(result.diagnostics).toEqual([
      "3:11-3:19 gendered-job-title 'salesman' suggests the job is for one sex. Use a title that fits anyone.",
      "3:32-3:49 young 'young and dynamic' tells older applicants they are not wanted. Name the skill or quality the job needs instead.",
    ]);
    expect(result.diagnostics).toEqual(expected(ADVERT));
    expect(result.actions).toEqual([
      "Replace with 'salesperson'",
      "Replace with 'sales representative'",
      "Ignore 'salesman' here…",
      "Allow 'salesman' in this workspace",
      "Turn off the 'gendered-job-title' rule in this workspace",
      // Neovim sends every diagnostic of the line, as vim.lsp.buf.code_action() does.
      "Ignore 'young and dynamic' here…",
      "Allow 'young and dynamic' in this workspace",
      "Turn off the 'young' rule in this workspace",
    ]);
    const fixed = ADVERT.replace('salesman', 'salesperson');
    expect(result.lines).toEqual(fixed.split('\n').slice(0, -1));
    expect(readFileSync(file, 'utf8')).toBe(fixed);
    expect(result.after).toEqual([
      "3:35-3:52 young 'young and dynamic' tells older applicants they are not wanted. Name the skill or quality the job needs instead.",
    ]);
    expect(result.after).toEqual(expected(fixed));
  }, 120_000);
});
