/** `fairword/report` and `fairword/findings`: what the engine found in an open document, for the report view and for a reviewed Word copy. */
import type { ServerContext } from '../context.js';
import type { Analysis } from '../documents/analysis.js';
import { formatOf } from '../documents/open-documents.js';
import type { FindingsParams, FindingsResult, ReportParams, ReportResult } from '../protocol.js';

/** Checks an open document now, as asked for (even when it is turned off or ignored); undefined when it cannot be checked. */
async function checkOpen(ctx: ServerContext, uri: string, report: boolean): Promise<{ uri: string; version: number; analysis: Analysis } | undefined> {
  const { documents, workspace, analyser } = ctx;
  const document = documents.get(uri);
  const format = document && formatOf(document);
  if (!document || !format) return undefined;
  const settings = await workspace.settingsFor(document.uri);
  if (!documents.isCurrent(document)) return undefined;
  const analysis = await analyser.analyse(document.uri, document.getText(), format, settings, { report, explicit: true });
  return analysis.skipped || !analysis.kind ? undefined : { uri: document.uri, version: document.version, analysis };
}

/** The report of an open document (computed even when it is turned off or ignored); null when it cannot be checked. */
export async function reportFor(ctx: ServerContext, params: ReportParams): Promise<ReportResult | null> {
  const checked = await checkOpen(ctx, params.uri, true);
  if (!checked) return null;
  const { uri, version, analysis } = checked;
  return {
    uri,
    version,
    kind: analysis.kind!,
    kindSource: analysis.kindSource ?? 'default',
    ...(analysis.kindEvidence ? { kindEvidence: analysis.kindEvidence } : {}),
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
  const checked = await checkOpen(ctx, params.uri, false);
  if (!checked) return null;
  const { uri, version, analysis } = checked;
  return { uri, version, kind: analysis.kind!, findings: analysis.findings, report: analysis.report ?? {} };
}
