import { parseArgs } from 'node:util';
import { ruleCatalog, type RuleMeta } from '@fairword/rules';
import { tryParse } from '../args.js';
import { ruleDocsUrl } from '../rule-meta.js';
import { fail, type CliIO } from './io.js';

/** One rule as `fairword rules --format json` lists it. */
export interface RuleListing {
  id: string;
  category: string;
  severity: string;
  enabledByDefault: boolean;
  kinds: string[];
  title: string;
  source: { title: string; url?: string };
  docs: string;
}

/** The listing entry for one rule (its first source is the one shown). */
export function ruleListing(rule: RuleMeta): RuleListing {
  const source = rule.sources[0] ?? { title: '' };
  return {
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    enabledByDefault: rule.enabledByDefault,
    kinds: rule.kinds,
    title: rule.title,
    source: { title: source.title, ...(source.url ? { url: source.url } : {}) },
    docs: ruleDocsUrl(rule.id),
  };
}

/** A plain-text table of rules: id, category, severity (with "off" for rules not on by default), kinds, title, source. */
export function renderRulesTable(rules: readonly RuleMeta[]): string {
  const header = ['RULE', 'CATEGORY', 'SEVERITY', 'KINDS', 'TITLE', 'SOURCE'];
  const rows = rules.map((r) => [
    r.id,
    r.category,
    r.enabledByDefault ? r.severity : `${r.severity} (off)`,
    r.kinds.length > 0 ? r.kinds.join(',') : 'all',
    r.title,
    r.sources[0]?.title ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

/** `fairword rules [--format text|json]`: lists every rule. */
export function rulesCommand(argv: string[], io: CliIO): number {
  const parsed = tryParse(() => parseArgs({ args: argv, strict: true, allowPositionals: false, options: { format: { type: 'string', short: 'f' } } }));
  if ('error' in parsed) return fail(io, parsed.error);
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return fail(io, `unknown format '${format}' for rules (expected text, json)`);
  const rules = ruleCatalog();
  io.stdout.write(format === 'json' ? `${JSON.stringify(rules.map(ruleListing), null, 2)}\n` : renderRulesTable(rules));
  return 0;
}
