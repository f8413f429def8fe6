import { lineEndOf, lineStartOf } from '../positions.js';
import type { Token } from '../tokens.js';
import { sentenceStart, type DocBlock } from './structure.js';

/**
 * Common NHS and recruitment abbreviations and what they stand for (first entry is the main suggestion).
 * Lower case unless the expansion is a name.
 */
export const EXPANSIONS: Record<string, string[]> = {
  AfC: ['Agenda for Change'],
  ACP: ['advanced clinical practitioner'],
  AHP: ['allied health professional'],
  ANP: ['advanced nurse practitioner'],
  ARRS: ['Additional Roles Reimbursement Scheme'],
  CAMHS: ['child and adolescent mental health services'],
  CCG: ['clinical commissioning group'],
  CMHT: ['community mental health team'],
  COPD: ['chronic obstructive pulmonary disease'],
  CPA: ['Care Programme Approach'],
  CPD: ['continuing professional development'],
  CQC: ['Care Quality Commission'],
  DBS: ['Disclosure and Barring Service'],
  ED: ['emergency department'],
  EDI: ['equality, diversity and inclusion'],
  EHR: ['electronic health record'],
  EPR: ['electronic patient record'],
  FTE: ['full-time equivalent'],
  GMC: ['General Medical Council'],
  GPhC: ['General Pharmaceutical Council'],
  HCA: ['healthcare assistant'],
  HCPC: ['Health and Care Professions Council'],
  HEE: ['Health Education England'],
  IAPT: ['NHS Talking Therapies', 'Improving Access to Psychological Therapies'],
  ICB: ['integrated care board'],
  ICS: ['integrated care system'],
  ICU: ['intensive care unit'],
  ITU: ['intensive therapy unit'],
  IPC: ['infection prevention and control'],
  KPI: ['key performance indicator'],
  MDT: ['multidisciplinary team'],
  NICE: ['National Institute for Health and Care Excellence'],
  NMC: ['Nursing and Midwifery Council'],
  NVQ: ['National Vocational Qualification'],
  OOH: ['out of hours'],
  OT: ['occupational therapist', 'occupational therapy'],
  PALS: ['Patient Advice and Liaison Service'],
  PCN: ['primary care network'],
  PPE: ['personal protective equipment'],
  QCF: ['Qualifications and Credit Framework'],
  QOF: ['Quality and Outcomes Framework'],
  RGN: ['registered general nurse'],
  RMN: ['registered mental health nurse'],
  RN: ['registered nurse'],
  RQF: ['Regulated Qualifications Framework'],
  SALT: ['speech and language therapy', 'speech and language therapist'],
  SLT: ['speech and language therapy'],
  WDES: ['Workforce Disability Equality Standard'],
  WRES: ['Workforce Race Equality Standard'],
  WTE: ['whole-time equivalent'],
};

/**
 * Short forms most UK readers know, never flagged (GOV.UK keeps UK, EU, VAT, MP and the like unexplained).
 * BAME and BME are left to the ethnicity rules.
 */
export const WELL_KNOWN = new Set([
  'NHS', 'UK', 'GB', 'GP', 'HR', 'IT', 'CV', 'OK', 'ID', 'EU', 'US', 'USA', 'VAT', 'MP', 'BBC', 'TV', 'PDF', 'FAQ',
  'PhD', 'BSc', 'MSc', 'BA', 'MA', 'MBA', 'GCSE', 'LGBT', 'LGBTQ', 'LGBTQI', 'LGBTQIA', 'COVID', 'AM', 'PM', 'CEO',
  'BAME', 'BME', 'DBS', 'NMC', 'ADHD', 'ECG', 'MRI', 'HIV', 'AIDS', 'CPR', 'BMI', 'OCD', 'PTSD', 'ICU', 'SEN', 'SEND',
  'PC', 'IVF', 'DIY', 'MBE', 'OBE', 'CBE', 'RAF', 'NATO', 'UN', 'WHO',
]);

