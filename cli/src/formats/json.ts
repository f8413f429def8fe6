import type { Formatter } from './index.js';

/** Machine-readable output: an array of `{ file, ...LintResult }`, exactly as the engine returns them. */
export const json: Formatter = (results) => `${JSON.stringify(results, null, 2)}\n`;
