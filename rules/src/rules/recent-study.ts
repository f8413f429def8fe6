import { defineRule } from '../rule.js';
import { sources } from '../generated/data.js';

const WINDOW = /^(?:in|within|during|over|from)$/;
const NUMBER = /^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)$/;
const STUDY =
  /^(?:degree|degrees|qualification|qualifications|qualified|qualify|graduated|graduate|graduation|studied|study|studies|studying|course|courses|diploma|certificate|gcse|gcses|levels?|btec|nvq|exams?|examination|education)$/;

/**
 * Flags a requirement that study or a qualification be recent ("a degree gained in the past 4 years"): like asking
 * for recent graduates, it points at an age band and shuts out career changers and returners.
 */
export default defineRule({
  meta: {
    id: 'recent-study',
    category: 'age',
    severity: 'information',
    kinds: ['job-advert', 'job-description', 'person-specification', 'policy', 'general'],
    title: 'Study or qualifications from the last few years',
    message: "'{actual}' asks for recent study, which points at younger applicants. Ask for the knowledge or skill itself, however it was gained.",
    note:
      'How recently someone studied says little about what they know. A time limit on qualifications works like asking ' +
      'for recent graduates, which Acas names as wording to avoid: it shuts out older people, career changers and people ' +
      'returning to work. Ask applicants to show the knowledge instead.',
    sources: [sources['acas-adverts']!, sources['ehrc-code']!],
    suggestions: [],
    enabledByDefault: true,
    examples: {
      ok: [
        'You will have a degree in maths or equivalent knowledge.',
        'You will have worked in an acute setting in the last two years.',
        'Panel members must have completed fair recruitment training in the last three years.',
      ],
      notOk: ['You will need a maths degree or further study in the past 4 years.', 'Applicants must have qualified within the last three years.'],
    },
  },
  triggers: ['past', 'last'],
  prescan: /\b(?:past|last)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\b/i,
  check(sentence, report) {
    const { tokens } = sentence;
    for (let i = 0; i + 4 < tokens.length; i++) {
      if (!WINDOW.test(tokens[i]!.norm) || tokens[i + 1]!.norm !== 'the' || !/^(?:past|last)$/.test(tokens[i + 2]!.norm)) continue;
      if (!NUMBER.test(tokens[i + 3]!.norm) || !/^years?$/.test(tokens[i + 4]!.norm)) continue;
      // The study words come before the time window in the same clause: "further studies in the past 4 years".
      let studied = false;
      for (let j = i - 1; j >= 0 && j >= i - 10 && !studied; j--) {
        if ([';', ':', '.', '•'].includes(tokens[j]!.norm)) break;
        studied = STUDY.test(tokens[j]!.norm);
      }
      if (studied) report({ start: tokens[i]!.start, end: tokens[i + 4]!.end });
    }
  },
});
