/**
 * The report panel against a small fake of the `vscode` API: which panel it opens, when it asks the server
 * for the report, and what it does with the webview's messages.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportResult } from '../../server/src/protocol.js';

const fake = vi.hoisted(() => {
  type Listener = (event: any) => void;
  class Emitter {
    listeners: Listener[] = [];
    event = (listener: Listener) => {
      this.listeners.push(listener);
      return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
    };
    fire(value: unknown): void {
      for (const l of [...this.listeners]) l(value);
    }
  }
  class Position {
    constructor(
      readonly line: number,
      readonly character: number,
    ) {}
    isEqual(other: Position): boolean {
      return other.line === this.line && other.character === this.character;
    }
  }
  class Range {
    constructor(
      readonly start: Position,
      readonly end: Position,
    ) {}
  }
  class WorkspaceEdit {
    inserts: Array<{ uri: unknown; position: Position; text: string }> = [];
    insert(uri: unknown, position: Position, text: string): void {
      this.inserts.push({ uri, position, text });
    }
  }
  const uri = (value: string, scheme = 'file') => ({ scheme, toString: () => value, path: value.replace(/^[a-z]+:\/\//, '') });
  /** A one-line-per-"\n" text document. */
  const document = (value: string, text: string, languageId = 'markdown') => {
    const doc = {
      uri: uri(value),
      languageId,
      version: 1,
      text,
      offsetAt(p: Position): number {
        const lines = doc.text.split('\n');
        return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
      },
      positionAt(offset: number): Position {
        const before = doc.text.slice(0, offset).split('\n');
        return new Position(before.length - 1, before[before.length - 1]!.length);
      },
      validatePosition(p: Position): Position {
        const lines = doc.text.split('\n');
        const line = Math.min(p.line, lines.length - 1);
        return new Position(line, Math.min(p.character, lines[line]!.length));
      },
    };
    return doc;
  };
  const state = {
    panels: [] as any[],
    diagnostics: [] as any[],
    edits: [] as WorkspaceEdit[],
    shown: [] as Array<{ document: unknown; options: any }>,
    info: [] as string[],
    errors: [] as string[],
  };
  const events = {
    activeEditor: new Emitter(),
    changeText: new Emitter(),
    closeText: new Emitter(),
    diagnostics: new Emitter(),
  };
  const window = {
    activeTextEditor: undefined as any,
    visibleTextEditors: [] as any[],
    onDidChangeActiveTextEditor: events.activeEditor.event,
    createWebviewPanel(viewType: string, title: string, showOptions: unknown, options: unknown) {
      const dispose = new Emitter();
      const message = new Emitter();
      const viewState = new Emitter();
      const panel = {
        viewType,
        title,
        showOptions,
        options,
        visible: true,
        viewColumn: 2,
        revealed: [] as unknown[],
        htmls: [] as string[],
        disposed: false,
        message,
        viewState,
        webview: {
          cspSource: 'https://*.vscode-cdn.net',
          set html(value: string) {
            panel.htmls.push(value);
          },
          get html() {
            return panel.htmls[panel.htmls.length - 1] ?? '';
          },
          onDidReceiveMessage: message.event,
        },
        onDidDispose: dispose.event,
        onDidChangeViewState: viewState.event,
        reveal(column: unknown, preserveFocus: unknown) {
          panel.revealed.push([column, preserveFocus]);
        },
        dispose() {
          if (panel.disposed) return;
          panel.disposed = true;
          dispose.fire(undefined);
        },
      };
      state.panels.push(panel);
      return panel;
    },
    async showTextDocument(document: unknown, options: any) {
      state.shown.push({ document, options });
      return { revealRange: () => undefined };
    },
    showInformationMessage: async (m: string) => void state.info.push(m),
    showErrorMessage: async (m: string) => void state.errors.push(m),
  };
  const vscode = {
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
    Position,
    Range,
    WorkspaceEdit,
    window,
    workspace: {
      onDidChangeTextDocument: events.changeText.event,
      onDidCloseTextDocument: events.closeText.event,
      async applyEdit(edit: WorkspaceEdit) {
        state.edits.push(edit);
        return true;
      },
    },
    languages: {
      getDiagnostics: () => state.diagnostics,
      onDidChangeDiagnostics: events.diagnostics.event,
    },
  };
  return { vscode, state, events, document, Position, Range };
});

