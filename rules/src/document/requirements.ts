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
/** What a sentence about a list can call it: "all of the above", "these criteria", "the requirements listed above". */
const LIST_REFERENCE =
  /(?:(?:all|each|both|any)\s+(?:of\s+)?)?(?:the above|these|those|they|them|everything (?:above|listed)|the (?:criteria|requirements|skills|items|qualifications|points) (?:above|listed(?: above)?))(?:\s+(?:criteria|requirements|skills|items|qualifications|points))?/
    .source;
/** A sentence after a list that marks it essential: "All of the above are essential.", "These are all essential." */
const ESSENTIAL_AFTER = new RegExp(`^\\W*(?:${LIST_REFERENCE}\\s+(?:are|is)\\s+(?:all\\s+|also\\s+)*essential|all\\s+(?:are\\s+)?essential)\\b`, 'i');
/** A sentence after a list that marks it desirable: "These would be an advantage.", "The above are desirable." */
const DESIRABLE_AFTER = new RegExp(
  `^\\W*${LIST_REFERENCE}\\s+(?:are|is|would be|will be)\\s+(?:all\\s+|also\\s+)*(?:desirable|not essential|an advantage|advantageous|a bonus|nice to have)\\b`,
  'i',
);
/** The longest sentence read as introducing a list. */
const INTRO_MAX = 200;
/** A line that introduces a list as essential: "The following are essential:", "Essential for this role:". */
const ESSENTIAL_BEFORE =
  /(?:^\W*essential\b|\b(?:are|is)\s+(?:all\s+|also\s+)*essential\b|\bessential\s+(?:for|to|in)\b|\bit is essential\b|\b(?:the following|below)\b[^.!?]*\bessential\b)[^.!?]*:$/i;
/** A line that introduces a list as desirable: "The following would be an advantage:", "It would be desirable to have:". */
const DESIRABLE_BEFORE =
  /(?:\b(?:are|is|would be)\s+(?:all\s+|also\s+)*(?:desirable|not essential|an advantage|advantageous|a bonus|nice to have)\b|\bit would be (?:desirable|an advantage|helpful|useful)\b|\b(?:the following|below)\b[^.!?]*\b(?:desirable|an advantage|advantageous)\b)[^.!?]*:$/i;
const NUMBER = /^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)$/;
/** Words that end the search for "experience" after "N years": "5 years in post", "3 years and then experience". */
const NOT_A_QUALIFIER = /^(?:in|at|on|as|and|or|but|to|for|from|with|by|the|a|an|this|that|is|are|was|were|will|be|been|ago|old|since|after|before|when|where|who|which|you|we|they|of)$/;
/** Before a number of years: a floor ("at least 3 years"). */
const FLOOR = /(?:^|\s)(?:at least|minimum|minimum of)$/;
/** After "N years": time in a job ("in a similar role", "as a nurse", "working in", "post-registration"). */
const SERVED = /^(?:(?:in|within) (?:a |an |the |)(?:\S+ ){0,2}(?:role|roles|post|posts|position|positions|job|jobs|setting|settings|environment|capacity|team)\b|as (?:a|an)\b|(?:working|managing|leading|supervising|teaching|nursing|caring|supporting|running|delivering|coordinating|practising|practicing)\b|within the last\b|post ?-? ?(?:qualification|qualifying|registration|qualified)\b)/;
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

/** The list being read (or just read): its criteria, and how many of them were counted essential. */
interface ListRun {
  items: number;
  counted: number;
}

/** Counts essential criteria and collects "N years' experience" requirements, fed one block at a time. */
export class RequirementsCounter {
  essential = 0;
  readonly yearsOfExperience: string[] = [];
  /** Where the essential criteria start (heading, label, table header, or a sentence before or after a list). */
  label: Span | undefined;
  private inSection = false;
  /** In a requirements section that is not split into essential and desirable: only its list items count. */
  private listsOnly = false;
  private sectionLevel = 0;
  private table: Table | undefined;
  /** The list just read, which a sentence after it can mark essential or desirable. */
  private run: ListRun | undefined;
  /** What the line before the current list said of it ("The following are essential:"). */
  private marking: 'essential' | 'desirable' | undefined;

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
    if (block.type === 'heading' || block.type === 'table-cell') this.endList();
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

  /** A list item is one criterion however many lines it wraps over; in plain text each bullet line is one. */
  private lines(block: DocBlock): void {
    const lines = blockLines(block);
    if (block.type === 'list-item') {
      const first = lines[0];
      if (first) this.line(lines.map((l) => l.text).join(' '), { start: first.start, end: lines.at(-1)!.end }, 'item');
      return;
    }
    const bulleted = lines.some((l) => BULLET.test(l.text));
    for (const line of lines) this.line(line.text, line, BULLET.test(line.text) ? 'item' : bulleted ? 'between' : 'text');
  }

