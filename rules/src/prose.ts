import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Nodes, Parents, Root, Text } from 'mdast';
import type { Format } from './types.js';
import { PLAIN_DIRECTIVE_LINE } from './directives.js';
import type { Memo } from './memo.js';

/** A run of prose (a paragraph, heading or table cell) as offsets into the document. */
export interface Block {
  start: number;
  end: number;
}

/** What the engine analyses: the document with everything that is not prose masked out. */
export interface ProseView {
  /** Same length as the source; non-prose characters are spaces, or HARD where a phrase must not continue across them. */
  text: string;
  blocks: Block[];
  /** Raw YAML front matter, if any. */
  frontMatter?: string;
  /** Headings' text, for document-kind detection and section labels. */
  headings: string[];
  /** Offset of each heading, parallel to `headings`. */
  headingOffsets: number[];
  /**
   * Independent pieces of the document (paragraphs in plain text, top-level segments in Markdown):
   * re-analysing one piece on its own gives the same result as in the whole document.
   */
  chunks: Block[];
  /** HTML comments (Markdown) with their offsets, for inline directives. */
  comments: Array<{ value: string; start: number; end: number }>;
}

/** Stands in for masked code, URLs and markup: a phrase never matches across it. */
export const HARD = '\u2063';

/** Picks a format from a file name: Markdown for .md/.markdown, plain text for .txt. */
export function formatFromFilename(name: string): Format | undefined {
  const lower = name.toLowerCase();
  if (/\.(md|markdown|mdown|mkd)$/.test(lower)) return 'markdown';
  if (/\.(txt|text)$/.test(lower)) return 'plaintext';
  return undefined;
}

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
/** For segments after the first: a `---` block there is a thematic break or a setext heading, never front matter. */
const bodyParser = unified().use(remarkParse).use(remarkGfm);

/**
 * A copy of `s` that does not keep the string it was sliced from alive (V8 slices point into their parent), so
 * caches keyed by parts of a document never hold old versions of the whole document.
 */
export function flat(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

/** `value` with every string inside it replaced by a flat copy (for values kept in long-lived caches). */
export function flatDeep<T>(value: T): T {
  if (typeof value === 'string') return flat(value) as T;
  if (Array.isArray(value)) return value.map(flatDeep) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = flatDeep(v);
    return out as T;
  }
  return value;
}

const URL_RE = /\b(?:https?:\/\/|ftp:\/\/|mailto:|www\.)[^\s<>"')\]]+/gi;
// Anchored on the '@' so the scan does not try every word as the start of an address.
const EMAIL_RE = /[\w.+-]+@[\w-]+\.[\w.-]+/g;

/**
 * Splits text into prose blocks and masks what must never be flagged.
 * With `needed`, Markdown segments that contain none of these (normalised) words and no comment are not parsed:
 * they keep their text but contribute no blocks (their ATX headings are still read).
 */
export function proseView(source: string, format: Format, needed?: (segment: string) => boolean, segments?: Memo<SegmentMemo>): ProseView {
  return format === 'markdown' ? markdownView(source, needed, segments) : plaintextView(source);
}

/** Replaces URLs and e-mail addresses in `text` with HARD characters, keeping its length. */
function maskUrls(text: string): string {
  const spans: Array<[number, number]> = [];
  if (/(?:https?:|ftp:|www\.|mailto:)/i.test(text)) for (const m of text.matchAll(URL_RE)) spans.push([m.index, m.index + m[0].length]);
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && /[\w.+-]/.test(text[s - 1]!)) s--;
    EMAIL_RE.lastIndex = s;
    const m = EMAIL_RE.exec(text);
    if (m && m.index === s && s < at) spans.push([s, s + m[0].length]);
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [s, e] of spans) {
    if (s < last) continue;
    out += text.slice(last, s) + HARD.repeat(e - s);
    last = e;
  }
  return out + text.slice(last);
}

