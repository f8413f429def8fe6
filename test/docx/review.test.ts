import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { createLinter, safeEdits } from '@fairword/rules';
import { DocxDocument, reviewDocx } from '@fairword/rules/docx';
import { buildDocx, p, PNG, W } from './build.js';
import { rejectAll } from './revisions.js';

const DATE = new Date(Date.UTC(2025, 0, 2, 3, 4, 5));
const linter = createLinter();

/** Lints a package's text view and writes the reviewed copy. */
function review(bytes: Uint8Array, trackChanges = true) {
  const doc = DocxDocument.open(bytes);
  const result = linter.lint(doc.text, { format: 'plaintext' });
  return { doc, result, out: reviewDocx(bytes, result, { date: DATE, trackChanges }) };
}

/** The text (w:t and w:delText) between the range markers of comment `id`, and the XML of each comment by id. */
function commented(bytes: Uint8Array): { ranges: Map<string, string>; comments: Map<string, string>; files: Record<string, Uint8Array> } {
  const files = unzipSync(bytes);
  const doc = new DOMParser().parseFromString(strFromU8(files['word/document.xml']!), 'text/xml');
  const open = new Map<string, string>();
  const ranges = new Map<string, string>();
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      const id = el.getAttributeNS(W, 'id') ?? '';
      if (el.localName === 'commentRangeStart') open.set(id, '');
      else if (el.localName === 'commentRangeEnd') {
        ranges.set(id, open.get(id) ?? '');
        open.delete(id);
      } else if (el.localName === 't' || el.localName === 'delText') {
        for (const key of open.keys()) open.set(key, open.get(key)! + el.textContent);
      } else walk(el);
    }
  };
  walk(doc.documentElement!);
  const comments = new Map<string, string>();
  const cdoc = new DOMParser().parseFromString(strFromU8(files['word/comments.xml']!), 'text/xml');
  for (const c of [...cdoc.getElementsByTagNameNS(W, 'comment')] as Element[]) {
    const paras = ([...c.getElementsByTagNameNS(W, 'p')] as Element[]).map((q) => q.textContent);
    comments.set(c.getAttributeNS(W, 'id')!, `${c.getAttributeNS(W, 'author')}: ${paras.join(' | ')}`);
  }
  return { ranges, comments, files };
}

const ADVERT = buildDocx({
  header: 'Northshire NHS Trust',
  body:
    p('Healthcare assistant: job advert', 'Heading1') +
    p(['We welcome a recent grad', '*uate', ' who enjoys helping people.']) +
    p(['The ideal candidate is ', '*young and ', 'dynamic', '.']) +
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="urn:wp"><a:blip xmlns:a="urn:a" r:embed="rId5"/></wp:inline></w:drawing></w:r></w:p>' +
    '<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>Salary: £24,000 a year.</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>' +
    '<w:p><w:r><w:t xml:space="preserve">Closing date: 1 May. </w:t></w:r><w:ins w:id="8" w:author="Editor" w:date="2024-01-01T00:00:00Z"><w:r><w:t>Interviews in June.</w:t></w:r></w:ins></w:p>',
  comments: '<w:comment w:id="7" w:author="Manager" w:initials="M"><w:p><w:r><w:t>Check the band.</w:t></w:r></w:p></w:comment>',
  extra: { 'word/media/image1.png': PNG },
});

