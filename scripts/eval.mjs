#!/usr/bin/env node
/**
 * Fairword evaluation: how right Fairword's findings are, measured the way a user meets them.
 *
 * Scores two labelled sets with one convention (the one ../shared/corpus/score.mjs uses):
 *   - the real documents in ../shared/corpus/ (when present), hand-labelled by people outside the team;
 *   - the team's own labelled documents in test/fixtures/labelled/.
 * and lists every finding at information level and above on the documents in ../shared/seeds/ (when present).
 *
 * Convention: every span finding counts. One that overlaps a labelled text is right; any other is wrong, whatever
 * its rule. "visible" findings are those at information level or above (the Problems panel, a default CLI run):
 * visibleP is their precision and visibleR the share of labels found at that level (distinct texts per document).
 * Hints are scored apart (hintP), leaving out the long-sentence and long-paragraph counts. Document kind and advert
 * statements are scored as accuracy where a set labels them. Documents are linted with the default configuration:
 * no per-document settings.
 *
 * Usage (after npm run build):
 *   node scripts/eval.mjs [--verbose] [--show-seeds] [--json FILE] [--ratchet | --record]
 *
 *   --verbose      list every wrong finding and every miss, with its sentence
 *   --show-seeds   list every seed finding at information level and above, with its sentence
 *   --json FILE    write every figure and list as JSON
 *   --ratchet      exit 1 when a figure falls below the one recorded in docs/accuracy.md (CI runs this)
 *   --record       write the current figures into docs/accuracy.md's ratchet table
 *   --doc FILE     the page that holds the ratchet table (default docs/accuracy.md)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LABELLED_DIR = join(ROOT, 'test', 'fixtures', 'labelled');
const CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus');
const SEEDS_DIR = resolve(ROOT, '..', 'shared', 'seeds');
const ACCURACY_DOC_DEFAULT = join(ROOT, 'docs', 'accuracy.md');
const ENGINE = join(ROOT, 'rules', 'dist', 'index.js');

const args = process.argv.slice(2);
const has = (flag) => args.includes(flag);
const valueOf = (flag) => (has(flag) ? args[args.indexOf(flag) + 1] : undefined);
for (const a of args) {
  if (a.startsWith('--') && !['--verbose', '--show-seeds', '--json', '--ratchet', '--record', '--doc'].includes(a)) {
    console.error(`eval: unknown option ${a}`);
    process.exit(2);
  }
}
if (!existsSync(ENGINE)) {
  console.error('eval: the engine is not built (run npm run build)');
  process.exit(2);
}
const ACCURACY_DOC = valueOf('--doc') ? resolve(valueOf('--doc')) : ACCURACY_DOC_DEFAULT;
const { createLinter, formatFromFilename, getRule } = await import(pathToFileURL(ENGINE).href);
const linter = createLinter();

// Report and news count as `general`; a job description and a person specification are often one document.
const KIND_OK = {
  'job-advert': ['job-advert'],
  'job-description': ['job-description', 'person-specification'],
  'person-specification': ['person-specification', 'job-description'],
  'health-information': ['health-information'],
  policy: ['policy'],
  report: ['general'],
  news: ['general'],
  general: ['general'],
};
const STATEMENT_KEYS = ['salary', 'flexible_working', 'reasonable_adjustments', 'inclusion_statement'];
const ratio = (a, b) => (b ? +(a / b).toFixed(3) : null);

// ---------------------------------------------------------------------------------------------------------------
// Scoring: one document at a time, the same way for both sets.

/**
 * A labelled document: its text, labels as spans (with a category), its kind and statements when labelled.
 * @typedef {{ file: string, text: string, lintText: string, offset: number, labels: Array<{ text: string, category: string, spans: Array<[number, number]> }>, kind?: string, statements?: Record<string, boolean> }} Doc
 */

