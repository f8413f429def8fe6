import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createLinter, LIMITS, ruleCatalog, SEVERITY_RANK, type Severity } from '@fairword/rules';
import { decode, isTextFile } from '@fairword/rules/node';
import { HELP, parseCliArgs, type CliOptions } from './args.js';
import { checkText, noCounts, type Job, type Outcome } from './check.js';
import { explainCommand } from './commands/explain.js';
import { fail, outputWidth, say, wantsColor, type CliIO } from './commands/io.js';
import { reportCommand } from './commands/report.js';
import { reviewCommand } from './commands/review.js';
import { rulesCommand } from './commands/rules.js';
import { ConfigCache } from './config.js';
import { checkDocx, DOCX_MAX_BYTES, isDocxName, openDocxBytes } from './docx.js';
import { displayPath, expandTargets, FAIRWORD_IGNORE, gitignoreFilter } from './files.js';
import { FORMATS } from './formats/index.js';
import { changedFiles, realPath } from './git.js';
import { checkInOrder, runWorker, workerCount, type WorkerData } from './pool.js';
import { Progress } from './progress.js';

export type { CliIO } from './commands/io.js';

/** The bundle this code runs from (cli/dist/fairword.cjs), which doubles as the worker script; undefined when run from source. */
const BUNDLE = typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;

/**
 * Runs `fairword` with `argv` (no node/script prefix); resolves to the exit code: 0 clean, 1 findings at or above
 * `--max-severity` (or over `--max-warnings`), 2 usage or config error.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'rules') return rulesCommand(rest, io);
  if (command === 'explain') return explainCommand(rest, io);
  if (command === 'report') return reportCommand(rest, io);
  if (command === 'review') return reviewCommand(rest, io);

  const parsed = parseCliArgs(argv, (arg) => existsSync(resolve(io.cwd, arg)));
  if ('error' in parsed) return fail(io, parsed.error);
  const { options } = parsed;
  if (options.help || options.version) {
    io.stdout.write(options.help ? HELP : `${version()}\n`);
    return 0;
  }

  const forced = options.config === undefined ? undefined : resolve(io.cwd, options.config);
  if (forced !== undefined && !existsSync(forced)) return fail(io, `config file not found: ${options.config}`);
  const configs = new ConfigCache(io.cwd, forced);
  if (forced !== undefined) {
    const setup = configs.setupFor(forced);
    if ('error' in setup) return fail(io, setup.error);
  }
  if (options.printConfig !== undefined) return printConfig(options.printConfig, configs, io);

  const job: Job = { cwd: io.cwd, reportAt: options.quiet ? options.maxSeverity : 'hint' };
  if (forced !== undefined) job.config = forced;
  if (options.kind) job.kind = options.kind;
  if (options.fix) job.fix = 'write';
  if (options.fixDryRun) job.fix = 'diff';

  let outcomes: AsyncIterable<Outcome>;
  let total: number;
  let checked = 0;
  if (options.stdin) {
    const docx = options.stdinFilename !== undefined && isDocxName(options.stdinFilename);
    const stdin = await readStdin(io, docx ? DOCX_MAX_BYTES : LIMITS.maxFileSizeCeiling);
    if (!(stdin instanceof Uint8Array)) return fail(io, stdin.error);
    const checked = checkStdin(stdin, docx, options, job, configs);
    if ('error' in checked) return fail(io, checked.error);
    outcomes = (async function* () {
      yield checked;
    })();
    total = 1;
  } else {
    const selected = await selectFiles(options, configs, io);
    if ('error' in selected) return fail(io, selected.error);
    outcomes = checkInOrder(selected.files, job, workerCount(options.concurrency, selected.files.length), BUNDLE, selected.real, io.stop);
    total = selected.files.length;
  }
  const counted = (async function* () {
    for await (const outcome of outcomes) {
      checked++;
      yield outcome;
    }
  })();
  const code = await writeOutcomes(counted, total, options, io);
  noteConfigsOutside(configs, io);
  if (io.stop?.aborted) {
    say(io, `stopped by ${String(io.stop.reason)} after ${checked} of ${total} ${total === 1 ? 'file' : 'files'}; no file was left half-written`);
    return io.stop.reason === 'SIGINT' ? 130 : 143;
  }
  return code;
}

/** Names the config files that applied from outside the current folder, so nobody is surprised by one. */
function noteConfigsOutside(configs: ConfigCache, io: CliIO): void {
  for (const path of configs.used()) {
    const shown = displayPath(io.cwd, path);
    if (shown.startsWith('../') || isAbsolute(shown)) say(io, `used the config ${shown} (outside the current folder)`);
  }
}

