import { Describer } from '../describes.js';
import { defineRule } from '../rule.js';
import { sources } from '../generated/data.js';
import { RECRUITMENT_KINDS } from '../types.js';

const AGE = /^(\d{2})$/;
const describer = new Describer();

/** Flags stated age limits such as "aged 18–30", "under 35" or "between 25 and 40 years old". */
export default defineRule({
  meta: {
    id: 'age-limit',
    category: 'age',
    severity: 'warning',
    kinds: ['job-advert', 'job-description', 'person-specification', 'policy', 'general'],
    title: 'Stated age limits',
    message: 'An age limit for applicants is direct age discrimination unless the law requires it. Remove it, or state the legal reason.',
    note:
      'Age limits in adverts shut out people who could do the job and are unlawful under the Equality Act 2010 unless ' +
      'objectively justified or required by law (for example, selling alcohol at 18).',
    sources: [sources['ehrc-code']!, sources['cms-age-adverts']!],
    suggestions: [],
    enabledByDefault: true,
    examples: {
      ok: [
        "If you're between 40 and 74 years old, you can have a free NHS Health Check.",
        'The service supports adults aged 18 to 65.', 'Applicants must be over 18 to sell alcohol.', 'We are recruiting volunteer mentors aged 18 and over.'],
      notOk: ['What we are looking for:\n\n- Aged 18–25\n- Friendly with customers', 'Applicants should be aged 25-35.', 'Candidates must be under 40.', 'You must be 30 years old or younger.', 'The maximum age for applicants is 45.', 'Volunteers in all roles are subject to an upper age limit of 75.'],
    },
  },
  triggers: ['aged', 'age', 'under', 'over', 'between', 'old', 'younger', 'older', 'maximum', 'upper'],
  prescan: /\b(?:aged?|under|over|between)\s+\d\d|\b\d\d\s*(?:years?\s*old|yrs?\s*old|years of age)\s*or\s*(?:younger|under|less|below|older|over|above)|\b(?:no (?:older|younger) than|maximum age|upper age limit|(?:under|over) the age of)\b/i,
  check(sentence, report) {
    const { tokens } = sentence;
    const lower = sentence.text.slice(sentence.start, sentence.end).toLowerCase();
    // About applicants, not about service users. In a recruitment document, a line that is only an age ("- Aged
    // 18–25" under what the job needs) is a requirement on its own.
    const ageLine = RECRUITMENT_KINDS.has(sentence.kind) && /^[\s\-*•\d.)]*(?:aged?\s+\d\d|(?:over|under)\s+\d\d\s+years)/.test(lower);
    if (!ageLine && !/\b(applicants?|candidates?|you|post-?holder|successful|must|should|ideally|preferably|prefer|preferred|looking for|suit|suitable|apprenticeships?|trainees?|school leavers?|graduates?|volunteers?|recruit\w*|vacancy|role|post|essential|requirements?|required)\b/.test(lower)) return;
    if (/\b(patients?|service users?|clients?|residents?|people we|children|pupils|carers?|alcohol|law|legal|licen[cs]e)\b/.test(lower)) return;
    // Figures about people of an age, not a requirement: "applicants aged 50 and over were less likely to be appointed".
    if (/\b(?:(?:more|less) likely|times as likely|shortlisted at|(?:success|appointment|shortlisting|response) rates?|per cent)\b|\d%/.test(lower)) return;
    // Pay that the law sets by age: "if you are aged 16 to 18, the minimum you should receive is …".
    if (/\b(?:minimum wage|living wage|minimum you (?:should|will|must) (?:receive|get|be paid)|apprentice(?:ship)? (?:rate|minimum wage))\b/.test(lower)) return;
    // Who a health service is for: "if you're between 40 and 74, you'll be invited for an NHS Health Check".
    // Health advice: "if you're over 45 and worried about your risk, see your GP".
    if (/\b(screening|vaccin\w*|health check|jabs?|boosters?|invited|eligible for (?:a|an|the|free)|your gp|your doctor|your risk|at risk|symptoms?)\b/.test(lower)) return;
    const limit = (from: number, to: number): void => {
      // "her age-85 grandparents": an age describing someone else is no limit on applicants.
      if (describer.describe(tokens, from, to + 1, 0, tokens.length) === 'others') return;
      // "four tenants aged 19 to 24": the age follows the people it describes, whom the job serves.
      for (let k = Math.max(0, from - 3); k < from; k++) {
        const noun = describer.nounAt(tokens, k, from);
        if (noun?.cls === 'others' && noun.end === from) return;
      }
      report({ start: tokens[from]!.start, end: tokens[to]!.end });
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const n1 = tokens[i + 1];
      if (!n1) break;
      // "30 years old or younger", "25 years of age or under".
      if (AGE.test(t.norm) && /^(?:years?|yrs?)$/.test(n1.norm)) {
        let j = i + 2;
        if (tokens[j]?.norm === 'old') j++;
        else if (tokens[j]?.norm === 'of' && tokens[j + 1]?.norm === 'age') j += 2;
        if (j > i + 2 && tokens[j]?.norm === 'or' && /^(?:younger|under|less|below|older|over|above)$/.test(tokens[j + 1]?.norm ?? '')) {
          limit(i, j + 1);
          return;
        }
      }
      // "no older than 40", "maximum age of 45", "an upper age limit of 75", "under the age of 30".
      if ((t.norm === 'no' && /^(?:older|younger)$/.test(n1.norm) && tokens[i + 2]?.norm === 'than' && AGE.test(tokens[i + 3]?.norm ?? '')) ||
        (t.norm === 'maximum' && n1.norm === 'age') ||
        (t.norm === 'upper' && n1.norm === 'age' && tokens[i + 2]?.norm === 'limit')) {
        const end = tokens.findIndex((x, k) => k > i && k <= i + 6 && AGE.test(x.norm));
        if (end > 0) {
          limit(i, end);
          return;
        }
      }
      if ((t.norm === 'under' || t.norm === 'over') && n1.norm === 'the' && tokens[i + 2]?.norm === 'age' && tokens[i + 3]?.norm === 'of' && AGE.test(tokens[i + 4]?.norm ?? '')) {
        limit(i, i + 4);
        return;
      }
      // "aged between 16 and 75".
      if ((t.norm === 'aged' || t.norm === 'age') && n1.norm === 'between' && AGE.test(tokens[i + 2]?.norm ?? '') && tokens[i + 3]?.norm === 'and' && AGE.test(tokens[i + 4]?.norm ?? '')) {
        limit(i, i + 4);
        return;
      }
      if ((t.norm === 'aged' || t.norm === 'age') && AGE.test(n1.norm)) {
        // "aged 18 and over": a lower bound at the age of adulthood, which law and safeguarding set, is no bar.
        if (Number(n1.norm) <= ADULT && lowerBound(tokens, i + 2)) continue;
        // "volunteers aged 16 and 17": children, whom safeguarding rules name by age; no limit on adults.
        const end = rangeEnd(tokens, i + 1);
        const last = tokens[end === i + 1 && /^(?:and|or)$/.test(tokens[i + 2]?.norm ?? '') ? i + 3 : end]?.norm ?? '';
        if (Number(n1.norm) < ADULT && (!AGE.test(last) || Number(last) < ADULT)) continue;
        limit(i, end);
        return;
      }
      if (t.norm === 'over' && AGE.test(n1.norm) && Number(n1.norm) <= ADULT) continue;
      // "volunteers under 18 can help in our shops": young people named by their age, not a limit on adults.
      if (t.norm === 'under' && AGE.test(n1.norm) && Number(n1.norm) <= ADULT && tokens[i - 1]?.word && !/^(?:be|are|is|aged?|must)$/.test(tokens[i - 1]!.norm)) continue;
      if ((t.norm === 'under' || t.norm === 'over') && AGE.test(n1.norm)) {
        // "aged under 55 due to …": after "aged" the number is an age, whatever follows it.
        const aged = /^aged?$/.test(tokens[i - 1]?.norm ?? '');
        // A count of something else: "over 19,000 staff", "under 60 seconds", "over 50 different languages".
        const unit = tokens[i + 2]?.norm ?? '';
        if (!aged && (unit === ',' || unit === '.') && /^\d/.test(tokens[i + 3]?.norm ?? '')) continue;
        if (!aged && (unit === '%' || (/^\p{L}/u.test(unit) && !AFTER_AN_AGE.has(unit)))) continue;
        limit(aged ? i - 1 : i, i + 1);
        return;
      }
      if (t.norm === 'between' && AGE.test(n1.norm) && tokens[i + 2]?.norm === 'and' && AGE.test(tokens[i + 3]?.norm ?? '')) {
        const after = tokens[i + 4]?.norm;
        if (after === 'years' || after === 'yrs') {
          limit(i, i + 3);
          return;
        }
      }
    }
  },
});

