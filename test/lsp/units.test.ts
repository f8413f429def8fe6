/**
 * Unit tests of the server's pure functions: hover text, code actions, directive and config edits, the typing
 * hold, settings, config error diagnostics and file URIs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { Finding } from '@fairword/rules';
import {
  FIX_ALL_TITLE,
  codeActionsFor,
  fixAllAction,
  removeDirectiveEdit,
  safeFixEdits,
  wants,
  type ActionContext,
} from '../../server/src/features/actions.js';
import { ignoreDirectiveText, ignoreHereEdit } from '../../server/src/features/ignore.js';
import { CONFIG_TEMPLATE, allowTerm, termToAllow, turnOffRule } from '../../server/src/features/config-edit.js';
import { CONFIG_ERROR_CODE, configDiagnostics, toDiagnostic } from '../../server/src/features/diagnostics.js';
import { fileUri } from '../../server/src/workspace/uris.js';
import { AllowProbe } from '../../server/src/features/allow-probe.js';
import { codeActions } from '../../server/src/features/code-actions.js';
import type { ServerContext } from '../../server/src/context.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Log } from '../../server/src/log.js';
import { ConfigStore } from '../../server/src/workspace/configs.js';
import { NO_FILE_SYSTEM } from '../../server/src/workspace/file-system.js';
import { escapeMarkdown, hoverMarkdown, leadingFindings } from '../../server/src/features/hover.js';
import { CONFIG_DOC_URL, RULES_DOC_URL, ruleDocUrl } from '../../server/src/features/rule-docs.js';
import { DEFAULT_SETTINGS, formatBytes, isShown, readSettings } from '../../server/src/workspace/settings.js';
import { caretAfter, holdBack, wordAt } from '../../server/src/documents/typing.js';
import type { IgnoreHereArgs, StatusParams } from '../../server/src/protocol.js';
import { DOCUMENT_KINDS, parseConfig, ruleCatalog } from '@fairword/rules';
import { KIND_LABELS, STATUS_COMMANDS, checkAllSummary, countLabel, hintsLabel, problemsLabel, statusView } from '../../client/src/labels.mjs';

const uri = 'file:///advert.md';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'gendered-job-title',
  category: 'gender',
  severity: 'warning',
  message: "'salesman' suggests the job is for one sex.",
  range: { start: { line: 2, character: 4 }, end: { line: 2, character: 12 } },
  offset: { start: 20, end: 28 },
  actual: 'salesman',
  suggestions: ['salesperson', 'sales representative'],
  source: { title: 'Acas, Job adverts', url: 'https://www.acas.org.uk/index.aspx?articleid=4657' },
  note: 'A job title such as salesman implies the employer wants a man.',
  scope: 'span',
  ...over,
});

describe('hoverMarkdown', () => {
  const RULES = 'https://github.com/fairword/fairword/blob/main/docs/rules.md';
  const salesman = finding();
  const young = finding({
    ruleId: 'young',
    category: 'age',
    message: "'young' tells older applicants they are not wanted. Name the skill or quality the job needs instead.",
    actual: 'young',
    suggestions: [],
    source: { title: 'Acas, Age discrimination', url: 'https://www.acas.org.uk/age' },
    note: 'Asking for youth puts off older applicants.',
  });
  const longSentence = finding({
    ruleId: 'long-sentence',
    category: 'plain-english',
    severity: 'hint',
    message: 'This sentence has 31 words. Aim for 20 or fewer: split it into shorter sentences.',
    actual: 'We are looking for a young …',
    suggestions: [],
    source: { title: 'NHS digital service manual, How we write', url: 'https://service-manual.nhs.uk/content/how-we-write' },
    note: 'Long sentences are hard to follow.',
  });
  const missing = (ruleId: string, severity: Finding['severity'], message: string): Finding =>
    finding({ ruleId, severity, message, scope: 'document', category: 'statements', actual: 'Sales job', suggestions: [], note: `Why ${ruleId} matters.` });
  const heading = [
    missing('missing-disability-confident', 'hint', 'This advert does not mention the Disability Confident scheme.'),
    missing('missing-flexible-working', 'information', 'This advert does not mention flexible working.'),
    missing('missing-salary', 'information', 'This advert does not say what the job pays.'),
  ];

  it('leads with the message, then what to write instead, why it matters, and the source beside the rule', () => {
    expect(hoverMarkdown([salesman])).toBe(
      [
        "'salesman' suggests the job is for one sex.",
        '**Instead, try:** “salesperson”, “sales representative”',
        '**Why it matters:** A job title such as salesman implies the employer wants a man.',
        `**Source:** [Acas, Job adverts](https://www.acas.org.uk/index.aspx?articleid=4657) · [Fairword rule \`gendered-job-title\`](${RULES}#gendered-job-title)`,
      ].join('\n\n'),
    );
  });

  it('leaves out the messages the editor shows itself (all but hints)', () => {
    expect(hoverMarkdown([salesman], { editorShowsMessages: true })).toBe(
      [
        '**Instead, try:** “salesperson”, “sales representative”',
        '**Why it matters:** A job title such as salesman implies the employer wants a man.',
        `**Source:** [Acas, Job adverts](https://www.acas.org.uk/index.aspx?articleid=4657) · [Fairword rule \`gendered-job-title\`](${RULES}#gendered-job-title)`,
      ].join('\n\n'),
    );
    const repeat = finding({ severity: 'hint', message: "'salesman' again: see its first use." });
    expect(hoverMarkdown([repeat], { editorShowsMessages: true }).split('\n\n')[0]).toBe("'salesman' again: see its first use.");
  });

  it('shows only the finding on the words under the mouse, not the long sentence or the document findings around it', () => {
    const expected = [
      "'young' tells older applicants they are not wanted. Name the skill or quality the job needs instead.",
      '**Why it matters:** Asking for youth puts off older applicants.',
      `**Source:** [Acas, Age discrimination](https://www.acas.org.uk/age) · [Fairword rule \`young\`](${RULES}#young)`,
    ].join('\n\n');
    expect(hoverMarkdown([longSentence, ...heading, young])).toBe(expected);
    expect(leadingFindings([longSentence, young])).toEqual({ lead: [young], compact: [] });
  });

  it('puts the most serious of several findings on the words first, separated by a rule', () => {
    const energetic = finding({ ruleId: 'energetic', severity: 'information', message: "'energetic' is often read as code for 'young'.", suggestions: [], note: '' });
    expect(hoverMarkdown([energetic, young], { editorShowsMessages: true })).toBe(
      [
        '**Why it matters:** Asking for youth puts off older applicants.',
        `**Source:** [Acas, Age discrimination](https://www.acas.org.uk/age) · [Fairword rule \`young\`](${RULES}#young)`,
        '---',
        `**Source:** [Acas, Job adverts](https://www.acas.org.uk/index.aspx?articleid=4657) · [Fairword rule \`energetic\`](${RULES}#energetic)`,
      ].join('\n\n'),
    );
  });

  it('explains a long sentence in full when nothing else is under the mouse', () => {
    expect(hoverMarkdown([longSentence], { editorShowsMessages: true })).toBe(
      [
        'This sentence has 31 words. Aim for 20 or fewer: split it into shorter sentences.',
        '**Why it matters:** Long sentences are hard to follow.',
        `**Source:** [NHS digital service manual, How we write](https://service-manual.nhs.uk/content/how-we-write) · [Fairword rule \`long-sentence\`](${RULES}#long-sentence)`,
      ].join('\n\n'),
    );
  });

  it('gives each document finding one line on a heading, the most serious first, and none the editor already shows', () => {
    expect(hoverMarkdown(heading)).toBe(
      [
        `This advert does not mention flexible working. · [Fairword rule \`missing-flexible-working\`](${RULES}#missing-flexible-working)`,
        `This advert does not say what the job pays. · [Fairword rule \`missing-salary\`](${RULES}#missing-salary)`,
        `This advert does not mention the Disability Confident scheme. · [Fairword rule \`missing-disability-confident\`](${RULES}#missing-disability-confident)`,
      ].join('\n\n'),
    );
    expect(hoverMarkdown(heading, { editorShowsMessages: true })).toBe(
      `This advert does not mention the Disability Confident scheme. · [Fairword rule \`missing-disability-confident\`](${RULES}#missing-disability-confident)`,
    );
    expect(hoverMarkdown(heading.slice(1), { editorShowsMessages: true })).toBe('');
  });

  it('leaves out suggestions when there are none, links no source without a URL, and links engine findings to the guide', () => {
    const a = finding({ ruleId: 'age-limit', message: 'Age limit.', suggestions: [], source: { title: 'Equality Act 2010, s. 13' }, note: 'Age limits exclude people.' });
    const b = finding({ ruleId: 'custom-term', message: 'Custom.', suggestions: ['', 'x'], note: '', severity: 'information' });
    expect(hoverMarkdown([b, a])).toBe(
      [
        'Age limit.',
        '**Why it matters:** Age limits exclude people.',
        `**Source:** Equality Act 2010, s. 13 · [Fairword rule \`age-limit\`](${RULES}#age-limit)`,
        '---',
        'Custom.',
        '**Instead, try:** leave it out, “x”',
        '**Source:** [Acas, Job adverts](https://www.acas.org.uk/index.aspx?articleid=4657) · [Fairword rule \`custom-term\`](https://github.com/fairword/fairword/blob/main/docs/configuration.md#terms)',
      ].join('\n\n'),
    );
  });

  it('escapes Markdown in messages, notes, suggestions and titles, and encodes link targets', () => {
    expect(escapeMarkdown('a *b* [c] <d> `e`\nf')).toBe('a \\*b\\* \\[c\\] \\<d\\> \\`e\\` f');
    const f = finding({ message: 'Use *x*.', suggestions: ['_x_'], source: { title: 'T [1]', url: 'https://e.org/a (b)' } });
    expect(hoverMarkdown([f])).toContain('Use \\*x\\*.');
    expect(hoverMarkdown([f])).toContain('“\\_x\\_”');
    expect(hoverMarkdown([f])).toContain('[T \\[1\\]](https://e.org/a%20%28b%29)');
  });
});

describe('rule documentation links', () => {
  const rulesDoc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  const configDoc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
  const repository = (JSON.parse(readFileSync(new URL('../../client/package.json', import.meta.url), 'utf8')) as { repository: { url: string } }).repository.url;
  /** GitHub's anchor for a Markdown heading. */
  const slug = (heading: string): string => heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
  const configAnchors = new Set([...configDoc.matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!)));

  it('are on the repository named in client/package.json', () => {
    expect(RULES_DOC_URL).toBe(`${repository}/blob/main/docs/rules.md`);
    expect(CONFIG_DOC_URL).toBe(`${repository}/blob/main/docs/configuration.md`);
  });

  it('give every rule code its own section: a rule in docs/rules.md, which cites its sources', () => {
    for (const rule of ruleCatalog()) {
      const d = toDiagnostic(finding({ ruleId: rule.id }), uri);
      expect(d.codeDescription, rule.id).toEqual({ href: `${RULES_DOC_URL}#${rule.id}` });
      const section = rulesDoc.slice(rulesDoc.indexOf(`<a id="${rule.id}"></a>`));
      expect(section.startsWith(`<a id="${rule.id}"></a>`), rule.id).toBe(true);
      const cited = section.slice(0, section.indexOf('**Flagged:**'));
      for (const source of rule.sources) expect(cited, rule.id).toContain(source.url ? `[${source.title}](${source.url})` : `- ${source.title}`);
    }
  });

  it('give the findings the engine makes itself, and config mistakes, their section of docs/configuration.md', () => {
    for (const id of ['custom-term', 'rule-error', 'unused-directive', 'unknown-rule', 'too-many-findings', CONFIG_ERROR_CODE]) {
      const href = ruleDocUrl(id);
      expect(href.startsWith(`${CONFIG_DOC_URL}#`), id).toBe(true);
      expect(configAnchors.has(href.slice(href.indexOf('#') + 1)), href).toBe(true);
    }
    expect(toDiagnostic(finding({ ruleId: 'custom-term', source: { title: 'x', url: 'https://example.org/x' } }), uri).codeDescription).toEqual({
      href: `${CONFIG_DOC_URL}#terms`,
    });
    expect(configDiagnostics('rules: x\n', [{ message: 'bad', line: 0, character: 7 }], false)[0]!.codeDescription).toEqual({
      href: `${CONFIG_DOC_URL}#mistakes-in-the-file`,
    });
  });
});

