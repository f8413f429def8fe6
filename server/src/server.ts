/**
 * Fairword language server: a thin adapter from LSP documents to the @fairword/rules engine.
 * Transport comes from argv (`--stdio`, `--node-ipc`, `--socket=`), as vscode-languageserver does.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DOCUMENT_KINDS,
  createLinter,
  formatFromFilename,
  getRule,
  parseConfig,
  type ConfigError,
  type DocumentKind,
  type Finding,
  type Format,
  type Linter,
  type LintOptions,
  type LintResult,
  type LintSession,
} from '@fairword/rules';
import { CONFIG_NAMES, findConfigFile } from '@fairword/rules/node';
import { ResyncingMessageReader } from './transport.js';
import { codeActionsFor, fixAllAction, safeFixEdits, stableFixEdits, wants } from './actions.js';
import { CONFIG_TEMPLATE, allowTerm, termToAllow, turnOffRule, type ConfigEdit } from './config-edit.js';
import { ConfigStore, type ConfigEntry } from './configs.js';
import { configDiagnostics, isDiagnosticData, toDiagnostic } from './diagnostics.js';
import { FAIRWORD_IGNORE, IgnoreFiles, TEXT_FILES_GLOB, fileUri, walk } from './files.js';
import { hoverMarkdown } from './hover.js';
import {
  ALLOW_TERM_COMMAND,
  CheckDocumentRequest,
  ConfigFileRequest,
  DIAGNOSTIC_SOURCE,
  DOCX_SCHEME,
  FIX_ALL_KIND,
  FindingsRequest,
  LintWorkspaceRequest,
  ReportRequest,
  SetKindNotification,
  StatusNotification,
  TURN_OFF_RULE_COMMAND,
  ValidatedNotification,
  type AllowTermArgs,
  type ConfigFileResult,
  type FindingsResult,
  type FairwordSettings,
  type InitializationOptions,
  type KindSource,
  type LintWorkspaceResult,
  type ReportResult,
  type StatusParams,
  type TurnOffRuleArgs,
  type ValidatedParams,
} from './protocol.js';
import { DEFAULT_SETTINGS, formatBytes, isShown, readSettings } from './settings.js';
import { caretAfter, holdBack } from './typing.js';

const CONFIG_GLOB = '**/.fairword.{yaml,yml,json}';
const IGNORE_GLOB = `**/{${FAIRWORD_IGNORE},.gitignore}`;
const DEFAULT_DEBOUNCE_MS = 200;
const DEFAULT_TYPING_DELAY_MS = 1500;

/** What a check of one document came to. */
interface Analysis {
  /** Findings shown (at or above `fairword.minimumSeverity`). */
  findings: Finding[];
  kind?: DocumentKind;
  kindSource?: KindSource;
  report?: LintResult['report'];
  skipped?: NonNullable<StatusParams['skipped']>;
  config?: NonNullable<StatusParams['config']>;
}

/** The last check of an open document. */
interface DocumentResult {
  version: number;
  analysis?: Analysis;
  /** Every finding of that version (shown and held back). */
  findings: Finding[];
}

/** Why a document is being checked; decides what `fairword.run` allows. */
type Trigger = 'open' | 'change' | 'save' | 'refresh' | 'manual';

// Over stdio, messages are read with a reader that recovers from bad framing; IPC and sockets use the defaults.
const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, new ResyncingMessageReader(process.stdin), new StreamMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);

/** Where the caret was after the last change of each document, if that change was typing. */
const carets = new Map<string, { version: number; offset: number }>();

const documents = new TextDocuments<TextDocument>({
  create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
  update: (document, changes, version) => {
    const updated = TextDocument.update(document, changes, version);
    guard('tracking the caret', undefined, () => trackCaret(updated, changes));
    return updated;
  },
});

let debounceMs = DEFAULT_DEBOUNCE_MS;
let typingDelayMs = DEFAULT_TYPING_DELAY_MS;
let canWatchFiles = false;
let canPullSettings = false;
let supportsFolderChanges = false;
/** Settings pushed with didChangeConfiguration, for clients that cannot answer workspace/configuration. */
let pushedSettings: FairwordSettings = { ...DEFAULT_SETTINGS };
/** Workspace folders, as paths, longest first. */
let folders: string[] = [];

const settingsCache = new Map<string, Promise<FairwordSettings>>();
const results = new Map<string, DocumentResult>();
const kindOverrides = new Map<string, DocumentKind>();
const timers = new Map<string, NodeJS.Timeout>();
const holdTimers = new Map<string, NodeJS.Timeout>();
const justOpened = new Set<string>();
/** Config files whose diagnostics currently show mistakes. */
const configsWithErrors = new Set<string>();
const gitIgnores = new IgnoreFiles('.gitignore');
const fairwordIgnores = new IgnoreFiles(FAIRWORD_IGNORE);

