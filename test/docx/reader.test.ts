import { describe, expect, test } from 'vitest';
import { DocxDocument, describeLocation } from '@fairword/rules/docx';
import { strToU8 } from 'fflate';
import { buildDocx, p, table, W } from './build.js';

describe('reading a .docx into the text the engine lints', () => {
  test('paragraphs are separated by blank lines; headings, list items, table cells and breaks are kept apart', () => {
    const doc = DocxDocument.open(
      buildDocx({
        body:
          p('About the role', 'Heading1') +
          p('First point', 'ListParagraph') +
          '<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line</w:t><w:tab/><w:t>two</w:t></w:r></w:p>' +
          '<w:p/>' +
          table([['Band', '5'], ['Hours', 'Full time']]),
      }),
    );
    expect(doc.text).toBe('About the role\n\n• First point\n\nLine one\nline\ttwo\n\nBand\n\n5\n\nHours\n\nFull time');
    expect(doc.paragraphs.map((q) => [q.number, q.heading, q.list, q.section ?? null, q.place.table ?? null])).toEqual([
      [1, 1, false, null, null],
      [2, 0, true, 'About the role', null],
      [3, 0, false, 'About the role', null],
      [4, 0, false, 'About the role', { table: 1, row: 1, column: 1 }],
      [5, 0, false, 'About the role', { table: 1, row: 1, column: 2 }],
      [6, 0, false, 'About the role', { table: 1, row: 2, column: 1 }],
      [7, 0, false, 'About the role', { table: 1, row: 2, column: 2 }],
    ]);
  });

  test('tracked changes read as accepted: insertions kept, deletions dropped; field codes are not text', () => {
    const doc = DocxDocument.open(
      buildDocx({
        body:
          '<w:p><w:r><w:t xml:space="preserve">We need </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>old</w:delText></w:r></w:del>' +
          '<w:ins w:id="2" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> staff </w:t></w:r>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          '<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      }),
    );
    expect(doc.text).toBe('We need new staff 3');
  });

  test('footnotes follow the body, and a text box follows the paragraph that holds it (from mc:Choice only)', () => {
    const box = (text: string): string => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const doc = DocxDocument.open(
      buildDocx({
        body:
          '<w:p><w:r><w:t>Host</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
          `<mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="urn:wps"><wps:txbx>${box('In the box')}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict><v:textbox xmlns:v="urn:v">${box('In the box')}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
          '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>' +
          p('After'),
        footnotes: `<w:footnote w:id="1">${p('A note about manpower.')}</w:footnote>`,
      }),
    );
    expect(doc.text).toBe('Host\n\nIn the box\n\nAfter\n\nA note about manpower.');
    expect(doc.paragraphs.map((q) => [q.number, q.place])).toEqual([
      [1, { story: 'body' }],
      [2, { story: 'body', textbox: true }],
      [3, { story: 'body' }],
      [1, { story: 'footnote', note: 1 }],
    ]);
  });

  test('a phrase split across runs, mid-word, is located in its paragraph with the heading above it', () => {
    const doc = DocxDocument.open(buildDocx({ body: p('Who we want', 'Heading1') + p(['We welcome a recent grad', '*uate', ' who likes people.']) }));
    const start = doc.text.indexOf('recent graduate');
    const location = doc.locate({ offset: { start, end: start + 'recent graduate'.length } })!;
    expect(location).toEqual({
      paragraph: 2,
      story: 'body',
      start: 13,
      end: 28,
      quote: 'recent graduate',
      context: 'We welcome a recent graduate who likes people.',
      heading: 'Who we want',
    });
    expect(describeLocation(location)).toBe('paragraph 2 under "Who we want"');
    expect(describeLocation({ ...location, table: { table: 1, row: 2, column: 3 } })).toBe('table 1, row 2, column 3, paragraph 2 under "Who we want"');
  });

  test('headers and footers follow the notes, each numbered in the order the sections use them, each part once', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const part = (root: 'hdr' | 'ftr', text: string): Uint8Array => strToU8(`<w:${root} xmlns:w="${W}">${p(text)}</w:${root}>`);
    const bytes = buildDocx({
      // Section 1 ends at the first paragraph: its own first-page header; section 2 (the body's) the default one and
      // the same first-page header again, which is read once.
      body:
        `<w:p><w:pPr><w:sectPr xmlns:r="${R}"><w:headerReference w:type="first" r:id="rId7"/></w:sectPr></w:pPr><w:r><w:t>Section one</w:t></w:r></w:p>` +
        p('Section two'),
      header: 'Our young team',
      footer: 'Equal opportunities employer',
      footnotes: `<w:footnote w:id="1">${p('A note.')}</w:footnote>`,
      extra: { 'word/header2.xml': part('hdr', 'First page header') },
      rels: `<Relationship Id="rId7" Type="${R}/header" Target="header2.xml"/>`,
      sectPr: '<w:headerReference w:type="first" r:id="rId7"/>',
    });
    const doc = DocxDocument.open(bytes);
    expect(doc.text).toBe('Section one\n\nSection two\n\nA note.\n\nFirst page header\n\nOur young team\n\nEqual opportunities employer');
    expect(doc.paragraphs.map((q) => [q.number, q.place])).toEqual([
      [1, { story: 'body' }],
      [2, { story: 'body' }],
      [1, { story: 'footnote', note: 1 }],
      [1, { story: 'header', part: 1 }],
      [1, { story: 'header', part: 2 }],
      [1, { story: 'footer', part: 1 }],
    ]);
    const start = doc.text.indexOf('young team');
    const location = doc.locate({ offset: { start, end: start + 'young team'.length } })!;
    expect(location).toEqual({ paragraph: 1, story: 'header', part: 2, start: 4, end: 14, quote: 'young team', context: 'Our young team' });
    expect(describeLocation(location)).toBe('header 2, paragraph 1');
  });
});
