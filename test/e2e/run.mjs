#!/usr/bin/env node
// End-to-end tests for the packaged Fairword extension: installs the VSIX into a real
// VS Code (code-server, from this folder's node_modules), opens a workspace in Debian's
// Chromium through playwright-core, and drives it with the keyboard as a person would.
//
//   node test/e2e/run.mjs [path/to/fairword.vsix]   (default: ../../fairword.vsix)
//   options: --no-vsix        run only the scenarios that need no extension
//            --only <text>    run only scenarios whose name contains <text> (repeatable)
//            --keep           keep the temp folder (user data, logs, workspace)
//            --headed         show the browser (needs a display)
//   env:     E2E_TIMEOUT_MS   how long one wait for a DOM signal may take (default 60000)
//            E2E_CHROMIUM     browser executable (default /usr/bin/chromium)
//            E2E_ARTIFACTS    where screenshots and logs go (default test/e2e/screenshots)
//
// Screenshots of every step land in test/e2e/screenshots/ (git-ignored; cleared at start), with the
// code-server log. The last line is "e2e: N passed, N failed"; exit code 0 only if all passed.
//
// Add a scenario with `scenario(name, { extension }, async (t) => { ... })` below; `t` has
// the helpers (openFile, runCommand, openProblems, waitForProblems, shot, assert, ...).
// Never sleep for a fixed time: wait for a DOM signal with t.waitFor / page.waitForFunction.

import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const CODE_SERVER = join(HERE, 'node_modules/.bin/code-server');
const SHOTS = resolve(process.env.E2E_ARTIFACTS || join(HERE, 'screenshots'));
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 60_000);
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const EXTENSION_ID = 'fairword.fairword';

// A document whose findings are known from rules/data (gender.yml, age.yml).
const FIXTURE_NAME = 'e2e-advert.md';
const FIXTURE_TEXT = '# Sales job\n\nWe are looking for a young, energetic salesman.\n';
const FIXTURE_EXPECT = [
  "'salesman' suggests the job is for one sex",
  "'young' tells older applicants they are not wanted",
];

// ---------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------
const scenarios = [];
function scenario(name, opts, fn) {
  scenarios.push({ name, extension: !!opts.extension, fn });
}

scenario('workbench opens and a file opens', { extension: false }, async (t) => {
  await t.openFile(FIXTURE_NAME);
  await t.waitForEditorText('young, energetic salesman');
  await t.shot('file open');
});

scenario('extension is installed and activates', { extension: true }, async (t) => {
  const listed = t.ctx.installedExtensions;
  t.assert(listed.some((l) => l.toLowerCase().startsWith(EXTENSION_ID)),
    `code-server --list-extensions does not list ${EXTENSION_ID}: ${JSON.stringify(listed)}`);
  await t.openFile(FIXTURE_NAME);
  // The command palette has Fairword's commands once the workbench knows the extension;
  // running one activates it, and its output channel shows.
  await t.runCommand('Fairword: Show output');
  await t.waitFor('Output panel showing the Fairword channel', () =>
    [...document.querySelectorAll('.part.panel select.monaco-select-box')]
      .some((s) => s.offsetParent !== null && s.selectedOptions[0]?.text === 'Fairword'));
  await t.shot('output channel');
});

scenario('problems listed for a job advert', { extension: true }, async (t) => {
  await t.openFile(FIXTURE_NAME);
  await t.openProblems();
  const rows = await t.waitForProblems(FIXTURE_EXPECT);
  t.log(`problems: ${rows.length}\n    ${rows.join('\n    ')}`);
  await t.shot('problems');
});

scenario('example documents get findings', { extension: true }, async (t) => {
  const examples = t.ctx.exampleFiles;
  t.assert(examples.length > 0, 'no files copied from examples/');
  for (const name of examples) {
    await t.openFile(name);
    await t.openProblems();
    const rows = await t.waitForProblems([], { file: name, min: 1 });
    t.log(`${name}: ${rows.length} problem row(s)`);
    await t.shot(`problems ${name}`);
  }
});

