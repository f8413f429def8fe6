import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Node as YamlNode, type Pair } from 'yaml';
import { getRule } from './catalog.js';
import { compileGlob, GLOB_LIMITS, GlobError } from './glob.js';
import { LIMITS } from './limits.js';
import { phraseKeys } from './tokens.js';
import { DOCUMENT_KINDS, SEVERITY_RANK, type CustomTerm, type FairwordConfig, type RuleSetting, type Severity } from './types.js';

/** A problem in a config file, 0-based line and character. */
export interface ConfigError {
  message: string;
  line: number;
  character: number;
}

/** The outcome of reading a config file: what could be used, and what was wrong. */
export interface ParsedConfig {
  config: FairwordConfig;
  errors: ConfigError[];
}

/** Rule ids that exist outside the catalogue (engine-made findings). */
export const BUILTIN_RULE_IDS = ['custom-term', 'rule-error', 'unused-directive', 'unknown-rule', 'too-many-findings'];

const TOP_KEYS = ['rules', 'allow', 'terms', 'choices', 'repeats', 'kinds', 'ignore', 'maxFileSize'];
const SEVERITIES = Object.keys(SEVERITY_RANK);

/**
 * Parses `.fairword.yaml` / `.fairword.json` text. Never throws: problems come back as errors with positions
 * (messages do not repeat the file name), and only the parts that were valid go into `config`. A file whose name
 * ends in `.json` must be plain JSON (no comments, no trailing commas); everything else is read as YAML.
 */
