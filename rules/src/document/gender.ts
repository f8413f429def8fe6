import { Describer } from '../describes.js';
import type { GenderCodingReport } from '../types.js';
import type { Token } from '../tokens.js';
import { sentenceStart } from './structure.js';

type Side = 'masculine' | 'feminine';

/**
 * Gaucher, Friesen and Kay (2011) coded words, as whole words that describe a person, a team or a way of working
 * (rule-sources.md §C). Their stems ("lead*", "commit*", "support*") are read as the trait words they stand for,
 * not as prefixes of any word: "committee", "trustees", "job share", "support patients" and "lead the team" are the
 * job's own vocabulary and do not count.
 */
const WORDS: Record<Side, string[]> = {
  masculine: [
    'active', 'adventurous', 'aggressive', 'aggression', 'ambitious', 'ambition', 'analytical', 'analytic', 'assertive',
    'assertiveness', 'athletic', 'autonomous', 'autonomy', 'boastful', 'challenging', 'competitive', 'competitiveness',
    'confident', 'confidence', 'courageous', 'courage', 'decisive', 'decisiveness', 'determined', 'determination',
    'dominant', 'dominance', 'driven', 'fearless', 'forceful', 'greedy', 'headstrong', 'head-strong', 'hierarchical',
    'hostile', 'impulsive', 'independent', 'independence', 'individualistic', 'intellectual', 'logical', 'objective',
    'opinionated', 'outspoken', 'persistent', 'persistence', 'principled', 'reckless', 'self-confident',
    'self-confidence', 'self-reliant', 'self-reliance', 'self-sufficient', 'self-sufficiency', 'stubborn', 'superior',
    'leader', 'leaders', 'fighter', 'champion',
  ],
  feminine: [
    'agreeable', 'affectionate', 'cheerful', 'collaborative', 'committed', 'commitment', 'communal', 'compassionate',
    'compassion', 'connected', 'considerate', 'cooperative', 'co-operative', 'dependable', 'emotional', 'empathetic',
    'empathic', 'empathy', 'feminine', 'gentle', 'honest', 'honesty', 'interpersonal', 'interdependent', 'kind',
    'kindness', 'loyal', 'loyalty', 'modest', 'modesty', 'nurturing', 'pleasant', 'polite', 'quiet', 'responsive',
    'sensitive', 'sensitivity', 'submissive', 'supportive', 'sympathetic', 'tender', 'together', 'togetherness',
    'trustworthy', 'trusting', 'understanding', 'warm', 'warmth', 'enthusiastic', 'enthusiasm', 'inclusive', 'yielding',
  ],
};
const SIDE = new Map<string, Side>();
for (const side of ['masculine', 'feminine'] as const) for (const w of WORDS[side]) SIDE.set(w, side);

/** Nouns a coded word may describe when it describes the job rather than a person: "a challenging role". */
const JOB_NOUNS = new Set(['role', 'job', 'post', 'position', 'environment', 'culture', 'atmosphere', 'workplace', 'opportunity', 'career', 'approach', 'manner', 'attitude', 'nature', 'style']);
/** "kind of", "quiet room", "warm drinks": common senses that describe no one. */
const NOT_A_TRAIT_NEXT = new Set(['of', 'regards', 'room', 'rooms', 'area', 'areas', 'space', 'drink', 'drinks', 'meal', 'meals', 'water', 'food', 'weather', 'living', 'sector', 'review', 'reviews', 'advocate', 'advocacy', 'travel']);
const describer = new Describer();
/** Words before "leader" that make it a job title ("team leader", "clinical leader"), not a trait. */
const TITLE_BEFORE = new Set([
  'clinical', 'team', 'ward', 'practice', 'service', 'services', 'nurse', 'nursing', 'shift', 'safeguarding', 'project',
  'programme', 'operational', 'quality', 'deputy', 'site', 'professional', 'education', 'training', 'medical', 'pharmacy',
  'therapy', 'clinic', 'unit', 'locality', 'department', 'divisional', 'group', 'section', 'squad', 'patrol', 'scout',
]);

/** One coded word as written. */
export interface CodedWord {
  side: Side;
  start: number;
  end: number;
  /** Lower case, as listed in the report. */
  word: string;
}

/**
 * Finds gender-coded words in one block's tokens: trait words that describe the applicant, the team or the job, not
 * the people the service supports ("promoting residents' independence") or a thing ("quiet room"). Capitalised words
 * mid-sentence are names ("Disability Confident", "Understanding Society").
 */
export function findCodedWords(text: string, tokens: Token[], out: CodedWord[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!tok.word) continue;
    let word = tok.norm;
    let end = i;
    const next = tokens[i + 1];
    // Hyphenated words arrive as two tokens: "self-confident", "co-operative".
    if (next?.word && next.start === tok.end + 1 && /[-\u2010\u2011]/.test(text[tok.end]!) && SIDE.has(`${tok.norm}-${next.norm}`)) {
      word = `${tok.norm}-${next.norm}`;
      end = i + 1;
    }
    const side = SIDE.get(word);
    if (!side) continue;
    if (/^\p{Lu}/u.test(tok.text) && !sentenceStart(text, tokens, i)) continue;
    if (/^leaders?$/.test(word) && TITLE_BEFORE.has(tokens[i - 1]?.norm ?? '')) continue;
    const after = tokens[end + 1];
    if (after?.word && NOT_A_TRAIT_NEXT.has(after.norm)) continue;
    const who = describer.describe(tokens, i, end + 1, 0, tokens.length);
    if (who === 'others') continue;
    if (who === 'thing' && !(after && JOB_NOUNS.has(after.norm))) continue;
    out.push({ side, start: tok.start, end: tokens[end]!.end, word });
    i = end;
  }
}

