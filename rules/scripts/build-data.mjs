#!/usr/bin/env node
// Validates the word-rule data in rules/data/*.yml and emits a typed module
// (rules/src/generated/data.ts) so the engine needs no YAML parser or file access at run time.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'data');
const outFile = join(root, 'src', 'generated', 'data.ts');

const CATEGORIES = ['age', 'gender', 'ethnicity', 'nationality', 'disability', 'health', 'criteria', 'general'];
const SEVERITIES = ['error', 'warning', 'information', 'hint'];
const KINDS = ['job-advert', 'job-description', 'person-specification', 'policy', 'health-information', 'general'];
const RULE_KEYS = new Set([
  'id', 'severity', 'kinds', 'title', 'message', 'note', 'sources', 'phrases', 'suggestions',
  'case', 'unless', 'requires', 'offWhen', 'onlyWhen', 'enabledByDefault', 'examples', 'category', 'about', 'safe',
]);
const ABOUT = ['candidate', 'workforce', 'not-others', 'applicant', 'chosen', 'role'];
const MAX_VARIANTS = 64;
const MAX_CLASS_VARIANTS = 1000;

/**
 * Expands a phrase pattern into the phrases it stands for, with the words chosen at each choice: `(a|b)` is a
 * choice, `(a|)` an optional part and `(@class)` any word of that lexicon class, so
 * "Black(,|) Asian (and|&) minority ethnic" gives four phrases. Brackets without a bar or @ are literal ("(s)he").
 */
function expand(pattern, picks = []) {
  const m = /\(([^()]*\|[^()]*|@[a-z]+)\)/.exec(pattern);
  if (!m) return [{ phrase: pattern.replace(/\s+/g, ' ').trim(), picks }];
  const choices = m[1].split('|').flatMap((c) => (c.startsWith('@') ? (lexicon?.[c.slice(1)]?.words ?? [`unknown class ${c}`]) : [c]));
  const out = [];
  for (const choice of choices) out.push(...expand(pattern.slice(0, m.index) + choice + pattern.slice(m.index + m[0].length), [...picks, choice]));
  return out;
}

/** Plural nouns that do not end in s. */
const PLURALS = new Set(['people', 'children', 'men', 'women', 'staff', 'personnel', 'folk', 'police']);
const plural = (word) => PLURALS.has(word) || (/s$/.test(word) && !/(?:ss|us|is)$/.test(word));

/**
 * A suggestion for one expansion: `$1`, `$2`… stand for the words chosen at each choice, and `{one|many}` picks the
 * form that agrees with the last chosen word ("$1 who {uses|use} a wheelchair": "visitor who uses", "visitors who use").
 */
const fill = (suggestion, picks) =>
  suggestion
    .replace(/\$(\d)/g, (_, n) => picks[Number(n) - 1] ?? '')
    .replace(/\{([^|{}]*)\|([^|{}]*)\}/g, (_, one, many) => (plural(String(picks.at(-1) ?? '').split(' ').at(-1)) ? many : one))
    .replace(/\s+/g, ' ')
    .trim();

const errors = [];
const fail = (file, msg) => errors.push(`${file}: ${msg}`);

/** A condition list as normalised phrase keys, `@class` entries replaced by the words of that lexicon class. */
function listKeys(list, where) {
  const out = [];
  for (const item of list ?? []) {
    if (typeof item !== 'string') fail(where, `condition entries must be strings, not ${JSON.stringify(item)}`);
    else if (item.startsWith('@')) {
      const words = lexicon?.[item.slice(1)]?.words;
      if (!words) fail(where, `unknown word class ${item}`);
      for (const w of words ?? []) out.push(keyOf(w));
    } else if (item.includes('(')) {
      // Alternatives and word classes inside a condition: "(drive|driving) (@others)".
      for (const v of expand(item)) if (keyOf(v.phrase)) out.push(keyOf(v.phrase));
    } else if (keyOf(item)) out.push(keyOf(item));
  }
  return [...new Set(out)];
}

/** `unless` with the phrase lists the engine reads as written (`anywhere`, `within`) expanded from their patterns. */
function expandPhraseLists(unless) {
  const out = { ...unless };
  for (const key of ['anywhere', 'within']) {
    if (out[key]) out[key] = [...new Set(out[key].flatMap((p) => (typeof p === 'string' && p.includes('(') ? expand(p).map((v) => v.phrase) : [p])))];
  }
  return out;
}

