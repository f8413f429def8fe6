/**
 * Proof with a real word processor: LibreOffice (headless) opens every reviewed copy `fairword review` writes.
 * The documents are built by make_documents.py with python-docx. For each one:
 *  - the reviewed copy with Fairword's changes rejected has the same text as the original (LibreOffice's text export),
 *  - with them accepted, the original's text with each tracked replacement made,
 *  - LibreOffice reads Fairword's comments, the manager's comment and the tracked changes (its own .odt),
 *  - it converts the reviewed copy to PDF with every comment as an annotation at its words, header and footer
 *    included; page 1 becomes a PNG under artefacts/docx/.
 * Needs Debian's libreoffice-writer-nogui, python3-docx and poppler-utils (bash test/docx/install.sh). Without
 * them the suite fails: it never skips.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { W } from './build.js';
import { acceptAll, rejectAll } from './revisions.js';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'cli/bin/fairword.js');
const ARTEFACTS = join(ROOT, 'artefacts/docx');
const DOCUMENTS = ['advert', 'policy'] as const;
const TOOLS = ['/usr/bin/soffice', '/usr/bin/python3', '/usr/bin/pdftoppm', '/usr/bin/pdftotext'];

let dir: string;
const reviewRuns = new Map<string, { status: number | null; stdout: string; stderr: string }>();

/** Runs headless LibreOffice on `files` with a profile of its own, converting them to `to` in `outdir`. */
function soffice(to: string, outdir: string, files: string[]): void {
  execFileSync('/usr/bin/soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', to, '--outdir', outdir, ...files], {
    cwd: dir,
    stdio: 'pipe',
    timeout: 240_000,
  });
  for (const f of files) {
    const out = join(outdir, f.replace(/\.docx?$/, `.${to.split(':')[0]}`));
    if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${f} to ${to}`);
  }
}

const text = (name: string): string => readFileSync(join(dir, 'txt', `${name}.txt`), 'utf8');

/** Fairword's tracked replacements in a reviewed copy: [deleted text, inserted text], in document order. */
function replacements(bytes: Uint8Array): Array<[string, string]> {
  const doc = new DOMParser().parseFromString(strFromU8(unzipSync(bytes)['word/document.xml']!), 'text/xml');
  const out: Array<[string, string]> = [];
  for (const del of [...doc.getElementsByTagNameNS(W, 'del')] as Element[]) {
    if (del.getAttributeNS(W, 'author') !== 'Fairword') continue;
    const ins = del.nextSibling as Element;
    out.push([del.textContent ?? '', ins.textContent ?? '']);
  }
  return out;
}

beforeAll(() => {
  const missing = TOOLS.filter((t) => !existsSync(t));
  if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: run bash test/docx/install.sh`);
  if (!existsSync(CLI) || !existsSync(join(ROOT, 'cli/dist/fairword.cjs'))) throw new Error('the CLI is not built: run npm run build');
  dir = mkdtempSync(join(tmpdir(), 'fairword-docx-'));
  execFileSync('/usr/bin/python3', [join(__dirname, 'make_documents.py'), dir], { stdio: 'pipe' });
  for (const name of DOCUMENTS) {
    const run = spawnSync(process.execPath, [CLI, 'review', `${name}.docx`], { cwd: dir, encoding: 'utf8' });
    reviewRuns.set(name, run);
    const reviewed = readFileSync(join(dir, `${name}.reviewed.docx`));
    writeFileSync(join(dir, `${name}.rejected.docx`), rejectAll(reviewed, 'Fairword'));
    writeFileSync(join(dir, `${name}.accepted.docx`), acceptAll(reviewed, 'Fairword'));
  }
  const all = DOCUMENTS.flatMap((n) => [`${n}.docx`, `${n}.rejected.docx`, `${n}.accepted.docx`]);
  soffice('txt:Text (encoded):UTF8', join(dir, 'txt'), all);
  soffice('odt', join(dir, 'odt'), DOCUMENTS.map((n) => `${n}.reviewed.docx`));
  // Comments go into the PDF as annotations pinned at their words (LibreOffice 7.4 cannot print them in the margin).
  soffice('pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', join(dir, 'pdf'), DOCUMENTS.map((n) => `${n}.reviewed.docx`));
  soffice('doc:MS Word 97', join(dir, 'legacy'), ['policy.docx']);
});

