/**
 * Messages between the Fairword client (or a test) and the Fairword language server.
 * Declared once here; import from this module, never repeat a method name as a string.
 * Depends only on vscode-languageserver-protocol (and types from @fairword/rules), so the client can import it
 * without the server.
 */
import { NotificationType, RequestType, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { DocumentKind, Finding, LintResult, Severity } from '@fairword/rules';

/** URI scheme of the read-only text of a Word document (`fairword-docx:/path/advert.docx`), opened by the client. */
export const DOCX_SCHEME = 'fairword-docx';

/** The `source` of every Fairword diagnostic. */
export const DIAGNOSTIC_SOURCE = 'fairword';

/** Options the client may pass as `initializationOptions`. */
export interface InitializationOptions {
  /** Delay before re-checking a changed document, in milliseconds (default 200; tests use 0). */
  debounceMs?: number;
  /**
   * How long a finding in the word being typed waits before it is shown, in milliseconds (default 1500).
   * It is shown sooner when the next change moves away from that word. 0 shows findings at once.
   */
  typingDelayMs?: number;
  /**
   * The client answers the `fairword/fs/*` requests below, so the server can read `.fairword.yaml`, ignore files
   * and documents in folders it cannot reach itself (a browser, or a virtual workspace such as github.dev).
   */
  fileSystem?: boolean;
  /**
   * The editor's own hover already shows the message of each error, warning and information diagnostic under the
   * mouse, as VS Code's does; Fairword's hover then leaves those messages out and starts with what to write instead.
   */
  editorHoverShowsMessages?: boolean;
  /**
   * The client runs the `fairword.ignoreHere` command itself (it asks the user for a reason before inserting the
   * comment). Only then does the quick-fix menu offer "Ignore here…": other editors would get a command nobody runs.
   */
  ignoreHere?: boolean;
}

/** When documents are checked: as you type, when saved, or only when asked for ("Fairword: Check this file"). */
export type RunMode = 'onType' | 'onSave' | 'manual';

/** The `fairword.*` settings, read per document through `workspace/configuration` (section `fairword`). */
export interface FairwordSettings {
  /** Check documents in this folder at all. */
  enable: boolean;
  run: RunMode;
  /** Findings below this severity are not shown. */
  minimumSeverity: Severity;
  /** Files larger than this many bytes are not checked, unless `.fairword.yaml` sets `maxFileSize`. */
  maxFileSize: number;
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
  /** Set when the first suggestion is safe to apply without asking (fix-all, fix on save). */
  safe?: true;
  insert?: DiagnosticInsert;
  /** Set for findings about the whole document (a missing statement), which inline directives cannot silence. */
  scope?: 'document';
}

/** Parameters of {@link ValidatedNotification}. */
export interface ValidatedParams {
  uri: string;
  /**
   * The document version that was checked (the version of the matching publishDiagnostics);
   * null for a file that is not open (checked from disk by "Check all files", or a `.fairword.yaml`).
   */
  version: number | null;
  /** Number of diagnostics published. */
  count: number;
  /** Set when the check failed: diagnostics were cleared and this says why. */
  error?: string;
  /** Findings held back because they touch the word being typed; they follow in a second publish. */
  held?: number;
}

/**
 * `fairword/validated` (server → client): sent after every check of a document, just after its publishDiagnostics
 * (which is left out when the diagnostics are the same as those already published for that version); tests and the
 * client wait on it.
 */
export const ValidatedNotification = new NotificationType<ValidatedParams>('fairword/validated');

/** Where the document kind came from: chosen by the user, `kinds` in `.fairword.yaml`, front matter, the text, or the default. */
export type KindSource = 'override' | 'config' | 'front-matter' | 'text' | 'default';

/** Why a document was not checked. */
export type SkipReason = 'disabled' | 'ignored' | 'too-large' | 'manual';

/**
 * How many diagnostics of each severity were published for a document. Errors, warnings and information are what
 * the Problems panel lists and VS Code's status bar counts; hints are drawn as dots under the text and not listed.
 */
export type SeverityCounts = Record<Severity, number>;

/** How many of `findings` there are of each severity. */
export function countBySeverity(findings: ReadonlyArray<{ severity: Severity }>): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Parameters of {@link StatusNotification}. */
export interface StatusParams {
  uri: string;
  version: number;
  /** The kind the document was checked as, and where that came from; absent when it was not checked. */
  kind?: DocumentKind;
  kindSource?: KindSource;
  /** When the text decided the kind: the signs that decided it, in words ("a closing date", "recruiting language"). */
  kindEvidence?: string[];
  /** Number of findings at or above `fairword.minimumSeverity`, all of them even when only some are published. */
  count: number;
  /**
   * The diagnostics published with this status, by severity: what the Problems panel lists and VS Code's status bar
   * counts (with a `too-many-findings` notice among the information when `truncated` is set).
   */
  counts: SeverityCounts;
  /**
   * Set when there are more findings than the server publishes for one document (1,000, as the CLI lists): the
   * number published (the most serious first) and the number found. A `too-many-findings` diagnostic says so too.
   */
  truncated?: { shown: number; total: number };
  /** Set when the document was not checked: a code, and a sentence to show people. */
  skipped?: { reason: SkipReason; message: string };
  /** The `.fairword.yaml` in force, and how many mistakes it has (with mistakes, its last good version is used). */
  config?: { path: string; errors: number };
}

/** `fairword/status` (server → client): what happened to an open document; sent with each publish of its diagnostics, just before it. */
export const StatusNotification = new NotificationType<StatusParams>('fairword/status');

/** Parameters of {@link SetKindNotification}. */
export interface SetKindParams {
  uri: string;
  /** The kind to check the document as; null goes back to detecting it. */
  kind: DocumentKind | null;
}

/** `fairword/setKind` (client → server): check one open document as a given kind (until it closes); it is re-checked at once. */
export const SetKindNotification = new NotificationType<SetKindParams>('fairword/setKind');

/** Parameters of {@link CheckDocumentRequest}. */
export interface CheckDocumentParams {
  uri: string;
}

/** `fairword/check` (client → server): check an open document now, whatever `fairword.run` says; null when it is not open. */
export const CheckDocumentRequest = new RequestType<CheckDocumentParams, ValidatedParams | null, void>('fairword/check');

/** Parameters of {@link LintWorkspaceRequest}; pass a `workDoneToken` to receive `$/progress`. */
export type LintWorkspaceParams = WorkDoneProgressParams;

/** What "Check all files" found. */
export interface LintWorkspaceResult {
  /** Markdown and text files checked (open ones included). */
  files: number;
  /** Files with at least one finding. */
  filesWithFindings: number;
  /** Findings in all files. */
  findings: number;
  /** Files not checked (too large, or turned off in their folder). */
  skipped: number;
  /** True when the request was cancelled before every file was checked. */
  cancelled: boolean;
}

/**
 * `fairword/lintWorkspace` (client → server): checks every Markdown and text file in the workspace folders
 * (respecting .gitignore, .fairwordignore and `ignore`), publishes diagnostics for files that are not open,
 * and keeps them current as files change.
 */
export const LintWorkspaceRequest = new RequestType<LintWorkspaceParams, LintWorkspaceResult, void>('fairword/lintWorkspace');

/** Parameters of {@link ConfigFileRequest}: a document, or a workspace folder, whose config file is wanted. */
export interface ConfigFileParams {
  uri: string;
}

/** Where the config file for a document is (or would be created), and whether it exists. */
export interface ConfigFileResult {
  path: string;
  uri: string;
  exists: boolean;
  /** Starter text for a new config file. */
  template: string;
}

/** `fairword/configFile` (client → server): the `.fairword.yaml` that applies to a document, or where to create one; null when there is nowhere to put it. */
export const ConfigFileRequest = new RequestType<ConfigFileParams, ConfigFileResult | null, void>('fairword/configFile');

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
  /** When the text decided the kind: the signs that decided it. */
  kindEvidence?: string[];
  /** The engine's DocumentReport (see rules/src/types.ts), computed with `report: true`. */
  report: Record<string, unknown>;
  /** Findings in the document, for the chart and for links to their places. */
  findings: Array<{ ruleId: string; category: string; severity: string; message: string; line: number; character: number }>;
}

