import wrapAnsi from 'wrap-ansi';

/** However narrow the terminal, wrapped text gets at least this many columns. */
const MIN_TEXT_WIDTH = 30;

/**
 * `text` (which may hold colour codes) wrapped to fit `width` columns after `indent` spaces, with at least
 * MIN_TEXT_WIDTH columns of text; each line indented, lines after the first `hang` more. Wide characters are
 * measured as a terminal shows them.
 */
export function wrapIndented(text: string, indent: number, width: number, hang = 0): string[] {
  const room = Math.max(width - indent - hang, MIN_TEXT_WIDTH);
  return wrapAnsi(text, room, { hard: true, trim: true })
    .split('\n')
    .map((line, i) => `${' '.repeat(indent + (i > 0 ? hang : 0))}${line}`);
}