/** Everyday words written in capitals for emphasis ("Why can I trust YOU with MY mother?"), never abbreviations (ME and
 * HE are: myalgic encephalomyelitis, higher education). */
const EMPHASIS = new Set([
  'YOU', 'YOUR', 'YOURS', 'MY', 'MINE', 'WE', 'OUR', 'THEY', 'THEM', 'THEIR', 'SHE', 'HIS', 'HER', 'MUST',
  'NOT', 'NO', 'NEVER', 'ALL', 'ANY', 'EVERY', 'AND', 'OR', 'BUT', 'THE', 'AN', 'OF', 'TO', 'IN', 'ON', 'AT', 'BY',
  'FOR', 'WITH', 'THIS', 'THAT', 'IS', 'ARE', 'BE', 'DO', 'CAN', 'WILL', 'HAVE', 'HAS', 'NEW', 'FREE', 'NOW', 'ONLY',
  'VERY', 'MORE', 'MOST', 'WHY', 'HOW', 'WHAT', 'WHEN', 'WHERE', 'YES', 'PLEASE', 'STOP', 'GO', 'UP', 'OUT', 'ONE',
  'TWO', 'REAL', 'TRUST', 'CARE', 'JOB', 'JOBS', 'WORK', 'APPLY', 'HELP', 'NEED', 'WANT', 'LOVE',
]);

/** An abbreviation's first use in a block, offsets relative to the block. */
export interface AcronymUse {
  acronym: string;
  /** As written, without a possessive: "KPIs" for the plural. */
  written: string;
  start: number;
  end: number;
  sentenceStart: boolean;
  /** Spelled out right there: "Agenda for Change (AfC)" or "AfC (Agenda for Change)". */
  inPlace: boolean;
}

/** What one block contributes to the abbreviation check. */
export interface BlockAcronyms {
  uses: AcronymUse[];
  /** Known abbreviations whose full form the block contains. */
  expanded: string[];
}

const NONE: BlockAcronyms = { uses: [], expanded: [] };

/** One expression for every known full form; a match names its abbreviation. */
const FULL_FORMS: Array<[string, string]> = Object.entries(EXPANSIONS).flatMap(([a, list]) => list.map((e) => [e, a] as [string, string]));
const FULL_FORM_RE = new RegExp(
  `\\b(?:${FULL_FORMS.map(([e]) => `(${e.split(/[\s-]+/).map(escape).join('[\\s\\-\\u2010\\u2011]+')})`).join('|')})`,
  'gi',
);

/**
 * Abbreviations in one block (first use of each) and the full forms it spells out. Headings are skipped: a heading
 * is not a first use. A block in capitals ("APPLY NOW") is emphasis, not abbreviations.
 */
export function blockAcronyms(block: DocBlock, tokens: Token[], viewText: string): BlockAcronyms {
  if (block.type === 'heading') return NONE;
  const uses: AcronymUse[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!tok.word) continue;
    const acronym = candidate(tok.text);
    if (!acronym || uses.some((u) => u.acronym === acronym)) continue;
    // Words in capitals next to other words in capitals are a heading or emphasis ("JOB DETAILS", "TO BE ASSESSED").
    if (capitalsNearby(tokens, i) || shouting(lineAround(viewText, tok.start))) continue;
    const written = tok.text.replace(/['’]s$/, '');
    uses.push({
      acronym,
      written,
      start: tok.start - block.start,
      end: tok.start - block.start + written.length,
      sentenceStart: sentenceStart(viewText, tokens, i),
      inPlace: inPlace(tokens, i),
    });
  }
  const expanded: string[] = [];
  if (/[A-Za-z]{3}/.test(block.text)) {
    for (const m of block.text.matchAll(FULL_FORM_RE)) {
      const index = m.findIndex((g, k) => k > 0 && g !== undefined);
      const a = FULL_FORMS[index - 1]![1];
      if (!expanded.includes(a)) expanded.push(a);
    }
  }
  return uses.length === 0 && expanded.length === 0 ? NONE : { uses, expanded };
}

function inPlace(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev?.text === '(' && next?.text === ')') return true;
  if (next?.text === '(') {
    let words = 0;
    for (let j = i + 2; j < Math.min(tokens.length, i + 12); j++) {
      if (tokens[j]!.text === ')') return words >= 2;
      if (tokens[j]!.word) words++;
    }
  }
  return false;
}