/**
 * `fairword/report` (client → server): the inclusivity report of an open document (computed even when the
 * document is turned off or ignored); null when it is not open, not Markdown or text, or too large to check.
 */
export const ReportRequest = new RequestType<ReportParams, ReportResult | null, void>('fairword/report');

/** Parameters of {@link FindingsRequest}. */
export interface FindingsParams {
  uri: string;
}

/** Everything the engine found in one open document, as the CLI's JSON output has it. */
export interface FindingsResult {
  uri: string;
  version: number;
  kind: DocumentKind;
  /** The engine's findings (offsets into the document's text), at or above the `fairword.minimumSeverity` setting. */
  findings: Finding[];
  /** The engine's DocumentReport for recruitment documents; empty for others. */
  report: LintResult['report'];
}

/**
 * `fairword/findings` (client → server): checks an open document now and returns its findings in full; the
 * client builds a reviewed Word document from them. Null when it is not open, not text, or too large to check.
 */
export const FindingsRequest = new RequestType<FindingsParams, FindingsResult | null, void>('fairword/findings');

/** Arguments of the client command {@link IGNORE_HERE_COMMAND}, carried by the "Ignore here…" quick fix. */
export interface IgnoreHereArgs {
  uri: string;
  /** The document version the quick fix was made for. */
  version: number;
  /** The line the finding starts on; the directive goes on its own line above it. */
  line: number;
  ruleId: string;
  actual: string;
  format: 'markdown' | 'plaintext';
  /** The indentation of `line`, repeated on the directive line. */
  indent: string;
}

