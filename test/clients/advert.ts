/**
 * What the real-client tests (Neovim, Emacs) share: the advert they open, the language server command they
 * start, and the engine's findings in the form a client shows them, to compare with what the client saw.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, type Finding, type Format } from '@fairword/rules';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `fairword-language-server`, as built by `npm run build`. */
export const LANGUAGE_SERVER = join(ROOT, 'server/bin/fairword-language-server.js');

/**
 * A PATH with `fairword-language-server` in `dir`/bin, as `npm install --global @fairword/server` puts it on PATH:
 * the docs' configurations name the command, not a path.
 */
export function pathWithLanguageServer(dir: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(LANGUAGE_SERVER, join(bin, 'fairword-language-server'));
  return `${bin}${delimiter}${process.env.PATH ?? ''}`;
}

/** An advert with two findings on one line: 'salesman' (with safe replacements) and 'young and dynamic'. */
export const ADVERT = ['# Sales assistant', '', 'We need a salesman to join our young and dynamic team.', 'He will work closely with the manager.', ''].join('\n');

/**
 * The code actions the server offers an editor other than VS Code for the 'salesman' finding of ADVERT, in order
 * ("Ignore here…" needs the VS Code extension, which asks for a reason).
 */
export const SALESMAN_ACTIONS = [
  "Replace with 'salesperson'",
  "Replace with 'sales representative'",
  "Allow 'salesman' in this workspace",
  "Turn off the 'gendered-job-title' rule in this workspace",
];

/** ADVERT after the quick fix "Replace with 'salesperson'". */
export const FIXED_ADVERT = ADVERT.replace('salesman', 'salesperson');

/**
 * The engine's findings in TEXT as sorted `line:col-line:col <label>` strings, 1-based (the texts are ASCII, so
 * characters, UTF-16 units and bytes count alike); `label` renders a finding as the client shows it.
 */
export function engineDiagnostics(text: string, format: Format, label: (finding: Finding) => string): string[] {
  return lint(text, { format })
    .findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${label(f)}`)
    .sort();
}