describe('codeActionsFor', () => {
  const context = (over: Partial<ActionContext> = {}): ActionContext => ({
    uri,
    version: 3,
    format: 'markdown',
    lineText: '  - Our salesman',
    textAtRange: 'salesman',
    allowable: true,
    canTurnOff: true,
    canIgnoreHere: true,
    term: 'salesman',
    ...over,
  });

  it('offers replacements, then ignore here, allow and turn off, in that order', () => {
    const d = toDiagnostic(finding(), uri);
    const ignore: IgnoreHereArgs = {
      uri,
      version: 3,
      line: 2,
      ruleId: 'gendered-job-title',
      actual: 'salesman',
      format: 'markdown',
      indent: '  ',
    };
    expect(codeActionsFor(d, context())).toEqual([
      {
        title: "Replace with 'salesperson'",
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: d.range, newText: 'salesperson' }] } },
      },
      {
        title: "Replace with 'sales representative'",
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: false,
        edit: { changes: { [uri]: [{ range: d.range, newText: 'sales representative' }] } },
      },
      {
        title: "Ignore 'salesman' here…",
        kind: 'quickfix',
        diagnostics: [d],
        command: { title: 'Ignore here…', command: 'fairword.ignoreHere', arguments: [ignore] },
      },
      {
        title: "Allow 'salesman' in this workspace",
        kind: 'quickfix',
        diagnostics: [d],
        command: { title: "Allow 'salesman' in this workspace", command: 'fairword.allowTerm', arguments: [{ uri, term: 'salesman' }] },
      },
      {
        title: "Turn off the 'gendered-job-title' rule in this workspace",
        kind: 'quickfix',
        diagnostics: [d],
        command: {
          title: "Turn off the 'gendered-job-title' rule in this workspace",
          command: 'fairword.turnOffRule',
          arguments: [{ uri, ruleId: 'gendered-job-title' }],
        },
      },
    ]);
  });

  it('offers only the insertion and turning off for a document finding, and nothing once the text changed', () => {
    const insert = { offset: 0, position: { line: 4, character: 0 }, text: 'Salary: £30,000\n\n', title: 'Insert a salary statement' };
    const d = toDiagnostic(finding({ ruleId: 'missing-salary', suggestions: [], scope: 'document', actual: 'Sales job', insert }), uri);
    const actions = codeActionsFor(d, context({ textAtRange: 'Sales job', allowable: false }));
    expect(actions.map((a) => [a.title, a.edit?.changes?.[uri], a.command?.command])).toEqual([
      ['Insert a salary statement', [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: 'Salary: £30,000\n\n' }], undefined],
      ["Turn off the 'missing-salary' rule in this workspace", undefined, 'fairword.turnOffRule'],
    ]);
    expect(codeActionsFor(toDiagnostic(finding(), uri), context({ textAtRange: 'salesmen' }))).toEqual([]);
  });

  it('offers to remove an unused directive, and nothing else for engine findings', () => {
    const d = toDiagnostic(
      finding({
        ruleId: 'unused-directive',
        category: 'fairword',
        severity: 'hint',
        actual: '<!-- fairword-disable-next-line young -->',
        suggestions: [],
        range: { start: { line: 1, character: 2 }, end: { line: 1, character: 43 } },
      }),
      uri,
    );
    const actions = codeActionsFor(d, context({ lineText: '  <!-- fairword-disable-next-line young -->', textAtRange: d.data.actual }));
    expect(actions).toEqual([
      {
        title: 'Remove this directive',
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }] } },
      },
    ]);
  });

  it('leaves out allow and turn off when they would not work', () => {
    const d = toDiagnostic(finding({ ruleId: 'age-limit', actual: 'aged 18-30', suggestions: [] }), uri);
    const titles = codeActionsFor(d, context({ textAtRange: 'aged 18-30', allowable: false, canTurnOff: true })).map((a) => a.title);
    expect(titles).toEqual(["Ignore 'aged 18-30' here…", "Turn off the 'age-limit' rule in this workspace"]);
    const custom = toDiagnostic(finding({ ruleId: 'custom-term', suggestions: [] }), uri);
    expect(codeActionsFor(custom, context({ canTurnOff: false })).map((a) => a.title)).toEqual([
      "Ignore 'salesman' here…",
      "Allow 'salesman' in this workspace",
    ]);
  });
});