function score(docs) {
  const vis = { tp: 0, fp: 0 };
  const hint = { tp: 0, fp: 0 };
  let expected = 0;
  let found = 0;
  let kindTotal = 0;
  let kindRight = 0;
  let stTotal = 0;
  let stRight = 0;
  const fpByRule = {};
  const missByCategory = {};
  const wrong = [];
  const missed = [];
  const kinds = [];
  const statements = [];
  for (const doc of docs) {
    const result = linter.lint(doc.lintText, { format: formatFromFilename(doc.file) ?? 'markdown' });
    const labels = doc.labels.map((l) => ({ ...l, found: false }));
    const seen = new Set();
    for (const f of result.findings) {
      if (f.scope === 'document') continue;
      const start = f.offset.start + doc.offset;
      const end = f.offset.end + doc.offset;
      if (seen.has(`${start}:${end}`)) continue;
      seen.add(`${start}:${end}`);
      const visible = f.severity !== 'hint';
      if (!visible && /^long-(sentence|paragraph)$/.test(f.ruleId)) continue;
      const hits = labels.filter((l) => l.spans.some(([a, b]) => start < b && a < end));
      const tally = visible ? vis : hint;
      if (hits.length) {
        tally.tp++;
        if (visible) for (const l of hits) l.found = true;
      } else {
        tally.fp++;
        const key = `${f.ruleId}/${f.severity}`;
        fpByRule[key] = (fpByRule[key] ?? 0) + 1;
        wrong.push({ file: doc.file, rule: key, context: around(doc.text, start, end) });
      }
    }
    for (const l of labels) {
      expected++;
      if (l.found) found++;
      else {
        missByCategory[l.category] = (missByCategory[l.category] ?? 0) + 1;
        missed.push({ file: doc.file, category: l.category, context: l.spans.length ? around(doc.text, ...l.spans[0]) : `(not in the text) ${l.text}` });
      }
    }
    if (doc.kind) {
      kindTotal++;
      if ((KIND_OK[doc.kind] ?? [doc.kind]).includes(result.kind)) kindRight++;
      else kinds.push(`${doc.file}: labelled ${doc.kind}, got ${result.kind}${result.kindEvidence ? ` (${result.kindEvidence.join(', ')})` : ''}`);
    }
    for (const [key, value] of Object.entries(doc.statements ?? {})) {
      stTotal++;
      const got = result.report?.statements?.[key];
      if (got === value) stRight++;
      else statements.push(`${doc.file}: ${key} labelled ${value}, got ${got}`);
    }
  }
  return {
    summary: {
      documents: docs.length,
      visibleP: ratio(vis.tp, vis.tp + vis.fp),
      visibleR: ratio(found, expected),
      visibleFindings: vis.tp + vis.fp,
      labels: expected,
      hintP: ratio(hint.tp, hint.tp + hint.fp),
      hints: hint.tp + hint.fp,
      kindAccuracy: ratio(kindRight, kindTotal),
      statementAccuracy: ratio(stRight, stTotal),
    },
    fpByRule,
    missByCategory,
    wrong,
    missed,
    kinds,
    statements,
  };
}

/** The text around a span, the span in [[ ]], on one line. */
function around(text, start, end) {
  const flat = (s) => s.replace(/\s+/g, ' ');
  return `${flat(text.slice(Math.max(0, start - 70), start))}[[${text.slice(start, end)}]]${flat(text.slice(end, end + 70))}`;
}

/**
 * Every [start, end) where `needle` occurs in `text` from `from` on (past any front matter), or only those inside
 * `context` when it is given.
 */
