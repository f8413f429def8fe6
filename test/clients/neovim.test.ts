/**
 * `fairword-language-server --stdio` in a real editor: Debian's Neovim 0.7, headless, with the built-in LSP client
 * configured by exactly the Neovim 0.7 block of docs/editors.md (neovim.lua plays the user). Needs `nvim`
 * (installed by test/clients/install.sh); without it this test fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@fairword/rules';
import { editorsDocBlocksOf } from '../package/editors-doc.js';
import { ADVERT, engineDiagnostics, FIXED_ADVERT, pathWithLanguageServer, SALESMAN_ACTIONS } from './advert.js';

const SCRIPT = fileURLToPath(new URL('./neovim.lua', import.meta.url));

interface NeovimResult {
  error?: string;
  diagnostics?: string[];
  actions?: string[];
  lines?: string[];
  after?: string[];
}

/** How neovim.lua writes a diagnostic after its range: code, message. */
const neovim = (f: Finding): string => `${f.ruleId} ${f.message}`;

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

  it('with the docs’ configuration, opens an advert, shows Fairword’s diagnostics, and applies the "Replace with" quick fix', () => {
    const file = join(dir, 'advert.md');
    writeFileSync(file, ADVERT);
    const resultFile = join(dir, 'result.json');
    // The docs' form for Neovim 0.7, the one that uses vim.lsp.start_client.
    const forms = editorsDocBlocksOf('Neovim', 'lua').filter((block) => block.includes('vim.lsp.start_client('));
    expect(forms).toHaveLength(1);
    const init = join(dir, 'init.lua');
    writeFileSync(init, forms[0]!);
    // --clean: Neovim as installed, without the user's config; --cmd loads the docs' configuration before the advert,
    // and the script runs once the advert is loaded.
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '--cmd', `luafile ${init}`, '-c', `luafile ${SCRIPT}`, file], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, PATH: pathWithLanguageServer(dir), FAIRWORD_RESULT: resultFile },
    });
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimResult;
    expect(result.error, run.stderr).toBeUndefined();
    expect(run.status).toBe(0);

    expect(result.diagnostics).toEqual([
      "3:11-3:19 gendered-job-title 'salesman' suggests the job is for one sex. Use a title that fits anyone.",
      "3:32-3:49 young 'young and dynamic' tells older applicants they are not wanted. Name the skill or quality the job needs instead.",
    ]);
    expect(result.diagnostics).toEqual(engineDiagnostics(ADVERT, 'markdown', neovim));
    expect(result.actions).toEqual([
      ...SALESMAN_ACTIONS,
      // Neovim sends every diagnostic of the line, as vim.lsp.buf.code_action() does.
      "Allow 'young and dynamic' in this workspace",
      "Turn off the 'young' rule in this workspace",
    ]);
    expect(result.lines).toEqual(FIXED_ADVERT.split('\n').slice(0, -1));
    expect(readFileSync(file, 'utf8')).toBe(FIXED_ADVERT);
    expect(result.after).toEqual([
      "3:35-3:52 young 'young and dynamic' tells older applicants they are not wanted. Name the skill or quality the job needs instead.",
    ]);
    expect(result.after).toEqual(engineDiagnostics(FIXED_ADVERT, 'markdown', neovim));
  }, 120_000);
});
