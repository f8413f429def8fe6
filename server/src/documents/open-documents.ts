/**
 * The documents open in the editor and what the server keeps for each: the text (synced incrementally), where the
 * caret is, the last check, a kind chosen by the user, and the lint session that re-analyses only what changed.
 */
import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatFromFilename, type DocumentKind, type Finding, type Format, type Linter, type LintOptions, type LintSession } from '@fairword/rules';
import type { Analysis } from './analysis.js';
import { caretAfter } from './typing.js';

/** The last check of an open document. */
export interface DocumentResult {
  version: number;
  analysis?: Analysis;
  /** Every finding of that version (shown and held back). */
  findings: Finding[];
}

/** Open documents, and per document what the checks need to remember. Forgotten when the document closes. */
export class OpenDocuments {
  /** The documents themselves, kept in sync by vscode-languageserver. */
  readonly documents: TextDocuments<TextDocument>;
  /** The last check of each document. */
  readonly results = new Map<string, DocumentResult>();
  /** Kinds chosen with `fairword/setKind`. */
  readonly kindOverrides = new Map<string, DocumentKind>();
  /** Documents opened whose first change event (the open itself) has not been handled yet. */
  readonly justOpened = new Set<string>();
  private readonly carets = new Map<string, { version: number; offset: number }>();
  private readonly sessions = new Map<string, { linter: Linter; key: string; session: LintSession }>();

  constructor(onError: (what: string, err: unknown) => void) {
    this.documents = new TextDocuments<TextDocument>({
      create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
      update: (document, changes, version) => {
        const updated = TextDocument.update(document, changes, version);
        try {
          this.trackCaret(updated, changes);
        } catch (err) {
          onError('tracking the caret', err);
        }
        return updated;
      },
    });
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /**
   * Whether `document` is still what is open under its URI: not changed, and not closed (or closed and opened
   * again, perhaps with the same version number) during an await.
   */
  isCurrent(document: TextDocument): boolean {
    return this.documents.get(document.uri) === document;
  }

  /** The caret offset after the change that made `version`, if that change was typing. */
  caret(uri: string, version: number): number | undefined {
    const caret = this.carets.get(uri);
    return caret?.version === version ? caret.offset : undefined;
  }

  /** The document's lint session, started afresh when its linter (config) or options change. */
  session(uri: string, linter: Linter, options: LintOptions): LintSession {
    const key = JSON.stringify(options);
    const known = this.sessions.get(uri);
    if (known && known.linter === linter && known.key === key) return known.session;
    const session = linter.session(options);
    this.sessions.set(uri, { linter, key, session });
    return session;
  }

  /** Forgets everything kept for a document that closed. */
  forget(uri: string): void {
    this.justOpened.delete(uri);
    this.results.delete(uri);
    this.carets.delete(uri);
    this.sessions.delete(uri);
    this.kindOverrides.delete(uri);
  }

  /** Records where the caret ended up after a change, when that change looks like typing. */
  private trackCaret(updated: TextDocument, changes: TextDocumentContentChangeEvent[]): void {
    const last = changes.at(-1);
    const start = last && 'range' in last ? updated.offsetAt(last.range.start) : undefined;
    const offset = last ? caretAfter(last, start) : undefined;
    if (offset === undefined) this.carets.delete(updated.uri);
    else this.carets.set(updated.uri, { version: updated.version, offset });
  }
}

/** The format a document is checked as: from its language, else from its file name; undefined when not checked. */
export function formatOf(document: TextDocument): Format | undefined {
  if (document.languageId === 'markdown') return 'markdown';
  if (document.languageId === 'plaintext') return 'plaintext';
  const name = decodeURIComponent(document.uri.replace(/[?#].*$/, '').split('/').pop() ?? '');
  return formatFromFilename(name);
}
