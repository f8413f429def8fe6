/**
 * The editor experience, spoken over LSP to the built server bundle (client/dist/server.cjs): hover, every code
 * action, fix-all, ignore/allow/turn off, config file errors, settings, the typing hold, the kind override,
 * the report and "Check all files". Run `npm run build` first. Waits on notifications, never sleeps.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { getRule, lint } from '@fairword/rules';
import { FIX_ALL_TITLE } from '../../server/src/features/actions.js';
import { ignoreHereEdit } from '../../server/src/features/ignore.js';
import {
  CheckDocumentRequest,
  LintWorkspaceRequest,
  ReportRequest,
  SetKindNotification,
  type IgnoreHereArgs,
} from '../../server/src/protocol.js';
import { statusView } from '../../client/src/labels.mjs';
import { TestClient } from './client.js';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
const RULES = 'https://github.com/fairword/fairword/blob/main/docs/rules.md';
const show = (d: Diagnostic): string =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${SEVERITY[d.severity ?? 0]}`;
const shown = (ds: Diagnostic[]): string[] => ds.map(show).sort();

const root = mkdtempSync(join(tmpdir(), 'fairword-editor-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh workspace folder with the given files. */
function workspace(name: string, files: Record<string, string> = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) write(join(dir, file), text);
  return dir;
}

function write(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

const uriOf = (file: string): string => pathToFileURL(file).href;

/** Applies edits to a text as an editor would. */
const apply = (text: string, edits: TextEdit[]): string => TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 1, text), edits);

/** Sends edits as one incremental change and waits for the check of the new version. */
async function edit(client: TestClient, uri: string, version: number, edits: TextEdit[]) {
  const done = client.validated(uri, version);
  await client.change(uri, version, edits.map((e) => ({ range: e.range, text: e.newText })));
  return done;
}