function plaintextView(source: string): ProseView {
  const blocks: Block[] = [];
  const headings: string[] = [];
  const headingOffsets: number[] = [];
  const re = /\n[ \t]*(?:\r?\n|\r)|\r[ \t]*\r/g;
  let start = 0;
  const push = (s: number, e: number): void => {
    while (s < e && source.charCodeAt(s) <= 32) s++;
    while (e > s && source.charCodeAt(e - 1) <= 32) e--;
    if (e > s) {
      blocks.push({ start: s, end: e });
      // A short single line without closing punctuation reads as a heading.
      const line = source.slice(s, e);
      if (e - s < 80 && !/[\r\n]/.test(line) && !'.!?,;:'.includes(source[e - 1]!) && !/^(?:[-*•·–]|\d+[.)])\s/.test(line)) {
        headings.push(flat(line));
        headingOffsets.push(s);
      }
    }
  };
  for (const m of source.matchAll(re)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, source.length);
  // The first line of a document is its title even when the next line follows without a blank line.
  const first = blocks[0];
  if (first && headingOffsets[0] !== first.start) {
    const end = source.slice(first.start, first.end).search(/\r|\n/);
    const line = end > 0 ? source.slice(first.start, first.start + end).trim() : '';
    if (line && line.length < 80 && !'.!?,;:'.includes(line.at(-1)!)) {
      headings.unshift(flat(line));
      headingOffsets.unshift(first.start);
    }
  }
  let text = maskUrls(source);
  const comments: ProseView['comments'] = [];
  if (text.includes('fairword-')) {
    let masked = '';
    let last = 0;
    for (const m of text.matchAll(PLAIN_DIRECTIVE_LINE)) {
      const start = m.index + m[0].indexOf(m[1]!);
      comments.push({ value: m[1]!, start, end: m.index + m[0].length });
      masked += text.slice(last, m.index) + ' '.repeat(m[0].length);
      last = m.index + m[0].length;
    }
    if (last > 0) text = masked + text.slice(last);
  }
  return { text, blocks, headings, headingOffsets, comments, chunks: blocks };
}

