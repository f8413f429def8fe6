#!/usr/bin/env node
// Runs the extension-host test suite (test/vscode/suite/index.cjs, the one run-electron.mjs runs in
// desktop VS Code) inside code-server here: the workbench in Chromium, the extension host on this
// machine. The suite and the extension under development are passed in the `payload` URL parameter
// (extensionDevelopmentPath, extensionTestsPath), as VS Code's web test runner does; when the suite
// finishes, the workbench calls window.codeAutomationExit(code), and the extension host's console
// reaches us through window.codeAutomationLog.
//
//   node test/e2e/exthost.mjs [--extension <folder>] [--keep] [--headed]
//     --extension  the extension folder to develop (default: client/, which needs client/dist built
//                  by `npm run build`; or the unpacked VSIX, as run.mjs passes)
//   env: E2E_EXTHOST_TIMEOUT_MS  how long the whole suite may take (default 180000)
//
// Prints the suite's lines, then "N passed, N failed" (the suite's own count) as the last line;
// exits with the suite's exit code (2 when it could not be run at all).

import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import fs from 'node:fs';
import {
  REPO, CODE_SERVER, TIMEOUT, makeContext, cleanupContext, writeUserSettings, QUIET_SETTINGS,
  startCodeServer, launchBrowser, runCleanups, closeWindow, tail,
} from './harness.mjs';

const { values: opt } = parseArgs({
  options: {
    extension: { type: 'string', default: join(REPO, 'client') },
    keep: { type: 'boolean', default: false },
    headed: { type: 'boolean', default: false },
    artifacts: { type: 'string', default: process.env.E2E_ARTIFACTS || join(REPO, 'test/e2e/screenshots') },
  },
});
const SUITE = join(REPO, 'test/vscode/suite/index.cjs');
const SUITE_TIMEOUT = Number(process.env.E2E_EXTHOST_TIMEOUT_MS || 180_000);
const log = (m) => console.log(`[exthost] ${m}`);

async function main() {
  const extension = resolve(opt.extension);
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`${CODE_SERVER} missing: run test/e2e/install.sh first`);
  const manifest = join(extension, 'package.json');
  if (!fs.existsSync(manifest)) throw new Error(`no extension at ${extension}`);
  const main = JSON.parse(fs.readFileSync(manifest, 'utf8')).main;
  if (main && !fs.existsSync(join(extension, main))) throw new Error(`${join(extension, main)} missing: run \`npm run build\` first`);
  fs.mkdirSync(opt.artifacts, { recursive: true });

  const ctx = makeContext({ prefix: 'fairword-exthost-', keep: opt.keep, env: { FAIRWORD_DEBOUNCE_MS: '0' } });
  cleanupContext(ctx, opt.artifacts);
  // The workspace: the example documents, as a person would have them.
  for (const name of ['job-advert.md', 'policy.md']) {
    const src = join(REPO, 'examples', name);
    if (fs.existsSync(src)) fs.copyFileSync(src, join(ctx.workspace, name));
  }
  // A Word document for the .docx test (test/vscode/fixtures/make_advert.py builds it).
  fs.copyFileSync(join(REPO, 'test/vscode/fixtures/advert.docx'), join(ctx.workspace, 'advert.docx'));
  writeUserSettings(ctx, QUIET_SETTINGS);
  const url = await startCodeServer(ctx, { logName: 'exthost-code-server.log' });

  const remote = (p) => `vscode-remote://127.0.0.1:${ctx.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extension)],
    ['extensionTestsPath', remote(SUITE)],
  ];
  const target = `${url}/?folder=${encodeURIComponent(ctx.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const browser = await launchBrowser({ headed: opt.headed });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const lines = [];
  let exited;
  const exit = new Promise((r) => { exited = r; });
  // Both must exist before the workbench loads: it looks for them once.
  await page.exposeFunction('codeAutomationExit', (code) => { exited(Number(code)); });
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    // The extension host's console arrives as log lines; keep only the suite's (they are indented or end with the count).
    for (const line of text.split('\n')) {
      const clean = line.replace(/^\[[^\]]*\]\s*/, '');
      if (/^(Fairword extension-host suite| {2}[✓✗]| {6}|\d+ passed, \d+ failed$)/.test(clean)) {
        lines.push(clean);
        if (!/^\d+ passed/.test(clean)) console.log(clean); // the count is printed last, below
      }
    }
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('crash', () => exited(3));

  log(`extension ${extension}`);
  log(`suite ${SUITE}`);
  const started = Date.now();
  await page.goto(target, { timeout: TIMEOUT });
  let timer;
  const code = await Promise.race([exit, new Promise((r) => { timer = setTimeout(() => r(null), SUITE_TIMEOUT); })]);
  clearTimeout(timer);
  if (code === null) {
    await page.screenshot({ path: join(opt.artifacts, 'exthost-timeout.png') }).catch(() => {});
    throw new Error(`the suite did not finish in ${SUITE_TIMEOUT} ms (screenshot exthost-timeout.png)\n${tail(ctx.codeServerLog, 20)}`);
  }
  log(`suite exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await closeWindow(context, page);

  const summary = lines.filter((l) => /^\d+ passed, \d+ failed$/.test(l)).at(-1);
  if (!summary) {
    if (pageErrors.length) console.error(`[exthost] page errors:\n  ${pageErrors.slice(-5).join('\n  ')}`);
    console.error(`[exthost] the suite printed no result (exit code ${code}); code-server log:\n${tail(ctx.codeServerLog, 30)}`);
    return { code: code || 1, summary: '0 passed, 1 failed' };
  }
  return { code, summary };
}

let result = { code: 2, summary: '0 passed, 1 failed' };
try {
  result = await main();
} catch (e) {
  console.error(`[exthost] could not run the suite: ${e.message}`);
} finally {
  await runCleanups();
}
console.log(result.summary);
process.exit(result.code);
