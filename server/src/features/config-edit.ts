/**
 * Edits to a `.fairword.yaml` / `.fairword.json` text: add a term to `allow`, turn a rule off. YAML is changed
 * through the `yaml` library's document API (comments, blank lines, anchors and quoting styles stay); JSON through
 * jsonc-parser's `modify`, which touches only what changes. Every result is parsed again and must say what was
 * asked for, so no term, however it is written (line breaks, colons, quotes), can make a broken file.
 * Pure: text in, text out.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { parseConfig, type FairwordConfig } from '@fairword/rules';

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

/** One change to a config: how to make it in YAML and in JSON, and how to tell it is made. */
interface Change {
  /** Whether `config` (parsed from the text) already says what the change would say. */
  done(config: FairwordConfig): boolean;
  yaml(doc: Document.Parsed, root: YAMLMap): string | undefined;
  json(text: string, root: JsonNode | undefined, format: FormattingOptions): string | { error: string };
}

/** Adds `term` to `allow` (unless it is there already, in any capitalisation). */
export function allowTerm(text: string, term: string, fileName: string): ConfigEdit {
  const lower = term.toLowerCase();
  return edit(text, fileName, {
    done: (config) => (config.allow ?? []).some((t) => t.toLowerCase() === lower),
    yaml(doc, root) {
      const list = root.get('allow', true);
      if (list === undefined) root.set(doc.createNode('allow'), doc.createNode([term]));
      else if (isScalar(list) && list.value === null) return '"allow" is empty but not a list. Make it a list first.';
      else if (!isSeq(list)) return '"allow" is not a list.';
      else list.add(doc.createNode(term));
      return undefined;
    },
    json(text, root, format) {
      const list = root && findNodeAtLocation(root, ['allow']);
      if (list && list.type !== 'array') return { error: '"allow" is not a list.' };
      return applyEdits(text, modify(text, list ? ['allow', -1] : ['allow'], list ? term : [term], { formattingOptions: format, isArrayInsertion: true }));
    },
  });
}

/** Sets `rules.<ruleId>: off` (replacing any severity already set for it). */
export function turnOffRule(text: string, ruleId: string, fileName: string): ConfigEdit {
  return edit(text, fileName, {
    done: (config) => config.rules?.[ruleId] === 'off',
    yaml(doc, root) {
      const rules = root.get('rules', true);
      if (rules === undefined) {
        root.set(doc.createNode('rules'), doc.createNode({ [ruleId]: 'off' }));
        return undefined;
      }
      if (isScalar(rules) && rules.value === null) return '"rules" is empty but not a mapping. Make it a mapping first.';
      if (!isMap(rules)) return '"rules" is not a mapping of rule ids.';
      const value = rules.get(ruleId, true) as YamlNode | undefined;
      if (isScalar(value)) {
        // Changing the scalar in place keeps its comment (`young: warning  # why` becomes `young: off  # why`).
        value.value = 'off';
      } else {
        const off = new Scalar('off');
        if (value?.comment) off.comment = value.comment;
        rules.set(doc.createNode(ruleId), off);
      }
      return undefined;
    },
    json(text, root, format) {
      const rules = root && findNodeAtLocation(root, ['rules']);
      if (rules && rules.type !== 'object') return { error: '"rules" is not a mapping of rule ids.' };
      return applyEdits(text, modify(text, ['rules', ruleId], 'off', { formattingOptions: format }));
    },
  });
}

/**
 * Parses `text`, makes `change` (unless the config already says it) and checks the result: it must parse without
 * a mistake and say what was asked for.
 */
function edit(text: string, fileName: string, change: Change): ConfigEdit {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const apply = isJson(fileName) ? jsonEditor(text, change, nl) : yamlEditor(text, change, nl);
  if (typeof apply !== 'function') return apply;
  if (change.done(parseConfig(text, fileName).config)) return { text, changed: false };
  const result = apply();
  if (typeof result !== 'string') return result;
  const after = parseConfig(result, fileName);
  if (after.errors.length > 0) return { error: `the change would not be a valid setting (${after.errors[0]!.message}).` };
  if (!change.done(after.config)) return { error: 'the change could not be written in a form Fairword reads back.' };
  return { text: result, changed: true };
}

type Editor = (() => string | { error: string }) | { error: string };

/** Parses a YAML config; the editor it returns makes the change through the document API. */
function yamlEditor(text: string, change: Change, nl: string): Editor {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { error: 'it has a mistake in it. Fix that first.' };
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) {
    doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  }
  const root = doc.contents;
  if (!isMap(root)) return { error: 'it is not a mapping of settings.' };
  return () => {
    const indentSeq = sequencesIndented(text, root);
    const refused = change.yaml(doc, root);
    if (refused !== undefined) return { error: refused };
    const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq });
    return (text.startsWith('\uFEFF') ? '\uFEFF' : '') + (nl === '\n' ? out : out.replace(/\n/g, nl));
  };
}

/** Parses a JSON config; the editor it returns makes the change with jsonc-parser, in the file's indentation. */
function jsonEditor(text: string, change: Change, nl: string): Editor {
  const empty = text.trim() === '';
  const errors: ParseError[] = [];
  const root = empty ? undefined : parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) return { error: 'it has a mistake in it. Fix that first.' };
  if (root && root.type !== 'object') return { error: 'it is not a mapping of settings.' };
  const indent = /\n([ \t]+)"/.exec(text)?.[1];
  const format: FormattingOptions = { insertSpaces: !indent?.startsWith('\t'), tabSize: indent && !indent.startsWith('\t') ? indent.length : 2, eol: nl };
  return () => {
    const out = change.json(empty ? '' : text, root, format);
    return typeof out === 'string' && empty ? `${out}${nl}` : out;
  };
}

/**
 * Whether the file writes block lists indented under their key (`allow:\n  - a`) rather than level with it
 * (`allow:\n- a`), judged by its first block list; new and re-written lists follow it.
 */
function sequencesIndented(text: string, root: YAMLMap): boolean {
  for (const pair of root.items) {
    const value = pair.value as YamlNode | null;
    const key = pair.key as YamlNode | null;
    if (isSeq(value) && !value.flow && value.range && key?.range) return column(text, value.range[0]) > column(text, key.range[0]);
  }
  return true;
}

const column = (text: string, offset: number): number => offset - (text.lastIndexOf('\n', offset - 1) + 1);
