/**
 * The engine's reliability properties, shared by `test/reliability/properties.test.ts` (a small budget in
 * `npm test`) and `scripts/fuzz.mjs` (the nightly budget, 100,000 documents or more). No vitest import: a failed
 * check throws an Error whose message says what broke, and fast-check reports the shrunk counterexample.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLinter, lineStarts, offsetAt, positionAt, type DocumentKind, type FairwordConfig, type Finding, type LintOptions, type LintResult, type Linter } from '@fairword/rules';
import { applySafeFixes } from '../../cli/src/fix.js';
import { safeFixEdits, stableFixEdits } from '../../server/src/features/actions.js';
import { proseView } from '../../rules/src/prose.js';
import { expandTargets } from '../../cli/src/files.js';
import { anyDocument, applyEdit, edit, folderTree, hostileDocument, longMarkdown, roughDocument, structuredMarkdown, structuredPlaintext, type GeneratedDoc, type TreeEntry } from './arbitraries.js';

/** Counts per property: runs (generated documents), document versions linted, findings checked. */
export interface PropertyStats {
  runs: number;
  linted: number;
  findings: number;
}

export const stats = new Map<string, PropertyStats>();
const statsFor = (name: string): PropertyStats => {
  let s = stats.get(name);
  if (!s) stats.set(name, (s = { runs: 0, linted: 0, findings: 0 }));
  return s;
};

/** Configs the properties run under: defaults, and configs that change matching, severities and repeats. */
export const CONFIGS: FairwordConfig[] = [
  {},
  { repeats: 'all' },
  {
    terms: [
      { phrase: '(a+)+$', suggestions: ['a'] },
      { phrase: 'rock star', suggestions: ['expert'] },
      { phrase: 'salesman', suggestions: ['seller'], reason: 'house style' },
    ],
    allow: ['BAME', 'he/she'],
  },
  { choices: { bme: 'report', disabilityWording: 'disabled-people', ethnicCapitals: 'lower' } },
  { rules: { young: 'error', 'gendered-job-title': 'off', 'long-sentence': 'warning' } },
];

const KINDS: Array<DocumentKind | undefined> = [undefined, undefined, 'job-advert', 'policy', 'health-information', 'person-specification'];

/** Options for one lint: the document's format, and sometimes a forced kind or the report. */
const lintSetup = fc.record({
  config: fc.nat({ max: CONFIGS.length - 1 }),
  kind: fc.constantFrom(...KINDS),
  report: fc.boolean(),
});

type Setup = { config: number; kind: DocumentKind | undefined; report: boolean };

function optionsFor(doc: GeneratedDoc, setup: Setup): LintOptions {
  return { format: doc.format, ...(setup.kind ? { kind: setup.kind } : {}), ...(setup.report ? { report: true } : {}) };
}

/** Shared linters, one per config, as the server and CLI keep them (their block caches fill up over a run). */
const shared = new Map<number, Linter>();
function linterFor(config: number): Linter {
  let l = shared.get(config);
  if (!l) shared.set(config, (l = createLinter(CONFIGS[config])));
  return l;
}

export class InvariantError extends Error {}