/** The files to check: targets expanded, limited to `--changed` files, minus those the config ignores (with a note if named). */
async function selectFiles(
  options: CliOptions,
  configs: ConfigCache,
  io: CliIO,
): Promise<{ files: string[]; real: ReadonlyMap<string, string> } | { error: string }> {
  const expansion = await expandTargets(options.targets, io.cwd);
  if ('error' in expansion) return expansion;
  expansion.notes.forEach((note) => say(io, note));
  let files = expansion.files;
  if (options.changed !== undefined) {
    const changed = changedFiles(io.cwd, options.changed);
    if ('error' in changed) return changed;
    files = files.filter((file) => changed.files.has(expansion.real.get(file) ?? realPath(file)));
  }
  const kept: string[] = [];
  for (const path of files) {
    const setup = configs.setupFor(path);
    if ('error' in setup) return setup;
    if (setup.ignored) {
      if (expansion.explicit.has(path)) say(io, `skipped ${displayPath(io.cwd, path)}: ignored by the config's "ignore" patterns`);
      continue;
    }
    kept.push(path);
  }
  return { files: kept, real: expansion.real };
}

/**
 * Checks the document on stdin as `--stdin-filename` (format and config from that name): a Word document when the
 * name says so (a file that cannot be read is an error), text otherwise.
 */
function checkStdin(bytes: Uint8Array, docx: boolean, options: CliOptions, job: Job, configs: ConfigCache): Outcome | { error: string } {
  const name = options.stdinFilename;
  const path = resolve(job.cwd, name ?? 'stdin');
  const file = name === undefined ? '<stdin>' : displayPath(job.cwd, path);
  const setup = configs.setupFor(path);
  if ('error' in setup) return setup;
  if (name !== undefined && gitignoreFilter(job.cwd, FAIRWORD_IGNORE)(path)) {
    return { notes: [`skipped ${file}: ignored by ${FAIRWORD_IGNORE}`], fixes: 0, counts: noCounts() };
  }
  if (setup.ignored) return { notes: [`skipped ${file}: ignored by the config's "ignore" patterns`], fixes: 0, counts: noCounts() };
  if (docx) {
    const opened = openDocxBytes(bytes, file);
    return 'error' in opened ? opened : checkDocx(opened.doc, path, job, configs);
  }
  const text = decodeStdin(bytes);
  if (typeof text !== 'string') return text;
  const { fixed: _fixed, ...outcome } = checkText(text.replace(/^\uFEFF/, ''), file, path, job, configs);
  return outcome;
}

