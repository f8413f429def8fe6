/** `fairword/report` and `fairword/findings`: what the engine found in an open document, for the report view and for a reviewed Word copy. */
import type { ServerContext } from '../context.js';
import { formatOf } from '../documents/open-documents.js';
import type { FindingsParams, FindingsResult, ReportParams, ReportResult } from '../protocol.js';

/** The report of an open document (computed even when it is turned off or ignored); null when it cannot be checked. */
export async function reportFor(ctx: ServerContext, params: ReportParams): Promise<ReportResult | null> {
  const { documents, workspace, analyser } = ctx;
  const document = documents.get(params.uri);
  const format = document && formatOf(document);
  if (!document || !format) return null;
  const { uri, version } = document;
  const settings = await workspace.settingsFor(uri);
  if (!documents.isCurrent(document)) return null;
  const analysis = await analyser.analyse(uri, document.getText(), format, settings, { report: true, explicit: true });
  if (analysis.skipped || !analysis.kind) return null;
  return {
    uri,
    version,
    kind: analysis.kind,
    kindSource: analysis.kindSource ?? 'default',
    report: (analysis.report ?? {}) as Record<string, unknown>,
    findings: analysis.findings.map((f) => ({
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line,
      character: f.range.start.character,
    })),
  };
}

/**
 * `fairword/findings`: every finding of an open document, as the engine gives them, for writing a reviewed Word
 * document from the editor; null when it cannot be checked.
 */
export async function findingsFor(ctx: ServerContext, params: FindingsParams): Promise<FindingsResult | null> {
  const { documents, workspace, analyser } = ctx;
  const document = documents.get(params.uri);
  const format = document && formatOf(document);
  if (!document || !format) return null;
  const { uri, version } = document;
  const settings = await workspace.settingsFor(uri);
  if (!documents.isCurrent(document)) return null;
  const analysis = await analyser.analyse(uri, document.getText(), format, settings, { explicit: true });
  if (analysis.skipped || !analysis.kind) return null;
  return { uri, version, kind: analysis.kind, findings: analysis.findings, report: analysis.report ?? {} };
}
