import { defineRule } from '../rule.js';
import { sources } from '../generated/data.js';

const AGE = /^(\d{2})$/;

/** Flags stated age limits such as "aged 18–30", "under 35" or "between 25 and 40 years old". */
export default defineRule({
  meta: {
    id: 'age-limit',
    category: 'age',
    severity: 'warning',
    kinds: ['job-advert', 'job-description', 'person-specification', 'general'],
    title: 'Stated age limits',
    message: 'An age limit for applicants is direct age discrimination unless the law requires it. Remove it, or state the legal reason.',
    note:
      'Age limits in adverts shut out people who could do the job and are unlawful under the Equality Act 2010 unless ' +
      'objectively justified or required by law (for example, selling alcohol at 18).',
    sources: [sources['ehrc-code']!, sources['cms-age-adverts']!],
    suggestions: [],
    enabledByDefault: true,
    examples: {
      ok: ['The service supports adults aged 18 to 65.', 'Applicants must be over 18 to sell alcohol.'],
      notOk: ['Applicants should be aged 25-35.', 'Candidates must be under 40.'],
    },
  },
  triggers: ['aged', 'age', 'under', 'over', 'between'],
  prescan: /\b(?:aged?|under|over|between)\s+\d\d/i,
  check(sentence, report) {
    const { tokens } = sentence;
    const lower = sentence.text.slice(sentence.start, sentence.end).toLowerCase();
    // About applicants, not about service users.
    if (!/\b(applicants?|candidates?|you|post-?holder|successful|must|should|ideally|preferably|prefer|preferred|looking for|suit|suitable|apprenticeships?|trainees?|school leavers?|graduates?|recruit\w*|vacancy|role|post)\b/.test(lower)) return;
    if (/\b(patients?|service users?|clients?|residents?|people we|children|pupils|alcohol|law|legal|licen[cs]e)\b/.test(lower)) return;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const n1 = tokens[i + 1];
      if (!n1) break;
      if ((t.norm === 'aged' || t.norm === 'age') && AGE.test(n1.norm)) {
        const end = rangeEnd(tokens, i + 1);
        report({ start: t.start, end: tokens[end]!.end });
        return;
      }
      if ((t.norm === 'under' || t.norm === 'over') && AGE.test(n1.norm)) {
        const unit = tokens[i + 2]?.norm ?? '';
        if (/^(kg|miles|hours|minutes|days|weeks|months|%|patients|staff|people|beds|sites)$/.test(unit)) continue;
        report({ start: t.start, end: n1.end });
        return;
      }
      if (t.norm === 'between' && AGE.test(n1.norm) && tokens[i + 2]?.norm === 'and' && AGE.test(tokens[i + 3]?.norm ?? '')) {
        const after = tokens[i + 4]?.norm;
        if (after === 'years' || after === 'yrs') {
          report({ start: t.start, end: tokens[i + 3]!.end });
          return;
        }
      }
    }
  },
});

/** Extends "aged 25" to "aged 25-35" / "aged 25 to 35". */
function rangeEnd(tokens: readonly { norm: string }[], at: number): number {
  const sep = tokens[at + 1]?.norm;
  if ((sep === 'to' || sep === '–' || sep === '—') && AGE.test(tokens[at + 2]?.norm ?? '')) return at + 2;
  // Hyphens are dropped by the tokenizer, so "25-35" arrives as "25", "35".
  if (AGE.test(sep ?? '')) return at + 1;
  return at;
}
