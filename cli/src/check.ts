import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { capFindings, formatFromFilename, SEVERITY_RANK, type DocumentKind, type Finding, type LintOptions, type LintResult, type Severity } from '@fairword/rules';
import { encodeText, replaceFileSync, WriteRefused } from '@fairword/rules/node';
import type { ConfigCache } from './config.js';
import { checkDocxFile, isDocxName } from './docx.js';
import { displayPath, readText } from './files.js';
import { fixText } from './fix.js';
import type { FileResult } from './formats/index.js';

/** What to do with each file; plain data, so it can be handed to a worker thread. */
export interface Job {
  cwd: string;
  /** Absolute path of the config forced with `--config`. */
  config?: string;
  /** Document kind forced with `--kind`. */
  kind?: DocumentKind;
  /** `write` (--fix) rewrites files; `diff` (--fix-dry-run) returns a unified diff instead. */
  fix?: 'write' | 'diff';
  /** Findings less serious than this are neither reported nor fixed (`--quiet`); `hint` keeps everything. */
  reportAt: Severity;
}

/** What checking one file produced, in the order it is reported. */
export interface Outcome {
  /** One-line notes for stderr (skipped files, fixes that could not be written, internal errors). */
  notes: string[];
  result?: FileResult;
  /** Whether the CLI failed on this file (exit code 2). */
  crashed?: boolean;
  /** Findings by severity, counted before `--quiet` drops any (exit codes use these). */
  counts: Record<Severity, number>;
  /** Safe fixes applied (or, with `diff`, that would be applied); 0 when they could not be written. */
  fixes: number;
  /** With `write`: fixes were made but the file could not be written. */
  writeFailed?: boolean;
  /** With `diff`: the unified diff of the fixes. */
  patch?: string;
}

/**
 * Reads and checks one file: lints it, applies or previews safe fixes, and drops findings `--quiet` hides.
 * `real` is the file's real path, resolved when the file was chosen: fixes are written there only if the path
 * still leads there.
 */
export async function checkFile(path: string, job: Job, configs: ConfigCache, real?: string): Promise<Outcome> {
  if (isDocxName(path)) return checkDocxFile(path, job, configs);
  const file = displayPath(job.cwd, path);
  const setup = configs.setupFor(path);
  if ('error' in setup) return { notes: [setup.error], crashed: true, fixes: 0, counts: noCounts() };
  const read = await readText(path, file, setup.maxFileSize);
  if ('note' in read) return { notes: [read.note], fixes: 0, counts: noCounts() };
  const outcome = checkText(read.text, file, path, job, configs);
  if (job.fix === 'write' && outcome.fixed !== undefined) {
    try {
      replaceFileSync(path, encodeText(outcome.fixed, read.encoding), { expect: read.stamp, ...(real === undefined ? {} : { real }) });
    } catch (err) {
      const reason = err instanceof WriteRefused ? err.message : ((err as NodeJS.ErrnoException).code ?? String(err));
      outcome.notes.push(`cannot write fixes to ${file}: ${reason}; the file is unchanged`);
      outcome.crashed = true;
      outcome.writeFailed = true;
      outcome.fixes = 0;
    }
  }
  delete outcome.fixed;
  return outcome;
}

/**
 * Checks `text` as the document `file` (shown to the user) at `path` (used to find its config).
 * With a fix mode, `fixed` is the fixed text when fixes changed it. At most LIMITS.findingsPerFile findings are
 * reported (with a notice); the counts behind the exit code include every finding.
 */
export function checkText(text: string, file: string, path: string, job: Job, configs: ConfigCache): Outcome & { fixed?: string } {
  const setup = configs.setupFor(path);
  if ('error' in setup) return { notes: [setup.error], crashed: true, fixes: 0, counts: noCounts() };
  const options: LintOptions = { filename: file };
  const format = formatFromFilename(path);
  if (format) options.format = format;
  const kind = job.kind ?? setup.kind;
  if (kind) options.kind = kind;
  const shown = (finding: Finding): boolean => SEVERITY_RANK[finding.severity] <= SEVERITY_RANK[job.reportAt];
  let result: LintResult;
  const outcome: Outcome & { fixed?: string } = { notes: [], fixes: 0, counts: noCounts() };
  try {
    const linter = setup.linter();
    const lint = (t: string): LintResult => linter.lint(t, options);
    result = lint(text);
    if (job.fix) {
      const fixed = fixText(text, lint, shown, result);
      result = fixed.result;
      outcome.fixes = fixed.fixes;
      if (fixed.text !== text) {
        outcome.fixed = fixed.text;
        if (job.fix === 'diff') {
          outcome.patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, text, fixed.text, undefined, undefined, {
            context: 3,
            headerOptions: FILE_HEADERS_ONLY,
          });
        }
      }
    }
  } catch (err) {
    outcome.notes.push(`internal error checking ${file}: ${err instanceof Error ? err.message : String(err)}`);
    outcome.crashed = true;
    return outcome;
  }
  for (const finding of result.findings) outcome.counts[finding.severity]++;
  const findings = capFindings(job.reportAt === 'hint' ? result.findings : result.findings.filter(shown));
  outcome.result = { file, ...result, findings };
  return outcome;
}

/** A zero count for each severity. */
export function noCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}
