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
        const at = place ? `paragraph ${place.paragraph}` : `${f.range.start.line + 1}:${f.range.start.character + 1}`;
        return { f, at, place, message: terminalSafe(f.message) };
      });
      let atWidth = 0;
      let sevWidth = 0;
      let msgWidth = 0;
      for (const { f, at, message } of rows) {
        atWidth = Math.max(atWidth, at.length);
        sevWidth = Math.max(sevWidth, LABEL[f.severity].length);
        msgWidth = Math.max(msgWidth, message.length);
      }
      const out: string[] = [];
      if (started) out.push('');
      started = true;
      out.push(paint(4, terminalSafe(file)));
      for (const { f, at, place, message } of rows) {
        counts[f.severity]++;
        const sev = paint(COLOR[f.severity], LABEL[f.severity].padEnd(sevWidth));
        out.push(`  ${paint(2, at.padEnd(atWidth))}  ${sev}  ${message.padEnd(msgWidth)}  ${paint(2, terminalSafe(f.ruleId))}`);
        if (place) out.push(`  ${' '.repeat(atWidth)}  ${paint(2, terminalSafe(placeText(place)))}`);
        const hint = fixHint(f);
        if (hint) out.push(`  ${' '.repeat(atWidth)}  ${paint(32, terminalSafe(hint))}`);
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

/**
 * Text from a document or a file name made safe to print on a terminal: control characters (escape sequences,
 * line breaks, bidirectional overrides) are shown as escapes, so nothing can move the cursor, recolour the screen
 * or fake a line of output.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function fixHint(f: Finding): string | undefined {
  if (f.suggestions.length > 0) return `→ try: ${f.suggestions.map((s) => JSON.stringify(s)).join(', ')}`;
  if (f.insert) return `→ fix: ${f.insert.title}`;
  return undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
