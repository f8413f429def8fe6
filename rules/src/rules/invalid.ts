import { defineRule } from '../rule.js';
import { sources } from '../generated/data.js';
import type { Token } from '../tokens.js';
import { inTitleRun, quoted } from './context.js';

/** Words before a noun: "an invalid", "the cripple". */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'chronic', 'permanent', 'bedridden', 'housebound', 'poor', 'old']);
/** What may follow the noun; anything else (a noun such as "password", "form", "data") makes "invalid" an adjective. */
const AFTER_NOUN = new Set(['who', 'whose', 'since', 'for', 'after', 'at', 'in', 'with', 'from', 'because', 'when', 'until', 'following', 'all', 'is', 'was']);
/** Words after "cripples" that make it a verb ("underfunding cripples the service"). */
const OBJECTS = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'his', 'her', 'your', 'my', 'services', 'service', 'business', 'businesses', 'growth', 'efforts']);

const SINGULAR: Record<string, string[]> = {
  invalid: ['disabled person'],
  cripple: ['disabled person'],
  spastic: ['disabled person', 'person with cerebral palsy'],
};
const PLURAL: Record<string, string[]> = {
  invalids: ['disabled people'],
  cripples: ['disabled people'],
  spastics: ['disabled people', 'people with cerebral palsy'],
};

const endsNoun = (next: Token | undefined): boolean => next === undefined || !next.word || AFTER_NOUN.has(next.norm);

/**
 * Flags "invalid", "cripple" and "spastic" only where they are nouns for a person ("an invalid", "cripples"), never
 * the adjective ("an invalid password", "spastic cerebral palsy") or the verb ("could cripple the service").
 */
export default defineRule({
  meta: {
    id: 'invalid',
    category: 'disability',
    severity: 'warning',
    kinds: [],
    title: 'Invalid, cripple, spastic (for a person)',
    message: "'{actual}' is an offensive word for a disabled person. Say 'disabled person', or name the condition if it matters.",
    note:
      'ONS and DWP guidance list these words as offensive. Used about people in a workplace document they can ' +
      'create a hostile environment for disabled staff. The adjective ("an invalid form") and clinical terms ' +
      '("spastic cerebral palsy") are not flagged.',
    sources: [sources['ons-disability']!, sources['dwp-disability-language']!],
    suggestions: [],
    enabledByDefault: true,
    examples: {
      ok: [
        'The form shows an invalid date of birth.',
        'Invalid passwords are locked after three tries.',
        'She has spastic cerebral palsy.',
        'Staff shortages could cripple the service.',
        'Underfunding cripples our community services.',
      ],
      notOk: ['He has been an invalid since the accident.', 'The home was built for invalids and cripples.', 'The Victorians called him a spastic.'],
    },
  },
  triggers: ['invalid', 'invalids', 'cripple', 'cripples', 'spastic', 'spastics'],
  check(sentence, report) {
    const { tokens, text } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      let suggestions: string[] | undefined;
      if (SINGULAR[t.norm]) {
        if (!prev?.word || !DETERMINERS.has(prev.norm) || !endsNoun(next)) continue;
        suggestions = SINGULAR[t.norm];
      } else if (PLURAL[t.norm]) {
        if (t.norm === 'spastics' && next?.norm === 'society') continue;
        if (t.norm === 'cripples' && ((prev?.word && !DETERMINERS.has(prev.norm) && !['and', 'of', 'for', 'as', 'like', 'with'].includes(prev.norm)) || (next !== undefined && OBJECTS.has(next.norm)))) continue;
        if (t.norm === 'invalids' && next?.word && !AFTER_NOUN.has(next.norm) && next.norm !== 'and') continue;
        suggestions = PLURAL[t.norm];
      } else continue;
      if (quoted(text, t.start, t.end) || inTitleRun(tokens, i, i + 1)) continue;
      // "an invalid" → "a disabled person": the article is part of the span so the fix stays grammatical.
      if (SINGULAR[t.norm] && prev && (prev.norm === 'a' || prev.norm === 'an')) {
        report({ start: prev.start, end: t.end, suggestions: suggestions!.map((s) => `a ${s}`) });
      } else {
        report({ start: t.start, end: t.end, suggestions: suggestions! });
      }
    }
  },
});
