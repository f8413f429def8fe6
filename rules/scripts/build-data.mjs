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
  'case', 'unless', 'requires', 'offWhen', 'onlyWhen', 'enabledByDefault', 'examples', 'category',
]);

const errors = [];
const fail = (file, msg) => errors.push(`${file}: ${msg}`);

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
if (!Array.isArray(names?.never) || names.never.some((n) => typeof n !== 'string')) fail('names.yml', '`never` must be a list of phrases');

const rules = [];
const ids = new Set();
const phraseOwner = new Map();
const files = readdirSync(dataDir).filter((f) => f.endsWith('.yml') && f !== 'sources.yml' && f !== 'names.yml').sort();
for (const file of files) {
  const doc = parse(readFileSync(join(dataDir, file), 'utf8'));
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
    const phrases = (r.phrases ?? []).map((p) => (typeof p === 'string' ? { phrase: p } : p));
    for (const { phrase: p, suggestions } of phrases) {
      if (typeof p !== 'string') fail(where, 'a phrase must be a string or { phrase, suggestions }');
      if (suggestions !== undefined && !Array.isArray(suggestions)) fail(where, `suggestions for "${p}" must be a list`);
      const key = keyOf(String(p));
      if (!key) fail(where, `empty phrase "${p}"`);
      const owner = phraseOwner.get(key);
      if (owner) fail(where, `phrase "${p}" is already in rule "${owner}"`);
      phraseOwner.set(key, r.id);
    }
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
      ...(r.unless ? { unless: r.unless } : {}),
      ...(r.requires ? { requires: r.requires } : {}),
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
    `/** Word rules, validated. */\nexport const wordRules: WordRuleData[] = ${JSON.stringify(rules, null, 1)};\n\n` +
    `/** Names and proper nouns that no rule flags. */\nexport const neverFlag: string[] = ${JSON.stringify(names.never)};\n\n` +
    `/** Sources by key. */\nexport const sources: Record<string, Source> = ${JSON.stringify(sources, null, 1)};\n`,
);
console.log(`rule data: ${rules.length} word rules, ${phraseOwner.size} phrases, ${Object.keys(sources).length} sources`);