export function parseConfig(text: string, filename = '.fairword.yaml'): ParsedConfig {
  const counter = new LineCounter();
  // YAML does not treat a lone CR as a line break; make it LF (same length, so positions hold).
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  const errors: ConfigError[] = [];
  const config: FairwordConfig = {};
  if (/\.json$/i.test(filename)) {
    const jsonError = firstJsonError(text);
    if (jsonError) return { config, errors: [{ ...positionOf(text, jsonError.offset), message: `not valid JSON: ${JSON_ERRORS[printParseErrorCode(jsonError.error)] ?? printParseErrorCode(jsonError.error)}` }] };
  }
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined, message: string): void => {
    const pos = counter.linePos(offset ?? 0);
    errors.push({ message, line: pos.line - 1, character: pos.col - 1 });
  };
  for (const e of doc.errors) at(e.pos[0], e.message.split('\n')[0]!);
  if (errors.length > 0) return { config, errors };
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    let first: number | undefined;
    visit(doc, { Alias: (_key, node) => ((first = node.range?.[0]), visit.BREAK) });
    at(first, err instanceof ReferenceError ? `the config expands YAML aliases more than ${MAX_ALIAS_COUNT} times; write the values out instead` : String(err));
    return { config, errors };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, errors };
  if (!isMap(root)) {
    at(root.range?.[0], 'the config must be a mapping of settings (rules, allow, terms, choices, repeats, kinds, ignore)');
    return { config, errors };
  }
  const pos = (n: YamlNode | null | undefined | unknown): number | undefined =>
    (n as YamlNode | undefined)?.range?.[0];
  const plain = (n: YamlNode | null | undefined): unknown => (n ? n.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : undefined);

  for (const pair of root.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = (isAlias(pair.value) ? pair.value.resolve(doc) : pair.value) as YamlNode | null | undefined;
    const js = plain(value);
    switch (key) {
      case 'rules': {
        if (!isMap(value)) {
          at(pos(value) ?? pos(pair.key), '"rules" must map rule ids to off, error, warning, information or hint');
          break;
        }
        const rules: Record<string, RuleSetting> = {};
        for (const rp of value.items as Pair<YamlNode, YamlNode>[]) {
          const id = isScalar(rp.key) ? String(rp.key.value) : '';
          const v = plain(rp.value);
          if (!getRule(id) && !BUILTIN_RULE_IDS.includes(id)) {
            at(pos(rp.key), `unknown rule "${id}" (run \`fairword rules\` to list them)`);
            continue;
          }
          const sev = typeof v === 'object' && v !== null ? (v as { severity?: unknown }).severity : v;
          if (typeof v === 'object' && v !== null && Object.keys(v).some((k) => k !== 'severity')) {
            at(pos(rp.value), `rule "${id}": only "severity" can be set`);
            continue;
          }
          if (sev === false || sev === 'off') rules[id] = 'off';
          else if (sev === true) rules[id] = {};
          else if (typeof sev === 'string' && SEVERITIES.includes(sev)) rules[id] = sev as Severity;
          else at(pos(rp.value), `rule "${id}": expected off, error, warning, information or hint`);
        }
        config.rules = rules;
        break;
      }
      case 'allow':
      case 'ignore': {
        if (!Array.isArray(js) || js.some((t) => typeof t !== 'string' || t.trim() === '')) {
          at(pos(value) ?? pos(pair.key), `"${key}" must be a list of non-empty strings`);
          break;
        }
        const tooLong = key === 'ignore' ? (js as string[]).find((t) => globProblem(t, false)) : undefined;
        if (tooLong !== undefined) {
          at(pos(value), `ignore: ${JSON.stringify(tooLong.slice(0, 80))}: ${globProblem(tooLong, false)}`);
          break;
        }
        const wordy = key === 'allow' ? (js as string[]).find((t) => phraseKeys(t).length > LIMITS.phraseWords) : undefined;
        if (wordy !== undefined) {
          at(pos(value), `allow: ${describe(wordy)} has more than ${LIMITS.phraseWords} words`);
          break;
        }
        config[key] = js as string[];
        break;
      }
      case 'terms': {
        if (!isSeq(value)) {
          at(pos(value) ?? pos(pair.key), '"terms" must be a list of { phrase, suggestions, reason, severity }');
          break;
        }
        const terms: CustomTerm[] = [];
        const phrases = new Set<string>();
        for (const item of value.items as YamlNode[]) {
          const t = plain(item) as Record<string, unknown> | undefined;
          const bad = (m: string): void => at(pos(item), `terms: ${m}`);
          if (!t || typeof t !== 'object' || Array.isArray(t)) { bad('each term must be a mapping with a "phrase"'); continue; }
          const unknown = Object.keys(t).filter((k) => !['phrase', 'suggestions', 'reason', 'severity'].includes(k));
          if (unknown.length > 0) { bad(`unknown key "${unknown[0]}"`); continue; }
          if (typeof t['phrase'] !== 'string' || !/[\p{L}\p{N}]/u.test(t['phrase'])) { bad('"phrase" must be a word or phrase'); continue; }
          const keys = phraseKeys(t['phrase']);
          if (keys.length > LIMITS.phraseWords) { bad(`${describe(t['phrase'])} has more than ${LIMITS.phraseWords} words`); continue; }
          if (phrases.has(keys.join(' '))) { bad(`${describe(t['phrase'])} is listed more than once`); continue; }
          phrases.add(keys.join(' '));
          const suggestions = t['suggestions'] ?? [];
          if (!Array.isArray(suggestions) || suggestions.some((s) => typeof s !== 'string')) { bad('"suggestions" must be a list of strings'); continue; }
          if (t['reason'] !== undefined && typeof t['reason'] !== 'string') { bad('"reason" must be a string'); continue; }
          if (t['severity'] !== undefined && !SEVERITIES.includes(t['severity'] as string)) { bad('"severity" must be error, warning, information or hint'); continue; }
          const term: CustomTerm = { phrase: t['phrase'], suggestions: suggestions as string[] };
          if (typeof t['reason'] === 'string') term.reason = t['reason'];
          if (t['severity'] !== undefined) term.severity = t['severity'] as Severity;
          terms.push(term);
        }
        config.terms = terms;
        break;
      }
      case 'choices': {
        if (!js || typeof js !== 'object' || Array.isArray(js)) {
          at(pos(value) ?? pos(pair.key), '"choices" must be a mapping');
          break;
        }
        const c = js as Record<string, unknown>;
        config.choices = {};
        for (const [k, v] of Object.entries(c)) {
          if (k === 'disabilityWording' && (v === 'disabled-people' || v === 'people-with-disabilities')) config.choices.disabilityWording = v;
          else if (k === 'bme' && (v === 'avoid' || v === 'report')) config.choices.bme = v;
          else if (k === 'ethnicCapitals' && (v === 'capitalise' || v === 'lower')) config.choices.ethnicCapitals = v;
          else if (k === 'ethnicCapitals') at(pos(value), 'choices.ethnicCapitals must be capitalise or lower');
          else if (k === 'disabilityWording') at(pos(value), 'choices.disabilityWording must be disabled-people or people-with-disabilities');
          else if (k === 'bme') at(pos(value), 'choices.bme must be avoid or report');
          else at(pos(value), `unknown choice "${k}"`);
        }
        break;
      }
      case 'repeats': {
        if (js === 'first' || js === 'all') config.repeats = js;
        else at(pos(value) ?? pos(pair.key), '"repeats" must be first or all');
        break;
      }
      case 'kinds': {
        if (!js || typeof js !== 'object' || Array.isArray(js)) {
          at(pos(value) ?? pos(pair.key), '"kinds" must map file globs to a document kind');
          break;
        }
        const kinds: Record<string, (typeof DOCUMENT_KINDS)[number]> = {};
        for (const [glob, kind] of Object.entries(js as Record<string, unknown>)) {
          const problem = globProblem(glob, true);
          if (problem) at(pos(value), `kinds: ${JSON.stringify(glob.slice(0, 80))}: ${problem}`);
          else if (typeof kind === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(kind)) kinds[glob] = kind as (typeof DOCUMENT_KINDS)[number];
          else at(pos(value), `kinds: ${describe(kind)} is not one of ${DOCUMENT_KINDS.join(', ')}`);
        }
        config.kinds = kinds;
        break;
      }
      case 'maxFileSize': {
        if (typeof js === 'number' && Number.isSafeInteger(js) && js > 0 && js <= LIMITS.maxFileSizeCeiling) config.maxFileSize = js;
        else at(pos(value) ?? pos(pair.key), `"maxFileSize" must be a whole number of bytes from 1 to ${LIMITS.maxFileSizeCeiling} (not ${describe(js)})`);
        break;
      }
      default:
        at(pos(pair.key), `unknown setting "${key}" (expected one of ${TOP_KEYS.join(', ')})`);
    }
  }
  return { config, errors };
}

