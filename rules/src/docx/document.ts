import type { Document } from '@xmldom/xmldom';
import type { Finding } from '../types.js';
import { DocxError } from './errors.js';
import { DOCX_LIMITS, readPackage, type Package, type PackageLimits } from './package.js';
import { partMap, relatedPart, rootOf, sectionParts, xmlEntry, type PartMap } from './parts.js';
import { notes, storyParagraphs, styleFacts, type ParagraphPlace, type StoryParagraph } from './stories.js';
import { isWEl, wChild } from './xml.js';

/** A paragraph of a Word document as the text view shows it. */
export interface DocxParagraph {
  /**
   * 1-based number among the paragraphs with text, in reading order (tables and text boxes included); within its
   * note for notes, within its header or footer for those.
   */
  number: number;
  place: ParagraphPlace;
  /** Heading level (1 = Heading 1 or Title); 0 when it is not a heading. */
  heading: number;
  list: boolean;
  /** The text of the nearest heading above it, if any. */
  section?: string;
  /** Where its text starts in the document's text view. */
  start: number;
  text: string;
}

/** Where a finding is in a Word document, in terms a person (or a program) can find. */
export interface DocxLocation {
  /** The paragraph's number (see {@link DocxParagraph.number}). */
  paragraph: number;
  story: ParagraphPlace['story'];
  note?: number;
  /** Which header or footer (see {@link ParagraphPlace.part}). */
  part?: number;
  table?: { table: number; row: number; column: number };
  textbox?: boolean;
  /** Offsets of the finding within the paragraph's text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** The heading the paragraph sits under. */
  heading?: string;
  /** The words found. */
  quote: string;
  /** The text around them: up to 40 characters either side, within the paragraph. */
  context: string;
}

/** A list item's marker in the text view (not part of the document's text). */
export const LIST_MARKER = '• ';
/** What separates paragraphs in the text view, so sentences never run together. */
export const PARAGRAPH_BREAK = '\n\n';

/** Parsed parts and paragraphs of a package; the DOM is live, so the reviewer can change it. */
export interface Loaded {
  pkg: Package;
  map: PartMap;
  docs: Map<string, Document>;
  /** Paragraphs with text, in text-view order, each with the offset of its text in `text`. */
  paragraphs: Array<StoryParagraph & { start: number; number: number }>;
  /** Every paragraph read (empty ones too), for anchoring whole-document comments. */
  all: StoryParagraph[];
  text: string;
}

/** Parses the parts of a package and builds its text view. */
export function load(pkg: Package): Loaded {
  const map = partMap(pkg);
  const docs = new Map<string, Document>();
  const part = (name: string | undefined): Document | undefined => {
    if (!name) return undefined;
    const doc = xmlEntry(pkg, name);
    if (doc) docs.set(name, doc);
    return doc;
  };
  const main = part(map.main)!;
  const root = rootOf(main);
  const body = isWEl(root, 'document') ? wChild(root, 'body') : undefined;
  if (!body) throw new DocxError('not-docx', `not a Word .docx document (${map.main} has no document body)`);
  const styles = styleFacts(part(relatedPart(map, 'styles')) && rootOf(docs.get(relatedPart(map, 'styles')!)!));
  const all: StoryParagraph[] = [...storyParagraphs(body, map.main, { story: 'body' }, styles)];
  for (const [type, name] of [['footnotes', 'footnote'], ['endnotes', 'endnote']] as const) {
    const path = relatedPart(map, type);
    const doc = part(path);
    if (!doc || !path) continue;
    for (const note of notes(rootOf(doc), name)) all.push(...storyParagraphs(note.element, path, { story: name, note: note.id }, styles));
  }
  for (const kind of ['header', 'footer'] as const) {
    sectionParts(map, body, kind).forEach((path, i) => {
      const doc = part(path);
      if (doc) all.push(...storyParagraphs(rootOf(doc), path, { story: kind, part: i + 1 }, styles));
    });
  }
  let text = '';
  const paragraphs: Loaded['paragraphs'] = [];
  let number = 0;
  let lastStory: string | undefined;
  for (const p of all) {
    if (!/\S/.test(p.text)) continue;
    // Body paragraphs are numbered through; a note's, header's or footer's within it.
    const story = `${p.place.story} ${p.place.note ?? p.place.part ?? ''}`;
    number = story === lastStory ? number + 1 : 1;
    lastStory = story;
    if (text !== '') text += PARAGRAPH_BREAK;
    if (p.list) text += LIST_MARKER;
    paragraphs.push({ ...p, start: text.length, number });
    text += p.text;
  }
  return { pkg, map, docs, paragraphs, all, text };
}

