import { positionAt } from '../positions.js';
import { HARD } from '../prose.js';
import type { Token } from '../tokens.js';
import { BULLET, blockLines, type DocBlock } from './structure.js';

/**
 * More essential criteria than this is flagged. A project default: the sources (WIN toolkit, NHS De-bias Recruitment
 * Toolkit) warn against long essential lists without giving a number.
 */
export const ESSENTIAL_LIMIT = 8;

const ESSENTIAL_HEADING = /^\W*essential\b/i;
/**
 * Headings of an advert's requirements when it does not split them into essential and desirable ("About you",
 * "What you'll need"): every item under one is asked of every applicant.
 */
const REQUIREMENTS_HEADING =
  /^\W*(?:about you|requirements|(?:our |the )?requirements of the (?:role|post|job)|what you(?:'ll| will)? need|what you(?:'ll| will) bring|what we(?:'re| are) looking for|who we(?:'re| are) looking for|you will (?:need|have)|skills(?:,| and) (?:experience|knowledge)|experience and skills|the ideal candidate|must haves?)\W*$/i;
const ESSENTIAL_LABEL = /^\W*essential(?:\s+(?:criteria|requirements?|skills|qualifications?|experience|knowledge))?\s*\W*$/i;
const DESIRABLE = /^\W*desirable\b/i;
/** Group names inside an Essential section ("Qualifications", "Skills and abilities"): not criteria themselves. */
const GROUP_LABEL =
  /^\W*(?:qualifications?|education|training|experience|knowledge|skills|abilities|skills and abilities|knowledge and skills|personal (?:qualities|attributes)|values|other|other requirements|physical requirements|special requirements|circumstances)\W*$/i;
/** A criterion marked essential at its end: "NMC registration (E)", "Degree – essential". */
const MARKED = /\((?:e|essential)\)\s*[.;]?$|\s[-–—:]\s*essential\.?$|\b(?:is|are)\s+(?:also\s+)?essential\.?$/i;
const NUMBER = /^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)$/;
/** Words that end the search for "experience" after "N years": "5 years in post", "3 years and then experience". */
const NOT_A_QUALIFIER = /^(?:in|at|on|as|and|or|but|to|for|from|with|by|the|a|an|this|that|is|are|was|were|will|be|been|ago|old|since|after|before|when|where|who|which|you|we|they|of)$/;
const HARD_SPLIT = new RegExp(`${HARD}+|[•;]|\\s·\\s`);

/** A place in the document: where the essential criteria are introduced. */
export interface Span {
  start: number;
  end: number;
}

interface Table {
  lastLine: number;
  row: number;
  col: number;
  essentialCol: number;
  markerCol: number;
}

/** Counts essential criteria and collects "N years' experience" requirements, fed one block at a time. */
export class RequirementsCounter {
  essential = 0;
  readonly yearsOfExperience: string[] = [];
  /** Where the essential criteria start (heading, label or table header). */
  label: Span | undefined;
  private inSection = false;
  /** In a requirements section that is not split into essential and desirable: only its list items count. */
  private listsOnly = false;
  private sectionLevel = 0;
  private table: Table | undefined;

  constructor(
    private readonly source: string,
    private readonly viewText: string,
    private readonly starts: number[],
  ) {}

  /** Feeds one block, with its "N years' experience" spans relative to the block. */
  add(block: DocBlock, years: ReadonlyArray<readonly [number, number]>): void {
    if (block.type === 'table-cell') this.tableCell(block);
    else this.table = undefined;
    for (const [s, e] of years) this.yearsOfExperience.push(this.source.slice(block.start + s, block.start + e));
    if (block.type === 'heading') this.heading(block);
    else if (block.type !== 'table-cell') this.lines(block);
  }

  private heading(block: DocBlock): void {
    const level = headingLevel(this.source, this.starts, block.start);
    const requirements = REQUIREMENTS_HEADING.test(block.text);
    if ((ESSENTIAL_HEADING.test(block.text) || requirements) && !/desirable/i.test(block.text) && block.text.length <= 60) {
      this.inSection = true;
      this.listsOnly = requirements;
      this.sectionLevel = level;
      this.label ??= { start: block.start, end: block.end };
      return;
    }
    if (!this.inSection) return;
    // A group name ("Qualifications") or a deeper Markdown heading stays inside the section; anything else ends it.
    if (DESIRABLE.test(block.text)) this.inSection = false;
    else if (level === 0 ? !GROUP_LABEL.test(block.text) : level <= this.sectionLevel) this.inSection = false;
  }

