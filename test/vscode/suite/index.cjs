// Extension-host tests for Fairword: run inside a real VS Code extension host with the `vscode` API,
// by test/vscode/run-electron.mjs (desktop VS Code via @vscode/test-electron) or test/e2e/exthost.mjs
// (code-server in Chromium). Plain CommonJS with no test framework: VS Code calls `run()` and
// treats a rejected promise as failure.
//
// Never sleeps: every wait is on an event (Fairword's `onValidated`, `onDidChangeDiagnostics`) with
// a deadline. Prints one line per test and, last, "N passed, N failed".
'use strict';

const vscode = require('vscode');
const assert = require('node:assert/strict');

const EXTENSION_ID = 'fairword.fairword';
const TIMEOUT = Number(process.env.FAIRWORD_SUITE_TIMEOUT_MS || 30_000);
const RULES_DOC = 'https://github.com/fairword/fairword/blob/main/docs/rules.md';

// The example advert's findings (examples/job-advert.md, as `fairword --format json` reports them):
// [code, severity, startLine, startChar, endLine, endChar, message start].
const S = vscode.DiagnosticSeverity;
const ADVERT_EXPECTED = [
  ['missing-disability-confident', S.Hint, 0, 2, 0, 52, "If your organisation is a Disability Confident employer, say"],
  ['missing-flexible-working', S.Information, 0, 2, 0, 52, "This advert does not mention flexible working."],
  ['missing-inclusion-statement', S.Information, 0, 2, 0, 52, "This advert has no equality or inclusion statement."],
  ['missing-reasonable-adjustments', S.Information, 0, 2, 0, 52, "This advert does not say how to ask for adjustments."],
  ['long-sentence', S.Hint, 7, 0, 8, 56, "This sentence has 23 words."],
  ['young', S.Warning, 8, 4, 8, 21, "'young and dynamic' tells older applicants they are not want"],
  ['long-sentence', S.Hint, 8, 57, 10, 35, "This sentence has 25 words."],
  ['recent-graduate', S.Warning, 12, 23, 12, 38, "'recent graduate' points to a narrow age band."],
  ['recent-graduate', S.Warning, 12, 44, 12, 57, "'school leaver' points to a narrow age band."],
  ['he-she', S.Information, 13, 0, 13, 11, "'He/she will' is clumsy and leaves out people who are neithe"],
  ['culture-fit', S.Information, 13, 66, 13, 77, "Recruiting for 'culture fit' tends to favour people like the"],
  ['native-speaker', S.Warning, 17, 2, 17, 24, "'Native English speaker' excludes people by where they grew "],
  ['driving-licence', S.Warning, 18, 4, 18, 28, "'clean UK driving licence' shuts out disabled people and oth"],
  ['driving-licence', S.Warning, 18, 33, 18, 40, "'own car' shuts out disabled people and others who cannot dr"],
  ['physically-fit', S.Warning, 19, 2, 19, 16, "'Physically fit' can put off disabled people and people with"],
  ['energetic', S.Information, 19, 21, 19, 30, "'energetic' is often read as code for 'young'. Say what the "],
  ['years-experience', S.Information, 20, 2, 20, 21, "Asking for a number of years' experience can exclude younger"],
  ['long-sentence', S.Hint, 23, 0, 24, 65, "This sentence has 24 words."],
  ['suffers-from', S.Information, 23, 21, 23, 32, "'suffer from' casts people as victims of their condition."],
  ['wheelchair-bound', S.Warning, 24, 5, 24, 25, "'are wheelchair-bound' describes a wheelchair as a trap, whe"],
];
// The safe replacements in the advert (one suggestion each), as `fairword --fix-dry-run` makes them.
const ADVERT_SAFE_FIXES = [[12, 23, 'graduate'], [13, 0, 'They will'], [24, 5, 'use wheelchairs']];

const SALES_TEXT = '# Sales job\n\nWe are looking for a young, energetic salesman.\n';
const FIXALL_TEXT = '# Panel guidance\n\nHe/she will lead the panel.\nWe work with hard-to-reach communities.\n';
const FIXALL_FIXED = '# Panel guidance\n\nThey will lead the panel.\nWe work with under-served communities.\n';