/** Text of a Word document for the engine, with a map back to its paragraphs. Plain data apart from the bytes. */
export class DocxDocument {
  /** The text the engine lints: paragraphs separated by blank lines, list items marked with a bullet. */
  readonly text: string;
  readonly paragraphs: DocxParagraph[];

  private constructor(
    readonly bytes: Uint8Array,
    loaded: Loaded,
  ) {
    this.text = loaded.text;
    let section: string | undefined;
    this.paragraphs = loaded.paragraphs.map((p) => {
      if (p.heading > 0 && p.place.story === 'body') section = p.text.trim();
      const out: DocxParagraph = { number: p.number, place: p.place, heading: p.heading, list: p.list, start: p.start, text: p.text };
      const under = p.heading > 0 ? undefined : section;
      if (under !== undefined && p.place.story === 'body') out.section = under;
      return out;
    });
  }

  /** Reads a .docx (as bytes); throws a {@link DocxError} with a one-line reason when it cannot. */
  static open(bytes: Uint8Array, limits: PackageLimits = DOCX_LIMITS): DocxDocument {
    const pkg = readPackage(bytes, limits, (name) => /\.(?:xml|rels)$/i.test(name));
    return new DocxDocument(bytes, load(pkg));
  }

  /** The document of a package already loaded (the reviewer's, before it changes anything). */
  static fromLoaded(bytes: Uint8Array, loaded: Loaded): DocxDocument {
    return new DocxDocument(bytes, loaded);
  }

  /** The paragraph holding text offset `offset` (the one before it when the offset falls between paragraphs). */
  paragraphAt(offset: number): DocxParagraph | undefined {
    let lo = 0;
    let hi = this.paragraphs.length - 1;
    let found: DocxParagraph | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = this.paragraphs[mid]!;
      if (p.start <= offset) {
        found = p;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Where a finding is: its paragraph, cell, heading, the words and the text around them. */
  locate(finding: Pick<Finding, 'offset'>): DocxLocation | undefined {
    const p = this.paragraphAt(finding.offset.start) ?? this.paragraphs[0];
    if (!p) return undefined;
    const start = clamp(finding.offset.start - p.start, p.text.length);
    const end = clamp(Math.max(finding.offset.end - p.start, start), p.text.length);
    const before = p.text.slice(Math.max(0, start - 40), start);
    const after = p.text.slice(end, end + 40);
    const location: DocxLocation = {
      paragraph: p.number,
      story: p.place.story,
      start,
      end,
      quote: p.text.slice(start, end),
      context: `${start > 40 ? '…' : ''}${before}${p.text.slice(start, end)}${after}${end + 40 < p.text.length ? '…' : ''}`.replace(/\s+/g, ' '),
    };
    if (p.place.note !== undefined) location.note = p.place.note;
    if (p.place.part !== undefined) location.part = p.place.part;
    if (p.place.table) location.table = p.place.table;
    if (p.place.textbox) location.textbox = true;
    if (p.section !== undefined) location.heading = p.section;
    return location;
  }
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}

/** "paragraph 12", "table 1, row 2, column 3, paragraph 14", "footnote 2, paragraph 1", "header 1, paragraph 1", with the heading it sits under. */
export function describeLocation(location: DocxLocation): string {
  const where: string[] = [];
  if (location.story !== 'body') where.push(`${location.story} ${location.note ?? location.part}`);
  if (location.table) where.push(`table ${location.table.table}, row ${location.table.row}, column ${location.table.column}`);
  if (location.textbox) where.push('text box');
  where.push(`paragraph ${location.paragraph}`);
  const under = location.heading ? ` under "${location.heading}"` : '';
  return `${where.join(', ')}${under}`;
}
