/**
 * The language server and the files of a hostile workspace (issue 15): it reads as the CLI reads (regular files
 * only, never more than a limit, bounded globs), looks for a config no higher than the workspace folder or
 * repository root, and changes config files only inside the workspace folder, never through a link out of it,
 * always as valid YAML or JSON. Spawns the built bundle (client/dist/server.cjs); run `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { parseConfig } from '@fairword/rules';
import { TestClient } from '../lsp/client.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fairword-server-files-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const uriOf = (file: string): string => pathToFileURL(file).href;

/** Makes `files` under `dir` (a null value makes a named pipe). */
function lay(dir: string, files: Record<string, string | null>): string {
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    if (text === null) expect(spawnSync('mkfifo', [path]).status).toBe(0);
    else writeFileSync(path, text);
  }
  return dir;
}

/** The server's resident memory in MB, from /proc. */
function rssMb(pid: number | undefined): number {
  expect(pid, 'the server runs in a process of its own').toBeDefined();
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  expect(kb).toBeGreaterThan(0);
  return kb / 1024;
}

const start = (folders: string[]): Promise<TestClient> =>
  TestClient.start({ folders, settings: () => ({}), initializationOptions: { debounceMs: 0, typingDelayMs: 0 } });

const codes = (client: TestClient, uri: string): string[] => client.latestDiagnostics(uri).map((d) => String(d.code));

describe('the server reads workspace files as the CLI does', () => {
  let ws: string;
  let client: TestClient;
  beforeAll(async () => {
    ws = lay(join(root, 'devices'), { 'a.md': 'We need a salesman.\n', 'docs/b.md': 'We welcome everyone.\n', '.fairwordignore': null, 'docs/.gitignore': null });
    symlinkSync('/dev/zero', join(ws, '.gitignore'));
    symlinkSync('/dev/zero', join(ws, 'zero.md'));
    lay(ws, { 'pipe.md': null });
    client = await start([ws]);
  });
  afterAll(() => client?.stop());

  it('checks all files past /dev/zero and named pipes as ignore files and documents, in bounded time and memory', { timeout: 60_000 }, async () => {
    const began = performance.now();
    const result = await client.lintWorkspace();
    expect(performance.now() - began).toBeLessThan(20_000);
    expect(result).toEqual({ files: 2, filesWithFindings: 1, findings: 1, skipped: 0, cancelled: false });
    expect(codes(client, uriOf(join(ws, 'a.md')))).toEqual(['gendered-job-title']);
    expect(rssMb(client.transport.pid)).toBeLessThan(600);
  });

  it('skips a changed document that is a device or a named pipe, and keeps answering (each used to be read without end or to block)', { timeout: 60_000 }, async () => {
    const events = ['zero.md', 'pipe.md'].flatMap((name) => Array.from({ length: 6 }, () => ({ uri: uriOf(join(ws, name)), type: FileChangeType.Changed as FileChangeType })));
    await client.filesChanged(events);
    // A config file that leads to /dev/zero: its change is read (at most 1 MiB) and reported on the file.
    symlinkSync('/dev/zero', join(ws, '.fairword.yaml'));
    const config = uriOf(join(ws, '.fairword.yaml'));
    const reported = client.validated(config, null, client.validations.length);
    await client.filesChanged([{ uri: config, type: FileChangeType.Created }]);
    expect((await reported).diagnostics.map((d) => d.message)).toEqual(['Not a regular file (a character device).']);
    // Reading needs the file system's threads: a pipe opened without O_NONBLOCK would hold one for ever.
    const opened = await client.open(uriOf(join(ws, 'docs', 'c.md')), 'markdown', 'Our chairman is here.\n');
    expect(opened.diagnostics.map((d) => d.code)).toEqual(['gendered-job-title']);
    expect(codes(client, uriOf(join(ws, 'zero.md')))).toEqual([]);
    expect(codes(client, uriOf(join(ws, 'pipe.md')))).toEqual([]);
    expect(rssMb(client.transport.pid)).toBeLessThan(600);
  });
});

