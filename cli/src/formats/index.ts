import type { LintResult, Severity } from '@fairword/rules';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** One linted file: the engine's result plus the path relative to the cwd, with forward slashes. */
export type FileResult = { file: string } & LintResult;

/** What a formatter may know about where its output goes. */
export interface FormatContext {
  /** Whether ANSI colour is wanted (stdout is a TTY and NO_COLOR is unset). */
  color: boolean;
  /** The CLI's version, for formats that name the tool. */
  version: string;
  /** Findings at or above this severity fail the run (`--max-severity`); formats with a pass/fail notion use it. */
  failAt: Severity;
  /** Whether output for people lists hints (`--hints`); it counts them otherwise. Machine formats always keep them. */
  hints: boolean;
  /** Columns that output for people wraps its text to. */
  width: number;
}

/**
 * A formatter's output for one run. Files arrive one at a time in the order they are reported;
 * `file` returns the text to write at once (formats that can stream) or keeps what it needs for `end`
 * and returns ''. Formats that must see every file first keep only a compact form of each.
 */
export interface FormatSink {
  file(result: FileResult): string;
  end(): string;
}

/** Makes the sink for one run. */
export type Formatter = (context: FormatContext) => FormatSink;

/** Output formats by `--format` name; adding a format is one module plus one entry here. */
export const FORMATS = { stylish, json, sarif, github, markdown, junit, gitlab } satisfies Record<string, Formatter>;

/** A valid `--format` value. */
export type FormatName = keyof typeof FORMATS;

/** Whether `name` is a known `--format` value. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/** Runs a formatter over results held in memory (tests, `report`); the CLI streams instead. */
export function formatAll(formatter: Formatter, results: readonly FileResult[], context: FormatContext): string {
  const sink = formatter(context);
  return results.map((r) => sink.file(r)).join('') + sink.end();
}
