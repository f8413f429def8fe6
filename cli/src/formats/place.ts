import type { Finding } from '@fairword/rules';
import { describeLocation, type DocxLocation } from '@fairword/rules/docx';

/** The place of a finding in a Word document, when it comes from one (see cli/src/docx.ts). */
export function docxPlace(finding: Finding): DocxLocation | undefined {
  return (finding as Finding & { docx?: DocxLocation }).docx;
}

/** Where a finding in a Word document is, for people: `paragraph 12 under "About you": "young and dynamic"`. */
export function placeText(location: DocxLocation): string {
  return `${describeLocation(location)}: "${location.quote.replace(/\s+/g, ' ')}"`;
}
