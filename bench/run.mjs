#!/usr/bin/env node
// `npm run bench`: Fairword's speed and memory as RATIOS against peers measured in the same run
// (absolute times on shared machines are noise). `--json FILE` also writes the figures as JSON.
// Reads ../shared/seeds/ when present; otherwise generates documents of the same size and shape.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { createLinter } from '../rules/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] ?? 'bench-results.json' : undefined;
const quick = args.includes('--quick');
const seedsDir = join(root, '..', 'shared', 'seeds');
const RACE = join(seedsDir, 'london-workforce-race-strategy-2020.txt');

const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, input: '', figures: {} };
const out = (line = '') => process.stdout.write(`${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);
const ratio = (a, b) => `${(a / b).toFixed(a / b < 10 ? 2 : 1)}×`;

// ---------------------------------------------------------------- inputs
const SENTENCES = [
  'The Trust is committed to reducing inequalities in access, experience and outcomes for staff and patients.',
  'BME staff remain under-represented at senior levels, and our data shows a gap in the likelihood of appointment from shortlisting.',
  'We will work with hard to reach communities and with the Black Country partnership to improve engagement.',
  'Recruiting managers should avoid looking for culture fit and recruit for culture add instead.',
  'Staff networks told us that microaggressions are common and rarely reported.',
  'The Workforce Race Equality Standard sets out nine indicators that every NHS Trust must publish.',
  'Black African, White British and Asian Bangladeshi colleagues took part in the listening events.',
  'The programme board will review progress each quarter and report to the people committee.',
  'Many patients suffer from long-term conditions, and some are wheelchair users.',
  'Leaders must model inclusive behaviours and hold their teams to account for them.',
];
function generatedDocument(targetChars) {
  let text = '';
  let i = 0;
  while (text.length < targetChars) {
    const n = 3 + (i % 4);
    const para = [];
    for (let k = 0; k < n; k++) para.push(SENTENCES[(i * 7 + k * 3) % SENTENCES.length]);
    text += (i % 9 === 0 ? `Section ${i / 9 + 1}: Our commitments\n\n` : '') + para.join(' ') + '\n\n';
    i++;
  }
  return text;
}
let race;
if (existsSync(RACE)) {
  race = readFileSync(RACE, 'utf8');
  results.input = 'seed: london-workforce-race-strategy-2020.txt';
} else {
  race = generatedDocument(229_505);
  results.input = 'generated (../shared/seeds not found): same size and paragraph shape as the Race Strategy';
}
const words = race.split(/\s+/).filter(Boolean).length;
out(`Fairword benchmark — ${results.input}; ${words} words, ${(race.length / 1024).toFixed(0)} KB; Node ${process.version}, ${cpus().length} cores`);
out();

// ---------------------------------------------------------------- 1. full lint
const equality = unified().use(retextEnglish).use(retextEquality);
const english = unified().use(retextEnglish);
const linter = createLinter();
const iterations = quick ? 5 : 15;
const bench = new Bench({ iterations, warmupIterations: 3, time: 0 });
let sink = 0;
bench
  .add('regex pass (floor)', () => {
    sink += (race.match(/\b(?:bme|bame|young|culture fit|native)\b/gi) ?? []).length;
  })
  .add('retext-english parse', () => {
    sink += english.parse(race).children.length;
  })
  .add('unified + retext-english + retext-equality', () => {
    const file = { value: race, messages: [] };
    const tree = equality.parse(race);
    sink += equality.runSync(tree, file) ? 1 : 0;
  })
  .add('Fairword full lint (default rules)', () => {
    linter.clearCache();
    sink += linter.lint(race, { format: 'plaintext' }).findings.length;
  });
await bench.run();
const t = Object.fromEntries(bench.tasks.map((task) => [task.name, task.result.latency?.p50 ?? task.result.median ?? task.result.mean]));
const full = t['Fairword full lint (default rules)'];
const eq = t['unified + retext-english + retext-equality'];
const parse = t['retext-english parse'];
out('1. Full lint of the document (median)');
for (const [name, ms] of Object.entries(t)) out(`   ${name.padEnd(46)} ${fmt(ms).padStart(10)}`);
out(`   → Fairword is ${ratio(eq, full)} faster than retext-equality (target ≥ 10×, stretch ≥ 20×)`);
out(`   → Fairword takes ${ratio(full, parse)} the bare retext-english parse (target ≤ 1.5×, stretch ≤ 1×)`);
out(`   → Fairword takes ${ratio(full, t['regex pass (floor)'])} one regular-expression pass`);
results.figures.fullLint = { ms: t, vsRetextEquality: eq / full, vsBareParse: full / parse };
out();

// ---------------------------------------------------------------- 2. keystroke
linter.clearCache();
const session = linter.session({ format: 'plaintext' });
session.lint(race);
const edits = [];
let doc = race;
for (let i = 0; i < (quick ? 100 : 400); i++) {
  const at = (doc.length >> 1) + ((i * 37) % 2000);
  doc = doc.slice(0, at) + (i % 2 ? 'e' : ' ') + doc.slice(at);
  const start = performance.now();
  session.lint(doc);
  edits.push(performance.now() - start);
}
const key = median(edits);
out('2. Re-lint after a one-character edit in the middle (a lint session, as the server keeps per document)');
out(`   median ${fmt(key)}, p95 ${fmt([...edits].sort((a, b) => a - b)[Math.floor(edits.length * 0.95)])} (target median ≤ 5 ms)`);
out(`   → ${ratio(full, key)} faster than a full lint (target ≥ 50×)`);
results.figures.keystroke = { medianMs: key, vsFullLint: full / key };
out();

// ---------------------------------------------------------------- 5. scaling
out('5. Scaling: full lint at 1×, 4× and 16× the document');
const scale = [];
for (const k of [1, 4, 16]) {
  // Each copy is made distinct so no block is served from a cache.
  const big = Array.from({ length: k }, (_, c) => race.replace(/\n\n/g, `\n\ncopy${c} `)).join('\n\n');
  const times = [];
  for (let i = 0; i < (k === 16 ? 3 : 5); i++) {
    linter.clearCache();
    const s = performance.now();
    linter.lint(big, { format: 'plaintext' });
    times.push(performance.now() - s);
  }
  const ms = median(times);
  scale.push({ k, ms, perKb: ms / (big.length / 1024) });
  out(`   ${String(k).padStart(2)}×  ${fmt(ms).padStart(10)}  (${(ms / (big.length / 1024)).toFixed(3)} ms/KB)`);
}
const slope = scale[2].perKb / scale[0].perKb;
out(`   → time per KB at 16× is ${slope.toFixed(2)}× that at 1× (linear ≈ 1)`);
results.figures.scaling = { points: scale, perKbRatio16to1: slope };
out();

// ---------------------------------------------------------------- 3. CLI throughput
out('3. CLI throughput over a generated corpus of adverts and policies (whole-process wall time)');
const corpus = mkdtempSync(join(tmpdir(), 'fairword-bench-'));
const sources = [readFileSync(join(root, 'examples', 'job-advert.md'), 'utf8'), readFileSync(join(root, 'examples', 'policy.md'), 'utf8')];
if (existsSync(seedsDir)) for (const f of readdirSync(seedsDir).filter((x) => x.endsWith('.txt'))) sources.push(readFileSync(join(seedsDir, f), 'utf8'));
else sources.push(generatedDocument(60_000));
const chunks = [];
for (const s of sources) {
  const paras = s.split(/\n\s*\n/);
  for (let i = 0; i < paras.length; i += 6) chunks.push(paras.slice(i, i + 6).join('\n\n'));
}
const files = quick ? 400 : 2000;
let bytes = 0;
for (let i = 0; i < files; i++) {
  const dir = join(corpus, `d${i % 20}`);
  mkdirSync(dir, { recursive: true });
  const text = `${chunks[(i * 13 + 5) % chunks.length]}\n`;
  bytes += Buffer.byteLength(text);
  writeFileSync(join(dir, `doc${i}.${i % 3 === 0 ? 'txt' : 'md'}`), text);
}
const cli = join(root, 'cli', 'bin', 'fairword.js');
const alexBin = join(root, 'node_modules', 'alex', 'cli.js');
const timeCommand = (cmd, argv, runs) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r = spawnSync(cmd, argv, { cwd: corpus, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    if (r.error) throw r.error;
    times.push(performance.now() - s);
  }
  return median(times);
};
const fwMs = timeCommand(process.execPath, [cli, '--format', 'json', '.'], quick ? 1 : 3);
const alexMs = timeCommand(process.execPath, [alexBin, '.'], 1);
out(`   corpus: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
out(`   fairword ${fmt(fwMs).padStart(10)}   alex ${fmt(alexMs).padStart(10)}`);
out(`   → fairword is ${ratio(alexMs, fwMs)} faster than alex's CLI (target ≥ 10×)`);
results.figures.cli = { files, bytes, fairwordMs: fwMs, alexMs, speedup: alexMs / fwMs };
rmSync(corpus, { recursive: true, force: true });
out();

// ---------------------------------------------------------------- 4. language server
out('4. Language server');
const serverPath = join(root, 'client', 'dist', 'server.cjs');
const advert = readFileSync(join(root, 'examples', 'job-advert.md'), 'utf8');
const lsp = await measureServer(serverPath, advert, quick ? 50 : 200, race);
out(`   spawn → first diagnostics for a two-page advert: ${fmt(lsp.firstDiagnosticsMs)} (target ≤ 300 ms)`);
out(`   resident memory with ${lsp.documents} open documents: ${lsp.rssMb.toFixed(0)} MB (target ≤ 150 MB)`);
results.figures.server = lsp;
out();
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify(results, null, 2));
  out(`figures written to ${jsonOut}`);
}
if (sink < 0) out(String(sink));