describe('what the quick-fix menu waits for: AllowProbe and the check of the whole text', () => {
  const clock = { setTimeout: () => undefined, clearTimeout: () => undefined, yield: () => new Promise<void>((resolve) => setImmediate(resolve)) };
  const failures: string[] = [];
  const log = new Log({ error: (m: string) => failures.push(m), warn: (m: string) => failures.push(m) });
  const entry = new ConfigStore(NO_FILE_SYSTEM, {}, () => undefined, () => undefined).defaults();
  const text = 'Our salesman is here.\nWe need a handicapped-accessible entrance.\n';
  /** The same config, as a config change makes it: a new entry whose linter may not be compiled again. */
  const recompiled = { ...entry, linter: () => { throw new Error('compiled a linter while the menu waited'); } };

  it('tries the rules of a checked document ahead, once, so the quick-fix menu need not wait, even after a config change', async () => {
    const probe = new AllowProbe(clock, log);
    const findings = entry.linter().lint(text, { format: 'markdown' }).findings;
    expect(findings.map((f) => f.ruleId)).toContain('gendered-job-title');
    await probe.warm(entry, text, findings, 'markdown', undefined);
    expect(probe.allowable(recompiled, 'gendered-job-title', 'salesman', 'Our salesman is here.', 'markdown', undefined)).toBe(true);
    expect(failures).toEqual([]);
  });

  it('tries a rule on the spot when it was not tried ahead, and learns nothing where the rule does not flag the term', () => {
    const probe = new AllowProbe(clock, log);
    expect(probe.allowable(entry, 'gendered-job-title', 'salesman', 'Our salesman is here.', 'markdown', undefined)).toBe(true);
    expect(probe.allowable(recompiled, 'gendered-job-title', 'salesman', 'Our salesman is here.', 'markdown', undefined)).toBe(true);
    expect(probe.allowable(entry, 'young', 'young', 'Nothing to see.', 'markdown', undefined)).toBe(false);
    expect(() => probe.allowable(recompiled, 'young', 'young', 'Nothing to see.', 'markdown', undefined)).toThrow('compiled a linter');
  });

  it('lets the quick fixes of a finding that is not safe skip checking the whole text (which a config change makes slow)', async () => {
    const advert = 'We want a young salesman.\n';
    const document = TextDocument.create(uri, 'markdown', 1, advert);
    const ctx = {
      documents: { get: () => document, isCurrent: () => true, results: new Map() },
      workspace: { settingsFor: () => Promise.resolve(DEFAULT_SETTINGS) },
      analyser: {
        contextOf: () => Promise.resolve({ entry, resource: undefined, ignored: undefined }),
        analyseWith: () => {
          throw new Error('checked the whole text');
        },
      },
      allowProbe: new AllowProbe(clock, log),
      client: { ignoreHere: true },
      log,
    } as unknown as ServerContext;
    const [young, salesman] = entry.linter().lint(advert, { format: 'markdown' }).findings.map((f) => toDiagnostic(f, uri));
    expect([young!.data, salesman!.data]).toMatchObject([{ ruleId: 'young' }, { ruleId: 'gendered-job-title', safe: true }]);
    const ask = (d: Diagnostic) => codeActions(ctx, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    expect((await ask(young!)).map((a) => a.title)).toEqual(["Ignore 'young' here…", "Allow 'young' in this workspace", "Turn off the 'young' rule in this workspace"]);
    await expect(ask(salesman!)).rejects.toThrow('checked the whole text');
  });

  it('stops trying ahead at shutdown', async () => {
    const probe = new AllowProbe(clock, log);
    probe.stop();
    await probe.warm(entry, text, entry.linter().lint(text, { format: 'markdown' }).findings, 'markdown', undefined);
    expect(() => probe.allowable(recompiled, 'gendered-job-title', 'salesman', 'Our salesman is here.', 'markdown', undefined)).toThrow('compiled a linter');
  });
});

describe('ignore directives', () => {
  const args: IgnoreHereArgs = { uri, version: 1, line: 4, ruleId: 'young', actual: 'young', format: 'markdown', indent: '  ' };

  it('writes an HTML comment in Markdown and a line of its own in plain text, keeping the indentation', () => {
    expect(ignoreDirectiveText(args, 'quoting the old advert')).toBe('  <!-- fairword-disable-next-line young -- quoting the old advert -->\n');
    expect(ignoreDirectiveText({ ...args, format: 'plaintext', indent: '\t' }, 'a quote', '\r\n')).toBe(
      '\tfairword-disable-next-line young -- a quote\r\n',
    );
    expect(ignoreHereEdit(args, '')).toEqual({
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
      newText: '  <!-- fairword-disable-next-line young -->\n',
    });
  });

  it('keeps a reason on one line and never ends the comment early', () => {
    expect(ignoreDirectiveText(args, '  first\nsecond --> third -- fourth  ')).toBe(
      '  <!-- fairword-disable-next-line young -- first second – third – fourth -->\n',
    );
  });

  it('removes a directive alone on its line with the line, else only the directive', () => {
    const d = (start: number, end: number): Diagnostic => ({
      range: { start: { line: 3, character: start }, end: { line: 3, character: end } },
      message: '',
    });
    expect(removeDirectiveEdit(d(2, 30), '# fairword-disable-next-line x', 'plaintext').range).toEqual({
      start: { line: 3, character: 0 },
      end: { line: 4, character: 0 },
    });
    expect(removeDirectiveEdit(d(5, 20), 'Text <!-- fairword-x --> more', 'markdown').range).toEqual(d(5, 20).range);
  });
});

describe('safeFixEdits and fix-all', () => {
  const text = 'She is wheelchair-bound and our salesman said he/she would.';
  const at = (actual: string, suggestions: string[], over: Partial<Finding> = {}): Finding => {
    const start = text.indexOf(actual);
    return finding({
      actual,
      suggestions,
      offset: { start, end: start + actual.length },
      range: { start: { line: 0, character: start }, end: { line: 0, character: start + actual.length } },
      safe: true,
      ...over,
    });
  };

  it('keeps span findings marked safe whose text is still in place', () => {
    const edits = safeFixEdits(text, [
      at('wheelchair-bound', ['wheelchair user']),
      at('salesman', ['salesperson', 'sales representative'], { safe: false }),
      at('he/she', ['they']),
      at('would', ['would'], { ruleId: 'same' }),
      at('She', ['They'], { scope: 'document' }),
      { ...at('our', ['your']), actual: 'out' },
    ]);
    expect(edits).toEqual([
      { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 23 } }, newText: 'wheelchair user' },
      { range: { start: { line: 0, character: 46 }, end: { line: 0, character: 52 } }, newText: 'they' },
    ]);
  });

  it('drops the earlier of two overlapping fixes, as the CLI does', () => {
    const edits = safeFixEdits(text, [at('wheelchair-bound', ['a']), at('bound', ['b'])]);
    expect(edits.map((e) => e.newText)).toEqual(['b']);
  });

  it('makes the quick fix and the source.fixAll.fairword action', () => {
    const edits = safeFixEdits(text, [at('he/she', ['they'])]);
    expect(fixAllAction(uri, edits, 'source.fixAll.fairword')).toEqual({
      title: FIX_ALL_TITLE,
      kind: 'source.fixAll.fairword',
      edit: { changes: { [uri]: edits } },
    });
    expect(FIX_ALL_TITLE).toBe('Fix all Fairword replacements in this file');
  });

  it('matches requested code action kinds hierarchically', () => {
    expect(wants(undefined, 'quickfix')).toBe(true);
    expect(wants(undefined, 'source.fixAll.fairword')).toBe(false);
    expect(wants(['source.fixAll'], 'source.fixAll.fairword')).toBe(true);
    expect(wants(['source'], 'source.fixAll.fairword')).toBe(true);
    expect(wants(['source.fixAll.eslint'], 'source.fixAll.fairword')).toBe(false);
    expect(wants(['quickfix'], 'source.fixAll.fairword')).toBe(false);
    expect(wants([''], 'quickfix')).toBe(true);
  });
});

