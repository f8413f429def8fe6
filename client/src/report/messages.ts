/**
 * Messages the report webview posts to the extension. Pure (no `vscode` import) so it can be unit-tested.
 * The extension sends nothing to the webview: it re-renders the whole page instead.
 */

/** The statements a job advert should contain, in report order (keys of the engine's StatementsReport). */
export const STATEMENT_KEYS = [
  'salary',
  'flexible_working',
  'reasonable_adjustments',
  'inclusion_statement',
  'disability_confident',
] as const;

export type StatementKey = (typeof STATEMENT_KEYS)[number];

/** The rule that reports each missing statement; its diagnostic carries the text to insert in `data.insert`. */
export const STATEMENT_RULE_IDS: Record<StatementKey, string> = {
  salary: 'missing-salary',
  flexible_working: 'missing-flexible-working',
  reasonable_adjustments: 'missing-reasonable-adjustments',
  inclusion_statement: 'missing-inclusion-statement',
  disability_confident: 'missing-disability-confident',
};

/** Webview → extension. */
export type WebviewMessage =
  /** The page's script has run (the body now has `data-fairword-ready="1"`). */
  | { type: 'ready' }
  /** Jump to a 0-based position in the document the report is about. */
  | { type: 'reveal'; line: number; character: number }
  /** Insert the suggested text for a missing statement. */
  | { type: 'insert'; statement: StatementKey };

export function isStatementKey(value: unknown): value is StatementKey {
  return typeof value === 'string' && (STATEMENT_KEYS as readonly string[]).includes(value);
}

/** Checks a message from the webview; anything malformed gives undefined. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const m = value as Record<string, unknown>;
  switch (m['type']) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal': {
      const line = m['line'];
      const character = m['character'];
      if (!isIndex(line) || !isIndex(character)) return undefined;
      return { type: 'reveal', line, character };
    }
    case 'insert': {
      const statement = m['statement'];
      return isStatementKey(statement) ? { type: 'insert', statement } : undefined;
    }
    default:
      return undefined;
  }
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
