import { parse } from 'yaml';
import { DOCUMENT_KINDS, type DocumentKind } from './types.js';

/** Reads `fairword: { kind: … }` (or `fairword-kind: …`) from YAML front matter. */
export function kindFromFrontMatter(frontMatter: string | undefined): DocumentKind | undefined {
  if (!frontMatter || !/fairword/.test(frontMatter)) return undefined;
  try {
    const data = parse(frontMatter) as Record<string, unknown> | null;
    const block = data?.['fairword'];
    const value = (block && typeof block === 'object' ? (block as Record<string, unknown>)['kind'] : undefined) ?? data?.['fairword-kind'];
    return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value) ? (value as DocumentKind) : undefined;
  } catch {
    return undefined;
  }
}

const SIGNALS: Array<[DocumentKind, RegExp, number]> = [
  ['person-specification', /\bperson spec(ification)?\b/i, 3],
  ['person-specification', /^\s*(essential|desirable)( criteria)?\s*:?\s*$/i, 1],
  ['job-description', /\bjob description\b|\bmain (duties|responsibilities)\b|\bkey (duties|responsibilities)\b|\bjob purpose\b/i, 2],
  ['job-advert', /\bclosing date\b|\bhow to apply\b|\bsalary\b|\babout the role\b|\bjob advert\b|\bwe are (looking for|recruiting)\b|\bapply (now|today)\b|\binterview date\b/i, 2],
  ['policy', /\bpolicy\b|\bprocedure\b|\bscope\b|\bpurpose of this (policy|document)\b|\bresponsibilities\b|\bequality impact assessment\b/i, 1],
  ['health-information', /\bwellbeing\b|\bget (help|support)\b|\bsupport for you\b|\bdrop-in\b|\bself-refer|\bwhere to get help\b|\bleaflet\b|\bcommunity (event|cafe|session)s?\b/i, 1],
];

/** Guesses the document kind from its headings and opening text; 'general' when nothing points anywhere. */
export function kindFromText(headings: readonly string[], opening: string): DocumentKind | undefined {
  const score = new Map<DocumentKind, number>();
  const lines = [...headings, ...opening.split(/\r?\n|\r/).slice(0, 8)];
  for (const line of lines) {
    for (const [kind, re, weight] of SIGNALS) if (re.test(line)) score.set(kind, (score.get(kind) ?? 0) + weight);
  }
  let best: DocumentKind | undefined;
  let bestScore = 0;
  for (const kind of DOCUMENT_KINDS) {
    const s = score.get(kind) ?? 0;
    if (s > bestScore) {
      best = kind;
      bestScore = s;
    }
  }
  // An advert usually carries a person specification; a closing date or salary makes it an advert.
  if (best === 'person-specification' && (score.get('job-advert') ?? 0) >= 2) return 'job-advert';
  return best;
}
