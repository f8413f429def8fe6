import { documentRules, type FairwordConfig } from '@fairword/rules';

/** Rule settings that turn off the document-level checks, for tests about word and logic rules in job adverts. */
export const WITHOUT_DOCUMENT_RULES: NonNullable<FairwordConfig['rules']> = Object.fromEntries(documentRules.map((r) => [r.id, 'off' as const]));

/** `config` with the document-level checks turned off (its own rule settings win). */
export function withoutDocumentRules(config: FairwordConfig = {}): FairwordConfig {
  return { ...config, rules: { ...WITHOUT_DOCUMENT_RULES, ...config.rules } };
}
