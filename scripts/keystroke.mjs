#!/usr/bin/env node
/**
 * What one keystroke costs in a document with very many findings: spawns the built server over stdio, opens a
 * document of one flagged word per line, types three characters at its end and prints, for the open and each
 * keystroke, the diagnostics published, the size of the publishDiagnostics message and the time until
 * `fairword/validated` (docs/reliability.md records the figures).
 *
 * Usage: node scripts/keystroke.mjs [--lines 149000] [--word he/she] [--server client/dist/server.cjs]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const lines = Number(option('--lines', '149000'));
const word = option('--word', 'he/she');
const bundle = option('--server', fileURLToPath(new URL('../client/dist/server.cjs', import.meta.url)));

const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const waiters = [];
let pending = [];
let pendingBytes = 0;
let needed = 0;

// Chunks are joined only once a whole message is there, so a 100 MB message is read in linear time.
child.stdout.on('data', (chunk) => {
  pending.push(chunk);
  pendingBytes += chunk.length;
  if (pendingBytes >= needed) read();
});

function read() {
  let buffer = Buffer.concat(pending, pendingBytes);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    const length = end < 0 ? NaN : Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
    if (end < 0 || buffer.length < end + 4 + length) {
      needed = end < 0 ? 0 : end + 4 + length;
      break;
    }
    const message = JSON.parse(buffer.toString('utf8', end + 4, end + 4 + length));
    message.bytes = length;
    message.at = performance.now();
    buffer = buffer.subarray(end + 4 + length);
    if (message.method && message.id !== undefined) send({ jsonrpc: '2.0', id: message.id, result: null });
    for (const waiter of [...waiters]) {
      if (waiter.matches(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  }
  pending = [buffer];
  pendingBytes = buffer.length;
}

function send(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}

const next = (matches) => new Promise((resolve) => waiters.push({ matches, resolve }));

/** Sends `message` and waits for the diagnostics and validation of `version`; prints what they cost. */
async function measure(label, version, message) {
  const started = performance.now();
  const published = next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === version);
  const validated = next((m) => m.method === 'fairword/validated' && m.params.version === version);
  send(message);
  const [diagnostics, done] = await Promise.all([published, validated]);
  const mb = (diagnostics.bytes / 1e6).toFixed(2);
  console.log(`${label}: ${diagnostics.params.diagnostics.length} diagnostics, message ${mb} MB, ${((done.at - started) / 1000).toFixed(2)} s`);
}

send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0, typingDelayMs: 0 } } });
await next((m) => m.id === 1);
send({ jsonrpc: '2.0', method: 'initialized', params: {} });
const uri = 'untitled:keystroke.md';
const text = `${word}\n`.repeat(lines);
console.log(`${bundle}: ${Buffer.byteLength(text)} bytes, ${lines} lines of "${word}"`);
await measure('open', 1, { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
for (let version = 2; version <= 4; version++) {
  const at = { line: lines, character: version - 2 };
  await measure(`keystroke ${version - 1}`, version, {
    jsonrpc: '2.0',
    method: 'textDocument/didChange',
    params: { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] },
  });
}
child.kill();