/** Client command: asks for a reason, then inserts a `fairword-disable-next-line` directive above the finding. */
export const IGNORE_HERE_COMMAND = 'fairword.ignoreHere';

/** Arguments of the server command {@link ALLOW_TERM_COMMAND}. */
export interface AllowTermArgs {
  /** The document the term was found in; the config file that applies to it is changed. */
  uri: string;
  term: string;
}

/** Server command (workspace/executeCommand): adds a term to `allow` in the `.fairword.yaml` that applies. */
export const ALLOW_TERM_COMMAND = 'fairword.allowTerm';

/** Arguments of the server command {@link TURN_OFF_RULE_COMMAND}. */
export interface TurnOffRuleArgs {
  uri: string;
  ruleId: string;
}

/** Server command (workspace/executeCommand): sets `rules.<id>: off` in the `.fairword.yaml` that applies. */
export const TURN_OFF_RULE_COMMAND = 'fairword.turnOffRule';

/** Code action kind of "Fix all Fairword replacements in this file", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.fairword';

/** What a URI names, as bit flags (the values of `vscode.FileType`): a link to a file is `File | SymbolicLink`. */
export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;

/** Parameters of the `fairword/fs/*` requests: one URI. */
export interface FileParams {
  uri: string;
}

/** What {@link StatRequest} answers for something that exists. */
export interface FileStat {
  /** {@link FileType} flags. */
  type: number;
  /** Size in bytes. */
  size: number;
}

/** `fairword/fs/stat` (server → client): what is at a URI; null when nothing is there. */
export const StatRequest = new RequestType<FileParams, FileStat | null, void>('fairword/fs/stat');

/** A file's bytes, base64-encoded (JSON carries no bytes). */
export interface FileContent {
  base64: string;
}

/** `fairword/fs/readFile` (server → client): a file's bytes; an error (with `data.code`, e.g. "FileNotFound") when it cannot be read. */
export const ReadFileRequest = new RequestType<FileParams, FileContent, { code: string }>('fairword/fs/readFile');

/** `fairword/fs/readDirectory` (server → client): the entries of a folder as [name, {@link FileType}] pairs. */
export const ReadDirectoryRequest = new RequestType<FileParams, Array<[string, number]>, { code: string }>('fairword/fs/readDirectory');

/** Parameters of {@link WriteFileRequest}. */
export interface WriteFileParams extends FileParams, FileContent {}

/** `fairword/fs/writeFile` (server → client): replaces a Fairword config file (the client refuses any other name). */
export const WriteFileRequest = new RequestType<WriteFileParams, void, { code: string }>('fairword/fs/writeFile');