describe('globs the server compiles are bounded', () => {
  it('a catastrophic kinds glob and ignore pattern, with long names, check in seconds', { timeout: 60_000 }, async () => {
    const long = `${'a'.repeat(200)}.md`;
    const deep = `${Array(30).fill('a').join('/')}/x.md`;
    const ws = lay(join(root, 'globs'), {
      '.fairword.yaml': 'kinds:\n  "*a*a*a*a*a*a*a*a*b": policy\nignore:\n  - "a/**/a/**/a/**/a/**/a/**/a/**/a/**/b"\n',
      [long]: 'We need a salesman.\n',
      [deep]: 'We need a salesman.\n',
    });
    const client = await start([ws]);
    try {
      const began = performance.now();
      const opened = await client.open(uriOf(join(ws, long)), 'markdown', 'We need a salesman.\n');
      expect(opened.diagnostics.map((d) => d.code)).toEqual(['gendered-job-title']);
      expect(client.status(uriOf(join(ws, long)))?.kindSource).not.toBe('config');
      const nested = await client.open(uriOf(join(ws, deep)), 'markdown', 'We need a salesman.\n');
      expect(nested.diagnostics.map((d) => d.code)).toEqual(['gendered-job-title']);
      expect((await client.lintWorkspace()).files).toBe(2);
      expect(performance.now() - began).toBeLessThan(15_000);
    } finally {
      await client.stop();
    }
  });
});

describe('the config search stops at the workspace folder or the repository root, as the CLI does', () => {
  it('ignores a config above the workspace folder, and one above a repository inside it', { timeout: 30_000 }, async () => {
    const parent = lay(join(root, 'search'), { '.fairword.yaml': 'rules:\n  gendered-job-title: off\n' });
    const ws = lay(join(parent, 'ws'), { '.fairword.yaml': 'allow:\n  - salesman\n', 'repo/.git/HEAD': 'ref: refs/heads/main\n' });
    const client = await start([ws]);
    try {
      const inWs = uriOf(join(ws, 'a.md'));
      const inRepo = uriOf(join(ws, 'repo', 'b.md'));
      // The workspace's own config applies to its files; the one above it does not (chairman stays flagged).
      expect((await client.open(inWs, 'markdown', 'Our salesman and chairman.\n')).diagnostics.map((d) => d.code)).toEqual(['gendered-job-title']);
      expect(client.status(inWs)?.config).toEqual({ path: join(ws, '.fairword.yaml'), errors: 0 });
      // Inside a repository, the search ends at its root: the workspace config does not reach it.
      expect((await client.open(inRepo, 'markdown', 'Our salesman and chairman.\n')).diagnostics.map((d) => d.code)).toEqual(['gendered-job-title', 'gendered-job-title']);
      expect(client.status(inRepo)?.config).toBeUndefined();
      // A setting changed from that document is written where the search ends, so that it governs the document.
      expect(await client.executeCommand('fairword.allowTerm', [{ uri: inRepo, term: 'chairman' }])).toEqual({ path: join(ws, 'repo', '.fairword.yaml'), changed: true });
      expect(readFileSync(join(ws, 'repo', '.fairword.yaml'), 'utf8')).toBe('allow:\n  - chairman\n');
      expect(readFileSync(join(parent, '.fairword.yaml'), 'utf8')).toBe('rules:\n  gendered-job-title: off\n');
    } finally {
      await client.stop();
    }
  });
});

