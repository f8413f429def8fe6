#!/usr/bin/env node
/**
 * Fairword evaluation: measures the built engine against the labelled documents in
 * test/fixtures/labelled/ and reports how noisy it is on the real documents in ../shared/seeds/.
 *
 * A measuring tool, not a test: it exits 0 whatever the numbers are, unless the engine throws
 * (exit 2) or --min-precision / --min-recall are given and not met (exit 1).
 *
 * Usage (build first: npm run build -w @fairword/rules && npx tsc -b rules):
 *   node scripts/eval.mjs [options]
 *
 * Options:
 *   --show-seeds          print every seed finding with its sentence, for review
 *   --json FILE           write every figure (and every FP/FN/seed finding) as JSON
 *   --min-precision X     exit 1 when overall precision is below X (0–1)
 *   --min-recall Y        exit 1 when overall recall is below Y (0–1)
 *   --repeats first|all   how the labelled documents are linted (default all: every occurrence
 *                         is reported at full severity, so one label per occurrence can be scored;
 *                         "first" uses the engine default, where repeats become hints)
 *   --only TEXT           only evaluate labelled documents whose file name contains TEXT
 *   --seeds DIR           seed folder (default ../shared/seeds relative to the repository)
 *   --no-seeds            skip the seed documents
 *   --strict-spans        a finding must have exactly the labelled text (no overlap matching)
 *   --quiet               print the summary tables only (no FP/FN lists)
 *
 * Labels: each Markdown document carries YAML front matter with `expected:` (a list of
 * { rule, text, context? }); each .txt document has a sidecar NAME.expected.yaml with the same
 * `expected:` list and optionally `fairword: { kind }`. `context` (optional) is a longer piece of the
 * document containing `text`, to say which occurrence is meant. An optional `eval: { config }` block
 * is merged into the engine configuration for that document only (e.g. choices.bme: report).
 *
 * Scoring: findings are matched to labels per document by rule id and text, as a multiset, at the
 * labelled location (an occurrence of `text`, inside `context` when given). A finding of the same rule
 * whose span overlaps the labelled occurrence also counts (reported as "span differs") unless
 * --strict-spans. Only span findings at severity error, warning or information are scored; hints are
 * listed separately and never count as false positives. Findings from rules outside the labelled
 * vocabulary, and document-level findings, are listed but not scored.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LABELLED_DIR = join(ROOT, 'test', 'fixtures', 'labelled');
const ENGINE = join(ROOT, 'rules', 'dist', 'index.js');

/** The rule vocabulary the labels use. Findings from other rules are reported but not scored. */
const LABELLED_RULES = [
  // age
  'young', 'recent-graduate', 'energetic', 'age-limit', 'years-experience', 'no-gaps',
  'highly-experienced', 'digital-native', 'family-status', 'older-people',
  // gender
  'gendered-job-title', 'he-she',
  // nationality
  'native-speaker', 'fluent-english', 'nationality-for-language',
  // criteria
  'culture-fit', 'driving-licence', 'physically-fit', 'qualification-equivalent', 'communication-skills',
  // ethnicity
  'bame', 'bme', 'people-of-colour', 'blacks-whites', 'ethnic-group-capitals', 'mixed-race',
  'gypsy-traveller', 'race-ethnicity', 'hard-to-reach',
  // health
  'mental-health-community', 'crazy', 'committed-suicide',
  // disability
  'suffers-from', 'wheelchair-bound', 'the-disabled', 'able-bodied', 'invalid', 'condition-labels',
  'mentally-ill', 'disabled-facilities', 'disability-idioms',
];