/** Whether "Check all files" has run: files that are not open then keep their diagnostics, kept current. */
let workspaceMode = false;
let textWatcherRegistered = false;
/** URIs of files that are not open and have diagnostics published from disk. */
const diskPublished = new Set<string>();
/** Bumped by every refresh of the files on disk, so an older refresh stops. */
let diskGeneration = 0;

const configs = new ConfigStore((file, text, errors, keptLastGood) => publishConfigErrors(file, text, errors, keptLastGood));

const describe = (err: unknown): string => (err instanceof Error ? (err.stack ?? err.message) : String(err));

/** Runs a fire-and-forget promise, logging instead of losing its failure. */
function run(what: string, promise: Promise<unknown>): void {
  promise.catch((err: unknown) => connection.console.error(`Fairword: ${what} failed: ${describe(err)}`));
}

/** Runs a handler, logging any error and answering `fallback` instead. */
function guard<T>(what: string, fallback: T, handler: () => T): T {
  try {
    return handler();
  } catch (err) {
    connection.console.error(`Fairword: ${what} failed: ${describe(err)}`);
    return fallback;
  }
}

/** Runs an async handler, logging any error or rejection and answering `fallback` instead. */
async function guardAsync<T>(what: string, fallback: T, handler: () => Promise<T>): Promise<T> {
  try {
    return await handler();
  } catch (err) {
    connection.console.error(`Fairword: ${what} failed: ${describe(err)}`);
    return fallback;
  }
}