  /**
   * One criterion-sized piece of text: a list `item`, a plain `text` line, or a line `between` the bullet lines of a
   * plain-text list (wrapped text or a remark, never a criterion of its own).
   */
  private line(text: string, span: Span, what: 'item' | 'text' | 'between'): void {
    if (ESSENTIAL_LABEL.test(text) && text.length <= 40) {
      this.inSection = true;
      this.listsOnly = false;
      this.sectionLevel = Infinity;
      this.label ??= { start: span.start, end: span.end };
      this.endList();
      return;
    }
    if (DESIRABLE.test(text)) {
      this.inSection = false;
      this.endList();
      return;
    }
    if (what !== 'item' && this.afterList(text, span)) return;
    if (what !== 'item' && this.beforeList(text, span)) return;
    if (what === 'text') this.endList();
    if (what === 'between' || text.endsWith(':') || GROUP_LABEL.test(text)) {
      if (!this.inSection && MARKED.test(text)) this.essential++;
      return;
    }
    const essential = this.counts(text, what === 'item');
    if (what === 'item') {
      this.run ??= { items: 0, counted: 0 };
      this.run.items++;
      if (essential) this.run.counted++;
    }
    if (essential) this.essential++;
  }

  /** Whether a criterion counts as essential where it stands. */
  private counts(text: string, item: boolean): boolean {
    if (item && this.marking) return this.marking === 'essential';
    if (!this.inSection) return MARKED.test(text);
    if (this.listsOnly) return item;
    return item || /^[\p{Lu}\p{N}]/u.test(text);
  }

  /** A sentence after a list that marks the whole list ("All of the above are essential."); true when `text` is one. */
  private afterList(text: string, span: Span): boolean {
    const essential = ESSENTIAL_AFTER.test(text);
    if (!essential && !DESIRABLE_AFTER.test(text)) return false;
    const run = this.run;
    if (run && essential) {
      this.essential += run.items - run.counted;
      this.label ??= { start: span.start, end: span.end };
    } else if (run) {
      this.essential -= run.counted;
    }
    this.endList();
    return true;
  }

  /** A line that marks the list after it ("The following are essential:"); true when `text` is one. */
  private beforeList(text: string, span: Span): boolean {
    if (!text.endsWith(':')) return false;
    // Only the sentence that ends in the colon can introduce the list; a short one, so the patterns stay cheap.
    const last = text.slice(Math.max(text.lastIndexOf('.'), text.lastIndexOf('!'), text.lastIndexOf('?')) + 1);
    if (last.length > INTRO_MAX) return false;
    const marking = ESSENTIAL_BEFORE.test(last) ? 'essential' : DESIRABLE_BEFORE.test(last) ? 'desirable' : undefined;
    if (!marking) return false;
    this.endList();
    this.marking = marking;
    if (marking === 'essential') this.label ??= { start: span.start, end: span.end };
    return true;
  }

  private endList(): void {
    this.run = undefined;
    this.marking = undefined;
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
    // "less than 2 years' experience", "up to 3 years": a ceiling describes people (a pay point, a scheme), it asks nothing.
    const before = `${tokens[i - 2]?.norm ?? ''} ${tokens[i - 1]?.norm ?? ''}`;
    if (/(?:^|\s)(?:less than|fewer than|up to|under)$/.test(before)) continue;
    // "around two years' post-qualifying experience": an approximate amount describes the usual route, not a floor.
    if (/(?:^|\s)(?:around|about|approximately|roughly|typically|usually)$/.test(before)) continue;
    let j = i + 1;
    if (tokens[j]?.norm === '+') j++;
    if (!/^(?:years?|yrs|year's)$/.test(tokens[j]?.norm ?? '')) continue;
    j++;
    if (tokens[j]?.norm === "'") j++;
    // "three years worth of experience", "3 years' worth of experience".
    if (tokens[j]?.norm === 'worth' && tokens[j + 1]?.norm === 'of') j++;
    if (tokens[j]?.norm === 'of') j++;
    for (let k = 0; k < 3 && tokens[j]?.word && !NOT_A_QUALIFIER.test(tokens[j]!.norm) && !/^experienced?$/.test(tokens[j]!.norm); k++) j++;
    // "2 years' driving experience": how long a licence has been held, an insurer's condition, not time served in a job.
    if (/^(?:experience|experienced)$/.test(tokens[j]?.norm ?? '') && tokens[j - 1]?.norm !== 'driving') {
      out.push([tokens[i]!.start, tokens[j]!.end]);
      i = j;
      continue;
    }
    // Time served without the word "experience": "at least 3 years in a similar role", "a minimum of 1 year within
    // the last 6 years", "minimum 2 years working in care". A floor and a job after it; not "kept for a minimum of 6 years".
    const unit = i + 1 + (tokens[i + 1]?.norm === '+' ? 1 : 0);
    if (FLOOR.test(before) && SERVED.test(tokens.slice(unit + 1, unit + 6).map((t) => t.norm).join(' '))) {
      out.push([tokens[i]!.start, tokens[unit]!.end]);
      i = unit;
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
