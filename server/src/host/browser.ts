/**
 * The Fairword language server in a browser: a web worker started by the web extension (vscode.dev, github.dev,
 * code-server's web worker extension host). It talks LSP over postMessage and reads files by asking the client.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import type { Clock } from '../clock.js';
import { createServer } from '../server.js';
import { LifecycleReader } from './lifecycle.js';

declare const self: DedicatedWorkerGlobalScope;

/** Timers of the worker; `yield` goes through a MessageChannel, which browsers do not slow down as they do nested timers. */
function workerClock(): Clock {
  const waiting: Array<() => void> = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as number),
    yield: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      }),
  };
}

const writer = new BrowserMessageWriter(self);
const connection = createConnection(new LifecycleReader(new BrowserMessageReader(self), writer), writer);
createServer(connection, { clock: workerClock() });
connection.listen();
