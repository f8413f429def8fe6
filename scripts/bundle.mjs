#!/usr/bin/env node
/**
 * Builds the shipped bundles with esbuild. For Node 20 (CommonJS):
 *   client/src/node.ts       -> client/dist/extension.cjs  (the extension's `main`; `vscode` external)
 *   server/src/host/node.ts  -> client/dist/server.cjs     (the server the extension starts)
 *                            -> server/dist/fairword-language-server.cjs (the `fairword-language-server` command)
 *   cli/src/main.ts          -> cli/dist/fairword.cjs
 * For browsers (the web extension: vscode.dev, github.dev):
 *   client/src/browser.ts    -> client/dist/web/extension.js (the extension's `browser`; `vscode` external)
 *   server/src/host/browser.ts -> client/dist/web/server.js  (run in a web worker)
 * The browser bundles must hold no Node built-in: the build fails if one creeps in (see checkBrowserBundle).
 * `@fairword/rules` is bundled straight from rules/src. Entries that do not exist yet are skipped.
 * Also copies the files the VSIX needs into client/dist.
 *
 * Usage: node scripts/bundle.mjs [--watch] [--minify]
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const clientDist = join(root, 'client/dist');

/** One bundle: entry and output relative to the repository root. */
const bundles = [
  { name: 'extension', entry: 'client/src/node.ts', out: 'client/dist/extension.cjs', external: ['vscode'] },
  { name: 'server', entry: 'server/src/host/node.ts', out: 'client/dist/server.cjs', external: [] },
  { name: 'language-server', entry: 'server/src/host/node.ts', out: 'server/dist/fairword-language-server.cjs', external: [] },
  { name: 'cli', entry: 'cli/src/main.ts', out: 'cli/dist/fairword.cjs', external: [] },
  { name: 'web-extension', entry: 'client/src/browser.ts', out: 'client/dist/web/extension.js', external: ['vscode'], browser: 'cjs' },
  // A worker has no DOM: packages with a DOM build (decode-named-character-reference) must give their worker build.
  { name: 'web-server', entry: 'server/src/host/browser.ts', out: 'client/dist/web/server.js', external: [], browser: 'iife', conditions: ['worker'] },
];

/** Module ids no browser bundle may load: Node's built-ins, with and without `node:`. */
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * Fails when a browser bundle reaches for Node: an import of a built-in in any input (even one a package's
 * `browser` field would swap for nothing), or a `require` of anything but `vscode` left in the output.
 * @returns {string[]} what is wrong, one line each
 */
function checkBrowserBundle(metafile, outfile, allowed = ['vscode']) {
  const problems = [];
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    for (const i of imports) if (NODE_BUILTINS.has(i.path) || NODE_BUILTINS.has(i.original ?? '')) problems.push(`${input} imports ${i.original ?? i.path}`);
  }
  const text = readFileSync(outfile, 'utf8');
  for (const [, id] of text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) if (!allowed.includes(id)) problems.push(`${outfile} requires ${id}`);
  return problems;
}

/** Workspace packages resolved to their TypeScript source, so bundles never depend on a stale rules/dist. */
const sourceAliases = {
  '@fairword/rules': join(root, 'rules/src/index.ts'),
  '@fairword/rules/node': join(root, 'rules/src/node/index.ts'),
  '@fairword/rules/docx': join(root, 'rules/src/docx/index.ts'),
};

/** @type {esbuild.Plugin} */
const workspaceSource = {
  name: 'workspace-source',
  setup(build) {
    build.onResolve({ filter: /^@fairword\/rules(\/node|\/docx)?$/ }, (args) => ({ path: sourceAliases[args.path] }));
  },
};

/** @type {esbuild.Plugin} */
const browserOnly = {
  name: 'browser-only',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0 || !result.metafile) return;
      const problems = checkBrowserBundle(result.metafile, build.initialOptions.outfile, build.initialOptions.external);
      for (const text of problems) console.error(`[bundle] Node built-in in a browser bundle: ${text}`);
      if (problems.length > 0) throw new Error(`${build.initialOptions.outfile} reaches for Node (see above)`);
    });
  },
};

/** @type {esbuild.Plugin} */
const report = {
  name: 'report',
  setup(build) {
    build.onEnd((result) => {
      if (watch && result.errors.length === 0) console.log(`[bundle] ${build.initialOptions.outfile} rebuilt`);
    });
  },
};

/** @returns {esbuild.BuildOptions} */
function options(bundle) {
  if (bundle.browser) {
    return {
      absWorkingDir: root,
      entryPoints: [join(root, bundle.entry)],
      outfile: join(root, bundle.out),
      bundle: true,
      format: bundle.browser,
      platform: 'browser',
      conditions: bundle.conditions ?? [],
      target: 'es2022',
      sourcemap: true,
      sourcesContent: false,
      // Browsers download these on every visit to vscode.dev or github.dev: always minified (with a source map).
      minify: true,
      metafile: true,
      external: bundle.external,
      logOverride: { 'empty-import-meta': 'error' },
      logLevel: 'warning',
      plugins: [workspaceSource, report, browserOnly],
    };
  }
  return {
    absWorkingDir: root,
    entryPoints: [join(root, bundle.entry)],
    outfile: join(root, bundle.out),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    sourcesContent: false,
    minify,
    external: bundle.external,
    // ESM sources and dependencies: make import.meta work in CommonJS, and fail on any other use of it.
    banner: { js: '"use strict";\nvar __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: {
      'import.meta.url': '__importMetaUrl',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
    logOverride: { 'empty-import-meta': 'error' },
    logLevel: 'warning',
    // jsonc-parser's default entry is a UMD build that esbuild cannot follow; its ES module build bundles cleanly.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [workspaceSource, report],
  };
}

/** Copies the non-code files the extension needs into client/dist. */
function copyAssets() {
  mkdirSync(clientDist, { recursive: true });
  copyFileSync(join(root, 'language-configuration.json'), join(clientDist, 'language-configuration.json'));
  // vscode-languageclient kills a hung server with this script, looked up next to the bundle (__dirname).
  const require = createRequire(join(root, 'client/package.json'));
  const script = join(dirname(require.resolve('vscode-languageclient/node')), 'lib/node/terminateProcess.sh');
  copyFileSync(script, join(clientDist, 'terminateProcess.sh'));
  chmodSync(join(clientDist, 'terminateProcess.sh'), 0o755);
  // The walkthrough opens the bundled examples from inside the extension.
  mkdirSync(join(root, 'client/examples'), { recursive: true });
  for (const name of ['job-advert.md', 'policy.md']) copyFileSync(join(root, 'examples', name), join(root, 'client/examples', name));
}

const present = bundles.filter((b) => {
  if (existsSync(join(root, b.entry))) return true;
  console.warn(`[bundle] skipping ${b.name}: ${b.entry} does not exist`);
  return false;
});

if (!watch) rmSync(clientDist, { recursive: true, force: true });
copyAssets();

if (watch) {
  for (const b of present) {
    const ctx = await esbuild.context(options(b));
    await ctx.watch();
  }
  console.log(`[bundle] watching ${present.map((b) => b.name).join(', ')}`);
} else {
  const results = await Promise.allSettled(present.map((b) => esbuild.build(options(b))));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) {
    process.exitCode = 1;
  } else {
    for (const b of present) console.log(`[bundle] ${b.out}`);
  }
}
