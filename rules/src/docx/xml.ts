import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { DocxError } from './errors.js';

/** WordprocessingML namespaces: transitional (what Word writes) and strict. */
const W_TRANSITIONAL = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
/** Markup compatibility (mc:AlternateContent). */
export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Package relationships. */
export const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** Content types ([Content_Types].xml). */
export const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
/** The xml: namespace (xml:space). */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Whether `uri` is a WordprocessingML main namespace. */
export function isW(uri: string | null): boolean {
  return uri === W_TRANSITIONAL || uri === W_STRICT;
}

/** Parses one XML part; a malformed part, or one with a document type declaration, is a {@link DocxError}. */
export function parseXml(text: string, part: string): Document {
  if (/<!DOCTYPE/i.test(text.slice(0, 4096))) throw new DocxError('corrupt', `${part} declares a document type, which Word documents never do`);
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
    if (!doc.documentElement) throw new Error('no root element');
    return doc;
  } catch (err) {
    // xmldom wraps the parser's words ('Reporting error "…" caused Error: …'): keep the innermost reason.
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/^\[xmldom [^\]]*\]\s*/, '').replace(/^.*\bError: /, '');
    throw new DocxError('corrupt', `the document is damaged: ${part} is not well-formed XML (${first})`);
  }
}

/** Serialises a part back to text. */
export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** Node type numbers (DOM constants). */
export const ELEMENT = 1;
export const TEXT = 3;
export const CDATA = 4;

/** Whether `node` is a WordprocessingML element named `name` (local name). */
export function isWEl(node: Node | null | undefined, name?: string): node is Element {
  return !!node && node.nodeType === ELEMENT && isW(node.namespaceURI) && (name === undefined || node.localName === name);
}

/** Child elements of `el`, in order. */
export function childElements(el: Node): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT) out.push(c as Element);
  return out;
}

/** The first WordprocessingML child element named `name`. */
export function wChild(el: Node, name: string): Element | undefined {
  for (let c = el.firstChild; c; c = c.nextSibling) if (isWEl(c, name)) return c;
  return undefined;
}

/** A `w:` attribute of `el` (by local name, in the element's own namespace). */
export function wAttr(el: Element, name: string): string | null {
  return el.getAttributeNS(el.namespaceURI, name);
}

/** Creates a `w:` element in the namespace (and with the prefix) of `like`. */
export function wEl(doc: Document, like: Element, name: string, attrs: Record<string, string> = {}): Element {
  const prefix = like.prefix ? `${like.prefix}:` : '';
  const el = doc.createElementNS(like.namespaceURI, `${prefix}${name}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttributeNS(like.namespaceURI, `${prefix}${k}`, v);
  return el;
}

/** A `w:t` (or `w:delText`) element holding `text`, with its spaces kept. */
export function wText(doc: Document, like: Element, text: string, name = 't'): Element {
  const t = wEl(doc, like, name);
  t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  return t;
}