describe('fairword review: the reviewed copy', () => {
  test('each finding is a comment on exactly its words; the safe fix is a tracked change', () => {
    const { doc, result, out } = review(ADVERT);
    const spans = result.findings.filter((f) => f.scope === 'span');
    expect(spans.map((f) => `${f.ruleId} "${f.actual}" → ${f.suggestions.join('/')}`)).toEqual([
      'recent-graduate "recent graduate" → graduate',
      'young "young and dynamic" → ',
    ]);
    expect(out.changes).toBe(1);
    expect(out.comments).toBe(3);
    const { ranges, comments } = commented(out.bytes);
    // The existing comment keeps its id and range; the new ones take ids above every id in the document.
    // Ids 9 and 10 are the tracked change; the comments take the next ones, the summary last.
    expect([...ranges]).toEqual([
      ['13', 'Healthcare assistant: job advert'],
      ['11', 'recent graduategraduate'],
      ['12', 'young and dynamic'],
      ['7', 'Salary: £24,000 a year.'],
    ]);
    expect(comments.get('7')).toBe('Manager: Check the band.');
    expect(comments.get('11')).toMatch(/^Fairword: .+ \| Why it matters: .+ \| Suggested change \(tracked, accept or reject it\): "recent graduate" → "graduate"\. \| Source: .+ \| Fairword rule recent-graduate: /);
    expect(comments.get('12')).toMatch(/^Fairword: .+ \| Why it matters: .+ \| Source: .+ \| Fairword rule young: /);
    expect(comments.get('13')).toMatch(/^Fairword: Fairword review: \d+ findings .*, 3 comments and 1 tracked change\. \| Checked as: job advert\. \| Missing statements: /);
    expect(comments.get('13')).toContain('Gender coding: ');
    expect(comments.get('13')).toContain('Reading age: ');
    expect(doc.text).toContain('Interviews in June.');
  });

  test("accepting every change gives the fixed text; rejecting Fairword's changes gives the original text", () => {
    const { doc, result, out } = review(ADVERT);
    let fixed = doc.text;
    for (const e of safeEdits(doc.text, result.findings).reverse()) fixed = fixed.slice(0, e.start) + e.text + fixed.slice(e.end);
    expect(DocxDocument.open(out.bytes).text).toBe(fixed);
    expect(fixed).toContain('We welcome a graduate who enjoys helping people.');
    expect(DocxDocument.open(rejectAll(out.bytes, 'Fairword')).text).toBe(doc.text);
    expect(DocxDocument.open(rejectAll(out.bytes)).text).toBe(DocxDocument.open(rejectAll(ADVERT)).text);
  });

  test('the tracked change keeps the formatting of the words it replaces and is authored by Fairword', () => {
    const xml = strFromU8(unzipSync(review(ADVERT).out.bytes)['word/document.xml']!);
    expect(xml).toContain(
      '<w:r><w:t xml:space="preserve">We welcome a </w:t></w:r>' +
        '<w:commentRangeStart w:id="11"/><w:del w:id="9" w:author="Fairword" w:date="2025-01-02T03:04:05Z">' +
        '<w:r><w:delText xml:space="preserve">recent grad</w:delText></w:r><w:r><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">uate</w:delText></w:r></w:del>' +
        '<w:ins w:id="10" w:author="Fairword" w:date="2025-01-02T03:04:05Z"><w:r><w:t xml:space="preserve">graduate</w:t></w:r></w:ins>' +
        '<w:commentRangeEnd w:id="11"/><w:r><w:commentReference w:id="11"/></w:r><w:r><w:t xml:space="preserve"> who enjoys helping people.</w:t></w:r>',
    );
  });

  test('everything else survives byte for byte: styles, header, image, existing comments part content', () => {
    const before = unzipSync(ADVERT);
    const after = unzipSync(review(ADVERT).out.bytes);
    for (const name of ['word/styles.xml', 'word/header1.xml', 'word/media/image1.png', '_rels/.rels', '[Content_Types].xml', 'word/_rels/document.xml.rels']) {
      expect(after[name], name).toEqual(before[name]);
    }
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  });

  test('a document without comments gains a comments part, its relationship and its content type', () => {
    const bytes = buildDocx({ body: p('Our manpower plan') });
    const files = unzipSync(review(bytes).out.bytes);
    expect(strFromU8(files['word/_rels/document.xml.rels']!)).toContain(
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>',
    );
    expect(strFromU8(files['[Content_Types].xml']!)).toContain(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
    expect(strFromU8(files['word/comments.xml']!)).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>\n<w:comments xmlns:w="[^"]+"><w:comment w:id="2" w:author="Fairword"/);
  });

  test('--no-track-changes: comments only, the text is unchanged', () => {
    const { doc, out } = review(ADVERT, false);
    expect(out.changes).toBe(0);
    expect(out.comments).toBe(3);
    expect(DocxDocument.open(out.bytes).text).toBe(doc.text);
    expect(strFromU8(unzipSync(out.bytes)['word/document.xml']!)).not.toContain('w:author="Fairword"');
  });

  test('a fix inside someone else\'s pending insertion becomes a comment only', () => {
    const bytes = buildDocx({
      body: '<w:p><w:r><w:t xml:space="preserve">We want </w:t></w:r><w:ins w:id="1" w:author="Editor"><w:r><w:t>a recent graduate</w:t></w:r></w:ins></w:p>',
    });
    const { out } = review(bytes);
    expect(out.changes).toBe(0);
    const { ranges, comments } = commented(out.bytes);
    expect(ranges.get('2')).toBe('recent graduate');
    expect(comments.get('2')).toContain('Instead, write: "graduate".');
  });
});

