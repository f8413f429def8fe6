/**
 * One server core, two hosts: the Node server (client/dist/server.cjs over stdio, reading files itself) and the
 * web server (client/dist/web/server.js in a Chromium worker, reading files through the client) give identical
 * results on every example and labelled fixture: diagnostics, status, quick fixes, fix-all, hover and report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportRequest } from '../../server/src/protocol.js';
import { TestClient } from '../lsp/client.js';
import { launchChromium, workerServer } from './browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCUMENTS = [
  ...readdirSync(join(ROOT, 'examples')).map((name) => join('examples', name)),
  ...readdirSync(join(ROOT, 'test/fixtures/labelled')).map((name) => join('test/fixtures/labelled', name)),
]
  .filter((file) => ['.md', '.txt'].includes(extname(file)))
  .sort();

let browser: Awaited<ReturnType<typeof launchChromium>>;
let node: TestClient;
let web: TestClient;
const options = { initializationOptions: { debounceMs: 0, typingDelayMs: 0 }, folders: [ROOT] };

beforeAll(async () => {
  browser = await launchChromium();
  [node, web] = await Promise.all([TestClient.start(options), workerServer(browser).then((t) => TestClient.connect(t, { ...options, files: true }))]);
});
afterAll(async () => {
  await Promise.all([node?.stop(), web?.stop()]);
  await browser?.close();
});

/** Everything a client can get from a server about one document. */
async function everything(client: TestClient, file: string): Promise<unknown> {
  const uri = pathToFileURL(join(ROOT, file)).href;
  const languageId = file.endsWith('.md') ? 'markdown' : 'plaintext';
  const { diagnostics } = await client.open(uri, languageId, readFileSync(join(ROOT, file), 'utf8'));
  const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const quickFixes = diagnostics.length > 0 ? await client.codeActions(uri, diagnostics) : [];
  const fixAll = await client.codeActions(uri, [], ['source.fixAll.fairword'], start);
  const hovers = await Promise.all(diagnostics.map((d) => client.hover(uri, d.range.start)));
  const report = await client.connection.sendRequest(ReportRequest, { uri });
  const status = client.status(uri);
  await client.close(uri);
  return { diagnostics, status, quickFixes, fixAll, hovers, report };
}

describe('the Node and web servers', () => {
  it(`give identical results on the ${DOCUMENTS.length} examples and fixtures`, async () => {
    let findings = 0;
    let edits = 0;
    for (const file of DOCUMENTS) {
      const [fromNode, fromWeb] = await Promise.all([everything(node, file), everything(web, file)]);
      expect(fromWeb, file).toEqual(fromNode);
      findings += (fromNode as { diagnostics: unknown[] }).diagnostics.length;
      edits += (fromNode as { fixAll: unknown[] }).fixAll.length;
    }
    // The comparison is not of empty results.
    expect(DOCUMENTS.length).toBeGreaterThanOrEqual(60);
    expect(findings).toBeGreaterThan(200);
    expect(edits).toBeGreaterThan(10);
  }, 300_000);
});
