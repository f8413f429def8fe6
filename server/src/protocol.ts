/**
 * Messages between the Fairword client (or a test) and the Fairword language server.
 * Declared once here; import from this module, never repeat a method name as a string.
 * Depends only on vscode-languageserver-protocol, so the client can import it without the server.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** The `source` of every Fairword diagnostic. */
export const DIAGNOSTIC_SOURCE = 'fairword';

/** Options the client may pass as `initializationOptions`. */
export interface InitializationOptions {
  /** Delay before re-checking a changed document, in milliseconds (default 200; tests use 0). */
  debounceMs?: number;
}

/** A text insertion proposed by a document-level finding (e.g. a missing statement). */
export interface DiagnosticInsert {
  position: { line: number; character: number };
  text: string;
  title: string;
}

/** What every Fairword diagnostic carries in `data`; quick fixes are built from it alone. */
export interface DiagnosticData {
  ruleId: string;
  /** The text as written in the document, when the diagnostic was made. */
  actual: string;
  /** Replacements, best first, in the document's capitalisation. */
  suggestions: string[];
  insert?: DiagnosticInsert;
}

/** Parameters of {@link ValidatedNotification}. */
export interface ValidatedParams {
  uri: string;
  /** The document version that was checked (the version of the matching publishDiagnostics). */
  version: number;
  /** Number of diagnostics published. */
  count: number;
  /** Set when the check failed: diagnostics were cleared and this says why. */
  error?: string;
}

/** `fairword/validated` (server → client): sent after every publishDiagnostics; tests and the client wait on it. */
export const ValidatedNotification = new NotificationType<ValidatedParams>('fairword/validated');

/** Parameters of {@link ReportRequest}. */
export interface ReportParams {
  uri: string;
}

/** The report for one open document, as the report view shows it. */
export interface ReportResult {
  uri: string;
  version: number;
  /** The document kind and where it came from. */
  kind: string;
  kindSource: string;
  /** The engine's DocumentReport (see rules/src/types.ts), computed with `report: true`. */
  report: Record<string, unknown>;
  /** Findings in the document, for the chart and for links to their places. */
  findings: Array<{ ruleId: string; category: string; severity: string; message: string; line: number; character: number }>;
}

/** `fairword/report` (client → server): the inclusivity report of an open document; null when it is not open. */
export const ReportRequest = new RequestType<ReportParams, ReportResult | null, void>('fairword/report');
