import { defineRule } from '../rule.js';
import { sources } from '../generated/data.js';
import type { Token } from '../tokens.js';
import { RECRUITMENT_KINDS } from '../types.js';
import { listItems } from './context.js';
import { Describer } from '../describes.js';

const describer = new Describer();

/** Words that make a list item a requirement. */
const REQUIRED = new Set(['essential', 'required', 'requirement', 'must', 'minimum', 'need', 'needs', 'needed', 'mandatory']);
/** Words that make it optional. */
const OPTIONAL = new Set(['desirable', 'preferred', 'preferable', 'preferably', 'advantage', 'advantageous', 'ideally', 'bonus']);

/** "You will have …", "applicants should hold …", or a grade ("grade C", "grade 4 or above"): a requirement. */
function requiredByWording(item: readonly Token[]): boolean {
  for (let i = 0; i < item.length; i++) {
    const a = item[i]!.norm;
    const b = item[i + 1]?.norm ?? '';
    const c = item[i + 2]?.norm ?? '';
    if (/^(?:you|applicants|candidates)$/.test(a) && /^(?:will|should|'ll)$/.test(b) && /^(?:have|hold|need|possess)$/.test(c)) return true;
    if (a === "you'll" && /^(?:have|hold|need)$/.test(b)) return true;
    if (/^grades?$/.test(a) && /^(?:[a-g]\*?|[1-9])$/.test(b)) return true;
    // A floor after a grade or class: "grade 4 or above", "2:1 or above", "merit or higher"; not "lower or higher levels".
    if (a === 'or' && /^(?:above|higher|better)$/.test(b) && /^(?:[a-g]\*?|\d[\d:.]*|pass|merit|distinction|first)$/.test(item[i - 1]?.norm ?? '')) return true;
  }
  return false;
}
/** After "or", words that offer another route ("degree or relevant experience", "NVQ or diploma"). */
const OTHER_ROUTES = new Set([
  'equivalent', 'comparable', 'similar', 'relevant', 'experience', 'working', 'qualification', 'qualifications', 'diploma', 'degree', 'nvq', 'btec',
  'apprenticeship', 'training',
  // "or willingness to complete it with us": gaining it on the job is another route.
  'willingness', 'willing', 'commitment', 'committed', 'prepared', 'towards', 'complete', 'achieve', 'obtain', 'gain',
]);
/** The item's sentences: split at a full stop, question or exclamation mark before a capital. */
function sentencesOf(item: readonly Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (let i = 0; i < item.length; i++) {
    out.at(-1)!.push(item[i]!);
    if (/^[.!?]$/.test(item[i]!.text) && /^\p{Lu}/u.test(item[i + 1]?.text ?? '')) out.push([]);
  }
  return out.filter((c) => c.length > 0);
}
const equivalence = (chunk: readonly Token[]): boolean => chunk.some((t) => t.norm === 'equivalent' || t.norm === 'equivalents' || t.norm === 'comparable');
/** Punctuation that ends the words an "or" joins. */
const CLAUSE_END = /^[,;.:()!?]$/;
/**
 * "degree or relevant experience", "NVQ or diploma", "Award or appropriate level of experience": another route is
 * already offered by what follows an "or", up to the end of its phrase. "(2:1 or above), or a 2:2 plus a relevant
 * master's degree": a lower class with something added is another route.
 */
function offersRoute(chunk: readonly Token[]): boolean {
  return chunk.some((t, k) => {
    if (t.norm !== 'or') return false;
    if (lowerClassPlus(chunk, k + 1)) return true;
    for (let j = k + 1; j < chunk.length && j <= k + 6 && !CLAUSE_END.test(chunk[j]!.text); j++) if (OTHER_ROUTES.has(chunk[j]!.norm)) return true;
    return false;
  });
}
/** "a 2:2 plus …", "a third with …" at `at`: a degree class and something added to it. */
function lowerClassPlus(item: readonly Token[], at: number): boolean {
  let k = item[at]?.norm === 'a' ? at + 1 : at;
  if (/^\d$/.test(item[k]?.norm ?? '') && item[k + 1]?.norm === ':' && /^\d$/.test(item[k + 2]?.norm ?? '')) k += 3;
  else if (/^(?:third|pass|2nd|3rd)$/.test(item[k]?.norm ?? '')) k += 1;
  else return false;
  return /^(?:plus|with|and)$/.test(item[k]?.norm ?? '');
}
/** Before "degree", these make it a measure, not a qualification ("a high degree of", "360 degree"). */
const NOT_QUALIFICATION_BEFORE = new Set(['high', 'higher', 'certain', 'some', 'large', 'great', 'greater', 'what', 'varying', 'same', 'lesser', 'small', 'significant', 'considerable', 'reasonable', 'fair']);

/** Whether a job title in capitals starts at `at`: "Nursery Practitioner", "Support Worker". */
function postTitleAt(item: readonly Token[], at: number): boolean {
  for (let j = at; j < item.length && j < at + 3 && /^\p{Lu}/u.test(item[j]!.text); j++) {
    if (describer.nounAt(item, j, item.length)?.cls === 'workforce') return true;
  }
  return false;
}

/** Finds a qualification in a list item: returns [first, last] token index, or undefined. */
function findQualification(item: readonly Token[]): [number, number] | undefined {
  for (let i = 0; i < item.length; i++) {
    const t = item[i]!;
    const next = item[i + 1];
    const prev = item[i - 1];
    switch (t.norm) {
      case 'gcse':
      case 'gcses':
      case 'nvq':
      case 'nvqs':
      case 'btec':
      case 'hnd':
      case 'hnc':
      case 'msc':
      case 'bsc':
      case 'mba':
      case 'diploma':
        return [i, i];
      case 'served':
        // "time-served apprenticeship": one route to a trade, by name.
        if (prev?.norm === 'time' && /^apprenticeships?$/.test(next?.norm ?? '')) return [i - 1, i + 1];
        continue;
      case 'degree':
      case 'degrees':
        if (next?.norm === 'of' || /^\d+$/.test(prev?.norm ?? '') || NOT_QUALIFICATION_BEFORE.has(prev?.norm ?? '')) continue;
        return [i, i];
      case 'level': {
        // "CIPD Level 5", "City & Guilds Level 3", "Level 4 Diploma": a numbered level of a named award.
        if (!/^[1-8]$/.test(next?.norm ?? '')) continue;
        let first = i;
        while (first > 0 && (/^\p{Lu}/u.test(item[first - 1]!.text) || item[first - 1]!.text === '&') && item[first - 1]!.norm !== 'a') first--;
        const award = /^(?:qualification|qualifications|certificate|diploma|award|apprenticeship)$/.test(item[i + 2]?.norm ?? '');
        // "Level 3 Nursery Practitioner": the grade of a post, not an award.
        if (!award && postTitleAt(item, i + 2)) continue;
        if (first < i || award) return [first, award ? i + 2 : i + 1];
        continue;
      }
      case 'a':
        // "A level(s)" / "A-level": capital A, and not "a level of" or "a level playing field".
        if (t.text === 'A' && (next?.norm === 'level' || next?.norm === 'levels')) {
          const after = item[i + 2]?.norm ?? '';
          if (after === 'of' || after === 'playing' || /^\d+$/.test(after)) continue;
          return [i, i + 1];
        }
        continue;
      default:
        continue;
    }
  }
  return undefined;
}

/**
 * Whether the layout sets a requirement without saying so in the sentence: a table row with an "Essential" cell,
 * or a list under an "Essential" heading or label (the engine passes the nearest one as `section`).
 */
function essentialByLayout(text: string, start: number, section: string): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  // Table cells are separate blocks (and Markdown pipes are masked), so look at the whole line.
  if (/\bessential\b/i.test(line)) return true;
  // Person specifications that number their criteria "E1", "E2" after a key such as "E = essential".
  if (/^\W*E\d{0,2}\b/.test(line) && ESSENTIAL_KEY.test(text)) return true;
  // "Essential", "Section 1 – Essential criteria"; not a heading over both kinds ("Essential and desirable criteria").
  return /\bessential\b/i.test(section) && !/\bdesirable\b/i.test(section);
}

/** Verbs before a qualification that make it training the job gives, not an entry requirement. */
const TRAINING = new Set(['complete', 'completing', 'towards', 'undertake', 'undertaking', 'gain', 'gaining', 'achieve', 'achieving', 'obtain', 'study', 'studying', 'train', 'funded', 'fund', 'offer', 'offers', 'sponsor']);

/**
 * Headings of a recruitment document under which every item is asked of the applicant: "Qualifications", "You'll
 * need", "What we're looking for", "Requirements".
 */
const REQUIREMENTS_HEADING =
  /^\W*(?:(?:essential\s+)?qualifications?\b|(?:(?:candidate|applicant|person|job|role|post|essential|minimum|entry)\s+)?requirements\b|(?:what\s+)?you(?:'|’)?ll\s+need\b|(?:what\s+)?you\s+will\s+need\b|what\s+we(?:'|’)?re\s+looking\s+for\b|what\s+we\s+are\s+looking\s+for\b)/i;

/** A key that says criteria marked E are essential: "E = essential", "E: Essential", "(E) essential". */
const ESSENTIAL_KEY = /\(?\bE\)?\s*(?:=|:|–|-)\s*essential\b/i;
/** Words that take the requirement back: "you don't need a degree". */
const NOT_REQUIRED = /\b(?:(?:don't|do not|doesn't|does not|won't|will not) need|no need for|not (?:required|essential|necessary|needed)|isn't (?:required|essential|necessary)|without a)\b/i;

/**
 * Flags a qualification named as essential (GCSE, A level, degree, NVQ, diploma) when the same list item or sentence
 * does not say "or equivalent": people with overseas, older or vocational qualifications are shut out otherwise.
 */
export default defineRule({
  meta: {
    id: 'qualification-equivalent',
    category: 'criteria',
    severity: 'warning',
    kinds: ['job-advert', 'job-description', 'person-specification', 'policy', 'general'],
    title: 'Essential qualification without "or equivalent"',
    message: "'{actual}' is required with no 'or equivalent'. Add 'or equivalent' (or equivalent experience) so other routes to the same level count.",
    note:
      'Qualifications have changed names over the years and differ between countries, so insisting on one named ' +
      'qualification can shut out older applicants and people who qualified abroad, which risks indirect age or race ' +
      'discrimination. Accepting an equivalent qualification or experience keeps the standard and widens the field.',
    sources: [sources['ehrc-code']!, sources['lwrs-recruitment']!],
    suggestions: [],
    enabledByDefault: true,
    examples: {
      ok: [
        'GCSE maths and English at grade 4 or equivalent are essential.',
        'A degree in nursing, or equivalent experience, is essential.',
        'You must show a high degree of accuracy.',
        'We offer a level playing field to every applicant.',
        'Staff must complete 360 degree feedback.',
        'Desirable:\n\n- A degree in a health-related subject',
        "You don't need a degree: we care about what you can do.",
        'No qualifications are needed, although some employers may require GCSEs.',
        '## What we are looking for\n\n- A Level 3 Diploma in Health and Social Care, or willingness to work towards it',
        'Essential: an NVQ Level 3 in Health and Social Care or a suitable amount of experience in a care role',
        'Essential: GCSE English and maths at grade 4. Equivalent qualifications are accepted.',
        '## Essential and desirable criteria\n\n- A degree in social work',
      ],
      notOk: [
        'GCSE maths and English at grade 4 are essential.',
        'You must have a degree in social work.',
        'NVQ Level 3 in Health and Social Care (essential)',
        'Essential:\n\n- NVQ Level 3 in Health and Social Care',
        '## Section 2: essential criteria\n\n- An NVQ Level 3 in Health and Social Care',
        'You will have GCSE English at grade C.',
        'CIPD Level 5 qualification essential.',
        'Five GCSEs at grade 4 or above, including maths.',
        'E = essential, D = desirable\n\nE1 Degree in social policy',
        '## Qualifications\n\n- AMSPAR Diploma in Medical Secretarial Studies',
        "## You'll need\n\n- a Computer Science degree",
        '## Qualifications and experience\n\n- Time-served apprenticeship as a plumber',
        'Essential: hold GCSE English and maths at grade C. Hold a Level 3 diploma in childcare or an equivalent qualification.',
      ],
    },
  },
  // A document that says it accepts other qualifications has said "or equivalent" once for every item.
  unlessAnywhere: [
    'recognise alternative qualifications', 'recognize alternative qualifications', 'recognise equivalent qualifications',
    'recognize equivalent qualifications', 'accept alternative qualifications', 'accept equivalent qualifications',
    'consider alternative qualifications', 'consider equivalent qualifications', 'alternative qualifications are accepted',
    'equivalent qualifications are accepted', 'equivalents are accepted', 'we accept equivalents',
    'alternative qualifications will be considered', 'equivalent qualifications will be considered',
  ],
  triggers: ['gcse', 'gcses', 'nvq', 'nvqs', 'btec', 'hnd', 'hnc', 'msc', 'bsc', 'mba', 'diploma', 'degree', 'degrees', 'level', 'levels', 'served'],
  prescan: /\b(?:gcses?|nvqs?|btec|hnd|hnc|msc|bsc|mba|diploma|degrees?|A[ -]levels?|level\s*[1-8]|time[ -]served)\b/i,
  check(sentence, report) {
    const { tokens, text, section } = sentence;
    if (describer.reported(tokens, 0, tokens.length)) return;
    const items = listItems(text, tokens);
    for (const item of items) {
      if (item.some((t) => OPTIONAL.has(t.norm)) || /^\W*desirable\b/i.test(section)) continue;
      // Under a "Qualifications" heading, or after a "Qualifications:" label that opens the item.
      const label = /^[^:\n]{1,40}:/.exec(text.slice(item[0]!.start, item[item.length - 1]!.end))?.[0] ?? '';
      const underRequirements = RECRUITMENT_KINDS.has(sentence.kind) && (REQUIREMENTS_HEADING.test(section) || REQUIREMENTS_HEADING.test(label));
      if (!underRequirements && !item.some((t) => REQUIRED.has(t.norm)) && !requiredByWording(item) && !essentialByLayout(text, item[0]!.start, section)) continue;
      if (NOT_REQUIRED.test(text.slice(item[0]!.start, item[item.length - 1]!.end).replace(/’/g, "'"))) continue;
      // An item of several sentences ("Hold GCSE maths. Hold a Level 2 qualification or equivalent."): "or equivalent"
      // belongs to the qualification of its own sentence; a sentence that names none ("Equivalents accepted.") covers all.
      const chunks = sentencesOf(item).map((chunk) => ({ chunk, found: findQualification(chunk), equivalent: equivalence(chunk) }));
      if (chunks.some((c) => c.equivalent && !c.found)) continue;
      for (const { chunk, found, equivalent } of chunks) {
        if (equivalent || !found) continue;
        const [from, to] = found;
        // "you may be required to complete NVQ Level 1", "support to work towards a diploma": training on the job.
        if (chunk.slice(Math.max(0, from - 4), from).some((t) => TRAINING.has(t.norm))) continue;
        if (offersRoute(chunk)) continue;
        report({ start: chunk[from]!.start, end: chunk[to]!.end });
        break;
      }
    }
  },
});