function filePath(uri: string): string | undefined {
  try {
    // The text of a Word document (client/src/docx.ts) has the config, kind and ignore rules of the file itself.
    if (uri.startsWith(`${DOCX_SCHEME}:`)) return fileURLToPath(`file:${uri.slice(DOCX_SCHEME.length + 1)}`);
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function formatOf(document: TextDocument): Format | undefined {
  if (document.languageId === 'markdown') return 'markdown';
  if (document.languageId === 'plaintext') return 'plaintext';
  const name = decodeURIComponent(document.uri.replace(/[?#].*$/, '').split('/').pop() ?? '');
  return formatFromFilename(name);
}

/** The workspace folder a file is in (the innermost), if any. */
function folderOf(file: string): string | undefined {
  return folders.find((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
}

/** The open document for a file path, if any (compared by path, so URI spelling does not matter). */
function openDocumentFor(file: string): TextDocument | undefined {
  return documents.all().find((d) => filePath(d.uri) === file);
}

const isCurrent = (uri: string, version: number): boolean => documents.get(uri)?.version === version;

/** Records where the caret ended up after a change, when that change looks like typing. */
function trackCaret(updated: TextDocument, changes: TextDocumentContentChangeEvent[]): void {
  const last = changes.at(-1);
  const start = last && 'range' in last ? updated.offsetAt(last.range.start) : undefined;
  const offset = last ? caretAfter(last, start) : undefined;
  if (offset === undefined) carets.delete(updated.uri);
  else carets.set(updated.uri, { version: updated.version, offset });
}

// ---------------------------------------------------------------------------------------------------------
// Settings and config

/** The `fairword` settings for a document, asked of the client once per workspace folder until they change. */
function settingsFor(uri: string): Promise<FairwordSettings> {
  if (!canPullSettings) return Promise.resolve(pushedSettings);
  const file = filePath(uri);
  const key = (file && folderOf(file)) ?? uri;
  let settings = settingsCache.get(key);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'fairword' }).then(readSettings, (err: unknown) => {
      connection.console.error(`Fairword: reading settings failed: ${describe(err)}`);
      return { ...DEFAULT_SETTINGS };
    });
    settingsCache.set(key, settings);
  }
  return settings;
}

/** The config for a document: the nearest config file above it; for an untitled one, the first workspace folder's. */
function configForUri(uri: string): ConfigEntry {
  const file = filePath(uri);
  if (file) return configs.forFile(file);
  const folder = folders.at(-1);
  return folder ? configs.forFolder(folder) : configs.defaults();
}

/** Publishes a config file's mistakes on the file itself (and clears them once it is fixed). */
function publishConfigErrors(file: string, text: string, errors: ConfigError[], keptLastGood: boolean): void {
  for (const e of errors) connection.console.warn(`Fairword: ${file}:${e.line + 1}:${e.character + 1}: ${e.message}`);
  if (errors.length === 0 && !configsWithErrors.delete(file)) return;
  if (errors.length > 0) configsWithErrors.add(file);
  run(`publishing the mistakes in ${file}`, publishDisk(fileUri(file), configDiagnostics(text, errors, keptLastGood)));
}

/** Where the config file for a document or folder is, or would be created. */
function configTarget(uri: string): { path: string; exists: boolean } | undefined {
  const file = filePath(uri);
  let start: string | undefined;
  if (file) start = existsSync(file) && statSync(file).isDirectory() ? file : path.dirname(file);
  else start = folders.at(-1);
  if (!start) return undefined;
  const found = findConfigFile(start);
  if (found) return { path: found, exists: true };
  return { path: path.join((file && folderOf(file)) ?? start, CONFIG_NAMES[0]!), exists: false };
}

/** The path of a config file as shown to people: relative to its workspace folder. */
function shownPath(file: string): string {
  const folder = folderOf(file);
  return folder ? path.relative(folder, file).split(path.sep).join('/') : file;
}

// ---------------------------------------------------------------------------------------------------------
// Checking

/** Checks one text with the settings and config that apply to it. `explicit` checks it even when it is turned off or ignored. */
function analyse(
  uri: string,
  text: string,
  format: Format,
  settings: FairwordSettings,
  options: { report?: boolean; explicit?: boolean; fresh?: boolean } = {},
): Analysis {
  const file = filePath(uri);
  const entry = configForUri(uri);
  const config = entry.path ? { path: entry.path, errors: entry.errors.length } : undefined;
  const skip = (reason: NonNullable<Analysis['skipped']>['reason'], message: string): Analysis => ({
    findings: [],
    skipped: { reason, message },
    ...(config ? { config } : {}),
  });
  if (!options.explicit) {
    if (!settings.enable) return skip('disabled', 'Fairword is turned off for this folder (the fairword.enable setting).');
    if (file && entry.isIgnored(file)) {
      return skip('ignored', `This file is not checked: it matches the "ignore" list in ${path.basename(entry.path ?? CONFIG_NAMES[0]!)}.`);
    }
    if (file && fairwordIgnores.ignores(file, folderOf(file) ?? path.dirname(file))) {
      return skip('ignored', `This file is not checked: it is listed in ${FAIRWORD_IGNORE}.`);
    }
  }
  const limit = entry.config.maxFileSize ?? settings.maxFileSize;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limit) {
    const where = entry.config.maxFileSize ? `maxFileSize in ${path.basename(entry.path ?? CONFIG_NAMES[0]!)}` : 'the fairword.maxFileSize setting';
    return skip(
      'too-large',
      `This file is not checked: it is ${formatBytes(size)}, larger than the limit of ${formatBytes(limit)}. To check it, raise ${where}.`,
    );
  }
  const override = kindOverrides.get(uri);
  const fromConfig = file ? entry.kindFor(file) : undefined;
  const kind = override ?? fromConfig;
  const lintOptions = {
    format,
    ...(file ? { filename: file } : {}),
    ...(kind ? { kind } : {}),
    ...(options.report ? { report: true } : {}),
  };
  // A hypothetical text (fix-all checking its own result) must not move the document's session.
  const result = options.fresh ? entry.linter().lint(text, lintOptions) : sessionFor(uri, entry.linter(), lintOptions).lint(text);
  const kindSource: KindSource = override ? 'override' : fromConfig ? 'config' : result.kindSource === 'option' ? 'default' : result.kindSource;
  return {
    findings: result.findings.filter((f) => isShown(f.severity, settings.minimumSeverity)),
    kind: result.kind,
    kindSource,
    report: result.report,
    ...(config ? { config } : {}),
  };
}

/** One lint session per document: a keystroke re-analyses only the part of the document it changed. */
const sessions = new Map<string, { linter: Linter; key: string; session: LintSession }>();

/** The document's lint session, started afresh when its linter (config) or options change. */
function sessionFor(uri: string, linter: Linter, options: LintOptions): LintSession {
  const key = JSON.stringify(options);
  const known = sessions.get(uri);
  if (known && known.linter === linter && known.key === key) return known.session;
  const session = linter.session(options);
  sessions.set(uri, { linter, key, session });
  return session;
}

/** Publishes status, diagnostics and `fairword/validated` for an open document, all queued at once. */
function send(uri: string, version: number, analysis: Analysis | undefined, shown: Finding[], all: Finding[], error?: string): Promise<ValidatedParams> {
  const diagnostics = shown.map((f) => toDiagnostic(f, uri));
  const status: StatusParams = { uri, version, count: all.length };
  if (analysis?.kind) status.kind = analysis.kind;
  if (analysis?.kindSource) status.kindSource = analysis.kindSource;
  if (analysis?.skipped) status.skipped = analysis.skipped;
  if (analysis?.config) status.config = analysis.config;
  const validated: ValidatedParams = { uri, version, count: diagnostics.length };
  if (error !== undefined) validated.error = error;
  if (shown.length < all.length) validated.held = all.length - shown.length;
  return Promise.all([
    connection.sendNotification(StatusNotification, status),
    connection.sendDiagnostics({ uri, version, diagnostics }),
    connection.sendNotification(ValidatedNotification, validated),
  ]).then(() => validated);
}

/**
 * Publishes the check of an open document. With a `caret`, findings touching the word there are held back
 * until the typing delay has passed (or the next check, once the caret has moved on).
 */
function publishDocument(document: TextDocument, analysis: Analysis | undefined, error: string | undefined, caret: number | undefined): Promise<ValidatedParams> {
  const { uri, version } = document;
  clearTimeout(holdTimers.get(uri));
  holdTimers.delete(uri);
  const all = analysis?.findings ?? [];
  results.set(uri, { version, findings: all, ...(analysis ? { analysis } : {}) });
  const { shown, held } = typingDelayMs > 0 ? holdBack(all, document.getText(), caret) : { shown: all, held: [] };
  if (held.length > 0) {
    holdTimers.set(
      uri,
      setTimeout(() => {
        holdTimers.delete(uri);
        if (isCurrent(uri, version)) run(`showing the findings held for ${uri}`, send(uri, version, analysis, all, all));
      }, typingDelayMs),
    );
  }
  return send(uri, version, analysis, shown, all, error);
}

/** Checks one open document version and publishes the result, unless a newer version has arrived or it closed. */
async function validate(document: TextDocument, trigger: Trigger): Promise<ValidatedParams | undefined> {
  const { uri, version } = document;
  const settings = await settingsFor(uri);
  if (!isCurrent(uri, version)) return undefined;
  const previous = results.get(uri);
  if (settings.run === 'manual' && trigger !== 'manual' && !(trigger === 'refresh' && previous?.analysis && !previous.analysis.skipped)) {
    if (trigger === 'open' || trigger === 'refresh') {
      const message = 'Checking is set to manual. Run "Fairword: Check this file" to check it.';
      return publishDocument(document, { findings: [], skipped: { reason: 'manual', message } }, undefined, undefined);
    }
    return undefined;
  }
  if (trigger === 'change' && settings.run !== 'onType') return undefined;
  if (trigger === 'save' && previous?.version === version && previous.analysis && !previous.analysis.skipped) return undefined;
  const format = formatOf(document);
  if (!format) return undefined;
  let analysis: Analysis | undefined;
  let error: string | undefined;
  try {
    analysis = analyse(uri, document.getText(), format, settings);
  } catch (err) {
    // A failed check clears stale diagnostics and says why; it never takes the server down.
    error = err instanceof Error ? err.message : String(err);
    connection.console.error(`Fairword: could not check ${uri}: ${describe(err)}`);
  }
  if (!isCurrent(uri, version)) return undefined;
  const caret = trigger === 'change' && settings.run === 'onType' ? carets.get(uri) : undefined;
  return publishDocument(document, analysis, error, caret?.version === version ? caret.offset : undefined);
}

/** Checks a document after `delay` ms, replacing any check already waiting for it. */
function schedule(uri: string, delay: number, trigger: Trigger): void {
  clearTimeout(timers.get(uri));
  timers.delete(uri);
  const check = (): void => {
    timers.delete(uri);
    const document = documents.get(uri);
    if (document) run(`checking ${uri}`, validate(document, trigger));
  };
  if (delay <= 0) check();
  else timers.set(uri, setTimeout(check, delay));
}

/** Re-checks every open document, and the files on disk after "Check all files" (settings or config changed). */
function refreshAll(): void {
  for (const document of documents.all()) schedule(document.uri, 0, 'refresh');
  if (workspaceMode) run('re-checking files on disk', checkDisk(undefined));
}

// ---------------------------------------------------------------------------------------------------------
// Files that are not open ("Check all files")

/** Publishes diagnostics for a file that is not open, then `fairword/validated` with version null. */
function publishDisk(uri: string, diagnostics: Diagnostic[]): Promise<unknown> {
  if (diagnostics.length > 0) diskPublished.add(uri);
  else diskPublished.delete(uri);
  return Promise.all([
    connection.sendDiagnostics({ uri, diagnostics }),
    connection.sendNotification(ValidatedNotification, { uri, version: null, count: diagnostics.length }),
  ]);
}

/** Whether a folder or file on disk is left out of "Check all files". */
function excluded(file: string, isDir: boolean): boolean {
  const root = folderOf(file) ?? path.dirname(file);
  if (gitIgnores.ignores(file, root, isDir) || fairwordIgnores.ignores(file, root, isDir)) return true;
  return !isDir && configs.forFile(file).isIgnored(file);
}

/** Checks one file that is not open, from disk, and publishes its diagnostics (even none, with `publishEmpty`). */
async function checkFromDisk(file: string, publishEmpty = false): Promise<{ count: number; skipped: boolean }> {
  const uri = fileUri(file);
  const opened = openDocumentFor(file);
  if (opened) {
    let result = results.get(opened.uri);
    if (!result || result.version !== opened.version) {
      await validate(opened, 'refresh');
      result = results.get(opened.uri);
    }
    return { count: result?.findings.length ?? 0, skipped: result?.analysis?.skipped !== undefined };
  }
  const format = formatFromFilename(file);
  const settings = await settingsFor(uri);
  if (!format || !settings.enable || excluded(file, false)) {
    if (diskPublished.has(uri)) await publishDisk(uri, []);
    return { count: 0, skipped: true };
  }
  const limit = configs.forFile(file).config.maxFileSize ?? settings.maxFileSize;
  let text: string;
  try {
    const handle = await open(file);
    try {
      if ((await handle.stat()).size > limit) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
      const bytes = await handle.readFile();
      if (bytes.subarray(0, 8192).includes(0)) throw Object.assign(new Error('binary'), { code: 'EBINARY' });
      text = new TextDecoder().decode(bytes);
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EFBIG' && code !== 'EBINARY' && code !== 'ENOENT') connection.console.warn(`Fairword: cannot read ${file}: ${describe(err)}`);
    if (diskPublished.has(uri)) await publishDisk(uri, []);
    return { count: 0, skipped: true };
  }
  if (openDocumentFor(file)) return { count: 0, skipped: false };
  const analysis = analyse(uri, text, format, settings);
  const diagnostics = analysis.findings.map((f) => toDiagnostic(f, uri));
  if (diagnostics.length > 0 || publishEmpty || diskPublished.has(uri)) await publishDisk(uri, diagnostics);
  return { count: diagnostics.length, skipped: analysis.skipped !== undefined };
}

/** Every Markdown and text file in the workspace folders that "Check all files" looks at. */
async function workspaceFiles(cancelled: () => boolean): Promise<string[]> {
  const found = new Set<string>();
  for (const folder of folders) {
    for (const file of await walk(folder, excluded, cancelled)) found.add(file);
  }
  return [...found].sort();
}

/** Watches Markdown and text files once "Check all files" has run, to keep their diagnostics current. */
function watchTextFiles(): void {
  if (textWatcherRegistered || !canWatchFiles) return;
  textWatcherRegistered = true;
  run(
    'watching Markdown and text files',
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: TEXT_FILES_GLOB }] }),
  );
}

