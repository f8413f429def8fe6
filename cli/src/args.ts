import { parseArgs } from 'node:util';
import { DOCUMENT_KINDS, type DocumentKind } from '@fairword/rules';
import { FORMATS, isFormatName, type FormatName } from './formats/index.js';

/** Options the command line asks for, already validated. */
export interface CliOptions {
  targets: string[];
  format: FormatName;
  config?: string;
  kind?: DocumentKind;
  help: boolean;
  version: boolean;
}

/** Usage text for `fairword --help`. */
export const HELP = `Usage: fairword [options] [file|dir|glob ...]

Checks Markdown and text files for biased or non-inclusive wording.
With no arguments, checks every Markdown and text file under the current
directory, respecting .gitignore and skipping node_modules and .git.

Options:
  -f, --format <name>  Output format: ${Object.keys(FORMATS).join(', ')} (default: stylish)
  -c, --config <file>  Use this config file instead of searching for .fairword.yaml
      --kind <kind>    Treat every file as this kind of document:
                       ${DOCUMENT_KINDS.join(', ')}
  -h, --help           Show this help
  -v, --version        Show the version

Exit codes: 0 no warnings or errors, 1 warnings or errors found, 2 usage or config error.
`;

/** Parses and validates `argv`; returns a one-line reason on a usage error. */
export function parseCliArgs(argv: string[]): { options: CliOptions } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        kind: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('. ')[0] ?? '';
    return { error: `${first.charAt(0).toLowerCase()}${first.slice(1)} (see fairword --help)` };
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) {
    return { error: `unknown format '${format}' (expected ${Object.keys(FORMATS).join(', ')})` };
  }
  const kind = values.kind;
  if (kind !== undefined && !(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    return { error: `unknown document kind '${kind}' (expected ${DOCUMENT_KINDS.join(', ')})` };
  }
  const options: CliOptions = {
    targets: positionals,
    format,
    help: values.help ?? false,
    version: values.version ?? false,
  };
  if (values.config !== undefined) options.config = values.config;
  if (kind !== undefined) options.kind = kind as DocumentKind;
  return { options };
}
