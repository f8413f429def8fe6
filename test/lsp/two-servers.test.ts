/**
 * The server core keeps no module-level state: two servers created in this one process, each by its own host,
 * keep their own documents, config files, settings and document kinds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SetKindNotification } from '../../server/src/protocol.js';
import type { TestClient } from './client.js';
import { inProcessServer, stopInProcess } from './in-process.js';

const TEXT = '# Sales assistant\n\nWe need a salesman to join our young and dynamic team.\n';

/** A server created in this process for one workspace folder. */
const inProcess = (folder: string): Promise<TestClient> => inProcessServer({ initializationOptions: { debounceMs: 0, typingDelayMs: 0 }, folders: [folder] });

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
  await Promise.all([a, b].map(stopInProcess));
  rmSync(one, { recursive: true, force: true });
  rmSync(two, { recursive: true, force: true });
});

describe('two servers in one process', () => {
  it('each reads its own workspace’s .fairword.yaml', async () => {
    const inOne = pathToFileURL(join(one, 'advert.md')).href;
    const inTwo = pathToFileURL(join(two, 'advert.md')).href;
    await Promise.all([a.open(inOne, 'markdown', TEXT), b.open(inTwo, 'markdown', TEXT)]);
    expect(rules(a, inOne)).toEqual(['young']);
    expect(rules(b, inTwo)).toEqual(['gendered-job-title', 'energetic']);
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
