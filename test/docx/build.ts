/**
 * Builds small .docx packages in memory for the unit tests, from WordprocessingML written out by hand, so each test
 * controls exactly how text is split into runs. Uses fflate, the zip library the engine itself uses.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** What goes into a test package; `body` is the XML inside `w:body`. */
export interface DocxSpec {
  body: string;
  /** Extra `w:style` elements for styles.xml (Heading 1 and List Paragraph are always there). */
  styles?: string;
  /** XML inside `w:comments`: the document then has a comments part. */
  comments?: string;
  /** XML inside `w:footnotes` (after the two separator notes). */
  footnotes?: string;
  /** The text of the default header and footer (one paragraph each). */
  header?: string;
  footer?: string;
  /** Extra relationships of the main document (for parts in `extra`). */
  rels?: string;
  /** Extra content of the body's `w:sectPr`, after the header and footer references. */
  sectPr?: string;
  /** Extra entries, e.g. an image or vbaProject.bin. */
  extra?: Record<string, Uint8Array>;
  /** Content type of the main document (to test macro-enabled packages). */
  mainType?: string;
}

/** A 1x1 PNG. */
export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4,
  0x89, 0, 0, 0, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 0x05, 0, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0,
  0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

/** A paragraph with one run per string (a string starting with '*' is bold, without the star). */
export function p(runs: string | string[], style?: string): string {
  const list = typeof runs === 'string' ? [runs] : runs;
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${pPr}${list.map(run).join('')}</w:p>`;
}

/** One run; a leading '*' makes it bold. */
export function run(text: string): string {
  const bold = text.startsWith('*');
  const value = bold ? text.slice(1) : text;
  return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escape(value)}</w:t></w:r>`;
}

/** A table of rows of cells, each cell one paragraph. */
export function table(rows: string[][]): string {
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
}

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The .docx bytes for `spec`. */
export function buildDocx(spec: DocxSpec): Uint8Array {
  const rels: string[] = [`<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>`];
  const overrides: string[] = [
    `<Override PartName="/word/document.xml" ContentType="${spec.mainType ?? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'}"/>`,
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
  ];
  const files: Zippable = {};
  const styles = `${DECL}<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>${spec.styles ?? ''}</w:styles>`;
  files['word/styles.xml'] = strToU8(styles);
  if (spec.comments !== undefined) {
    rels.push(`<Relationship Id="rId2" Type="${R}/comments" Target="comments.xml"/>`);
    overrides.push('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    files['word/comments.xml'] = strToU8(`${DECL}<w:comments xmlns:w="${W}">${spec.comments}</w:comments>`);
  }
  if (spec.footnotes !== undefined) {
    rels.push(`<Relationship Id="rId3" Type="${R}/footnotes" Target="footnotes.xml"/>`);
    overrides.push('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>');
    files['word/footnotes.xml'] = strToU8(
      `${DECL}<w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${spec.footnotes}</w:footnotes>`,
    );
  }
  if (spec.header !== undefined) {
    rels.push(`<Relationship Id="rId4" Type="${R}/header" Target="header1.xml"/>`);
    overrides.push('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>');
    files['word/header1.xml'] = strToU8(`${DECL}<w:hdr xmlns:w="${W}">${p(spec.header)}</w:hdr>`);
  }
  if (spec.footer !== undefined) {
    rels.push(`<Relationship Id="rId6" Type="${R}/footer" Target="footer1.xml"/>`);
    overrides.push('<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>');
    files['word/footer1.xml'] = strToU8(`${DECL}<w:ftr xmlns:w="${W}">${p(spec.footer)}</w:ftr>`);
  }
  for (const [name, data] of Object.entries(spec.extra ?? {})) {
    files[name] = data;
    if (name.endsWith('.png')) rels.push(`<Relationship Id="rId5" Type="${R}/image" Target="${name.replace(/^word\//, '')}"/>`);
  }
  if (spec.rels) rels.push(spec.rels);
  const references =
    (spec.header !== undefined ? '<w:headerReference w:type="default" r:id="rId4"/>' : '') +
    (spec.footer !== undefined ? '<w:footerReference w:type="default" r:id="rId6"/>' : '') +
    (spec.sectPr ?? '');
  const sect = `<w:sectPr>${references}</w:sectPr>`;
  files['word/document.xml'] = strToU8(`${DECL}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${spec.body}${sect}</w:body></w:document>`);
  files['word/_rels/document.xml.rels'] = strToU8(`${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  files['_rels/.rels'] = strToU8(
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  files['[Content_Types].xml'] = strToU8(
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>${overrides.join('')}</Types>`,
  );
  const ordered: Zippable = { '[Content_Types].xml': files['[Content_Types].xml']! };
  for (const [k, v] of Object.entries(files)) if (k !== '[Content_Types].xml') ordered[k] = v;
  return zipSync(ordered);
}

/** Offsets of the local header and central directory entry of `name` in a zip. */
function entryHeaders(zip: Uint8Array, name: string): { local: number; central: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = { local: -1, central: -1 };
  const nameAt = (i: number, length: number): string => new TextDecoder().decode(zip.subarray(i, i + length));
  for (let i = 0; i + 46 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)) === name) at.local = i;
    if (sig === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)) === name) at.central = i;
  }
  if (at.local < 0 || at.central < 0) throw new Error(`no entry ${name}`);
  return at;
}

/** A copy of `zip` whose entry `name` declares `size` bytes unpacked (a zip bomb's lie, or damage). */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const { local, central } = entryHeaders(out, name);
  view.setUint32(local + 22, size, true);
  view.setUint32(central + 24, size, true);
  return out;
}

/** A copy of `zip` with 16 bytes of entry `name`'s compressed data inverted, as damage on a disk would. */
export function withDamagedEntry(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const { local } = entryHeaders(out, name);
  const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  for (let i = 4; i < 20; i++) out[data + i]! ^= 0xff;
  return out;
}
