import type { GenderCodingReport } from '../types.js';
import type { Token } from '../tokens.js';
import { sentenceStart } from './structure.js';

// Gaucher, Friesen and Kay (2011) word stems as gender-decoder lists them (rule-sources.md §C), matched as
// prefixes of lower-cased words.
const MASCULINE = [
  'active', 'adventurous', 'aggress', 'ambitio', 'analy', 'assert', 'athlet', 'autonom', 'battle', 'boast',
  'challeng', 'champion', 'compet', 'confident', 'courag', 'decid', 'decision', 'decisive', 'defend', 'determin',
  'domina', 'dominant', 'driven', 'fearless', 'fight', 'force', 'greedy', 'head-strong', 'headstrong', 'hierarch',
  'hostil', 'impulsive', 'independen', 'individual', 'intellect', 'lead', 'logic', 'objective', 'opinion',
  'outspoken', 'persist', 'principle', 'reckless', 'self-confiden', 'self-relian', 'self-sufficien', 'selfconfiden',
  'selfrelian', 'selfsufficien', 'stubborn', 'superior', 'unreasonab',
];
const FEMININE = [
  'agree', 'affectionate', 'child', 'cheer', 'collab', 'commit', 'communal', 'compassion', 'connect', 'considerate',
  'cooperat', 'co-operat', 'depend', 'emotiona', 'empath', 'feel', 'flatterable', 'gentle', 'honest', 'interpersonal',
  'interdependen', 'interpersona', 'inter-personal', 'inter-dependen', 'inter-persona', 'kind', 'kinship', 'loyal',
  'modesty', 'nag', 'nurtur', 'pleasant', 'polite', 'quiet', 'respon', 'sensitiv', 'submissive', 'support', 'sympath',
  'tender', 'together', 'trust', 'understand', 'warm', 'whin', 'enthusias', 'inclusive', 'yield', 'share', 'sharin',
];

type Side = 'masculine' | 'feminine';

/** Stems by their first three letters, for a quick look-up. */
const BY_PREFIX = new Map<string, Array<[string, Side]>>();
for (const [list, side] of [
  [MASCULINE, 'masculine'],
  [FEMININE, 'feminine'],
] as const) {
  for (const stem of list) {
    const key = stem.slice(0, 3);
    const bucket = BY_PREFIX.get(key) ?? [];
    bucket.push([stem, side]);
    BY_PREFIX.set(key, bucket);
  }
}

function stemSide(word: string): Side | undefined {
  const bucket = BY_PREFIX.get(word.slice(0, 3));
  if (!bucket) return undefined;
  for (const [stem, side] of bucket) if (word.startsWith(stem)) return side;
  return undefined;
}

/** Nouns that name a job or team: "support worker", "team lead", "lead nurse" are titles, not traits. */
const TITLE_NOUNS = new Set([
  'worker', 'workers', 'staff', 'officer', 'officers', 'assistant', 'assistants', 'manager', 'managers', 'lead', 'leads',
  'practitioner', 'practitioners', 'coordinator', 'coordinators', 'administrator', 'administrators', 'technician',
  'technicians', 'nurse', 'nurses', 'secretary', 'analyst', 'specialist', 'specialists', 'associate', 'associates',
  'consultant', 'consultants', 'therapist', 'therapists', 'advisor', 'adviser', 'advisors', 'advisers', 'director',
  'midwife', 'pharmacist', 'clinician', 'clinicians', 'physiotherapist', 'team', 'teams', 'role', 'roles', 'post',
  'posts', 'service', 'services', 'network', 'group', 'groups',
]);
/** Words before "lead"/"leader" that make it a job title ("clinical lead", "team leader"). */
const LEAD_TITLE_BEFORE = new Set([
  'clinical', 'team', 'ward', 'practice', 'service', 'services', 'nurse', 'nursing', 'shift', 'safeguarding', 'project',
  'programme', 'operational', 'quality', 'deputy', 'site', 'professional', 'education', 'training', 'medical', 'pharmacy',
  'therapy', 'therapies', 'clinic', 'unit', 'locality', 'department', 'divisional', 'digital', 'data', 'edi', 'governance',
  'audit', 'research', 'workforce', 'matron', 'care', 'primary', 'community', 'mental', 'health', 'pcn', 'network',
]);
/** Subject-matter nouns that gender-decoder counts through the "child" stem. */
const CHILD_NOUNS = /^child(?:ren)?(?:'s|s')?$|^childhood|^childcare|^childbirth|^childminder/;
/** "Trust" as the organisation: "the trust", "our trust's values". */
const ORGANISATION_BEFORE = new Set(['the', 'our', 'this', 'each', 'every', 'your', 'whole', 'host', 'partner', 'nhs', 'foundation', 'hospital', 'a']);
const HYPHENS = new Set(['-', '\u2010', '\u2011']);

/** One coded word as written. */
export interface CodedWord {
  side: Side;
  start: number;
  end: number;
  /** Lower case, as listed in the report. */
  word: string;
}

/**
 * Finds gender-coded words in one block's tokens. Like gender-decoder, every occurrence counts; unlike it,
 * a word that matches two stems ("dominant": domina, dominant) counts once, and NHS false positives are skipped:
 * proper nouns and title-case words mid-sentence ("NHS Trust", "Clinical Lead"), job titles ("support worker",
 * "team leader", "lead nurse"), "responsible"/"responsibilities", children as a subject ("child health"),
 * "(shared) decision-making", "the trust" as the organisation, "individual(s)" as a noun, "objectives", "competent/competence",
 * "Disability Confident" and "kind of".
 */
