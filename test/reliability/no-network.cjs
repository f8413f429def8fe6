/**
 * Preload (`node --require test/reliability/no-network.cjs`, or through NODE_OPTIONS) that makes every way
 * Node has to reach the network throw, and records each attempt. Used by network.test.ts on the CLI and the
 * language server.
 *
 * FAIRWORD_NET_LOG names a file: the preload appends one JSON line when it loads ({"loaded": pid}) and one per
 * attempt ({"call": "net.connect", "args": "..."}), so a test can tell "no attempt" from "preload never ran".
 * Sockets over local pipes (LSP --node-ipc, --pipe) would still be recorded: nothing here is allowed through.
 */
'use strict';
const fs = require('node:fs');

const log = process.env.FAIRWORD_NET_LOG;
const write = (entry) => {
  if (!log) return;
  try {
    fs.appendFileSync(log, `${JSON.stringify({ pid: process.pid, thread: require('node:worker_threads').threadId, ...entry })}\n`);
  } catch {
    // Never let the recorder itself break the program under test.
  }
};

const describe = (args) => {
  try {
    return JSON.stringify(args, (_k, v) => (typeof v === 'function' ? '[function]' : v)).slice(0, 300);
  } catch {
    return String(args[0]).slice(0, 300);
  }
};

function blocked(name) {
  return function blockedNetworkCall(...args) {
    write({ call: name, args: describe(args) });
    throw new Error(`fairword no-network preload: ${name} was called`);
  };
}

function patch(object, key, name) {
  if (object && typeof object[key] === 'function') object[key] = blocked(name);
}

const net = require('node:net');
patch(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
patch(net, 'connect', 'net.connect');
patch(net, 'createConnection', 'net.createConnection');

const tls = require('node:tls');
patch(tls, 'connect', 'tls.connect');

for (const mod of ['http', 'https']) {
  const m = require(`node:${mod}`);
  patch(m, 'request', `${mod}.request`);
  patch(m, 'get', `${mod}.get`);
}
const http2 = require('node:http2');
patch(http2, 'connect', 'http2.connect');

const dns = require('node:dns');
for (const key of Object.keys(dns)) {
  if (/^(lookup|lookupService|resolve\w*|reverse)$/.test(key)) patch(dns, key, `dns.${key}`);
}
if (dns.promises) {
  for (const key of Object.keys(dns.promises)) {
    if (/^(lookup|lookupService|resolve\w*|reverse)$/.test(key)) patch(dns.promises, key, `dns.promises.${key}`);
  }
}
if (dns.Resolver) {
  for (const key of Object.getOwnPropertyNames(dns.Resolver.prototype)) {
    if (/^(resolve\w*|reverse)$/.test(key)) patch(dns.Resolver.prototype, key, `dns.Resolver.prototype.${key}`);
  }
}

const dgram = require('node:dgram');
patch(dgram, 'createSocket', 'dgram.createSocket');

if (typeof globalThis.fetch === 'function') globalThis.fetch = blocked('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = blocked('WebSocket');

// Make `import { connect } from 'node:net'` in ES modules see the patched functions too.
require('node:module').syncBuiltinESMExports();

write({ loaded: process.argv.slice(1).join(' ').slice(0, 200) });
