/**
 * The web language server (client/dist/web/server.js) in a real browser: Debian's Chromium, headless, through
 * playwright-core (installed by test/e2e/install.sh). The bundle runs in a Worker of a blank page, and the test
 * speaks LSP to it over postMessage, relayed by the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Disposable, type Message } from 'vscode-languageserver-protocol/node.js';
import type { TestTransport } from '../lsp/client.js';

const E2E = fileURLToPath(new URL('../e2e/package.json', import.meta.url));
const WEB_SERVER = fileURLToPath(new URL('../../client/dist/web/server.js', import.meta.url));
const CHROMIUM = process.env['E2E_CHROMIUM'] ?? '/usr/bin/chromium';

/** What the tests use of playwright-core. */
interface Page {
  exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Starts headless Chromium; fails with a clear message when it or playwright-core is missing. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = createRequire(E2E)('playwright-core') as { chromium: { launch(options: object): Promise<Browser> } };
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** The browser's Worker, as the page uses it (the test project is type-checked without the DOM library). */
declare const Worker: new (url: string, options: { name: string }) => {
  onmessage: (e: { data: unknown }) => void;
  onerror: (e: { message: string; filename: string; lineno: number }) => void;
  postMessage(message: unknown): void;
  terminate(): void;
};

declare const window: {
  fairwordToServer(message: unknown): void;
  fairwordStop(): void;
  fairwordFromServer(message: unknown): void;
  fairwordServerError(message: string): void;
} & typeof globalThis;

/** Loads the web server bundle into a Worker of a new page; the transport speaks LSP to it over postMessage. */
export async function workerServer(browser: Browser): Promise<TestTransport> {
  const page = await browser.newPage();
  let deliver: DataCallback | undefined;
  const early: Message[] = [];
  let failed: ((error: Error) => void) | undefined;
  let errors = '';
  let stopped!: () => void;
  const exited = new Promise<void>((resolve) => (stopped = resolve));
  await page.exposeFunction('fairwordFromServer', (message: Message) => (deliver ? deliver(message) : early.push(message)));
  await page.exposeFunction('fairwordServerError', (message: string) => {
    errors += `${message}\n`;
    failed?.(new Error(`the web worker failed: ${message}`));
  });
  await page.evaluate((code: string) => {
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'Fairword language server' });
    worker.onmessage = (e) => window.fairwordFromServer(e.data);
    worker.onerror = (e) => window.fairwordServerError(`${e.message} (${e.filename}:${e.lineno})`);
    window.fairwordToServer = (message: unknown) => worker.postMessage(message);
    window.fairwordStop = () => worker.terminate();
  }, readFileSync(WEB_SERVER, 'utf8'));

  class Reader extends AbstractMessageReader {
    listen(callback: DataCallback): Disposable {
      deliver = callback;
      for (const message of early.splice(0)) callback(message);
      return { dispose: () => (deliver = undefined) };
    }
  }
  class Writer extends AbstractMessageWriter {
    async write(message: Message): Promise<void> {
      await page.evaluate((m: unknown) => window.fairwordToServer(m), message as unknown);
      // A worker does not end itself after `exit`: the page ends it, as the language client does.
      if ((message as { method?: string }).method === 'exit') {
        await page.evaluate(() => window.fairwordStop(), undefined);
        stopped();
      }
    }
    end(): void {}
  }
  return {
    reader: new Reader(),
    writer: new Writer(),
    exited,
    onExit: (listener) => (failed = listener),
    stderr: () => errors,
  };
}
