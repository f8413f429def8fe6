/**
 * `fairword-language-server --stdio` in a real editor: Debian's Emacs 28 in batch mode with eglot (elpa-eglot) and
 * markdown-mode (elpa-markdown-mode), configured with exactly the init code docs/editors.md gives for Emacs
 * (emacs.el plays the keys). Needs all three, installed by test/clients/install.sh; without them this test fails.
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

const SCRIPT = fileURLToPath(new URL('./emacs.el', import.meta.url));
const NOTES = 'The chairman will meet every applicant.\n';
const LATEX = '\\documentclass{article}\n\\begin{document}\nThe chairman will meet every applicant.\n\\end{document}\n';

interface EmacsResult {
  error?: string;
  mode?: string;
  diagnostics?: string[];
  point?: string;
  actions?: string[];
  lines?: string[];
  after?: string[];
  'text-mode'?: string;
  text?: string[];
  servers?: number;
  latex?: [string, string, number];
}

/** How Flymake shows a finding from eglot: source, [code], message. */
const flymake = (f: Finding): string => `fairword [${f.ruleId}]: ${f.message}`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fairword-emacs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Emacs in batch mode with `args`, HOME in the test folder (no user's packages or init file). */
function emacs(args: string[], env: Record<string, string> = {}): ReturnType<typeof spawnSync> {
  return spawnSync('emacs', ['--batch', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 90_000,
    env: { ...process.env, HOME: dir, ...env },
  });
}

describe('Emacs (eglot) with fairword-language-server --stdio', () => {
  it('is installed with eglot and markdown-mode (test/clients/install.sh)', () => {
    const version = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
    expect(version.error, 'emacs is missing: run `bash test/clients/install.sh`').toBeUndefined();
    expect(version.stdout).toMatch(/^GNU Emacs \d+\.\d+/);
    const libraries = emacs(['--eval', '(progn (package-activate-all) (princ (list (locate-library "eglot") (locate-library "markdown-mode"))))']);
    expect(libraries.stdout, 'eglot or markdown-mode is missing: run `bash test/clients/install.sh`').toMatch(/^\(\S+\/eglot\.elc? \S+\/markdown-mode\.elc?\)$/);
  });

  it('with the docs’ configuration, shows Fairword’s diagnostics and applies "Replace with \'salesperson\'"', () => {
    writeFileSync(join(dir, 'init.el'), editorsDocBlocksOf('Emacs (eglot)', 'elisp').join('\n'));
    writeFileSync(join(dir, 'advert.md'), ADVERT);
    writeFileSync(join(dir, 'notes.txt'), NOTES);
    writeFileSync(join(dir, 'notes.tex'), LATEX);
    const resultFile = join(dir, 'result.json');
    const run = emacs(['-l', SCRIPT], {
      PATH: pathWithLanguageServer(dir),
      FAIRWORD_EMACS_INIT: join(dir, 'init.el'),
      FAIRWORD_RESULT: resultFile,
    });
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as EmacsResult;
    expect(result.error, String(run.stderr)).toBeUndefined();
    expect(run.status).toBe(0);

    expect(result.mode).toBe('markdown-mode');
    expect(result.diagnostics).toEqual([
      "3:11-3:19 fairword [gendered-job-title]: 'salesman' suggests the job is for one sex. Use a title that fits anyone.",
      "3:32-3:49 fairword [young]: 'young and dynamic' tells older applicants they are not wanted. Name the skill or quality the job needs instead.",
    ]);
    expect(result.diagnostics).toEqual(engineDiagnostics(ADVERT, 'markdown', flymake));
    // flymake-goto-next-error from the top lands on 'salesman'; eglot asks for the actions of the diagnostics there.
    expect(result.point).toBe('3:11');
    expect(result.actions).toEqual(SALESMAN_ACTIONS);
    expect(result.lines).toEqual(FIXED_ADVERT.split('\n'));
    expect(readFileSync(join(dir, 'advert.md'), 'utf8')).toBe(FIXED_ADVERT);
    expect(result.after).toEqual([
      "3:35-3:52 fairword [young]: 'young and dynamic' tells older applicants they are not wanted. Name the skill or quality the job needs instead.",
    ]);
    expect(result.after).toEqual(engineDiagnostics(FIXED_ADVERT, 'markdown', flymake));

    // Plain text: the docs' text-mode entry starts a second server, which checks it as text.
    expect(result['text-mode']).toBe('text-mode');
    expect(result.text).toEqual(["1:5-1:13 fairword [gendered-job-title]: 'chairman' suggests the job is for one sex. Use a title that fits anyone."]);
    expect(result.text).toEqual(engineDiagnostics(NOTES, 'plaintext', flymake));
    expect(result.servers).toBe(2);
    // LaTeX is built on text-mode, but the docs' hook starts eglot only for Markdown and plain text.
    expect(result.latex).toEqual(['latex-mode', 'unmanaged', 2]);
  }, 120_000);
});
