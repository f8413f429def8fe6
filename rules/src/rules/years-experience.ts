import { defineRule } from '../rule.js';
import { sources } from '../generated/data.js';

const MODIFIER = /^(post|registration|qualification|qualified|relevant|clinical|professional|recent|proven|previous|practical|work|working|nursing|management|managerial|senior|leadership|supervisory|paid|hands|on)$/;
const NUMBER = /^(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)$/;

/** Flags "N years' experience" requirements: length of experience stands in for age and says little about skill. */
export default defineRule({
  meta: {
    id: 'years-experience',
    category: 'age',
    severity: 'information',
    kinds: ['job-advert', 'job-description', 'person-specification', 'general'],
    title: "\"N years' experience\"",
    message: "Asking for a number of years' experience can exclude younger applicants and says little about skill. Describe the experience the job needs instead.",
    note:
      'Time served is a weak stand-in for ability: it can be indirect age discrimination against younger people, and ' +
      'it rules out people who gained the same skills faster or through other routes. Say what the person needs to have done.',
    sources: [sources['cms-age-adverts']!, sources['acas-adverts']!],
    suggestions: [],
    enabledByDefault: true,
    examples: {
      ok: ['You will have experience of managing a caseload in the community.'],
      notOk: ["You will have at least 5 years' experience in a similar role.", 'Minimum three years experience of band 6 nursing.'],
    },
  },
  triggers: ['years', 'year', 'yrs'],
  prescan: /\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)\s*\+?\s*(?:years?|yrs)\b/i,
  check(sentence, report) {
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      if (!NUMBER.test(tokens[i]!.norm)) continue;
      let j = i + 1;
      if (tokens[j]?.norm === '+') j++;
      if (!/^(years?|yrs)$/.test(tokens[j]?.norm ?? '')) continue;
      j++;
      if (tokens[j]?.norm === "'") j++;
      if (tokens[j]?.norm === 'of') j++;
      // Up to two describing words: "post-registration", "relevant clinical".
      for (let k = 0; k < 2 && MODIFIER.test(tokens[j]?.norm ?? ''); k++) j++;
      if (/^(experience|experienced)$/.test(tokens[j]?.norm ?? '')) {
        report({ start: tokens[i]!.start, end: tokens[j]!.end });
        i = j;
      }
    }
  },
});