  private lines(block: DocBlock): void {
    const lines = blockLines(block);
    const bulleted = lines.some((l) => BULLET.test(l.text));
    let counted = false;
    for (const line of lines) {
      const text = line.text;
      if (ESSENTIAL_LABEL.test(text) && text.length <= 40) {
        this.inSection = true;
        this.listsOnly = false;
        this.sectionLevel = Infinity;
        this.label ??= { start: line.start, end: line.end };
        continue;
      }
      if (DESIRABLE.test(text)) {
        this.inSection = false;
        continue;
      }
      if (!this.inSection) {
        if (MARKED.test(text)) this.essential++;
        continue;
      }
      if (text.endsWith(':') || GROUP_LABEL.test(text)) continue;
      if (this.listsOnly && block.type !== 'list-item') continue;
      if (block.type === 'list-item') {
        // A list item is one criterion however many lines it wraps over.
        if (!counted) this.essential++;
        counted = true;
      } else if (bulleted ? BULLET.test(text) : /^[\p{Lu}\p{N}]/u.test(text)) {
        this.essential++;
      }
    }
  }

  private tableCell(block: DocBlock): void {
    const line = positionAt(this.starts, block.start).line;
    let t = this.table;
    if (!t || line > t.lastLine + 2) {
      t = this.table = { lastLine: line, row: 0, col: -1, essentialCol: -1, markerCol: -1 };
    }
    if (line !== t.lastLine) {
      t.row++;
      t.col = -1;
      t.lastLine = line;
    }
    t.col++;
    const text = block.text;
    if (t.row === 0) {
      if (ESSENTIAL_HEADING.test(text) && !/desirable/i.test(text)) {
        t.essentialCol = t.col;
        this.label ??= { start: block.start, end: block.end };
      } else if (/essential\s*(?:\/|or|and)\s*desirable|^\W*e\s*\/\s*d\W*$/i.test(text)) {
        t.markerCol = t.col;
        this.label ??= { start: block.start, end: block.end };
      }
      return;
    }
    if (t.col === t.essentialCol && /\S/.test(text)) {
      // Items in one cell are separated by <br> (masked), bullets or semicolons; a lone tick marks the row.
      const parts = this.viewText.slice(block.start, block.end).split(HARD_SPLIT).filter((p) => /\p{L}/u.test(p));
      this.essential += Math.max(1, parts.length);
    } else if (t.col === t.markerCol && /^\W*(?:e|essential)\W*$/i.test(text)) {
      this.essential++;
    }
  }
}

/**
 * Spans of "N years' experience", "two years of relevant experience", "5+ years experience" and "5 years Java
 * experience" in tokens: a number of years, then "experience" within three describing words.
 */
export function yearsSpans(tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!NUMBER.test(tokens[i]!.norm)) continue;
    let j = i + 1;
    if (tokens[j]?.norm === '+') j++;
    if (!/^(?:years?|yrs)$/.test(tokens[j]?.norm ?? '')) continue;
    j++;
    if (tokens[j]?.norm === "'") j++;
    if (tokens[j]?.norm === 'of') j++;
    for (let k = 0; k < 3 && tokens[j]?.word && !NOT_A_QUALIFIER.test(tokens[j]!.norm) && !/^experienced?$/.test(tokens[j]!.norm); k++) j++;
    if (/^(?:experience|experienced)$/.test(tokens[j]?.norm ?? '')) {
      out.push([tokens[i]!.start, tokens[j]!.end]);
      i = j;
    }
  }
  return out;
}

/** Markdown heading level (ATX "#" count, setext 1 or 2); 0 for a plain-text heading line. */
function headingLevel(source: string, starts: number[], offset: number): number {
  const line = positionAt(starts, offset).line;
  const from = starts[line]!;
  const atx = /^[ \t]{0,3}(#{1,6})(?:[ \t]|$)/.exec(source.slice(from, from + 10));
  if (atx) return atx[1]!.length;
  const nextFrom = starts[line + 1];
  if (nextFrom !== undefined) {
    const next = source.slice(nextFrom, starts[line + 2] ?? source.length);
    if (/^[ \t]*=+[ \t]*(?:\r?\n|\r)?$/.test(next)) return 1;
    if (/^[ \t]*-+[ \t]*(?:\r?\n|\r)?$/.test(next)) return 2;
  }
  return 0;
}
