/**
 * The editor's view of a Word document, at the protocol level: the client (client/src/docx.ts) opens the text of a
 * .docx as a `fairword-docx:` document; the server checks it with the config of the .docx file itself, answers
 * hover, and hands the findings to "Write a reviewed copy", whose file must be the one `fairword review` writes.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocxDocument, reviewDocx } from '@fairword/rules/docx';
import { DOCX_SCHEME, FindingsRequest, LintWorkspaceRequest } from '../../server/src/protocol.js';
import { fairword, project, useCli } from '../cli/helpers.js';
import { buildDocx, p, table } from '../docx/build.js';
import { TestClient } from './client.js';

useCli();

const ADVERT = buildDocx({
  body:
    p('Porter: job advert', 'Heading1') +
    p(['We want a recent grad', '*uate', ' who is young and dynamic.']) +
    table([['Team', 'Our manpower is stretched and we need a chairman.']]),
});

let client: TestClient;
let dir: string;
let uri: string;

beforeAll(async () => {
  // The config next to the .docx allows 'manpower': the server must read it for the text view, as the CLI does.
  dir = await project({ 'docs/advert.docx': ADVERT, 'docs/.fairword.yaml': 'allow: [manpower]\n' });
  uri = `${DOCX_SCHEME}:${join(dir, 'docs/advert.docx')}`;
  client = await TestClient.start({ folders: [dir], initializationOptions: { debounceMs: 0, typingDelayMs: 0 } });
});

afterAll(() => client?.stop());

describe('a Word document in the editor', () => {
  it('its text view gets diagnostics from the config beside the .docx, and hover explains them', async () => {
    const text = DocxDocument.open(ADVERT).text;
    const { diagnostics } = await client.open(uri, 'plaintext', text);
    expect(diagnostics.filter((d) => d.range.start.line > 0).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${String(d.code)} ${text.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)}`)).toEqual([
      '2:10-25 recent-graduate recent graduate',
      '2:33-50 young young and dynamic',
      '6:40-48 gendered-job-title chairman',
    ]);
    const hover = await client.hover(uri, { line: 2, character: 12 });
    const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
    expect(value.split('\n\n')[0]).toBe(diagnostics.find((d) => d.code === 'recent-graduate')!.message);
    expect(value.split('\n\n').at(-1)).toMatch(/^\*\*Source:\*\* .+ · \[Fairword rule `recent-graduate`\]\(https:\/\/github\.com\/fairword\/fairword\/blob\/main\/docs\/rules\.md#recent-graduate\)$/);
  });

  it('"Write a reviewed copy" from the server\'s findings makes the same file as fairword review', async () => {
    const found = await client.connection.sendRequest(FindingsRequest, { uri });
    expect(found?.kind).toBe('job-advert');
    expect(found?.findings.map((f) => f.actual)).not.toContain('manpower');
    const date = new Date();
    const fromEditor = reviewDocx(ADVERT, found!, { date });
    const cli = fairword(dir, ['review', 'docs/advert.docx']);
    expect(cli.stdout).toBe(`wrote docs/advert.reviewed.docx: ${found!.findings.length} findings, ${fromEditor.comments} comments, ${fromEditor.changes} tracked change${fromEditor.changes === 1 ? "" : "s"}\n`);
    const normalise = (bytes: Uint8Array): Record<string, string> =>
      Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data).replace(/ w:date="[^"]+"/g, ' w:date=""')]));
    expect(normalise(fromEditor.bytes)).toEqual(normalise(readFileSync(join(dir, 'docs/advert.reviewed.docx'))));
  });
});

describe('"Check all files" with Word documents', () => {
  let workspaceClient: TestClient;
  let root: string;
  let view: string;
  const where = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}`).sort();

  beforeAll(async () => {
    root = await project({
      'docs/advert.docx': ADVERT,
      'docs/.fairword.yaml': 'allow: [manpower]\n',
      'docs/~$advert.docx': strToU8('Word keeps this lock file beside an open document'),
      'broken.docx': 'not a zip',
      'notes.md': 'Hello.\n',
    });
    view = `${DOCX_SCHEME}:${join(root, 'docs/advert.docx')}`;
    workspaceClient = await TestClient.start({ folders: [root], initializationOptions: { debounceMs: 0, typingDelayMs: 0 } });
  });

  afterAll(() => workspaceClient?.stop());

  it('checks each .docx with the config beside it and publishes on its text view, as the open view would be', async () => {
    const result = await workspaceClient.connection.sendRequest(LintWorkspaceRequest, { workDoneToken: 'fairword-test' });
    // advert.docx and notes.md checked; broken.docx skipped; Word's lock file never looked at.
    const fromDisk = (await workspaceClient.validated(view, null)).diagnostics;
    // The three findings on words, and the statements the advert lacks (on its first line).
    expect(result).toEqual({ files: 2, filesWithFindings: 1, findings: 8, skipped: 1, cancelled: false });
    expect(fromDisk.filter((d) => d.range.start.line === 0).map((d) => String(d.code))).toEqual([
      'missing-disability-confident',
      'missing-flexible-working',
      'missing-inclusion-statement',
      'missing-reasonable-adjustments',
      'missing-salary',
    ]);
    expect(workspaceClient.publishes.filter((p) => p.diagnostics.length > 0).map((p) => p.uri)).toEqual([view]);
    const text = DocxDocument.open(ADVERT).text;
    expect(fromDisk.filter((d) => d.range.start.line > 0).map((d) => `${String(d.code)} ${text.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)}`)).toEqual([
      'recent-graduate recent graduate',
      'young young and dynamic',
      'gendered-job-title chairman',
    ]);
    expect(workspaceClient.progress.slice(1, -1).map((p) => 'message' in p && p.message)).toEqual(['1 of 3: broken.docx', '2 of 3: docs/advert.docx', '3 of 3: notes.md']);

    const opened = await workspaceClient.open(view, 'plaintext', text);
    expect(where(opened.diagnostics)).toEqual(where(fromDisk));
    const closed = workspaceClient.validated(view, null, workspaceClient.validations.length);
    await workspaceClient.close(view);
    expect(where((await closed).diagnostics)).toEqual(where(fromDisk));
  });

  it('keeps a .docx current as it changes on disk, and clears it when it is deleted', async () => {
    const file = join(root, 'docs/advert.docx');
    const uri = pathToFileURL(file).href;
    writeFileSync(file, buildDocx({ body: p('Porter: job advert', 'Heading1') + p('We want a chairman.') }));
    let next = workspaceClient.validated(view, null, workspaceClient.validations.length);
    await workspaceClient.filesChanged([{ uri, type: FileChangeType.Changed }]);
    expect((await next).diagnostics.filter((d) => d.range.start.line > 0).map((d) => String(d.code))).toEqual(['gendered-job-title']);
    unlinkSync(file);
    next = workspaceClient.validated(view, null, workspaceClient.validations.length);
    await workspaceClient.filesChanged([{ uri, type: FileChangeType.Deleted }]);
    expect((await next).diagnostics).toEqual([]);
  });
});
