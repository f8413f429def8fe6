import { parse } from 'yaml';
import { DOCUMENT_KINDS, type DocumentKind } from './types.js';

/** Reads `fairword: { kind: … }` (or `fairword-kind: …`) from YAML front matter. */
export function kindFromFrontMatter(frontMatter: string | undefined): DocumentKind | undefined {
  if (!frontMatter || !/fairword/.test(frontMatter)) return undefined;
  try {
    const data = parse(frontMatter, { logLevel: 'silent' }) as Record<string, unknown> | null;
    const block = data?.['fairword'];
    const value = (block && typeof block === 'object' ? (block as Record<string, unknown>)['kind'] : undefined) ?? data?.['fairword-kind'];
    return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value) ? (value as DocumentKind) : undefined;
  } catch {
    return undefined;
  }
}

const SIGNALS: Array<[DocumentKind, RegExp, number]> = [
  ['person-specification', /\bperson spec(ification)?\b/i, 3],
  ['person-specification', /^\W*(essential|desirable)( criteria)?\W*$/i, 1],
  ['job-description', /\bjob description\b|\bmain (duties|responsibilities)\b|\bkey (duties|responsibilities)\b|\bjob purpose\b|\bjob summary\b/i, 2],
  ['job-advert', /\bclosing date\b|\bhow to apply\b|\babout the role\b|\bjob advert\b|\bwe are (looking for|recruiting)\b|\bapply (now|today|online|through|via)\b|\binterview date\b|\bnhs jobs\b/i, 2],
  ['job-advert', /£\s?\d[\d,.]*k?\b[^\n]{0,40}\b(a year|per annum|p\.?a\.?|pro rata|per hour|an hour)\b|\bband [2-9][abcd]?\b.{0,30}£|£.{0,40}\bband [2-9][abcd]?\b/i, 3],
  ['job-advert', /\bsalary\b|\bagenda for change\b|\bband [2-9][abcd]?\b/i, 1],
  ['job-advert', /\b(full|part)[ -]time\b|\bpermanent\b|\bfixed[ -]term\b|\bhours (a|per) week\b|\bthe (role|job|post)\b|\bwho we want\b|\babout you\b/i, 1],
  ['policy', /\bpolicy\b|\bprocedure\b|\bpurpose of this (policy|document)\b|\bequality impact assessment\b|\bversion \d|\breview date\b/i, 1],
  ['policy', /^\W*(\d+(\.\d+)*\.?\s*)?(scope|purpose|definitions|policy statement|roles and responsibilities|duties|monitoring( and review)?|related (policies|documents))\W*$/i, 2],
  ['health-information', /\bwellbeing\b|\bget (help|support)\b|\bsupport for you\b|\bdrop-in\b|\bself-refer|\bwhere to get help\b|\bleaflet\b|\bcommunity (event|cafe|café|session|hall)s?\b|\bcome along\b|\bjoin us\b|\bfree (lunch|tea|refreshments|childcare)\b|\byour gp\b|\blocal people\b|\bthis event\b/i, 1],
];

/** Guesses the document kind from its headings and opening text; undefined when nothing points anywhere. */
export function kindFromText(headings: readonly string[], opening: string): DocumentKind | undefined {
  const score = new Map<DocumentKind, number>();
  const lines = new Set([...headings.slice(0, 40), ...opening.split(/\r?\n|\r/).slice(0, 40)]);
  for (const line of lines) {
    if (!line.trim()) continue;
    for (const [kind, re, weight] of SIGNALS) if (re.test(line)) score.set(kind, (score.get(kind) ?? 0) + weight);
  }
  let best: DocumentKind | undefined;
  let bestScore = 1;
  for (const kind of DOCUMENT_KINDS) {
    const s = score.get(kind) ?? 0;
    if (s > bestScore) {
      best = kind;
      bestScore = s;
    }
  }
  // An advert usually carries a person specification; a closing date or salary makes it an advert.
  if (best === 'person-specification' && (score.get('job-advert') ?? 0) >= 3) return 'job-advert';
  return best;
}
