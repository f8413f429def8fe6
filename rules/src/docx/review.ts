import type { Element, Node, Text } from '@xmldom/xmldom';
import { safeEdits } from '../fixes.js';
import type { Finding, LintResult } from '../types.js';
import { findingComment, summaryComment, type CommentParagraph } from './comments.js';
import { describeLocation, DocxDocument, load, type Loaded } from './document.js';
import { DocxError } from './errors.js';
import { DOCX_LIMITS, decodeXml, encodeXml, readPackage, writePackage, type PackageLimits } from './package.js';
import { relatedPart, xmlEntry } from './parts.js';
import { readParagraph, type Atom } from './stories.js';
import { CDATA, childElements, CONTENT_TYPES, ELEMENT, isW, isWEl, parseXml, PKG_RELS, serializeXml, TEXT, wChild, wEl, wText, XML_NS } from './xml.js';

/** Choices for a reviewed copy. */
export interface ReviewOptions {
  /** Make each safe fix a tracked change (default true); false gives comments only. */
  trackChanges?: boolean;
  /** The author of comments and changes (default "Fairword"). */
  author?: string;
  /** When the review was made (default now); fixed in tests so the output is the same every time. */
  date?: Date;
  limits?: PackageLimits;
}

/** A reviewed copy and what it holds. */
export interface ReviewResult {
  bytes: Uint8Array;
  /** Comments added: one per finding on a span of text, plus the summary. */
  comments: number;
  /** Tracked changes added (each a deletion and an insertion). */
  changes: number;
}

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const REVISIONS = new Set(['ins', 'del', 'moveTo', 'moveFrom']);
/** Stories Word can anchor comments in (not headers and footers). */
const COMMENTABLE = new Set<string>(['body', 'footnote', 'endnote']);
/** Run content a tracked deletion may hold: text and the characters that stand for text, nothing else. */
const PLAIN_RUN_CONTENT = new Set(['rPr', 't', 'tab', 'br', 'cr', 'noBreakHyphen', 'softHyphen', 'lastRenderedPageBreak']);
/** Empty markers that may sit between the runs of a tracked change. */
const MARKERS = new Set(['proofErr', 'bookmarkStart', 'bookmarkEnd', 'commentRangeStart', 'commentRangeEnd', 'permStart', 'permEnd']);

type Para = Loaded['paragraphs'][number];

/**
 * Writes a reviewed copy of a .docx: each finding becomes a comment anchored on exactly its words (authored
 * "Fairword"), each safe fix (as `safeEdits` chooses them) a tracked change, and a summary comment at the top
 * carries the document report. `result` must come from linting this document's text view. Everything else in the
 * package is kept byte for byte; only the parts that gain comments or changes are rewritten.
 */
export function reviewDocx(bytes: Uint8Array, result: Pick<LintResult, 'kind' | 'findings' | 'report'>, options: ReviewOptions = {}): ReviewResult {
  const loaded = load(readPackage(bytes, options.limits ?? DOCX_LIMITS));
  return new Reviewer(loaded, DocxDocument.fromLoaded(bytes, loaded), options).review(result);
}

class Reviewer {
  private nextId: number;
  private readonly author: string;
  private readonly date: string;
  private readonly dirty = new Set<string>();
  /** Wrappers this review created, and the insertion that follows each deletion. */
  private readonly fresh = new Set<Node>();
  private readonly pairs = new Map<Node, Element>();

  constructor(
    private readonly loaded: Loaded,
    private readonly document: DocxDocument,
    private readonly options: ReviewOptions,
  ) {
    this.author = options.author ?? 'Fairword';
    this.date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    this.nextId = maxId(loaded) + 1;
  }

