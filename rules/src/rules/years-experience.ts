import { defineRule } from '../rule.js';
import { sources } from '../generated/data.js';
import { yearsSpans } from '../document/requirements.js';
import { Describer } from '../describes.js';

const describer = new Describer();

/** Flags "N years' experience" requirements: length of experience stands in for age and says little about skill. */
export default defineRule({
  meta: {
    id: 'years-experience',
    category: 'age',
    severity: 'information',
    kinds: ['job-advert', 'job-description', 'person-specification', 'policy', 'general'],
    title: "\"N years' experience\"",
    message: "Asking for a number of years' experience can exclude younger applicants and says little about skill. Describe the experience the job needs instead.",
    note:
      'Time served is a weak stand-in for ability: it can be indirect age discrimination against younger people, and ' +
      'it rules out people who gained the same skills faster or through other routes. Say what the person needs to have done.',
    sources: [sources['cms-age-adverts']!, sources['acas-adverts']!],
    suggestions: [],
    enabledByDefault: true,
    examples: {
      ok: [
        'You will have experience of managing a caseload in the community.',
        'If you have less than 2 years NHS experience, you start on the first pay point.',
        "Most nurses join with around two years' experience on a ward.",
      ],
      notOk: [
        "You will have at least 5 years' experience in a similar role.",
        'Minimum three years experience of band 6 nursing.',
        'Must have: 4 years Python experience.',
        "Minimum 1 year's experience in a care role.",
        'You will need at least two years worth of experience in a busy kitchen.',
      ],
    },
  },
  triggers: ['years', 'year', "year's", 'yrs'],
  prescan: /\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)\s*\+?\s*(?:years?|yrs)\b/i,
  check(sentence, report) {
    if (describer.reported(sentence.tokens, 0, sentence.tokens.length)) return;
    for (const [start, end] of yearsSpans(sentence.tokens)) report({ start, end });
  },
});
