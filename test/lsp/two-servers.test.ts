/**
 * The server core keeps no module-level state: two servers created in this one process, each by its own host,
 * keep their own documents, config files, settings and document kinds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShutdownRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { createConnection } from 'vscode-languageserver/node.js';
import { createServer } from '../../server/src/server.js';
import { nodeHost } from '../../server/src/host/node-host.js';
import { SetKindNotification } from '../../server/src/protocol.js';
import { TestClient } from './client.js';

const TEXT = '# Sales assistant\n\nWe need a salesman to join our young and dynamic team.\n';

/** A server created in this process, and a test client talking to it over in-memory streams. */
async function inProcess(folder: string): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  createServer(connection, nodeHost());
  connection.listen();
  return TestClient.connect(
    { reader: new StreamMessageReader(toClient), writer: new StreamMessageWriter(toServer), exited: new Promise(() => undefined), onExit: () => undefined, stderr: () => '' },
    { initializationOptions: { debounceMs: 0, typingDelayMs: 0 }, folders: [folder] },
  );
}

const rules = (client: TestClient, uri: string): string[] => client.latestDiagnostics(uri).map((d) => String(d.code));

let one: string;
let two: string;
let a: TestClient;
let b: TestClient;
beforeAll(async () => {
  one = mkdtempSync(join(tmpdir(), 'fairword-one-'));
  two = mkdtempSync(join(tmpdir(), 'fairword-two-'));
  writeFileSync(join(one, '.fairword.yaml'), 'allow:\n  - salesman\n');
  writeFileSync(join(two, '.fairword.yaml'), 'rules:\n  young: off\n');
  [a, b] = await Promise.all([inProcess(one), inProcess(two)]);
});
afterAll(async () => {
  // Shut down without `exit`: on Node, `exit` ends the process, and here that is the test runner.
  await Promise.all([a, b].map((c) => c?.connection.sendRequest(ShutdownRequest.type)));
  for (const c of [a, b]) c?.connection.dispose();
  rmSync(one, { recursive: true, force: true });
  rmSync(two, { recursive: true, force: true });
});

describe('two servers in one process', () => {
  it('each reads its own workspace’s .fairword.yaml', async () => {
    const inOne = pathToFileURL(join(one, 'advert.md')).href;
    const inTwo = pathToFileURL(join(two, 'advert.md')).href;
    await Promise.all([a.open(inOne, 'markdown', TEXT), b.open(inTwo, 'markdown', TEXT)]);
    expect(rules(a, inOne)).toEqual(['young']);
    expect(rules(b, inTwo)).toEqual(['gendered-job-title']);
    expect(a.status(inOne)?.config).toEqual({ path: join(one, '.fairword.yaml'), errors: 0 });
    expect(b.status(inTwo)?.config).toEqual({ path: join(two, '.fairword.yaml'), errors: 0 });
  });

  it('keep their own open documents, kinds and settings for the same URI', async () => {
    const uri = 'untitled:Untitled-1';
    await Promise.all([a.open(uri, 'markdown', TEXT), b.open(uri, 'markdown', 'We welcome everyone.\n')]);
    expect(rules(a, uri)).toEqual(['young']);
    expect(rules(b, uri)).toEqual([]);

    const from = a.validations.length;
    await a.connection.sendNotification(SetKindNotification, { uri, kind: 'policy' });
    await a.waitFor((v) => v.uri === uri, 'the re-check as a policy', from);
    expect(a.status(uri)).toMatchObject({ kind: 'policy', kindSource: 'override' });
    expect(b.status(uri)).toMatchObject({ kind: 'general', kindSource: 'default' });

    const fromB = b.validations.length;
    await b.settingsChanged({ fairword: { enable: false } });
    await b.waitFor((v) => v.uri === uri, 'the re-check with Fairword turned off', fromB);
    expect(b.status(uri)?.skipped?.reason).toBe('disabled');
    expect(a.status(uri)?.skipped).toBeUndefined();
  });
});
