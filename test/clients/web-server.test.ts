/**
 * The web language server in Chromium: the bundle the web extension starts in a worker, spoken to over
 * postMessage. It reads `.fairword.yaml`, `.fairwordignore` and the files of "Check all files" only by asking the
 * client (`fairword/fs/*`), as it does through vscode.workspace.fs in vscode.dev and github.dev.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../lsp/client.js';
import { launchChromium, workerServer } from './browser.js';

const ADVERT = ['# Sales assistant', '', 'We need a salesman to join our young and dynamic team.', ''].join('\n');
const show = (d: Diagnostic): string => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${String(d.code)}`;

let browser: Awaited<ReturnType<typeof launchChromium>>;
let dir: string;
let client: TestClient;
const uriOf = (...parts: string[]): string => pathToFileURL(join(dir, ...parts)).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fairword-web-'));
  mkdirSync(join(dir, 'team'));
  mkdirSync(join(dir, 'drafts'));
  writeFileSync(join(dir, '.fairword.yaml'), '# Team settings\nallow:\n  - young and dynamic\n');
  writeFileSync(join(dir, '.fairwordignore'), 'drafts/\n');
  writeFileSync(join(dir, 'team', 'advert.md'), ADVERT);
  writeFileSync(join(dir, 'drafts', 'old.md'), ADVERT);
  writeFileSync(join(dir, 'closed.md'), 'We want a chairman.\n');
  browser = await launchChromium();
  client = await TestClient.connect(await workerServer(browser), { initializationOptions: { debounceMs: 0, typingDelayMs: 0, ignoreHere: true }, folders: [dir], files: true });
});
afterAll(async () => {
  await client?.stop();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web server in a Chromium worker', () => {
  it('answers initialize with the same capabilities as the Node server', () => {
    expect(client.capabilities).toEqual({
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.fairword'] },
      hoverProvider: true,
      executeCommandProvider: { commands: ['fairword.allowTerm', 'fairword.turnOffRule'] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
  });

  it('checks an advert with the .fairword.yaml above it, read through the client', async () => {
    const uri = uriOf('team', 'advert.md');
    const { diagnostics } = await client.open(uri, 'markdown', ADVERT);
    expect(diagnostics.map(show)).toEqual(['3:11-3:19 gendered-job-title']);
    expect(client.status(uri)).toEqual({
      uri,
      version: 1,
      count: 1,
      counts: { error: 0, warning: 1, information: 0, hint: 0 },
      kind: 'general',
      kindSource: 'default',
      config: { path: join(dir, '.fairword.yaml'), errors: 0 },
    });
  });

  it('offers the quick fixes, and its hover explains the finding', async () => {
    const uri = uriOf('team', 'advert.md');
    const [diagnostic] = client.latestDiagnostics(uri);
    const actions = await client.codeActions(uri, [diagnostic!]);
    expect(actions.map((a) => a.title)).toEqual([
      "Replace with 'salesperson'",
      "Replace with 'sales representative'",
      "Ignore 'salesman' here…",
      "Allow 'salesman' in this workspace",
      "Turn off the 'gendered-job-title' rule in this workspace",
    ]);
    expect(actions[0]!.edit).toEqual({ changes: { [uri]: [{ range: diagnostic!.range, newText: 'salesperson' }] } });
    const hover = await client.hover(uri, { line: 2, character: 12 });
    expect(hover?.contents).toMatchObject({ kind: 'markdown' });
    const lines = (hover?.contents as { value: string }).value.split('\n\n');
    expect(lines.slice(0, 2)).toEqual([diagnostic!.message, '**Instead, try:** “salesperson”, “sales representative”']);
    expect(lines[2]).toMatch(/^\*\*Why it matters:\*\* /);
  });

  it('skips a file listed in .fairwordignore, and says why', async () => {
    const uri = uriOf('drafts', 'old.md');
    const { diagnostics } = await client.open(uri, 'markdown', ADVERT);
    expect(diagnostics).toEqual([]);
    expect(client.status(uri)?.skipped).toEqual({ reason: 'ignored', message: 'This file is not checked: it is listed in .fairwordignore.' });
  });

  it('"Allow" writes the config file through the client, keeping its comment, and re-checks', async () => {
    const uri = uriOf('team', 'advert.md');
    const from = client.validations.length;
    const result = await client.executeCommand('fairword.allowTerm', [{ uri, term: 'salesman' }]);
    expect(result).toEqual({ path: join(dir, '.fairword.yaml'), changed: true });
    expect(readFileSync(join(dir, '.fairword.yaml'), 'utf8')).toBe('# Team settings\nallow:\n  - young and dynamic\n  - salesman\n');
    const after = await client.waitFor((v) => v.uri === uri && v.count === 0, 'the re-check after allowing salesman', from);
    expect(after.diagnostics).toEqual([]);
  });

  it('"Check all files" walks the folders through the client, leaving out ignored files', async () => {
    const result = await client.lintWorkspace();
    expect(result).toEqual({ files: 2, filesWithFindings: 1, findings: 1, skipped: 0, cancelled: false });
    const closed = client.latestDiagnostics(uriOf('closed.md'));
    expect(closed.map(show)).toEqual(['1:11-1:19 gendered-job-title']);
  });
});
