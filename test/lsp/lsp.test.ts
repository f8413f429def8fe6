/**
 * Headless protocol test: speaks LSP over stdio to the built server bundle (client/dist/server.cjs).
 * Run `npm run build` first.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './client.js';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** One diagnostic as `line:col-line:col code severity source` (0-based, as in LSP). */
const show = (d: Diagnostic): string =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${SEVERITY[d.severity ?? 0]} ${d.source}`;
const shown = (ds: Diagnostic[]): string[] => ds.map(show).sort();

const ADVERT = '# Sales manager\n\nWe want a young and dynamic team.\n\nThe salesman will chair our BAME staff network.\n';

let dir: string;
const uriOf = (...parts: string[]): string => pathToFileURL(join(dir, ...parts)).href;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fairword-lsp-'));
  mkdirSync(join(dir, 'custom'));
  writeFileSync(join(dir, 'custom', '.fairword.yaml'), 'rules:\n  gendered-job-title: off\n');
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', '.fairword.yaml'), 'rules: [\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('language server (debounceMs: 0)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ debounceMs: 0, typingDelayMs: 0 });
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('advertises incremental sync with saves, quick fixes, fix-all, hover and the config commands', () => {
    expect(client.capabilities.textDocumentSync).toEqual({ openClose: true, change: 2, save: { includeText: false } });
    expect(client.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.fairword'] });
    expect(client.capabilities.hoverProvider).toBe(true);
    expect(client.capabilities.executeCommandProvider).toEqual({ commands: ['fairword.allowTerm', 'fairword.turnOffRule'] });
  });

  it('checks a Markdown document, fixes a finding with its quick fix, and re-checks the edit', async () => {
    const uri = uriOf('advert.md');
    const { validated, diagnostics } = await client.open(uri, 'markdown', ADVERT);
    expect(validated).toEqual({ uri, version: 1, count: 3 });
    expect(shown(diagnostics)).toEqual([
      '2:10-2:27 young warning fairword',
      '4:28-4:46 bame-network hint fairword',
      '4:4-4:12 gendered-job-title warning fairword',
    ]);
    const salesman = diagnostics.find((d) => d.code === 'gendered-job-title')!;
    expect(salesman.codeDescription).toEqual({ href: 'https://github.com/fairword/fairword/blob/main/docs/rules.md#gendered-job-title' });
    expect(salesman.message).toContain("'salesman'");
    expect(salesman.data).toEqual({
      ruleId: 'gendered-job-title',
      actual: 'salesman',
      suggestions: ['salesperson', 'sales representative'],
      safe: true,
    });

    // This client did not say it runs "Ignore here…" (VS Code's extension does), so it is not offered a command
    // nobody would run.
    const actions = await client.codeActions(uri, [salesman]);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred])).toEqual([
      ["Replace with 'salesperson'", 'quickfix', true],
      ["Replace with 'sales representative'", 'quickfix', false],
      ["Allow 'salesman' in this workspace", 'quickfix', undefined],
      ["Turn off the 'gendered-job-title' rule in this workspace", 'quickfix', undefined],
    ]);
    expect(actions[0]!.diagnostics).toEqual([salesman]);

    // Apply the preferred fix as the editor would, and send it as an incremental change.
    const edits = actions[0]!.edit!.changes![uri]!;
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, ADVERT), edits);
    expect(after).toContain('The salesperson will chair');
    const next = client.validated(uri, 2);
    await client.change(uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
    const fixed = await next;
    expect(shown(fixed.diagnostics)).toEqual(['2:10-2:27 young warning fairword', '4:31-4:49 bame-network hint fairword']);
  });

  it('offers no quick fix once the text under a diagnostic has changed', async () => {
    const uri = uriOf('moved.md');
    const { diagnostics } = await client.open(uri, 'markdown', 'Our salesman is here.\n');
    const next = client.validated(uri, 2);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Hi. ' }]);
    await next;
    expect(await client.codeActions(uri, diagnostics)).toEqual([]);
  });

  it('checks a plain text document', async () => {
    const uri = uriOf('notes.txt');
    const { diagnostics } = await client.open(uri, 'plaintext', 'The chairman is wheelchair-bound and suffers from asthma.\n');
    expect(shown(diagnostics)).toEqual([
      '0:13-0:32 wheelchair-bound warning fairword',
      '0:37-0:56 suffers-from information fairword',
      '0:4-0:12 gendered-job-title warning fairword',
    ]);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = uriOf('closing.md');
    const opened = await client.open(uri, 'markdown', 'Our salesman is here.\n');
    expect(opened.validated.count).toBe(1);
    const cleared = client.waitFor((v) => v.uri === uri, `${uri} closed`, client.validations.length);
    await client.close(uri);
    expect(await cleared).toEqual({ validated: { uri, version: 1, count: 0 }, diagnostics: [] });
    expect(client.publishes.filter((p) => p.uri === uri).at(-1)).toEqual({ uri, version: 1, diagnostics: [] });
  });

  it('publishes for the latest version last when changes arrive quickly', async () => {
    const uri = uriOf('quick.md');
    await client.open(uri, 'markdown', 'Our salesman is here.\n');
    const word = { start: { line: 0, character: 4 }, end: { line: 0, character: 12 } };
    const last = client.validated(uri, 3);
    await Promise.all([
      client.change(uri, 2, [{ range: word, text: 'chairman' }]),
      client.change(uri, 3, [{ range: word, text: 'foreman' }]),
    ]);
    const { diagnostics } = await last;
    expect(shown(diagnostics)).toEqual(['0:4-0:11 gendered-job-title warning fairword']);
    expect(diagnostics[0]!.data).toMatchObject({ actual: 'foreman', suggestions: ['supervisor'] });
    const versions = client.validations.filter((v) => v.validated.uri === uri).map((v) => v.validated.version ?? 0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(3);
  });

  it('reads the nearest .fairword.yaml for each document', async () => {
    const { diagnostics } = await client.open(uriOf('custom', 'advert.md'), 'markdown', ADVERT);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['bame-network', 'young']);
  });

  it('keeps working with a broken config file', async () => {
    const { validated, diagnostics } = await client.open(uriOf('broken', 'advert.md'), 'markdown', ADVERT);
    expect(validated.error).toBeUndefined();
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['bame-network', 'gendered-job-title', 'young']);
  });

  it('checks untitled documents with the default config', async () => {
    const { diagnostics } = await client.open('untitled:Untitled-1', 'markdown', 'Our salesman is here.\n');
    expect(shown(diagnostics)).toEqual(['0:4-0:12 gendered-job-title warning fairword']);
  });
});

describe('language server (debounced)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ debounceMs: 500, typingDelayMs: 0 });
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('checks on open at once and only the last of quick changes', async () => {
    const uri = uriOf('debounced.md');
    await client.open(uri, 'markdown', 'Our salesman is here.\n');
    const word = { start: { line: 0, character: 4 }, end: { line: 0, character: 12 } };
    const last = client.validated(uri, 3);
    await client.change(uri, 2, [{ range: word, text: 'chairman' }]);
    await client.change(uri, 3, [{ range: word, text: 'foreman' }]);
    expect(shown((await last).diagnostics)).toEqual(['0:4-0:11 gendered-job-title warning fairword']);
    expect(client.validations.filter((v) => v.validated.uri === uri).map((v) => v.validated.version)).toEqual([1, 3]);
  });
});
