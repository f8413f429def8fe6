/**
 * No network: the engine, the CLI and the language server never open a connection, resolve a name or fetch,
 * even on documents full of URLs; and the shipped bundles carry no telemetry.
 *
 * The CLI and the server run with `--require test/reliability/no-network.cjs` (the server through NODE_OPTIONS),
 * which makes every network API throw and records the attempt. The engine runs in this process with the same
 * APIs replaced for the duration of the (synchronous) lint calls.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter, parseConfig } from '@fairword/rules';
import { TestClient } from '../lsp/client.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./no-network.cjs', import.meta.url));
const BIN = join(ROOT, 'cli/bin/fairword.js');
const BUNDLES = ['client/dist/extension.cjs', 'client/dist/server.cjs', 'cli/dist/fairword.cjs', 'client/dist/web/extension.js', 'client/dist/web/server.js'];

/** A document with URLs, e-mail addresses and links of every kind, and findings. */
const WITH_URLS = [
  '---',
  'source: https://example.com/front-matter',
  '---',
  '# Sales assistant',
  '',
  'We need a salesman. Apply at https://jobs.example.com/apply or www.example.org/careers.',
  '',
  'See [the policy](https://intranet.example.nhs.uk/policy "title") and <https://example.com/young>.',
  '',
  '![logo](https://cdn.example.com/logo.png)',
  '',
  '[ref]: https://example.com/reference',
  '',
  'Write to jobs@example.com or ftp://files.example.com/advert.txt. He/she will be young.',
  '',
  '<img src="https://tracker.example.com/pixel.gif"> <iframe src="//example.com/embed"></iframe>',
  '',
].join('\n');

interface NetEntry {
  pid: number;
  thread: number;
  loaded?: string;
  call?: string;
  args?: string;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fairword-network-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readLog(file: string): NetEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as NetEntry);
}

/** Runs the built CLI with the no-network preload; returns the run and what the preload recorded. */
function cliWithoutNetwork(cwd: string, args: string[], input?: string): { code: number | null; stdout: string; stderr: string; log: NetEntry[] } {
  const log = join(dir, `cli-${Math.random().toString(36).slice(2)}.log`);
  const run = spawnSync(process.execPath, ['--require', PRELOAD, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FAIRWORD_NET_LOG: log },
    ...(input === undefined ? {} : { input }),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, log: readLog(log) };
}

describe('the no-network preload', () => {
  it('records and blocks every kind of network call (so a clean log means something)', () => {
    const log = join(dir, 'self-test.log');
    const script = `
      const attempts = [
        () => require('node:http').get('http://example.com/'),
        () => require('node:https').request('https://example.com/'),
        () => require('node:net').connect(80, 'example.com'),
        () => new (require('node:net').Socket)().connect(80, '127.0.0.1'),
        () => require('node:tls').connect(443, 'example.com'),
        () => require('node:dns').lookup('example.com', () => {}),
        () => require('node:dns').promises.resolve4('example.com'),
        () => require('node:dgram').createSocket('udp4'),
        () => fetch('https://example.com/'),
      ];
      let thrown = 0;
      for (const attempt of attempts) { try { attempt(); } catch { thrown++; } }
      console.log(thrown);
    `;
    const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], { encoding: 'utf8', env: { ...process.env, FAIRWORD_NET_LOG: log } });
    expect(run.stdout.trim()).toBe('9');
    expect(readLog(log).filter((e) => e.call).map((e) => e.call)).toEqual([
      'http.get',
      'https.request',
      'net.connect',
      'net.Socket.prototype.connect',
      'tls.connect',
      'dns.lookup',
      'dns.promises.resolve4',
      'dgram.createSocket',
      'fetch',
    ]);
  });
});