describe('hover, quick fixes and fix-all', () => {
  let client: TestClient;
  let dir: string;
  beforeAll(async () => {
    dir = workspace('actions');
    client = await TestClient.start({ folders: [dir], settings: () => ({}), initializationOptions: { debounceMs: 0, typingDelayMs: 0, ignoreHere: true } });
  });
  afterAll(() => client?.stop());

  it('explains a finding on hover: its message, what to write instead, why it matters, the source and the rule', async () => {
    const uri = uriOf(join(dir, 'hover.md'));
    const text = 'Our salesman is here.\n';
    await client.open(uri, 'markdown', text);
    const rule = getRule('gendered-job-title')!;
    const hover = await client.hover(uri, { line: 0, character: 6 });
    expect(hover).toEqual({
      contents: {
        kind: 'markdown',
        value: [
          "'salesman' suggests the job is for one sex. Use a title that fits anyone.",
          '**Instead, try:** “salesperson”, “sales representative”',
          `**Why it matters:** ${rule.note}`,
          `**Source:** [${rule.sources[0]!.title}](${rule.sources[0]!.url}) · [Fairword rule \`gendered-job-title\`](${RULES}#gendered-job-title)`,
        ].join('\n\n'),
      },
      range: { start: { line: 0, character: 4 }, end: { line: 0, character: 12 } },
    });
    expect(await client.hover(uri, { line: 0, character: 2 })).toBeNull();
    expect(await client.hover(uri, { line: 0, character: 12 })).toBeNull();
  });

  describe('in an advert with a long sentence', () => {
    const text =
      '# Care assistant vacancy\n\nWe are looking for a young and caring person to join our friendly team of care assistants who visit people in their own homes across the county every day of the week.\n';
    const young = getRule('young')!;
    const long = getRule('long-sentence')!;
    const youngBlock = [
      `**Why it matters:** ${young.note}`,
      `**Source:** [${young.sources[0]!.title}](${young.sources[0]!.url}) · [Fairword rule \`young\`](${RULES}#young)`,
    ];
    const youngMessage = "'young' tells older applicants they are not wanted. Name the skill or quality the job needs instead.";
    const confident =
      'If your organisation is a Disability Confident employer, say so, and that disabled applicants who meet the essential criteria will be offered an interview.';
    const headingLines = [
      `This advert does not mention flexible working. Say which patterns are possible, such as part-time or job share, or that you are happy to talk about flexible working. · [Fairword rule \`missing-flexible-working\`](${RULES}#missing-flexible-working)`,
      `This advert has no equality or inclusion statement. Say that you welcome applications from everyone, and name any under-represented groups you particularly encourage. · [Fairword rule \`missing-inclusion-statement\`](${RULES}#missing-inclusion-statement)`,
      `This advert does not say how to ask for adjustments. Tell applicants who to contact for reasonable adjustments or for the advert in another format. · [Fairword rule \`missing-reasonable-adjustments\`](${RULES}#missing-reasonable-adjustments)`,
      `This advert does not say what the job pays. Give the salary or salary range; for NHS posts, the Agenda for Change band and its pay range. · [Fairword rule \`missing-salary\`](${RULES}#missing-salary)`,
      `${confident} · [Fairword rule \`missing-disability-confident\`](${RULES}#missing-disability-confident)`,
    ];

    it('leads with the word under the mouse, not the long sentence around it, and gives the document findings a line each', async () => {
      const uri = uriOf(join(dir, 'long.md'));
      await client.open(uri, 'markdown', text);
      expect(await client.hover(uri, { line: 2, character: 23 })).toEqual({
        contents: { kind: 'markdown', value: [youngMessage, ...youngBlock].join('\n\n') },
        range: { start: { line: 2, character: 21 }, end: { line: 2, character: 26 } },
      });
      expect(await client.hover(uri, { line: 2, character: 60 })).toEqual({
        contents: {
          kind: 'markdown',
          value: [
            'This sentence has 32 words. Aim for 20 or fewer: split it into shorter sentences.',
            `**Why it matters:** ${long.note}`,
            `**Source:** [${long.sources[0]!.title}](${long.sources[0]!.url}) · [Fairword rule \`long-sentence\`](${RULES}#long-sentence)`,
          ].join('\n\n'),
        },
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 166 } },
      });
      expect(await client.hover(uri, { line: 0, character: 8 })).toEqual({
        contents: { kind: 'markdown', value: headingLines.join('\n\n') },
        range: { start: { line: 0, character: 2 }, end: { line: 0, character: 24 } },
      });
    });

    it('leaves out the messages VS Code already shows above its hover, but not those of hints', async () => {
      const vscodeLike = await TestClient.start({
        folders: [dir],
        settings: () => ({}),
        initializationOptions: { debounceMs: 0, typingDelayMs: 0, editorHoverShowsMessages: true, ignoreHere: true },
      });
      try {
        const uri = uriOf(join(dir, 'long-vscode.md'));
        await vscodeLike.open(uri, 'markdown', text);
        expect((await vscodeLike.hover(uri, { line: 2, character: 23 }))?.contents).toEqual({ kind: 'markdown', value: youngBlock.join('\n\n') });
        expect((await vscodeLike.hover(uri, { line: 2, character: 60 }))?.contents).toMatchObject({
          value: expect.stringMatching(/^This sentence has 32 words\./) as unknown,
        });
        expect(await vscodeLike.hover(uri, { line: 0, character: 8 })).toEqual({
          contents: { kind: 'markdown', value: headingLines.at(-1) },
          range: { start: { line: 0, character: 2 }, end: { line: 0, character: 24 } },
        });
      } finally {
        await vscodeLike.stop();
      }
    });
  });

  it('offers replace, ignore here, allow and turn off on a finding', async () => {
    const uri = uriOf(join(dir, 'actions.md'));
    const { diagnostics } = await client.open(uri, 'markdown', '# Team\n\n  - Our salesman\n');
    const [salesman] = diagnostics;
    const actions = await client.codeActions(uri, [salesman!]);
    const ignore: IgnoreHereArgs = {
      uri,
      version: 1,
      line: 2,
      ruleId: 'gendered-job-title',
      actual: 'salesman',
      format: 'markdown',
      indent: '  ',
    };
    expect(actions).toEqual([
      {
        title: "Replace with 'salesperson'",
        kind: 'quickfix',
        diagnostics: [salesman],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: salesman!.range, newText: 'salesperson' }] } },
      },
      {
        title: "Replace with 'sales representative'",
        kind: 'quickfix',
        diagnostics: [salesman],
        isPreferred: false,
        edit: { changes: { [uri]: [{ range: salesman!.range, newText: 'sales representative' }] } },
      },
      {
        title: "Ignore 'salesman' here…",
        kind: 'quickfix',
        diagnostics: [salesman],
        command: { title: 'Ignore here…', command: 'fairword.ignoreHere', arguments: [ignore] },
      },
      {
        title: "Allow 'salesman' in this workspace",
        kind: 'quickfix',
        diagnostics: [salesman],
        command: { title: "Allow 'salesman' in this workspace", command: 'fairword.allowTerm', arguments: [{ uri, term: 'salesman' }] },
      },
      {
        title: "Turn off the 'gendered-job-title' rule in this workspace",
        kind: 'quickfix',
        diagnostics: [salesman],
        command: {
          title: "Turn off the 'gendered-job-title' rule in this workspace",
          command: 'fairword.turnOffRule',
          arguments: [{ uri, ruleId: 'gendered-job-title' }],
        },
      },
    ]);
  });

  it('does not offer "Allow" where allowing the words would not silence the rule', async () => {
    const uri = uriOf(join(dir, 'logic.md'));
    const { diagnostics } = await client.open(uri, 'markdown', 'Applicants must be aged 18-30.\n');
    expect(shown(diagnostics)).toEqual(['0:19-0:29 age-limit warning']);
    expect((await client.codeActions(uri, diagnostics)).map((a) => a.title)).toEqual([
      "Ignore 'aged 18-30' here…",
      "Turn off the 'age-limit' rule in this workspace",
    ]);
  });

  it.each([
    ['markdown', 'notes.md', '# Notes\n\n  - Our salesman\n', '# Notes\n\n  <!-- fairword-disable-next-line gendered-job-title -- quoting the old advert -->\n  - Our salesman\n'],
    ['plaintext', 'notes.txt', 'Notes\n\n\tOur salesman\n', 'Notes\n\n\tfairword-disable-next-line gendered-job-title -- quoting the old advert\n\tOur salesman\n'],
  ])('"Ignore here…" in %s inserts a directive that silences the finding', async (languageId, name, text, expected) => {
    const uri = uriOf(join(dir, name));
    const { diagnostics } = await client.open(uri, languageId, text);
    const action = (await client.codeActions(uri, diagnostics)).find((a) => a.command?.command === 'fairword.ignoreHere')!;
    // The client asks for the reason, then makes this edit.
    const insert = ignoreHereEdit(action.command!.arguments![0] as IgnoreHereArgs, 'quoting the old advert');
    expect(apply(text, [insert])).toBe(expected);
    const after = await edit(client, uri, 2, [insert]);
    expect(after.diagnostics).toEqual([]);
  });

  it('fixes every safe replacement at once, as a quick fix and as source.fixAll.fairword', async () => {
    const uri = uriOf(join(dir, 'fixall.md'));
    const text = 'Visitors who are wheelchair-bound use the lift. Applicants must be native English speakers. The salesman knew he/she would come.\n';
    const { diagnostics } = await client.open(uri, 'markdown', text);
    expect(shown(diagnostics)).toEqual([
      '0:110-0:122 he-she information',
      '0:13-0:33 wheelchair-bound warning',
      '0:67-0:90 native-speaker warning',
      '0:96-0:104 gendered-job-title warning',
    ]);
    // Fixes that read right in their sentence are made in bulk; the native-speaker rewrite needs the writer's task.
    const fixes: TextEdit[] = [
      { range: { start: { line: 0, character: 13 }, end: { line: 0, character: 33 } }, newText: 'use wheelchairs' },
      { range: { start: { line: 0, character: 96 }, end: { line: 0, character: 104 } }, newText: 'salesperson' },
      { range: { start: { line: 0, character: 110 }, end: { line: 0, character: 122 } }, newText: 'they would' },
    ];
    const fixAll = { title: 'Fix all Fairword replacements in this file', kind: 'quickfix', edit: { changes: { [uri]: fixes } } };

    const salesman = diagnostics.find((d) => d.code === 'gendered-job-title')!;
    const quick = await client.codeActions(uri, [salesman]);
    expect(quick.map((a) => a.title)).toEqual([
      "Replace with 'salesperson'",
      "Replace with 'sales representative'",
      "Ignore 'salesman' here…",
      "Allow 'salesman' in this workspace",
      "Turn off the 'gendered-job-title' rule in this workspace",
      'Fix all Fairword replacements in this file',
    ]);
    expect(quick.at(-1)).toEqual(fixAll);
    // A finding whose fix is left to the writer is not fixed by "Fix all", and does not offer it.
    const native = diagnostics.find((d) => d.code === 'native-speaker')!;
    expect((await client.codeActions(uri, [native])).map((a) => a.title)).not.toContain(fixAll.title);

    const onSave = await client.codeActions(uri, [], ['source.fixAll'], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    expect(onSave).toEqual([{ ...fixAll, kind: 'source.fixAll.fairword' }]);
    // Source actions only come when asked for.
    expect(await client.codeActions(uri, [], undefined, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })).toEqual([]);

    expect(apply(text, fixes)).toBe('Visitors who use wheelchairs use the lift. Applicants must be native English speakers. The salesperson knew they would come.\n');
    const after = await edit(client, uri, 2, fixes);
    expect(shown(after.diagnostics)).toEqual(['0:62-0:85 native-speaker warning']);
    expect(await client.codeActions(uri, [], ['source.fixAll.fairword'], after.diagnostics[0]!.range)).toEqual([]);
  });

  it('removes an unused directive', async () => {
    const uri = uriOf(join(dir, 'unused.md'));
    const text = '<!-- fairword-disable-next-line young -- old -->\nHello there.\n';
    const { diagnostics } = await client.open(uri, 'markdown', text);
    expect(shown(diagnostics)).toEqual(['0:0-0:48 unused-directive hint']);
    const actions = await client.codeActions(uri, diagnostics);
    expect(actions).toEqual([
      {
        title: 'Remove this directive',
        kind: 'quickfix',
        diagnostics,
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: '' }] } },
      },
    ]);
    expect(apply(text, actions[0]!.edit!.changes![uri]!)).toBe('Hello there.\n');
  });
});