const SKIP = new Set(['code', 'inlineCode', 'html', 'yaml', 'image', 'imageReference', 'definition', 'footnoteReference', 'math', 'inlineMath']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Top-level Markdown segments, split at blank lines where that cannot change how the text parses:
 * never inside front matter, a fenced code block or an HTML comment, and never before an indented line
 * (which may continue a list item or be indented code).
 */
export function markdownSegments(source: string): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let segStart = 0;
  let fence: string | undefined;
  let inComment = false;
  let blankAt = -1;
  let first = true;
  let inFront = false;
  for (let m = lineRe.exec(source); m && m[0].length > 0; m = lineRe.exec(source)) {
    const line = m[0].replace(/[\r\n]+$/, '');
    const at = m.index;
    if (first) {
      first = false;
      if (line === '---') {
        inFront = true;
        continue;
      }
    }
    if (inFront) {
      if (line === '---' || line === '...') inFront = false;
      continue;
    }
    if (fence !== undefined) {
      if (new RegExp(`^ {0,3}${fence}[\`~]*\\s*$`).test(line)) fence = undefined;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (line.trim() === '') {
      if (blankAt < 0) blankAt = at;
      continue;
    }
    if (blankAt >= 0 && !/^[ \t]/.test(line) && at > segStart) {
      segments.push([segStart, blankAt]);
      segStart = at;
    }
    blankAt = -1;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = f[1]!.replace(/[`~]+/, (x) => x.charAt(0).repeat(x.length)).replace(/`/g, '\\`');
    else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) inComment = true;
    lineRe.lastIndex = at + m[0].length;
  }
  if (segStart < source.length) segments.push([segStart, source.length]);
  return segments;
}

type SegmentView = Omit<ProseView, 'chunks'>;

/** Markdown segments starting within this many characters are always parsed. */
const OPENING_CHARS = 2000;

/**
 * ATX headings ("## Essential") of a segment, outside fenced code, with inline markup stripped. Headings are read
 * this way whether or not the segment is parsed, so kind detection and section labels never depend on caching.
 */
function atxHeadings(segment: string, offset: number, view: Pick<ProseView, 'headings' | 'headingOffsets'>): void {
  if (!segment.includes('#')) return;
  let fence: string | undefined;
  // Front matter at the top of the document is data: its "# comments" are not headings.
  const front = offset === 0 ? /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(segment) : null;
  for (const m of segment.matchAll(/^.*$/gm)) {
    if (front && m.index < front[0].length) continue;
    const line = m[0];
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === undefined) fence = f[1]!.charAt(0);
      else if (f[1]!.charAt(0) === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const h = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/.exec(line);
    if (h) {
      view.headings.push(flat(h[1]!.replace(/[*_`]+/g, '').trim()));
      view.headingOffsets.push(offset + m.index);
    }
  }
}
/** What a linter keeps about a Markdown segment: its parse, and whether it could hold a finding. */
export interface SegmentMemo {
  view?: SegmentView;
  needed?: boolean;
}

/** How many Markdown segments a linter keeps (see {@link Memo}). */
export const SEGMENT_MEMO_LIMIT = 4000;

function parseSegment(own: string, first: boolean): SegmentView {
  return plainSegment(own) ?? (withinMarkdownBudget(own) ? parseMarkdown(own, first) : markupMaskedSegment(own, first));
}

function markdownView(source: string, needed?: (segment: string) => boolean, segments?: Memo<SegmentMemo>): ProseView {
  // A byte order mark is not text: analyse what follows it and move every offset one place on.
  if (source.charCodeAt(0) === 0xfeff) return shiftView(markdownView(source.slice(1), needed, segments), 1);
  const view: ProseView = { text: '', blocks: [], headings: [], headingOffsets: [], comments: [], chunks: [] };
  let text = '';
  let last = 0;
  for (const [start, end] of markdownSegments(source)) {
    const segment = source.slice(start, end);
    view.chunks.push({ start, end });
    text += source.slice(last, start);
    last = end;
    // Only the first segment may hold front matter, so the same text is a different key there.
    const key = start === 0 ? `\u0000${flat(segment)}` : flat(segment);
    const kept = segments?.get(key);
    const memo = kept ?? {};
    // The opening segments are always parsed: document-kind detection reads them. Whether a segment is skipped
    // depends only on it, where it is and the linter, never on what was linted before.
    if (needed && start > OPENING_CHARS && !segment.includes('<!--') && !(memo.needed ??= needed(segment))) {
      atxHeadings(segment, start, view);
      text += segment;
      continue;
    }
    // Parsed from a flat copy, so nothing kept keeps this version of the whole document alive. Only parsed segments
    // are kept: a skipped one costs little to test again, and keeping its text would cost memory.
    const part = (memo.view ??= parseSegment(flat(segment), start === 0));
    if (!kept) segments?.set(key, memo);
    text += part.text;
    for (const b of part.blocks) view.blocks.push({ start: b.start + start, end: b.end + start });
    for (const c of part.comments) view.comments.push({ value: c.value, start: c.start + start, end: c.end + start });
    atxHeadings(segment, start, view);
    if (part.frontMatter !== undefined) view.frontMatter = part.frontMatter;
  }
  view.text = text + source.slice(last);
  return view;
}

/**
 * A segment with no Markdown syntax at all is one paragraph whose text is the source itself: it needs no parse.
 * Anything that could be syntax (markup characters, a line that starts with a marker, a digit or whitespace,
 * an autolink) sends the segment to remark instead. test/engine/prose.test.ts checks this against remark.
 */
export function plainSegment(segment: string): SegmentView | undefined {
  if (PLAIN_UNSAFE.test(segment)) return undefined;
  let s = 0;
  let e = segment.length;
  while (s < e && segment.charCodeAt(s) <= 32) s++;
  // remark ends a paragraph after trailing spaces but before the line ending.
  while (e > s && (segment.charCodeAt(e - 1) === 10 || segment.charCodeAt(e - 1) === 13)) e--;
  const view: SegmentView = { text: segment, blocks: [], headings: [], headingOffsets: [], comments: [] };
  if (e > s) view.blocks.push({ start: s, end: e });
  return view;
}

/** Characters and line starts that may be Markdown syntax (or a GFM autolink, entity or escape). */
const PLAIN_UNSAFE = /[*_`[\]<>!&\\|~@#=+^$]|:\/\/|www\.|(?:^|\r\n|\r|\n)[ \t\d\-+*>|=~]|(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)|^\uFEFF/;

/** The view of a text that starts `by` characters later, with those characters masked. */
function shiftView(view: ProseView, by: number): ProseView {
  const move = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + by, end: x.end + by });
  return {
    ...view,
    text: ' '.repeat(by) + view.text,
    blocks: view.blocks.map(move),
    chunks: [{ start: 0, end: by }, ...view.chunks.map(move)],
    comments: view.comments.map(move),
    headingOffsets: view.headingOffsets.map((o) => o + by),
  };
}

/**
 * True for an indented code block that is really prose: text pasted into a Markdown file keeps its indentation
 * ("3.      The Council's instructions…"), which Markdown reads as code. Fenced code is always code.
 */
function indentedProse(node: Nodes, source: string): boolean {
  if (node.type !== 'code' || node.lang || node.position?.start.offset === undefined) return false;
  const raw = source.slice(node.position.start.offset, node.position.end.offset ?? node.position.start.offset);
  if (/^\s*(?:`{3}|~{3})/.test(raw)) return false;
  const text = node.value.replace(/\s+/g, ' ').trim();
  if (text.length < 30 || /[{}<>=;$\\]|=>|\(\)/.test(text)) return false;
  const letters = text.replace(/[^\p{L} ,.'’()-]/gu, '').length;
  return letters / text.length > 0.9 && /\p{L}+ \p{L}+ \p{L}+ \p{L}+/u.test(text);
}

/** Parses one Markdown segment with remark and masks everything that is not prose. */
export function parseMarkdown(source: string, first = true): SegmentView {
  const tree = (first ? markdownParser : bodyParser).parse(source) as Root;
  // Start fully masked with spaces (keep line breaks), then reveal prose characters.
  const chars = new Array<string>(source.length);
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    chars[i] = c === '\n' || c === '\r' ? c : ' ';
  }
  const view: SegmentView = { text: '', blocks: [], headings: [], headingOffsets: [], comments: [] };

  const reveal = (node: Text): void => {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) return;
    const slice = source.slice(s, e);
    if (slice === node.value) {
      for (let i = s; i < e; i++) chars[i] = source[i]!;
      return;
    }
    // The value lost container prefixes ("> "), indentation or escapes: align it to the source.
    let j = 0;
    const value = node.value;
    for (let i = s; i < e; i++) {
      if (j < value.length && source[i] === value[j]) {
        chars[i] = source[i]!;
        j++;
      }
    }
  };

  const hard = (node: Nodes): void => {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) return;
    for (let i = s; i < e; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = HARD;
  };

  // An explicit stack (children pushed in reverse, so nodes come off in document order): deep nesting costs no call stack.
  const stack: Array<[Nodes, boolean]> = [[tree, false]];
  while (stack.length > 0) {
    const [node, inBlock] = stack.pop()!;
    if (node.type === 'yaml') {
      view.frontMatter = node.value;
      continue;
    }
    if (node.type === 'html') {
      const s = node.position?.start.offset;
      const e = node.position?.end.offset;
      if (s !== undefined && e !== undefined) {
        const re = /<!--([\s\S]*?)-->/g;
        for (const m of node.value.matchAll(re)) {
          view.comments.push({ value: m[1]!.trim(), start: s + m.index, end: s + m.index + m[0].length });
        }
      }
      if (inBlock) hard(node);
      continue;
    }
    if (node.type === 'code' && indentedProse(node, source)) {
      const s = node.position!.start.offset!;
      view.blocks.push({ start: s, end: node.position!.end.offset! });
      reveal({ type: 'text', value: node.value, position: node.position! });
      continue;
    }
    if (SKIP.has(node.type)) {
      if (inBlock) hard(node);
      continue;
    }
    if (node.type === 'text') {
      reveal(node);
      continue;
    }
    if (node.type === 'link' && node.children.length === 1 && node.children[0]!.type === 'text') {
      const child = node.children[0];
      const target = node.url.replace(/^mailto:/, '');
      if (child.value === node.url || child.value === target || /^(?:https?:\/\/|www\.)/i.test(child.value)) {
        hard(node);
        continue;
      }
    }
    // A link's brackets and target are hard breaks (its text is revealed below): a phrase never runs into or out of
    // a link, so a replacement can never swallow "](url)".
    if ((node.type === 'link' || node.type === 'linkReference') && inBlock) hard(node);
    const isBlock = BLOCKS.has(node.type);
    if (isBlock && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      view.blocks.push({ start: node.position.start.offset, end: node.position.end.offset });
    }
    if ('children' in node) {
      const children = (node as Parents).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Nodes, inBlock || isBlock]);
    }
  }
  // Link and image syntax around revealed text, inside a block, should break phrases only where it is not prose.
  view.text = chars.join('');
  view.blocks.sort((a, b) => a.start - b.start);
  return view;
}


/**
 * How much Markdown a segment may hold and still be parsed (see docs/reliability.md). micromark's work on a segment
 * grows with the square of its emphasis, bracket and similar syntax characters (up to 0.16 µs × their count²), and
 * with its container nesting; a segment over these bounds is analysed by {@link markupMaskedSegment} instead, so
 * the parse of any document costs at most about `syntaxDensity` × 0.16 µs per character. Real documents stay far
 * below both (the densest segment in the test fixtures and docs scores 13).
 */
export const MARKDOWN_BUDGET = {
  /** Largest (syntax characters)² ÷ segment length that is parsed. */
  syntaxDensity: 32,
  /** Deepest nesting at the start of a line that is parsed: block quote and list markers, and four columns of indentation each. */
  nesting: 32,
} as const;

/** Characters whose count drives micromark's work: emphasis, strikethrough, labels, HTML, tables, code, escapes, entities. */
const COSTLY = new Set([...'*_~[]!<>|`\\&']);

/** Whether a segment is within {@link MARKDOWN_BUDGET}: parsed with remark, or else analysed with its markup masked. */
export function withinMarkdownBudget(segment: string): boolean {
  let costly = 0;
  let lineStart = true;
  let depth = 0;
  let indent = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (COSTLY.has(c)) costly++;
    if (c === '\n' || c === '\r') {
      lineStart = true;
      depth = 0;
      indent = 0;
      continue;
    }
    if (!lineStart) continue;
    // At the start of a line: count container markers ("> ", "- ", "1. ") and indentation (four columns a level).
    if (c === ' ' || c === '\t') {
      indent += c === ' ' ? 1 : 4;
      if (indent >= 4) {
        indent -= 4;
        if (++depth > MARKDOWN_BUDGET.nesting) return false;
      }
      continue;
    }
    if (c === '>' || ((c === '-' || c === '*' || c === '+') && /[ \t]/.test(segment[i + 1] ?? ''))) {
      if (++depth > MARKDOWN_BUDGET.nesting) return false;
      continue;
    }
    const ordered = /^\d{1,9}[.)][ \t]/.exec(segment.slice(i, i + 12));
    if (ordered) {
      if (++depth > MARKDOWN_BUDGET.nesting) return false;
      i += ordered[0].length - 2;
      continue;
    }
    lineStart = false;
  }
  return costly * costly <= MARKDOWN_BUDGET.syntaxDensity * Math.max(segment.length, 1);
}

/**
 * A segment over the Markdown budget, analysed as plain text: fenced code, code spans, HTML comments and tags,
 * link targets, URLs and e-mail addresses are masked as they would be after a parse (comments still carry
 * directives), Markdown punctuation becomes spaces, and each line is a block. Linear in the segment's length.
 */
export function markupMaskedSegment(source: string, first = true): SegmentView {
  const chars = maskUrls(source).split('');
  const view: SegmentView = { text: '', blocks: [], headings: [], headingOffsets: [], comments: [] };
  const mask = (s: number, e: number): void => {
    for (let i = s; i < e; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = HARD;
  };
  let from = 0;
  if (first) {
    const front = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(source);
    if (front) {
      view.frontMatter = front[1]!;
      mask(0, front[0].length);
      from = front[0].length;
    }
  }
  // Fenced code: from an opening fence line to the matching closing one (or the end).
  let fence: { char: string; length: number; start: number } | undefined;
  for (const m of source.slice(from).matchAll(/^.*$/gm)) {
    const at = from + m.index;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(m[0]);
    if (fence === undefined && f) fence = { char: f[1]![0]!, length: f[1]!.length, start: at };
    else if (fence && f && f[1]![0] === fence.char && f[1]!.length >= fence.length && /^ {0,3}[`~]+[ \t]*$/.test(m[0])) {
      mask(fence.start, at + m[0].length);
      fence = undefined;
    }
  }
  if (fence) mask(fence.start, source.length);
  // HTML comments (kept for directives), then tags and autolinks.
  for (const m of source.matchAll(/<!--([\s\S]*?)-->/g)) {
    if (chars[m.index] === HARD) continue;
    view.comments.push({ value: m[1]!.trim(), start: m.index, end: m.index + m[0].length });
    mask(m.index, m.index + m[0].length);
  }
  for (const m of source.matchAll(/<\/?[A-Za-z][^<>\r\n]{0,500}>/g)) mask(m.index, m.index + m[0].length);
  // Code spans: a run of backticks up to the next run of the same length.
  const runs = new Map<number, number[]>();
  for (const m of source.matchAll(/`+/g)) {
    const list = runs.get(m[0].length) ?? [];
    list.push(m.index);
    runs.set(m[0].length, list);
  }
  for (const [length, starts] of runs) {
    for (let k = 0; k + 1 < starts.length; k += 2) mask(starts[k]!, starts[k + 1]! + length);
  }
  // Link targets: "](…)" up to the closing parenthesis on the same line.
  for (const m of source.matchAll(/\]\([^()\r\n]{0,2000}\)/g)) mask(m.index, m.index + m[0].length);
  for (let i = 0; i < chars.length; i++) if (MARKUP_PUNCTUATION.has(chars[i]!)) chars[i] = ' ';
  view.text = chars.join('');
  for (const m of view.text.matchAll(/[^\r\n]+/g)) {
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && (view.text.charCodeAt(s) <= 32 || view.text[s] === HARD)) s++;
    while (e > s && (view.text.charCodeAt(e - 1) <= 32 || view.text[e - 1] === HARD)) e--;
    if (e > s) view.blocks.push({ start: s, end: e });
  }
  return view;
}

/** Markdown punctuation that is markup, not prose, in a segment analysed as plain text. */
const MARKUP_PUNCTUATION = new Set([...'*_~[]<>|`#\\']);
