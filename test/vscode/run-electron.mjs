#!/usr/bin/env node
// Runs the extension-host suite (suite/index.cjs) in desktop VS Code through @vscode/test-electron,
// against the extension in client/ (build it first: `npm run build`), in a temp workspace holding
// the example documents, with a temp user-data and extensions folder.
//
//   npm ci --prefix test/vscode && node test/vscode/run-electron.mjs
//   env: VSCODE_TEST_VERSION   VS Code version to download (default: stable)
//        VSCODE_TEST_CACHE     where downloads are kept (default: test/vscode/.vscode-test)
//
// When VS Code cannot be downloaded for network reasons (no DNS, refused, timed out, an HTTP error
// from the update service), prints one line starting "skipped: cannot download VS Code here" and
// exits 0: the same suite runs in code-server with `node test/e2e/exthost.mjs`. Any other failure
// (a broken download, VS Code not starting, a failing test) exits non-zero.

import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const EXTENSION = join(REPO, 'client');
const SUITE = join(HERE, 'suite', 'index.cjs');
const VERSION = process.env.VSCODE_TEST_VERSION || 'stable';
const CACHE = resolve(process.env.VSCODE_TEST_CACHE || join(HERE, '.vscode-test'));

const NETWORK_CODES = new Set([
  'ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH',
  'ENETDOWN', 'EPIPE', 'ECONNABORTED', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'CERT_HAS_EXPIRED',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT',
]);
const NETWORK_TEXT = /getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|network|Failed to get JSON|Failed to get VS Code archive location|timed? ?out|TimeoutError|tunneling socket|proxy|certificate/i;

/** A short description of a download failure when it is the network's fault, else undefined. */
function networkReason(errors) {
  for (const e of errors) {
    if (!e) continue;
    const chain = [];
    for (let c = e, i = 0; c && i < 5; c = c.cause, i += 1) chain.push(c);
    for (const c of chain) {
      const code = typeof c === 'object' ? c.code : undefined;
      const text = typeof c === 'string' ? c : `${c.name || ''} ${c.message || ''}`;
      if ((code && NETWORK_CODES.has(code)) || NETWORK_TEXT.test(text)) {
        return (typeof c === 'string' ? c : c.message || c.name || String(code)).split('\n')[0];
      }
    }
  }
  return undefined;
}

async function main() {
  if (!fs.existsSync(join(EXTENSION, 'dist', 'extension.cjs'))) {
    console.error(`test:vscode: ${join(EXTENSION, 'dist/extension.cjs')} is missing: run \`npm run build\` first`);
    return 1;
  }

  // Download (or reuse) VS Code, remembering every error the download reports along the way.
  const seen = [];
  const reporter = {
    report(r) {
      if (r.stage === 'retrying') seen.push(r.error);
      else if (r.stage === 'resolvedVersion') console.log(`[vscode] VS Code ${r.version}`);
      else if (r.stage === 'foundMatchingInstall') console.log(`[vscode] using ${r.downloadedPath}`);
      else if (r.stage === 'resolvingCDNLocation') console.log(`[vscode] downloading ${r.url}`);
    },
    error(e) { seen.push(e); },
  };
  let executable;
  try {
    executable = await downloadAndUnzipVSCode({ version: VERSION, cachePath: CACHE, reporter, extensionDevelopmentPath: EXTENSION });
  } catch (e) {
    const reason = networkReason([e, ...seen]);
    if (reason) {
      console.log(`skipped: cannot download VS Code here (${reason}); the same suite runs in code-server: node test/e2e/exthost.mjs`);
      return 0;
    }
    console.error(`test:vscode: downloading VS Code failed: ${e?.stack || e}`);
    for (const s of seen) console.error(`  earlier: ${s?.message || s}`);
    return 1;
  }

  const tmp = fs.mkdtempSync(join(os.tmpdir(), 'fairword-vscode-'));
  const workspace = join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  for (const name of ['job-advert.md', 'policy.md']) fs.copyFileSync(join(REPO, 'examples', name), join(workspace, name));
  fs.copyFileSync(join(REPO, 'test/vscode/fixtures/advert.docx'), join(workspace, 'advert.docx'));
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: EXTENSION,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { FAIRWORD_DEBOUNCE_MS: '0' },
      launchArgs: [
        workspace,
        '--user-data-dir', join(tmp, 'user-data'),
        '--extensions-dir', join(tmp, 'extensions'),
        '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-telemetry',
      ],
    });
  } catch (e) {
    if (e instanceof TestRunFailedError) return e.code || 1;
    console.error(`test:vscode: VS Code did not run the suite: ${e?.stack || e}`);
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      console.error('test:vscode: no display: run it under xvfb-run (xvfb-run -a node test/vscode/run-electron.mjs)');
    }
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

process.exit(await main());
