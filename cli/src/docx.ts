/**
 * Word documents in the CLI: reads a .docx (within a size cap) into the engine's text view, lints it like any file,
 * and gives each finding its place in the document (paragraph, table cell, heading, the words).
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Finding } from '@fairword/rules';
import { DOCX_LIMITS, DocxDocument, DocxError, type DocxLocation } from '@fairword/rules/docx';
import { checkText, noCounts, type Job, type Outcome } from './check.js';
import type { ConfigCache } from './config.js';
import { displayPath } from './files.js';

export { isDocxName } from '@fairword/rules/docx';

/** Word files larger than this are not read (images make real documents large; the text inside is capped separately). */
export const DOCX_MAX_BYTES = DOCX_LIMITS.maxPackageSize;

/** A finding in a Word document: the engine's finding (offsets into the text view) plus its place in the document. */
export type DocxFinding = Finding & { docx: DocxLocation };

/** Reads and opens a .docx, or gives the one-line reason it cannot be read. */
export function openDocxFile(path: string, shown: string): { doc: DocxDocument } | { error: string } {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const { size } = fstatSync(fd);
    if (size > DOCX_MAX_BYTES) return { error: `cannot read ${shown}: ${size} bytes is over the ${DOCX_MAX_BYTES}-byte limit for Word documents` };
    bytes = readFileSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: `cannot read ${shown}: ${code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : String(err)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return openDocxBytes(bytes, shown);
}

/** Opens a .docx already read (a file, or stdin), or gives the one-line reason it cannot be read. */
export function openDocxBytes(bytes: Uint8Array, shown: string): { doc: DocxDocument } | { error: string } {
  try {
    return { doc: DocxDocument.open(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)) };
  } catch (err) {
    if (err instanceof DocxError) return { error: `cannot read ${shown}: ${err.message}` };
    throw err;
  }
}

/** Lints an opened Word document as `path`, with its findings located in the document. `--fix` leaves it alone, with a note. */
export function checkDocx(doc: DocxDocument, path: string, job: Job, configs: ConfigCache): Outcome & { findings?: DocxFinding[] } {
  const file = displayPath(job.cwd, path);
  const { fix, ...rest } = job;
  const setup = configs.setupFor(path);
  if (!('error' in setup) && doc.text.length > setup.maxFileSize) {
    return { notes: [`skipped ${file}: its text is over the ${setup.maxFileSize}-byte limit (maxFileSize)`], fixes: 0, counts: noCounts() };
  }
  const { fixed: _fixed, ...outcome } = checkText(doc.text, file, path, rest, configs);
  if (fix) outcome.notes.unshift(`not fixing ${file}: --fix never changes Word documents; run "fairword review ${file}" for a copy with tracked changes`);
  if (outcome.result) {
    const findings: DocxFinding[] = outcome.result.findings.map((f) => ({ ...f, docx: doc.locate(f)! }));
    outcome.result = { ...outcome.result, findings };
  }
  return outcome;
}

/** Reads and checks one Word document; a file that cannot be read is one line on stderr and exit code 2. */
export async function checkDocxFile(path: string, job: Job, configs: ConfigCache): Promise<Outcome> {
  const opened = openDocxFile(path, displayPath(job.cwd, path));
  if ('error' in opened) return { notes: [opened.error], crashed: true, fixes: 0, counts: noCounts() };
  return checkDocx(opened.doc, path, job, configs);
}