function fail(message: string, detail?: unknown): never {
  throw new InvariantError(detail === undefined ? message : `${message}\n${JSON.stringify(detail, null, 1).slice(0, 4000)}`);
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** True when `offset` falls between the CR and the LF of a CRLF. */
export function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

/** Findings the engine makes about directives and itself; their `actual` is a rule id, not the text at their range. */
const ACTUAL_IS_AN_ID = new Set(['unknown-rule', 'rule-error']);

/** Findings about a directive itself (an unknown rule id, a directive that silences nothing): they sit on the directive. */
const ABOUT_DIRECTIVES = new Set(['unknown-rule', 'unused-directive']);

/** Sentence- and paragraph-level findings: they may cover a code span or URL inside the sentence, but never start or end in one. */
const COVERS_SENTENCES = new Set(['long-sentence', 'long-paragraph']);

function describeFinding(f: Finding): unknown {
  return { ruleId: f.ruleId, offset: f.offset, range: f.range, actual: f.actual, suggestions: f.suggestions, scope: f.scope };
}

/** Checks one span: inside the document, line/character matching the offsets, not splitting a surrogate pair or a CRLF. */
function checkSpan(text: string, starts: number[], what: string, offset: { start: number; end: number }, range: { start: { line: number; character: number }; end: { line: number; character: number } }): void {
  const { start, end } = offset;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    fail(`${what}: offsets [${start}, ${end}) are outside the document (length ${text.length}) or reversed`);
  }
  if (!isDeepStrictEqual(positionAt(starts, start), { line: range.start.line, character: range.start.character })) {
    fail(`${what}: range.start ${JSON.stringify(range.start)} does not match offset ${start} (${JSON.stringify(positionAt(starts, start))})`);
  }
  if (!isDeepStrictEqual(positionAt(starts, end), { line: range.end.line, character: range.end.character })) {
    fail(`${what}: range.end ${JSON.stringify(range.end)} does not match offset ${end} (${JSON.stringify(positionAt(starts, end))})`);
  }
  if (offsetAt(starts, text.length, range.start) !== start || offsetAt(starts, text.length, range.end) !== end) {
    fail(`${what}: range ${JSON.stringify(range)} does not map back to offsets [${start}, ${end})`);
  }
  for (const b of [start, end]) {
    if (splitsSurrogatePair(text, b)) fail(`${what}: offset ${b} splits a surrogate pair`);
    if (splitsCrlf(text, b)) fail(`${what}: offset ${b} splits a CRLF`);
  }
}

/**
 * Every invariant one lint result must satisfy: ranges inside the document and consistent with offsets, no split
 * surrogate pairs, `actual` equal to the text at the offsets, and suggestions that change only their range
 * (applied by offsets and, as an editor applies them, by line and character).
 */
export function checkResult(text: string, result: LintResult): void {
  const starts = lineStarts(text);
  for (const f of result.findings) {
    const what = `${f.ruleId} at [${f.offset.start}, ${f.offset.end})`;
    try {
      checkSpan(text, starts, what, f.offset, f.range);
      if (!ACTUAL_IS_AN_ID.has(f.ruleId) && text.slice(f.offset.start, f.offset.end) !== f.actual) {
        fail(`${what}: actual ${JSON.stringify(f.actual)} is not the text at its offsets (${JSON.stringify(text.slice(f.offset.start, f.offset.end))})`);
      }
      for (const r of f.related ?? []) checkSpan(text, starts, `${what}, related location`, r.offset, r.range);
      if (f.insert) {
        const at = f.insert.offset;
        if (at < 0 || at > text.length || splitsSurrogatePair(text, at) || splitsCrlf(text, at)) fail(`${what}: insertion offset ${at} is not a valid place`);
        if (!isDeepStrictEqual(positionAt(starts, at), f.insert.position)) fail(`${what}: insertion position does not match its offset`);
      }
      if (typeof f.message !== 'string' || f.message.length === 0) fail(`${what}: empty message`);
      for (const s of f.suggestions) {
        if (typeof s !== 'string') fail(`${what}: a suggestion is not a string`);
        // Applied by offsets: only [start, end) changes.
        const out = text.slice(0, f.offset.start) + s + text.slice(f.offset.end);
        if (!out.startsWith(text.slice(0, f.offset.start)) || !out.endsWith(text.slice(f.offset.end))) fail(`${what}: suggestion changes text outside its range`);
        // Applied as an editor does, by line and character.
        const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
        const byRange = TextDocument.applyEdits(doc, [{ range: f.range, newText: s }]);
        if (byRange !== out) fail(`${what}: applying suggestion ${JSON.stringify(s)} by its range changes different text than by its offsets`);
      }
    } catch (err) {
      if (err instanceof InvariantError) err.message += `\nfinding: ${JSON.stringify(describeFinding(f))}`;
      throw err;
    }
  }
}

