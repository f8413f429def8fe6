/**
 * Proof with a real word processor: LibreOffice (headless) opens every reviewed copy `fairword review` writes.
 * The documents are built by make_documents.py with python-docx. For each one:
 *  - the reviewed copy with Fairword's changes rejected has the same text as the original (LibreOffice's text export),
 *  - with them accepted, the original's text with each tracked replacement made,
 *  - LibreOffice reads Fairword's comments, the manager's comment and the tracked changes (its own .odt),
 *  - it converts the reviewed copy to PDF with every comment printed in the margin beside its page, header and
 *    footer included; page 1 becomes a PNG under artefacts/docx/.
 * Needs Debian's libreoffice-writer, python3-docx and poppler-utils (bash test/docx/install.sh). Without them the
 * suite fails: it never skips.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { W } from './build.js';
import { acceptAll, rejectAll } from './revisions.js';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'cli/bin/fairword.js');
const ARTEFACTS = join(ROOT, 'artefacts/docx');
const DOCUMENTS = ['advert', 'policy'] as const;
const TOOLS = ['/usr/bin/soffice', '/usr/bin/python3', '/usr/bin/pdftoppm', '/usr/bin/pdftotext', '/usr/bin/pdfinfo'];
/**
 * Writer's print setting "Comments: Place in margins" (Office.Writer/Print/Content/Note = 4) for the suite's own
 * LibreOffice profile. LibreOffice 7.4's PDF export follows it and prints each comment in a column beside the page
 * (its PDF filter has no ExportNotesInMargin option yet). It needs the full libreoffice-writer package: the -nogui
 * variant lacks the UI files the margin comments are drawn with, and its export then fails.
 */