describe('allow and turn off write the shared config file', () => {
  let client: TestClient;
  let dir: string;
  beforeAll(async () => {
    dir = workspace('config-writes', { 'team/.fairword.yaml': '# Team settings\nrules:\n  bame: hint # reports\n' });
    client = await TestClient.start({ folders: [dir], settings: () => ({}), initializationOptions: { debounceMs: 0, typingDelayMs: 0, ignoreHere: true } });
  });
  afterAll(() => client?.stop());

  const run = async (command: string, args: object, uri: string) => {
    const recheck = client.next(uri);
    const result = await client.executeCommand(command, [args]);
    return { result, recheck: await recheck };
  };

  it('creates .fairword.yaml at the workspace root to allow a term, then re-checks', async () => {
    const uri = uriOf(join(dir, 'advert.md'));
    const { diagnostics } = await client.open(uri, 'markdown', 'We want a young team.\nOur salesman is here.\n');
    expect(shown(diagnostics)).toEqual(['0:10-0:20 young warning', '1:4-1:12 gendered-job-title warning']);
    expect((await client.codeActions(uri, [diagnostics[0]!])).map((a) => a.title)).toContain("Allow 'young team' in this workspace");

    const config = join(dir, '.fairword.yaml');
    const { result, recheck } = await run('fairword.allowTerm', { uri, term: 'young team' }, uri);
    expect(result).toEqual({ path: config, changed: true });
    expect(readFileSync(config, 'utf8')).toBe('allow:\n  - young team\n');
    expect(shown(recheck.diagnostics)).toEqual(['1:4-1:12 gendered-job-title warning']);
    expect(client.messages.at(-1)).toEqual({
      type: 3,
      message: "Fairword created .fairword.yaml: 'young team' is now allowed and will not be flagged.",
      actions: [{ title: 'Open .fairword.yaml' }],
    });
  });

  it('turns a rule off in the same file, keeping what is there', async () => {
    const uri = uriOf(join(dir, 'advert.md'));
    const config = join(dir, '.fairword.yaml');
    const { result, recheck } = await run('fairword.turnOffRule', { uri, ruleId: 'gendered-job-title' }, uri);
    expect(result).toEqual({ path: config, changed: true });
    expect(readFileSync(config, 'utf8')).toBe('allow:\n  - young team\nrules:\n  gendered-job-title: off\n');
    expect(recheck.diagnostics).toEqual([]);
    expect(client.messages.at(-1)?.message).toBe("Fairword updated .fairword.yaml: the 'gendered-job-title' rule is now off.");
  });

  it('edits the nearest config file, preserving its comments, and says when nothing needed changing', async () => {
    const uri = uriOf(join(dir, 'team', 'policy.md'));
    const { diagnostics } = await client.open(uri, 'markdown', 'Our chairman is here.\n');
    expect(shown(diagnostics)).toEqual(['0:4-0:12 gendered-job-title warning']);
    const config = join(dir, 'team', '.fairword.yaml');
    const { recheck } = await run('fairword.allowTerm', { uri, term: 'chairman' }, uri);
    expect(readFileSync(config, 'utf8')).toBe('# Team settings\nrules:\n  bame: hint # reports\nallow:\n  - chairman\n');
    expect(recheck.diagnostics).toEqual([]);
    expect(await client.executeCommand('fairword.allowTerm', [{ uri, term: 'Chairman' }])).toEqual({ path: config, changed: false });
    expect(client.messages.at(-1)?.message).toBe("'Chairman' is already allowed in team/.fairword.yaml.");
  });
});

