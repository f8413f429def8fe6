import type { LintResult } from '@fairword/rules';
import { json } from './json.js';
import { stylish } from './stylish.js';

/** One linted file: the engine's result plus the path relative to the cwd, with forward slashes. */
export type FileResult = { file: string } & LintResult;

/** What a formatter may know about where its output goes. */
export interface FormatContext {
  /** Whether ANSI colour is wanted (stdout is a TTY and NO_COLOR is unset). */
  color: boolean;
}

/** Turns every file's results into the text written to stdout. */
export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

/** Output formats by `--format` name; adding a format is one module plus one entry here. */
export const FORMATS = { stylish, json } satisfies Record<string, Formatter>;

/** A valid `--format` value. */
export type FormatName = keyof typeof FORMATS;

/** Whether `name` is a known `--format` value. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}
