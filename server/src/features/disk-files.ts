/**
 * Diagnostics on files that are not open: "Check all files" (and keeping them current once it has run), and the
 * mistakes in a `.fairword.yaml`, shown on the file itself. A Word document's diagnostics are on its text view
 * (`fairword-docx:`), the text their ranges are in, so the Problems panel opens that view at the finding.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver';
import { capFindings, formatFromFilename, type ConfigError, type Format } from '@fairword/rules';
import type { ServerContext } from '../context.js';
import type { DocumentChecks } from './document-checks.js';
import { describe } from '../log.js';
import { ValidatedNotification, type LintWorkspaceResult } from '../protocol.js';
import { configDiagnostics, toDiagnostic } from './diagnostics.js';
import { FileSystemError, type FileSystem } from '../workspace/file-system.js';
import { displayPath, wordViewOf } from '../workspace/uris.js';
import { isWordDocumentName, TEXT_FILES_GLOB } from '../workspace/walk.js';

/** The files on disk that have diagnostics, for one server. */
export class DiskFiles {
  /** Whether "Check all files" has run: files that are not open then keep their diagnostics, kept current. */
  workspaceMode = false;
  /** Whether the client can watch files for the server; set at initialize. */
  canWatch = false;
  private textWatcherRegistered = false;
  /** URIs of files that are not open and have diagnostics published. */
  private readonly published = new Set<string>();
  /** Config files whose diagnostics currently show mistakes. */
  private readonly configsWithErrors = new Set<string>();
  /** Bumped by every refresh of the files on disk, so an older refresh stops. */
  private generation = 0;

  constructor(
    private readonly ctx: ServerContext,
    private readonly fs: FileSystem,
    private readonly checks: DocumentChecks,
  ) {}

  /** Publishes a config file's mistakes on the file itself (and clears them once it is fixed). */
  configRead(uri: string, text: string, errors: ConfigError[], keptLastGood: boolean): void {
    for (const e of errors) this.ctx.log.warn(`${displayPath(uri)}:${e.line + 1}:${e.character + 1}: ${e.message}`);
    if (errors.length === 0 && !this.configsWithErrors.delete(uri)) return;
    if (errors.length > 0) this.configsWithErrors.add(uri);
    this.ctx.log.run(`publishing the mistakes in ${displayPath(uri)}`, this.publish(uri, configDiagnostics(text, errors, keptLastGood)));
  }

  /** Whether diagnostics read from disk are showing for `uri`. */
  has(uri: string): boolean {
    return this.published.has(uri);
  }

  /** Publishes diagnostics for a file that is not open, then `fairword/validated` with version null. */
  publish(uri: string, diagnostics: Diagnostic[]): Promise<unknown> {
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
    return Promise.all([
      this.ctx.connection.sendDiagnostics({ uri, diagnostics }),
      this.ctx.connection.sendNotification(ValidatedNotification, { uri, version: null, count: diagnostics.length }),
    ]);
  }

  /** Checks one file that is not open, from disk, and publishes its diagnostics (even none, with `publishEmpty`). */
  async check(uri: string, publishEmpty = false): Promise<{ count: number; skipped: boolean }> {
    const { workspace, documents, analyser, log } = this.ctx;
    const opened = this.openDocumentFor(uri);
    if (opened) {
      let result = documents.results.get(opened.uri);
      if (!result || result.version !== opened.version) {
        await this.checks.validate(opened, 'refresh');
        result = documents.results.get(opened.uri);
      }
      return { count: result?.findings.length ?? 0, skipped: result?.analysis?.skipped !== undefined };
    }
    const target = this.publishedAs(uri);
    const word = target !== uri;
    const format: Format | undefined = word ? 'plaintext' : formatFromFilename(displayPath(uri));
    const settings = await workspace.settingsFor(uri);
    if (!format || !settings.enable || (await workspace.excluded(uri, false))) {
      if (this.published.has(target)) await this.publish(target, []);
      return { count: 0, skipped: true };
    }
    // The Word reader (a zip and an XML library) is loaded when the first Word document is read, not at start.
    const docx = word ? await import('@fairword/rules/docx') : undefined;
    // A Word document's text is held to maxFileSize by the analyser; the package itself to the .docx cap.
    const limit = docx ? docx.DOCX_LIMITS.maxPackageSize : ((await workspace.configs.forFile(uri)).config.maxFileSize ?? settings.maxFileSize);
    let text: string;
    try {
      // Read as the CLI reads: regular files only, and never more than the limit, whatever the size is said to be.
      text = docx ? docx.DocxDocument.open(await this.fs.readBytes(uri, limit)).text : await this.fs.readText(uri, limit);
    } catch (err) {
      const quiet = err instanceof FileSystemError && err.notFound;
      const known = (err instanceof FileSystemError && err.notText) || (docx !== undefined && err instanceof docx.DocxError);
      if (!quiet) log.warn(`skipped ${displayPath(uri)}: ${known ? (err as Error).message : describe(err)}`);
      if (this.published.has(target)) await this.publish(target, []);
      return { count: 0, skipped: true };
    }
    if (this.openDocumentFor(uri)) return { count: 0, skipped: false };
    const analysis = await analyser.analyse(target, text, format, settings);
    // As for open documents: at most LIMITS.findingsPerFile diagnostics, and a notice of the rest.
    const diagnostics = capFindings(analysis.findings).map((f) => toDiagnostic(f, target));
    if (diagnostics.length > 0 || publishEmpty || this.published.has(target)) await this.publish(target, diagnostics);
    return { count: analysis.findings.length, skipped: analysis.skipped !== undefined };
  }