describe('config file errors', () => {
  let client: TestClient;
  let dir: string;
  let config: string;
  beforeAll(async () => {
    dir = workspace('config-errors', { '.fairword.yaml': 'rules:\n  young: off\n', 'broken/.fairword.yaml': 'rules:\n  young: sometimes\n' });
    config = join(dir, '.fairword.yaml');
    client = await TestClient.start({ folders: [dir], settings: () => ({}), initializationOptions: { debounceMs: 0, typingDelayMs: 0, ignoreHere: true } });
  });
  afterAll(() => client?.stop());

  it('publishes mistakes on the config file, keeps the last good config, and clears them once fixed', async () => {
    const uri = uriOf(join(dir, 'advert.md'));
    const opened = await client.open(uri, 'markdown', 'We want a young salesman.\n');
    expect(shown(opened.diagnostics)).toEqual(['0:16-0:24 gendered-job-title warning']);
    expect(client.status(uri)?.config).toEqual({ path: config, errors: 0 });

    write(config, 'rules:\n  young: off\n  not-a-rule: warning\n');
    const configUri = uriOf(config);
    const published = client.validated(configUri, null, client.validations.length);
    const rechecked = client.next(uri);
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    expect((await published).diagnostics).toEqual([
      {
        range: { start: { line: 2, character: 2 }, end: { line: 2, character: 21 } },
        severity: 1,
        code: 'config',
        codeDescription: { href: 'https://github.com/fairword/fairword/blob/main/docs/configuration.md#mistakes-in-the-file' },
        source: 'fairword',
        message:
          'Unknown rule "not-a-rule" (run `fairword rules` to list them). Until this is fixed, Fairword keeps using the settings from before this change.',
      },
    ]);
    // The last good config (young: off) stays in force.
    expect(shown((await rechecked).diagnostics)).toEqual(['0:16-0:24 gendered-job-title warning']);
    expect(client.status(uri)?.config).toEqual({ path: config, errors: 1 });

    write(config, 'rules:\n  young: [\n');
    const syntax = client.validated(configUri, null, client.validations.length);
    const stillGood = client.next(uri);
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    expect((await syntax).diagnostics.map(show)).toEqual(['2:0-2:0 config error']);
    expect(shown((await stillGood).diagnostics)).toEqual(['0:16-0:24 gendered-job-title warning']);

    write(config, 'rules:\n  gendered-job-title: off\n');
    const cleared = client.validated(configUri, null, client.validations.length);
    const fixed = client.next(uri);
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    expect((await cleared).diagnostics).toEqual([]);
    expect(shown((await fixed).diagnostics)).toEqual(['0:10-0:15 young warning']);
  });

  it('publishes mistakes in a config file that no open document uses once it is read', async () => {
    const uri = uriOf(join(dir, 'broken', 'advert.md'));
    const configUri = uriOf(join(dir, 'broken', '.fairword.yaml'));
    const published = client.validated(configUri, null, client.validations.length);
    await client.open(uri, 'markdown', 'Hello.\n');
    expect((await published).diagnostics.map((d) => [show(d), d.message])).toEqual([
      ['1:9-1:18 config error', 'Rule "young": expected off, error, warning, information or hint.'],
    ]);
  });

  it('publishes mistakes in a workspace folder config file at start-up, before anything is opened', async () => {
    const other = workspace('config-at-start', { '.fairword.json': '{ "repeats": "sometimes" }' });
    const configUri = uriOf(join(other, '.fairword.json'));
    const second = await TestClient.start({ folders: [other], settings: () => ({}) });
    try {
      const { diagnostics } = await second.validated(configUri, null);
      expect(diagnostics.map((d) => [show(d), d.message])).toEqual([['0:13-0:26 config error', '"repeats" must be first or all.']]);
    } finally {
      await second.stop();
    }
  });
});

/**
 * VS Code asks for code actions the moment Ctrl+. is pressed, which can be before the re-check a settings or config
 * change starts has been published. These requests are sent right after the change, without waiting for anything:
 * the answer must be the actions of the new analysis, every time.
 */
