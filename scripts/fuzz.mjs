#!/usr/bin/env node
/**
 * Nightly fuzzing of the engine: the properties of test/reliability/properties.ts (the same ones `npm test`
 * runs with a small budget) on 100,000 generated documents or more.
 *
 * Usage: node scripts/fuzz.mjs [--runs N] [--seed S] [--jobs J] [--only NAME[,NAME]]
 *   --runs N   generated documents in all, shared between the properties (default 100000)
 *   --seed S   base seed (default: random); job k of a property uses S + k, so a failure can be replayed
 *   --jobs J   worker threads (default: available cores, at most 4)
 *   --only     run only these properties (invariants, protected-regions, fix-all, session, cache-transparency,
 *              hostile-shapes, file-selection)
 *
 *   --replay SEED:PATH  with --only NAME: re-run one counterexample (the seed and path fast-check printed)
 *
 * Each worker runs its share in batches of 500 with seeds derived from S, and keeps going after a failure (a
 * nightly run should still cover its whole budget while a known bug is open): the first failure of a property
 * in each worker is shrunk, later ones are not. Failures are grouped by what broke.
 *
 * Prints, per property, the documents generated (fast-check runs), document versions linted, findings checked
 * and wall time, then each distinct failure with its count, fast-check's report (seed, path, counterexample)
 * and a replay command. Exits 1 if any property failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the properties (TypeScript, workspace aliases) into one ES module that plain Node can import. */
async function bundleProperties(outDir) {
  const esbuild = await import('esbuild');
  const aliases = {
    '@fairword/rules': join(root, 'rules/src/index.ts'),
    '@fairword/rules/node': join(root, 'rules/src/node/index.ts'),
  };
  const outfile = join(outDir, 'properties.mjs');
  await esbuild.build({
    stdin: {
      contents: "export * from './test/reliability/properties.ts';\nexport { default as fc } from 'fast-check';\n",
      resolveDir: root,
      sourcefile: 'fuzz-entry.ts',
      loader: 'ts',
    },
    absWorkingDir: root,
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    // jsonc-parser's default entry is a UMD build that esbuild cannot follow; its ES module build bundles cleanly.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [
      {
        name: 'workspace-source',
        setup(build) {
          build.onResolve({ filter: /^@fairword\/rules(\/node)?$/ }, (args) => ({ path: aliases[args.path] }));
        },
      },
    ],
  });
  return outfile;
}

