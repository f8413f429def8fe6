/**
 * @fairword/rules/docx — Word documents for the engine: the text of a .docx with a map back to its paragraphs, and
 * a reviewed copy with comments and tracked changes. Pure TypeScript over bytes (Uint8Array): no Node API, so
 * the CLI, the editor extension and a browser share it. A sub-path of its own keeps the zip and XML libraries out
 * of bundles that only lint text.
 */
export { DocxDocument, describeLocation, LIST_MARKER, PARAGRAPH_BREAK, type DocxLocation, type DocxParagraph } from './document.js';
export { DocxError, type DocxErrorCode } from './errors.js';
export { DOCX_LIMITS, type PackageLimits } from './package.js';
export { reviewDocx, type ReviewOptions, type ReviewResult } from './review.js';
export type { ParagraphPlace } from './stories.js';

/** Whether a file name is one the docx reader takes: .docx and .dotx, and .docm and .doc so they get a clear refusal. */
export function isDocxName(name: string): boolean {
  return /\.(?:docx|docm|dotx|dotm|doc|dot)$/i.test(name);
}

/** Where a reviewed copy goes by default: `advert.docx` → `advert.reviewed.docx`, beside the original. */
export function reviewedName(name: string): string {
  return name.replace(/(\.(?:docx|docm|dotx|dotm))?$/i, '.reviewed.docx');
}
