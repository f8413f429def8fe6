import type { Element, Node, Text } from '@xmldom/xmldom';
import { CDATA, childElements, isW, isWEl, MC, TEXT, wAttr, wChild } from './xml.js';

/** Where a paragraph sits: which story, and which table cell if any. */
export interface ParagraphPlace {
  story: 'body' | 'footnote' | 'endnote' | 'header' | 'footer';
  /** The footnote or endnote id, for notes. */
  note?: number;
  /** Which header or footer: 1-based, in the order the document's sections first use them. */
  part?: number;
  /** 1-based table number (in reading order within the story), row and column of the innermost cell. */
  table?: { table: number; row: number; column: number };
  /** Inside a text box. */
  textbox?: boolean;
}

/** One piece of a paragraph's text and the XML that holds it. */
export interface Atom {
  /** Offsets within the paragraph's text. */
  start: number;
  end: number;
  /** A text node inside `w:t`, or the element that stands for one character (`w:tab`, `w:br`). */
  node: Text | Element;
  /** The `w:r` it belongs to. */
  run: Element;
}

/** A paragraph of the document as the engine reads it: tracked insertions kept, tracked deletions dropped. */
export interface StoryParagraph {
  element: Element;
  /** The package part it lives in. */
  part: string;
  place: ParagraphPlace;
  /** Heading level from its style or outline level; 0 when it is not a heading. */
  heading: number;
  /** A list item (numbered or bulleted). */
  list: boolean;
  text: string;
  atoms: Atom[];
}

/** What the styles part says about each paragraph style. */
export interface StyleFacts {
  heading: Map<string, number>;
  list: Set<string>;
}

/** Reads heading levels and list styles from the styles part, following `basedOn`. */
export function styleFacts(styles: Element | undefined): StyleFacts {
  const facts: StyleFacts = { heading: new Map(), list: new Set() };
  if (!styles) return facts;
  const raw = new Map<string, { level: number; list: boolean; basedOn?: string }>();
  for (const style of childElements(styles)) {
    if (!isWEl(style, 'style') || wAttr(style, 'type') !== 'paragraph') continue;
    const id = wAttr(style, 'styleId');
    if (!id) continue;
    const name = (wChild(style, 'name') && wAttr(wChild(style, 'name')!, 'val')) ?? '';
    const pPr = wChild(style, 'pPr');
    const outline = pPr && wChild(pPr, 'outlineLvl');
    const m = /^heading\s*(\d)$/i.exec(name);
    let level = m ? Number(m[1]) : /^title$/i.test(name) ? 1 : 0;
    if (!level && outline) level = Number(wAttr(outline, 'val') ?? 9) + 1;
    if (level > 9) level = 0;
    const basedOn = wChild(style, 'basedOn');
    const entry: { level: number; list: boolean; basedOn?: string } = { level, list: !!(pPr && wChild(pPr, 'numPr')) || /^list/i.test(name) };
    const base = basedOn && wAttr(basedOn, 'val');
    if (base) entry.basedOn = base;
    raw.set(id, entry);
  }
  for (const [id, entry] of raw) {
    let level = entry.level;
    let list = entry.list;
    let next = entry.basedOn;
    for (let depth = 0; next && depth < 10 && !level; depth++) {
      const base = raw.get(next);
      if (!base) break;
      level = base.level;
      list ||= base.list;
      next = base.basedOn;
    }
    if (level) facts.heading.set(id, level);
    if (list) facts.list.add(id);
  }
  return facts;
}

/** Inline containers whose content is part of the paragraph's text. */
const INLINE_CONTAINERS = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'fldSimple', 'dir', 'bdo', 'sdtContent']);
/** Containers whose content is deleted text (tracked deletions): not part of the accepted text. */
const DELETED = new Set(['del', 'moveFrom']);

/** The `mc:Choice` of an `mc:AlternateContent` (the content current Word and LibreOffice read), if any. */
function choiceOf(el: Element): Element | undefined {
  return childElements(el).find((c) => c.namespaceURI === MC && c.localName === 'Choice');
}

/** Text boxes inside a drawing, outermost only (a box inside a box is read with its own host). */
function textBoxes(el: Element, out: Element[]): void {
  for (const c of childElements(el)) {
    if (c.namespaceURI === MC && c.localName === 'AlternateContent') {
      const choice = choiceOf(c);
      if (choice) textBoxes(choice, out);
    } else if (isWEl(c, 'txbxContent')) {
      out.push(c);
    } else {
      textBoxes(c, out);
    }
  }
}

