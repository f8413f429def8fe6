import { positionAt } from './positions.js';
import type { Finding } from './types.js';

/** An inline directive such as `<!-- fairword-disable-next-line young -- quoting the old advert -->`. */
export interface Directive {
  type: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  reason?: string;
  start: number;
  end: number;
}

const DIRECTIVE_RE = /^fairword-(disable-next-line|disable|enable)\b\s*([^]*?)\s*$/;

/** Parses the inside of a comment (or a plain-text directive line); undefined when it is not a directive. */
export function parseDirective(value: string, start: number, end: number): Directive | undefined {
  const m = DIRECTIVE_RE.exec(value.trim());
  if (!m) return undefined;
  const [ids, ...reason] = m[2]!.split(/\s+--\s*|^--\s*/);
  const rules = (ids ?? '').split(/[\s,]+/).filter(Boolean);
  const directive: Directive = { type: m[1] as Directive['type'], rules, start, end };
  const why = reason.join(' -- ').trim();
  if (why) directive.reason = why;
  return directive;
}

/** Matches a plain-text directive line: `fairword-disable-next-line RULE -- reason` (optionally after `#` or `//`). */
export const PLAIN_DIRECTIVE_LINE = /^[ \t]*(?:#|\/\/)?[ \t]*(fairword-(?:disable-next-line|disable|enable)\b[^\r\n]*)$/gm;

/**
 * Drops findings silenced by directives, and reports directives that silenced nothing or name unknown rules.
 * `isKnownRule` tells whether an id exists.
 */
export function applyDirectives(
  text: string,
  starts: number[],
  findings: Finding[],
  directives: Directive[],
  isKnownRule: (id: string) => boolean,
): Finding[] {
  if (directives.length === 0) return findings;
  const used = new Set<Directive>();
  const lineOf = (offset: number): number => positionAt(starts, offset).line;
  const nextLine = (d: Directive): number => {
    // The first non-blank line after the directive.
    let line = lineOf(d.end) + 1;
    while (line < starts.length) {
      const s = starts[line]!;
      const e = line + 1 < starts.length ? starts[line + 1]! : text.length;
      if (text.slice(s, e).trim() !== '') break;
      line++;
    }
    return line;
  };
  const applies = (d: Directive, id: string): boolean => d.rules.length === 0 || d.rules.includes(id);
  const sorted = [...directives].sort((a, b) => a.start - b.start);
  const targets = new Map<Directive, number>();
  for (const d of sorted) if (d.type === 'disable-next-line') targets.set(d, nextLine(d));

  const kept = findings.filter((f) => {
    if (f.scope === 'document') return true;
    const line = f.range.start.line;
    for (const [d, target] of targets) {
      if (target === line && applies(d, f.ruleId)) {
        used.add(d);
        return false;
      }
    }
    // Range directives: the last disable/enable before the finding that mentions its rule decides.
    let silencedBy: Directive | undefined;
    for (const d of sorted) {
      if (d.start > f.offset.start) break;
      if (d.type === 'disable' && applies(d, f.ruleId)) silencedBy = d;
      else if (d.type === 'enable' && applies(d, f.ruleId)) silencedBy = undefined;
    }
    if (silencedBy) {
      used.add(silencedBy);
      return false;
    }
    return true;
  });

  for (const d of sorted) {
    const range = { start: positionAt(starts, d.start), end: positionAt(starts, d.end) };
    const base = { range, offset: { start: d.start, end: d.end }, suggestions: [], source: { title: 'Fairword' }, scope: 'span' as const };
    const unknown = d.rules.filter((id) => !isKnownRule(id));
    for (const id of unknown) {
      kept.push({
        ...base,
        ruleId: 'unknown-rule',
        category: 'fairword',
        severity: 'warning',
        message: `This directive names "${id}", which is not a Fairword rule. Check the spelling (run \`fairword rules\` to list them).`,
        actual: id,
        note: 'A directive that names an unknown rule silences nothing, which is usually a typo.',
      });
    }
    if (d.type !== 'enable' && !used.has(d) && unknown.length < d.rules.length + (d.rules.length === 0 ? 1 : 0)) {
      kept.push({
        ...base,
        ruleId: 'unused-directive',
        category: 'fairword',
        severity: 'hint',
        message: 'This Fairword directive no longer silences anything. You can remove it.',
        actual: text.slice(d.start, d.end),
        note: 'Directives that silence nothing make a document harder to maintain.',
      });
    }
  }
  return kept;
}