describe('the engine', () => {
  it('makes no network call while linting documents with URLs', () => {
    const require = createRequire(import.meta.url);
    const calls: string[] = [];
    const targets: Array<[Record<string, unknown>, string]> = [
      [require('node:net').Socket.prototype, 'connect'],
      [require('node:net'), 'connect'],
      [require('node:net'), 'createConnection'],
      [require('node:tls'), 'connect'],
      [require('node:http'), 'request'],
      [require('node:http'), 'get'],
      [require('node:https'), 'request'],
      [require('node:https'), 'get'],
      [require('node:dns'), 'lookup'],
      [require('node:dns'), 'resolve'],
      [require('node:dns'), 'resolve4'],
      [require('node:dns').promises, 'lookup'],
      [require('node:dgram'), 'createSocket'],
      [globalThis as unknown as Record<string, unknown>, 'fetch'],
    ];
    const saved = targets.map(([object, key]) => object[key]);
    targets.forEach(([object, key], i) => {
      object[key] = (): never => {
        calls.push(`${i}:${key}`);
        throw new Error(`network call: ${key}`);
      };
    });
    let findings = 0;
    try {
      // Synchronous from here to `finally`: nothing else in this process can run while the APIs are replaced.
      const { config } = parseConfig('terms:\n  - phrase: https://example.com\nallow: [www.example.org]\n', '.fairword.yaml');
      for (const linter of [createLinter(), createLinter(config)]) {
        for (const format of ['markdown', 'plaintext'] as const) {
          const result = linter.lint(WITH_URLS, { format, report: true });
          findings += result.findings.length;
          const session = linter.session({ format });
          session.lint(WITH_URLS);
          session.lint(`${WITH_URLS}\nhttps://example.com/new young salesman\n`);
        }
      }
    } finally {
      targets.forEach(([object, key], i) => {
        object[key] = saved[i];
      });
    }
    expect(calls).toEqual([]);
    expect(findings).toBeGreaterThan(0);
  });
});