vi.mock('vscode', () => fake.vscode);

const { showReport, findInsert, REPORT_DEBOUNCE_MS } = await import('../../client/src/report/panel.js');

const { state, events, vscode, Position, Range } = fake;

const advert = fake.document('file:///adverts/nurse.md', '# Nurse\n\nWe want a young, driven nurse.\n');

const result = (over: Partial<ReportResult> = {}): ReportResult => ({
  uri: 'file:///adverts/nurse.md',
  version: 1,
  kind: 'job-advert',
  kindSource: 'text',
  report: {
    kind: 'job-advert',
    statements: { salary: false, flexible_working: true, reasonable_adjustments: true, inclusion_statement: true, disability_confident: true },
    genderCoding: { score: -1, verdict: 'masculine-coded', masculine: ['driven'], feminine: [] },
    readability: { readingAge: null, longSentences: 0, longParagraphs: 0, passiveShare: 0, undefinedAcronyms: [] },
    requirements: { essential: 0, yearsOfExperience: [] },
    findingsByCategory: { age: 1 },
  },
  findings: [{ ruleId: 'young', category: 'age', severity: 'warning', message: "'young' tells older applicants they are not wanted", line: 2, character: 10 }],
  ...over,
});

function client(answer: () => Promise<ReportResult | null> = async () => result()) {
  return { isRunning: vi.fn(() => true), sendRequest: vi.fn((_type: unknown, _params: unknown) => answer()) };
}

const context = () => ({ subscriptions: [] as Array<{ dispose(): void }> });

let ctx: ReturnType<typeof context>;

beforeEach(() => {
  vi.useFakeTimers();
  ctx = context();
  state.panels.length = 0;
  state.diagnostics = [];
  state.edits.length = 0;
  state.shown.length = 0;
  state.info.length = 0;
  state.errors.length = 0;
  vscode.window.activeTextEditor = { document: advert, viewColumn: 1 };
  vscode.window.visibleTextEditors = [vscode.window.activeTextEditor];
});

afterEach(() => {
  for (const d of ctx.subscriptions) d.dispose();
  vi.useRealTimers();
});

