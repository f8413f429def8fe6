#!/usr/bin/env node
/**
 * Builds the shipped CommonJS bundles (Node 20) with esbuild:
 *   client/src/extension.ts -> client/dist/extension.cjs  (`vscode` external)
 *   server/src/server.ts    -> client/dist/server.cjs
 *   cli/src/main.ts         -> cli/dist/fairword.cjs
 * `@fairword/rules` is bundled straight from rules/src. Entries that do not exist yet are skipped.
 * Also copies the files the VSIX needs into client/dist.
 *
 * Usage: node scripts/bundle.mjs [--watch] [--minify]
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const clientDist = join(root, 'client/dist');

/** One bundle: entry and output relative to the repository root. */
const bundles = [
  { name: 'extension', entry: 'client/src/extension.ts', out: 'client/dist/extension.cjs', external: ['vscode'] },
  { name: 'server', entry: 'server/src/server.ts', out: 'client/dist/server.cjs', external: [] },
  { name: 'cli', entry: 'cli/src/main.ts', out: 'cli/dist/fairword.cjs', external: [] },
];

/** Workspace packages resolved to their TypeScript source, so bundles never depend on a stale rules/dist. */
const sourceAliases = {
  '@fairword/rules': join(root, 'rules/src/index.ts'),
  '@fairword/rules/node': join(root, 'rules/src/node/index.ts'),
};

/** @type {esbuild.Plugin} */
const workspaceSource = {
  name: 'workspace-source',
  setup(build) {
    build.onResolve({ filter: /^@fairword\/rules(\/node)?$/ }, (args) => ({ path: sourceAliases[args.path] }));
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
