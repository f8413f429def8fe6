/** The hover shown over a Fairword finding: why it matters, what to write instead, the source, and the rule's docs. */
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { Finding } from '@fairword/rules';
import type { OpenDocuments } from '../documents/open-documents.js';

/** The rules reference; each rule has an anchor named after its id. */
export const RULES_DOC_URL = 'https://github.com/fairword/fairword/blob/main/docs/rules.md';
/** The configuration guide (custom terms and inline directives are documented there). */
export const CONFIG_DOC_URL = 'https://github.com/fairword/fairword/blob/main/docs/configuration.md';

/** Findings the engine makes itself (not in the rules reference), and where they are documented. */
const BUILTIN_DOCS: Record<string, string> = {
  'custom-term': `${CONFIG_DOC_URL}#terms`,
  'unused-directive': `${CONFIG_DOC_URL}#ignoring-a-finding-in-one-place`,
  'unknown-rule': `${CONFIG_DOC_URL}#ignoring-a-finding-in-one-place`,
  'rule-error': `${CONFIG_DOC_URL}#when-a-rule-fails`,
};

/** What the hover needs from a finding. */
export type HoverFinding = Pick<Finding, 'ruleId' | 'actual' | 'note' | 'suggestions' | 'source'>;

/** Where a rule is documented. */
export function ruleDocUrl(ruleId: string): string {
  return BUILTIN_DOCS[ruleId] ?? `${RULES_DOC_URL}#${encodeURIComponent(ruleId)}`;
}

/** Escapes text so Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** Makes a URL safe inside a Markdown link target. */
const linkTarget = (url: string): string => url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The Markdown hover for the findings under the mouse: for each, why it matters (its note), the suggested
 * wording, the source with a link, and "Learn more" linking to the rule in docs/rules.md. The diagnostic's own
 * message is not repeated (the editor shows it above).
 */
export function hoverMarkdown(findings: readonly HoverFinding[]): string {
  return findings
    .map((f) => {
      const parts: string[] = [];
      if (f.note.trim()) parts.push(`**Why it matters:** ${escapeMarkdown(f.note.trim())}`);
      const suggestions = [...new Set(f.suggestions)].filter((s) => s !== f.actual);
      if (suggestions.length > 0) {
        const words = suggestions.map((s) => (s === '' ? 'leave it out' : `“${escapeMarkdown(s)}”`));
        parts.push(`**Instead, try:** ${words.join(', ')}`);
      }
      const title = escapeMarkdown(f.source.title);
      parts.push(`**Source:** ${f.source.url ? `[${title}](${linkTarget(f.source.url)})` : title}`);
      parts.push(`[Learn more about this check](${ruleDocUrl(f.ruleId)}) · Fairword \`${f.ruleId}\``);
      return parts.join('\n\n');
    })
    .join('\n\n---\n\n');
}

/** `textDocument/hover`: the findings of the last check of this very version under the position, if any. */
export function hoverAt(documents: OpenDocuments, params: HoverParams): Hover | null {
  const document = documents.get(params.textDocument.uri);
  const result = documents.results.get(params.textDocument.uri);
  if (!document || !result || result.version !== document.version) return null;
  const offset = document.offsetAt(params.position);
  const under = result.findings.filter((f) => f.offset.start <= offset && offset < f.offset.end);
  if (under.length === 0) return null;
  return { contents: { kind: 'markdown', value: hoverMarkdown(under) }, range: under[0]!.range };
}
