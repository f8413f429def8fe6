import type { Position } from './types.js';

/** Offsets at which each line starts; lines break at LF, CRLF and CR (as LSP does). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * Where the line holding `offset` starts. Scans back only to the nearest break (LF or CR): searching for each kind of
 * break separately runs to the start of a document that has none of one kind, which is quadratic when asked per line.
 */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Where the line holding `offset` ends (before its LF or CR), scanning forward only to the nearest break. */
export function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

const isBreak = (code: number): boolean => code === 10 /* \n */ || code === 13; /* \r */

/** Converts a UTF-16 offset to a 0-based line/character position. */
export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

/** Converts a 0-based line/character position to a UTF-16 offset (clamped to the text). */
export function offsetAt(starts: readonly number[], textLength: number, position: Position): number {
  if (position.line >= starts.length) return textLength;
  if (position.line < 0) return 0;
  const start = starts[position.line]!;
  const next = position.line + 1 < starts.length ? starts[position.line + 1]! : textLength;
  return Math.max(start, Math.min(start + position.character, next));
}