// ---------------------------------------------------------------------------------------
// Waiting on Fairword, without sleeping
// ---------------------------------------------------------------------------------------
let api;

const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));
const fairwordDiagnostics = (uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'fairword')
    .sort((a, b) => a.range.start.compareTo(b.range.start) || a.range.end.compareTo(b.range.end) || codeOf(a).localeCompare(codeOf(b)));

/**
 * Resolves with the document's Fairword diagnostics once the server has checked the version the
 * document has then (`fairword/validated` with no findings held back) and VS Code's diagnostic
 * collection holds what it published. Call it BEFORE the change that triggers the check.
 */
function nextCheck(uri, what = `Fairword to check ${uri.toString()}`, fromVersion = 0) {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    const subs = [];
    let finished = false;
    const finish = (err, value) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      for (const s of subs) s.dispose();
      if (err) reject(err); else resolve(value);
    };
    const timer = setTimeout(() => finish(new Error(`timed out after ${TIMEOUT} ms waiting for ${what}`)), TIMEOUT);
    subs.push(api.onValidated((params) => {
      if (params.uri !== key) return;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc && params.version !== null && (params.version !== doc.version || params.version < fromVersion)) return; // an older version
      if (params.held) return; // more follows once the word being typed is finished
      if (params.error) return finish(new Error(`Fairword could not check ${key}: ${params.error}`));
      // The notification follows publishDiagnostics, whose conversion into the collection is async.
      const settle = () => {
        const now = fairwordDiagnostics(uri);
        if (now.length === params.count) finish(null, now);
        return now.length === params.count;
      };
      if (!settle()) {
        subs.push(vscode.languages.onDidChangeDiagnostics((e) => {
          if (e.uris.some((u) => u.toString() === key)) settle();
        }));
      }
    }));
  });
}