  review(result: Pick<LintResult, 'kind' | 'findings' | 'report'>): ReviewResult {
    const { text, paragraphs } = this.loaded;
    const onWords = result.findings.filter((f) => f.scope === 'span' && f.offset.end > f.offset.start);
    // Word holds no comments in headers and footers: their findings are listed in the summary, without changes.
    const inMargins = onWords.filter((f) => !COMMENTABLE.has(paragraphs[this.anchor(f.offset.start, f.offset.end).from]!.place.story));
    const spans = onWords.filter((f) => !inMargins.includes(f));
    const edits = this.options.trackChanges === false ? [] : safeEdits(text, spans);

    // Where each comment and change goes, in paragraph-local offsets.
    const anchors = spans.map((f) => ({ finding: f, ...this.anchor(f.offset.start, f.offset.end) }));
    // A change stays within one paragraph and replaces exactly the words the edit names.
    const changes = edits
      .map((e) => ({ edit: e, at: this.anchor(e.start, e.end) }))
      .filter(({ edit, at }) => at.from === at.to && paragraphs[at.from]!.text.slice(at.start, at.end) === text.slice(edit.start, edit.end));
    const cuts = new Map<number, Set<number>>();
    const cut = (p: number, at: number): void => void (cuts.get(p) ?? cuts.set(p, new Set()).get(p)!).add(at);
    for (const a of anchors) {
      cut(a.from, a.start);
      cut(a.to, a.end);
    }
    for (const { at } of changes) {
      cut(at.from, at.start);
      cut(at.from, at.end);
    }
    for (const [p, offsets] of cuts) for (const at of [...offsets].sort((x, y) => y - x)) this.split(paragraphs[p]!, at);

    const tracked = new Map<Finding, string>();
    let changeCount = 0;
    for (const { edit, at } of changes) {
      if (!this.track(paragraphs[at.from]!, at.start, at.end, edit.text)) continue;
      changeCount++;
      const finding = spans.find((f) => f.offset.start === edit.start && f.offset.end === edit.end && f.ruleId === edit.ruleId);
      if (finding) tracked.set(finding, edit.text);
    }

    const comments: Array<{ id: number; body: CommentParagraph[] }> = [];
    for (const a of anchors) {
      const id = this.nextId++;
      this.mark(id, paragraphs[a.from]!, a.start, paragraphs[a.to]!, a.end);
      comments.push({ id, body: findingComment(a.finding, tracked.get(a.finding)) });
    }
    const first = paragraphs.find((p) => p.place.story === 'body');
    if (first) {
      const id = this.nextId++;
      this.mark(id, first, 0, first, first.text.length);
      const elsewhere = inMargins.map((finding) => {
        const location = this.document.locate(finding)!;
        return { finding, where: `${describeLocation(location)}: "${location.quote.replace(/\s+/g, ' ')}"` };
      });
      comments.unshift({ id, body: summaryComment(result, comments.length + 1, changeCount, elsewhere) });
    }
    if (comments.length > 0) this.writeComments(comments);
    for (const part of this.dirty) this.save(part);
    return { bytes: writePackage(this.loaded.pkg), comments: comments.length, changes: changeCount };
  }

  /**
   * Paragraph indexes and local offsets for text offsets [start, end): a start between paragraphs moves to the
   * next paragraph, an end to the previous one, so anchors never fall on a separator or list marker.
   */
  private anchor(start: number, end: number): { from: number; start: number; to: number; end: number } {
    const ps = this.loaded.paragraphs;
    let from = ps.findIndex((p) => start < p.start + p.text.length);
    if (from < 0) from = ps.length - 1;
    let to = ps.length - 1;
    while (to > 0 && ps[to]!.start >= end) to--;
    const s = Math.max(0, start - ps[from]!.start);
    const e = Math.min(ps[to]!.text.length, end - ps[to]!.start);
    if (to < from || (to === from && e <= s) || ps[to]!.part !== ps[from]!.part) {
      const p = ps[from]!;
      return { from, start: 0, to: from, end: p.text.length };
    }
    return { from, start: s, to, end: e };
  }

