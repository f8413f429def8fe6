// Shared machinery of the editor tests in this folder (run.mjs, exthost.mjs): a private code-server
// (VS Code 1.100 in the browser, from this folder's node_modules) on a free loopback port, Debian's
// Chromium through playwright-core, clean-up on exit or signal, and the helpers a scenario uses to
// drive the workbench with the keyboard and read what it shows.
//
// Rule for everything here: never sleep for a fixed time. Wait for a DOM signal (page.waitForFunction),
// an HTTP answer, a process appearing, or a file's content, each with a deadline.

import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';


/**
 * Runs in the page: the lines of the active editor group's editor, or with `file` of the editor group whose open
 * tab is that file, in order from the top.
 */
function editorLinesIn(file) {
  const groups = [...document.querySelectorAll('.editor-group-container')];
  const group = file
    ? groups.find((g) => (g.querySelector('.tab.active')?.getAttribute('aria-label') || '').startsWith(file))
    : document.querySelector('.editor-group-container.active');
  if (!group) return [];
  return [...group.querySelectorAll('.monaco-editor .view-lines .view-line')]
    .map((l) => ({ top: parseFloat(l.style.top) || 0, text: (l.textContent || '').replace(/\u00a0/g, ' ') }))
    .sort((a, b) => a.top - b.top)
    .map((l) => l.text);
}

export const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');
export const CODE_SERVER = join(HERE, 'node_modules/.bin/code-server');
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 60_000);
export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
export const EXTENSION_ID = 'fairword.fairword';

export class AssertionFailure extends Error {}

// ---------------------------------------------------------------------------------------
// Clean-up: run in reverse order, each at most once, on the normal path and on signals.
// ---------------------------------------------------------------------------------------
const cleanups = [];
const servers = new Set(); // code-server children (each leads its own process group)
let tmpToRemove = null;    // last resort for the temp folder if the process exits mid-cleanup
let cleaning = null;

export function onCleanup(fn) { cleanups.push(fn); }
export function runCleanups() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try { await fn(); } catch (e) { console.error(`[e2e] cleanup: ${e.message}`); }
    }
  })();
  return cleaning;
}
// Signal a code-server's whole process group (it forks the VS Code server, extension hosts,
// file watcher and language servers), whether or not its leader is still alive.
function killGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* group gone */ }
}
process.on('exit', () => {
  for (const child of servers) killGroup(child, 'SIGKILL');
  if (tmpToRemove) try { fs.rmSync(tmpToRemove, { recursive: true, force: true }); } catch { /* best effort */ }
});
for (const [sig, num] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.on(sig, async () => {
    console.error(`\n[e2e] ${sig}: cleaning up`);
    await runCleanups();
    process.exit(128 + num);
  });
}

// ---------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------
export function slug(s) { return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60); }

