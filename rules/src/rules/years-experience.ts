import { defineRule } from '../rule.js';
import { sources } from '../generated/data.js';
import { yearsSpans } from '../document/requirements.js';
import { Describer } from '../describes.js';
import type { Token } from '../tokens.js';

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
    const { tokens } = sentence;
    if (describer.reported(tokens, 0, tokens.length)) return;
    for (const [start, end] of yearsSpans(tokens)) {
      const at = tokens.findIndex((t) => t.start === start);
      // The writer's own track record asks nothing of applicants: "we have 30 years of experience", "Our company has
      // …", "The Access Group has over 30 years of experience".
      if (at >= 0) {
        const who = describer.subject(tokens, at, at + 1, 0, tokens.length);
        if (who === 'team' || who === 'others' || ownRecord(tokens, at)) continue;
      }
      report({ start, end });
    }
  },
});

/** "The Access Group has over 30 years …": a name (capitalised words) that has the years, not "you" or an applicant. */
function ownRecord(tokens: readonly Token[], at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /^(?:over|more|than|almost|nearly|some|around|about|well)$/.test(tokens[i]!.norm)) i--;
  if (i < 1 || !/^(?:has|have|had|brings|bring)$/.test(tokens[i]!.norm)) return false;
  let names = 0;
  for (let k = i - 1; k >= 0 && /^\p{Lu}/u.test(tokens[k]!.text) && tokens[k]!.word; k--) {
    // "The Manager has …" is a role, which may be the post being filled.
    if (describer.nounAt(tokens, k, i)) return false;
    names++;
  }
  return names > 0;
}