/**
 * Words that may follow an age ("under 40 years", "under 35 only", "over 50 and looking for work"); any other word
 * after the number is what is being counted.
 */
const AFTER_AN_AGE = new Set([
  'years', 'year', 'yrs', 'yr', 'y', 'yo', 'and', 'or', 'only', 'to', 'please', 'who', 'with', 'at', 'in', 'on', 'for',
  'as', 'but', 'may', 'can', 'cannot', 'need', 'needs', 'must', 'should', 'will', 'would', 'are', 'is', 'be', 'welcome',
  'apply', 'applying', 'preferred', 'ideally', 'required', 'essential', 'if', 'when', 'so', 'we', 'you', 'this',
]);

/** The age of adulthood: a minimum age up to it marks an adult, not an age preference. */
const ADULT = 18;

/** "and over", "or over", "and above", "or older", "+": the number before is a minimum. */
function lowerBound(tokens: readonly { norm: string }[], at: number): boolean {
  const a = tokens[at]?.norm ?? '';
  const b = tokens[at + 1]?.norm ?? '';
  return a === '+' || ((a === 'and' || a === 'or') && /^(?:over|above|older|upwards)$/.test(b));
}

/** Extends "aged 25" to "aged 25-35" / "aged 25 to 35". */
function rangeEnd(tokens: readonly { norm: string }[], at: number): number {
  const sep = tokens[at + 1]?.norm;
  if ((sep === 'to' || sep === '–' || sep === '—') && AGE.test(tokens[at + 2]?.norm ?? '')) return at + 2;
  // Hyphens are dropped by the tokenizer, so "25-35" arrives as "25", "35".
  if (AGE.test(sep ?? '')) return at + 1;
  return at;
}