/** Lets the debounce timer fire and the request settle. */
async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('showReport', () => {
  it('opens one panel beside the editor, scripts on, no local resources, and renders the report', async () => {
    const c = client();
    showReport(ctx as any, c as any);
    expect(state.panels).toHaveLength(1);
    const panel = state.panels[0];
    expect(panel.viewType).toBe('fairword.report');
    expect(panel.title).toBe('Fairword report: nurse.md');
    expect(panel.showOptions).toEqual({ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    expect(panel.options).toEqual({ enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false, enableFindWidget: true });
    await settle();
    expect(c.sendRequest).toHaveBeenCalledTimes(1);
    expect(c.sendRequest.mock.calls[0]![0]).toMatchObject({ method: 'fairword/report' });
    expect(c.sendRequest.mock.calls[0]![1]).toEqual({ uri: 'file:///adverts/nurse.md' });
    expect(panel.webview.html).toContain('<h1>Fairword report: nurse.md</h1>');
    expect(panel.webview.html).toMatch(/script-src 'nonce-[0-9a-f]{32}'/);
    expect(ctx.subscriptions).toHaveLength(1);
  });

  it('reveals the open panel instead of opening a second one', async () => {
    showReport(ctx as any, client() as any);
    showReport(ctx as any, client() as any);
    expect(state.panels).toHaveLength(1);
    expect(state.panels[0].revealed).toEqual([[undefined, true]]);
  });

  it('re-renders after an edit, debounced, and not when the page would be the same', async () => {
    let answer = result();
    const c = client(async () => answer);
    showReport(ctx as any, c as any);
    await settle();
    const panel = state.panels[0];
    expect(panel.htmls).toHaveLength(1);
    for (let i = 0; i < 5; i++) events.changeText.fire({ document: advert, contentChanges: [{}] });
    await settle(REPORT_DEBOUNCE_MS - 1);
    expect(c.sendRequest).toHaveBeenCalledTimes(1);
    await settle(1);
    expect(c.sendRequest).toHaveBeenCalledTimes(2);
    // Same content, new version: the page is left alone.
    expect(panel.htmls).toHaveLength(1);
    answer = result({ version: 3, findings: [] });
    events.changeText.fire({ document: advert, contentChanges: [{}] });
    await settle(REPORT_DEBOUNCE_MS);
    expect(panel.htmls).toHaveLength(2);
    expect(panel.webview.html).toContain('Findings (0)');
    // Edits to other documents are ignored.
    events.changeText.fire({ document: fake.document('file:///other.md', ''), contentChanges: [{}] });
    await settle(REPORT_DEBOUNCE_MS);
    expect(c.sendRequest).toHaveBeenCalledTimes(3);
  });

  it('follows the active editor to another Markdown or plain-text document, and ignores other languages', async () => {
    const c = client();
    showReport(ctx as any, c as any);
    await settle();
    const policy = fake.document('file:///policies/leave.txt', 'Leave policy', 'plaintext');
    events.activeEditor.fire({ document: policy });
    await settle();
    expect(state.panels[0].title).toBe('Fairword report: leave.txt');
    expect(c.sendRequest.mock.calls.at(-1)![1]).toEqual({ uri: 'file:///policies/leave.txt' });
    events.activeEditor.fire({ document: fake.document('file:///x.json', '{}', 'json') });
    events.activeEditor.fire(undefined);
    await settle();
    expect(state.panels[0].title).toBe('Fairword report: leave.txt');
    expect(c.sendRequest).toHaveBeenCalledTimes(2);
  });

  it('shows a message when there is no document, no running server, no report or an error', async () => {
    vscode.window.activeTextEditor = undefined;
    vscode.window.visibleTextEditors = [];
    showReport(ctx as any, client() as any);
    await settle();
    expect(state.panels[0].webview.html).toContain('Open a Markdown or plain-text document');
    state.panels[0].dispose();

    vscode.window.activeTextEditor = { document: advert };
    const stopped = client();
    stopped.isRunning.mockReturnValue(false);
    showReport(ctx as any, stopped as any);
    await settle();
    expect(state.panels[1].webview.html).toContain('Fairword is starting.');
    expect(stopped.sendRequest).not.toHaveBeenCalled();
    state.panels[1].dispose();

    showReport(ctx as any, client(async () => null) as any);
    await settle();
    expect(state.panels[2].webview.html).toContain('Fairword is not checking this document yet.');
    state.panels[2].dispose();

    showReport(ctx as any, client(async () => Promise.reject(new Error('Unhandled method fairword/report'))) as any);
    await settle();
    expect(state.panels[3].webview.html).toContain('Fairword could not make the report: Unhandled method fairword/report');
  });

  it('accepts a function that returns the current client', async () => {
    const c = client();
    showReport(ctx as any, (() => c) as any);
    await settle();
    expect(c.sendRequest).toHaveBeenCalledTimes(1);
  });

  it('stops listening once the panel is closed', async () => {
    const c = client();
    showReport(ctx as any, c as any);
    await settle();
    state.panels[0].dispose();
    events.changeText.fire({ document: advert, contentChanges: [{}] });
    await settle(REPORT_DEBOUNCE_MS);
    expect(c.sendRequest).toHaveBeenCalledTimes(1);
    expect(events.changeText.listeners).toHaveLength(0);
    showReport(ctx as any, c as any);
    expect(state.panels).toHaveLength(2);
  });
});

describe('webview messages', () => {
  it('reveal: shows the document with the finding selected', async () => {
    state.diagnostics = [
      { source: 'fairword', range: new Range(new Position(2, 10), new Position(2, 15)), data: { ruleId: 'young' } },
    ];
    showReport(ctx as any, client() as any);
    await settle();
    state.panels[0].message.fire({ type: 'reveal', line: 2, character: 10 });
    await settle();
    expect(state.shown).toHaveLength(1);
    expect(state.shown[0]!.document).toBe(advert);
    expect(state.shown[0]!.options).toMatchObject({ viewColumn: 1, preserveFocus: false });
    expect(state.shown[0]!.options.selection).toEqual(new Range(new Position(2, 10), new Position(2, 15)));
    // Without a diagnostic there: the cursor goes to the (clamped) position.
    state.panels[0].message.fire({ type: 'reveal', line: 99, character: 0 });
    await settle();
    expect(state.shown[1]!.options.selection).toEqual(new Range(new Position(3, 0), new Position(3, 0)));
  });

  it('insert: applies the insertion from the missing-statement diagnostic and selects it', async () => {
    const text = 'Salary: £[amount] a year.\n';
    state.diagnostics = [
      { source: 'fairword', code: 'young', range: new Range(new Position(2, 10), new Position(2, 15)), data: { ruleId: 'young' } },
      {
        source: 'fairword',
        code: 'missing-salary',
        range: new Range(new Position(0, 0), new Position(0, 7)),
        data: { ruleId: 'missing-salary', actual: '', suggestions: [], insert: { position: { line: 1, character: 0 }, text, title: 'Insert a salary statement' } },
      },
    ];
    showReport(ctx as any, client() as any);
    await settle();
    state.panels[0].message.fire({ type: 'insert', statement: 'salary' });
    await settle();
    expect(state.edits).toHaveLength(1);
    expect(state.edits[0]!.inserts).toEqual([{ uri: advert.uri, position: new Position(1, 0), text }]);
    expect(state.shown[0]!.options.selection.start).toEqual(new Position(1, 0));
  });

  it('insert: says so when there is no diagnostic to take the text from', async () => {
    showReport(ctx as any, client() as any);
    await settle();
    state.panels[0].message.fire({ type: 'insert', statement: 'flexible_working' });
    await settle();
    expect(state.edits).toHaveLength(0);
    expect(state.info).toEqual([expect.stringContaining('no text to insert')]);
  });

  it('ignores malformed messages and ready', async () => {
    showReport(ctx as any, client() as any);
    await settle();
    for (const m of [{ type: 'ready' }, { type: 'reveal', line: 'x' }, { type: 'insert', statement: 'pension' }, 'boom']) {
      state.panels[0].message.fire(m);
    }
    await settle();
    expect(state.shown).toHaveLength(0);
    expect(state.edits).toHaveLength(0);
    expect(state.errors).toHaveLength(0);
  });
});

describe('findInsert', () => {
  const insert = { position: { line: 4, character: 0 }, text: 'We are a Disability Confident employer.', title: 'Insert a Disability Confident statement' };
  it('finds the insertion by rule id in data or in the diagnostic code, from Fairword only', () => {
    const range = new Range(new Position(0, 0), new Position(0, 1));
    expect(findInsert([{ source: 'fairword', range, data: { ruleId: 'missing-disability-confident', insert } }] as any, 'missing-disability-confident')).toEqual(insert);
    expect(findInsert([{ source: 'fairword', range, code: { value: 'missing-disability-confident', target: {} }, data: { insert } }] as any, 'missing-disability-confident')).toEqual(insert);
    expect(findInsert([{ source: 'other', range, data: { ruleId: 'missing-disability-confident', insert } }] as any, 'missing-disability-confident')).toBeUndefined();
    expect(findInsert([{ source: 'fairword', range, data: { ruleId: 'missing-salary', insert } }] as any, 'missing-disability-confident')).toBeUndefined();
    expect(findInsert([{ source: 'fairword', range, data: { ruleId: 'missing-salary', insert: { text: 1 } } }] as any, 'missing-salary')).toBeUndefined();
  });
});