  /**
   * Checks the files on disk and publishes their diagnostics; files that dropped out (now ignored, deleted)
   * are cleared. Reports progress and stops when cancelled or when a newer refresh starts.
   */
  async checkAll(
    progress: { report(percentage: number, message: string): void } | undefined,
    cancelled: () => boolean = () => false,
  ): Promise<LintWorkspaceResult> {
    const { workspace, clock } = this.ctx;
    const generation = ++this.generation;
    const stop = (): boolean => cancelled() || generation !== this.generation;
    const result: LintWorkspaceResult = { files: 0, filesWithFindings: 0, findings: 0, skipped: 0, cancelled: false };
    const files = await workspace.files(stop);
    const seen = new Set<string>();
    for (const [i, uri] of files.entries()) {
      if (stop()) {
        result.cancelled = true;
        return result;
      }
      seen.add(this.publishedAs(uri));
      const outcome = await this.check(uri);
      if (outcome.skipped) result.skipped++;
      else result.files++;
      if (outcome.count > 0) result.filesWithFindings++;
      result.findings += outcome.count;
      progress?.report(Math.floor(((i + 1) * 100) / files.length), `${i + 1} of ${files.length}: ${workspace.shownPath(uri)}`);
      await clock.yield();
    }
    for (const uri of [...this.published]) {
      if (!seen.has(uri) && !this.configsWithErrors.has(uri)) await this.publish(uri, []);
    }
    return result;
  }

  /** "Check all files": from now on, files that are not open keep their diagnostics. */
  async lintWorkspace(progress: { report(percentage: number, message: string): void }, cancelled: () => boolean): Promise<LintWorkspaceResult> {
    this.workspaceMode = true;
    this.watchTextFiles();
    return this.checkAll(progress, cancelled);
  }

  /** A Markdown, text or Word file changed on disk after "Check all files": re-check or clear it. */
  changed(event: FileEvent): void {
    const uri = this.ctx.workspace.resourceOf(event.uri);
    if (!uri || this.openDocumentFor(uri)) return;
    if (event.type === FileChangeType.Deleted) {
      const target = this.publishedAs(uri);
      if (this.published.has(target)) this.ctx.log.run(`clearing ${target}`, this.publish(target, []));
      return;
    }
    if (this.ctx.workspace.folders.folderOf(uri) === undefined) return;
    this.ctx.log.run(`checking ${displayPath(uri)}`, this.check(uri));
  }

  /** Stops any refresh under way (shutdown). */
  stop(): void {
    this.generation++;
  }

  /** The URI a file's diagnostics are published on: the file's own, or for a Word document its text view's. */
  private publishedAs(uri: string): string {
    return isWordDocumentName(displayPath(uri)) ? wordViewOf(uri) : uri;
  }

  /** The open document for a file (compared in canonical form, so URI spelling does not matter). */
  private openDocumentFor(uri: string): ReturnType<ServerContext['documents']['get']> {
    return this.ctx.documents.all().find((d) => this.ctx.workspace.resourceOf(d.uri) === uri);
  }

  /** Watches Markdown, text and Word files once "Check all files" has run, to keep their diagnostics current. */
  private watchTextFiles(): void {
    if (this.textWatcherRegistered || !this.canWatch) return;
    this.textWatcherRegistered = true;
    this.ctx.log.run(
      'watching Markdown, text and Word files',
      this.ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: TEXT_FILES_GLOB }] }),
    );
  }
}
