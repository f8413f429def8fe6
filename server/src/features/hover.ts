/**
 * The hover over Fairword findings. It answers "what is wrong here and what do I write instead" first: the findings
 * under the mouse lead, each with its message, what to write instead, why it matters and its source. Findings about
 * the whole document and about length (a long sentence or paragraph) never lead: when a finding on the words under
 * the mouse is there too they are left out, and otherwise a document finding gets one line.
 */
import type { Hover, HoverParams } from 'vscode-languageserver';
import { SEVERITY_RANK, type Finding } from '@fairword/rules';
import type { OpenDocuments } from '../documents/open-documents.js';
import { ruleDocUrl } from './rule-docs.js';

/** Findings about the length of a sentence or paragraph: they cover many words, so they never lead a hover. */
const LENGTH_RULES = new Set(['long-sentence', 'long-paragraph']);

/** What the hover needs from a finding. */
export type HoverFinding = Pick<Finding, 'ruleId' | 'severity' | 'scope' | 'message' | 'actual' | 'note' | 'suggestions' | 'source'>;

/** How the editor shows hovers. */
export interface HoverOptions {
  /**
   * The editor's own hover already shows the message of every error, warning and information diagnostic under the
   * mouse (VS Code does; it shows a hint's only over its first two characters), so those messages are left out.
   */
  editorShowsMessages?: boolean;
}

/** Escapes text so Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** Makes a URL safe inside a Markdown link target. */
const linkTarget = (url: string): string => url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The findings of a hover in the order they are shown: the most serious first, then as they come in the text. */
const bySeverity = (a: HoverFinding, b: HoverFinding): number => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];

/** The findings that lead a hover: those on the words under the mouse, else length findings, else document findings. */
export function leadingFindings<F extends HoverFinding>(findings: readonly F[]): { lead: F[]; compact: F[] } {
  const words = findings.filter((f) => f.scope !== 'document' && !LENGTH_RULES.has(f.ruleId));
  if (words.length > 0) return { lead: words.sort(bySeverity), compact: [] };
  const length = findings.filter((f) => f.scope !== 'document');
  if (length.length > 0) return { lead: length.sort(bySeverity), compact: [] };
  return { lead: [], compact: [...findings].sort(bySeverity) };
}

/**
 * The Markdown hover for the findings under the mouse (see the module comment for which lead). A leading finding
 * shows its message, what to write instead, why it matters, and its source beside a link to the rule; a document
 * finding that does not lead shows one line: its message and the rule. Empty when there is nothing to add to
 * what the editor shows.
 */
export function hoverMarkdown(findings: readonly HoverFinding[], options: HoverOptions = {}): string {
  const showsMessage = (f: HoverFinding): boolean => !options.editorShowsMessages || f.severity === 'hint';
  const rule = (f: HoverFinding): string => `[Fairword rule \`${f.ruleId}\`](${ruleDocUrl(f.ruleId)})`;
  const { lead, compact } = leadingFindings(findings);
  const blocks = lead.map((f) => {
    const parts: string[] = [];
    if (showsMessage(f)) parts.push(escapeMarkdown(f.message));
    const suggestions = [...new Set(f.suggestions)].filter((s) => s !== f.actual);
    if (suggestions.length > 0) {
      const words = suggestions.map((s) => (s === '' ? 'leave it out' : `“${escapeMarkdown(s)}”`));
      parts.push(`**Instead, try:** ${words.join(', ')}`);
    }
    if (f.note.trim()) parts.push(`**Why it matters:** ${escapeMarkdown(f.note.trim())}`);
    const title = escapeMarkdown(f.source.title);
    parts.push(`**Source:** ${f.source.url ? `[${title}](${linkTarget(f.source.url)})` : title} · ${rule(f)}`);
    return parts.join('\n\n');
  });
  const lines = compact.filter(showsMessage).map((f) => `${escapeMarkdown(f.message)} · ${rule(f)}`);
  if (lines.length > 0) blocks.push(lines.join('\n\n'));
  return blocks.join('\n\n---\n\n');
}

/** `textDocument/hover`: the findings of the last check of this very version under the position, if any. */
export function hoverAt(documents: OpenDocuments, params: HoverParams, options: HoverOptions = {}): Hover | null {
  const document = documents.get(params.textDocument.uri);
  const result = documents.results.get(params.textDocument.uri);
  if (!document || !result || result.version !== document.version) return null;
  const offset = document.offsetAt(params.position);
  const under = result.findings.filter((f) => f.offset.start <= offset && offset < f.offset.end);
  const value = hoverMarkdown(under, options);
  if (value === '') return null;
  const { lead, compact } = leadingFindings(under);
  return { contents: { kind: 'markdown', value }, range: (lead[0] ?? compact[0])!.range };
}