describe('LibreOffice opens every reviewed copy', () => {
  test.each(DOCUMENTS)('%s: review wrote the copy and left the original alone', (name) => {
    const run = reviewRuns.get(name)!;
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^wrote ${name}\\.reviewed\\.docx: \\d+ findings?, \\d+ comments?, [1-9]\\d* tracked changes?\\n$`));
    expect(run.status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith(`${name}.`)).sort()).toEqual(
      [`${name}.accepted.docx`, `${name}.docx`, `${name}.rejected.docx`, `${name}.reviewed.docx`],
    );
  });

  test.each(DOCUMENTS)("%s: rejecting Fairword's changes gives back the original text exactly", (name) => {
    expect(text(`${name}.rejected`)).toBe(text(name));
    expect(text(name).length).toBeGreaterThan(100);
  });

  test.each(DOCUMENTS)("%s: accepting Fairword's changes gives the text with each safe fix made", (name) => {
    const pairs = replacements(readFileSync(join(dir, `${name}.reviewed.docx`)));
    expect(pairs.length).toBeGreaterThan(0);
    let expected = text(name);
    for (const [from, to] of pairs) {
      expect(expected).toContain(from);
      expected = expected.replace(from, to);
    }
    expect(text(`${name}.accepted`)).toBe(expected);
  });

  test('advert: the fixes LibreOffice sees are exactly the safe ones', () => {
    expect(replacements(readFileSync(join(dir, 'advert.reviewed.docx')))).toEqual([['recent graduate', 'graduate']]);
    expect(replacements(readFileSync(join(dir, 'policy.reviewed.docx')))).toEqual([['elderly', 'older']]);
  });

  test("advert: LibreOffice reads Fairword's comments, the manager's comment, and both people's tracked changes", () => {
    const content = strFromU8(unzipSync(readFileSync(join(dir, 'odt', 'advert.reviewed.odt')))['content.xml']!);
    const annotations = [...content.matchAll(/<office:annotation\b[^>]*>([\s\S]*?)<\/office:annotation>/g)].map((m) => m[1]!);
    const by = (author: string): string[] => annotations.filter((a) => a.includes(`<dc:creator>${author}</dc:creator>`));
    expect(by('Fairword')).toHaveLength(4);
    expect(by('Fairword').map((a) => /Fairword rule ([a-z-]+)|Fairword review:/.exec(a.replace(/<[^>]+>/g, ''))?.[0])).toEqual([
      'Fairword review:',
      'Fairword rule recent-graduate',
      'Fairword rule young',
      'Fairword rule gendered-job-title',
    ]);
    expect(by('Jo Manager')).toHaveLength(1);
    expect(by('Jo Manager')[0]!.replace(/<[^>]+>/g, '')).toContain('Check this with HR first.');
    const regions = [...content.matchAll(/<text:changed-region\b[\s\S]*?<\/text:changed-region>/g)].map((m) => m[0]);
    const summary = regions.map((r) => `${/<text:(insertion|deletion)>/.exec(r)?.[1]} by ${/<dc:creator>([^<]*)<\/dc:creator>/.exec(r)?.[1]}`);
    expect(summary.sort()).toEqual(['deletion by Editor', 'deletion by Fairword', 'insertion by Editor', 'insertion by Fairword']);
  });

  test('advert: the PDF carries every comment, keeps the header, footer, table and list, shows the tracked change; page 1 is saved as a PNG', () => {
    const pdf = join(dir, 'pdf', 'advert.reviewed.pdf');
    const raw = readFileSync(pdf).toString('latin1');
    const notes = [...raw.matchAll(/\/Subtype \/Text\b[^]*?\/Contents <FEFF([0-9A-F]*)>/g)].map((m) =>
      String.fromCharCode(...(m[1]!.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))),
    );
    // In the PDF's object order, which is not the document's.
    expect(notes.map((n) => n.split('\n')[0]!.replace(/^(Fairword review:).*$/, '$1')).sort()).toEqual([
      'Fairword review:',
      'Check this with HR first.',
      "'recent graduate' points to a narrow age band. Ask for the qualification or skill itself.",
      "'young and dynamic' tells older applicants they are not wanted. Name the skill or quality the job needs instead.",
      "'manpower' suggests the job is for one sex. Use a title that fits anyone.",
    ].sort());
    const pdfText = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const words of ['Northshire Community Health Trust', 'Equal opportunities employer', '£24,071 a year, Band 3', 'Keep accurate records', 'recent graduategraduate']) {
      expect(pdfText).toContain(words);
    }
    mkdirSync(ARTEFACTS, { recursive: true });
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTEFACTS, 'advert-reviewed-page1')]);
    const png = readFileSync(join(ARTEFACTS, 'advert-reviewed-page1.png'));
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  test('a real .doc from LibreOffice is refused in one line with exit code 2; the other file is still checked; nothing is written', () => {
    const legacy = join(dir, 'legacy');
    execFileSync('cp', [join(dir, 'advert.docx'), legacy]);
    const run = spawnSync(process.execPath, [CLI, 'policy.doc', 'advert.docx', '--format', 'json'], { cwd: legacy, encoding: 'utf8' });
    expect(run.stderr).toBe(
      'fairword: cannot read policy.doc: this is an old Word 97-2003 (.doc) file; save it as .docx (Word Document) and try again\n',
    );
    expect(run.status).toBe(2);
    const results = JSON.parse(run.stdout) as Array<{ file: string; findings: Array<{ ruleId: string }> }>;
    expect(results.map((r) => r.file)).toEqual(['advert.docx']);
    expect(results[0]!.findings.map((f) => f.ruleId)).toContain('recent-graduate');
    expect(readdirSync(legacy).sort()).toEqual(['advert.docx', 'policy.doc']);
  });
});