async function openChecked(uriOrContent) {
  if (uriOrContent instanceof vscode.Uri) {
    const checked = nextCheck(uriOrContent);
    const doc = await vscode.workspace.openTextDocument(uriOrContent);
    await vscode.window.showTextDocument(doc);
    return { doc, diagnostics: await checked };
  }
  // An untitled document under a name no earlier test used. Reusing "Untitled-1" let VS Code hand back the document
  // an earlier test had just closed, edits and all, before it had been disposed.
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `fairword-test-${++untitledDocuments}.md` });
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.equal(doc.languageId, 'markdown', `language of ${uri.toString()}`);
  await vscode.window.showTextDocument(doc);
  // The check of the text, not of the empty document opened a moment before.
  const checked = nextCheck(doc.uri, undefined, doc.version + 1);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(0, 0), uriOrContent);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not write the text of ${uri.toString()}`);
  assert.equal(doc.getText(), uriOrContent, `text of ${uri.toString()}`);
  return { doc, diagnostics: await checked };
}
let untitledDocuments = 0;

/**
 * Closes every editor, dropping unsaved changes (the untitled documents the tests made), and waits until those
 * documents are closed.
 */
async function closeAll() {
  const untitled = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled' && !d.isClosed).map((d) => d.uri.toString()));
  const closed = new Promise((resolve, reject) => {
    const open = () => vscode.workspace.textDocuments.some((d) => untitled.has(d.uri.toString()) && !d.isClosed);
    if (!open()) return resolve();
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`untitled documents still open after ${TIMEOUT} ms: ${[...untitled]}`)); }, TIMEOUT);
    const sub = vscode.workspace.onDidCloseTextDocument(() => {
      if (open()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
  for (let i = 0; i < 20 && vscode.window.visibleTextEditors.length; i += 1) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await closed;
}

function rangeOf(doc, text, from = 0) {
  const at = doc.getText().indexOf(text, from);
  assert.ok(at >= 0, `"${text}" not in the document`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

async function advertUri() {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder) {
    const uri = vscode.Uri.joinPath(folder, 'job-advert.md');
    try { await vscode.workspace.fs.stat(uri); return uri; } catch { /* not copied there */ }
  }
  return vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID).extensionUri, 'examples', 'job-advert.md');
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------
const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('the extension activates and returns its API', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  api = await ext.activate();
  for (const key of ['onValidated', 'onStatus', 'status', 'client', 'restart']) {
    assert.equal(typeof api[key], 'function', `API member ${key}`);
  }
});

test('the example advert gets exactly the expected diagnostics', async () => {
  const { doc, diagnostics } = await openChecked(await advertUri());
  const actual = diagnostics.map((d) => [codeOf(d), d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
  assert.deepEqual(actual, ADVERT_EXPECTED.map((e) => e.slice(0, 6)));
  diagnostics.forEach((d, i) => {
    assert.ok(d.message.startsWith(ADVERT_EXPECTED[i][6]), `diagnostic ${i} (${codeOf(d)}) message: ${JSON.stringify(d.message)}`);
  });
  const status = api.status(doc.uri.toString());
  assert.equal(status?.kind, 'job-advert');
  assert.equal(status?.kindSource, 'text');
  assert.equal(status?.count, ADVERT_EXPECTED.length);
  // The status item counts what the Problems panel and the status bar count, with hints apart.
  const by = (severity) => diagnostics.filter((d) => d.severity === severity).length;
  assert.deepEqual(status?.counts, { error: by(S.Error), warning: by(S.Warning), information: by(S.Information), hint: by(S.Hint) });
});

test('hover on "salesman" explains, suggests, cites and links to the rule', async () => {
  const { doc } = await openChecked(SALES_TEXT);
  const range = rangeOf(doc, 'salesman');
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, range.start.translate(0, 3));
  const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
  const ours = texts.find((t) => t.includes('[Fairword rule `gendered-job-title`]'));
  assert.ok(ours, `no Fairword hover; hovers: ${JSON.stringify(texts)}`);
  // VS Code shows the diagnostic's message above the hover, so Fairword's starts with what to write instead.
  const lines = ours.split('\n\n');
  assert.equal(lines.length, 3, ours);
  assert.equal(lines[0], '**Instead, try:** “salesperson”, “sales representative”');
  assert.match(lines[1], /^\*\*Why it matters:\*\* A job title such as 'salesman'/);
  assert.equal(lines[2], `**Source:** [Acas, Job adverts: how not to discriminate against applicants](https://www.acas.org.uk/index.aspx?articleid=4657) · [Fairword rule \`gendered-job-title\`](${RULES_DOC}#gendered-job-title)`);
  const hover = hovers.find((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value) === ours));
  assert.ok(hover.range?.isEqual(range), `hover range ${JSON.stringify(hover.range)}`);
  await closeAll();
});

test('quick fixes on "salesman": the exact list, and the first replaces the word', async () => {
  const { doc } = await openChecked(SALES_TEXT);
  const range = rangeOf(doc, 'salesman');
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, range);
  // Only Fairword offers quick fixes on a Markdown word (the built-in Markdown extension offers refactorings).
  const ours = actions.filter((a) => a.kind?.value === 'quickfix');
  assert.deepEqual(ours.map((a) => a.title), [
    "Replace with 'salesperson'",
    "Replace with 'sales representative'",
    "Ignore 'salesman' here…",
    "Allow 'salesman' in this workspace",
    "Turn off the 'gendered-job-title' rule in this workspace",
  ]);
  assert.ok(ours.every((a) => a.kind?.value === 'quickfix'), `kinds: ${ours.map((a) => a.kind?.value)}`);
  assert.equal(ours[0].isPreferred, true);
  assert.deepEqual(ours.slice(2).map((a) => a.command?.command), ['fairword.ignoreHere', 'fairword.allowTerm', 'fairword.turnOffRule']);
  assert.deepEqual(
    { ...ours[2].command.arguments[0], uri: undefined, version: undefined },
    { uri: undefined, version: undefined, line: 2, ruleId: 'gendered-job-title', actual: 'salesman', format: 'markdown', indent: '' },
  );
  const checked = nextCheck(doc.uri);
  assert.ok(await vscode.workspace.applyEdit(ours[0].edit), 'applyEdit failed');
  const after = await checked;
  assert.equal(doc.lineAt(2).text, 'We are looking for a young, energetic salesperson.');
  assert.ok(!after.some((d) => codeOf(d) === 'gendered-job-title'), `still flagged: ${after.map(codeOf)}`);
  assert.ok(after.some((d) => codeOf(d) === 'young'), `'young' lost: ${after.map(codeOf)}`);
  await closeAll();
});