describe('code actions right after a settings or config change', () => {
  let client: TestClient;
  let dir: string;
  let settings: Record<string, unknown> = {};
  beforeAll(async () => {
    dir = workspace('race');
    client = await TestClient.start({ folders: [dir], settings: () => settings, initializationOptions: { debounceMs: 0, typingDelayMs: 0, ignoreHere: true } });
  });
  afterAll(() => client?.stop());

  const TEXT = 'He/she will lead the panel. We work with hard-to-reach communities.\n';
  const THEY = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } }, newText: 'They will' };
  const UNDER_SERVED = { range: { start: { line: 0, character: 41 }, end: { line: 0, character: 66 } }, newText: 'under-served communities' };
  const HE_SHE_ACTIONS = ["Replace with 'They will'", "Ignore 'He/she will' here…", "Allow 'he/she will' in this workspace", "Turn off the 'he-she' rule in this workspace"];
  const whole = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
  const fixAllEdits = async (uri: string) => (await client.codeActions(uri, [], ['source.fixAll.fairword'], whole)).map((a) => a.edit?.changes?.[uri]);

  it('a rule turned off in .fairword.yaml: no "Fix all" for its finding, at once', async () => {
    const uri = uriOf(join(dir, 'config.md'));
    const { diagnostics } = await client.open(uri, 'markdown', TEXT);
    expect(shown(diagnostics)).toEqual(['0:0-0:11 he-she information', '0:41-0:66 hard-to-reach information']);
    const heShe = diagnostics.find((d) => d.code === 'he-she')!;
    expect((await client.codeActions(uri, [heShe])).map((a) => a.title)).toEqual([...HE_SHE_ACTIONS, FIX_ALL_TITLE]);
    expect(await fixAllEdits(uri)).toEqual([[THEY, UNDER_SERVED]]);

    const config = join(dir, '.fairword.yaml');
    write(config, 'rules:\n  hard-to-reach: off\n');
    const rechecked = client.next(uri);
    await client.filesChanged([{ uri: uriOf(config), type: FileChangeType.Created }]);
    const quickFixes = client.codeActions(uri, [heShe]);
    const fixAll = fixAllEdits(uri);
    expect((await quickFixes).map((a) => a.title)).toEqual(HE_SHE_ACTIONS);
    expect(await fixAll).toEqual([[THEY]]);
    expect(shown((await rechecked).diagnostics)).toEqual(['0:0-0:11 he-she information']);
    unlinkSync(config);
    const restored = client.next(uri);
    await client.filesChanged([{ uri: uriOf(config), type: FileChangeType.Deleted }]);
    expect(shown((await restored).diagnostics)).toEqual(['0:0-0:11 he-she information', '0:41-0:66 hard-to-reach information']);
  });

  it('a setting that hides the findings: nothing left to fix, at once', async () => {
    const uri = uriOf(join(dir, 'settings.md'));
    const { diagnostics } = await client.open(uri, 'markdown', TEXT);
    const heShe = diagnostics.find((d) => d.code === 'he-she')!;
    expect(await fixAllEdits(uri)).toEqual([[THEY, UNDER_SERVED]]);
    settings = { minimumSeverity: 'warning' };
    const rechecked = client.next(uri);
    await client.settingsChanged();
    const quickFixes = client.codeActions(uri, [heShe]);
    const fixAll = fixAllEdits(uri);
    expect((await quickFixes).map((a) => a.title)).toEqual(HE_SHE_ACTIONS);
    expect(await fixAll).toEqual([]);
    expect((await rechecked).diagnostics).toEqual([]);
    settings = {};
    const restored = client.next(uri);
    await client.settingsChanged();
    expect(shown((await restored).diagnostics)).toEqual(['0:0-0:11 he-she information', '0:41-0:66 hard-to-reach information']);
  });

  it('a change that changes nothing here publishes nothing again, and keeps the quick fixes', async () => {
    const uri = uriOf(join(dir, 'same.md'));
    const { diagnostics } = await client.open(uri, 'markdown', TEXT);
    const publishes = client.publishes.filter((p) => p.uri === uri).length;
    const rechecked = client.next(uri);
    await client.settingsChanged();
    const heShe = diagnostics.find((d) => d.code === 'he-she')!;
    const quickFixes = client.codeActions(uri, [heShe]);
    expect((await rechecked).diagnostics).toEqual(diagnostics);
    expect(client.publishes.filter((p) => p.uri === uri).length).toBe(publishes);
    expect((await quickFixes).map((a) => a.title)).toEqual([...HE_SHE_ACTIONS, FIX_ALL_TITLE]);
  });
});

