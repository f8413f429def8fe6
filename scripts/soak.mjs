#!/usr/bin/env node
/**
 * Soak test of the language server: spawns the built server (client/dist/server.cjs --stdio), opens a 20-page
 * document and replays 10,000 random incremental edits (typing, deleting, pasting flagged phrases, new lines),
 * waiting for the server's check every few edits. Samples the server's resident memory (VmRSS from
 * /proc/PID/status) before, during and after, and fails if it grew by more than the bound after warm-up.
 * At the end the server's diagnostics must equal those of a fresh server that opens the final text.
 *
 * The server runs with its default typing delay, so findings in the word being typed are held back and published
 * 1.5 s later; the final comparison waits for that second publish.
 *
 * Usage: node scripts/soak.mjs [--edits N] [--check-every N] [--pages N] [--seed S] [--max-growth-mb M] [--debounce MS]
 *   defaults: 10000 edits, a check every 25 edits, 20 pages, seed 1, 50 MB, debounce 0 (every change is
 *   checked: the hardest case; the editor's default is 200 ms)
 *
 * Memory is measured from the end of warm-up (the first 10% of the edits, which fill the engine's caches) to the
 * end; the figure printed for "after open" is for reference. Linux only (reads /proc).
 * Needs `npm run build` (the server bundle).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(root, 'client/dist/server.cjs');

function parseArgs(argv) {
  const o = { edits: 10_000, checkEvery: 25, pages: 20, seed: 1, maxGrowthMb: 80, debounce: 0 };
  const keys = { '--edits': 'edits', '--check-every': 'checkEvery', '--pages': 'pages', '--seed': 'seed', '--max-growth-mb': 'maxGrowthMb', '--debounce': 'debounce' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    if (flag === '--help' || flag === '-h') {
      console.log('Usage: node scripts/soak.mjs [--edits N] [--check-every N] [--pages N] [--seed S] [--max-growth-mb M] [--debounce MS]');
      process.exit(0);
    }
    const key = keys[flag];
    const value = Number(inline ?? argv[++i]);
    if (!key || !Number.isFinite(value) || value < 0) {
      console.error(`soak: bad option ${argv[i]}`);
      process.exit(2);
    }
    o[key] = value;
  }
  return o;
}

/** mulberry32: a small seeded generator, so every soak replays the same edits. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Resident memory of a process in MB, from /proc/PID/status. */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

/** About `pages` pages of job adverts and policies (a page is about 3,000 characters), each part numbered. */
function document(pages) {
  const advert = readFileSync(join(root, 'examples/job-advert.md'), 'utf8');
  const policy = readFileSync(join(root, 'examples/policy.md'), 'utf8');
  const extra = [
    'We need a salesman who is young and energetic.',
    'The office is not suitable for wheelchair-bound people. He/she will be a native English speaker.',
    'Our BAME staff network meets monthly. See https://example.com/network for details.',
    '| Criteria | Essential |\n| --- | --- |\n| Young graduate | Yes |',
    '```\nsalesman in code\n```',
  ];
  let text = '';
  for (let i = 0; text.length < pages * 3000; i++) {
    text += `## Part ${i + 1}\n\n${[advert, policy][i % 2].replace(/^# .*$/m, '')}\n\n${extra[i % extra.length]}\n\n`;
  }
  return text;
}

const PASTES = ['salesman', 'young ', 'BAME ', 'wheelchair-bound', 'he/she ', 'native English speaker', 'We need a young salesman.\n\n', '`code` ', 'https://example.com/young ', '😀', '\n', '\n\n', '- '];
const TYPED = 'abcdefghijklmnopqrstuvwxyz     .,';

/** One random edit to `doc`, as an incremental change: mostly typing, some deleting, some pasting. */
function randomChange(doc, next, caret) {
  const text = doc.getText();
  const safe = (o) => {
    let x = Math.max(0, Math.min(text.length, o));
    if (x > 0 && x < text.length && /[\uDC00-\uDFFF]/.test(text[x])) x--;
    return x;
  };
  // The caret wanders: usually stays where the last edit left it, sometimes jumps.
  let at = next() < 0.9 ? safe(caret) : safe(Math.floor(next() * (text.length + 1)));
  const r = next();
  let end = at;
  let insert = '';
  if (r < 0.6) insert = TYPED[Math.floor(next() * TYPED.length)];
  else if (r < 0.75) at = safe(at - 1 - Math.floor(next() * 3)); // backspace
  else if (r < 0.8) end = safe(at + Math.floor(next() * 40)); // delete forward / a selection
  else if (r < 0.83) {
    // Delete a whole line.
    at = text.lastIndexOf('\n', at - 1) + 1;
    const nl = text.indexOf('\n', at);
    end = nl < 0 ? text.length : nl + 1;
  } else if (r < 0.95) insert = PASTES[Math.floor(next() * PASTES.length)];
  else insert = '\n';
  if (end < at) [at, end] = [end, at];
  return { change: { range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: insert }, caret: at + insert.length };
}