/** Writes each outcome as it comes (notes on stderr, results or diffs on stdout) and works out the exit code. */
async function writeOutcomes(outcomes: AsyncIterable<Outcome>, total: number, options: CliOptions, io: CliIO): Promise<number> {
  const sink = FORMATS[options.format]({
    color: wantsColor(io),
    version: version(),
    failAt: options.maxSeverity,
    hints: options.hints,
    width: outputWidth(io),
  });
  const progress = Progress.wanted(io.stderr, total) ? new Progress(io.stderr, total) : undefined;
  const write = (stream: CliIO['stdout'], text: string): unknown => {
    if (text === '') return true;
    return progress ? progress.around(() => stream.write(text)) : stream.write(text);
  };
  const counts = noCounts();
  let crashed = false;
  let fixes = 0;
  let fixedFiles = 0;
  let unwritten = 0;
  try {
    for await (const outcome of outcomes) {
      progress?.tick();
      for (const note of outcome.notes) write(io.stderr, `fairword: ${note}\n`);
      crashed ||= outcome.crashed === true;
      for (const severity of Object.keys(counts) as Severity[]) counts[severity] += outcome.counts[severity];
      if (outcome.fixes > 0) {
        fixes += outcome.fixes;
        fixedFiles++;
      }
      if (outcome.writeFailed) unwritten++;
      const flushed = options.fixDryRun ? write(io.stdout, outcome.patch ?? '') : outcome.result ? write(io.stdout, sink.file(outcome.result)) : true;
      // Wait while a slow reader catches up, so output never piles up in memory.
      if (flushed === false) await drained(io.stdout);
    }
  } finally {
    progress?.clear();
  }
  if (!options.fixDryRun) write(io.stdout, sink.end());
  if (options.fix || options.fixDryRun) {
    const what = `${fixes} ${fixes === 1 ? 'fix' : 'fixes'} to ${fixedFiles} ${fixedFiles === 1 ? 'file' : 'files'}`;
    say(io, fixes === 0 ? 'no safe fixes to apply' : options.fix ? `applied ${what}` : `would apply ${what}`);
    if (unwritten > 0) say(io, `could not write the fixes to ${unwritten} ${unwritten === 1 ? 'file' : 'files'} (see above); ${unwritten === 1 ? 'it is' : 'they are'} unchanged`);
  }
  if (crashed) return 2;
  const failing = (Object.keys(counts) as Severity[]).some((s) => counts[s] > 0 && SEVERITY_RANK[s] <= SEVERITY_RANK[options.maxSeverity]);
  const warnings = counts.error + counts.warning;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    say(io, `${warnings} findings at warning or above, more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return failing ? 1 : 0;
}

/** `--print-config FILE`: the config file that applies to FILE, the config as loaded and every rule's effective severity. */
function printConfig(target: string, configs: ConfigCache, io: CliIO): number {
  const path = resolve(io.cwd, target);
  const setup = configs.setupFor(path);
  if ('error' in setup) return fail(io, setup.error);
  const enabled = new Map(createLinter(setup.loaded.config).rules().map((r) => [r.id, r.severity] as const));
  const ids = [...new Set([...ruleCatalog().map((r) => r.id), ...enabled.keys()])].sort();
  const ignored = setup.ignored || gitignoreFilter(io.cwd, FAIRWORD_IGNORE)(path);
  const out = {
    file: displayPath(io.cwd, path),
    configFile: setup.loaded.path === undefined ? null : displayPath(io.cwd, setup.loaded.path),
    kind: setup.kind ?? null,
    ignored,
    config: setup.loaded.config,
    rules: Object.fromEntries(ids.map((id) => [id, enabled.get(id) ?? 'off'])),
  };
  io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

/** Resolves when `stream` (if it can say) has room again. */
function drained(stream: CliIO['stdout']): Promise<void> {
  const emitter = stream as Partial<NodeJS.WritableStream>;
  if (typeof emitter.once !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      for (const event of ['drain', 'error', 'close']) emitter.removeListener?.(event, done);
      resolve();
    };
    for (const event of ['drain', 'error', 'close']) emitter.once!(event, done);
  });
}

/**
 * Reads stdin as bytes, up to `cap`: the largest file size a config may allow, or the limit for Word documents (a
 * stream without end, such as `/dev/zero`, is cut off with an error).
 */
async function readStdin(io: CliIO, cap: number): Promise<Uint8Array | { error: string }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of io.stdin ?? process.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > cap) return { error: `stdin is longer than ${cap} bytes; check it as a file, or in parts` };
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** The text on stdin: UTF-16 with a byte order mark is decoded, anything else read as UTF-8. */
function decodeStdin(bytes: Uint8Array): string | { error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const read = decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    return isTextFile(read) ? read.text : { error: `cannot read stdin: ${read.detail}` };
  }
  return new TextDecoder().decode(bytes);
}

/** Runs the CLI on `process.argv` and sets `process.exitCode`; the bin script calls this. */
export async function main(): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  // The first SIGINT or SIGTERM lets the files in progress finish (a fix is never cut off half-written) and stops
  // the run; a second one ends the process at once.
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stop.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
      stop.abort(signal);
    });
  }
  try {
    const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), stop: stop.signal };
    process.exitCode = await run(process.argv.slice(2), io);
  } catch (err) {
    process.stderr.write(`fairword: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  }
}

function version(): string {
  try {
    // In the bundle (cli/dist/fairword.cjs) package.json is one level up.
    return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const data = workerData as Partial<WorkerData> | null | undefined;
if (!isMainThread && parentPort && data?.fairwordWorker) runWorker(parentPort, data.fairwordWorker);
else if (typeof require !== 'undefined' && require.main?.filename === __filename) void main();