const COMMENTS_IN_MARGIN = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Writer/Print/Content"><prop oor:name="Note" oor:op="fuse"><value>4</value></prop></item>
</oor:items>
`;

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

/** Every comment of a reviewed copy in the order of its reference mark (where LibreOffice pins it): its author and first paragraph. */
function comments(bytes: Uint8Array): Array<{ author: string; first: string }> {
  const files = unzipSync(bytes);
  const parse = (name: string): Document => new DOMParser().parseFromString(strFromU8(files[name]!), 'text/xml');
  const byId = new Map<string, { author: string; first: string }>();
  for (const c of [...parse('word/comments.xml').getElementsByTagNameNS(W, 'comment')] as Element[]) {
    const first = (c.getElementsByTagNameNS(W, 'p')[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
    byId.set(c.getAttributeNS(W, 'id')!, { author: c.getAttributeNS(W, 'author')!, first });
  }
  const starts = [...parse('word/document.xml').getElementsByTagNameNS(W, 'commentReference')] as Element[];
  return starts.map((s) => byId.get(s.getAttributeNS(W, 'id')!)!);
}

/** Why the documents could not be prepared (LibreOffice or a tool missing, a conversion failed), if they could not. */
let unprepared: unknown;

beforeAll(() => {
  try {
    prepare();
  } catch (err) {
    unprepared = err;
  }
});

// Every test fails, naming what is missing: a suite whose word processor is absent must never pass or skip.
beforeEach(() => {
  if (unprepared) throw unprepared;
});

/** Builds the documents, reviews them, and has LibreOffice convert them to text, .odt, PDF and .doc. */
function prepare(): void {
  const missing = TOOLS.filter((t) => !existsSync(t));
  if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: run bash test/docx/install.sh`);
  if (!existsSync(CLI) || !existsSync(join(ROOT, 'cli/dist/fairword.cjs'))) throw new Error('the CLI is not built: run npm run build');
  dir = mkdtempSync(join(tmpdir(), 'fairword-docx-'));
  mkdirSync(join(dir, 'profile', 'user'), { recursive: true });
  writeFileSync(join(dir, 'profile', 'user', 'registrymodifications.xcu'), COMMENTS_IN_MARGIN);
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
  soffice('pdf:writer_pdf_Export', join(dir, 'pdf'), DOCUMENTS.map((n) => `${n}.reviewed.docx`));
  soffice('doc:MS Word 97', join(dir, 'legacy'), ['policy.docx']);
}

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

  test('the fixes LibreOffice sees are exactly the safe ones', () => {
    expect(replacements(readFileSync(join(dir, 'advert.reviewed.docx')))).toEqual([['recent graduate', 'graduate']]);
    expect(replacements(readFileSync(join(dir, 'policy.reviewed.docx')))).toEqual([
      ['chairman', 'chair'],
      ['elderly staff', 'older staff'],
    ]);
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

  test.each(DOCUMENTS)('%s: the PDF prints every comment in the margin beside its page, in document order; page 1 is saved as a PNG', (name) => {
    const pdf = join(dir, 'pdf', `${name}.reviewed.pdf`);
    const info = execFileSync('/usr/bin/pdfinfo', [pdf], { encoding: 'utf8' });
    const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!.map(Number);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    // LibreOffice shrinks the page to 75% of its width and prints the comments in the column to its right.
    const edge = Math.floor(width! * 0.73);
    const crop = (x: number, w: number): string =>
      execFileSync('/usr/bin/pdftotext', ['-f', '1', '-l', String(pages), '-x', String(x), '-y', '0', '-W', String(w), '-H', String(Math.ceil(height!)), pdf, '-'], {
        encoding: 'utf8',
      });
    const margin = crop(edge, Math.ceil(width!) - edge).split('\n').map((line) => line.trim());
    const page = crop(0, edge);
    const expected = comments(readFileSync(join(dir, `${name}.reviewed.docx`)));
    expect(expected.length).toBeGreaterThan(2);

    // Each comment is a box in the margin that ends with its date, and names its author.
    expect(margin.filter((line) => /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/.test(line))).toHaveLength(expected.length);
    const authors = [...new Set(expected.map((c) => c.author))];
    for (const author of authors) expect(margin.filter((line) => line === author)).toHaveLength(expected.filter((c) => c.author === author).length);
    const flowed = margin
      .filter((line) => !authors.includes(line) && line !== '...' && !/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/.test(line))
      .join(' ')
      .replace(/\s+/g, ' ');
    let at = 0;
    for (const comment of expected) {
      const found = flowed.indexOf(comment.first, at);
      expect(found, `${comment.author}: ${comment.first}`).toBeGreaterThanOrEqual(at);
      at = found + comment.first.length;
    }
    for (const comment of expected) expect(page).not.toContain(comment.first);

    mkdirSync(ARTEFACTS, { recursive: true });
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTEFACTS, `${name}-reviewed-page1`)]);
    const png = readFileSync(join(ARTEFACTS, `${name}-reviewed-page1.png`));
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  test('advert: the comments in the margin are the summary, the three findings and the manager\'s; the page keeps the header, footer, table, list and tracked change', () => {
    const expected = comments(readFileSync(join(dir, 'advert.reviewed.docx')));
    expect(expected.map((c) => `${c.author}: ${c.first.replace(/^(Fairword review:).*$/, '$1')}`)).toEqual([
      'Fairword: Fairword review:',
      "Fairword: 'recent graduate' points to a narrow age band. Ask for the qualification or skill itself.",
      'Jo Manager: Check this with HR first.',
      "Fairword: 'young and dynamic' tells older applicants they are not wanted. Name the skill or quality the job needs instead.",
      "Fairword: 'manpower' suggests the job is for one sex. Use a title that fits anyone.",
    ]);
    const pdf = join(dir, 'pdf', 'advert.reviewed.pdf');
    const pdfText = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const words of ['Northshire Community Health Trust', 'Equal opportunities employer', '£24,071 a year, Band 3', 'Keep accurate records', 'recent graduategraduate']) {
      expect(pdfText).toContain(words);
    }
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
