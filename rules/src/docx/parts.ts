import type { Document, Element } from '@xmldom/xmldom';
import { DocxError } from './errors.js';
import { decodeXml, type Package } from './package.js';
import { childElements, CONTENT_TYPES, isW, isWEl, parseXml, PKG_RELS } from './xml.js';

/** One relationship of a part. */
export interface Relationship {
  id: string;
  type: string;
  /** The target as a package path (no leading slash), for internal targets. */
  path: string;
}

/** Where the parts of a Word document are, from its relationships. */
export interface PartMap {
  /** The main document part, e.g. `word/document.xml`. */
  main: string;
  /** The relationship type prefix this package uses (transitional or strict). */
  relBase: string;
  /** The main document's relationships part, e.g. `word/_rels/document.xml.rels`. */
  mainRels: string;
  rels: Relationship[];
}

const OFFICE_DOCUMENT = /^(.*)\/officeDocument$/;
const MACRO_CONTENT = /macroEnabled/i;

/** Reads an XML entry of the package, or undefined when it is absent. */
export function xmlEntry(pkg: Package, name: string): Document | undefined {
  const bytes = pkg.entries.get(name);
  return bytes ? parseXml(decodeXml(bytes), name) : undefined;
}

/** The relationships part of `part`: `dir/_rels/name.rels`. */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships of `part` (internal targets only). */
export function relationships(pkg: Package, part: string): Relationship[] {
  const doc = xmlEntry(pkg, relsPathOf(part));
  if (!doc) return [];
  const out: Relationship[] = [];
  for (const rel of childElements(doc.documentElement!)) {
    if (rel.namespaceURI !== PKG_RELS || rel.localName !== 'Relationship' || rel.getAttribute('TargetMode') === 'External') continue;
    out.push({ id: rel.getAttribute('Id') ?? '', type: rel.getAttribute('Type') ?? '', path: resolveTarget(part, rel.getAttribute('Target') ?? '') });
  }
  return out;
}

/**
 * Finds the main document and its related parts, and refuses packages that are not Word documents or that carry
 * macros (a `vbaProject.bin`, or a macro-enabled content type).
 */
export function partMap(pkg: Package): PartMap {
  if (pkg.names.some((n) => /(?:^|\/)vbaProject\.bin$/i.test(n))) {
    throw new DocxError('macros', 'the document contains macros (vbaProject.bin); Fairword does not open macro-enabled files: save a copy as .docx without macros');
  }
  const types = xmlEntry(pkg, '[Content_Types].xml');
  if (!types) throw new DocxError('not-docx', 'not a Word .docx document ([Content_Types].xml is missing)');
  for (const el of childElements(types.documentElement!)) {
    if (el.namespaceURI === CONTENT_TYPES && MACRO_CONTENT.test(el.getAttribute('ContentType') ?? '')) {
      throw new DocxError('macros', 'the document is macro-enabled (.docm); Fairword does not open macro-enabled files: save a copy as .docx');
    }
  }
  const root = relationships(pkg, '');
  const office = root.find((r) => OFFICE_DOCUMENT.test(r.type));
  const main = office?.path ?? 'word/document.xml';
  if (!pkg.entries.has(main)) {
    throw new DocxError('not-docx', `not a Word .docx document (${main} is missing)`);
  }
  const relBase = office ? OFFICE_DOCUMENT.exec(office.type)![1]! : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return { main, relBase, mainRels: relsPathOf(main), rels: relationships(pkg, main) };
}

/** The path of the main document's related part of `type` (e.g. `styles`), if any. */
export function relatedPart(map: PartMap, type: string): string | undefined {
  return map.rels.find((r) => r.type === `${map.relBase}/${type}`)?.path;
}

/** The root element of a parsed part. */
export function rootOf(doc: Document): Element {
  return doc.documentElement!;
}

/**
 * The header or footer parts the document's sections use, in the order they are first referenced (section by
 * section: default, first-page and even-page as written); each part once.
 */
export function sectionParts(map: PartMap, body: Element, kind: 'header' | 'footer'): string[] {
  const byId = new Map(map.rels.filter((r) => r.type === `${map.relBase}/${kind}`).map((r) => [r.id, r.path] as const));
  const out: string[] = [];
  for (const sectPr of [...body.getElementsByTagNameNS(body.namespaceURI, 'sectPr')] as Element[]) {
    if (isWEl(sectPr.parentNode, 'sectPrChange')) continue;
    for (const ref of childElements(sectPr)) {
      if (!isWEl(ref, `${kind}Reference`)) continue;
      const path = byId.get(relationshipId(ref));
      if (path && !out.includes(path)) out.push(path);
    }
  }
  return out;
}

/** The `r:id` of a reference element (whatever the relationships namespace: transitional or strict). */
function relationshipId(el: Element): string {
  for (let i = 0; i < el.attributes.length; i++) {
    const attr = el.attributes.item(i)!;
    if (attr.localName === 'id' && attr.namespaceURI && !isW(attr.namespaceURI)) return attr.value;
  }
  return '';
}