// ---------------------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------------------
class AssertionFailure extends Error {}

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'no-vsix': { type: 'boolean', default: false },
    only: { type: 'string', multiple: true, default: [] },
    keep: { type: 'boolean', default: false },
    headed: { type: 'boolean', default: false },
  },
});
const vsixPath = resolve(positionals[0] || process.env.FAIRWORD_VSIX || join(REPO, 'fairword.vsix'));

const cleanups = [];   // run in reverse order, each at most once
let codeServer = null; // child process (own process group)
// Signal code-server's whole process group (it forks the VS Code server, extension
// host, file watcher, language servers), whether or not its leader is still alive.
function killCodeServer(signal = 'SIGKILL') {
  if (codeServer) {
    try { process.kill(-codeServer.pid, signal); } catch { /* group gone */ }
  }
}
let tmpToRemove = null; // last resort for the temp folder if the process exits mid-cleanup
process.on('exit', () => {
  killCodeServer('SIGKILL');
  if (tmpToRemove) try { fs.rmSync(tmpToRemove, { recursive: true, force: true }); } catch { /* best effort */ }
});
for (const [sig, num] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.on(sig, async () => {
    console.error(`\n[e2e] ${sig}: cleaning up`);
    await runCleanups();
    process.exit(128 + num);
  });
}
let cleaning = null; // one cleanup run, shared by the normal path and signal handlers
function runCleanups() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try { await fn(); } catch (e) { console.error(`[e2e] cleanup: ${e.message}`); }
    }
  })();
  return cleaning;
}

function log(msg) { console.log(`[e2e] ${msg}`); }
function slug(s) { return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60); }