/** Alias expansions a config may make (YAML's "billion laughs" stops here). */
const MAX_ALIAS_COUNT = 100;

/** A value as a config message shows it: strings quoted and cut short, other things by type. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'infinity' : value < 0 ? 'minus infinity' : 'not a number';
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Why the glob matcher refuses a pattern, or undefined when it compiles. */
function globProblem(pattern: string, braces: boolean): string | undefined {
  if (!braces) return pattern.length > GLOB_LIMITS.patternLength ? `the pattern is longer than ${GLOB_LIMITS.patternLength} characters` : undefined;
  try {
    compileGlob(pattern);
    return undefined;
  } catch (err) {
    if (err instanceof GlobError) return err.message;
    throw err;
  }
}

/** Plain words for jsonc-parser's error codes. */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing brace',
  CloseBracketExpected: 'expected a closing bracket',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed in JSON (use .fairword.yaml to write comments)',
  UnexpectedEndOfComment: 'comments are not allowed in JSON (use .fairword.yaml to write comments)',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid Unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** The first syntax error in strict JSON (comments and trailing commas are errors). */
function firstJsonError(text: string): ParseError | undefined {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  return errors[0];
}

/** 0-based line and character of an offset (LF, CRLF and CR end lines, as LSP counts them). */
function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}
