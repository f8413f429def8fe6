/**
 * Where each finding is documented, on the project's repository (client/package.json `repository`): a rule's
 * section of docs/rules.md, which cites its sources, or for the findings the engine makes itself, the section of
 * docs/configuration.md about them. The rule codes in the Problems panel and the hover's rule links go here, never to
 * an outside source.
 */

/** The rules reference; each rule has an anchor named after its id. */
export const RULES_DOC_URL = 'https://github.com/fairword/fairword/blob/main/docs/rules.md';
/** The configuration guide (custom terms and inline directives are documented there). */
export const CONFIG_DOC_URL = 'https://github.com/fairword/fairword/blob/main/docs/configuration.md';

/** Findings the engine makes itself (not in the rules reference), and the section of the guide about each. */
const BUILTIN_DOCS: Record<string, string> = {
  'custom-term': `${CONFIG_DOC_URL}#terms`,
  'unused-directive': `${CONFIG_DOC_URL}#ignoring-a-finding-in-one-place`,
  'unknown-rule': `${CONFIG_DOC_URL}#ignoring-a-finding-in-one-place`,
  'rule-error': `${CONFIG_DOC_URL}#when-a-rule-fails`,
  'too-many-findings': `${CONFIG_DOC_URL}#when-a-document-has-too-many-findings`,
  // Mistakes in a .fairword.yaml (CONFIG_ERROR_CODE in diagnostics.ts).
  config: `${CONFIG_DOC_URL}#mistakes-in-the-file`,
};

/** Where a finding's rule is documented. */
export function ruleDocUrl(ruleId: string): string {
  return BUILTIN_DOCS[ruleId] ?? `${RULES_DOC_URL}#${encodeURIComponent(ruleId)}`;
}