describe('config edits', () => {
  const commented = [
    '# Our Fairword settings',
    'rules:',
    '  young: warning   # keep',
    '  bame: { severity: hint }',
    '',
    '# Terms we use on purpose',
    'allow:',
    '  - Chairman of the Board   # the board',
    'terms:',
    '  - phrase: rockstar',
    '    suggestions: [expert]',
    'repeats: all',
    '',
  ].join('\n');

  it('adds a term to allow and turns a rule off through the YAML document, keeping comments, blank lines and order', () => {
    // The yaml library writes the whole document again: the settings and comments stay, spacing before a comment
    // and inside flow collections becomes its own.
    const normalised = commented.replace('warning   # keep', 'warning # keep').replace('{ severity: hint }', '{severity: hint}').replace('Board   # the', 'Board # the');
    expect(allowTerm(commented, 'young', '.fairword.yaml')).toEqual({
      text: normalised.replace('  - Chairman of the Board # the board\n', '  - Chairman of the Board # the board\n  - young\n'),
      changed: true,
    });
    expect(turnOffRule(commented, 'young', '.fairword.yaml')).toEqual({
      text: normalised.replace('young: warning # keep', 'young: off # keep'),
      changed: true,
    });
    expect(turnOffRule(commented, 'gendered-job-title', '.fairword.yaml')).toEqual({
      text: normalised.replace('  bame: {severity: hint}\n', '  bame: {severity: hint}\n  gendered-job-title: off\n'),
      changed: true,
    });
  });

  it.each([
    ['', 'allow:\n  - young\n', 'rules:\n  young: off\n'],
    ['# only a comment\n', '# only a comment\n\nallow:\n  - young\n', '# only a comment\n\nrules:\n  young: off\n'],
    ['repeats: all', 'repeats: all\nallow:\n  - young\n', 'repeats: all\nrules:\n  young: off\n'],
    ['allow:\n- a\n', 'allow:\n- a\n- young\n', 'allow:\n- a\nrules:\n  young: off\n'],
    ['allow: [a, b]\nrules: {}\n', 'allow: [a, b, young]\nrules: {}\n', 'allow: [a, b]\nrules: {young: off}\n'],
    ['rules:\r\n  bame: hint\r\n', 'rules:\r\n  bame: hint\r\nallow:\r\n  - young\r\n', 'rules:\r\n  bame: hint\r\n  young: off\r\n'],
    ['rules:\n  young: { severity: hint } # why\n', 'rules:\n  young: {severity: hint} # why\nallow:\n  - young\n', 'rules:\n  young: off # why\n'],
  ])('edits YAML %j', (before, allowed, off) => {
    expect(allowTerm(before, 'young', '.fairword.yaml')).toEqual({ text: allowed, changed: true });
    expect(turnOffRule(before, 'young', '.fairword.yml')).toEqual({ text: off, changed: true });
  });

  it.each([
    ['', '{\n  "allow": [\n    "young"\n  ]\n}\n', '{\n  "rules": {\n    "young": "off"\n  }\n}\n'],
    ['{}', '{\n  "allow": [\n    "young"\n  ]\n}', '{\n  "rules": {\n    "young": "off"\n  }\n}'],
    [
      '{\n  "allow": [\n    "a"\n  ],\n  "rules": {\n    "young": "warning"\n  }\n}\n',
      '{\n  "allow": [\n    "a",\n    "young"\n  ],\n  "rules": {\n    "young": "warning"\n  }\n}\n',
      '{\n  "allow": [\n    "a"\n  ],\n  "rules": {\n    "young": "off"\n  }\n}\n',
    ],
    ['{\r\n\t"repeats": "all"\r\n}\r\n', '{\r\n\t"repeats": "all",\r\n\t"allow": [\r\n\t\t"young"\r\n\t]\r\n}\r\n', '{\r\n\t"repeats": "all",\r\n\t"rules": {\r\n\t\t"young": "off"\r\n\t}\r\n}\r\n'],
  ])('edits JSON %j', (before, allowed, off) => {
    expect(allowTerm(before, 'young', '.fairword.json')).toEqual({ text: allowed, changed: true });
    expect(turnOffRule(before, 'young', '.fairword.json')).toEqual({ text: off, changed: true });
  });

  it.each([
    ['a line break', 'first line\nsecond: line'],
    ['a colon and quotes', `it's "x": y`],
    ['a comment sign and a leading dash', '- # not a comment'],
    ['YAML words', 'yes'],
    ['a tab, a backslash and a carriage return', 'a\tb\\c\rd'],
  ])('writes a term with %s as valid YAML and JSON that reads back as the same term', (_, term) => {
    for (const [name, before] of [
      ['.fairword.yaml', 'allow:\n  - a\n'],
      ['.fairword.yaml', 'allow: [a]\n'],
      ['.fairword.yaml', ''],
      ['.fairword.json', '{"allow": ["a"]}'],
    ] as const) {
      const edited = allowTerm(before, term, name);
      expect('text' in edited, `${name} ${JSON.stringify(before)}`).toBe(true);
      const { config, errors } = parseConfig((edited as { text: string }).text, name);
      expect(errors, `${name} ${JSON.stringify(before)}`).toEqual([]);
      expect(config.allow, `${name} ${JSON.stringify(before)}`).toEqual(before.includes('a') ? ['a', term] : [term]);
    }
  });

  it('refuses a term the config would not accept, and leaves the file alone', () => {
    const long = Array.from({ length: 17 }, (_, i) => `w${i}`).join(' ');
    expect(allowTerm('allow:\n  - a\n', long, '.fairword.yaml')).toEqual({ error: expect.stringMatching(/^the change would not be a valid setting \(.+\)\.$/) });
  });

  it('changes nothing when the term is allowed or the rule is off already', () => {
    expect(allowTerm('allow:\n  - Young\n', 'young', '.fairword.yaml')).toEqual({ text: 'allow:\n  - Young\n', changed: false });
    expect(turnOffRule('rules:\n  young: off\n', 'young', '.fairword.yaml')).toEqual({ text: 'rules:\n  young: off\n', changed: false });
  });

  it('refuses to edit a file it cannot understand', () => {
    expect(allowTerm('rules: [\n', 'young', '.fairword.yaml')).toEqual({ error: 'it has a mistake in it. Fix that first.' });
    expect(allowTerm('- a\n', 'young', '.fairword.yaml')).toEqual({ error: 'it is not a mapping of settings.' });
    expect(allowTerm('allow: young\n', 'young', '.fairword.yaml')).toEqual({ error: '"allow" is not a list.' });
    expect(turnOffRule('rules:\n', 'young', '.fairword.yaml')).toEqual({
      error: '"rules" is empty but not a mapping. Make it a mapping first.',
    });
  });

  it('quotes terms that YAML would misread', () => {
    expect(allowTerm('allow:\n  - a\n', 'yes: no', '.fairword.yaml')).toEqual({ text: 'allow:\n  - a\n  - "yes: no"\n', changed: true });
    expect(allowTerm('allow:\n  - a\n', 'line one\nline two', '.fairword.yaml')).toEqual({ text: 'allow:\n  - a\n  - |-\n    line one\n    line two\n', changed: true });
  });

  it('allows the flagged words without a capital that only starts a sentence', () => {
    expect([termToAllow('Young'), termToAllow('BAME'), termToAllow('Native  English speaker'), termToAllow('iPhone')]).toEqual([
      'young',
      'BAME',
      'Native English speaker',
      'iPhone',
    ]);
  });

  it('starts new config files with a template the engine accepts', async () => {
    const { parseConfig } = await import('@fairword/rules');
    expect(parseConfig(CONFIG_TEMPLATE, '.fairword.yaml')).toEqual({ config: { rules: {}, allow: [] }, errors: [] });
    const edited = allowTerm(CONFIG_TEMPLATE, 'young', '.fairword.yaml');
    expect('text' in edited && parseConfig(edited.text, '.fairword.yaml').config.allow).toEqual(['young']);
  });
});