function spansOf(text, needle, context, from = 0) {
  const out = [];
  if (!needle) return out;
  const scopes = [];
  if (context) for (let i = text.indexOf(context, from); i >= 0; i = text.indexOf(context, i + 1)) scopes.push([i, i + context.length]);
  else scopes.push([from, text.length]);
  for (const [from, to] of scopes) {
    for (let i = text.indexOf(needle, from); i >= 0 && i + needle.length <= to; i = text.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The sets.

/** The shared corpus: labels.json beside docs/. */
function corpusDocs() {
  const labels = JSON.parse(readFileSync(join(CORPUS_DIR, 'labels.json'), 'utf8'));
  return labels.map((l) => {
    const text = readFileSync(join(CORPUS_DIR, 'docs', l.file), 'utf8');
    return {
      file: l.file,
      text,
      lintText: text,
      offset: 0,
      labels: (l.expect ?? []).map((x) => ({ text: x.text, category: x.category, spans: spansOf(text, x.text) })),
      kind: l.kind,
      statements: Object.fromEntries(Object.entries(l.doc ?? {}).filter(([k]) => STATEMENT_KEYS.includes(k))),
    };
  });
}

/**
 * The team's labelled set: Markdown files carry `expected` (and optionally `kind` and `statements`) in their front
 * matter; a .txt file has NAME.expected.yaml beside it. A label names a rule, the text, and optionally a longer
 * `context` that says which occurrence is meant; its category is the rule's.
 */
function labelledDocs() {
  const docs = [];
  for (const file of readdirSync(LABELLED_DIR).filter((f) => /\.(md|txt)$/.test(f)).sort()) {
    const text = readFileSync(join(LABELLED_DIR, file), 'utf8');
    let meta;
    let body = 0;
    if (extname(file) === '.txt') {
      meta = parseYaml(readFileSync(join(LABELLED_DIR, `${basename(file, '.txt')}.expected.yaml`), 'utf8')) ?? {};
    } else {
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
      meta = m ? (parseYaml(m[1]) ?? {}) : {};
      body = m ? m[0].length : 0;
    }
    if (meta.eval) throw new Error(`${file}: per-document evaluation settings are not allowed; documents are linted as users lint them`);
    docs.push({
      file,
      text,
      lintText: text,
      offset: 0,
      labels: (meta.expected ?? []).map((x) => ({ text: x.text, category: getRule(x.rule)?.category ?? x.rule, spans: spansOf(text, x.text, x.context, body) })),
      ...(meta.kind ? { kind: meta.kind } : {}),
      ...(meta.statements ? { statements: meta.statements } : {}),
    });
  }
  return docs;
}

/** Findings at information level and above on the seed documents, with a count of words. */
function seeds() {
  const out = { words: 0, warnings: 0, errors: 0, information: 0, findings: [] };
  for (const file of readdirSync(SEEDS_DIR).sort()) {
    const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
    out.words += (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
    for (const f of linter.lint(text, { format: formatFromFilename(file) ?? 'plaintext' }).findings) {
      if (f.scope !== 'span' || f.severity === 'hint') continue;
      out[f.severity === 'warning' ? 'warnings' : f.severity === 'error' ? 'errors' : 'information']++;
      out.findings.push({ file, rule: `${f.ruleId}/${f.severity}`, context: around(text, f.offset.start, f.offset.end) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Run, print, ratchet.

const results = {};
if (existsSync(join(CORPUS_DIR, 'labels.json'))) results.corpus = score(corpusDocs());
results.labelled = score(labelledDocs());
const seedResult = existsSync(SEEDS_DIR) ? seeds() : undefined;

const fmt = (x) => (x === null ? '–' : x.toFixed(3));
console.log('set        docs  visibleP  visibleR  findings  labels  hintP   hints  kind    statements');
for (const [name, r] of Object.entries(results)) {
  const s = r.summary;
  console.log(
    `${name.padEnd(10)} ${String(s.documents).padStart(4)}  ${fmt(s.visibleP).padStart(8)}  ${fmt(s.visibleR).padStart(8)}  ${String(s.visibleFindings).padStart(8)}  ${String(s.labels).padStart(6)}  ${fmt(s.hintP).padStart(5)}  ${String(s.hints).padStart(5)}  ${fmt(s.kindAccuracy).padStart(5)}   ${fmt(s.statementAccuracy)}`,
  );
}
for (const [name, r] of Object.entries(results)) {
  console.log(`\n${name}: wrong findings by rule ${JSON.stringify(r.fpByRule)}`);
  console.log(`${name}: misses by category ${JSON.stringify(r.missByCategory)}`);
  if (has('--verbose')) {
    for (const w of r.wrong) console.log(`  WRONG ${w.file}: ${w.rule}: ${w.context}`);
    for (const m of r.missed) console.log(`  MISSED ${m.file} [${m.category}]: ${m.context}`);
    for (const k of r.kinds) console.log(`  KIND ${k}`);
    for (const s of r.statements) console.log(`  STATEMENT ${s}`);
  }
}
if (seedResult) {
  const per5000 = (n) => ((n * 5000) / seedResult.words).toFixed(2);
  console.log(
    `\nseeds: ${seedResult.words} words; ${seedResult.errors} errors, ${seedResult.warnings} warnings (${per5000(seedResult.warnings)} per 5,000 words), ${seedResult.information} information`,
  );
  if (has('--show-seeds')) for (const f of seedResult.findings) console.log(`  ${f.file}: ${f.rule}: ${f.context}`);
}
if (valueOf('--json')) writeFileSync(valueOf('--json'), `${JSON.stringify({ ...results, seeds: seedResult }, null, 2)}\n`);

// The ratchet: a table in docs/accuracy.md between two markers, one figure a row.
const START = '<!-- ratchet:start -->';
const END = '<!-- ratchet:end -->';
const figures = {};
for (const [name, r] of Object.entries(results)) {
  for (const key of ['visibleP', 'visibleR', 'hintP', 'kindAccuracy', 'statementAccuracy']) {
    if (r.summary[key] !== null) figures[`${name}.${key}`] = r.summary[key];
  }
}
const doc = readFileSync(ACCURACY_DOC, 'utf8');
if (has('--record')) {
  const rows = Object.entries(figures).map(([k, v]) => `| ${k} | ${v.toFixed(3)} |`);
  const table = `${START}\n| figure | lowest allowed |\n| --- | --- |\n${rows.join('\n')}\n${END}`;
  const next = doc.includes(START) ? doc.replace(new RegExp(`${START}[\\s\\S]*?${END}`), table) : `${doc.trimEnd()}\n\n${table}\n`;
  writeFileSync(ACCURACY_DOC, next);
  console.log(`\nrecorded ${Object.keys(figures).length} figures in docs/accuracy.md`);
}
if (has('--ratchet')) {
  const block = doc.slice(doc.indexOf(START), doc.indexOf(END));
  if (doc.indexOf(START) < 0) {
    console.error('eval: docs/accuracy.md has no ratchet table');
    process.exit(2);
  }
  const falls = [];
  let checked = 0;
  for (const m of block.matchAll(/^\| ([\w.]+) \| ([\d.]+) \|$/gm)) {
    const [, key, floor] = m;
    const now = figures[key];
    if (now === undefined) {
      if (key.startsWith('corpus.') && !results.corpus) continue;
      falls.push(`${key}: recorded ${floor}, not measured now`);
      continue;
    }
    checked++;
    if (now + 1e-9 < Number(floor)) falls.push(`${key}: ${now.toFixed(3)} is below the recorded ${floor}`);
  }
  if (falls.length) {
    console.error(`\nratchet: ${falls.length} figure(s) fell:\n  ${falls.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`\nratchet: ${checked} figures hold`);
}