describe('comments and changes outside the body text', () => {
  test('a finding in a footnote is commented and fixed in the footnotes part; one in a table cell in its cell', () => {
    const bytes = buildDocx({
      body: p('Our plan') + '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>We hire a recent graduate.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
      footnotes: `<w:footnote w:id="1">${p('It would suit a recent graduate.')}</w:footnote>`,
    });
    const { doc, out } = review(bytes);
    expect(out.changes).toBe(2);
    const files = unzipSync(out.bytes);
    const notes = strFromU8(files['word/footnotes.xml']!);
    expect(notes).toMatch(/<w:commentRangeStart w:id="(\d+)"\/><w:del w:id="\d+" w:author="Fairword"[^>]*><w:r><w:delText xml:space="preserve">recent graduate<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">graduate<\/w:t><\/w:r><\/w:ins><w:commentRangeEnd w:id="\1"\/><w:r><w:commentReference w:id="\1"\/><\/w:r>/);
    expect(strFromU8(files['word/document.xml']!)).toContain('<w:tc><w:p><w:r><w:t xml:space="preserve">We hire a </w:t></w:r><w:commentRangeStart');
    expect(DocxDocument.open(out.bytes).text).toBe(doc.text.replace(/recent graduate/g, 'graduate'));
    expect(DocxDocument.open(rejectAll(out.bytes, 'Fairword')).text).toBe(doc.text);
  });

  test('findings in a header or footer are listed in the summary comment, with where they are; the header and footer stay as they were', () => {
    const bytes = buildDocx({ body: p('We plan the manpower of each ward.'), header: 'The ideal candidate is young and dynamic', footer: 'Ideal for a recent graduate' });
    const { result, out } = review(bytes);
    expect(result.findings.filter((f) => f.scope === 'span').map((f) => f.ruleId)).toEqual(['gendered-job-title', 'young', 'recent-graduate']);
    // One comment on the body's finding, and the summary; no tracked change outside the body.
    expect(out.comments).toBe(2);
    expect(out.changes).toBe(0);
    const { ranges, comments, files } = commented(out.bytes);
    expect([...ranges.values()]).toEqual(['manpower', 'We plan the manpower of each ward.']);
    const summary = [...comments.values()].find((c) => c.startsWith('Fairword: Fairword review:'))!;
    const lines = summary.split(' | ');
    expect(lines.slice(lines.indexOf('In the headers and footers (Word holds no comments there):'))).toEqual([
      'In the headers and footers (Word holds no comments there):',
      `• header 1, paragraph 1: "young and dynamic": ${result.findings[1]!.message} (Fairword rule young)`,
      `• footer 1, paragraph 1: "recent graduate": ${result.findings[2]!.message} Instead, write: "graduate". (Fairword rule recent-graduate)`,
    ]);
    const before = unzipSync(bytes);
    for (const name of ['word/header1.xml', 'word/footer1.xml']) expect(files[name], name).toEqual(before[name]);
  });
});