describe('typing hold', () => {
  it('finds the word at the caret', () => {
    expect(wordAt('Our salesman team', 12)).toEqual({ start: 4, end: 12 });
    expect(wordAt('Our salesman team', 13)).toEqual({ start: 13, end: 17 });
    expect(wordAt('Our salesman  team', 13)).toBeUndefined();
    expect(wordAt("a wheelchair-b", 14)).toEqual({ start: 2, end: 14 });
    expect(wordAt('', 0)).toBeUndefined();
  });

  it('puts the caret after the inserted text, and only for typing', () => {
    const range = { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } };
    expect(caretAfter({ range, text: 'man' }, 9)).toBe(12);
    expect(caretAfter({ range, text: '' }, 9)).toBe(9);
    expect(caretAfter({ text: 'whole document' }, undefined)).toBeUndefined();
    expect(caretAfter({ range, text: 'two\nlines' }, 9)).toBeUndefined();
  });

  it('holds back span findings that touch the word at the caret', () => {
    const text = 'Our salesman is young. He/she';
    const f = (start: number, end: number, scope: 'span' | 'document' = 'span') => ({ offset: { start, end }, scope });
    const findings = [f(4, 12), f(16, 21), f(0, 3, 'document'), f(23, 29)];
    expect(holdBack(findings, text, 12)).toEqual({ shown: [f(16, 21), f(0, 3, 'document'), f(23, 29)], held: [f(4, 12)] });
    expect(holdBack(findings, text, 13)).toEqual({ shown: findings, held: [] });
    expect(holdBack(findings, text, undefined)).toEqual({ shown: findings, held: [] });
  });
});

