import { getRule, ruleCatalog, type Finding, type RuleMeta } from '@fairword/rules';
import { nearNames, orList } from './near-names.js';

/** The project's home page, reported as the tool's information URI. */
export const HOME_URL = 'https://github.com/fairword/fairword';

/** The rules reference on the repository; each rule has an anchor named after its id. */
export const RULES_DOC_URL = `${HOME_URL}/blob/main/docs/rules.md`;

const FAIRWORD_SOURCE = { title: 'Fairword', url: HOME_URL };

/** Findings the engine itself reports (not rules in the catalog), documented here so every finding has metadata. */
const BUILTIN: Record<string, RuleMeta> = {
  'custom-term': {
    id: 'custom-term',
    category: 'general',
    severity: 'warning',
    kinds: [],
    title: "Terms your organisation's configuration lists",
    note: "Your organisation's Fairword configuration (`terms` in .fairword.yaml) lists this term to avoid.",
    sources: [{ title: "Your organisation's Fairword configuration (.fairword.yaml)" }],
    enabledByDefault: true,
    examples: { ok: [], notOk: [] },
  },
  'unknown-rule': {
    id: 'unknown-rule',
    category: 'fairword',
    severity: 'warning',
    kinds: [],
    title: 'A fairword directive names an unknown rule',
    note: 'A directive that names an unknown rule silences nothing, which is usually a typo.',
    sources: [FAIRWORD_SOURCE],
    enabledByDefault: true,
    examples: { ok: [], notOk: [] },
  },
  'unused-directive': {
    id: 'unused-directive',
    category: 'fairword',
    severity: 'hint',
    kinds: [],
    title: 'A fairword directive silences nothing',
    note: 'Directives that silence nothing make a document harder to maintain.',
    sources: [FAIRWORD_SOURCE],
    enabledByDefault: true,
    examples: { ok: [], notOk: [] },
  },
  'rule-error': {
    id: 'rule-error',
    category: 'fairword',
    severity: 'error',
    kinds: [],
    title: 'A rule failed on this document',
    note: 'A Fairword rule failed. Please report it with the document if you can.',
    sources: [FAIRWORD_SOURCE],
    enabledByDefault: true,
    examples: { ok: [], notOk: [] },
  },
  'too-many-findings': {
    id: 'too-many-findings',
    category: 'fairword',
    severity: 'information',
    kinds: [],
    title: 'More findings than Fairword lists for one document',
    note: 'Fairword lists at most 1,000 findings per document, the most serious first; fix or allow those and check again to see the rest.',
    sources: [FAIRWORD_SOURCE],
    enabledByDefault: true,
    examples: { ok: [], notOk: [] },
  },
};

/** Metadata for a rule id: the catalog's, the engine's built-in findings', or (for anything else) made from a finding. */
export function ruleMeta(id: string, finding?: Finding): RuleMeta {
  const known = getRule(id) ?? BUILTIN[id];
  if (known) return known;
  return {
    id,
    category: finding?.category ?? 'fairword',
    severity: finding?.severity ?? 'warning',
    kinds: [],
    title: id,
    note: finding?.note ?? '',
    sources: finding ? [finding.source] : [],
    enabledByDefault: true,
    examples: { ok: [], notOk: [] },
  };
}

/** The rule's section in docs/rules.md on the repository (built-in findings link to the page itself). */
export function ruleDocsUrl(id: string): string {
  return getRule(id) ? `${RULES_DOC_URL}#${id}` : RULES_DOC_URL;
}

/** Every id `fairword explain` knows: the catalog's rules, then the built-in findings. */
export function knownRuleIds(): string[] {
  return [...ruleCatalog().map((r) => r.id), ...Object.keys(BUILTIN)];
}

/**
 * The one-line error for a rule id nobody knows: the genuinely near ids when there are any, otherwise where the
 * rule ids are listed.
 */
export function unknownRuleMessage(id: string): string {
  const near = nearNames(id, knownRuleIds());
  if (near.length > 0) return `unknown rule '${id}' (did you mean ${orList(near)}?)`;
  return `unknown rule '${id}': run \`fairword rules\` to list the rule ids, or see ${RULES_DOC_URL}`;
}