describe('settings, read per folder through workspace/configuration', () => {
  let client: TestClient;
  const settings: Record<string, Record<string, unknown>> = {};
  const dirs: Record<string, string> = {};
  beforeAll(async () => {
    for (const name of ['severity', 'disabled', 'on-save', 'manual', 'size']) {
      dirs[name] = workspace(`settings-${name}`);
      settings[name] = {};
    }
    settings['disabled'] = { enable: false };
    settings['on-save'] = { run: 'onSave' };
    settings['manual'] = { run: 'manual' };
    settings['size'] = { maxFileSize: 100 };
    settings['severity'] = { minimumSeverity: 'warning' };
    const byUri = Object.entries(dirs).map(([name, dir]) => [uriOf(dir), name] as const);
    client = await TestClient.start({
      folders: Object.values(dirs),
      settings: (scope) => settings[byUri.find(([u]) => scope?.startsWith(`${u}/`))?.[1] ?? ''] ?? {},
      initializationOptions: { debounceMs: 0, typingDelayMs: 0 },
    });
  });
  afterAll(() => client?.stop());

  const TEXT = 'The chairman is wheelchair-bound and suffers from asthma.\n';

  it('hides findings below fairword.minimumSeverity, and re-checks at once when settings change', async () => {
    const uri = uriOf(join(dirs['severity']!, 'notes.md'));
    const { diagnostics } = await client.open(uri, 'markdown', TEXT);
    expect(shown(diagnostics)).toEqual(['0:13-0:32 wheelchair-bound warning', '0:4-0:12 gendered-job-title warning']);
    expect(client.configurationRequests).toContain(uri);
    settings['severity'] = { minimumSeverity: 'information' };
    const next = client.next(uri);
    await client.settingsChanged();
    expect(shown((await next).diagnostics)).toEqual([
      '0:13-0:32 wheelchair-bound warning',
      '0:37-0:56 suffers-from information',
      '0:4-0:12 gendered-job-title warning',
    ]);
  });

  it('does not check a folder with fairword.enable off, and says so', async () => {
    const uri = uriOf(join(dirs['disabled']!, 'notes.md'));
    const { diagnostics } = await client.open(uri, 'markdown', TEXT);
    expect(diagnostics).toEqual([]);
    expect(client.status(uri)).toEqual({
      uri,
      version: 1,
      count: 0,
      counts: { error: 0, warning: 0, information: 0, hint: 0 },
      skipped: { reason: 'disabled', message: 'Fairword is turned off for this folder (the fairword.enable setting).' },
    });
  });

  it('with run: onSave, checks on open and save but not while typing', async () => {
    const uri = uriOf(join(dirs['on-save']!, 'notes.md'));
    const opened = await client.open(uri, 'markdown', 'Hello.\n');
    expect(opened.diagnostics).toEqual([]);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: 'Our salesman' }]);
    // A request round trip: a check of version 2 would have been published before this answer.
    await client.hover(uri, { line: 0, character: 0 });
    expect(client.validations.filter((v) => v.validated.uri === uri).map((v) => v.validated.version)).toEqual([1]);
    const saved = client.validated(uri, 2);
    await client.save(uri);
    expect(shown((await saved).diagnostics)).toEqual(['0:4-0:12 gendered-job-title warning']);
  });

  it('with run: manual, checks only when asked', async () => {
    const uri = uriOf(join(dirs['manual']!, 'notes.md'));
    const opened = await client.open(uri, 'markdown', TEXT);
    expect(opened.diagnostics).toEqual([]);
    expect(client.status(uri)?.skipped).toEqual({
      reason: 'manual',
      message: 'Checking is set to manual. Run "Fairword: Check this file" to check it.',
    });
    const checked = await client.connection.sendRequest(CheckDocumentRequest, { uri });
    expect(checked).toEqual({ uri, version: 1, count: 3 });
    expect(client.status(uri)).toMatchObject({ count: 3, kind: 'general', kindSource: 'default' });
    expect(await client.connection.sendRequest(CheckDocumentRequest, { uri: 'file:///not/open.md' })).toBeNull();
  });

  it('skips a file over fairword.maxFileSize and says why', async () => {
    const uri = uriOf(join(dirs['size']!, 'big.md'));
    const { diagnostics } = await client.open(uri, 'markdown', `${'Our salesman is here. '.repeat(5)}\n`);
    expect(diagnostics).toEqual([]);
    expect(client.status(uri)?.skipped).toEqual({
      reason: 'too-large',
      message: 'This file is not checked: it is 111 bytes, larger than the limit of 100 bytes. To check it, raise the fairword.maxFileSize setting.',
    });
  });
});