describe('settings', () => {
  it('reads the fairword section, falling back to defaults for anything invalid', () => {
    expect(readSettings(undefined)).toEqual({ enable: true, run: 'onType', minimumSeverity: 'hint', maxFileSize: 1048576 });
    expect(readSettings({ enable: false, run: 'onSave', minimumSeverity: 'warning', maxFileSize: 2000, trace: { server: 'off' } })).toEqual({
      enable: false,
      run: 'onSave',
      minimumSeverity: 'warning',
      maxFileSize: 2000,
    });
    expect(readSettings({ enable: 'no', run: 'sometimes', minimumSeverity: 'info', maxFileSize: -1 })).toEqual(DEFAULT_SETTINGS);
  });

  it('compares severities and prints sizes', () => {
    expect(isShown('warning', 'information')).toBe(true);
    expect(isShown('hint', 'information')).toBe(false);
    expect([formatBytes(900), formatBytes(2048), formatBytes(1048576), formatBytes(1572864)]).toEqual(['900 bytes', '2 KB', '1 MB', '1.5 MB']);
  });
});

describe('configDiagnostics', () => {
  it('underlines from the error to the end of its line, and says when the last good settings are in use', () => {
    const text = 'rules:\n  not-a-rule: warning   \nrepeats: sometimes\n';
    const errors = [
      { message: 'unknown rule "not-a-rule" (run `fairword rules` to list them)', line: 1, character: 2 },
      { message: '"repeats" must be first or all', line: 2, character: 9 },
      { message: 'end of file', line: 3, character: 0 },
    ];
    expect(configDiagnostics(text, errors, true)).toEqual([
      {
        range: { start: { line: 1, character: 2 }, end: { line: 1, character: 21 } },
        severity: 1,
        code: 'config',
        codeDescription: { href: 'https://github.com/fairword/fairword/blob/main/docs/configuration.md#mistakes-in-the-file' },
        source: 'fairword',
        message:
          'Unknown rule "not-a-rule" (run `fairword rules` to list them). Until this is fixed, Fairword keeps using the settings from before this change.',
      },
      {
        range: { start: { line: 2, character: 9 }, end: { line: 2, character: 18 } },
        severity: 1,
        code: 'config',
        codeDescription: { href: 'https://github.com/fairword/fairword/blob/main/docs/configuration.md#mistakes-in-the-file' },
        source: 'fairword',
        message: '"repeats" must be first or all. Until this is fixed, Fairword keeps using the settings from before this change.',
      },
      {
        range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
        severity: 1,
        code: 'config',
        codeDescription: { href: 'https://github.com/fairword/fairword/blob/main/docs/configuration.md#mistakes-in-the-file' },
        source: 'fairword',
        message: 'End of file. Until this is fixed, Fairword keeps using the settings from before this change.',
      },
    ]);
    expect(configDiagnostics(text, errors.slice(1, 2), false)[0]!.message).toBe('"repeats" must be first or all.');
  });
});

