import { HONORIFICS } from '../describes.js';
import type { Token } from '../tokens.js';

/** Small words that stay lower case inside titles. */
const TITLE_SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'among', 'amongst', 'between', 'as', 'vs', 'v']);

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.word && /\p{L}/u.test(t.text);
const isCapitalised = (t: Token): boolean => /^\p{Lu}/u.test(t.text);
const isAllCaps = (t: Token): boolean => t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();

/**
 * True when tokens [from, to) sit inside a title or heading-like run (Title Case or ALL CAPS), such as the name of a
 * cited paper ("Allostatic Load Scores Among Blacks and Whites in the United States"). Looks at up to three content
 * words on each side; the sentence's first word does not count, since it is capitalised anyway.
 */
export function inTitleRun(tokens: readonly Token[], from: number, to: number): boolean {
  const firstWord = tokens.findIndex((t) => t.word);
  const around: Token[] = [];
  for (let i = from - 1, n = 0; i >= 0 && n < 3; i--) {
    const t = tokens[i]!;
    if (!isWord(t) || TITLE_SMALL.has(t.norm)) continue;
    if (i !== firstWord) around.push(t);
    n++;
  }
  for (let i = to, n = 0; i < tokens.length && n < 3; i++) {
    const t = tokens[i]!;
    if (!isWord(t) || TITLE_SMALL.has(t.norm)) continue;
    around.push(t);
    n++;
  }
  const match = tokens.slice(from, to).filter(isWord);
  if (match.length > 0 && match.every(isAllCaps)) return around.some(isAllCaps);
  if (around.length < 2) return false;
  return around.filter(isCapitalised).length * 3 >= around.length * 2;
}

/**
 * True when tokens [from, to) open a name written in capitals inside ordinary lower-case prose: "visits from the Young
 * at Heart singing group". The match must be capitalised away from the sentence's start and be followed, across at
 * most one small word, by another capitalised word; a sentence mostly in capitals (a heading) tells nothing.
 */
export function opensProperName(tokens: readonly Token[], from: number, to: number, sFrom: number, sTo: number): boolean {
  const first = tokens[from];
  if (!first || !isCapitalised(first) || isAllCaps(first)) return false;
  let start = sFrom;
  while (start < from && !isWord(tokens[start])) start++;
  if (start === from || !isWord(tokens[from - 1])) return false;
  let at = to;
  // "and" and "or" join two things ("the Chairman and Non-Executive Directors"), not the words of one name.
  if (at < sTo && TITLE_SMALL.has(tokens[at]!.norm) && !isCapitalised(tokens[at]!) && tokens[at]!.norm !== 'and' && tokens[at]!.norm !== 'or') at++;
  const next = tokens[at];
  if (at >= sTo || !isWord(next) || !isCapitalised(next)) return false;
  const long = tokens.slice(sFrom, sTo).filter((t) => isWord(t) && t.text.length > 3);
  return long.filter(isCapitalised).length * 2 < long.length;
}

const OPEN = new Set(["'", '"', '\u2018', '\u201C']);
const CLOSE = new Set(["'", '"', '\u2019', '\u201D']);

/** True when text[start, end) is wrapped in quotation marks, so the words are mentioned rather than used. */
export function quoted(text: string, start: number, end: number): boolean {
  return OPEN.has(text.charAt(start - 1)) && CLOSE.has(text.charAt(end));
}

/**
 * Splits a sentence's tokens into list items: a new item starts at a line break, a semicolon or a bullet, since a
 * plain-text list often reaches the engine as one "sentence".
 */
export function listItems(text: string, tokens: readonly Token[]): Token[][] {
  const items: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const lineBreak = prev !== undefined && /[\n\r]/.test(text.slice(prev.end, t.start));
    if ((lineBreak || [';', '•', '●', '▪', '|'].includes(t.text)) && current.length > 0) {
      items.push(current);
      current = [];
    }
    if (![';', '•', '●', '▪', '|'].includes(t.text)) current.push(t);
  }
  if (current.length > 0) items.push(current);
  return items;
}

