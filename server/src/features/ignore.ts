/**
 * The inline directive "Ignore here…" inserts. Dependency-free (no LSP library), so the extension client can
 * build the same edit once the user has typed a reason.
 */
import type { IgnoreHereArgs } from '../protocol.js';

/**
 * The directive line inserted above `args.line`, with the line's indentation and the reason the user typed
 * (left out when blank). Markdown gets an HTML comment; plain text a line of its own.
 */
export function ignoreDirectiveText(args: Pick<IgnoreHereArgs, 'ruleId' | 'format' | 'indent'>, reason: string, eol = '\n'): string {
  // A reason is one line, and must not end the Markdown comment early or look like the start of another reason.
  const why = reason.replace(/\s+/g, ' ').replace(/--+>?/g, '–').trim();
  const body = `fairword-disable-next-line ${args.ruleId}${why ? ` -- ${why}` : ''}`;
  return `${args.indent}${args.format === 'markdown' ? `<!-- ${body} -->` : body}${eol}`;
}

/** The edit "Ignore here…" makes once the reason is known: the directive inserted at the start of `args.line` (an LSP TextEdit). */
export function ignoreHereEdit(
  args: IgnoreHereArgs,
  reason: string,
  eol = '\n',
): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } {
  const at = { line: args.line, character: 0 };
  return { range: { start: at, end: { ...at } }, newText: ignoreDirectiveText(args, reason, eol) };
}