describe('fileUri', () => {
  it('spells file URIs as VS Code does', () => {
    expect(fileUri('/home/hr/Job advert (final).md')).toBe('file:///home/hr/Job%20advert%20%28final%29.md');
    expect(fileUri("/a/it's@home!*.md")).toBe('file:///a/it%27s%40home%21%2A.md');
    expect(fileUri('C:\\Users\\hr\\advert.md')).toBe('file:///c%3A/Users/hr/advert.md');
  });
});

describe('extension labels', () => {
  const counts = { error: 0, warning: 8, information: 9, hint: 6 };
  const base: StatusParams = {
    uri,
    version: 1,
    count: 23,
    counts,
    kind: 'job-advert',
    kindSource: 'text',
    kindEvidence: ['a job advert title', 'recruiting language'],
  };
  const links = '[Change document type](command:fairword.setDocumentKind) · [Show the inclusivity report](command:fairword.showReport)';

  it('counts what the Problems panel lists, and the hints apart', () => {
    expect(problemsLabel(counts)).toBe('8 warnings, 9 info');
    expect(problemsLabel({ error: 1, warning: 1, information: 1, hint: 0 })).toBe('1 error, 1 warning, 1 info');
    expect(problemsLabel({ error: 2, warning: 0, information: 0, hint: 3 })).toBe('2 errors');
    expect(problemsLabel({ error: 0, warning: 0, information: 0, hint: 3 })).toBe('no problems');
    expect(hintsLabel(counts)).toBe('plus 6 hints (shown as dots)');
    expect(hintsLabel({ ...counts, hint: 1 })).toBe('plus 1 hint (shown as dots)');
    expect(hintsLabel({ ...counts, hint: 0 })).toBe('');
  });

  it('names Fairword, the kind and the counts; the tooltip gives the kind\'s evidence and the hints', () => {
    expect(statusView(base)).toEqual({
      text: 'Fairword: Job advert · 8 warnings, 9 info',
      detail: [
        'Fairword checked this as a **job advert** (type recognised from the text: a job advert title, recruiting language).',
        'Under this file in the Problems panel: 8 warnings, 9 info.',
        'Plus 6 hints (shown as dots), which the Problems panel does not list.',
        links,
      ].join('\n\n'),
      severity: 'information',
      busy: false,
      command: { title: 'Show the inclusivity report', command: 'fairword.showReport' },
    });
    const policy: StatusParams = { uri, version: 1, count: 1, counts: { error: 0, warning: 1, information: 0, hint: 0 }, kind: 'policy', kindSource: 'override' };
    expect(statusView(policy)).toMatchObject({
      text: 'Fairword: Policy · 1 warning',
      detail: ['Fairword checked this as a **policy** (type chosen by you).', 'Under this file in the Problems panel: 1 warning.', links].join('\n\n'),
    });
    const none: StatusParams = { uri, version: 1, count: 0, counts: { error: 0, warning: 0, information: 0, hint: 0 }, kind: 'general', kindSource: 'default' };
    expect(statusView(none)).toMatchObject({
      text: 'Fairword: General document · no problems',
      detail: ['Fairword checked this as a **general document** (type not recognised).', 'Nothing under this file in the Problems panel.', links].join('\n\n'),
    });
    expect(statusView(undefined)).toEqual({ text: 'Fairword: checking…', detail: 'Fairword is checking this document.', severity: 'information', busy: true });
    expect(STATUS_COMMANDS).toEqual(['fairword.setDocumentKind', 'fairword.showReport', 'fairword.openConfigFile', 'fairword.checkFile', 'workbench.action.openSettings']);
  });

  it('says when only the most serious findings are listed, counting what the Problems panel lists', () => {
    const listed = { error: 0, warning: 600, information: 401, hint: 0 };
    const truncated: StatusParams = { ...base, count: 149000, counts: listed, truncated: { shown: 1000, total: 149000 } };
    const lines = [
      'Fairword checked this as a **job advert** (type recognised from the text: a job advert title, recruiting language).',
      'Under this file in the Problems panel: 600 warnings, 401 info.',
      'Fairword found 149000 things to review here and lists the 1000 most serious, with a notice saying so.',
    ];
    expect(statusView(truncated)).toMatchObject({ text: 'Fairword: Job advert · 600 warnings, 401 info', detail: [...lines, links].join('\n\n') });
    expect(statusView({ ...truncated, config: { path: '/w/.fairword.yaml', errors: 1 } }).detail).toBe(
      [
        ...lines,
        '.fairword.yaml has a mistake, so the settings from before it are used.',
        '[Open .fairword.yaml](command:fairword.openConfigFile) · [Change document type](command:fairword.setDocumentKind)',
      ].join('\n\n'),
    );
  });

  it('says why a file was not checked, with a way to change that', () => {
    const skipped = (reason: NonNullable<StatusParams['skipped']>['reason']): StatusParams => ({
      uri,
      version: 1,
      count: 0,
      counts: { error: 0, warning: 0, information: 0, hint: 0 },
      skipped: { reason, message: 'Why.' },
    });
    expect(statusView(skipped('too-large'))).toEqual({
      text: 'Fairword: not checked',
      detail: 'Why.\n\n[Open settings](command:workbench.action.openSettings?%5B%22fairword.maxFileSize%22%5D)',
      severity: 'warning',
      busy: false,
      command: { title: 'Open settings', command: 'workbench.action.openSettings', arguments: ['fairword.maxFileSize'] },
    });
    expect(statusView(skipped('disabled'))).toMatchObject({ text: 'Fairword: off', command: { arguments: ['fairword.enable'] } });
    expect(statusView(skipped('manual'))).toMatchObject({
      text: 'Fairword: not checked yet',
      detail: 'Why.\n\n[Check this file](command:fairword.checkFile)',
      command: { command: 'fairword.checkFile' },
    });
    expect(statusView({ ...skipped('ignored'), config: { path: '/w/.fairword.yml', errors: 0 } })).toMatchObject({
      text: 'Fairword: not checked',
      command: { title: 'Open .fairword.yml', command: 'fairword.openConfigFile' },
    });
    expect(statusView(skipped('ignored'))).toEqual({ text: 'Fairword: not checked', detail: 'Why.', severity: 'information', busy: false });
  });

  it('flags a config file with mistakes', () => {
    expect(statusView({ ...base, config: { path: '/w/.fairword.yaml', errors: 2 } })).toEqual({
      text: 'Fairword: Job advert · 8 warnings, 9 info',
      detail: [
        'Fairword checked this as a **job advert** (type recognised from the text: a job advert title, recruiting language).',
        'Under this file in the Problems panel: 8 warnings, 9 info.',
        'Plus 6 hints (shown as dots), which the Problems panel does not list.',
        '.fairword.yaml has a mistake, so the settings from before it are used.',
        '[Open .fairword.yaml](command:fairword.openConfigFile) · [Change document type](command:fairword.setDocumentKind)',
      ].join('\n\n'),
      severity: 'error',
      busy: false,
      command: { title: 'Open .fairword.yaml', command: 'fairword.openConfigFile' },
    });
  });

  it('names every document kind', () => {
    expect(Object.keys(KIND_LABELS)).toEqual([...DOCUMENT_KINDS]);
  });

  it('sums up "Check all files"', () => {
    const result = { files: 12, filesWithFindings: 5, findings: 30, skipped: 0, cancelled: false };
    expect(checkAllSummary(result)).toBe('Fairword checked 12 files. 5 files have something to review (30 things in all).');
    expect(checkAllSummary({ ...result, filesWithFindings: 1, findings: 1, skipped: 1 })).toBe(
      'Fairword checked 12 files. 1 file has 1 thing to review. 1 file was not checked (too large, or turned off).',
    );
    expect(checkAllSummary({ ...result, files: 1, filesWithFindings: 0, findings: 0, cancelled: true, skipped: 2 })).toBe(
      'Fairword stopped after checking 1 file. There is nothing to review. 2 files were not checked (too large, or turned off).',
    );
    expect(checkAllSummary({ ...result, files: 0, filesWithFindings: 0, findings: 0 })).toBe(
      'Fairword found no Markdown or text files to check in this workspace.',
    );
    expect(countLabel(2)).toBe('2 things to review');
  });
});
