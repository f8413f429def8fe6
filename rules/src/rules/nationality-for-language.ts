import { defineRule } from '../rule.js';
import { sources } from '../generated/data.js';

/**
 * Nationality adjectives that are also the name of the language. Names that are census ethnic groups (Indian,
 * Pakistani, Bangladeshi, Chinese, Irish, Caribbean, African, Arab) and English, British, Welsh and Scottish are left
 * out: with those, the word usually describes ethnicity or is the UK's own language, not a language requirement.
 */
const NATIONALITIES = new Set([
  'polish', 'romanian', 'portuguese', 'spanish', 'french', 'german', 'italian', 'lithuanian', 'latvian', 'estonian',
  'bulgarian', 'hungarian', 'czech', 'slovak', 'slovenian', 'croatian', 'serbian', 'albanian', 'russian', 'ukrainian',
  'greek', 'turkish', 'dutch', 'swedish', 'danish', 'norwegian', 'finnish', 'japanese', 'korean', 'vietnamese', 'thai',
]);

/** Job nouns: the nationality is being asked of a worker. Multi-word titles are matched on their first word. */
const JOB_NOUNS = new Set([
  'worker', 'workers', 'staff', 'nurse', 'nurses', 'carer', 'carers', 'driver', 'drivers', 'cleaner', 'cleaners',
  'receptionist', 'receptionists', 'applicant', 'applicants', 'candidate', 'candidates', 'employee', 'employees',
  'assistant', 'assistants', 'sales', 'rep', 'reps', 'representative', 'representatives', 'advisor', 'adviser',
  'advisors', 'advisers', 'administrator', 'administrators', 'operative', 'operatives', 'labourer', 'labourers',
  'nanny', 'housekeeper', 'chef', 'cook', 'waiter', 'waiters', 'person', 'individual', 'team', 'member',
]);

/** Words shortly before the nationality that make it the person being sought ("looking for a Polish carer"). */
const BEFORE = new Set(['welcome', 'welcomes', 'recruiting', 'recruit', 'seeking', 'seek', 'seeks', 'hire', 'hiring', 'need', 'needs', 'want', 'wants', 'require', 'requires', 'employ', 'employing', 'be', 'ideally', 'preferably']);
/** Words straight after the job noun that make it a requirement ("Polish carer wanted"). */
const AFTER = new Set(['wanted', 'required', 'needed', 'sought', 'preferred', 'essential', 'only', 'ideal', 'preferable', 'desirable']);
/** Nouns for a person by nationality alone: the suggestion is a speaker of the language, which the writer confirms. */
const NATIONALS = new Set(['national', 'nationals', 'citizen', 'citizens']);

/** Flags a nationality asked of a worker ("Polish carer wanted") where the real need is usually the language. */
export default defineRule({
  meta: {
    id: 'nationality-for-language',
    category: 'nationality',
    severity: 'warning',
    kinds: ['job-advert', 'job-description', 'person-specification', 'policy', 'general'],
    title: 'A nationality where a language is meant',
    message: "'{actual}' asks for a nationality. If the job needs the language, ask for someone who speaks it.",
    note:
      'Recruiting by nationality is direct race discrimination under the Equality Act 2010. Where the real need is to ' +
      'talk with clients in their language, say so: "Polish-speaking carer" is lawful when the language is needed ' +
      'for the job.',
    sources: [sources['ehrc-code']!, sources['acas-adverts']!],
    suggestions: [],
    enabledByDefault: true,
    examples: {
      ok: [
        'Polish-speaking carer wanted to support a client in Ealing.',
        'You will teach British Sign Language and English to adult learners.',
        'Black Caribbean and White British staff took part in the survey.',
        'Our Polish community group meets on Fridays.',
        'Spanish nurses recruited last year must complete the induction.',
        'We run English classes for Polish workers.',
      ],
      notOk: ['Polish carer wanted for a client in Ealing.', 'We are looking for a Romanian sales rep.', 'The ideal candidate will be a Lithuanian worker.'],
    },
  },
  triggers: [...NATIONALITIES],
  prescan: new RegExp(`\\b(?:${[...NATIONALITIES].join('|')})\\s+(?:${[...JOB_NOUNS, ...NATIONALS].join('|')})\\b`, 'i'),
  check(sentence, report) {
    const { tokens, text } = sentence;
    let lastReported = -1;
    for (let i = 0; i < tokens.length - 1; i++) {
      const t = tokens[i]!;
      if (!NATIONALITIES.has(t.norm) || !/^\p{Lu}/u.test(t.text)) continue;
      // "Polish-speaking carer": the hyphen is dropped by the tokenizer, so check the next word.
      const next = tokens[i + 1]!;
      if (!next.word || !(JOB_NOUNS.has(next.norm) || NATIONALS.has(next.norm))) continue;
      // "a Portuguese speaker" is about language already; "Spanish team" only counts as a requirement with "member".
      if (next.norm === 'team' && tokens[i + 2]?.norm !== 'member') continue;
      const after = tokens[i + 2];
      const end = (next.norm === 'team' || next.norm === 'sales') && after?.word ? after : next;
      const endIndex = tokens.indexOf(end);
      // The nationality must describe the person being sought, not staff already in post ("Spanish nurses must ...").
      const before = tokens.slice(Math.max(0, i - 3), i).map((x) => x.norm);
      // "looking for a Polish carer", "vacancy for a Polish nurse"; not "training for Polish nurses".
      const forAt = before.lastIndexOf('for');
      if (forAt >= 0 && ['looking', 'vacancy', 'vacancies', 'searching', 'search'].includes(tokens[Math.max(0, i - 3) + forAt - 1]?.norm ?? '')) before.push('recruiting');
      // "wanted", "essential"; "would be ideal".
      const following = tokens.slice(endIndex + 1, endIndex + 4).map((x) => x.norm);
      // "a Romanian sales rep and a Polish carer": a second role joined to one already reported.
      const joined = lastReported >= 0 && tokens.slice(lastReported + 1, i).every((x) => ['and', 'or', 'a', 'an', ','].includes(x.norm));
      // "a Romanian worker may help a Romanian-speaking patient": the sentence itself says the language is the point.
      const forLanguage =
        ['a', 'an', 'any'].includes(tokens[i - 1]?.norm ?? '') && tokens.some((x, k) => k !== i && x.norm === t.norm && tokens[k + 1]?.norm === 'speaking');
      if (!joined && !forLanguage && !before.some((w) => BEFORE.has(w)) && !following.some((w) => AFTER.has(w))) continue;
      lastReported = endIndex;
      const nationality = t.text.charAt(0).toUpperCase() + t.text.slice(1).toLowerCase();
      const role = text.slice(next.start, end.end);
      if (NATIONALS.has(next.norm)) {
        // Which language, and whether it is needed, is the writer's to say: offered, never applied unasked.
        report({ start: t.start, end: end.end, suggestions: [`${nationality} speaker${next.norm.endsWith('s') ? 's' : ''}`] });
        continue;
      }
      report({ start: t.start, end: end.end, suggestions: [`${nationality}-speaking ${role}`], safe: true });
    }
  },
});
