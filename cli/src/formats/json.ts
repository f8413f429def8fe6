import type { Formatter } from './index.js';

/**
 * Machine-readable output: an array of `{ file, ...LintResult }`, exactly as the engine returns them.
 * Streams one entry at a time; the text is the same as `JSON.stringify(results, null, 2)`.
 */
export const json: Formatter = () => {
  let count = 0;
  return {
    file(result) {
      const entry = JSON.stringify(result, null, 2).replace(/\n/g, '\n  ');
      return `${count++ === 0 ? '[\n' : ',\n'}  ${entry}`;
    },
    end: () => (count === 0 ? '[]\n' : '\n]\n'),
  };
};