/** Reads one paragraph's text and atoms; text boxes met on the way are added to `boxes`. */
export function readParagraph(p: Element, boxes: Element[] = []): { text: string; atoms: Atom[] } {
  let text = '';
  const atoms: Atom[] = [];
  const push = (node: Text | Element, run: Element, value: string): void => {
    if (value === '') return;
    atoms.push({ start: text.length, end: text.length + value.length, node, run });
    text += value;
  };
  const run = (r: Element): void => {
    for (const c of childElements(r)) {
      if (c.namespaceURI === MC && c.localName === 'AlternateContent') {
        const choice = choiceOf(c);
        if (choice) textBoxes(choice, boxes);
        continue;
      }
      if (!isW(c.namespaceURI)) continue;
      switch (c.localName) {
        case 't':
          for (let n: Node | null = c.firstChild; n; n = n.nextSibling) {
            if (n.nodeType === TEXT || n.nodeType === CDATA) push(n as Text, r, (n as Text).data);
          }
          break;
        case 'tab':
        case 'ptab':
          push(c, r, '\t');
          break;
        case 'br':
        case 'cr':
          push(c, r, '\n');
          break;
        case 'noBreakHyphen':
          push(c, r, '-');
          break;
        case 'drawing':
        case 'pict':
        case 'object':
          textBoxes(c, boxes);
          break;
        default:
          break;
      }
    }
  };
  const inline = (el: Element): void => {
    for (const c of childElements(el)) {
      if (c.namespaceURI === MC && c.localName === 'AlternateContent') {
        const choice = choiceOf(c);
        if (choice) inline(choice);
        continue;
      }
      if (!isW(c.namespaceURI)) continue;
      if (c.localName === 'r') run(c);
      else if (c.localName === 'sdt') {
        const content = wChild(c, 'sdtContent');
        if (content) inline(content);
      } else if (INLINE_CONTAINERS.has(c.localName ?? '')) inline(c);
      else if (DELETED.has(c.localName ?? '')) continue;
    }
  };
  inline(p);
  return { text, atoms };
}

/** Paragraph-level facts: heading level and whether it is a list item. */
function paragraphFacts(p: Element, styles: StyleFacts): { heading: number; list: boolean } {
  const pPr = wChild(p, 'pPr');
  const styleEl = pPr && wChild(pPr, 'pStyle');
  const style = styleEl ? (wAttr(styleEl, 'val') ?? '') : '';
  const outline = pPr && wChild(pPr, 'outlineLvl');
  let heading = styles.heading.get(style) ?? 0;
  if (outline) {
    const level = Number(wAttr(outline, 'val') ?? 9) + 1;
    heading = level <= 9 ? level : 0;
  }
  const numPr = pPr && wChild(pPr, 'numPr');
  const numId = numPr && wChild(numPr, 'numId');
  const list = numId ? wAttr(numId, 'val') !== '0' : styles.list.has(style);
  return { heading, list };
}

/**
 * Every paragraph of one story (the body, or a footnote or endnote) in reading order: tables cell by cell,
 * content controls opened, tracked deletions skipped, each text box's paragraphs right after its host paragraph.
 */
export function storyParagraphs(root: Element, part: string, place: ParagraphPlace, styles: StyleFacts): StoryParagraph[] {
  const out: StoryParagraph[] = [];
  let tables = 0;
  const paragraph = (p: Element, where: ParagraphPlace): void => {
    const boxes: Element[] = [];
    const { text, atoms } = readParagraph(p, boxes);
    out.push({ element: p, part, place: where, ...paragraphFacts(p, styles), text, atoms });
    for (const box of boxes) blocks(box, { ...where, textbox: true });
  };
  const table = (tbl: Element, where: ParagraphPlace): void => {
    const number = ++tables;
    let row = 0;
    for (const tr of rowsOf(tbl)) {
      row++;
      let column = 0;
      for (const tc of cellsOf(tr)) {
        column++;
        blocks(tc, { ...where, table: { table: number, row, column } });
      }
    }
  };
  const blocks = (container: Element, where: ParagraphPlace): void => {
    for (const c of childElements(container)) {
      if (c.namespaceURI === MC && c.localName === 'AlternateContent') {
        const choice = choiceOf(c);
        if (choice) blocks(choice, where);
        continue;
      }
      if (!isW(c.namespaceURI)) continue;
      if (c.localName === 'p') paragraph(c, where);
      else if (c.localName === 'tbl') table(c, where);
      else if (c.localName === 'sdt') {
        const content = wChild(c, 'sdtContent');
        if (content) blocks(content, where);
      } else if (c.localName === 'customXml' || c.localName === 'ins' || c.localName === 'moveTo') blocks(c, where);
    }
  };
  blocks(root, place);
  return out;
}

/** Rows of a table, looking inside content controls and custom XML around rows. */
function rowsOf(tbl: Element): Element[] {
  return nested(tbl, 'tr');
}

/** Cells of a row, looking inside content controls and custom XML around cells. */
function cellsOf(tr: Element): Element[] {
  return nested(tr, 'tc');
}

function nested(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const c of childElements(el)) {
    if (isWEl(c, name)) out.push(c);
    else if (isWEl(c, 'sdt')) {
      const content = wChild(c, 'sdtContent');
      if (content) out.push(...nested(content, name));
    } else if (isWEl(c, 'customXml')) out.push(...nested(c, name));
  }
  return out;
}

/** The notes (footnotes or endnotes) of a notes part, skipping the separator notes Word keeps there. */
export function notes(root: Element, name: 'footnote' | 'endnote'): Array<{ id: number; element: Element }> {
  const out: Array<{ id: number; element: Element }> = [];
  for (const c of childElements(root)) {
    if (!isWEl(c, name)) continue;
    const type = wAttr(c, 'type');
    if (type && type !== 'normal') continue;
    out.push({ id: Number(wAttr(c, 'id') ?? 0), element: c });
  }
  return out;
}