describe('the CLI', () => {
  let project: string;
  beforeAll(() => {
    project = join(dir, 'cli-project');
    mkdirSync(join(project, 'docs'), { recursive: true });
    // More than 20 files, so the CLI checks them on worker threads (which must get the preload too).
    for (let i = 0; i < 24; i++) writeFileSync(join(project, 'docs', `advert-${i}.md`), WITH_URLS);
    writeFileSync(join(project, 'notes.txt'), WITH_URLS.replace(/[#[\]<>!]/g, ''));
    writeFileSync(join(project, '.fairword.yaml'), 'terms:\n  - phrase: rock star\n    reason: see https://example.com/why\n');
  });

  const commands: Array<[string, string[], string?]> = [
    ['lint a folder on worker threads', ['.']],
    ['lint with --concurrency off', ['--concurrency', 'off', 'docs/advert-0.md', 'notes.txt']],
    ['SARIF output (which carries rule source URLs)', ['--format', 'sarif', 'docs/advert-1.md']],
    ['JSON, GitHub, Markdown, JUnit and GitLab output', ['--format', 'json', 'docs/advert-2.md']],
    ['a fix preview', ['--fix-dry-run', 'docs/advert-3.md']],
    ['stdin', ['--stdin', '--stdin-filename', 'pasted.md'], WITH_URLS],
    ['rules', ['rules']],
    ['explain', ['explain', 'gendered-job-title']],
    ['report', ['report', '--format', 'json', 'docs/advert-4.md']],
  ];
  for (const [what, args, input] of commands) {
    it(`makes no network call: ${what}`, () => {
      const run = cliWithoutNetwork(project, args, input);
      expect(run.stderr).not.toMatch(/no-network preload/);
      expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
      expect(run.log.some((e) => e.loaded !== undefined), 'the preload ran').toBe(true);
      expect(run.log.filter((e) => e.call)).toEqual([]);
    });
  }

  it('worker threads got the preload too', () => {
    const run = cliWithoutNetwork(project, ['--concurrency', '2', '.']);
    const threads = new Set(run.log.filter((e) => e.loaded !== undefined).map((e) => e.thread));
    expect(threads.size, 'main thread and workers').toBeGreaterThan(1);
    expect(run.log.filter((e) => e.call)).toEqual([]);
  });

  for (const format of ['github', 'markdown', 'junit', 'gitlab']) {
    it(`makes no network call: --format ${format}`, () => {
      const run = cliWithoutNetwork(project, ['--format', format, 'docs/advert-5.md']);
      expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
      expect(run.log.some((e) => e.loaded !== undefined), 'the preload ran').toBe(true);
      expect(run.log.filter((e) => e.call)).toEqual([]);
    });
  }
});

describe('the language server', () => {
  it('makes no network call while checking, fixing, hovering, reporting and checking all files', async () => {
    const folder = join(dir, 'server-project');
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 5; i++) writeFileSync(join(folder, `doc-${i}.md`), WITH_URLS);
    writeFileSync(join(folder, '.fairword.yaml'), 'allow: [www.example.org]\n');
    const log = join(dir, 'server.log');
    const saved = { NODE_OPTIONS: process.env['NODE_OPTIONS'], FAIRWORD_NET_LOG: process.env['FAIRWORD_NET_LOG'] };
    process.env['NODE_OPTIONS'] = `${saved.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim();
    process.env['FAIRWORD_NET_LOG'] = log;
    let client: TestClient;
    try {
      client = await TestClient.start({ folders: [folder], initializationOptions: { debounceMs: 0, typingDelayMs: 0 }, settings: () => ({}) });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    try {
      const uri = pathToFileURL(join(folder, 'doc-0.md')).href;
      const { diagnostics } = await client.open(uri, 'markdown', WITH_URLS);
      expect(diagnostics.length).toBeGreaterThan(0);
      await client.codeActions(uri, diagnostics);
      await client.codeActions(uri, [], ['source.fixAll.fairword'], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      await client.hover(uri, diagnostics[0]!.range.start);
      await client.connection.sendRequest('fairword/report', { uri });
      await client.connection.sendRequest('fairword/configFile', { uri });
      await client.connection.sendRequest('fairword/lintWorkspace', { workDoneToken: 'fairword-test' });
      await client.change(uri, 2, [{ text: `${WITH_URLS}\nMore at https://example.com/more.\n` }]);
      await client.validated(uri, 2);
      const untitled = 'untitled:Untitled-1';
      await client.open(untitled, 'plaintext', WITH_URLS);
    } finally {
      await client.stop();
    }
    const entries = readLog(log);
    expect(entries.some((e) => e.loaded !== undefined), 'the preload ran in the server').toBe(true);
    expect(entries.filter((e) => e.call)).toEqual([]);
  });
});

describe('the shipped bundles', () => {
  // Read once all three exist; a missing or empty bundle fails every test here instead of letting them pass on nothing.
  let cache: Array<{ file: string; text: string }> | undefined;
  const loaded = (): Array<{ file: string; text: string }> =>
    (cache ??= BUNDLES.map((file) => {
      expect(existsSync(join(ROOT, file)), `${file} is missing (run \`npm run build\`)`).toBe(true);
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text.length, file).toBeGreaterThan(0);
      return { file, text };
    }));

  it('exist (run `npm run build` first)', () => {
    expect(loaded().map((b) => b.file)).toEqual(BUNDLES);
  });

  it('contain no telemetry or crash-reporting SDK', () => {
    const sdks = [
      /applicationinsights/i,
      /@vscode\/extension-telemetry/i,
      /\bTelemetryReporter\b/,
      /\bsendTelemetry(Event|ErrorEvent)\b/,
      /@sentry\//i,
      /\bsentry\.io\b/i,
      /\bSentry\.init\b/,
      /segment\.(io|com)/i,
      /google-analytics\.com|googletagmanager|gtag\(/i,
      /mixpanel|amplitude\.com|posthog|bugsnag|rollbar|datadoghq|newrelic|honeycomb\.io/i,
    ];
    for (const b of loaded()) {
      for (const re of sdks) expect(re.exec(b.text)?.[0], `${b.file} ${re}`).toBeUndefined();
    }
  });

  it('never send LSP telemetry: the only mentions are the protocol library’s own telemetry/event plumbing', () => {
    // vscode-languageserver(-protocol) and vscode-languageclient define `telemetry/event` and a pass-through for it;
    // Fairword's own code never calls it.
    const own = ['server/src', 'client/src', 'cli/src', 'rules/src'].flatMap((d) => sourceFiles(join(ROOT, d)));
    for (const file of own) expect(readFileSync(file, 'utf8'), relative(ROOT, file)).not.toMatch(/telemetry/i);
    for (const b of loaded()) {
      // The library's telemetry channel is only used when a server calls connection.telemetry.logEvent.
      expect(b.text.match(/\.telemetry\.logEvent\s*\(/g), b.file).toBeNull();
      // The method name appears only as the protocol's own constant.
      const methods = [...b.text.matchAll(/["'`]telemetry\/[\w/]*["'`]/g)].map((m) => m[0]);
      expect(new Set(methods), b.file).toEqual(new Set(methods.length > 0 ? ['"telemetry/event"'] : []));
    }
  });

  it('load no HTTP, TLS, DNS or UDP module, and never call fetch', () => {
    for (const b of loaded()) {
      const modules = [...b.text.matchAll(/require\(["'](?:node:)?([\w/]+)["']\)/g)].map((m) => m[1]!);
      const network = modules.filter((m) => ['http', 'https', 'http2', 'tls', 'dns', 'dgram', 'undici'].includes(m));
      expect(network, b.file).toEqual([]);
      expect(b.text.match(/\bfetch\s*\(/g), b.file).toBeNull();
      expect(b.text.match(/\bnew\s+(?:WebSocket|EventSource|XMLHttpRequest)\b/g), b.file).toBeNull();
    }
  });

  it('hold URLs only in rule sources, documentation links, comments and output data, never as a request target', () => {
    // XML namespace names that @xmldom/xmldom (the .docx reader's parser) compares element names against:
    // identifiers in the XML specifications, never fetched.
    const XML_NAMESPACES = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg', 'http://www.w3.org/2000/xmlns/']);
    // Allowed: URLs that are rule data (rules/data/*.yml, rules/src/**: the sources a finding cites), links to
    // Fairword's own docs and the SARIF schema id (strings shown to people or written into reports), and URLs in
    // dependency comments. Anything else must be explained here before it ships.
    const dataUrls = new Set<string>();
    for (const file of [...sourceFiles(join(ROOT, 'rules/data'), /\.ya?ml$/), ...sourceFiles(join(ROOT, 'rules/src')), ...sourceFiles(join(ROOT, 'server/src')), ...sourceFiles(join(ROOT, 'cli/src')), ...sourceFiles(join(ROOT, 'client/src'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/https?:\/\/[^\s"'`)<>\]\\]+/g)) dataUrls.add(m[0].replace(/[.,;:]+$/, ''));
    }
    for (const b of loaded()) {
      const lines = b.text.split('\n');
      const unexplained: string[] = [];
      lines.forEach((line, n) => {
        for (const m of line.matchAll(/https?:\/\/[^\s"'`)<>\]\\]+/g)) {
          const url = m[0].replace(/[.,;:]+$/, '');
          const before = line.slice(0, m.index);
          // Never the target of a call that could reach the network.
          expect(before, `${b.file}:${n + 1}`).not.toMatch(/\b(?:fetch|request|get|connect|createConnection|open|send|post|WebSocket|EventSource)\s*\(\s*["'`]?$/);
          const inComment = /^\s*(?:\/\/|\*|\/\*)/.test(line);
          if (!inComment && !dataUrls.has(url) && !XML_NAMESPACES.has(url)) unexplained.push(`${b.file}:${n + 1}: ${url}`);
        }
      });
      expect(unexplained).toEqual([]);
    }
  });
});

/** The files under `dir` whose names match; a missing folder fails the test (it would pass on nothing). */
function sourceFiles(dir: string, pattern = /\.ts$/): string[] {
  expect(existsSync(dir), `${relative(ROOT, dir)} is missing`).toBe(true);
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && pattern.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => join(e.parentPath, e.name));
}