test('fix all (source.fixAll.fairword) makes exactly the safe replacements', async () => {
  const { doc } = await openChecked(FIXALL_TEXT);
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.fairword');
  assert.deepEqual(actions.map((a) => [a.title, a.kind?.value]), [['Fix all Fairword replacements in this file', 'source.fixAll.fairword']]);
  const checked = nextCheck(doc.uri);
  assert.ok(await vscode.workspace.applyEdit(actions[0].edit), 'applyEdit failed');
  const after = await checked;
  assert.equal(doc.getText(), FIXALL_FIXED);
  assert.deepEqual(after.map(codeOf), []);
  await closeAll();
});

test('fix all on the example advert proposes exactly its single-suggestion replacements', async () => {
  const uri = await advertUri();
  const doc = await vscode.workspace.openTextDocument(uri);
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.fairword');
  assert.equal(actions.length, 1, `actions: ${actions.map((a) => a.title)}`);
  const edits = actions[0].edit.get(uri)
    .map((e) => [e.range.start.line, e.range.start.character, e.newText])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  assert.deepEqual(edits, ADVERT_SAFE_FIXES);
});

test('the server restarts (API restart) and checks open documents again', async () => {
  const uri = await advertUri();
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const before = api.client();
  const checked = nextCheck(uri, 'the restarted server to check the advert');
  await api.restart();
  assert.notEqual(api.client(), before, 'restart kept the old client');
  assert.ok(api.client().isRunning(), 'the new client is not running');
  const after = await checked;
  assert.equal(after.length, ADVERT_EXPECTED.length);
  await closeAll();
});

test('a Word document: its read-only text view gets diagnostics, and "Write a reviewed copy" writes the copy beside it', async () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'no workspace folder');
  const file = vscode.Uri.joinPath(folder, 'advert.docx');
  await vscode.workspace.fs.stat(file);
  const view = file.with({ scheme: 'fairword-docx' });
  const checked = nextCheck(view, 'Fairword to check the text of advert.docx');
  await vscode.commands.executeCommand('fairword.openDocx', file);
  const diagnostics = await checked;
  assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), view.toString());
  assert.deepEqual(
    diagnostics.map((d) => [codeOf(d), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
    [
      ['missing-disability-confident', 0, 0, 0, 18], ['missing-flexible-working', 0, 0, 0, 18], ['missing-inclusion-statement', 0, 0, 0, 18],
      ['missing-reasonable-adjustments', 0, 0, 0, 18], ['missing-salary', 0, 0, 0, 18],
      ['recent-graduate', 2, 10, 2, 25], ['young', 2, 33, 2, 50], ['gendered-job-title', 4, 4, 4, 12],
    ],
  );
  assert.equal(vscode.workspace.fs.isWritableFileSystem('fairword-docx'), undefined, 'the text view must not be a writable file system');
  const before = await vscode.workspace.fs.readFile(file);
  const written = await vscode.commands.executeCommand('fairword.reviewDocx', file);
  const out = vscode.Uri.joinPath(folder, 'advert.reviewed.docx');
  assert.equal(written, out.toString());
  const bytes = Buffer.from(await vscode.workspace.fs.readFile(out));
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  assert.ok(bytes.includes('word/comments.xml'), 'the reviewed copy has no comments part');
  assert.ok(Buffer.from(await vscode.workspace.fs.readFile(file)).equals(Buffer.from(before)), 'the original changed');
  await closeAll();
});

// ---------------------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------------------
async function run() {
  let passed = 0;
  let failed = 0;
  console.log(`Fairword extension-host suite (VS Code ${vscode.version}, ${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
  for (const { name, fn } of tests) {
    const started = Date.now();
    try {
      await fn();
      passed += 1;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`  ✗ ${name} (${Date.now() - started} ms)\n      ${String(e && e.stack || e).split('\n').join('\n      ')}`);
      if (!api) break; // nothing else can run without the extension
    }
  }
  if (!api) failed += tests.length - passed - failed;
  console.log(`${passed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} extension-host test(s) failed`);
}

module.exports = { run };
