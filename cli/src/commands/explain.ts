import { parseArgs } from 'node:util';
import type { RuleMeta } from '@fairword/rules';
import { tryParse } from '../args.js';
import { knownRuleIds, ruleDocsUrl, ruleMeta, unknownRuleMessage } from '../rule-meta.js';
import { fail, kindLabel, painter, wantsColor, type CliIO } from './io.js';

/** The full rationale for one rule as plain text: title, severity, category, kinds, note, sources, examples, docs link. */
export function renderExplanation(rule: RuleMeta, color = false): string {
  const paint = painter(color);
  const out = [
    `${paint(1, rule.id)}: ${rule.title}`,
    '',
    `Severity:   ${rule.severity}${rule.enabledByDefault ? '' : ' (off by default)'}`,
    `Category:   ${rule.category}`,
    `Applies to: ${rule.kinds.length > 0 ? rule.kinds.map(kindLabel).join(', ') : 'all documents'}`,
  ];
  if (rule.note) out.push('', rule.note);
  if (rule.sources.length > 0) {
    out.push('', 'Sources:');
    for (const s of rule.sources) out.push(`  - ${s.title}${s.url ? `\n    ${paint(4, s.url)}` : ''}`);
  }
  if (rule.examples.notOk.length > 0) out.push('', 'Flagged:', ...rule.examples.notOk.map((e) => `  ${paint(31, '✗')} ${e}`));
  if (rule.examples.ok.length > 0) out.push('', 'Not flagged:', ...rule.examples.ok.map((e) => `  ${paint(32, '✓')} ${e}`));
  out.push('', `Reference: ${ruleDocsUrl(rule.id)}`);
  return `${out.join('\n')}\n`;
}

/** `fairword explain <rule> [--format text|json]`: why a rule exists and where its guidance comes from. */
export function explainCommand(argv: string[], io: CliIO): number {
  const parsed = tryParse(() => parseArgs({ args: argv, strict: true, allowPositionals: true, options: { format: { type: 'string', short: 'f' } } }));
  if ('error' in parsed) return fail(io, parsed.error);
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return fail(io, `unknown format '${format}' for explain (expected text, json)`);
  const [id, extra] = parsed.positionals;
  if (id === undefined) return fail(io, 'explain needs a rule id (run `fairword rules` to list them)');
  if (extra !== undefined) return fail(io, `explain takes one rule id, not '${extra}' as well`);
  if (!knownRuleIds().includes(id)) return fail(io, unknownRuleMessage(id));
  const rule = ruleMeta(id);
  io.stdout.write(format === 'json' ? `${JSON.stringify(rule, null, 2)}\n` : renderExplanation(rule, wantsColor(io)));
  return 0;
}