function freePort() {
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

function codeServerCli(args, ctx) {
  const r = spawnSync(CODE_SERVER, [
    '--config', ctx.config, '--user-data-dir', ctx.userDataDir, '--extensions-dir', ctx.extensionsDir, ...args,
  ], { encoding: 'utf8', env: ctx.env, timeout: 120_000 });
  return { status: r.status, out: `${r.stdout || ''}${r.stderr || ''}`.trim(), error: r.error };
}

async function startCodeServer(ctx) {
  const port = await freePort();
  const logFile = join(ctx.tmp, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  codeServer = spawn(CODE_SERVER, [
    '--config', ctx.config,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', ctx.userDataDir, '--extensions-dir', ctx.extensionsDir,
    ctx.workspace,
  ], { env: ctx.env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  cleanups.push(async () => {
    killCodeServer('SIGTERM');
    if (codeServer.exitCode === null && codeServer.signalCode === null) {
      let timer;
      await Promise.race([
        new Promise((r) => codeServer.once('exit', r)),
        new Promise((r) => { timer = setTimeout(r, 5000); }),
      ]);
      clearTimeout(timer);
    }
    killCodeServer('SIGKILL');
    codeServer = null; // its process group id is not ours to signal any more
  });
  ctx.codeServerLog = logFile;
  const url = `http://127.0.0.1:${port}`;
  // Wait for the health endpoint (poll an HTTP signal; give up after TIMEOUT or if it exits).
  const deadline = Date.now() + TIMEOUT;
  while (true) {
    if (codeServer.exitCode !== null || codeServer.signalCode !== null) {
      throw new Error(`code-server exited (${codeServer.exitCode ?? codeServer.signalCode}):\n${tail(logFile)}`);
    }
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`code-server not healthy after ${TIMEOUT} ms:\n${tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`code-server up on ${url} (pid ${codeServer.pid})`);
  return url;
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

function prepareWorkspace(ctx) {
  fs.mkdirSync(ctx.workspace, { recursive: true });
  const examplesDir = join(REPO, 'examples');
  ctx.exampleFiles = [];
  if (fs.existsSync(examplesDir)) {
    for (const name of fs.readdirSync(examplesDir)) {
      const src = join(examplesDir, name);
      if (!fs.statSync(src).isFile()) continue;
      fs.copyFileSync(src, join(ctx.workspace, name));
      if (/\.(md|markdown|txt)$/i.test(name)) ctx.exampleFiles.push(name);
    }
  }
  if (!ctx.exampleFiles.includes('job-advert.md')) {
    // examples/ not written yet: stand in with a known advert.
    fs.writeFileSync(join(ctx.workspace, 'job-advert.md'), 'We are looking for a young, energetic salesman.\n');
    ctx.exampleFiles.push('job-advert.md');
  }
  fs.writeFileSync(join(ctx.workspace, FIXTURE_NAME), FIXTURE_TEXT);
  // User settings: no walkthroughs, tips or update checks; keep the run quiet and steady.
  const userDir = join(ctx.userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(join(userDir, 'settings.json'), JSON.stringify({
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
  }, null, 2));
}

// Helpers handed to each scenario.
function makeHelpers(ctx, page, index, name) {
  let step = 0;
  const prefix = `${String(index + 1).padStart(2, '0')}-${slug(name)}`;
  const t = {
    ctx, page,
    log: (m) => console.log(`    ${m}`),
    assert(cond, message) { if (!cond) throw new AssertionFailure(message); },
    async shot(label) {
      step += 1;
      const file = join(SHOTS, `${prefix}-${String(step).padStart(2, '0')}-${slug(label)}.png`);
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
      // Keyboard input reaches the workbench only after a click into it. The middle of the
      // status bar is empty (items sit at its two ends), so the click changes nothing else.
      const bar = page.locator('.monaco-workbench .part.statusbar');
      const box = await bar.boundingBox();
      await bar.click({ position: { x: Math.round(box.width / 2), y: Math.round(box.height / 2) } });
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
      await t.waitFor(`editor tab for ${fileName}`, (n) => {
        const tab = document.querySelector('.tabs-container .tab.active');
        return !!tab && (tab.getAttribute('aria-label') || tab.textContent || '').includes(n)
          && !!document.querySelector('.editor-instance .monaco-editor .view-lines');
      }, fileName);
    },
    // Command palette (Ctrl+Shift+P) by the command's label as shown.
    async runCommand(label) {
      await t.quickInput('Control+Shift+P', `>${label}`, label);
    },
    async waitForEditorText(text) {
      await t.waitFor(`editor text "${text}"`, (want) => {
        const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
        return !!lines && lines.textContent.replace(/\u00a0/g, ' ').includes(want);
      }, text);
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
    // Wait until the Problems panel shows problem rows containing every expected text
    // (and at least `min` problem rows; with `file`, counting only rows under that file,
    // which the panel's filter is set to show: `**/<file>`).
    async waitForProblems(expected, { file, min = expected.length || 1 } = {}) {
      await t.filterProblems(file ? `**/${file}` : '');
      try {
        return await t.waitFor(`problems ${JSON.stringify(expected)}${file ? ` in ${file}` : ''}`, ({ expected, file, min }) => {
          const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')];
          const problems = [];
          let inFile = !file;
          for (const r of rows) {
            const text = (r.getAttribute('aria-label') || r.textContent || '').replace(/\s+/g, ' ').trim();
            const fileLabel = r.querySelector('.resource-label-container .monaco-icon-label');
            if (fileLabel) { // a file row: its label's aria-label is the file's path
              inFile = !file || (fileLabel.getAttribute('aria-label') || '').endsWith(`/${file}`);
              continue;
            }
            if (inFile) problems.push(text);
          }
          if (problems.length < min) return false;
          return expected.every((e) => problems.some((p) => p.includes(e))) ? problems : false;
        }, { expected, file, min });
      } catch (e) {
        if (e instanceof AssertionFailure) {
          const rows = await t.problemRows().catch(() => []);
          e.message += `\n  Problems panel had ${rows.length} row(s):\n    ${rows.join('\n    ') || '(none)'}`;
        }
        throw e;
      }
    },
  };
  return t;
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(SHOTS)) if (/\.(png|log)$/.test(f)) fs.rmSync(join(SHOTS, f));
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`${CODE_SERVER} missing: run test/e2e/install.sh first`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: run test/e2e/install.sh first`);

  let selected = scenarios.filter((s) => !opt.only.length || opt.only.some((o) => s.name.includes(o)));
  const haveVsix = fs.existsSync(vsixPath);
  if (!haveVsix) {
    if (!opt['no-vsix']) throw new Error(`VSIX not found: ${vsixPath} (build it with \`npm run package\` at the root, or pass --no-vsix)`);
    selected = selected.filter((s) => !s.extension);
    log(`--no-vsix: running only the ${selected.length} scenario(s) that need no extension`);
  } else if (opt['no-vsix']) {
    selected = selected.filter((s) => !s.extension);
  }
  if (!selected.length) throw new Error('no scenario selected');

  const tmp = fs.mkdtempSync(join(os.tmpdir(), 'fairword-e2e-'));
  if (!opt.keep) tmpToRemove = tmp;
  const ctx = {
    tmp,
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
    },
  };
  cleanups.push(() => {
    for (const f of ['code-server.log']) {
      if (fs.existsSync(join(tmp, f))) fs.copyFileSync(join(tmp, f), join(SHOTS, f));
    }
    if (opt.keep) log(`kept ${tmp}`); else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  });
  fs.writeFileSync(ctx.config, 'auth: none\n');
  prepareWorkspace(ctx);
  log(`workspace ${ctx.workspace}: ${fs.readdirSync(ctx.workspace).join(', ')}`);

  if (haveVsix && !opt['no-vsix']) {
    log(`installing ${vsixPath}`);
    const r = codeServerCli(['--install-extension', vsixPath, '--force'], ctx);
    if (r.status !== 0 || !/successfully installed/i.test(r.out)) {
      throw new Error(`--install-extension failed (exit ${r.status}):\n${r.out}`);
    }
    const l = codeServerCli(['--list-extensions', '--show-versions'], ctx);
    ctx.installedExtensions = l.out.split('\n').map((s) => s.trim()).filter(Boolean);
    log(`installed: ${ctx.installedExtensions.join(', ') || '(none)'}`);
  }

  const url = await startCodeServer(ctx);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !opt.headed,
    // Our own signal handlers close the browser and code-server and remove the temp folder.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  cleanups.push(() => Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10_000))]));

  const results = [];
  for (const [i, s] of selected.entries()) {
    log(`scenario ${i + 1}/${selected.length}: ${s.name}`);
    const started = Date.now();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const t = makeHelpers(ctx, page, i, s.name);
    try {
      await page.goto(`${url}/?folder=${encodeURIComponent(ctx.workspace)}`, { timeout: TIMEOUT });
      await t.waitFor('workbench', () => !!document.querySelector('.monaco-workbench .part.editor')
        && !!document.querySelector('.monaco-workbench .part.statusbar'));
      await t.shot('workbench');
      await s.fn(t);
      results.push({ name: s.name, ok: true });
      log(`  PASS (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (e) {
      const file = await t.shot('FAILED').catch(() => '(no screenshot)');
      results.push({ name: s.name, ok: false });
      const kind = e instanceof AssertionFailure ? 'assertion' : 'error';
      console.error(`[e2e]   FAIL (${kind}): ${e instanceof AssertionFailure ? e.message : e.stack}`);
      console.error(`[e2e]   screenshot: ${file}`);
      if (consoleErrors.length) console.error(`[e2e]   browser console errors (last 5):\n      ${consoleErrors.slice(-5).join('\n      ')}`);
    } finally {
      await context.close().catch(() => {});
    }
  }
  const failed = results.filter((r) => !r.ok);
  if (failed.length) console.error(`[e2e] failed: ${failed.map((r) => r.name).join('; ')}\n[e2e] code-server log: ${join(SHOTS, 'code-server.log')}`);
  console.log(`e2e: ${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length ? 1 : 0;
}

let code = 2;
try {
  code = await main();
} catch (e) {
  console.error(`[e2e] setup failed: ${e.message}`);
  console.log('e2e: 0 passed, 1 failed');
} finally {
  await runCleanups();
}
process.exit(code);