/**
 * A replacement only ever replaces prose: every character it would delete, other than white space, is prose in
 * the engine's own view of the document (not Markdown markup, a link target, code or a comment). Otherwise a
 * quick fix, the editor's fix-all or `fairword --fix` deletes or unbalances markup, or loses a URL.
 */
export function checkFixesReplaceOnlyProse(text: string, format: GeneratedDoc['format'], result: LintResult): void {
  const view = proseView(text, format).text;
  for (const f of result.findings) {
    if (f.scope !== 'span' || f.suggestions.length === 0 || f.suggestions.every((s) => s === f.actual)) continue;
    for (let i = f.offset.start; i < f.offset.end; i++) {
      const c = text[i]!;
      if (/\s/.test(c) || view[i] === c) continue;
      fail(`${f.ruleId} at [${f.offset.start}, ${f.offset.end}) ${JSON.stringify(f.actual)}: its replacement ${JSON.stringify(f.suggestions[0])} would delete markup ${JSON.stringify(c)} at ${i}`);
    }
  }
}

/** No content finding touches code, a URL, a comment, a directive or front matter. */
export function checkProtected(doc: GeneratedDoc, result: LintResult): void {
  for (const f of result.findings) {
    if (ABOUT_DIRECTIVES.has(f.ruleId) || f.scope === 'document') continue;
    const { start, end } = f.offset;
    for (const r of doc.protected) {
      const inside = (b: number): boolean => b > r.start && b < r.end;
      const intersects = start === end ? inside(start) : start < r.end && r.start < end;
      const covers = start <= r.start && end >= r.end;
      const ok = !intersects || (COVERS_SENTENCES.has(f.ruleId) && covers);
      if (!ok) {
        fail(`${f.ruleId} at [${start}, ${end}) ${JSON.stringify(f.actual)} touches a ${r.what} at [${r.start}, ${r.end}) ${JSON.stringify(doc.text.slice(r.start, r.end))}`);
      }
    }
  }
}

/**
 * Fix-all as the CLI and the editor do it: every span finding marked safe, its first suggestion, applied from the
 * end of the text backwards, skipping any that overlaps one already applied.
 */
export function fixAll(text: string, findings: readonly Finding[]): string {
  const edits = findings
    .filter((f) => f.scope === 'span' && !f.insert && f.safe === true && f.suggestions.length > 0 && f.suggestions[0] !== f.actual && text.slice(f.offset.start, f.offset.end) === f.actual)
    .sort((a, b) => b.offset.start - a.offset.start || b.offset.end - a.offset.end);
  let out = text;
  let limit = Infinity;
  for (const f of edits) {
    if (f.offset.end > limit) continue;
    out = out.slice(0, f.offset.start) + f.suggestions[0]! + out.slice(f.offset.end);
    limit = f.offset.start;
  }
  return out;
}

/** A fast-check property with a name and a share of the run budget. */
export interface NamedProperty {
  name: string;
  /** Share of the total runs this property gets. */
  share: number;
  /** Also counts as generated documents: one per run. */
  property: () => fc.IProperty<never> | fc.IProperty<unknown[]>;
  /** What the property asserts, for the fuzz report. */
  asserts: string;
}

const arbDoc = fc.oneof({ weight: 10, arbitrary: anyDocument }, { weight: 10, arbitrary: roughDocument }, { weight: 1, arbitrary: hostileDocument });

/**
 * Builds a generated folder tree under a new temp folder: `root` is scanned, `outside` is its sibling. Entries
 * whose place is taken (a file where a folder should be) are left out. Returns the folders; the caller removes `base`.
 */
