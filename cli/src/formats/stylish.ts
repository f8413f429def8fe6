import type { Finding, Severity } from '@fairword/rules';
import { wrapIndented } from '../wrap.js';
import type { Formatter } from './index.js';
import { docxPlace, placeText } from './place.js';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const COLOR: Record<Severity, number> = { error: 31, warning: 33, information: 36, hint: 90 };

/**
 * Output for people, in the style of ESLint's: a header per file, then for each finding a line with its place,
 * level and rule, and beneath it (wrapped to `width` columns) where in a Word document, the message and what to
 * write instead; a summary at the end.
 * Lists what the editor's Problems panel shows, information and above: hints are counted in one line that names
 * `--hints` unless `hints` is set. Streams file by file.
 */
export const stylish: Formatter = ({ color, hints, width }) => {
  const paint = (code: number, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let unlisted = 0;
  let started = false;
  return {
    file({ file, findings }) {
      const listed = hints ? findings : findings.filter((f) => f.severity !== 'hint');
      unlisted += findings.length - listed.length;
      if (listed.length === 0) return '';
      const rows = listed.map((f) => {
        const place = docxPlace(f);
        return { f, place, at: place ? `paragraph ${place.paragraph}` : `${f.range.start.line + 1}:${f.range.start.character + 1}` };
      });
      const atWidth = Math.max(...rows.map((r) => r.at.length));
      const sevWidth = Math.max(...rows.map((r) => LABEL[r.f.severity].length));
      const indent = 2 + atWidth + 2;
      const out: string[] = [];
      if (started) out.push('');
      started = true;
      out.push(paint(4, terminalSafe(file)));
      for (const { f, at, place } of rows) {
        counts[f.severity]++;
        const sev = paint(COLOR[f.severity], LABEL[f.severity].padEnd(sevWidth));
        out.push(`  ${paint(2, at.padEnd(atWidth))}  ${sev}  ${paint(2, terminalSafe(f.ruleId))}`);
        if (place) out.push(...wrapIndented(terminalSafe(placeText(place)), indent, width).map((line) => paint(2, line)));
        out.push(...wrapIndented(terminalSafe(f.message), indent, width));
        const hint = fixHint(f);
        if (hint) out.push(...wrapIndented(terminalSafe(hint), indent, width, 2).map((line) => paint(32, line)));
      }
      return `${out.join('\n')}\n`;
    },
    end() {
      const total = counts.error + counts.warning + counts.information + counts.hint;
      const out: string[] = [];
      if (total > 0) {
        const summary =
          `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
          `${counts.information} info${hints ? `, ${plural(counts.hint, 'hint')}` : ''})`;
        out.push(paint(counts.error ? 31 : counts.warning ? 33 : counts.information ? 36 : 90, summary));
      }
      if (unlisted > 0) {
        out.push(paint(2, `${total > 0 ? 'plus ' : ''}${plural(unlisted, 'hint')}: run with --hints to list ${unlisted === 1 ? 'it' : 'them'}`));
      }
      return out.length > 0 ? `${started ? '\n' : ''}${out.join('\n')}\n` : '';
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
