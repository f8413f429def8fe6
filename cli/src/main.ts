import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatFromFilename, SEVERITY_RANK, type LintOptions } from '@fairword/rules';
import { HELP, parseCliArgs } from './args.js';
import { ConfigCache } from './config.js';
import { displayPath, expandTargets, readText } from './files.js';
import { FORMATS, type FileResult } from './formats/index.js';

/** Where `run` writes and which directory it works in. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  /** Environment consulted for NO_COLOR; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Runs `fairword` with `argv` (no node/script prefix); resolves to the exit code: 0 clean, 1 warnings or errors, 2 usage or config error. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const say = (line: string): void => void io.stderr.write(`fairword: ${line}\n`);
  const fail = (reason: string): number => {
    say(reason);
    return 2;
  };
  const parsed = parseCliArgs(argv);
  if ('error' in parsed) return fail(parsed.error);
  const { options } = parsed;
  if (options.help || options.version) {
    io.stdout.write(options.help ? HELP : `${version()}\n`);
    return 0;
  }

  const forced = options.config === undefined ? undefined : resolve(io.cwd, options.config);
  if (forced !== undefined && !existsSync(forced)) return fail(`config file not found: ${options.config}`);
  const configs = new ConfigCache(io.cwd, forced);
  if (forced !== undefined) {
    const setup = configs.setupFor(forced);
    if ('error' in setup) return fail(setup.error);
  }
  const expansion = await expandTargets(options.targets, io.cwd);
  if ('error' in expansion) return fail(expansion.error);
  expansion.notes.forEach(say);

  const results: FileResult[] = [];
  let crashed = false;
  for (const path of expansion.files) {
    const file = displayPath(io.cwd, path);
    const setup = configs.setupFor(path);
    if ('error' in setup) return fail(setup.error);
    if (setup.ignored) {
      if (expansion.explicit.has(path)) say(`skipped ${file}: ignored by the config's "ignore" patterns`);
      continue;
    }
    const read = await readText(path, file, setup.maxFileSize);
    if ('note' in read) {
      say(read.note);
      continue;
    }
    const lintOptions: LintOptions = { filename: file };
    const format = formatFromFilename(path);
    if (format) lintOptions.format = format;
    const kind = options.kind ?? setup.kind;
    if (kind) lintOptions.kind = kind;
    try {
      results.push({ file, ...setup.linter.lint(read.text, lintOptions) });
    } catch (err) {
      say(`internal error checking ${file}: ${err instanceof Error ? err.message : String(err)}`);
      crashed = true;
    }
  }

  const color = io.stdout.isTTY === true && !(io.env ?? process.env).NO_COLOR;
  io.stdout.write(FORMATS[options.format](results, { color }));
  if (crashed) return 2;
  const serious = results.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK.warning));
  return serious ? 1 : 0;
}

/** Runs the CLI on `process.argv` and sets `process.exitCode`; the bin script calls this. */
export async function main(): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  try {
    const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
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

if (typeof require !== 'undefined' && require.main?.filename === __filename) void main();