/** Differences of at least this many coded words lean one way; twice that is strong. */
const LEAN = 2;

/**
 * Scores the coded words: feminine minus masculine. A difference of one word is neutral (one word does not make an
 * advert coded); two or three leans one way; four or more is strong. The explanation says what was counted.
 */
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
    score >= 2 * LEAN
      ? 'strongly feminine-coded'
      : score >= LEAN
        ? 'feminine-coded'
        : score <= -2 * LEAN
          ? 'strongly masculine-coded'
          : score <= -LEAN
            ? 'masculine-coded'
            : 'neutral';
  const list = (n: number, side: string, names: string[]): string =>
    n === 0 ? `no ${side}-coded words` : `${n} ${side}-coded word${n === 1 ? '' : 's'} (${names.join(', ')})`;
  const explanation =
    `${list(masculineCount, 'masculine', masculine)} and ${list(feminineCount, 'feminine', feminine)} describe the person, ` +
    `the team or the job, so the balance is ${score > 0 ? '+' : ''}${score}: ${verdict}. A difference of ${LEAN} or more ` +
    `leans one way and ${2 * LEAN} or more is strong; duties such as "support patients" are not counted.`;
  return { score, verdict, masculine, feminine, explanation };
}

/**
 * Plainer words for common masculine-coded ones in adverts. None for "challenging": a hard market or a demanding
 * role is a fact, and "varied" would change it.
 */
export const NEUTRAL_ALTERNATIVES: Record<string, string[]> = {
  ambitious: ['keen to develop'],
  assertive: ['able to speak up'],
  competitive: ['high-achieving'],
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

/** Words after a describing word that show it stands after its noun or verb ("you are ambitious and …"), not before one. */
const AFTER_PREDICATE = /^(?:and|or|but|to|in|at|with|for|of|about|when|who|that|as|than|enough|yet|so|because|if|while|by|on)$/i;

const DETERMINERS = /^(?:a|an|the|our|your|their|this|that|these|those|every|each|any|some|such)$/i;
const LINKING = /^(?:be|is|are|am|was|were|been|being|become|becomes|remain|remains|seem|seems|feel|feels|you|we|they|i)$/i;

/**
 * Whether the describing word after `before` stands in a noun phrase: true when, going back over other describing
 * words, commas and "and", a determiner comes first ("a competitive, ambitious and driven leader"); false when a
 * linking verb or a person comes first ("you will be ambitious"); undefined when the sentence says neither.
 */
function determinerBefore(before: string): boolean | undefined {
  const words = before.match(/[\p{L}][\p{L}'-]*|[,;:()]/gu) ?? [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (DETERMINERS.test(w)) return true;
    if (LINKING.test(w) || /^[;:()]$/.test(w)) return false;
  }
  return undefined;
}

/**
 * The alternatives to the coded word `w` that read right where it stands: before a noun only a one-word alternative
 * fits ("an ambitious individual" cannot become "a keen to develop individual"), and none that the sentence already
 * uses or that an earlier coded word in it was offered (`offered`, keyed by sentence start), so that taking every fix
 * never writes "motivated and motivated".
 */
export function fittingAlternatives(source: string, w: CodedWord, offered: Map<number, Set<string>>): string[] {
  const list = NEUTRAL_ALTERNATIVES[w.word] ?? [];
  if (list.length === 0) return list;
  const before = source.slice(Math.max(0, w.start - 400), w.start);
  const stop = Math.max(before.search(/[.!?\n][^.!?\n]*$/), -1);
  const sentenceStart = stop < 0 ? Math.max(0, w.start - 400) : w.start - before.length + stop + 1;
  const rest = source.slice(w.end, w.end + 400);
  const end = rest.search(/[.!?\n]/);
  const sentence = source.slice(sentenceStart, end < 0 ? w.end + rest.length : w.end + end).toLowerCase();
  const nextWord = /^[ \t]+([\p{L}][\p{L}'-]*)/u.exec(rest)?.[1];
  const attributive = determinerBefore(source.slice(sentenceStart, w.start)) ?? (nextWord !== undefined && !AFTER_PREDICATE.test(nextWord));
  const seen = offered.get(sentenceStart) ?? new Set<string>();
  offered.set(sentenceStart, seen);
  const out = list.filter((alt) => {
    if (attributive && alt.includes(' ')) return false;
    if (seen.has(alt) || new RegExp(`\\b${alt.replace(/[-]/g, '\\-')}\\b`).test(sentence)) return false;
    return true;
  });
  for (const alt of out) seen.add(alt);
  return out;
}
