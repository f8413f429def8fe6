import { parseArgs } from 'node:util';
import { DOCUMENT_KINDS, SEVERITY_RANK, type DocumentKind, type Severity } from '@fairword/rules';
import { FORMATS, isFormatName, type FormatName } from './formats/index.js';

/** Options the command line asks for, already validated. */
export interface CliOptions {
  targets: string[];
  format: FormatName;
  config?: string;
  kind?: DocumentKind;
  /** Findings at or above this severity make the exit code 1. */
  maxSeverity: Severity;
  /** More than this many findings at warning or above make the exit code 1. */
  maxWarnings?: number;
  /** Report only findings at or above `maxSeverity`. */
  quiet: boolean;
  /**
   * List hints in the stylish output: `--hints` (unless `--quiet`, which lists only what fails the run), or
   * `--max-severity hint`, which makes them fail it.
   */
  hints: boolean;
  /** Read the document from stdin. */
  stdin: boolean;
  /** Name of the document read from stdin: picks its format and config. */
  stdinFilename?: string;
  /** Only files changed against this git ref. */
  changed?: string;
  fix: boolean;
  fixDryRun: boolean;
  /** File whose effective config to print. */
  printConfig?: string;
  /** Worker threads: 'auto' (by file count and cores), 'off', or a number. */
  concurrency: 'auto' | 'off' | number;
  help: boolean;
  version: boolean;
}

/** Usage text for `fairword --help`. */
export const HELP = `Usage: fairword [options] [file|dir|glob ...]
       fairword rules [--format json]
       fairword explain <rule>
       fairword report [--format text|markdown|json] <file ...>
       fairword review [--out <path>] [--no-track-changes] <file.docx ...>

Checks Markdown, text and Word (.docx) files for biased or non-inclusive wording.
With no arguments, checks every Markdown and text file under the current
directory, respecting .gitignore and .fairwordignore and skipping node_modules and .git.

Options:
  -f, --format <name>        Output format: ${Object.keys(FORMATS).join(', ')} (default: stylish)
  -c, --config <file>        Use this config file instead of searching for .fairword.yaml
      --kind <kind>          Treat every file as this kind of document:
                             ${DOCUMENT_KINDS.join(', ')}
      --max-severity <sev>   Fail (exit 1) on findings at or above: error, warning, information, hint
                             (default: warning; error when --max-warnings is given)
      --max-warnings <n>     Fail when there are more than n findings at warning or above
  -q, --quiet                Report only findings at or above --max-severity
      --hints                List hints too (stylish lists information and above, and counts
                             the hints; other formats always keep every finding)
      --changed [ref]        Check only Markdown and text files changed since ref (default HEAD),
                             counted from its merge base with HEAD, plus untracked files
      --stdin                Read the document from stdin
      --stdin-filename <f>   Name of the stdin document: picks its format and config
      --fix                  Apply safe fixes in place (one suggestion, a single word or phrase);
                             never to Word documents: use fairword review
      --fix-dry-run          Print the safe fixes as a unified diff; change nothing
      --print-config <file>  Print the config that applies to a file, as JSON
      --concurrency <n>      Worker threads: auto, off or a number (default: auto)
  -h, --help                 Show this help
  -v, --version              Show the version

Commands:
  rules                      List every rule
  explain <rule>             Explain a rule: why it matters, sources, examples
  report <file ...>          Show a document's scorecard: statements, gender coding, readability
  review <file.docx ...>     Write a reviewed copy of a Word document: comments and tracked changes

Exit codes: 0 nothing at or above --max-severity, 1 findings at or above it (or over --max-warnings),
2 usage or config error. Hints never change the exit code unless --max-severity is hint.
`;

const SEVERITY_NAMES = Object.keys(SEVERITY_RANK) as Severity[];

/** Parses a severity name (`info` is accepted for information). */
export function parseSeverity(name: string): Severity | undefined {
  const value = name === 'info' ? 'information' : name;
  return (SEVERITY_NAMES as string[]).includes(value) ? (value as Severity) : undefined;
}

