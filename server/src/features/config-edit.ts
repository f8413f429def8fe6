/**
 * Small, in-place edits to a `.fairword.yaml` / `.fairword.json` text: add a term to `allow`, turn a rule off.
 * Only the lines that change are touched, so comments, blank lines and layout stay as the team wrote them.
 * Pure: text in, text out.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** The new text, and whether anything changed; or why the file could not be changed. */
export type ConfigEdit = { text: string; changed: boolean } | { error: string };

/** What a new config file starts with (the editor's "Open settings file" creates it). */
export const CONFIG_TEMPLATE = `# Fairword settings, shared by everyone who edits files in this folder
# (the editor, the fairword command and CI all read this file).
# Guide: https://github.com/fairword/fairword/blob/main/docs/configuration.md

# Turn rules off or change how serious they are: off, error, warning, information or hint.
rules: {}

# Words and phrases Fairword should never flag here.
allow: []
`;

const isJson = (fileName: string): boolean => fileName.toLowerCase().endsWith('.json');

/** The form of a flagged term to allow: a capital that only starts a sentence is dropped (matching ignores case). */
export function termToAllow(actual: string): string {
  const term = actual.trim().replace(/\s+/g, ' ');
  const rest = term.slice(1);
  return rest === rest.toLowerCase() ? term.toLowerCase() : term;
}

/** Adds `term` to `allow` (unless it is there already, in any capitalisation). */
export function allowTerm(text: string, term: string, fileName: string): ConfigEdit {
  const json = isJson(fileName);
  const item = quote(term, json);
  const fresh = { yaml: ['allow:', `  - ${item}`], json: `{\n  "allow": [${item}]\n}` };
  return edit(text, json, fresh, (root) => {
    const pair = findPair(root, 'allow');
    if (!pair) return addToMap(text, root, 'allow', json ? `[${item}]` : undefined, json ? undefined : [item], json);
    const list = pair.value;
    if (isScalar(list) && list.value === null) return { error: '"allow" is empty but not a list. Make it a list first.' };
    if (!isSeq(list)) return { error: '"allow" is not a list.' };
    const lower = term.toLowerCase();
    if (list.items.some((i) => isScalar(i) && String(i.value).toLowerCase() === lower)) return { text, changed: false };
    return { text: addToSeq(text, list as YAMLSeq<YamlNode>, item), changed: true };
  });
}

/** Sets `rules.<ruleId>: off` (replacing any severity already set for it). */
export function turnOffRule(text: string, ruleId: string, fileName: string): ConfigEdit {
  const json = isJson(fileName);
  const off = quote('off', json);
  const entry = `${quote(ruleId, json)}: ${off}`;
  const fresh = { yaml: ['rules:', `  ${entry}`], json: `{\n  "rules": {${entry}}\n}` };
  return edit(text, json, fresh, (root) => {
    const pair = findPair(root, 'rules');
    if (!pair) {
      return addToMap(text, root, 'rules', json ? `{${entry}}` : undefined, json ? undefined : [entry], json, true);
    }
    const rules = pair.value;
    if (isScalar(rules) && rules.value === null) return { error: '"rules" is empty but not a mapping. Make it a mapping first.' };
    if (!isMap(rules)) return { error: '"rules" is not a mapping of rule ids.' };
    const existing = findPair(rules, ruleId);
    if (existing) {
      const value = existing.value;
      if (isScalar(value) && (value.value === 'off' || value.value === false)) return { text, changed: false };
      if (value?.range) return { text: splice(text, value.range[0], value.range[1], off), changed: true };
      const keyEnd = existing.key.range?.[1];
      if (keyEnd === undefined) return { error: `could not change "${ruleId}".` };
      const colon = text.indexOf(':', keyEnd);
      return { text: splice(text, colon + 1, colon + 1, ` ${off}`), changed: true };
    }
    return addToMap(text, rules as YAMLMap<YamlNode, YamlNode>, ruleId, off, undefined, json);
  });
}

/**
 * Parses `text` and runs `change` on its root mapping. An empty document (or one with only comments) gets
 * `fresh`: lines for YAML, a whole object for JSON.
 */
