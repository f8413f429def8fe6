import { wordRules } from './generated/data.js';
import { logicRules } from './rules/index.js';
import { documentRules } from './document/index.js';
import type { RuleMeta } from './types.js';

let cache: RuleMeta[] | undefined;

/** Metadata of every rule Fairword knows (word rules from data, then logic rules), sorted by id. */
export function ruleCatalog(): RuleMeta[] {
  cache ??= [
    ...wordRules.map(
      (r): RuleMeta => ({
        id: r.id,
        category: r.category,
        severity: r.severity,
        kinds: r.kinds,
        title: r.title,
        note: r.note,
        sources: r.sources,
        enabledByDefault: r.enabledByDefault,
        examples: r.examples,
      }),
    ),
    ...logicRules.map(({ meta }): RuleMeta => {
      const { message: _message, suggestions: _suggestions, ...rest } = meta;
      return rest;
    }),
    ...documentRules,
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return cache;
}

/** The metadata of one rule, or undefined for an unknown id. */
export function getRule(id: string): RuleMeta | undefined {
  return ruleCatalog().find((r) => r.id === id);
}