const SCORED_SEVERITIES = new Set(['error', 'warning', 'information']);
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const opts = {
    showSeeds: false,
    json: undefined,
    minPrecision: undefined,
    minRecall: undefined,
    repeats: 'all',
    only: undefined,
    seeds: resolve(ROOT, '..', 'shared', 'seeds'),
    noSeeds: false,
    strictSpans: false,
    quiet: false,
  };
  const need = (i, name) => {
    if (i + 1 >= argv.length) usage(`${name} needs a value`);
    return argv[i + 1];
  };
  const num = (v, name) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0 || n > 1) usage(`${name} must be a number between 0 and 1`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--show-seeds': opts.showSeeds = true; break;
      case '--json': opts.json = need(i, a); i++; break;
      case '--min-precision': opts.minPrecision = num(need(i, a), a); i++; break;
      case '--min-recall': opts.minRecall = num(need(i, a), a); i++; break;
      case '--repeats': {
        const v = need(i, a); i++;
        if (v !== 'first' && v !== 'all') usage('--repeats must be first or all');
        opts.repeats = v;
        break;
      }
      case '--only': opts.only = need(i, a); i++; break;
      case '--seeds': opts.seeds = resolve(need(i, a)); i++; break;
      case '--no-seeds': opts.noSeeds = true; break;
      case '--strict-spans': opts.strictSpans = true; break;
      case '--quiet': opts.quiet = true; break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown option ${a}`);
    }
  }
  return opts;
}

function usage(error) {
  const text = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const doc = text.slice(text.indexOf('/**'), text.indexOf('*/') + 2);
  if (error) console.error(`eval: ${error}\n`);
  console.error(doc.replace(/^[ \t]*\/?\*+\/? ?/gm, '').trim());
  process.exit(error ? 2 : 0);
}

// ---------------------------------------------------------------------------------------------
// Helpers

const norm = (s) => s.replace(/\s+/g, ' ').trim();
const pct = (x) => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
const ratio = (a, b) => (b === 0 ? null : a / b);

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r' && text[i + 1] !== '\n') starts.push(i + 1);
  }
  return starts;
}

/** 1-based line and column of an offset. */
function lineCol(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo] + 1 };
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex for `text` that tolerates any run of whitespace and respects word edges. */
function phraseRe(text, flags = 'g') {
  const body = norm(text).split(' ').map(escapeRe).join('\\s+');
  const pre = /^[\p{L}\p{N}]/u.test(text) ? '(?<![\\p{L}\\p{N}])' : '';
  const post = /[\p{L}\p{N}]$/u.test(text) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(pre + body + post, flags + 'u');
}

function occurrences(text, phrase, from, to) {
  const out = [];
  const re = phraseRe(phrase);
  re.lastIndex = from;
  let m;
  while ((m = re.exec(text)) && m.index < to) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** True where a new block or list item starts at `i` (the character after a newline). */
function blockStartAt(text, i) {
  return /^[ \t]*(?:[-*+>|#]|\d+[.)]\s|\r?\n)/.test(text.slice(i, i + 8));
}

/** The sentence (roughly) around an offset range, for review output; the flagged span is in [[ ]]. */
function sentenceAround(text, start, end) {
  let s = start;
  while (s > 0 && start - s < 300) {
    const c = text[s - 1];
    if ((c === '\n' || c === '\r') && blockStartAt(text, s)) break;
    if (c === '\n' && /\n\s*$/.test(text.slice(Math.max(0, s - 4), s - 1))) break;
    if (/[.!?]/.test(c) && /\s/.test(text[s] ?? ' ')) break;
    s--;
  }
  let e = end;
  while (e < text.length && e - end < 300) {
    const c = text[e];
    if ((c === '\n' || c === '\r') && blockStartAt(text, e + 1)) break;
    if (/[.!?]/.test(c) && /\s|$/.test(text[e + 1] ?? ' ')) {
      e++;
      break;
    }
    e++;
  }
  const clip = (x) => (x.length > 400 ? `${x.slice(0, 400)}…` : x);
  return clip(norm(`${text.slice(s, start)}[[${text.slice(start, end)}]]${text.slice(end, e)}`));
}

function wordCount(text) {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu) ?? []).length;
}

function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function lpad(s, n) {
  s = String(s);
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

// ---------------------------------------------------------------------------------------------
// Labelled documents

function splitFrontMatter(text) {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { data: undefined, bodyStart: 0 };
  return { yaml: m[1], bodyStart: m[0].length };
}

function loadLabelled(opts) {
  if (!existsSync(LABELLED_DIR)) return { docs: [], problems: [`no labelled folder at ${relative(ROOT, LABELLED_DIR)}`] };
  const problems = [];
  const docs = [];
  const files = readdirSync(LABELLED_DIR)
    .filter((f) => /\.(md|markdown|txt)$/i.test(f))
    .filter((f) => !opts.only || f.includes(opts.only))
    .sort();
  for (const file of files) {
    const path = join(LABELLED_DIR, file);
    const text = readFileSync(path, 'utf8');
    let meta;
    let bodyStart = 0;
    if (/\.txt$/i.test(file)) {
      const sidecar = join(LABELLED_DIR, `${basename(file, extname(file))}.expected.yaml`);
      if (!existsSync(sidecar)) {
        problems.push(`${file}: no sidecar ${basename(sidecar)}; skipped`);
        continue;
      }
      try {
        meta = parseYaml(readFileSync(sidecar, 'utf8')) ?? {};
      } catch (e) {
        problems.push(`${basename(sidecar)}: YAML error: ${e.message}; skipped`);
        continue;
      }
    } else {
      const fm = splitFrontMatter(text);
      if (fm.yaml === undefined) {
        problems.push(`${file}: no front matter with expected findings; skipped`);
        continue;
      }
      try {
        meta = parseYaml(fm.yaml) ?? {};
      } catch (e) {
        problems.push(`${file}: front matter YAML error: ${e.message}; skipped`);
        continue;
      }
      bodyStart = fm.bodyStart;
    }
    if (!Array.isArray(meta.expected)) {
      problems.push(`${file}: 'expected' must be a list (use [] for a clean document); skipped`);
      continue;
    }
    const expected = [];
    for (const [i, e] of meta.expected.entries()) {
      if (!e || typeof e.rule !== 'string' || typeof e.text !== 'string' || !e.text.trim()) {
        problems.push(`${file}: expected[${i}] needs a rule and a text; ignored`);
        continue;
      }
      expected.push({ rule: e.rule, text: e.text, context: typeof e.context === 'string' ? e.context : undefined });
    }
    const sidecarKind = /\.txt$/i.test(file) && typeof meta.fairword?.kind === 'string' ? meta.fairword.kind : undefined;
    docs.push({ file, path, text, bodyStart, expected, kind: sidecarKind, config: meta.eval?.config });
  }
  return { docs, problems };
}

/** Where each label points in the document: the occurrences of its text (inside its context). */
function locateLabels(doc, problems) {
  const starts = lineStarts(doc.text);
  for (const e of doc.expected) {
    let occ = [];
    if (e.context) {
      for (const c of occurrences(doc.text, e.context, doc.bodyStart, doc.text.length)) {
        occ.push(...occurrences(doc.text, e.text, c.start, c.end).filter((o) => o.end <= c.end));
      }
      if (occ.length === 0) problems.push(`${doc.file}: context "${e.context}" (with "${e.text}") not found in the document`);
    } else {
      occ = occurrences(doc.text, e.text, doc.bodyStart, doc.text.length);
      if (occ.length === 0) problems.push(`${doc.file}: expected text "${e.text}" (${e.rule}) not found in the document`);
    }
    e.occurrences = occ;
    e.line = occ.length ? lineCol(starts, occ[0].start).line : undefined;
  }
  doc.starts = starts;
}

/** Matches findings to labels; returns per-document results. */
function score(doc, findings, opts, scoredRules) {
  const spanFindings = findings.filter((f) => f.scope !== 'document' && f.ruleId !== 'rule-error');
  const scored = spanFindings.filter((f) => SCORED_SEVERITIES.has(f.severity) && scoredRules.has(f.ruleId));
  const hints = spanFindings.filter((f) => f.severity === 'hint' && scoredRules.has(f.ruleId));
  const unscored = spanFindings.filter((f) => !scoredRules.has(f.ruleId));
  const documentLevel = findings.filter((f) => f.scope === 'document' && f.ruleId !== 'rule-error');
  const ruleErrors = findings.filter((f) => f.ruleId === 'rule-error');

  const used = new Set();
  const tp = [];
  const fn = [];
  const pending = [...doc.expected];
  const overlaps = (f, o) => f.offset.start < o.end && o.start < f.offset.end;

  // Pass 1: same rule, same text, at a labelled occurrence.
  for (const e of [...pending]) {
    const f = scored.find(
      (f) => !used.has(f) && f.ruleId === e.rule && norm(f.actual) === norm(e.text) && e.occurrences.some((o) => o.start === f.offset.start),
    );
    if (f) {
      used.add(f);
      tp.push({ expected: e, finding: f, spanDiffers: false });
      pending.splice(pending.indexOf(e), 1);
    }
  }
  // Pass 2: same rule, overlapping a labelled occurrence (span drawn differently).
  if (!opts.strictSpans) {
    for (const e of [...pending]) {
      const f = scored.find((f) => !used.has(f) && f.ruleId === e.rule && e.occurrences.some((o) => overlaps(f, o)));
      if (f) {
        used.add(f);
        tp.push({ expected: e, finding: f, spanDiffers: true });
        pending.splice(pending.indexOf(e), 1);
      }
    }
  }
  for (const e of pending) {
    const notes = [];
    const hint = hints.find((h) => h.ruleId === e.rule && e.occurrences.some((o) => overlaps(h, o)));
    if (hint) notes.push(`found only as a hint: "${hint.actual}"`);
    const other = [...scored, ...unscored].filter((f) => f.ruleId !== e.rule && e.occurrences.some((o) => overlaps(f, o)));
    for (const o of other) notes.push(`flagged by ${o.ruleId} as "${o.actual}"`);
    if (!scoredRules.has(e.rule)) notes.push('rule not in the labelled vocabulary');
    fn.push({ expected: e, notes });
  }
  const fp = scored
    .filter((f) => !used.has(f))
    .map((f) => {
      const notes = [];
      const other = doc.expected.filter((e) => e.rule !== f.ruleId && e.occurrences.some((o) => overlaps(f, o)));
      for (const o of other) notes.push(`labelled ${o.rule} "${o.text}"`);
      return { finding: f, notes };
    });
  return { tp, fp, fn, hints, unscored, documentLevel, ruleErrors };
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(ENGINE)) {
    console.error(`eval: engine not built (${relative(ROOT, ENGINE)} missing). Run: npm run build -w @fairword/rules && npx tsc -b rules`);
    process.exit(2);
  }
  const engine = await import(pathToFileURL(ENGINE).href);
  const catalogIds = new Set((engine.ruleCatalog?.() ?? []).map((r) => r.id));

  const { docs, problems } = loadLabelled(opts);
  const scoredRules = new Set([...LABELLED_RULES, ...docs.flatMap((d) => d.expected.map((e) => e.rule))]);
  for (const d of docs) locateLabels(d, problems);

  const linters = new Map();
  const linterFor = (extra) => {
    const config = { ...(opts.repeats === 'all' ? { repeats: 'all' } : {}), ...(extra ?? {}) };
    const key = JSON.stringify(config);
    if (!linters.has(key)) linters.set(key, engine.createLinter(config));
    return linters.get(key);
  };

  const results = [];
  for (const doc of docs) {
    let res;
    try {
      res = linterFor(doc.config).lint(doc.text, { filename: doc.file, ...(doc.kind ? { kind: doc.kind } : {}) });
    } catch (e) {
      console.error(`eval: the engine threw on ${doc.file}:\n${e?.stack ?? e}`);
      process.exit(2);
    }
    results.push({ doc, kind: res.kind, kindSource: res.kindSource, ...score(doc, res.findings, opts, scoredRules) });
  }

  // Totals.
  const perRule = new Map();
  const ruleRow = (id) => {
    if (!perRule.has(id)) perRule.set(id, { rule: id, expected: 0, tp: 0, fp: 0, fn: 0, hints: 0, inEngine: catalogIds.has(id) });
    return perRule.get(id);
  };
  for (const id of LABELLED_RULES) ruleRow(id);
  let TP = 0;
  let FP = 0;
  let FN = 0;
  let spanDiffers = 0;
  for (const r of results) {
    for (const e of r.doc.expected) ruleRow(e.rule).expected++;
    for (const t of r.tp) ruleRow(t.expected.rule).tp++;
    for (const f of r.fp) ruleRow(f.finding.ruleId).fp++;
    for (const f of r.fn) ruleRow(f.expected.rule).fn++;
    for (const h of r.hints) ruleRow(h.ruleId).hints++;
    TP += r.tp.length;
    FP += r.fp.length;
    FN += r.fn.length;
    spanDiffers += r.tp.filter((t) => t.spanDiffers).length;
  }
  const precision = ratio(TP, TP + FP);
  const recall = ratio(TP, TP + FN);
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;

  const out = [];
  const print = (s = '') => out.push(s);

  print(`Fairword evaluation — engine ${relative(ROOT, ENGINE)}; labelled documents linted with repeats: ${opts.repeats}`);
  print();
  if (problems.length) {
    print('Label problems:');
    for (const p of problems) print(`  ! ${p}`);
    print();
  }

  // Per-document table.
  print('Labelled documents');
  const fw = Math.max(8, ...results.map((r) => r.doc.file.length));
  print(`  ${pad('file', fw)}  ${pad('kind (source)', 34)} ${lpad('exp', 4)} ${lpad('TP', 4)} ${lpad('FP', 4)} ${lpad('FN', 4)} ${lpad('hint', 5)} ${lpad('other', 6)}`);
  for (const r of results) {
    print(
      `  ${pad(r.doc.file, fw)}  ${pad(`${r.kind} (${r.kindSource})`, 34)} ${lpad(r.doc.expected.length, 4)} ${lpad(r.tp.length, 4)} ${lpad(r.fp.length, 4)} ${lpad(r.fn.length, 4)} ${lpad(r.hints.length, 5)} ${lpad(r.unscored.length + r.documentLevel.length, 6)}`,
    );
  }
  print(`  (other = findings from rules outside the labelled vocabulary and document-level findings; not scored)`);
  print();

  // Per-rule table.
  print('Per rule');
  print(`  ${pad('rule', 26)} ${pad('engine', 7)} ${lpad('exp', 4)} ${lpad('TP', 4)} ${lpad('FP', 4)} ${lpad('FN', 4)} ${lpad('hint', 5)}  ${pad('precision', 9)} ${pad('recall', 7)}`);
  const rows = [...perRule.values()].sort((a, b) => LABELLED_RULES.indexOf(a.rule) - LABELLED_RULES.indexOf(b.rule) || a.rule.localeCompare(b.rule));
  for (const row of rows) {
    row.precision = ratio(row.tp, row.tp + row.fp);
    row.recall = ratio(row.tp, row.tp + row.fn);
    print(
      `  ${pad(row.rule, 26)} ${pad(row.inEngine ? 'yes' : 'MISSING', 7)} ${lpad(row.expected, 4)} ${lpad(row.tp, 4)} ${lpad(row.fp, 4)} ${lpad(row.fn, 4)} ${lpad(row.hints, 5)}  ${pad(pct(row.precision), 9)} ${pad(pct(row.recall), 7)}`,
    );
  }
  print();
  const expectedTotal = results.reduce((n, r) => n + r.doc.expected.length, 0);
  print(`Overall: ${results.length} documents, ${expectedTotal} expected findings; TP ${TP}, FP ${FP}, FN ${FN} (${spanDiffers} TP with a different span)`);
  print(`  precision ${pct(precision)}   recall ${pct(recall)}   F1 ${pct(f1)}`);
  const rulesInEngine = rows.filter((r) => r.inEngine && r.expected > 0);
  const eTP = rulesInEngine.reduce((n, r) => n + r.tp, 0);
  const eFN = rulesInEngine.reduce((n, r) => n + r.fn, 0);
  const hintOnly = results.reduce((n, r) => n + r.fn.filter((f) => f.notes.some((x) => x.startsWith('found only as a hint'))).length, 0);
  const recallWithHints = ratio(TP + hintOnly, TP + FN);
  print(`  ${hintOnly} of the ${FN} false negatives were found at hint severity; recall if hints counted: ${pct(recallWithHints)}`);
  print(`  recall over rules the engine has (${rulesInEngine.length} of ${rows.filter((r) => r.expected > 0).length}): ${pct(ratio(eTP, eTP + eFN))}`);
  print();

  const fpList = [];
  const fnList = [];
  for (const r of results) {
    for (const { finding: f, notes } of r.fp) {
      const { line, col } = lineCol(r.doc.starts, f.offset.start);
      fpList.push({ file: r.doc.file, line, col, rule: f.ruleId, severity: f.severity, text: f.actual, sentence: sentenceAround(r.doc.text, f.offset.start, f.offset.end), notes });
    }
    for (const { expected: e, notes } of r.fn) {
      const o = e.occurrences[0];
      fnList.push({ file: r.doc.file, line: e.line ?? null, rule: e.rule, text: e.text, context: e.context, sentence: o ? sentenceAround(r.doc.text, o.start, o.end) : null, notes });
    }
  }
  const spanList = results.flatMap((r) =>
    r.tp.filter((t) => t.spanDiffers).map((t) => ({ file: r.doc.file, line: lineCol(r.doc.starts, t.finding.offset.start).line, rule: t.expected.rule, expected: t.expected.text, actual: t.finding.actual })),
  );
  const hintList = results.flatMap((r) =>
    r.hints.map((h) => ({ file: r.doc.file, line: lineCol(r.doc.starts, h.offset.start).line, rule: h.ruleId, text: h.actual })),
  );
  const unscoredList = results.flatMap((r) =>
    [...r.unscored, ...r.documentLevel].map((f) => ({ file: r.doc.file, line: lineCol(r.doc.starts, f.offset.start).line, rule: f.ruleId, severity: f.severity, scope: f.scope, text: f.actual })),
  );
  const ruleErrorList = results.flatMap((r) => r.ruleErrors.map((f) => ({ file: r.doc.file, message: f.message })));

  if (!opts.quiet) {
    print(`False positives (${fpList.length})`);
    for (const f of fpList) print(`  ${f.file}:${f.line}:${f.col}  ${f.rule} [${f.severity}] "${f.text}"${f.notes.length ? `  (${f.notes.join('; ')})` : ''}\n      ${f.sentence}`);
    print();
    print(`False negatives (${fnList.length})`);
    for (const f of fnList) print(`  ${f.file}:${f.line ?? '?'}  ${f.rule} "${f.text}"${f.notes.length ? `  (${f.notes.join('; ')})` : ''}${f.sentence ? `\n      ${f.sentence}` : ''}`);
    print();
    if (spanList.length) {
      print(`Matched with a different span (${spanList.length})`);
      for (const s of spanList) print(`  ${s.file}:${s.line}  ${s.rule}: labelled "${s.expected}", engine "${s.actual}"`);
      print();
    }
    if (hintList.length) {
      print(`Hints (not scored) (${hintList.length})`);
      for (const h of hintList) print(`  ${h.file}:${h.line}  ${h.rule} "${h.text}"`);
      print();
    }
    if (unscoredList.length) {
      print(`Other findings, not scored (${unscoredList.length})`);
      for (const u of unscoredList) print(`  ${u.file}:${u.line}  ${u.rule} [${u.severity}${u.scope === 'document' ? ', document' : ''}] "${u.text}"`);
      print();
    }
  }
  if (ruleErrorList.length) {
    print(`RULE ERRORS (${ruleErrorList.length}) — a rule threw and was skipped:`);
    for (const r of ruleErrorList) print(`  ${r.file}: ${r.message}`);
    print();
  }

  // Seeds.
  const seeds = { folder: opts.seeds, skipped: undefined, documents: [] };
  if (opts.noSeeds) {
    seeds.skipped = 'skipped (--no-seeds)';
  } else if (!existsSync(opts.seeds)) {
    seeds.skipped = `skipped: no seed folder at ${opts.seeds}`;
  } else {
    const files = readdirSync(opts.seeds).filter((f) => f.endsWith('.txt')).sort();
    if (files.length === 0) seeds.skipped = `skipped: no .txt files in ${opts.seeds}`;
    const linter = engine.createLinter({});
    for (const file of files) {
      const text = readFileSync(join(opts.seeds, file), 'utf8');
      let res;
      try {
        res = linter.lint(text, { filename: file });
      } catch (e) {
        console.error(`eval: the engine threw on seed ${file}:\n${e?.stack ?? e}`);
        process.exit(2);
      }
      const starts = lineStarts(text);
      const words = wordCount(text);
      const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
      const byRule = {};
      for (const f of res.findings) {
        bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
        byRule[f.ruleId] ??= Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
        byRule[f.ruleId][f.severity]++;
      }
      const warningPlus = bySeverity.error + bySeverity.warning;
      seeds.documents.push({
        file,
        kind: res.kind,
        kindSource: res.kindSource,
        words,
        findings: res.findings.length,
        bySeverity,
        byRule,
        warningPer5000: words ? (warningPlus / words) * 5000 : 0,
        nonHintPer5000: words ? ((warningPlus + bySeverity.information) / words) * 5000 : 0,
        list: res.findings.map((f) => {
          const { line, col } = lineCol(starts, f.offset.start);
          return { line, col, rule: f.ruleId, severity: f.severity, scope: f.scope, text: f.actual, sentence: f.scope === 'document' ? f.message : sentenceAround(text, f.offset.start, f.offset.end) };
        }),
      });
    }
  }

  print(`Seed documents (${seeds.folder})`);
  if (seeds.skipped) print(`  ${seeds.skipped}`);
  else {
    print('  (linted with the default configuration, as an editor would show them: repeats of a term are hints)');
    const sw = Math.max(8, ...seeds.documents.map((d) => d.file.length));
    print(`  ${pad('file', sw)}  ${pad('kind (source)', 30)} ${lpad('words', 6)} ${lpad('err', 4)} ${lpad('warn', 5)} ${lpad('info', 5)} ${lpad('hint', 5)}  ${lpad('warn+/5k', 8)} ${lpad('info+/5k', 8)}`);
    for (const d of seeds.documents) {
      print(
        `  ${pad(d.file, sw)}  ${pad(`${d.kind} (${d.kindSource})`, 30)} ${lpad(d.words, 6)} ${lpad(d.bySeverity.error, 4)} ${lpad(d.bySeverity.warning, 5)} ${lpad(d.bySeverity.information, 5)} ${lpad(d.bySeverity.hint, 5)}  ${lpad(d.warningPer5000.toFixed(1), 8)} ${lpad(d.nonHintPer5000.toFixed(1), 8)}`,
      );
    }
    const totalWords = seeds.documents.reduce((n, d) => n + d.words, 0);
    const totalWarn = seeds.documents.reduce((n, d) => n + d.bySeverity.error + d.bySeverity.warning, 0);
    print(`  all seeds: ${totalWords} words, ${totalWarn} findings at warning or above = ${totalWords ? ((totalWarn / totalWords) * 5000).toFixed(1) : '0'} per 5,000 words`);
    print();
    print('  Seed findings by rule (error/warning/information/hint):');
    const allRules = new Map();
    for (const d of seeds.documents) {
      for (const [rule, c] of Object.entries(d.byRule)) {
        const t = allRules.get(rule) ?? Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
        for (const s of SEVERITIES) t[s] += c[s];
        allRules.set(rule, t);
      }
    }
    for (const [rule, c] of [...allRules.entries()].sort((a, b) => SEVERITIES.reduce((n, s) => n + b[1][s], 0) - SEVERITIES.reduce((n, s) => n + a[1][s], 0))) {
      const perDoc = seeds.documents
        .filter((d) => d.byRule[rule])
        .map((d) => `${d.file.replace(/\.txt$/, '')}:${SEVERITIES.reduce((n, s) => n + d.byRule[rule][s], 0)}`)
        .join(', ');
      print(`    ${pad(rule, 26)} ${SEVERITIES.map((s) => c[s]).join('/')}   ${perDoc}`);
    }
    if (opts.showSeeds) {
      print();
      print('  Every seed finding:');
      for (const d of seeds.documents) {
        print(`  ${d.file}`);
        for (const f of d.list) print(`    ${d.file}:${f.line}:${f.col}  ${f.rule} [${f.severity}] "${f.text}"\n        ${f.sentence}`);
      }
    }
  }
  print();

  const below = [];
  if (opts.minPrecision !== undefined && (precision ?? 0) < opts.minPrecision) below.push(`precision ${pct(precision).trim()} < ${opts.minPrecision}`);
  if (opts.minRecall !== undefined && (recall ?? 0) < opts.minRecall) below.push(`recall ${pct(recall).trim()} < ${opts.minRecall}`);
  if (below.length) print(`Below threshold: ${below.join(', ')}`);

  process.stdout.write(out.join('\n') + '\n');

  if (opts.json) {
    const json = {
      engine: relative(ROOT, ENGINE),
      repeats: opts.repeats,
      strictSpans: opts.strictSpans,
      labelProblems: problems,
      overall: { documents: results.length, expected: expectedTotal, tp: TP, fp: FP, fn: FN, spanDiffers, precision, recall, f1, fnFoundAsHint: hintOnly, recallWithHints },
      perRule: rows.map(({ rule, inEngine, expected, tp, fp, fn, hints, precision: p, recall: r }) => ({ rule, inEngine, expected, tp, fp, fn, hints, precision: p, recall: r })),
      documents: results.map((r) => ({
        file: r.doc.file,
        kind: r.kind,
        kindSource: r.kindSource,
        expected: r.doc.expected.length,
        tp: r.tp.length,
        fp: r.fp.length,
        fn: r.fn.length,
        hints: r.hints.length,
        unscored: r.unscored.length + r.documentLevel.length,
      })),
      falsePositives: fpList,
      falseNegatives: fnList,
      spanDiffers: spanList,
      hints: hintList,
      unscored: unscoredList,
      ruleErrors: ruleErrorList,
      seeds: {
        folder: seeds.folder,
        skipped: seeds.skipped ?? null,
        documents: seeds.documents,
      },
    };
    writeFileSync(opts.json, JSON.stringify(json, null, 2) + '\n');
  }

  if (below.length) process.exit(1);
}

main().catch((e) => {
  console.error(`eval: ${e?.stack ?? e}`);
  process.exit(2);
});