function edit(
  text: string,
  json: boolean,
  fresh: { yaml: string[]; json: string },
  change: (root: YAMLMap<YamlNode, YamlNode>) => ConfigEdit,
): ConfigEdit {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { error: 'it has a mistake in it. Fix that first.' };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    const nl = newline(text);
    if (json) return { text: `${fresh.json.replace(/\n/g, nl)}${nl}`, changed: true };
    const prefix = text === '' || text.endsWith('\n') ? text : `${text}${nl}`;
    return { text: `${prefix}${fresh.yaml.join(nl)}${nl}`, changed: true };
  }
  if (!isMap(root)) return { error: 'it is not a mapping of settings.' };
  return change(root as YAMLMap<YamlNode, YamlNode>);
}

function findPair(map: YAMLMap<unknown, unknown>, key: string): Pair<YamlNode, YamlNode | null> | undefined {
  return (map.items as Pair<YamlNode, YamlNode | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

function quote(value: string, json: boolean): string {
  return json ? JSON.stringify(value) : stringify(value, { lineWidth: 0 }).trimEnd();
}

const splice = (text: string, start: number, end: number, insert: string): string => text.slice(0, start) + insert + text.slice(end);
const newline = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');
const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
const indentAt = (text: string, offset: number): string => /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];

/** The end of the line `offset` is on, before its line break. */
function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  if (i === -1) return text.length;
  return text[i - 1] === '\r' ? i - 1 : i;
}

/** Adds one item to a list, in its own style (block `- item` lines, or `[a, b]`). */
function addToSeq(text: string, seq: YAMLSeq<YamlNode>, item: string): string {
  const nl = newline(text);
  const items = seq.items.filter((i): i is YamlNode => i?.range !== undefined);
  const [start, end] = seq.range ?? [0, 0];
  if (seq.flow) {
    const last = items.at(-1);
    if (!last) return splice(text, start + 1, end - 1, item);
    const at = last.range![1];
    return lineOf(text, last.range![0]) !== lineOf(text, start)
      ? splice(text, at, at, `,${nl}${indentAt(text, last.range![0])}${item}`)
      : splice(text, at, at, `, ${item}`);
  }
  const first = items[0]!;
  const at = lineEnd(text, items.at(-1)!.range![1]);
  return splice(text, at, at, `${nl}${indentAt(text, first.range![0])}- ${item}`);
}

/**
 * Adds `key` to a mapping, in its style. `inline` is the value on the key's line; `lines` are block lines
 * indented under the key (YAML only).
 */
function addToMap(
  text: string,
  map: YAMLMap<YamlNode, YamlNode>,
  key: string,
  inline: string | undefined,
  lines: string[] | undefined,
  json: boolean,
  linesAreMap = false,
): ConfigEdit {
  const nl = newline(text);
  const name = quote(key, json);
  const pairs = (map.items as Pair<YamlNode, YamlNode | null>[]).filter((p) => p.key?.range !== undefined);
  const [start, end] = map.range ?? [0, 0];
  const last = pairs.at(-1);
  let lastEnd = last ? (last.value?.range?.[1] ?? last.key.range![1]) : undefined;
  // A block value's range runs on to the next key: step back to its last character.
  while (lastEnd !== undefined && lastEnd > 0 && /\s/.test(text[lastEnd - 1]!)) lastEnd--;
  if (map.flow) {
    const value = inline ?? (lines ? (linesAreMap ? `{${lines.join(', ')}}` : `[${lines.join(', ')}]`) : '');
    const entry = `${name}: ${value}`;
    if (!last || lastEnd === undefined) {
      const multiline = lineOf(text, start) !== lineOf(text, end);
      return { text: splice(text, start + 1, end - 1, multiline ? `${nl}  ${entry}${nl}` : entry), changed: true };
    }
    const multiline = lineOf(text, last.key.range![0]) !== lineOf(text, start);
    const insert = multiline ? `,${nl}${indentAt(text, last.key.range![0])}${entry}` : `, ${entry}`;
    return { text: splice(text, lastEnd, lastEnd, insert), changed: true };
  }
  const indent = indentAt(text, pairs[0]!.key.range![0]);
  const at = lineEnd(text, lastEnd!);
  const body = inline !== undefined ? `${name}: ${inline}` : `${name}:${(lines ?? []).map((l) => `${nl}${indent}  ${linesAreMap ? '' : '- '}${l}`).join('')}`;
  return { text: splice(text, at, at, `${nl}${indent}${body}`), changed: true };
}