describe('ignore lists and the status of each document', () => {
  let client: TestClient;
  let dir: string;
  beforeAll(async () => {
    dir = workspace('status', {
      '.fairword.yaml': 'ignore:\n  - archive/**\nkinds:\n  "adverts/**": job-advert\n',
      '.fairwordignore': 'drafts/\n',
    });
    client = await TestClient.start({ folders: [dir], settings: () => ({}), initializationOptions: { debounceMs: 0, typingDelayMs: 0, ignoreHere: true } });
  });
  afterAll(() => client?.stop());

  it.each([
    ['archive/old.md', 'This file is not checked: it matches the "ignore" list in .fairword.yaml.'],
    ['drafts/new.md', 'This file is not checked: it is listed in .fairwordignore.'],
  ])('skips %s', async (file, message) => {
    const uri = uriOf(join(dir, file));
    const { diagnostics } = await client.open(uri, 'markdown', 'Our salesman is here.\n');
    expect(diagnostics).toEqual([]);
    expect(client.status(uri)).toEqual({
      uri,
      version: 1,
      count: 0,
      counts: { error: 0, warning: 0, information: 0, hint: 0 },
      skipped: { reason: 'ignored', message },
      config: { path: join(dir, '.fairword.yaml'), errors: 0 },
    });
  });

  it('reports the kind, where it came from and the count; an override changes the kind until cleared', async () => {
    const uri = uriOf(join(dir, 'notes.md'));
    // Outside recruitment documents a team described as energetic is news, not a requirement.
    await client.open(uri, 'markdown', 'Our team is energetic.\n');
    expect(client.status(uri)).toEqual({
      uri,
      version: 1,
      count: 0,
      counts: { error: 0, warning: 0, information: 0, hint: 0 },
      kind: 'general',
      kindSource: 'default',
      config: { path: join(dir, '.fairword.yaml'), errors: 0 },
    });
    let next = client.next(uri);
    await client.connection.sendNotification(SetKindNotification, { uri, kind: 'job-advert' });
    // As a job advert it also gets the statements an advert should have; only 'energetic' is on a word.
    const asAdvert = (await next).diagnostics;
    expect(shown(asAdvert.filter((d) => d.range.start.character > 0))).toEqual(['0:12-0:21 energetic information']);
    expect(client.status(uri)).toMatchObject({
      count: asAdvert.length,
      counts: { error: 0, warning: 0, information: 5, hint: 1 },
      kind: 'job-advert',
      kindSource: 'override',
    });
    expect(client.status(uri)?.kindEvidence).toBeUndefined();
    expect(statusView(client.status(uri)).text).toBe('Fairword: Job advert · 5 info');
    next = client.next(uri);
    await client.connection.sendNotification(SetKindNotification, { uri, kind: null });
    expect((await next).diagnostics).toEqual([]);
    expect(client.status(uri)).toMatchObject({ count: 0, kind: 'general', kindSource: 'default' });

    const advert = uriOf(join(dir, 'adverts', 'sales.md'));
    await client.open(advert, 'markdown', 'Our team is energetic.\n');
    expect(client.status(advert)).toMatchObject({ kind: 'job-advert', kindSource: 'config' });
  });

  it('answers the report request for an open document', async () => {
    const text = readFileSync(new URL('../../examples/job-advert.md', import.meta.url), 'utf8');
    const uri = uriOf(join(dir, 'report.md'));
    const { diagnostics } = await client.open(uri, 'markdown', text);
    const result = await client.connection.sendRequest(ReportRequest, { uri });
    const expected = lint(text, { format: 'markdown', report: true, filename: join(dir, 'report.md') });
    expect(result).toEqual({
      uri,
      version: 1,
      kind: 'job-advert',
      kindSource: expected.kindSource,
      kindEvidence: expected.kindEvidence,
      report: JSON.parse(JSON.stringify(expected.report)),
      findings: expected.findings.map((f) => ({
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        message: f.message,
        line: f.range.start.line,
        character: f.range.start.character,
      })),
    });
    expect(result!.findings.map((f) => `${f.line}:${f.character} ${f.ruleId}`)).toEqual(
      diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`),
    );
    expect(await client.connection.sendRequest(ReportRequest, { uri: 'file:///not/open.md' })).toBeNull();
  });

  it('counts in its status exactly the diagnostics it publishes, by severity, with the evidence for the kind', async () => {
    const text = readFileSync(new URL('../../examples/job-advert.md', import.meta.url), 'utf8');
    const uri = uriOf(join(dir, 'counts.md'));
    const { diagnostics } = await client.open(uri, 'markdown', text);
    const bySeverity = (severity: number): number => diagnostics.filter((d) => d.severity === severity).length;
    const status = client.status(uri)!;
    expect(status.counts).toEqual({ error: bySeverity(1), warning: bySeverity(2), information: bySeverity(3), hint: bySeverity(4) });
    expect(status.count).toBe(diagnostics.length);
    expect(status.counts).toEqual({ error: 0, warning: 8, information: 8, hint: 4 });
    expect(status.kindEvidence).toEqual(lint(text, { format: 'markdown' }).kindEvidence);
    expect(statusView(status)).toMatchObject({
      text: 'Fairword: Job advert · 8 warnings, 8 info',
      detail: [
        `Fairword checked this as a **job advert** (type recognised from the text: ${status.kindEvidence!.join(', ')}).`,
        'Under this file in the Problems panel: 8 warnings, 8 info.',
        'Plus 4 hints (shown as dots), which the Problems panel does not list.',
        '[Change document type](command:fairword.setDocumentKind) · [Show the inclusivity report](command:fairword.showReport)',
      ].join('\n\n'),
    });
  });
});

describe('holding back the finding in the word being typed', () => {
  let client: TestClient;
  let dir: string;
  beforeAll(async () => {
    dir = workspace('typing');
    client = await TestClient.start({ folders: [dir], settings: () => ({}), initializationOptions: { debounceMs: 0, typingDelayMs: 1000 } });
  });
  afterAll(() => client?.stop());

  const at = (character: number) => ({ start: { line: 0, character }, end: { line: 0, character } });

  it('shows it when the typing delay has passed', async () => {
    const uri = uriOf(join(dir, 'timer.md'));
    await client.open(uri, 'markdown', 'Our sales team. He/she is here.\n');
    const first = client.validated(uri, 2);
    const full = client.waitFor((v) => v.uri === uri && v.version === 2 && v.held === undefined, 'the held finding', client.validations.length);
    await client.change(uri, 2, [{ range: at(9), text: 'man' }]);
    const held = await first;
    expect(held.validated).toEqual({ uri, version: 2, count: 1, held: 1 });
    expect(shown(held.diagnostics)).toEqual(['0:19-0:25 he-she information']);
    // `counts` counts what is published, so it agrees with the Problems panel while a finding is held back; `count`
    // counts every finding.
    expect(client.status(uri)).toMatchObject({ version: 2, count: 2, counts: { error: 0, warning: 0, information: 1, hint: 0 } });
    expect(shown((await full).diagnostics)).toEqual(['0:19-0:25 he-she information', '0:4-0:12 gendered-job-title warning']);
    expect(client.status(uri)).toMatchObject({ version: 2, count: 2, counts: { error: 0, warning: 1, information: 1, hint: 0 } });
  });

  it('shows it at once when the next change moves away from the word', async () => {
    const uri = uriOf(join(dir, 'moves.md'));
    await client.open(uri, 'markdown', 'Our sales team.\n');
    const held = client.validated(uri, 2);
    await client.change(uri, 2, [{ range: at(9), text: 'man' }]);
    expect((await held).validated).toEqual({ uri, version: 2, count: 0, held: 1 });
    const moved = client.validated(uri, 3);
    await client.change(uri, 3, [{ range: at(12), text: ',' }]);
    const after = await moved;
    expect(after.validated).toEqual({ uri, version: 3, count: 1 });
    expect(shown(after.diagnostics)).toEqual(['0:4-0:12 gendered-job-title warning']);
  });
});

describe('"Check all files" in the workspace', () => {
  let client: TestClient;
  let dir: string;
  const files = {
    'advert.md': 'Our salesman is here.\n',
    'notes/plan.txt': 'The chairman will chair.\n',
    'clean.md': 'Hello.\n',
    'ignored-by-git.md': 'Our salesman.\n',
    '.gitignore': 'ignored-by-git.md\n',
    '.fairwordignore': 'drafts/\n',
    'drafts/a.md': 'Our salesman.\n',
    'archive/old.md': 'Our salesman.\n',
    '.fairword.yaml': 'ignore:\n  - archive/**\n',
    'node_modules/pkg/README.md': 'Our salesman.\n',
    'big.md': `${'Our salesman is here. '.repeat(10)}\n`,
    'code.js': '// salesman\n',
  };
  beforeAll(async () => {
    dir = workspace('lint-workspace', files);
    client = await TestClient.start({ folders: [dir], settings: () => ({ maxFileSize: 200 }), initializationOptions: { debounceMs: 0, typingDelayMs: 0, ignoreHere: true } });
  });
  afterAll(() => client?.stop());

  const published = (): string[] =>
    [...new Set(client.validations.filter((v) => v.validated.version === null).map((v) => v.validated.uri))]
      .filter((uri) => (client.publishes.filter((p) => p.uri === uri).at(-1)?.diagnostics.length ?? 0) > 0)
      .map((uri) => uri.slice(uriOf(dir).length + 1))
      .sort();

  it('checks every Markdown and text file that is not ignored, with progress, and publishes for unopened files', async () => {
    const result = await client.connection.sendRequest(LintWorkspaceRequest, { workDoneToken: 'fairword-test' });
    expect(result).toEqual({ files: 3, filesWithFindings: 2, findings: 2, skipped: 1, cancelled: false });
    expect(published()).toEqual(['advert.md', 'notes/plan.txt']);
    const plan = client.publishes.filter((p) => p.uri === uriOf(join(dir, 'notes', 'plan.txt'))).at(-1)!;
    expect(shown(plan.diagnostics)).toEqual(['0:4-0:12 gendered-job-title warning']);
    expect(client.progress[0]).toEqual({ kind: 'begin', title: 'Checking files', percentage: 0, message: 'Looking for Markdown, text and Word files…', cancellable: true });
    expect(client.progress.slice(1, -1).map((p) => 'message' in p && p.message)).toEqual([
      '1 of 4: advert.md',
      '2 of 4: big.md',
      '3 of 4: clean.md',
      '4 of 4: notes/plan.txt',
    ]);
    expect(client.progress.at(-1)).toEqual({ kind: 'end' });
    expect(client.registrations.map((r) => r.registerOptions)).toContainEqual({ watchers: [{ globPattern: '**/*.{md,markdown,mdown,mkd,txt,text,docx}' }] });
  });

  it('keeps unopened files current as they change on disk', async () => {
    const advert = uriOf(join(dir, 'advert.md'));
    write(join(dir, 'advert.md'), 'Hello again.\n');
    let next = client.validated(advert, null, client.validations.length);
    await client.filesChanged([{ uri: advert, type: FileChangeType.Changed }]);
    expect((await next).diagnostics).toEqual([]);

    const added = uriOf(join(dir, 'notes', 'new.md'));
    write(join(dir, 'notes', 'new.md'), 'Our foreman.\n');
    next = client.validated(added, null, client.validations.length);
    await client.filesChanged([{ uri: added, type: FileChangeType.Created }]);
    expect(shown((await next).diagnostics)).toEqual(['0:4-0:11 gendered-job-title warning']);

    const plan = uriOf(join(dir, 'notes', 'plan.txt'));
    unlinkSync(join(dir, 'notes', 'plan.txt'));
    next = client.validated(plan, null, client.validations.length);
    await client.filesChanged([{ uri: plan, type: FileChangeType.Deleted }]);
    expect((await next).diagnostics).toEqual([]);
    expect(published()).toEqual(['notes/new.md']);
  });

  it('keeps a file checked from disk once it is closed', async () => {
    const uri = uriOf(join(dir, 'notes', 'new.md'));
    await client.open(uri, 'markdown', 'Our foreman and our chairman.\n');
    const closed = client.validated(uri, null, client.validations.length);
    await client.close(uri);
    expect(shown((await closed).diagnostics)).toEqual(['0:4-0:11 gendered-job-title warning']);

    // Unsaved findings in a file that is clean on disk go away when it closes.
    const clean = uriOf(join(dir, 'clean.md'));
    const opened = await client.open(clean, 'markdown', 'Our salesman.\n');
    expect(opened.diagnostics).toHaveLength(1);
    const cleared = client.validated(clean, null, client.validations.length);
    await client.close(clean);
    expect((await cleared).diagnostics).toEqual([]);
  });

  it('re-checks unopened files when the config changes, clearing files it now ignores', async () => {
    const uri = uriOf(join(dir, 'notes', 'new.md'));
    write(join(dir, '.fairword.yaml'), 'ignore:\n  - archive/**\n  - notes/**\n');
    const cleared = client.validated(uri, null, client.validations.length);
    await client.filesChanged([{ uri: uriOf(join(dir, '.fairword.yaml')), type: FileChangeType.Changed }]);
    expect((await cleared).diagnostics).toEqual([]);
    expect(published()).toEqual([]);
  });
});

describe('robustness', () => {
  it('drops the result for a document closed while its settings were being read', async () => {
    const dir = workspace('robust');
    const uri = uriOf(join(dir, 'closing.md'));
    const client = await TestClient.start({
      folders: [dir],
      settings: () => ({}),
      initializationOptions: { debounceMs: 0, typingDelayMs: 0 },
    });
    try {
      // Hold the settings answer until the document has closed.
      let answer!: () => void;
      const asked = new Promise<void>((resolve) => {
        client.connection.onRequest('workspace/configuration', () => {
          resolve();
          return new Promise<unknown[]>((done) => (answer = () => done([{}])));
        });
      });
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: 'Our salesman.\n' },
      });
      await asked;
      const cleared = client.next(uri);
      await client.close(uri);
      expect((await cleared).validated).toEqual({ uri, version: 1, count: 0 });
      answer();
      // A later document (whose settings are now known) proves the server went on and published nothing for the closed one.
      await client.open(uriOf(join(dir, 'other.md')), 'markdown', 'Hello.\n');
      expect(client.publishes.filter((p) => p.uri === uri).map((p) => p.diagnostics.length)).toEqual([0]);
      expect(client.statuses.filter((s) => s.uri === uri)).toEqual([]);
    } finally {
      await client.stop();
    }
  });
});