/** Speaks just enough LSP over stdio to time the first diagnostics and read the server's memory. */
async function measureServer(path, firstText, docs, bigText) {
  const start = performance.now();
  const child = spawn(process.execPath, [path, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  let buffer = Buffer.alloc(0);
  const waiters = [];
  child.stdout.on('data', (d) => {
    buffer = Buffer.concat([buffer, d]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())[1]);
      if (buffer.length < header + 4 + len) return;
      const msg = JSON.parse(buffer.subarray(header + 4, header + 4 + len).toString());
      buffer = buffer.subarray(header + 4 + len);
      for (const w of [...waiters]) if (w.test(msg)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(msg); }
      if (msg.id !== undefined && msg.method) send({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? (msg.params?.items ?? []).map(() => null) : null });
    }
  });
  const send = (m) => {
    const body = Buffer.from(JSON.stringify(m));
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const wait = (test) => new Promise((resolve) => waiters.push({ test, resolve }));
  const initialized = wait((m) => m.id === 1);
  send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } } });
  await initialized;
  send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  const uri = pathToFileURL(join(tmpdir(), 'bench-advert.md')).href;
  const first = wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: firstText } } });
  await first;
  const firstDiagnosticsMs = performance.now() - start;
  const chunk = bigText.slice(0, 20_000);
  for (let i = 0; i < docs; i++) {
    const u = pathToFileURL(join(tmpdir(), `bench-doc-${i}.txt`)).href;
    const done = wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === u);
    send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: u, languageId: 'plaintext', version: 1, text: `${i}\n${chunk}` } } });
    await done;
  }
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  child.kill();
  return { firstDiagnosticsMs, documents: docs, rssMb, documentChars: chunk.length };
}