export function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Polls `probe` (sync or async) every `every` ms until it returns something truthy; throws AssertionFailure after `timeout`. */
export async function poll(what, probe, { timeout = TIMEOUT, every = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (true) {
    try { last = await probe(); } catch (e) { last = undefined; if (Date.now() > deadline) throw e; }
    if (last) return last;
    if (Date.now() > deadline) throw new AssertionFailure(`timed out after ${timeout} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** PIDs of running processes whose command line contains `needle` (read from /proc). */
export function pidsMatching(needle) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(needle)) pids.push(Number(entry));
    } catch { /* exited meanwhile */ }
  }
  return pids;
}

// ---------------------------------------------------------------------------------------
// Temp folder, code-server, browser
// ---------------------------------------------------------------------------------------

/** A fresh temp folder with the paths code-server needs; removed at clean-up unless `keep`. */
export function makeContext({ prefix = 'fairword-e2e-', keep = false, env = {} } = {}) {
  const tmp = fs.mkdtempSync(join(os.tmpdir(), prefix));
  if (!keep) tmpToRemove = tmp;
  const ctx = {
    tmp,
    keep,
    config: join(tmp, 'config.yaml'),
    userDataDir: join(tmp, 'user-data'),
    extensionsDir: join(tmp, 'extensions'),
    workspace: join(tmp, 'workspace'),
    installedExtensions: [],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
      XDG_DATA_HOME: join(tmp, 'xdg-data'),
      XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
      // No extension gallery: the machine is offline, and the test must not reach out.
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
      ...env,
    },
  };
  fs.mkdirSync(ctx.workspace, { recursive: true });
  fs.mkdirSync(ctx.extensionsDir, { recursive: true });
  fs.writeFileSync(ctx.config, 'auth: none\n');
  return ctx;
}

/** Removes the temp folder at clean-up (after copying the code-server log to `artifacts`, if given). */
export function cleanupContext(ctx, artifacts) {
  onCleanup(() => {
    if (artifacts && ctx.codeServerLog && fs.existsSync(ctx.codeServerLog)) {
      fs.copyFileSync(ctx.codeServerLog, join(artifacts, ctx.logName || 'code-server.log'));
    }
    if (ctx.keep) console.log(`[e2e] kept ${ctx.tmp}`);
    else fs.rmSync(ctx.tmp, { recursive: true, force: true, maxRetries: 3 });
  });
}

/** User settings: no walkthroughs, tips or update checks; nothing restored from an earlier window. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  // A scenario's unsaved edits must not come back in the next scenario's window.
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
  'workbench.editor.restoreViewState': false,
  // Editor lines are read from the DOM: one model line must be one view line.
  '[markdown]': { 'editor.wordWrap': 'off' },
  'editor.wordWrap': 'off',
};

export function writeUserSettings(ctx, settings) {
  const userDir = join(ctx.userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

export function codeServerCli(args, ctx) {
  const r = spawnSync(CODE_SERVER, [
    '--config', ctx.config, '--user-data-dir', ctx.userDataDir, '--extensions-dir', ctx.extensionsDir, ...args,
  ], { encoding: 'utf8', env: ctx.env, timeout: 120_000 });
  return { status: r.status, out: `${r.stdout || ''}${r.stderr || ''}`.trim(), error: r.error };
}

/** Starts code-server for ctx.workspace; resolves to its URL once /healthz answers. */
export async function startCodeServer(ctx, { logName = 'code-server.log' } = {}) {
  const port = await freePort();
  const logFile = join(ctx.tmp, logName);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(CODE_SERVER, [
    '--config', ctx.config,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', ctx.userDataDir, '--extensions-dir', ctx.extensionsDir,
    ctx.workspace,
  ], { env: ctx.env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  servers.add(child);
  onCleanup(async () => {
    killGroup(child, 'SIGTERM');
    if (child.exitCode === null && child.signalCode === null) {
      let timer;
      await Promise.race([
        new Promise((r) => child.once('exit', r)),
        new Promise((r) => { timer = setTimeout(r, 5000); }),
      ]);
      clearTimeout(timer);
    }
    killGroup(child, 'SIGKILL');
    servers.delete(child); // its process group id is not ours to signal any more
  });
  ctx.codeServerLog = logFile;
  ctx.logName = logName;
  ctx.codeServer = child;
  ctx.port = port;
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + TIMEOUT;
  while (true) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`);
    }
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`code-server not healthy after ${TIMEOUT} ms:\n${tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`[e2e] code-server up on ${url} (pid ${child.pid})`);
  ctx.url = url;
  return url;
}

export async function launchBrowser({ headed = false } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: run test/e2e/install.sh first`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !headed,
    // Our own signal handlers close the browser and code-server and remove the temp folder.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  onCleanup(() => Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10_000))]));
  return browser;
}

/**
 * Closes a window the way a person does, so VS Code shuts its extension host (and our language
 * server) down at once instead of keeping it for a reconnection: navigate away, accepting the
 * "unsaved changes" prompt, then close the browser context.
 */
export async function closeWindow(context, page) {
  try {
    page.on('dialog', (d) => d.accept().catch(() => {}));
    await page.goto('about:blank', { timeout: 15_000 });
  } catch { /* the context goes anyway */ }
  await context.close().catch(() => {});
}

// ---------------------------------------------------------------------------------------
// Helpers handed to each scenario
// ---------------------------------------------------------------------------------------


export function makeHelpers(ctx, page, { shotsDir, prefix }) {
  let step = 0;
  const t = {
    ctx, page,
    log: (m) => console.log(`    ${m}`),
    assert(cond, message) { if (!cond) throw new AssertionFailure(message); },
    assertEqual(actual, expected, what) {
      const a = JSON.stringify(actual), e = JSON.stringify(expected);
      if (a !== e) throw new AssertionFailure(`${what}:\n      expected ${e}\n      actual   ${a}`);
    },
    async shot(label) {
      step += 1;
      const file = join(shotsDir, `${prefix}-${String(step).padStart(2, '0')}-${slug(label)}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    // Wait until fn (run in the page) returns something truthy; fail with `what` on timeout.
    async waitFor(what, fn, arg, timeout = TIMEOUT) {
      try {
        const h = await page.waitForFunction(fn, arg, { timeout, polling: 100 });
        return await h.jsonValue();
      } catch (e) {
        if (/Timeout/i.test(e.message)) throw new AssertionFailure(`timed out after ${timeout} ms waiting for: ${what}`);
        throw e;
      }
    },
    async focusWorkbench() {
      // Keyboard input reaches the workbench only after a click into it. The status bar between its left and
      // right items is empty, so a click there changes nothing else.
      const bar = page.locator('.monaco-workbench .part.statusbar');
      const box = await bar.boundingBox();
      const gap = await page.evaluate(() => {
        const edges = (side) => [...document.querySelectorAll(`.part.statusbar .${side}-items .statusbar-item`)]
          .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
        const left = Math.max(0, ...edges('left').map((r) => r.right));
        const right = Math.min(window.innerWidth, ...edges('right').map((r) => r.left));
        return { left, right };
      });
      if (gap.right - gap.left < 4) throw new AssertionFailure(`no empty place in the status bar to click (${JSON.stringify(gap)})`);
      await bar.click({ position: { x: Math.round((gap.left + gap.right) / 2 - box.x), y: Math.round(box.height / 2) } });
    },
    async quickInput(keys, text, wantRow) {
      await t.focusWorkbench();
      await page.keyboard.press(keys);
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: TIMEOUT });
      await input.fill(text);
      // Wait until the list shows the row we want, then take it.
      await t.waitFor(`quick input row "${wantRow}"`, (want) => {
        const rows = [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')];
        const first = rows[0];
        return !!first && (first.getAttribute('aria-label') || first.textContent || '').toLowerCase().includes(want.toLowerCase());
      }, wantRow);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
    },
    // Quick Open (Ctrl+P), type the file name, Enter; wait for its tab and editor.
    async openFile(fileName) {
      await t.quickInput('Control+P', fileName, fileName);
      await t.waitForActiveTab(fileName);
    },
    async waitForActiveTab(label) {
      await t.waitFor(`active editor tab "${label}"`, (n) => {
        const tab = document.querySelector('.editor-group-container.active .tabs-container .tab.active');
        return !!tab && (tab.getAttribute('aria-label') || tab.textContent || '').includes(n)
          && !!document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
      }, label);
    },
    // Command palette (Ctrl+Shift+P) by the command's label as shown.
    async runCommand(label) {
      await t.quickInput('Control+Shift+P', `>${label}`, label);
    },
    // The lines of the active text editor as shown (small documents only: the view is virtual).
    // The lines of the active editor group, or with `file` of the group whose open tab is that file (a click in a
    // webview beside it, such as the report, makes the webview's group the active one).
    async editorLines(file) {
      return page.evaluate(editorLinesIn, file ?? null);
    },
    async waitForEditorText(text) {
      await t.waitFor(`editor text "${text}"`, (want) => {
        const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
        return !!lines && lines.textContent.replace(/\u00a0/g, ' ').includes(want);
      }, text);
    },
    // Wait until the active editor shows exactly these lines (trailing empty line included if expected).
    async waitForEditorLines(expected, { file } = {}) {
      try {
        // An expression, so that the page reads the lines with the same function as editorLines.
        const same = `JSON.stringify((${editorLinesIn})(${JSON.stringify(file ?? null)})) === ${JSON.stringify(JSON.stringify(expected))}`;
        await t.waitFor(`editor lines ${JSON.stringify(expected)}${file ? ` in ${file}` : ''}`, same);
      } catch (e) {
        if (e instanceof AssertionFailure) e.message += `\n  editor showed: ${JSON.stringify(await t.editorLines(file).catch(() => []))}`;
        throw e;
      }
    },
    // The status bar's cursor item, e.g. "Ln 3, Col 40" or "Ln 9, Col 5 (17 selected)".
    async cursorStatus() {
      return page.evaluate(() => (document.getElementById('status.editor.selection')?.textContent || '').replace(/\u00a0/g, ' ').trim());
    },
    async waitForCursor(text) {
      try {
        return await t.waitFor(`status bar cursor "${text}"`, (want) => {
          const s = (document.getElementById('status.editor.selection')?.textContent || '').replace(/\u00a0/g, ' ').trim();
          return s === want ? s : false;
        }, text);
      } catch (e) {
        if (e instanceof AssertionFailure) e.message += `\n  status bar showed: "${await t.cursorStatus()}"`;
        throw e;
      }
    },
    // Go to Line/Column (Ctrl+G), 1-based as the status bar counts.
    async gotoPosition(line, column) {
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: TIMEOUT });
      await input.fill(`:${line}:${column}`);
      await t.waitFor('go-to-line preview', (want) => {
        const w = document.querySelector('.quick-input-widget');
        return !!w && (w.textContent || '').replace(/\u00a0/g, ' ').includes(want);
      }, `line ${line} and character ${column}`);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
      await t.waitForCursor(`Ln ${line}, Col ${column}`);
    },
    // Ctrl+. at the cursor, once; resolves to the titles of the actions listed (headers left out), or fails
    // quoting what the editor showed instead ("No code actions available"). Asked only once on purpose: an
    // empty menu right after a settings change was a race in the server, and this test must catch it again.
    // VS Code has a race of its own here (code-server 4.100, VS Code 1.100): after a quick fix picked from a Ctrl+.
    // menu it asks for the actions again, and, the menu having been a Ctrl+. one, puts that answer in place 500 ms
    // later, cancelling any Ctrl+. made meanwhile whose answer has not arrived; that one then says "No code
    // actions available". A scenario asking with Ctrl+. soon after picking a quick fix picks it from the light bulb.
    async openQuickFixes() {
      await page.keyboard.press('Control+.');
      const handle = await page.waitForFunction(() => {
        const w = document.querySelector('.action-widget');
        const rows = w && w.offsetParent !== null ? [...w.querySelectorAll('.monaco-list-row.action')] : [];
        if (rows.length) return { titles: rows.map((r) => (r.querySelector('.title')?.textContent || r.getAttribute('aria-label') || r.textContent || '').replace(/\u00a0/g, ' ').trim()) };
        const m = [...document.querySelectorAll('.monaco-editor-overlaymessage')].find((e) => e.textContent.trim());
        return m ? { message: m.textContent.trim() } : false;
      }, undefined, { timeout: TIMEOUT, polling: 100 }).catch(() => undefined);
      const result = handle ? await handle.jsonValue() : undefined;
      if (result?.titles) return result.titles;
      const shown = result?.message ? `"${result.message}"` : `nothing within ${TIMEOUT} ms`;
      throw new AssertionFailure(`Ctrl+. showed ${shown} instead of the quick fix menu (cursor: ${await t.cursorStatus()})`);
    },
    // Opens the quick fix menu from the light bulb at (line, column), as a mouse user does, and resolves to its titles.
    // The cursor is first parked on `emptyLine` (an empty line has no actions), so the light bulb that then shows is
    // the one for (line, column). A quick fix picked from this menu is followed at once by VS Code's own
    // re-request of the actions; picked from a Ctrl+. menu, that re-request lands 500 ms later (see openQuickFixes).
    async openLightBulbMenu(line, column, { emptyLine }) {
      if (column < 2) throw new Error('openLightBulbMenu moves onto its column with the right arrow: give a column after the first');
      const bulb = '.editor-group-container.active .monaco-editor .lightBulbWidget';
      await t.gotoPosition(emptyLine, 1);
      await t.waitFor(`no light bulb on the empty line ${emptyLine}`, (sel) => {
        const b = document.querySelector(sel);
        return !b || b.offsetParent === null || getComputedStyle(b).visibility === 'hidden';
      }, bulb);
      // The last step is a key press in the editor. Go to Line moves the cursor while its box holds the keyboard focus,
      // and VS Code hides a light bulb whose actions arrive while the editor has no text focus, and does not show it
      // again when the focus comes back (2 runs in 8 on desktop waited in vain for the light bulb).
      await t.gotoPosition(line, column - 1);
      await page.keyboard.press('ArrowRight');
      await t.waitForCursor(`Ln ${line}, Col ${column}`);
      await t.waitFor(`the light bulb for line ${line}, column ${column}`, (sel) => {
        const b = document.querySelector(sel);
        return !!b && b.offsetParent !== null && getComputedStyle(b).visibility !== 'hidden';
      }, bulb);
      await page.locator(bulb).click();
      return t.waitFor('the quick fix menu from the light bulb', () => {
        const w = document.querySelector('.action-widget');
        const rows = w && w.offsetParent !== null ? [...w.querySelectorAll('.monaco-list-row.action')] : [];
        return rows.length > 0 && rows.map((r) => (r.querySelector('.title')?.textContent || r.getAttribute('aria-label') || '').replace(/\u00a0/g, ' ').trim());
      });
    },
    // Picks an action of the open quick fix menu with the keyboard (arrow keys, then Enter), as the
    // menu's pointer guard swallows synthetic clicks.
    async chooseQuickFix(title) {
      const focused = () => page.evaluate(() => document.querySelector('.action-widget .monaco-list-row.action.focused')?.getAttribute('aria-label') ?? null);
      const labels = await page.evaluate(() => [...document.querySelectorAll('.action-widget .monaco-list-row.action')].map((r) => r.getAttribute('aria-label')));
      if (!labels.includes(title)) throw new AssertionFailure(`quick fix "${title}" not in the menu: ${JSON.stringify(labels)}`);
      for (let i = 0; i <= labels.length; i += 1) {
        const now = await focused();
        if (now === title) break;
        await page.keyboard.press('ArrowDown');
        await t.waitFor('quick fix focus to move', (was) =>
          (document.querySelector('.action-widget .monaco-list-row.action.focused')?.getAttribute('aria-label') ?? null) !== was, now);
      }
      if ((await focused()) !== title) throw new AssertionFailure(`could not focus quick fix "${title}"`);
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
    },
    // Visible notification toasts, as text.
    async notifications() {
      return page.evaluate(() => [...document.querySelectorAll('.notifications-toasts .notification-toast .notification-list-item-message')]
        .map((n) => (n.textContent || '').replace(/\u00a0/g, ' ').trim()));
    },
    async waitForNotification(text) {
      try {
        return await t.waitFor(`notification "${text}"`, (want) => [...document.querySelectorAll('.notifications-toasts .notification-list-item-message')]
          .map((n) => (n.textContent || '').replace(/\u00a0/g, ' ').trim()).find((m) => m === want), text);
      } catch (e) {
        if (e instanceof AssertionFailure) e.message += `\n  notifications: ${JSON.stringify(await t.notifications().catch(() => []))}`;
        throw e;
      }
    },
    async openProblems() {
      await t.focusWorkbench();
      await page.keyboard.press('Control+Shift+M');
      await t.waitFor('Problems panel', () => {
        const p = document.querySelector('.markers-panel');
        return !!p && p.offsetParent !== null;
      });
    },
    // Text of the rows in the Problems panel (file rows and problem rows).
    async problemRows() {
      return page.evaluate(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')]
        .map((r) => (r.getAttribute('aria-label') || r.textContent || '').replace(/\s+/g, ' ').trim()));
    },
    // Type into the Problems panel's filter box ('' clears it). The list is virtual: only
    // rows that fit in the panel are in the DOM, so filter (or maximizePanel) to see more.
    async filterProblems(text) {
      const input = page.locator('.part.panel input[aria-label="Filter Problems"]');
      await input.fill(text);
    },
    // Maximize the panel (on = true) or give the editor back its room (on = false).
    async maximizePanel(on = true) {
      const isOn = () => page.evaluate(() => document.querySelector('.monaco-workbench').classList.contains('nomaineditorarea'));
      if ((await isOn()) === on) return;
      await t.runCommand('View: Toggle Maximized Panel');
      await t.waitFor(`panel ${on ? 'maximized' : 'restored'}`, (want) =>
        document.querySelector('.monaco-workbench').classList.contains('nomaineditorarea') === want, on);
    },
    // Wait until the Problems panel shows problem rows containing every `expected` text and none
    // of the `absent` texts (and at least `min`, or with `count` exactly that many, problem rows;
    // with `file`, counting only rows under that file, which the panel's filter is set to show:
    // `**/<file>`). Resolves to the problem rows' texts.
    async waitForProblems(expected, { file, min = expected.length || 1, count, absent = [] } = {}) {
      await t.filterProblems(file ? `**/${file}` : '');
      try {
        return await t.waitFor(`problems ${JSON.stringify(expected)}${absent.length ? ` without ${JSON.stringify(absent)}` : ''}${count !== undefined ? ` (exactly ${count})` : ''}${file ? ` in ${file}` : ''}`,
          ({ expected, file, min, count, absent }) => {
            const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')];
            const problems = [];
            let inFile = !file;
            for (const r of rows) {
              const text = (r.getAttribute('aria-label') || r.textContent || '').replace(/\s+/g, ' ').trim();
              const fileLabel = r.querySelector('.resource-label-container .monaco-icon-label');
              if (fileLabel) {
                // A file row: "N problems in file NAME of folder F" (NAME is what the tab shows: the
                // base name, or "Untitled-1"); its label's aria-label is the file's path.
                const name = (/ in file (.+) of folder /.exec(r.getAttribute('aria-label') || '') || [])[1];
                const path = fileLabel.getAttribute('aria-label') || '';
                inFile = !file || name === file || path === file || path.endsWith(`/${file}`);
                continue;
              }
              if (inFile) problems.push(text);
            }
            if (count !== undefined ? problems.length !== count : problems.length < min) return false;
            if (absent.some((a) => problems.some((p) => p.includes(a)))) return false;
            return expected.every((e) => problems.some((p) => p.includes(e))) ? problems : false;
          }, { expected, file, min, count, absent });
      } catch (e) {
        if (e instanceof AssertionFailure) {
          const rows = await t.problemRows().catch(() => []);
          e.message += `\n  Problems panel had ${rows.length} row(s):\n    ${rows.join('\n    ') || '(none)'}`;
        }
        throw e;
      }
    },
    // The status bar's problems item, e.g. { errors: 0, warnings: 2, infos: 6 }.
    async problemCounts() {
      return page.evaluate(() => {
        const item = document.getElementById('status.problems');
        const label = item?.querySelector('a')?.getAttribute('aria-label') || item?.getAttribute('aria-label') || '';
        const n = (re) => Number((re.exec(label) || [])[1] || 0);
        return { errors: n(/Errors?:\s*(\d+)/i), warnings: n(/Warnings?:\s*(\d+)/i), infos: n(/Infos?:\s*(\d+)/i), label };
      });
    },
    // Waits until the status bar's problems item reads exactly `label` ("Warnings: 2, Infos: 5").
    async waitForProblemCounts(label) {
      try {
        await t.waitFor(`VS Code's problems item to say "${label}"`, (want) => {
          const item = document.getElementById('status.problems');
          return (item?.querySelector('a')?.getAttribute('aria-label') || item?.getAttribute('aria-label') || '') === want;
        }, label);
      } catch (e) {
        if (e instanceof AssertionFailure) e.message += `\n  it said: "${(await t.problemCounts()).label}"`;
        throw e;
      }
    },
    // The editor hover that is showing, once it has a row containing `text`: its rows as VS Code lays them out
    // (the diagnostics under the mouse first, each with its code link, then the hover providers' Markdown),
    // as { kind: 'marker' | 'markdown', text, links: [{ text, href }] }.
    async readHover(text) {
      return t.waitFor(`hover showing "${text}"`, (want) => {
        const h = [...document.querySelectorAll('.monaco-editor .monaco-hover')].find((e) => e.offsetParent !== null && e.innerText.includes(want));
        if (!h) return false;
        const clean = (text) => text.replace(/\u00a0/g, ' ').trim();
        return [...h.querySelectorAll('.hover-row')].filter((r) => !r.classList.contains('status-bar')).map((r) => {
          const marker = r.querySelector('.marker');
          return {
            kind: marker ? 'marker' : 'markdown',
            // A diagnostic: its message, then its source and code ("fairword young"); Markdown: its lines.
            text: marker
              ? [...marker.children].map((c) => clean([...c.childNodes].map((n) => n.textContent).join(' '))).filter(Boolean)
              : r.innerText.split('\n').map(clean).filter(Boolean),
            links: [...r.querySelectorAll('a')].map((a) => ({ text: a.textContent.trim(), href: a.dataset.href || a.getAttribute('href') || '' })),
          };
        });
      }, text);
    },
    // Shows the hover at the cursor (Ctrl+K Ctrl+I) and reads it (see readHover).
    async hoverAtCursor(text) {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      return t.readHover(text);
    },
    // The Fairword status bar item's text once it starts with `prefix` (default: any checked state).
    async fairwordStatus(prefix = 'Fairword: ') {
      try {
        return await t.waitFor(`Fairword status item "${prefix}…"`, (want) => {
          const item = [...document.querySelectorAll('.part.statusbar .statusbar-item')].find((e) => (e.textContent || '').trim().startsWith('Fairword:'));
          const text = item && (item.textContent || '').replace(/\u00a0/g, ' ').trim();
          return text && text.startsWith(want) && !text.startsWith('Fairword: checking') ? text : false;
        }, prefix);
      } catch (e) {
        if (e instanceof AssertionFailure) e.message += `\n  status bar: ${JSON.stringify(await page.evaluate(() => [...document.querySelectorAll('.part.statusbar .statusbar-item')].map((i) => i.textContent.trim()).filter(Boolean)))}`;
        throw e;
      }
    },
    // Rests the mouse on the Fairword status item and reads its tooltip, once it has faded in: its paragraphs and links.
    async fairwordStatusTooltip() {
      const item = page.locator('.part.statusbar .statusbar-item', { hasText: 'Fairword:' }).first();
      await item.hover();
      return t.waitFor('the Fairword status item tooltip, fully shown', () => {
        const hover = [...document.querySelectorAll('.workbench-hover, .monaco-hover')].find((h) => h.offsetParent !== null && h.innerText.includes('Fairword checked this'));
        if (!hover) return false;
        for (let e = hover; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false;
        return {
          paragraphs: [...hover.querySelectorAll('p')].map((p) => p.innerText.replace(/\u00a0/g, ' ').trim()).filter(Boolean),
          links: [...hover.querySelectorAll('a')].map((a) => a.textContent.trim()),
        };
      });
    },
    // Polls every frame of the page (webviews are nested iframes) until fn(frame document) is truthy there.
    async waitForFrame(what, fn, arg) {
      return poll(what, async () => {
        for (const frame of page.frames()) {
          try {
            if (await frame.evaluate(fn, arg)) return frame;
          } catch { /* frame navigating or detached */ }
        }
        return undefined;
      });
    },
  };
  return t;
}