/**
 * Checks the files on disk and publishes their diagnostics; files that dropped out (now ignored, deleted)
 * are cleared. Reports progress and stops when cancelled or when a newer refresh starts.
 */
async function checkDisk(
  progress: { report(percentage: number, message: string): void } | undefined,
  cancelled: () => boolean = () => false,
): Promise<LintWorkspaceResult> {
  const generation = ++diskGeneration;
  const stop = (): boolean => cancelled() || generation !== diskGeneration;
  const result: LintWorkspaceResult = { files: 0, filesWithFindings: 0, findings: 0, skipped: 0, cancelled: false };
  const files = await workspaceFiles(stop);
  const seen = new Set<string>();
  for (const [i, file] of files.entries()) {
    if (stop()) {
      result.cancelled = true;
      return result;
    }
    seen.add(fileUri(file));
    const outcome = await checkFromDisk(file);
    if (outcome.skipped) result.skipped++;
    else result.files++;
    if (outcome.count > 0) result.filesWithFindings++;
    result.findings += outcome.count;
    progress?.report(Math.floor(((i + 1) * 100) / files.length), `${i + 1} of ${files.length}: ${shownPath(file)}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const uri of [...diskPublished]) {
    const file = filePath(uri);
    if (!seen.has(uri) && file && !configsWithErrors.has(file)) await publishDisk(uri, []);
  }
  return result;
}

/** A Markdown or text file changed on disk after "Check all files": re-check or clear it. */
function diskFileChanged(event: FileEvent): void {
  const file = filePath(event.uri);
  if (!file || openDocumentFor(file)) return;
  if (event.type === FileChangeType.Deleted) {
    const uri = fileUri(file);
    if (diskPublished.has(uri)) run(`clearing ${uri}`, publishDisk(uri, []));
    return;
  }
  if (folderOf(file) === undefined) return;
  run(`checking ${file}`, checkFromDisk(file));
}

// ---------------------------------------------------------------------------------------------------------
// Changing the config file from a quick fix

/** Whether adding `term` to `allow` silences findings of `ruleId` (true for word rules, false for logic rules); found by trying, once per rule. */
function isAllowable(entry: ConfigEntry, ruleId: string, term: string, text: string, format: Format, kind: DocumentKind | undefined): boolean {
  const known = entry.allowable.get(ruleId);
  if (known !== undefined) return known;
  const options = { format, ...(kind ? { kind } : {}) };
  const before = entry.linter().lint(text, options).findings.find((f) => f.ruleId === ruleId && termToAllow(f.actual) === term);
  if (!before) return false;
  const probe = createLinter({ ...entry.config, allow: [...(entry.config.allow ?? []), term] });
  const after = probe.lint(text, options).findings.some((f) => f.ruleId === ruleId && f.offset.start === before.offset.start);
  entry.allowable.set(ruleId, !after);
  return !after;
}

/** Applies an edit to the config file that applies to `uri` (creating it at the workspace folder root if needed), then re-checks. */
async function changeConfig(
  uri: string,
  change: (text: string, fileName: string) => ConfigEdit,
  say: (shown: string, outcome: 'created' | 'changed' | 'unchanged') => string,
): Promise<{ path: string; changed: boolean } | null> {
  const target = configTarget(uri);
  if (!target) {
    void connection.window.showErrorMessage('Fairword could not tell where to keep its settings. Save this file in a folder first.');
    return null;
  }
  const shown = shownPath(target.path);
  const text = target.exists ? readFileSync(target.path, 'utf8') : '';
  const first = target.exists ? parseConfig(text, target.path).errors[0] : undefined;
  const result: ConfigEdit = first
    ? { error: `line ${first.line + 1} has a mistake (${first.message}). Fix it first, then try again.` }
    : change(text, path.basename(target.path));
  if ('error' in result) {
    void connection.window.showErrorMessage(`Fairword could not change ${shown}: ${result.error}`);
    return null;
  }
  if (result.changed) {
    writeFileSync(target.path, result.text, 'utf8');
    configs.changed(target.path, false);
    refreshAll();
  }
  const outcome = !result.changed ? 'unchanged' : target.exists ? 'changed' : 'created';
  const openIt = { title: `Open ${path.basename(target.path)}` };
  run(
    'telling the user about the settings change',
    connection.window.showInformationMessage(say(shown, outcome), openIt).then((choice) => {
      if (choice) return connection.window.showDocument({ uri: fileUri(target.path), takeFocus: true });
      return undefined;
    }),
  );
  return { path: target.path, changed: result.changed };
}

// ---------------------------------------------------------------------------------------------------------
// LSP handlers

connection.onInitialize((params) => {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
  if (typeof options.typingDelayMs === 'number' && options.typingDelayMs >= 0) typingDelayMs = options.typingDelayMs;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canPullSettings = params.capabilities.workspace?.configuration === true;
  supportsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = uris
    .map(filePath)
    .filter((f): f is string => f !== undefined)
    .sort((a, b) => b.length - a.length);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      executeCommandProvider: { commands: [ALLOW_TERM_COMMAND, TURN_OFF_RULE_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'fairword' },
  };
});

connection.onInitialized(() => {
  if (canWatchFiles) {
    run(
      'watching config files',
      connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: CONFIG_GLOB }, { globPattern: IGNORE_GLOB }],
      }),
    );
  }
  if (supportsFolderChanges) {
    connection.workspace.onDidChangeWorkspaceFolders((e) =>
      guard('changing workspace folders', undefined, () => {
        const removed = new Set(e.removed.map((f) => filePath(f.uri)));
        const added = e.added.map((f) => filePath(f.uri)).filter((f): f is string => f !== undefined);
        folders = [...folders.filter((f) => !removed.has(f)), ...added].sort((a, b) => b.length - a.length);
        settingsCache.clear();
        refreshAll();
      }),
    );
  }
  // Mistakes in a workspace folder's own config file show at once, before any document is opened.
  guard('reading config files', undefined, () => {
    for (const folder of folders) {
      for (const name of CONFIG_NAMES) {
        const file = path.join(folder, name);
        if (existsSync(file)) {
          configs.forFolder(folder);
          break;
        }
      }
    }
  });
});


connection.onDidChangeConfiguration((change) =>
  guard('reading changed settings', undefined, () => {
    settingsCache.clear();
    if (!canPullSettings) {
      const settings = (change.settings as { fairword?: unknown } | null | undefined)?.fairword;
      pushedSettings = readSettings(settings);
    }
    refreshAll();
  }),
);

connection.onDidChangeWatchedFiles(({ changes }) =>
  guard('handling changed files', undefined, () => {
    let refresh = false;
    for (const change of changes) {
      const file = filePath(change.uri);
      if (!file) continue;
      const name = path.basename(file);
      if (CONFIG_NAMES.includes(name)) {
        configs.changed(file, change.type === FileChangeType.Deleted);
        refresh = true;
      } else if (name === FAIRWORD_IGNORE || name === '.gitignore') {
        fairwordIgnores.clear();
        gitIgnores.clear();
        refresh = true;
      } else if (workspaceMode && !refresh && formatFromFilename(name)) {
        diskFileChanged(change);
      }
    }
    if (refresh) refreshAll();
  }),
);

documents.onDidOpen((e) =>
  guard('opening a document', undefined, () => {
    const { uri } = e.document;
    justOpened.add(uri);
    // Diagnostics published from disk under another spelling of the URI give way to the open document's.
    const file = filePath(uri);
    const onDisk = file && fileUri(file);
    if (onDisk && onDisk !== uri && diskPublished.has(onDisk)) run(`clearing ${onDisk}`, publishDisk(onDisk, []));
  }),
);

documents.onDidChangeContent((e) =>
  guard('scheduling a check', undefined, () => {
    const { uri } = e.document;
    if (justOpened.delete(uri)) schedule(uri, 0, 'open');
    else schedule(uri, debounceMs, 'change');
  }),
);

documents.onDidSave((e) => guard('checking a saved document', undefined, () => schedule(e.document.uri, 0, 'save')));

documents.onDidClose((e) =>
  guard('closing a document', undefined, () => {
    const { uri, version } = e.document;
    for (const map of [timers, holdTimers]) {
      clearTimeout(map.get(uri));
      map.delete(uri);
    }
    justOpened.delete(uri);
    results.delete(uri);
    carets.delete(uri);
    sessions.delete(uri);
    kindOverrides.delete(uri);
    settingsCache.delete(uri);
    const file = filePath(uri);
    // After "Check all files", a closed file keeps its diagnostics, now read from disk.
    if (workspaceMode && file && folderOf(file) && formatFromFilename(file) && !excluded(file, false)) {
      const onDisk = fileUri(file);
      if (onDisk !== uri) run(`clearing ${uri}`, connection.sendDiagnostics({ uri, diagnostics: [] }));
      run(`checking ${file}`, checkFromDisk(file, true));
      return;
    }
    run(
      `clearing ${uri}`,
      Promise.all([
        connection.sendDiagnostics({ uri, version, diagnostics: [] }),
        connection.sendNotification(ValidatedNotification, { uri, version, count: 0 }),
      ]),
    );
  }),
);

connection.onCodeAction((params) =>
  guardAsync<CodeAction[]>('code actions', [], async () => {
    const document = documents.get(params.textDocument.uri);
    const format = document && formatOf(document);
    if (!document || !format) return [];
    const { uri, version } = document;
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const wantsQuickFix = wants(only, CodeActionKind.QuickFix);
    const wantsFixAll = only !== undefined && wants(only, FIX_ALL_KIND);
    if (!wantsQuickFix && !wantsFixAll) return [];

    // Fix-all works on the findings of this very version: reuse the last check, or check now.
    let findings = results.get(uri)?.version === version ? results.get(uri)!.findings : undefined;
    if (findings === undefined && (wantsFixAll || params.context.diagnostics.length > 0)) {
      const settings = await settingsFor(uri);
      if (!isCurrent(uri, version)) return [];
      findings = analyse(uri, document.getText(), format, settings).findings;
    }
    const text = document.getText();
    let fixAll = safeFixEdits(text, findings ?? []);
    if (fixAll.length > 0) {
      const settings = await settingsFor(uri);
      if (!isCurrent(uri, version)) return [];
      fixAll = stableFixEdits(text, fixAll, (t) => analyse(uri, t, format, settings, { fresh: true }).findings);
    }

    if (wantsQuickFix) {
      const entry = configForUri(uri);
      const kind = results.get(uri)?.analysis?.kind;
      const lines = text.split(/\r?\n/);
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isDiagnosticData(diagnostic.data)) continue;
        const { ruleId, actual } = diagnostic.data;
        const { start, end } = diagnostic.range;
        const term = termToAllow(actual);
        const context = lines.slice(start.line, end.line + 1).join('\n');
        actions.push(
          ...codeActionsFor(diagnostic, {
            uri,
            version,
            format,
            lineText: lines[start.line] ?? '',
            textAtRange: document.getText(diagnostic.range),
            term,
            allowable: diagnostic.data.scope !== 'document' && guard('probing allow', false, () => isAllowable(entry, ruleId, term, context, format, kind)),
            canTurnOff: getRule(ruleId) !== undefined,
          }),
        );
      }
      // "Fix all" joins the menu of a finding that is itself safe to fix, when there is more than one such finding.
      const sameRange = (a: Range, b: Range): boolean =>
        a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
      const safeHere = params.context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE && fixAll.some((e) => sameRange(e.range, d.range)));
      if (fixAll.length > 1 && safeHere) actions.push(fixAllAction(uri, fixAll, CodeActionKind.QuickFix));
    }
    if (wantsFixAll && fixAll.length > 0) actions.push(fixAllAction(uri, fixAll, FIX_ALL_KIND));
    return actions;
  }),
);

connection.onHover((params) =>
  guard<Hover | null>('hover', null, () => {
    const document = documents.get(params.textDocument.uri);
    const result = results.get(params.textDocument.uri);
    if (!document || !result || result.version !== document.version) return null;
    const offset = document.offsetAt(params.position);
    const under = result.findings.filter((f) => f.offset.start <= offset && offset < f.offset.end);
    if (under.length === 0) return null;
    return { contents: { kind: 'markdown', value: hoverMarkdown(under) }, range: under[0]!.range };
  }),
);

connection.onExecuteCommand((params) =>
  guardAsync('running a command', null, async () => {
    const arg = params.arguments?.[0] as Record<string, unknown> | undefined;
    const uri = typeof arg?.['uri'] === 'string' ? arg['uri'] : undefined;
    if (!uri) return null;
    if (params.command === ALLOW_TERM_COMMAND && typeof arg?.['term'] === 'string') {
      const { term } = arg as unknown as AllowTermArgs;
      return changeConfig(
        uri,
        (text, name) => allowTerm(text, term, name),
        (shown, outcome) =>
          outcome === 'unchanged'
            ? `'${term}' is already allowed in ${shown}.`
            : `Fairword ${outcome === 'created' ? 'created' : 'updated'} ${shown}: '${term}' is now allowed and will not be flagged.`,
      );
    }
    if (params.command === TURN_OFF_RULE_COMMAND && typeof arg?.['ruleId'] === 'string') {
      const { ruleId } = arg as unknown as TurnOffRuleArgs;
      return changeConfig(
        uri,
        (text, name) => turnOffRule(text, ruleId, name),
        (shown, outcome) =>
          outcome === 'unchanged'
            ? `The '${ruleId}' rule is already off in ${shown}.`
            : `Fairword ${outcome === 'created' ? 'created' : 'updated'} ${shown}: the '${ruleId}' rule is now off.`,
      );
    }
    return null;
  }),
);

connection.onNotification(SetKindNotification, (params) =>
  guard('setting a document kind', undefined, () => {
    if (params.kind === null) kindOverrides.delete(params.uri);
    else if ((DOCUMENT_KINDS as readonly string[]).includes(params.kind)) kindOverrides.set(params.uri, params.kind);
    else return connection.console.warn(`Fairword: ignored an unknown document kind "${String(params.kind)}"`);
    if (documents.get(params.uri)) schedule(params.uri, 0, 'refresh');
  }),
);

connection.onRequest(CheckDocumentRequest, (params) =>
  guardAsync('checking a document', null, async () => {
    const document = documents.get(params.uri);
    return document ? ((await validate(document, 'manual')) ?? null) : null;
  }),
);

connection.onRequest(LintWorkspaceRequest, (params, token) =>
  guardAsync<LintWorkspaceResult>('checking all files', { files: 0, filesWithFindings: 0, findings: 0, skipped: 0, cancelled: true }, async () => {
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('Checking files', 0, 'Looking for Markdown and text files…', true);
    try {
      workspaceMode = true;
      watchTextFiles();
      return await checkDisk(progress, () => token.isCancellationRequested);
    } finally {
      progress.done();
    }
  }),
);

connection.onRequest(ConfigFileRequest, (params) =>
  guard<ConfigFileResult | null>('finding the config file', null, () => {
    const target = configTarget(params.uri);
    return target ? { ...target, uri: fileUri(target.path), template: CONFIG_TEMPLATE } : null;
  }),
);

connection.onRequest(FindingsRequest, (params) =>
  guardAsync<FindingsResult | null>('listing findings', null, async () => {
    const document = documents.get(params.uri);
    const format = document && formatOf(document);
    if (!document || !format) return null;
    const { uri, version } = document;
    const settings = await settingsFor(uri);
    if (!isCurrent(uri, version)) return null;
    const analysis = analyse(uri, document.getText(), format, settings, { explicit: true, fresh: true });
    if (analysis.skipped || !analysis.kind) return null;
    return { uri, version, kind: analysis.kind, findings: analysis.findings, report: analysis.report ?? {} };
  }),
);

connection.onRequest(ReportRequest, (params) =>
  guardAsync<ReportResult | null>('making a report', null, async () => {
    const document = documents.get(params.uri);
    const format = document && formatOf(document);
    if (!document || !format) return null;
    const { uri, version } = document;
    const settings = await settingsFor(uri);
    if (!isCurrent(uri, version)) return null;
    const analysis = analyse(uri, document.getText(), format, settings, { report: true, explicit: true });
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
  }),
);

connection.onShutdown(() => {
  for (const map of [timers, holdTimers]) {
    for (const timer of map.values()) clearTimeout(timer);
    map.clear();
  }
  diskGeneration++;
});

documents.listen(connection);
connection.listen();
