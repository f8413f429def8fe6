import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DOCUMENT_KINDS, type DocumentKind } from '@fairword/rules';
import { reviewDocx, reviewedName } from '@fairword/rules/docx';
import { tryParse } from '../args.js';
import type { Job } from '../check.js';
import { ConfigCache } from '../config.js';
import { checkDocx, isDocxName, openDocxFile } from '../docx.js';
import { displayPath } from '../files.js';
import { fail, say, type CliIO } from './io.js';

/** Usage text for `fairword review --help`. */
export const REVIEW_HELP = `Usage: fairword review [options] <file.docx ...>

Writes a reviewed copy of each Word document beside it (advert.docx -> advert.reviewed.docx):
every finding becomes a comment on its words, every safe fix a tracked change you can accept
or reject, and a comment at the top sums up the document. The original is never changed.

Options:
  -o, --out <path>           Write the reviewed copy here (one document only)
      --no-track-changes     Comments only: no tracked changes
  -c, --config <file>        Use this config file instead of searching for .fairword.yaml
      --kind <kind>          Treat the document as this kind: ${DOCUMENT_KINDS.join(', ')}
  -h, --help                 Show this help

Exit codes: 0 every copy written, 2 a document could not be read or written (the others are still reviewed).
`;

/** `fairword review FILE.docx …`: reviewed copies with comments and tracked changes; never touches the originals. */
export async function reviewCommand(argv: string[], io: CliIO): Promise<number> {
  const parsed = tryParse(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        'no-track-changes': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        kind: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if ('error' in parsed) return fail(io, parsed.error);
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(REVIEW_HELP);
    return 0;
  }
  if (positionals.length === 0) return fail(io, 'review needs a Word document: fairword review advert.docx (see fairword review --help)');
  if (values.out !== undefined && positionals.length > 1) return fail(io, '--out names one reviewed copy, so give one document');
  const kind = values.kind;
  if (kind !== undefined && !(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    return fail(io, `unknown document kind '${kind}' (expected ${DOCUMENT_KINDS.join(', ')})`);
  }
  const forced = values.config === undefined ? undefined : resolve(io.cwd, values.config);
  const job: Job = { cwd: io.cwd, reportAt: 'hint' };
  if (forced !== undefined) job.config = forced;
  if (kind !== undefined) job.kind = kind as DocumentKind;
  const configs = new ConfigCache(io.cwd, forced);
  let code = 0;
  for (const target of positionals) {
    const path = resolve(io.cwd, target);
    const shown = displayPath(io.cwd, path);
    if (!isDocxName(path)) {
      say(io, `cannot review ${shown}: review writes a reviewed copy of a Word document (.docx); for Markdown and text files use --fix`);
      code = 2;
      continue;
    }
    const opened = openDocxFile(path, shown);
    if ('error' in opened) {
      say(io, opened.error);
      code = 2;
      continue;
    }
    const outcome = checkDocx(opened.doc, path, job, configs);
    for (const note of outcome.notes) say(io, note);
    if (outcome.crashed || !outcome.result) {
      code = 2;
      continue;
    }
    const out = outPath(path, values.out === undefined ? undefined : resolve(io.cwd, values.out));
    if (out === path) {
      say(io, `not writing ${shown}: the reviewed copy must not replace the original; choose another --out`);
      code = 2;
      continue;
    }
    try {
      const reviewed = reviewDocx(opened.doc.bytes, outcome.result, { trackChanges: values['no-track-changes'] !== true });
      await writeAtomically(out, reviewed.bytes);
      const n = outcome.result.findings.length;
      io.stdout.write(
        `wrote ${displayPath(io.cwd, out)}: ${plural(n, 'finding')}, ${plural(reviewed.comments, 'comment')}, ${plural(reviewed.changes, 'tracked change')}\n`,
      );
    } catch (err) {
      say(io, `cannot write the reviewed copy of ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err))}`);
      code = 2;
    }
  }
  return code;
}

/** The reviewed copy's path: `--out` (a folder gets the default name inside it), else beside the original. */
function outPath(path: string, out: string | undefined): string {
  if (out === undefined) return reviewedName(path);
  try {
    if (statSync(out).isDirectory()) return join(out, basename(reviewedName(path)));
  } catch {
    // Not there yet: it names the file.
  }
  return out;
}

/** Writes a temporary file in the target's folder, then renames it over the target: a reader never sees half a file. */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