  /** Makes `at` a run boundary in `p`, splitting a run (and its `w:t`) when it falls inside one. */
  private split(p: Para, at: number): void {
    if (at <= 0 || at >= p.text.length) return;
    const i = p.atoms.findIndex((a) => a.start <= at && at < a.end);
    const atom = p.atoms[i];
    if (!atom) return;
    const prev = p.atoms[i - 1];
    // Already a boundary: the character is the first text of its run.
    if (at === atom.start && !(prev && prev.run === atom.run)) return;
    const doc = p.element.ownerDocument!;
    let before: Node = atom.node;
    if (atom.node.nodeType === TEXT || atom.node.nodeType === CDATA) {
      const node = atom.node as Text;
      const t = node.parentNode as Element;
      const k = at - atom.start;
      before = t;
      if (k > 0 || node.previousSibling) {
        const t2 = t.cloneNode(false) as Element;
        t2.setAttributeNS(XML_NS, 'xml:space', 'preserve');
        t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
        let from: Node | null = node;
        if (k > 0) {
          t2.appendChild(doc.createTextNode(node.data.slice(k)));
          node.deleteData(k, node.data.length - k);
          from = node.nextSibling;
        }
        while (from) {
          const next: Node | null = from.nextSibling;
          t2.appendChild(from);
          from = next;
        }
        t.parentNode!.insertBefore(t2, t.nextSibling);
        before = t2;
      }
    }
    const run = atom.run;
    const run2 = run.cloneNode(false) as Element;
    const rPr = wChild(run, 'rPr');
    if (rPr) run2.appendChild(rPr.cloneNode(true));
    for (let n: Node | null = before; n; ) {
      const next: Node | null = n.nextSibling;
      run2.appendChild(n);
      n = next;
    }
    run.parentNode!.insertBefore(run2, run.nextSibling);
    this.dirty.add(p.part);
    this.refresh(p);
  }

  /** Reads a paragraph's atoms again after its runs changed; its text must not have changed. */
  private refresh(p: Para): void {
    const { text, atoms } = readParagraph(p.element);
    if (text !== p.text) throw new DocxError('corrupt', 'internal error: splitting runs changed the text of a paragraph');
    p.atoms = atoms;
  }

  /** Replaces [start, end) of `p` by `replacement` as a tracked deletion and insertion; false when the runs do not allow it. */
  private track(p: Para, start: number, end: number, replacement: string): boolean {
    const runs: Element[] = [];
    for (const a of p.atoms) if (a.end > start && a.start < end && !runs.includes(a.run)) runs.push(a.run);
    const covered = p.atoms.filter((a) => runs.includes(a.run));
    if (runs.length === 0 || covered[0]!.start !== start || covered.at(-1)!.end !== end) return false;
    const parent = runs[0]!.parentNode as Element;
    if (runs.some((r) => r.parentNode !== parent) || insideRevision(parent, p.element)) return false;
    if (runs.some((r) => childElements(r).some((c) => !isW(c.namespaceURI) || !PLAIN_RUN_CONTENT.has(c.localName ?? '')))) return false;
    const last = runs.at(-1)!;
    for (let n: Node | null = runs[0]!; n && n !== last; n = n.nextSibling) {
      if (n.nodeType !== ELEMENT) continue;
      const el = n as Element;
      if (!runs.includes(el) && !(isW(el.namespaceURI) && MARKERS.has(el.localName ?? ''))) return false;
    }
    const doc = p.element.ownerDocument!;
    const del = wEl(doc, p.element, 'del', this.revision());
    parent.insertBefore(del, runs[0]!);
    for (let n: Node | null = runs[0]!; n; ) {
      const next: Node | null = n.nextSibling;
      del.appendChild(n);
      if (n === last) break;
      n = next;
    }
    for (const r of runs) {
      for (const t of childElements(r)) {
        if (!isWEl(t, 't')) continue;
        const dt = wEl(doc, p.element, 'delText');
        for (let i = 0; i < t.attributes.length; i++) {
          const attr = t.attributes.item(i)!;
          dt.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
        }
        while (t.firstChild) dt.appendChild(t.firstChild);
        r.replaceChild(dt, t);
      }
    }
    const ins = wEl(doc, p.element, 'ins', this.revision());
    const run = wEl(doc, p.element, 'r');
    const rPr = wChild(runs[0]!, 'rPr');
    if (rPr) run.appendChild(rPr.cloneNode(true));
    run.appendChild(wText(doc, p.element, replacement));
    ins.appendChild(run);
    parent.insertBefore(ins, del.nextSibling);
    this.fresh.add(del);
    this.fresh.add(ins);
    this.pairs.set(del, ins);
    this.dirty.add(p.part);
    return true;
  }

