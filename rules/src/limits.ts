import { SEVERITY_RANK, type Finding } from './types.js';

/**
 * Bounds that keep the work and the output for one document in proportion, whatever the input. docs/reliability.md
 * says why each number was chosen. The language server and the CLI share them.
 */
export const LIMITS = {
  /** Default largest file checked from disk, in bytes (`maxFileSize` changes it). */
  maxFileSize: 1024 * 1024,
  /** The largest `maxFileSize` a config may set. */
  maxFileSizeCeiling: 10 * 1024 * 1024,
  /** Findings reported for one document; the rest are summed up in one `too-many-findings` notice. */
  findingsPerFile: 1000,
  /** Related locations kept on one finding (the later uses of a repeated term). */
  relatedPerFinding: 100,
  /** Words in one organisation term or allowed phrase (longer phrases nest into costly overlapping matches). */
  phraseWords: 16,
} as const;

/**
 * Findings in document order: by start, then end, then rule id. Ids are compared by code unit (they are kebab-case
 * ASCII, where that is also their alphabetical order): `localeCompare` would load a collator, some 15 ms at start-up.
 */
export function byPlace(a: Finding, b: Finding): number {
  return a.offset.start - b.offset.start || a.offset.end - b.offset.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * At most `max` findings of a document, the most serious first (document order within a severity), in document
 * order, followed by one `too-many-findings` notice saying how many were left out. Related locations are cut to
 * {@link LIMITS}.relatedPerFinding. Returns the findings unchanged when there are not too many.
 */
export function capFindings(findings: readonly Finding[], max: number = LIMITS.findingsPerFile): Finding[] {
  const trimmed = findings.map((f) => (f.related && f.related.length > LIMITS.relatedPerFinding ? { ...f, related: f.related.slice(0, LIMITS.relatedPerFinding) } : f));
  if (trimmed.length <= max) return trimmed;
  const order = trimmed.map((_, i) => i).sort((a, b) => SEVERITY_RANK[trimmed[a]!.severity] - SEVERITY_RANK[trimmed[b]!.severity] || a - b);
  const keep = order.slice(0, max).sort((a, b) => a - b);
  return [...keep.map((i) => trimmed[i]!), tooManyFindings(trimmed.length, max)];
}

function tooManyFindings(total: number, max: number): Finding {
  return {
    ruleId: 'too-many-findings',
    category: 'fairword',
    severity: 'information',
    message: `Showing ${max} of ${total} findings in this document (the most serious first); Fairword lists at most ${max} per document.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    offset: { start: 0, end: 0 },
    actual: '',
    suggestions: [],
    source: { title: 'Fairword' },
    note: 'Fix or allow the findings shown and check again to see the rest.',
    scope: 'document',
  };
}