export function findCodedWords(text: string, tokens: Token[], out: CodedWord[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!tok.word || !/^\p{L}/u.test(tok.text)) continue;
    const next = tokens[i + 1];
    // Hyphenated stems ("co-operative", "self-confident") are checked on the joined word first, as gender-decoder does.
    if (next?.word && next.start === tok.end + 1 && HYPHENS.has(text[tok.end]!)) {
      const joined = `${tok.norm}-${next.norm}`;
      const side = hyphenatedSide(joined);
      if (side) {
        if (!properNoun(text, tokens, i)) out.push({ side, start: tok.start, end: next.end, word: joined });
        i++;
        continue;
      }
    }
    const side = stemSide(tok.norm);
    if (!side) continue;
    if (properNoun(text, tokens, i) || falsePositive(tokens, i)) continue;
    out.push({ side, start: tok.start, end: tok.end, word: tok.norm });
  }
}

function hyphenatedSide(joined: string): Side | undefined {
  for (const stem of ['head-strong', 'self-confiden', 'self-relian', 'self-sufficien']) if (joined.startsWith(stem)) return 'masculine';
  for (const stem of ['co-operat', 'inter-personal', 'inter-dependen', 'inter-persona']) if (joined.startsWith(stem)) return 'feminine';
  return undefined;
}

/** A capitalised word that does not start a sentence is a name or a title ("NHS Trust", "Support Worker"). */
function properNoun(text: string, tokens: Token[], i: number): boolean {
  const tok = tokens[i]!;
  if (!/^\p{Lu}/u.test(tok.text)) return false;
  // "Trust" and "Trusts" with a capital are the organisation wherever they stand.
  if (/^trusts?(?:'s|s')?$/.test(tok.norm)) return true;
  return !sentenceStart(text, tokens, i);
}

function falsePositive(tokens: Token[], i: number): boolean {
  const w = tokens[i]!.norm;
  const prev = previousWord(tokens, i);
  const next = nextWord(tokens, i);
  if (w.startsWith('responsib')) return true;
  if (CHILD_NOUNS.test(w)) return true;
  if (/^decisions?$/.test(w) && next !== undefined && /^(?:making|maker|makers)$/.test(next)) return true;
  if (w === 'shared' && next === 'decision') return true;
  if (/^individual(?:s|'s|s'|ised|ized)?$/.test(w)) return true;
  if (w === 'objectives' || w.startsWith('competen')) return true;
  if (w === 'confident' && prev === 'disability') return true;
  if (/^kinds?$/.test(w) && next === 'of') return true;
  if (/^trusts?(?:'s|s')?$/.test(w)) {
    if (w !== 'trust' || (prev !== undefined && ORGANISATION_BEFORE.has(prev) && !/^(?:of|in|between|with)$/.test(next ?? ''))) return true;
  }
  if (w.startsWith('support') && next !== undefined && TITLE_NOUNS.has(next)) return true;
  if (/^lead(?:s|er|ers|er's)?$/.test(w)) {
    if (prev !== undefined && LEAD_TITLE_BEFORE.has(prev)) return true;
    if (next !== undefined && TITLE_NOUNS.has(next) && !/^(?:team|teams|service|services|group|groups)$/.test(next)) return true;
  }
  if (w.startsWith('leadership') && (next === 'team' || next === 'teams')) return true;
  return false;
}

function previousWord(tokens: Token[], i: number): string | undefined {
  const t = tokens[i - 1];
  return t?.word ? t.norm : undefined;
}

function nextWord(tokens: Token[], i: number): string | undefined {
  const t = tokens[i + 1];
  return t?.word ? t.norm : undefined;
}

/** Scores the coded words as gender-decoder does: feminine minus masculine; 1–3 coded, more than 3 strongly coded. */
export function genderReport(words: CodedWord[]): GenderCodingReport {
  let masculineCount = 0;
  let feminineCount = 0;
  const masculine: string[] = [];
  const feminine: string[] = [];
  for (const w of words) {
    if (w.side === 'masculine') {
      masculineCount++;
      if (!masculine.includes(w.word)) masculine.push(w.word);
    } else {
      feminineCount++;
      if (!feminine.includes(w.word)) feminine.push(w.word);
    }
  }
  const score = feminineCount - masculineCount;
  const verdict: GenderCodingReport['verdict'] =
    score > 3
      ? 'strongly feminine-coded'
      : score > 0
        ? 'feminine-coded'
        : score < -3
          ? 'strongly masculine-coded'
          : score < 0
            ? 'masculine-coded'
            : 'neutral';
  return { score, verdict, masculine, feminine };
}

/** Plainer words for common masculine-coded ones in adverts. */
export const NEUTRAL_ALTERNATIVES: Record<string, string[]> = {
  ambitious: ['keen to develop'],
  assertive: ['able to speak up'],
  challenging: ['varied'],
  decisive: ['able to make sound judgements'],
  determined: ['motivated'],
  driven: ['motivated'],
  dominant: ['well established'],
  fearless: ['willing to try new things'],
  headstrong: ['willing to say what you think'],
  independent: ['able to work on your own'],
  outspoken: ['willing to share your views'],
  'self-reliant': ['able to work on your own'],
  'self-confident': ['comfortable'],
  confident: ['comfortable'],
};