/** Prepositions after which a capitalised run names something else than the words before it. */
const PREPOSITIONS = new Set(['of', 'for', 'at', 'to', 'in', 'on', 'with', 'from']);
const ARTICLES = new Set(['the', 'a', 'an']);

/** Last words of the names of organisations, groups, laws and events ("… Association", "… Act", "… Month"). */
const NAME_ENDS = new Set([
  'association', 'associations', 'society', 'trust', 'network', 'forum', 'group', 'council', 'centre', 'center', 'club',
  'foundation', 'fund', 'school', 'college', 'university', 'hospital', 'home', 'league', 'union', 'federation',
  'institute', 'charity', 'alliance', 'committee', 'project', 'partnership', 'campaign', 'collective', 'act', 'award',
  'awards', 'day', 'week', 'month', 'conference', 'programme', 'scheme', 'commission', 'board', 'department', 'agency',
  'service', 'services', 'clinic', 'unit', 'ward', 'hub', 'cafe', 'café', 'choir', 'magazine', 'journal', 'review',
]);

/**
 * True when tokens [from, to) are capitalised words inside the name of an organisation, law or event
 * ("Dagenham Physically Handicapped Association", "Chronically Sick and Disabled Persons Act"): the capitalised run
 * goes on to a word that ends such names. A phrase that includes that last word itself is left to its rule.
 */
export function inOrganisationName(tokens: readonly Token[], from: number, to: number): boolean {
  // "Black and Minority Ethnic Network (BME)": the acronym in brackets after a name is the name's.
  const before = tokens[from - 2];
  if (tokens[from - 1]?.norm === '(' && tokens[to]?.norm === ')' && before && isCapitalised(before) && NAME_ENDS.has(before.norm)) return true;
  const match = tokens.slice(from, to).filter(isWord);
  // "Black Asian and Minority Ethnic Staff Network": small words may sit inside a name written in capitals.
  if (match.length === 0 || !isCapitalised(match[0]!) || !match.every((t) => isCapitalised(t) || TITLE_SMALL.has(t.norm))) return false;
  let afterArticle = false;
  for (let i = to, n = 0; i < tokens.length && n < 6; i++, n++) {
    const t = tokens[i]!;
    // "the Ards Pensioners' Forum": a plural's possessive apostrophe stays inside the name.
    if (!t.word || !/\p{L}/u.test(t.text)) {
      if (t.norm === "'" && t.start === tokens[i - 1]!.end && tokens[i - 1]!.norm.endsWith('s')) continue;
      return false;
    }
    // A preposition starts a noun phrase of its own: "Chairman of the Audit Committee" is a role held in the committee.
    if (PREPOSITIONS.has(t.norm)) return false;
    // After an article, only a plural name end is shared: "the Dagenham … and the Barking … Associations" is one
    // name twice, "the Chairman and the Finance Committee" two things.
    if (ARTICLES.has(t.norm)) afterArticle = true;
    if (TITLE_SMALL.has(t.norm) && !isCapitalised(t)) continue;
    if (!isCapitalised(t)) return false;
    if (NAME_ENDS.has(t.norm)) return !afterArticle || t.norm.endsWith('s');
  }
  return false;
}

/**
 * True when tokens [from, to) are capitalised words of a person's name after a title: "Dr Young", "Dr Samuel Young",
 * "Mrs. White". A name is never a finding.
 */
export function inPersonName(tokens: readonly Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).filter(isWord);
  if (words.length === 0 || !words.every(isCapitalised)) return false;
  let at = from - 1;
  if (tokens[at]?.norm === '.') at--;
  // One capitalised first name may stand between the title and the surname.
  if (tokens[at] && isWord(tokens[at]) && isCapitalised(tokens[at]!) && !HONORIFICS.has(tokens[at]!.norm)) at--;
  if (tokens[at]?.norm === '.') at--;
  const title = tokens[at];
  return title !== undefined && isCapitalised(title) && HONORIFICS.has(title.norm);
}