  private revision(): Record<string, string> {
    return { id: String(this.nextId++), author: this.author, date: this.date };
  }

  /** Anchors comment `id` from `start` in `from` to `end` in `to`, with its reference mark after the end. */
  private mark(id: number, from: Para, start: number, to: Para, end: number): void {
    const doc = from.element.ownerDocument!;
    const first = from.atoms.find((a) => a.end > start);
    const last = [...to.atoms].reverse().find((a) => a.start < end);
    const rangeStart = wEl(doc, from.element, 'commentRangeStart', { id: String(id) });
    const rangeEnd = wEl(to.element.ownerDocument!, to.element, 'commentRangeEnd', { id: String(id) });
    if (first) {
      const at = this.outerStart(first);
      at.parentNode!.insertBefore(rangeStart, at);
    } else insertAtStart(from.element, rangeStart);
    if (last) {
      const at = this.outerEnd(last);
      at.parentNode!.insertBefore(rangeEnd, at.nextSibling);
    } else to.element.appendChild(rangeEnd);
    let after: Node = rangeEnd;
    while (after.parentNode && isWEl(after.parentNode, undefined) && REVISIONS.has(after.parentNode.localName ?? '')) after = after.parentNode;
    const ref = wEl(doc, to.element, 'r');
    ref.appendChild(wEl(doc, to.element, 'commentReference', { id: String(id) }));
    after.parentNode!.insertBefore(ref, after.nextSibling);
    this.dirty.add(from.part);
    this.dirty.add(to.part);
  }

  /** The node to put a range start before: the atom's run, or a wrapper this review made that starts with it. */
  private outerStart(atom: Atom): Node {
    let node: Node = atom.run;
    while (node.parentNode && this.fresh.has(node.parentNode) && firstElement(node.parentNode) === node) node = node.parentNode;
    return node;
  }

  /** The node to put a range end after: the atom's run, or a wrapper this review made that ends with it (a deletion's insertion). */
  private outerEnd(atom: Atom): Node {
    let node: Node = atom.run;
    while (node.parentNode && this.fresh.has(node.parentNode) && lastElement(node.parentNode) === node) node = node.parentNode;
    return this.pairs.get(node) ?? node;
  }