/** An abbreviation not spelled out at its first use in the document; offsets absolute. */
export type UndefinedAcronym = AcronymUse;

/**
 * Resolves first uses across the document, in block order. Spelled out means: in brackets after the words, followed
 * by the words in brackets, or, for a known abbreviation, its full form used earlier or in the same block.
 */
export function undefinedAcronyms(blocks: Array<{ start: number; facts: BlockAcronyms }>): UndefinedAcronym[] {
  // Spelled out anywhere counts, before or after the first use: the reader can find the full form.
  const expanded = new Set<string>();
  for (const { facts } of blocks) {
    for (const a of facts.expanded) expanded.add(a);
    for (const use of facts.uses) if (use.inPlace) expanded.add(use.acronym);
  }
  const seen = new Set<string>();
  const out: UndefinedAcronym[] = [];
  for (const { start, facts } of blocks) {
    for (const use of facts.uses) {
      if (seen.has(use.acronym)) continue;
      seen.add(use.acronym);
      if (expanded.has(use.acronym)) continue;
      out.push({ ...use, start: start + use.start, end: start + use.end });
    }
  }
  return out;
}

/** The abbreviation a word is, if it is one worth checking: "KPIs" → "KPI", "NHS's" → "NHS"; undefined otherwise. */
function candidate(word: string): string | undefined {
  const c0 = word.charCodeAt(0);
  if (c0 < 65 || c0 > 90 || word.length < 2) return undefined;
  let capitals = 0;
  for (let i = 0; i < word.length && capitals < 2; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) capitals++;
  }
  if (capitals < 2) return undefined;
  let core = word.replace(/['’]s$/, '');
  if (/^[A-Z]{2,}s$/.test(core)) core = core.slice(0, -1);
  if (core.length < 2 || core.length > 7 || !/^[A-Za-z]+$/.test(core)) return undefined;
  if (WELL_KNOWN.has(core) || EMPHASIS.has(core)) return undefined;
  if (core.replace(/[^A-Z]/g, '').length < 2) return undefined;
  if (core !== core.toUpperCase() && !(core in EXPANSIONS)) return undefined;
  if (/^[IVXLCDM]+$/.test(core) && !(core in EXPANSIONS)) return undefined;
  return core;
}

/** True when the nearest word before or after token `i` (past commas, "&" and slashes) is also in capitals. */
function capitalsNearby(tokens: Token[], i: number): boolean {
  const caps = (t: Token | undefined): boolean => t !== undefined && t.word && t.text.length >= 2 && /^[A-Z][A-Z'’]+$/.test(t.text);
  const skip = (t: Token | undefined): boolean => t !== undefined && !t.word && /^[,&/+–—:-]$/.test(t.text);
  let j = i - 1;
  while (skip(tokens[j])) j--;
  let k = i + 1;
  while (skip(tokens[k])) k++;
  return caps(tokens[j]) || caps(tokens[k]);
}

/** The line of `text` that holds `offset`. */
function lineAround(text: string, offset: number): string {
  return text.slice(lineStartOf(text, offset), lineEndOf(text, offset));
}

/** A line written in capitals ("APPLY NOW") is emphasis, not a list of abbreviations. */
function shouting(text: string): boolean {
  let letters = 0;
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      capitals++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  return letters >= 12 && capitals / letters > 0.6;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Suggestions for an abbreviation: its full form with the short form in brackets. */
export function acronymSuggestions(a: UndefinedAcronym): string[] {
  return (EXPANSIONS[a.acronym] ?? []).map((e) => {
    const plural = a.written !== a.acronym;
    const text = plural ? `${e}s (${a.written})` : `${e} (${a.acronym})`;
    return a.sentenceStart ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
}