/** Spawns the server and connects to it; `waitFor` resolves on a matching fairword/validated. */
async function startServer(debounceMs) {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const server = { child, exited: undefined, validated: [], waiters: [], latest: new Map() };
  child.on('exit', (code, signal) => {
    server.exited = `${code ?? signal}`;
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  server.connection = connection;
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => server.latest.set(p.uri, p));
  connection.onNotification('fairword/validated', (v) => {
    server.validated.push(v);
    for (const w of [...server.waiters]) if (w.test(v)) w.resolve(v);
  });
  connection.onNotification('fairword/status', () => undefined);
  connection.onNotification('window/logMessage', (m) => {
    if (m.type === 1) console.error(`server error: ${m.message}`);
  });
  connection.listen();
  server.waitFor = (test, what) =>
    new Promise((resolve, reject) => {
      const found = server.validated.find(test);
      if (found) return resolve(found);
      const w = {
        test,
        resolve: (v) => {
          clearTimeout(w.timer);
          server.waiters.splice(server.waiters.indexOf(w), 1);
          resolve(v);
        },
        timer: setTimeout(() => reject(new Error(`soak: timed out waiting for ${what}${server.exited ? ` (server exited: ${server.exited})` : ''}`)), 120_000),
      };
      server.waiters.push(w);
    });
  server.stop = async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    connection.dispose();
  };
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs } });
  await connection.sendNotification(InitializedNotification.type, {});
  return server;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(SERVER)) {
    console.error(`soak: ${SERVER} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
  const server = await startServer(o.debounce);
  const { child, connection, waitFor, latest } = server;
  const validated = server.validated;

  const samples = [];
  const sample = (label) => {
    const mb = rssMb(child.pid);
    samples.push({ label, mb });
    return mb;
  };

  sample('after initialize');

  const uri = 'untitled:soak.md';
  const start = document(o.pages);
  let doc = TextDocument.create(uri, 'markdown', 1, start);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: start } });
  await waitFor((v) => v.uri === uri && v.version === 1, 'the first check');
  const afterOpen = sample('after open');
  console.log(`soak: ${o.pages} pages (${start.length} characters), ${o.edits} edits, a check every ${o.checkEvery}, debounce ${o.debounce} ms, seed ${o.seed}`);
  console.log(`soak: RSS after initialize ${samples[0].mb.toFixed(1)} MB, after open ${afterOpen.toFixed(1)} MB`);

  const next = random(o.seed);
  const warmup = Math.max(o.checkEvery, Math.round(o.edits / 10));
  let caret = Math.floor(start.length / 2);
  let warm;
  let sideDocs = 0;
  const t0 = performance.now();
  for (let i = 1; i <= o.edits; i++) {
    const version = i + 1;
    const { change, caret: c } = randomChange(doc, next, caret);
    caret = c;
    doc = TextDocument.update(doc, [change], version);
    void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    if (i % o.checkEvery === 0 || i === o.edits) {
      const check = await waitFor((v) => v.uri === uri && v.version === version, `the check of version ${version}`);
      // Findings in the word being typed are held back for the typing delay (1.5 s), then published in full.
      if (i === o.edits && check.held) await waitFor((v) => v.uri === uri && v.version === version && !v.held, 'the findings held back');
      validated.length = 0;
    }
    if (i % 500 === 0) {
      // Open, check and close another document, to catch per-document state that is never freed.
      const side = `untitled:side-${i}.md`;
      sideDocs++;
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: side, languageId: 'markdown', version: 1, text: doc.getText().slice(0, 20_000) } });
      await waitFor((v) => v.uri === side && v.version === 1, `the check of ${side}`);
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: side } });
      await waitFor((v) => v.uri === side && v.count === 0, `the close of ${side}`);
      validated.length = 0;
    }
    if (i === warmup) warm = sample(`after warm-up (${i} edits)`);
    else if (i % 1000 === 0) sample(`after ${i} edits`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const end = sample('at the end');

  // Correctness after the soak: the diagnostics equal those of a fresh server that opens the final text.
  const final = latest.get(uri);
  await server.stop();
  const fresh = await startServer(0);
  const freshUri = 'untitled:fresh.md';
  await fresh.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: freshUri, languageId: 'markdown', version: 1, text: doc.getText() } });
  await fresh.waitFor((v) => v.uri === freshUri && v.version === 1, 'the fresh check');
  const expected = fresh.latest.get(freshUri).diagnostics;
  await fresh.stop();
  const show = (d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}`;
  const got = final.diagnostics.map(show);
  const want = expected.map(show);
  const matches = final.version === o.edits + 1 && JSON.stringify(got) === JSON.stringify(want);

  const growth = end - warm;
  console.log('soak: RSS samples (MB):');
  for (const s of samples) console.log(`  ${s.label.padEnd(26)} ${s.mb.toFixed(1).padStart(7)}`);
  console.log(`soak: ${o.edits} edits in ${seconds.toFixed(1)} s (${(o.edits / seconds).toFixed(0)} edits/s), ${sideDocs} documents opened and closed on the side`);
  console.log(`soak: final text ${doc.getText().length} characters, ${final.diagnostics.length} diagnostics, ${matches ? 'equal to' : 'DIFFERENT FROM'} a fresh server's`);
  console.log(`soak: RSS growth after warm-up ${growth.toFixed(1)} MB (bound ${o.maxGrowthMb} MB); peak ${Math.max(...samples.map((s) => s.mb)).toFixed(1)} MB`);
  let failed = false;
  if (!matches) {
    console.error(`soak: FAIL: the final diagnostics (version ${final.version}) differ from a fresh server's for the final text`);
    console.error(`  only from the server: ${JSON.stringify(got.filter((g) => !want.includes(g)).slice(0, 5))}`);
    console.error(`  only from the fresh server: ${JSON.stringify(want.filter((w) => !got.includes(w)).slice(0, 5))}`);
    failed = true;
  }
  if (growth >= o.maxGrowthMb) {
    console.error(`soak: FAIL: RSS grew by ${growth.toFixed(1)} MB after warm-up (bound ${o.maxGrowthMb} MB)`);
    failed = true;
  }
  if (!failed) console.log('soak: ok');
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
