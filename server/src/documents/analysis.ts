/** Checking one text with the settings, config file and ignore files that apply to it: the bridge to the engine. */
import type { DocumentKind, Finding, Format, Linter, LintOptions, LintResult, LintSession } from '@fairword/rules';
import type { KindSource, StatusParams, FairwordSettings } from '../protocol.js';
import { CONFIG_NAMES } from '../workspace/configs.js';
import { FAIRWORD_IGNORE } from '../workspace/ignore-files.js';
import { formatBytes, isShown } from '../workspace/settings.js';
import { baseName, displayPath } from '../workspace/uris.js';
import type { ConfigEntry } from '../workspace/configs.js';
import type { IgnoredBy, Workspace } from '../workspace/workspace.js';

/** What a check of one document came to. */
export interface Analysis {
  /** Findings shown (at or above `fairword.minimumSeverity`). */
  findings: Finding[];
  kind?: DocumentKind;
  kindSource?: KindSource;
  /** When the text decided the kind, the signs that decided it. */
  kindEvidence?: string[];
  report?: LintResult['report'];
  skipped?: NonNullable<StatusParams['skipped']>;
  config?: NonNullable<StatusParams['config']>;
}

/** How a text is checked. */
export interface AnalyseOptions {
  /** Compute the document report (the report view). */
  report?: boolean;
  /** Check it even when it is turned off or ignored (the user asked for it). */
  explicit?: boolean;
  /** A hypothetical text (fix-all checking its own result): lint afresh, leaving the document's session alone. */
  fresh?: boolean;
}

/** The size of a text in UTF-8 bytes, as it would be on disk. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** What applies to one document: its file, its config, and whether an ignore list leaves it out. */
export interface DocumentContext {
  resource: string | undefined;
  entry: ConfigEntry;
  ignored: IgnoredBy | undefined;
}

/** What checking needs of the open documents (OpenDocuments): kinds chosen by the user, and lint sessions. */
export interface DocumentState {
  readonly kindOverrides: ReadonlyMap<string, DocumentKind>;
  session(uri: string, linter: Linter, options: LintOptions): LintSession;
}

/** Checks texts for the server, given the workspace and the open documents. */
export class Analyser {
  constructor(
    private readonly workspace: Workspace,
    private readonly documents: DocumentState,
  ) {}

  /** Checks one text of the document at `uri` with the settings and config that apply to it. */
  async analyse(uri: string, text: string, format: Format, settings: FairwordSettings, options: AnalyseOptions = {}): Promise<Analysis> {
    return this.analyseWith(await this.contextOf(uri), uri, text, format, settings, options);
  }

  /** Reads what applies to a document (config file, ignore files), for {@link Analyser.analyseWith}. */
  async contextOf(uri: string): Promise<DocumentContext> {
    const resource = this.workspace.resourceOf(uri);
    const entry = await this.workspace.configFor(uri);
    return { resource, entry, ignored: resource === undefined ? undefined : await this.workspace.ignoredBy(resource, entry) };
  }

  /** Checks one text, synchronously, in a context already read. */
  analyseWith(context: DocumentContext, uri: string, text: string, format: Format, settings: FairwordSettings, options: AnalyseOptions = {}): Analysis {
    const { resource, entry, ignored } = context;
    const configName = baseName(entry.uri ?? CONFIG_NAMES[0]!);
    const config = entry.uri ? { path: displayPath(entry.uri), errors: entry.errors.length } : undefined;
    const skip = (reason: NonNullable<Analysis['skipped']>['reason'], message: string): Analysis => ({
      findings: [],
      skipped: { reason, message },
      ...(config ? { config } : {}),
    });
    if (!options.explicit) {
      if (!settings.enable) return skip('disabled', 'Fairword is turned off for this folder (the fairword.enable setting).');
      if (ignored === 'config') return skip('ignored', `This file is not checked: it matches the "ignore" list in ${configName}.`);
      if (ignored === 'fairwordignore') return skip('ignored', `This file is not checked: it is listed in ${FAIRWORD_IGNORE}.`);
    }
    const limit = entry.config.maxFileSize ?? settings.maxFileSize;
    const size = utf8Length(text);
    if (size > limit) {
      const where = entry.config.maxFileSize ? `maxFileSize in ${configName}` : 'the fairword.maxFileSize setting';
      return skip(
        'too-large',
        `This file is not checked: it is ${formatBytes(size)}, larger than the limit of ${formatBytes(limit)}. To check it, raise ${where}.`,
      );
    }
    const override = this.documents.kindOverrides.get(uri);
    const fromConfig = resource ? entry.kindFor(resource) : undefined;
    const kind = override ?? fromConfig;
    const lintOptions = {
      format,
      ...(resource ? { filename: displayPath(resource) } : {}),
      ...(kind ? { kind } : {}),
      ...(options.report ? { report: true } : {}),
    };
    const result = options.fresh ? entry.linter().lint(text, lintOptions) : this.documents.session(uri, entry.linter(), lintOptions).lint(text);
    const kindSource: KindSource = override ? 'override' : fromConfig ? 'config' : result.kindSource === 'option' ? 'default' : result.kindSource;
    return {
      findings: result.findings.filter((f) => isShown(f.severity, settings.minimumSeverity)),
      kind: result.kind,
      kindSource,
      ...(kindSource === 'text' && result.kindEvidence ? { kindEvidence: result.kindEvidence } : {}),
      report: result.report,
      ...(config ? { config } : {}),
    };
  }
}
