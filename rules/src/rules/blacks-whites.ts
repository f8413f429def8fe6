import { defineRule } from '../rule.js';
import { sources } from '../generated/data.js';
import { inTitleRun, quoted } from './context.js';

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir']);
const SUGGEST: Record<string, string> = { blacks: 'Black people', whites: 'White people' };

/** Flags "Blacks" and "Whites" used as nouns for people; titles of cited works, quotations and names are left alone. */
export default defineRule({
  meta: {
    id: 'blacks-whites',
    category: 'ethnicity',
    severity: 'information',
    kinds: [],
    title: '"Blacks" and "Whites" as nouns',
    message: "'{actual}' turns an ethnic group into a noun for people. Say 'Black people' or 'White people'.",
    note:
      'The Race Disparity Unit advises using Black and White as adjectives, as in Black people or White staff, not as ' +
      'nouns. Titles of cited research and quotations are left as published.',
    sources: [sources['rdu-ethnicity']!],
    suggestions: [],
    enabledByDefault: true,
    examples: {
      ok: [
        'Black people and White people were asked the same questions.',
        'See "Weathering" and Age Patterns of Allostatic Load Scores Among Blacks and Whites in the United States.',
        'Separate the egg whites from the yolks.',
        'Wash whites and colours separately.',
      ],
      notOk: ['The survey compared Blacks and Whites in the same jobs.', 'Pay gaps between blacks and whites persist.'],
    },
  },
  triggers: ['blacks', 'whites'],
  check(sentence, report) {
    const { tokens, text } = sentence;
    // Lower case, the nouns are about people only beside each other: "between blacks and whites".
    const both = tokens.some((t) => t.norm === 'blacks') && tokens.some((t) => t.norm === 'whites');
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.text !== 'Blacks' && t.text !== 'Whites' && !(both && (t.text === 'blacks' || t.text === 'whites'))) continue;
      const prev = tokens[i - 1];
      if (prev?.word && HONORIFICS.has(prev.norm)) continue;
      // A capitalised word straight after makes it part of a name ("Whites Lane").
      const next = tokens[i + 1];
      if (next?.word && /^\p{Lu}/u.test(next.text)) continue;
      if (quoted(text, t.start, t.end) || inTitleRun(tokens, i, i + 1)) continue;
      report({ start: t.start, end: t.end, suggestions: [SUGGEST[t.norm]!], safe: true });
    }
  },
});