/** Runs a `parseArgs` call, turning its errors into the CLI's one-line usage errors. */
export function tryParse<T>(parse: () => T): T | { error: string } {
  try {
    return parse();
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split(/\.(?:\s|$)/)[0] ?? '';
    return { error: `${first.charAt(0).toLowerCase()}${first.slice(1)} (see fairword --help)` };
  }
}

/**
 * Takes `--changed [ref]` out of `argv`: `--changed=REF`, or `--changed` followed by a word that is not an
 * option and not an existing path (`isPath`), names the ref; a bare `--changed` means HEAD.
 */
function takeChanged(argv: string[], isPath: (arg: string) => boolean): { rest: string[]; changed?: string } {
  const rest: string[] = [];
  let changed: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--changed=')) {
      changed = arg.slice('--changed='.length);
    } else if (arg === '--changed') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-') && !isPath(next)) {
        changed = next;
        i++;
      } else {
        changed = 'HEAD';
      }
    } else {
      rest.push(arg);
    }
  }
  return changed === undefined ? { rest } : { rest, changed };
}

/** Parses and validates `argv`; returns a one-line reason on a usage error. `isPath` tells `--changed` a ref from a target. */
export function parseCliArgs(argv: string[], isPath: (arg: string) => boolean = () => false): { options: CliOptions } | { error: string } {
  const { rest, changed } = takeChanged(argv, isPath);
  const parsed = tryParse(() =>
    parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        kind: { type: 'string' },
        'max-severity': { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        hints: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'print-config': { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }),
  );
  if ('error' in parsed) return parsed;
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) {
    return { error: `unknown format '${format}' (expected ${Object.keys(FORMATS).join(', ')})` };
  }
  const kind = values.kind;
  if (kind !== undefined && !(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    return { error: `unknown document kind '${kind}' (expected ${DOCUMENT_KINDS.join(', ')})` };
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) {
      return { error: `--max-warnings needs a whole number, not '${values['max-warnings']}'` };
    }
  }
  const severityName = values['max-severity'];
  const maxSeverity = severityName === undefined ? (maxWarnings === undefined ? 'warning' : 'error') : parseSeverity(severityName);
  if (!maxSeverity) return { error: `unknown severity '${severityName}' for --max-severity (expected ${SEVERITY_NAMES.join(', ')})` };
  const concurrencyName = values.concurrency ?? 'auto';
  const concurrency = concurrencyName === 'auto' || concurrencyName === 'off' ? concurrencyName : Number(concurrencyName);
  if (typeof concurrency === 'number' && !(/^\d+$/.test(concurrencyName) && concurrency >= 1)) {
    return { error: `--concurrency needs auto, off or a number of threads, not '${concurrencyName}'` };
  }
  const stdin = values.stdin ?? false;
  const fix = values.fix ?? false;
  const fixDryRun = values['fix-dry-run'] ?? false;
  if (values['stdin-filename'] !== undefined && !stdin) return { error: '--stdin-filename needs --stdin' };
  if (stdin && positionals.length > 0) return { error: `--stdin reads one document; do not also name files (${positionals[0]})` };
  if (stdin && changed !== undefined) return { error: '--stdin and --changed cannot be used together' };
  if (fix && fixDryRun) return { error: '--fix and --fix-dry-run cannot be used together' };
  if (fix && stdin) return { error: '--fix cannot write to stdin; use --fix-dry-run to see the fixes' };

  const options: CliOptions = {
    targets: positionals,
    format,
    maxSeverity,
    quiet: values.quiet ?? false,
    hints: maxSeverity === 'hint' || (values.hints === true && values.quiet !== true),
    stdin,
    fix,
    fixDryRun,
    concurrency,
    help: values.help ?? false,
    version: values.version ?? false,
  };
  if (values.config !== undefined) options.config = values.config;
  if (kind !== undefined) options.kind = kind as DocumentKind;
  if (maxWarnings !== undefined) options.maxWarnings = maxWarnings;
  if (values['stdin-filename'] !== undefined) options.stdinFilename = values['stdin-filename'];
  if (changed !== undefined) options.changed = changed;
  if (values['print-config'] !== undefined) options.printConfig = values['print-config'];
  return { options };
}