function buildTree(entries: readonly TreeEntry[]): { base: string; root: string; outside: string } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'fairword-tree-')));
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  mkdirSync(join(outside, 'dir'), { recursive: true });
  mkdirSync(root);
  writeFileSync(join(outside, 'secret.md'), 'We need a salesman.\n');
  writeFileSync(join(outside, 'dir/other.md'), 'A young team.\n');
  const exists = (path: string): boolean => {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  };
  const firstFile = entries.find((e) => e.kind === 'file')?.path;
  const firstDir = entries.find((e) => e.kind === 'dir')?.path;
  for (const entry of entries) {
    const path = join(root, entry.path);
    try {
      mkdirSync(dirname(path), { recursive: true });
      if (exists(path)) continue;
      if (entry.kind === 'dir') mkdirSync(path);
      else if (entry.kind === 'file') writeFileSync(path, 'The disabled are welcome.\n');
      else if (entry.kind === 'fifo') spawnSync('mkfifo', [path]);
      else {
        const target = {
          'inside-file': firstFile ? join(root, firstFile) : join(root, 'missing.md'),
          'inside-dir': firstDir ? join(root, firstDir) : root,
          'outside-file': join(outside, 'secret.md'),
          'outside-dir': join(outside, 'dir'),
          parent: '..',
          root,
          self: path,
          broken: join(base, 'nowhere'),
        }[entry.target ?? 'broken'];
        symlinkSync(target, path);
      }
    } catch {
      // A parent is a file or a link: this entry cannot exist in the tree.
    }
  }
  return { base, root, outside };
}

/** Regular Markdown and text files reachable from `root` without following links, outside hidden and skipped folders. */
function plainFiles(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const stats = lstatSync(path);
      if (stats.isDirectory() && name !== 'node_modules') stack.push(path);
      else if (stats.isFile() && /\.(md|txt)$/.test(name)) out.push(path);
    }
  }
  return out;
}

