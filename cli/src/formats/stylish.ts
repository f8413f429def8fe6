import type { Finding, Severity } from '@fairword/rules';
import type { Formatter } from './index.js';
import { docxPlace, placeText } from './place.js';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const COLOR: Record<Severity, number> = { error: 31, warning: 33, information: 36, hint: 90 };

/** Human-readable output in the style of ESLint's: a header per file, one aligned line per finding, a summary. Streams file by file. */
export const stylish: Formatter = ({ color }) => {
  const paint = (code: number, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let started = false;
  return {
    file({ file, findings }) {
      if (findings.length === 0) return '';
      const rows = findings.map((f) => {
        const place = docxPlace(f);
        return { f, at: place ? `paragraph ${place.paragraph}` : `${f.range.start.line + 1}:${f.range.start.character + 1}` };
      });
      const atWidth = Math.max(...rows.map((r) => r.at.length));
      const sevWidth = Math.max(...findings.map((f) => LABEL[f.severity].length));
      const msgWidth = Math.max(...findings.map((f) => f.message.length));
      const out: string[] = [];
      if (started) out.push('');
      started = true;
      out.push(paint(4, file));
      for (const { f, at } of rows) {
        counts[f.severity]++;
        const sev = paint(COLOR[f.severity], LABEL[f.severity].padEnd(sevWidth));
        out.push(`  ${paint(2, at.padEnd(atWidth))}  ${sev}  ${f.message.padEnd(msgWidth)}  ${paint(2, f.ruleId)}`);
        const place = docxPlace(f);
        if (place) out.push(`  ${' '.repeat(atWidth)}  ${paint(2, placeText(place))}`);
        const hint = fixHint(f);
        if (hint) out.push(`  ${' '.repeat(atWidth)}  ${paint(32, hint)}`);
      }
      return `${out.join('\n')}\n`;
    },
    end() {
      const total = counts.error + counts.warning + counts.information + counts.hint;
      if (total === 0) return '';
      const summary =
        `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
        `${counts.information} info, ${plural(counts.hint, 'hint')})`;
      const worst = counts.error ? 31 : counts.warning ? 33 : 36;
      return `\n${paint(worst, summary)}\n`;
    },
  };
};

function fixHint(f: Finding): string | undefined {
  if (f.suggestions.length > 0) return `→ try: ${f.suggestions.map((s) => JSON.stringify(s)).join(', ')}`;
  if (f.insert) return `→ fix: ${f.insert.title}`;
  return undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