function parseArgs(argv) {
  const options = { runs: 100_000, seed: Math.floor(Math.random() * 0x7fffffff), jobs: Math.max(1, Math.min(4, availableParallelism())), only: undefined, replay: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--runs') options.runs = Number(value());
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--jobs') options.jobs = Number(value());
    else if (flag === '--only') options.only = value().split(',');
    else if (flag === '--replay') options.replay = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node scripts/fuzz.mjs [--runs N] [--seed S] [--jobs J] [--only NAME[,NAME]]');
      process.exit(0);
    } else {
      console.error(`fuzz: unknown option ${argv[i]}`);
      process.exit(2);
    }
  }
  for (const key of ['runs', 'seed', 'jobs']) {
    if (!Number.isInteger(options[key]) || options[key] < (key === 'seed' ? -0x80000000 : 1)) {
      console.error(`fuzz: --${key} must be a positive whole number`);
      process.exit(2);
    }
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const outDir = mkdtempSync(join(tmpdir(), 'fairword-fuzz-'));
  const started = performance.now();
  try {
    const file = await bundleProperties(outDir);
    const { PROPERTIES, budget } = await import(pathToFileURL(file).href);
    const shares = budget(options.runs);
    const selected = PROPERTIES.filter((p) => !options.only || options.only.includes(p.name));
    if (selected.length === 0) {
      console.error(`fuzz: no property called ${options.only.join(', ')}`);
      process.exitCode = 2;
      return;
    }
    if (options.replay) {
      const { fc } = await import(pathToFileURL(file).href);
      const [seed, path] = options.replay.split(':');
      if (selected.length !== 1 || !path) {
        console.error('fuzz: --replay SEED:PATH needs --only with one property');
        process.exitCode = 2;
        return;
      }
      const details = await fc.check(selected[0].property(), { seed: Number(seed), path, numRuns: 1, endOnFailure: true });
      console.log(details.failed ? `${fc.defaultReportMessage(details)}\n\nWhat broke: ${details.errorInstance?.message ?? details.errorInstance}` : 'fuzz: the counterexample passes now');
      process.exitCode = details.failed ? 1 : 0;
      return;
    }
    console.log(`fuzz: ${options.runs} generated documents over ${selected.length} properties, seed ${options.seed}, ${options.jobs} worker thread(s)`);
    const rows = [];
    const failures = [];
    for (const p of selected) {
      const total = options.only ? Math.max(1, Math.round(options.runs / selected.length)) : shares.get(p.name);
      const t0 = performance.now();
      const chunks = split(total, options.jobs);
      const results = await Promise.all(
        chunks.map((numRuns, job) => runInWorker(file, { name: p.name, numRuns, seed: options.seed, job })),
      );
      const row = { property: p.name, runs: 0, linted: 0, findings: 0, failures: 0, seconds: (performance.now() - t0) / 1000, failed: false };
      const bySignature = new Map();
      for (const r of results) {
        row.runs += r.stats.runs;
        row.linted += r.stats.linted;
        row.findings += r.stats.findings;
        for (const f of r.failures) {
          row.failed = true;
          row.failures += f.count;
          const known = bySignature.get(f.signature);
          if (known) known.count += f.count;
          else bySignature.set(f.signature, { property: p.name, ...f });
        }
      }
      failures.push(...bySignature.values());
      rows.push(row);
      console.log(
        `  ${row.failed ? 'FAIL' : 'ok  '} ${p.name.padEnd(18)} ${String(row.runs).padStart(8)} documents  ${String(row.linted).padStart(9)} lints  ${String(row.findings).padStart(10)} findings checked  ${String(row.failures).padStart(5)} failing  ${row.seconds.toFixed(1).padStart(7)} s`,
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const sum = (key) => rows.reduce((n, r) => n + r[key], 0);
    console.log(`fuzz: ${sum('runs')} documents generated, ${sum('linted')} lints, ${sum('findings')} findings checked in ${seconds.toFixed(1)} s`);
    if (failures.length > 0) console.error(`\nfuzz: ${failures.length} distinct failure(s):`);
    for (const f of failures) {
      console.error(`\nfuzz: property "${f.property}" failed ${f.count} time(s): ${f.signature}\n${f.report}`);
      console.error(`replay: node scripts/fuzz.mjs --only ${f.property} --replay ${f.seed}:${f.path}`);
    }
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Splits `total` runs into `jobs` near-equal positive chunks. */
function split(total, jobs) {
  const n = Math.max(1, Math.min(jobs, total));
  return Array.from({ length: n }, (_, k) => Math.floor(total / n) + (k < total % n ? 1 : 0));
}

function runInWorker(file, task) {
  // Workers report their runs, and every distinct failure, when their share is done.
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { file, task } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`fuzz worker exited with code ${code}`));
    });
  });
}

/** Runs per fast-check call: a failure costs at most the rest of its batch. */
const BATCH = 500;

/** What broke, with numbers blanked, so that the same bug found twice is counted once. */
function signature(error) {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].replace(/\d+/g, 'N').slice(0, 200);
}

async function work() {
  const { file, task } = workerData;
  const { PROPERTIES, stats, fc } = await import(pathToFileURL(file).href);
  const p = PROPERTIES.find((x) => x.name === task.name);
  const failures = new Map();
  let done = 0;
  let shrunk = false;
  for (let batch = 0; done < task.numRuns; batch++) {
    const numRuns = Math.min(BATCH, task.numRuns - done);
    const seed = (task.seed + task.job * 1_000_003 + batch * 7919) | 0;
    const details = await fc.check(p.property(), { numRuns, seed, endOnFailure: shrunk });
    if (!details.failed) {
      done += numRuns;
      continue;
    }
    done += Math.max(1, details.numRuns);
    shrunk = true;
    const sig = signature(details.errorInstance);
    const known = failures.get(sig);
    if (known) known.count++;
    else {
      failures.set(sig, {
        signature: sig,
        count: 1,
        seed: details.seed,
        path: details.counterexamplePath,
        report: `${fc.defaultReportMessage(details)}\n\nWhat broke: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
      });
    }
  }
  const s = stats.get(task.name) ?? { runs: 0, linted: 0, findings: 0 };
  parentPort.postMessage({ stats: { runs: done, linted: s.linted, findings: s.findings }, failures: [...failures.values()] });
}

if (isMainThread) await main();
else await work();