export const PROPERTIES: NamedProperty[] = [
  {
    name: 'invariants',
    share: 0.31,
    asserts: 'lint never throws; ranges inside the document, matching offsets, no split surrogate pair or CRLF; actual = text at offsets; suggestions change only their range',
    property: () =>
      fc.property(arbDoc, lintSetup, (doc, setup) => {
        const s = statsFor('invariants');
        s.runs++;
        const result = linterFor(setup.config).lint(doc.text, optionsFor(doc, setup));
        s.linted++;
        s.findings += result.findings.length;
        checkResult(doc.text, result);
      }) as fc.IProperty<unknown[]>,
  },
  {
    name: 'protected-regions',
    share: 0.2,
    asserts: 'no finding in code spans, fenced code, URLs, e-mail addresses, link targets, comments, directives or front matter; replacements replace only prose, never markup',
    property: () =>
      fc.property(fc.oneof({ weight: 3, arbitrary: structuredMarkdown }, { weight: 1, arbitrary: structuredPlaintext }), lintSetup, (doc, setup) => {
        const s = statsFor('protected-regions');
        s.runs++;
        const result = linterFor(setup.config).lint(doc.text, optionsFor(doc, setup));
        s.linted++;
        s.findings += result.findings.length;
        checkResult(doc.text, result);
        checkProtected(doc, result);
        checkFixesReplaceOnlyProse(doc.text, doc.format, result);
      }) as fc.IProperty<unknown[]>,
  },
  {
    name: 'fix-all',
    share: 0.2,
    asserts: "fix-all applied twice equals applied once (re-linting in between); the CLI's applySafeFixes and the server's fix-all TextEdits give the same text",
    property: () =>
      fc.property(arbDoc, lintSetup, (doc, setup) => {
        const s = statsFor('fix-all');
        s.runs++;
        const linter = linterFor(setup.config);
        const options = optionsFor(doc, setup);
        const first = linter.lint(doc.text, options);
        const once = fixAll(doc.text, first.findings);
        // One pass of each implementation gives the same text as the reference.
        const cli = applySafeFixes(doc.text, first.findings).text;
        if (cli !== once) fail('the CLI fix-all differs from the reference fix-all', { cli, once });
        const lsp = TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, doc.text), safeFixEdits(doc.text, first.findings));
        if (lsp !== once) fail("the server's fix-all edits differ from the reference fix-all", { lsp, once });
        s.linted++;
        s.findings += first.findings.length;
        // The editor's fix-all repeats passes when one fix reveals another (stableFixEdits), as --fix does.
        const relint = (t: string): readonly Finding[] => linter.lint(t, options).findings;
        const editorFixAll = (t: string, findings: readonly Finding[]): string =>
          TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, t), stableFixEdits(t, safeFixEdits(t, findings), relint));
        const stable = editorFixAll(doc.text, first.findings);
        if (stable === doc.text) return;
        const second = linter.lint(stable, options);
        s.linted++;
        checkResult(stable, second);
        const twice = editorFixAll(stable, second.findings);
        if (twice !== stable) {
          const again = second.findings.filter((f) => f.scope === 'span' && f.safe === true).map(describeFinding);
          const rules = [...new Set(again.map((f) => (f as { ruleId: string }).ruleId))].sort().join(', ');
          fail(`fix-all is not idempotent: a second fix-all changed the text again (${rules})`, { before: doc.text, once: stable, twice, fixableAfterOnce: again });
        }
      }) as fc.IProperty<unknown[]>,
  },
  {
    name: 'session',
    share: 0.15,
    asserts: 'a lint session over a sequence of random edits always equals a fresh full lint of the same text',
    property: () =>
      fc.property(arbDoc, fc.array(edit, { minLength: 1, maxLength: 12 }), fc.nat({ max: CONFIGS.length - 1 }), fc.constantFrom<DocumentKind | undefined>(undefined, undefined, 'job-advert', 'policy'), (doc, edits, config, kind) => {
        const s = statsFor('session');
        s.runs++;
        const options: LintOptions = { format: doc.format, ...(kind ? { kind } : {}) };
        const session = createLinter(CONFIGS[config]).session(options);
        let text = doc.text;
        session.lint(text);
        s.linted++;
        for (const [i, e] of edits.entries()) {
          text = applyEdit(text, e).text;
          const incremental = session.lint(text);
          const full = createLinter(CONFIGS[config]).lint(text, options);
          s.linted += 2;
          s.findings += full.findings.length;
          if (!isDeepStrictEqual(incremental, full)) {
            const key = (f: Finding): string => `${f.ruleId} [${f.offset.start},${f.offset.end}) ${JSON.stringify(f.actual)} ${f.severity}`;
            const a = new Set(incremental.findings.map(key));
            const b = new Set(full.findings.map(key));
            const differs = (a: object, b: object): string[] =>
              Object.keys({ ...a, ...b }).filter((k) => !isDeepStrictEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
            const keys = differs(incremental, full);
            const what =
              incremental.kind !== full.kind
                ? `kind ${incremental.kind} instead of ${full.kind}`
                : keys.includes('findings')
                  ? 'findings'
                  : keys.includes('report')
                    ? `report: ${differs(incremental.report, full.report).join(', ')}`
                    : keys.join(', ');
            fail(`after edit ${i + 1} of ${edits.length}, the session's result differs from a full lint (${what})`, {
              text,
              onlyInSession: [...a].filter((k) => !b.has(k)),
              onlyInFullLint: [...b].filter((k) => !a.has(k)),
              kind: [incremental.kind, full.kind],
              differentKeys: keys,
              ...(keys.includes('report') ? { report: { session: incremental.report, full: full.report } } : {}),
            });
          }
        }
      }) as fc.IProperty<unknown[]>,
  },
  {
    name: 'cache-transparency',
    share: 0.1,
    asserts: "a lint gives the same result whatever the engine's caches hold (before and after every Markdown segment of the text was parsed and cached)",
    property: () =>
      fc.property(fc.oneof({ weight: 2, arbitrary: longMarkdown }, { weight: 1, arbitrary: anyDocument }), lintSetup, (doc, setup) => {
        const s = statsFor('cache-transparency');
        s.runs++;
        const options = optionsFor(doc, setup);
        const before = createLinter(CONFIGS[setup.config]).lint(doc.text, options);
        // Parse every segment, as checking another document with the same paragraphs (or the report) would.
        proseView(doc.text, 'markdown');
        const after = createLinter(CONFIGS[setup.config]).lint(doc.text, options);
        s.linted += 2;
        s.findings += after.findings.length;
        if (!isDeepStrictEqual(before, after)) {
          const key = (f: Finding): string => `${f.ruleId} [${f.offset.start},${f.offset.end}) ${JSON.stringify(f.actual)}`;
          const what = before.kind !== after.kind ? `kind ${before.kindSource} → ${after.kindSource}` : 'findings';
          fail(`the result changed once the segment cache held every segment of the text (${what})`, {
            text: doc.text,
            kind: [before.kind, before.kindSource, after.kind, after.kindSource],
            onlyBefore: before.findings.map(key).filter((k) => !after.findings.map(key).includes(k)),
            onlyAfter: after.findings.map(key).filter((k) => !before.findings.map(key).includes(k)),
          });
        }
      }) as fc.IProperty<unknown[]>,
  },
  {
    name: 'hostile-shapes',
    share: 0.03,
    asserts: 'deep nesting, long delimiter runs, hyphen chains and floods of findings around a paragraph never throw, keep every invariant, and never hide that paragraph’s finding',
    property: () =>
      fc.property(hostileDocument, (doc) => {
        const s = statsFor('hostile-shapes');
        s.runs++;
        const result = linterFor(0).lint(doc.text, { format: doc.format });
        s.linted++;
        s.findings += result.findings.length;
        checkResult(doc.text, result);
        if (!result.findings.some((f) => f.ruleId === 'gendered-job-title' && f.offset.start === doc.marker && f.offset.end === doc.marker + 8)) {
          fail('the finding in the paragraph between two hostile shapes is missing', { marker: doc.marker, start: doc.text.slice(0, 200), near: doc.text.slice(doc.marker - 20, doc.marker + 30) });
        }
      }) as fc.IProperty<unknown[]>,
  },
  {
    name: 'file-selection',
    share: 0.01,
    asserts: 'a folder scan over trees of files, links (inside, outside, looping, duplicate, broken) and pipes ends, lists each real file once, never a file outside the folder, and every plain file inside it',
    property: () =>
      fc.asyncProperty(folderTree, async (entries) => {
        const s = statsFor('file-selection');
        s.runs++;
        const { base, root } = buildTree(entries);
        try {
          const expansion = await expandTargets([root], base);
          if ('error' in expansion) fail('the scan failed', expansion);
          s.linted++;
          s.findings += expansion.files.length;
          const reals = expansion.files.map((f) => expansion.real.get(f)!);
          if (new Set(reals).size !== reals.length) fail('a real file is listed twice', reals);
          for (const [i, real] of reals.entries()) {
            if (realpathSync(expansion.files[i]!) !== real) fail('a listed real path is not where the path leads', { path: expansion.files[i], real });
            const rel = relative(root, real);
            if (rel.startsWith('..') || rel.startsWith(sep)) fail('a file outside the scanned folder is listed', { real, entries });
          }
          const missing = plainFiles(root).filter((file) => !reals.includes(realpathSync(file)));
          if (missing.length > 0) fail('a plain file inside the folder is not listed', { missing, entries });
        } finally {
          rmSync(base, { recursive: true, force: true });
        }
      }) as unknown as fc.IProperty<unknown[]>,
  },
];

/** Splits a run budget over the properties by share (at least one run each). */
export function budget(total: number): Map<string, number> {
  return new Map(PROPERTIES.map((p) => [p.name, Math.max(1, Math.round(total * p.share))]));
}