describe('config writes stay inside the workspace folder', () => {
  let ws: string;
  let outside: string;
  let client: TestClient;
  beforeAll(async () => {
    outside = lay(join(root, 'outside'), { 'shared.yaml': '# shared by every team\nallow:\n  - a\n', 'dir/.fairword.yaml': 'rules: {}\n', 'loose.md': 'We need a salesman.\n' });
    ws = lay(join(root, 'writes', 'ws'), { 'settings/fairword.yaml': 'allow: []\n', 'inner/.keep': '' });
    lay(join(root, 'writes'), { '.fairword.yaml': '# above the workspace\nrules: {}\n' });
    client = await start([ws]);
  });
  afterAll(() => client?.stop());

  const errorShown = (): string | undefined => client.messages.at(-1)?.message;
  const listing = (dir: string): string[] => readdirSync(dir).sort();

  it('refuses a document outside every workspace folder, whatever the uri argument says', async () => {
    for (const uri of [uriOf(join(outside, 'loose.md')), 'file:///etc/passwd', uriOf(join(root, 'writes', 'x.md'))]) {
      expect(await client.executeCommand('fairword.allowTerm', [{ uri, term: 'salesman' }]), uri).toBeNull();
      expect(await client.executeCommand('fairword.turnOffRule', [{ uri, ruleId: 'young' }]), uri).toBeNull();
      expect(errorShown()).toMatch(/^Fairword did not change its settings: .+ is not in a workspace folder, and Fairword changes settings only inside the folders open in the editor\.$/);
    }
    expect(existsSync('/etc/.fairword.yaml')).toBe(false);
    expect(listing(outside)).toEqual(['dir', 'loose.md', 'shared.yaml']);
    expect(readFileSync(join(root, 'writes', '.fairword.yaml'), 'utf8')).toBe('# above the workspace\nrules: {}\n');
  });

  it('never writes through a link to a config outside the workspace, and says so', async () => {
    symlinkSync(join(outside, 'shared.yaml'), join(ws, '.fairword.yaml'));
    symlinkSync(join(outside, 'dir'), join(ws, 'linked'));
    try {
      const doc = uriOf(join(ws, 'a.md'));
      await client.open(doc, 'markdown', 'We need a salesman.\n');
      expect(await client.executeCommand('fairword.allowTerm', [{ uri: doc, term: 'salesman' }])).toBeNull();
      expect(errorShown()).toBe(
        `Fairword did not change its settings: .fairword.yaml leads through a symbolic link to ${join(outside, 'shared.yaml')}, outside the workspace folder, and Fairword does not write there. Change that file yourself, or put a file in place of the link.`,
      );
      const linked = uriOf(join(ws, 'linked', 'b.md'));
      expect(await client.executeCommand('fairword.turnOffRule', [{ uri: linked, ruleId: 'young' }])).toBeNull();
      expect(errorShown()).toMatch(/^Fairword did not change its settings: linked\/\.fairword\.yaml leads through a symbolic link to .*outside.dir.\.fairword\.yaml, outside the workspace folder/);
      expect(readFileSync(join(outside, 'shared.yaml'), 'utf8')).toBe('# shared by every team\nallow:\n  - a\n');
      expect(readFileSync(join(outside, 'dir', '.fairword.yaml'), 'utf8')).toBe('rules: {}\n');
    } finally {
      rmSync(join(ws, '.fairword.yaml'));
      rmSync(join(ws, 'linked'));
    }
  });

  it('writes through a link that stays inside the workspace, keeping the link', async () => {
    symlinkSync(join(ws, 'settings', 'fairword.yaml'), join(ws, '.fairword.yaml'));
    try {
      const doc = uriOf(join(ws, 'inner', 'c.md'));
      await client.open(doc, 'markdown', 'Our chairman.\n');
      expect(await client.executeCommand('fairword.allowTerm', [{ uri: doc, term: 'chairman' }])).toEqual({ path: join(ws, '.fairword.yaml'), changed: true });
      expect(lstatSync(join(ws, '.fairword.yaml')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(ws, '.fairword.yaml'))).toBe(join(ws, 'settings', 'fairword.yaml'));
      expect(readFileSync(join(ws, 'settings', 'fairword.yaml'), 'utf8')).toBe('allow: [chairman]\n');
    } finally {
      rmSync(join(ws, '.fairword.yaml'));
    }
  });

  it('writes a term with a line break, a colon and quotes as YAML that reads back as that term, keeping comments and the mode', async () => {
    const config = join(ws, 'inner', '.fairword.yaml');
    writeFileSync(config, '# Inner settings\nallow:\n  - a   # first\n');
    chmodSync(config, 0o640);
    const doc = uriOf(join(ws, 'inner', 'd.md'));
    await client.filesChanged([{ uri: uriOf(config), type: FileChangeType.Created }]);
    const term = 'line one\nkey: "quoted" it\'s';
    expect(await client.executeCommand('fairword.allowTerm', [{ uri: doc, term }])).toEqual({ path: config, changed: true });
    const text = readFileSync(config, 'utf8');
    expect(parseConfig(text, config)).toEqual({ config: { allow: ['a', term] }, errors: [] });
    expect(text.startsWith('# Inner settings\nallow:\n  - a # first\n')).toBe(true);
    expect(statSync(config).mode & 0o777).toBe(0o640);
    expect(listing(join(ws, 'inner'))).toEqual(['.fairword.yaml', '.keep']);
  });
});