/** The rule's context conditions, compiled to phrase keys (space-separated) so the engine need not tokenize them. */
function conditionKeys(r, where) {
  const u = r.unless ?? {};
  const q = r.requires ?? {};
  for (const key of Object.keys(u)) if (!['next', 'object', 'previous', 'within', 'sentence', 'document', 'section', 'anywhere'].includes(key)) fail(where, `unknown unless key "${key}"`);
  for (const key of Object.keys(q)) if (!['next', 'previous'].includes(key)) fail(where, `unknown requires key "${key}"`);
  return {
    next: listKeys(u.next, where),
    object: listKeys(u.object, where),
    previous: listKeys(u.previous, where),
    sentence: listKeys(u.sentence, where),
    document: listKeys(u.document, where),
    requiresNext: listKeys(q.next, where),
    requiresPrevious: listKeys(q.previous, where),
  };
}

/** Same normalisation as the engine's tokenizer (rules/src/tokens.ts): lower case, straight apostrophes, hyphens dropped. */
const keyOf = (phrase) =>
  (phrase.toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{M}\p{N}]+(?:['][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\p{N}]/gu) ?? [])
    .filter((t) => t !== '-')
    .join(' ');

const sources = parse(readFileSync(join(dataDir, 'sources.yml'), 'utf8'));
for (const [key, value] of Object.entries(sources)) {
  if (!value || typeof value.title !== 'string') fail('sources.yml', `source "${key}" needs a title`);
}
const names = parse(readFileSync(join(dataDir, 'names.yml'), 'utf8'));
const lexicon = parse(readFileSync(join(dataDir, 'lexicon.yml'), 'utf8'));
for (const [key, value] of Object.entries(lexicon ?? {})) {
  if (!Array.isArray(value?.words) || value.words.some((w) => typeof w !== 'string' || w !== w.toLowerCase() || !keyOf(w))) {
    fail('lexicon.yml', `"${key}" needs \`words\`: a list of lower-case words or phrases`);
  }
  if (typeof value?.about !== 'string' || value.about.trim().length < 10) fail('lexicon.yml', `"${key}" needs an \`about\` line`);
}
if (!Array.isArray(names?.never) || names.never.some((n) => typeof n !== 'string')) fail('names.yml', '`never` must be a list of phrases');

/** Phrases written out (not made from a word class) in any rule: they win over class-made ones. */
const explicit = new Set();
const docs = new Map();
for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.yml') && !['sources.yml', 'names.yml', 'lexicon.yml'].includes(f)).sort()) {
  const doc = parse(readFileSync(join(dataDir, file), 'utf8'));
  docs.set(file, doc);
  for (const r of Array.isArray(doc?.rules) ? doc.rules : []) {
    for (const entry of r?.phrases ?? []) {
      const p = typeof entry === 'string' ? entry : entry?.phrase;
      if (typeof p === 'string' && !p.includes('@')) for (const v of expand(p)) explicit.add(keyOf(v.phrase));
    }
  }
}

const rules = [];
const ids = new Set();
const phraseOwner = new Map();
for (const [file, doc] of docs) {
  if (!doc || !CATEGORIES.includes(doc.category)) fail(file, `top-level "category" must be one of ${CATEGORIES.join(', ')}`);
  if (!Array.isArray(doc?.rules)) {
    fail(file, 'top-level "rules" must be a list');
    continue;
  }
  for (const r of doc.rules) {
    const where = `${file} ${r?.id ?? '(no id)'}`;
    for (const key of Object.keys(r ?? {})) if (!RULE_KEYS.has(key)) fail(where, `unknown key "${key}"`);
    if (typeof r.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(r.id)) fail(where, 'id must be kebab-case');
    if (ids.has(r.id)) fail(where, 'duplicate rule id');
    ids.add(r.id);
    const category = r.category ?? doc.category;
    if (!CATEGORIES.includes(category)) fail(where, `bad category ${category}`);
    if (!SEVERITIES.includes(r.severity)) fail(where, `severity must be one of ${SEVERITIES.join(', ')}`);
    for (const k of r.kinds ?? []) if (!KINDS.includes(k)) fail(where, `unknown kind "${k}"`);
    for (const [field, min] of [['title', 3], ['message', 20], ['note', 40]]) {
      if (typeof r[field] !== 'string' || r[field].trim().length < min) fail(where, `needs a ${field} (at least ${min} characters)`);
    }
    if (!Array.isArray(r.sources) || r.sources.length === 0) fail(where, 'needs at least one source');
    for (const s of r.sources ?? []) if (!sources[s]) fail(where, `unknown source "${s}" (add it to sources.yml)`);
    if (!Array.isArray(r.phrases) || r.phrases.length === 0) fail(where, 'needs phrases');
    const phrases = [];
    const entries = (r.phrases ?? []).map((entry) => (typeof entry === 'string' ? { phrase: entry } : entry));
    for (const { phrase: pattern, ...rest } of entries) {
      if (typeof pattern !== 'string') {
        fail(where, 'a phrase must be a string or { phrase, suggestions }');
        continue;
      }
      if (rest.suggestions !== undefined && !Array.isArray(rest.suggestions)) fail(where, `suggestions for "${pattern}" must be a list`);
      for (const key of Object.keys(rest)) if (!['suggestions', 'case', 'after', 'safe'].includes(key)) fail(where, `unknown phrase key "${key}" for "${pattern}"`);
      if (rest.safe !== undefined && typeof rest.safe !== 'boolean') fail(where, `safe must be true or false ("${pattern}")`);
      if (rest.safe === undefined && r.safe !== undefined) rest.safe = r.safe;
      if (rest.safe && !(rest.suggestions ?? r.suggestions ?? []).length) fail(where, `"${pattern}" is safe but has no suggestion`);
      if (rest.case !== undefined && !['lower', 'as-written'].includes(rest.case)) fail(where, `phrase case must be lower or as-written ("${pattern}")`);
      if (rest.after !== undefined) rest.after = listKeys(rest.after, where);
      const fromClass = pattern.includes('@');
      const variants = expand(pattern);
      if (variants.length > (fromClass ? MAX_CLASS_VARIANTS : MAX_VARIANTS)) fail(where, `"${pattern}" expands to ${variants.length} phrases`);
      for (const { phrase: p, picks } of variants) {
        const key = keyOf(p);
        if (!key) fail(where, `empty phrase "${p}" (from "${pattern}")`);
        // A phrase written out in full wins over the same phrase made from a word class.
        if (fromClass && (explicit.has(key) || phraseOwner.get(key) === r.id)) continue;
        const owner = phraseOwner.get(key);
        if (owner) fail(where, `phrase "${p}" is already in rule "${owner}"`);
        phraseOwner.set(key, r.id);
        phrases.push({ phrase: p, keys: key, ...rest, ...(rest.suggestions ? { suggestions: rest.suggestions.map((x) => fill(x, picks)) } : {}) });
      }
    }
    if (r.about !== undefined && !ABOUT.includes(r.about)) fail(where, `about must be one of ${ABOUT.join(', ')}`);
    if (r.case !== undefined && !['lower', 'exact'].includes(r.case)) fail(where, 'case must be lower or exact');
    const ex = r.examples ?? {};
    if (!Array.isArray(ex.notOk) || ex.notOk.length === 0) fail(where, 'needs at least one examples.notOk');
    if (!Array.isArray(ex.ok) || ex.ok.length === 0) fail(where, 'needs at least one examples.ok');
    rules.push({
      id: r.id,
      category,
      severity: r.severity,
      kinds: r.kinds ?? [],
      title: r.title,
      message: r.message.trim(),
      note: r.note.trim().replace(/\s+/g, ' '),
      sources: (r.sources ?? []).map((s) => sources[s]).filter(Boolean),
      phrases,
      suggestions: r.suggestions ?? [],
      ...(r.case ? { case: r.case } : {}),
      ...(r.about ? { about: r.about } : {}),
      ...(r.unless ? { unless: expandPhraseLists(r.unless) } : {}),
      ...(r.requires ? { requires: r.requires } : {}),
      keys: conditionKeys(r, where),
      ...(r.offWhen ? { offWhen: r.offWhen } : {}),
      ...(r.onlyWhen ? { onlyWhen: r.onlyWhen } : {}),
      enabledByDefault: r.enabledByDefault !== false,
      examples: { ok: ex.ok ?? [], notOk: ex.notOk ?? [] },
    });
  }
}

if (errors.length > 0) {
  console.error(`rule data is invalid:\n  ${errors.join('\n  ')}`);
  process.exit(1);
}

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  `// Generated by rules/scripts/build-data.mjs from rules/data/*.yml. Do not edit.\n` +
    `import type { WordRuleData } from '../rule.js';\nimport type { Source } from '../types.js';\n\n` +
    // A large object literal costs a JavaScript parse and evaluation at every start; JSON.parse of a string is read
    // several times faster (see docs/performance.md).
    `/** Word rules, validated. */\nexport const wordRules: WordRuleData[] = JSON.parse(${JSON.stringify(JSON.stringify(rules))});\n\n` +
    `/** Names and proper nouns that no rule flags. */\nexport const neverFlag: string[] = ${JSON.stringify(names.never)};\n\n` +
    `/** Word classes the context checks use (rules/data/lexicon.yml). */\nexport const lexicon: Record<string, string[]> = ${JSON.stringify(Object.fromEntries(Object.entries(lexicon).map(([k, v]) => [k, [...new Set(v.words.map(keyOf))]])), null, 1)};\n\n` +
    `/** Sources by key. */\nexport const sources: Record<string, Source> = ${JSON.stringify(sources, null, 1)};\n`,
);
console.log(`rule data: ${rules.length} word rules, ${phraseOwner.size} phrases, ${Object.keys(sources).length} sources`);