  /** Adds the comments to the comments part, creating it (with its relationship and content type) when the document has none. */
  private writeComments(comments: Array<{ id: number; body: CommentParagraph[] }>): void {
    const { pkg, map, docs } = this.loaded;
    const mainRoot = docs.get(map.main)!.documentElement!;
    let path = relatedPart(map, 'comments');
    let doc = path ? xmlEntry(pkg, path) : undefined;
    if (!path || !doc) {
      const dir = map.main.slice(0, map.main.lastIndexOf('/') + 1);
      path = `${dir}comments.xml`;
      for (let n = 2; pkg.entries.has(path); n++) path = `${dir}comments${n}.xml`;
      const prefix = mainRoot.prefix ?? 'w';
      doc = parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}:comments xmlns:${prefix}="${mainRoot.namespaceURI}"/>`, path);
      this.addRelationship(path.slice(dir.length));
      this.addContentType(`/${path}`);
      pkg.names.push(path);
    }
    const root = doc.documentElement!;
    for (const { id, body } of comments) {
      const comment = wEl(doc, root, 'comment', { id: String(id), author: this.author, date: this.date, initials: 'FW' });
      body.forEach((para, i) => {
        const p = wEl(doc, root, 'p');
        if (i === 0) {
          const refRun = wEl(doc, root, 'r');
          refRun.appendChild(wEl(doc, root, 'annotationRef'));
          p.appendChild(refRun);
        }
        const r = wEl(doc, root, 'r');
        if (para.bold) {
          const rPr = wEl(doc, root, 'rPr');
          rPr.appendChild(wEl(doc, root, 'b'));
          r.appendChild(rPr);
        }
        r.appendChild(wText(doc, root, para.text));
        p.appendChild(r);
        comment.appendChild(p);
      });
      root.appendChild(comment);
    }
    docs.set(path, doc);
    this.dirty.add(path);
  }

  private addRelationship(target: string): void {
    const { pkg, map, docs } = this.loaded;
    let rels = xmlEntry(pkg, map.mainRels);
    if (!rels) {
      rels = parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}"/>`, map.mainRels);
      pkg.names.push(map.mainRels);
    }
    const root = rels.documentElement!;
    const ids = new Set(childElements(root).map((r) => r.getAttribute('Id')));
    let n = childElements(root).length + 1;
    while (ids.has(`rId${n}`)) n++;
    const rel = rels.createElementNS(PKG_RELS, 'Relationship');
    rel.setAttribute('Id', `rId${n}`);
    rel.setAttribute('Type', `${map.relBase}/comments`);
    rel.setAttribute('Target', target);
    root.appendChild(rel);
    docs.set(map.mainRels, rels);
    this.dirty.add(map.mainRels);
  }

  private addContentType(partName: string): void {
    const { pkg, docs } = this.loaded;
    const types = xmlEntry(pkg, '[Content_Types].xml')!;
    const root = types.documentElement!;
    const known = childElements(root).some((el) => el.localName === 'Override' && el.getAttribute('PartName')?.toLowerCase() === partName.toLowerCase());
    if (known) return;
    const override = types.createElementNS(CONTENT_TYPES, 'Override');
    override.setAttribute('PartName', partName);
    override.setAttribute('ContentType', COMMENTS_TYPE);
    root.appendChild(override);
    docs.set('[Content_Types].xml', types);
    this.dirty.add('[Content_Types].xml');
  }

  private save(part: string): void {
    const doc = this.loaded.docs.get(part);
    if (doc) this.loaded.pkg.entries.set(part, encodeXml(serializeXml(doc)));
  }
}

/** The largest numeric `id` attribute in the document's XML parts: new comment and change ids start above it. */
function maxId(loaded: Loaded): number {
  let max = 0;
  for (const [name, bytes] of loaded.pkg.entries) {
    if (!/\.xml$/i.test(name)) continue;
    for (const m of decodeXml(bytes).matchAll(/:id="(\d{1,9})"/g)) max = Math.max(max, Number(m[1]));
  }
  return max;
}

function insideRevision(node: Node, stop: Element): boolean {
  for (let n: Node | null = node; n && n !== stop; n = n.parentNode) if (isWEl(n, undefined) && REVISIONS.has(n.localName ?? '')) return true;
  return false;
}

function firstElement(node: Node): Node | undefined {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT) return c;
  return undefined;
}

function lastElement(node: Node): Node | undefined {
  for (let c = node.lastChild; c; c = c.previousSibling) if (c.nodeType === ELEMENT) return c;
  return undefined;
}

/** Inserts `node` at the start of a paragraph's content (after its properties). */
function insertAtStart(p: Element, node: Node): void {
  const pPr = wChild(p, 'pPr');
  p.insertBefore(node, pPr ? pPr.nextSibling : p.firstChild);
}
