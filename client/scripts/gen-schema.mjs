#!/usr/bin/env node
/**
 * Writes client/schemas/fairword.schema.json, the JSON schema of `.fairword.yaml` / `.yml` / `.json` that the
 * extension contributes (jsonValidation, and yamlValidation for the Red Hat YAML extension). Rule ids come from
 * the built rule catalogue in rules/dist, so run it after `tsc -b`.
 *
 * Usage: node client/scripts/gen-schema.mjs [--check]   (--check: fail if the committed file is out of date)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_PATH = join(here, '../schemas/fairword.schema.json');

const SEVERITIES = ['error', 'warning', 'information', 'hint'];
const nonEmptyStrings = (description) => ({ type: 'array', description, items: { type: 'string', pattern: '\\S' } });

/**
 * The schema for a rule catalogue (RuleMeta[]), the document kinds, and the rule ids the engine makes itself.
 * Mirrors what `parseConfig` accepts.
 */
export function buildSchema(catalog, kinds, builtinIds) {
  const described = new Map();
  for (const rule of catalog) {
    const by = rule.enabledByDefault ? rule.severity : `off by default; ${rule.severity} when turned on`;
    described.set(rule.id, `${rule.title} (${rule.category}; ${by}).`);
  }
  for (const id of builtinIds) {
    if (!described.has(id)) described.set(id, BUILTIN_DESCRIPTIONS[id] ?? 'A finding Fairword makes itself.');
  }
  const rules = {};
  for (const id of [...described.keys()].sort((a, b) => a.localeCompare(b))) {
    rules[id] = { $ref: '#/definitions/ruleSetting', description: described.get(id) };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/fairword/fairword/blob/main/client/schemas/fairword.schema.json',
    title: 'Fairword settings',
    description: 'Settings for Fairword, shared by the editor and the fairword command. See docs/configuration.md.',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        type: 'object',
        description: 'Turn rules off, or change how serious their findings are: off, error, warning, information or hint.',
        propertyNames: { enum: Object.keys(rules) },
        properties: rules,
        additionalProperties: false,
      },
      allow: nonEmptyStrings('Words and phrases Fairword never flags (matched without regard to capitals).'),
      terms: {
        type: 'array',
        description: "Your organisation's own terms to flag. Literal phrases only.",
        items: {
          type: 'object',
          required: ['phrase'],
          additionalProperties: false,
          properties: {
            phrase: { type: 'string', pattern: '[0-9A-Za-z\\u00C0-\\uFFFF]', description: 'The word or phrase to flag.' },
            suggestions: { type: 'array', items: { type: 'string' }, description: 'What to write instead, best first.' },
            reason: { type: 'string', description: 'Why it matters, shown with the finding.' },
            severity: { enum: SEVERITIES, description: 'How serious the finding is (default: warning).' },
          },
        },
      },
      choices: {
        type: 'object',
        description: 'Choices where sources disagree.',
        additionalProperties: false,
        properties: {
          disabilityWording: {
            enum: ['disabled-people', 'people-with-disabilities'],
            description:
              "Unset (default): both forms are accepted, as the NHS service manual does. 'disabled-people' (ONS and DWP, the social model) flags \"people with disabilities\"; 'people-with-disabilities' never does.",
          },
          bme: { enum: ['avoid', 'report'], description: "'avoid' (default) flags BME and BAME; 'report' allows BME (for example in WRES reports) and still flags BAME." },
          ethnicCapitals: {
            enum: ['capitalise', 'lower'],
            description: "'capitalise' (default) flags ethnic group names written in lower case; 'lower' is for documents that use lower case on purpose.",
          },
        },
      },
      repeats: { enum: ['first', 'all'], description: "'first' (default): later uses of a term are hints; 'all': every use at full severity." },
      kinds: {
        type: 'object',
        description: 'The kind of document for files matching each glob (relative to this file).',
        additionalProperties: { enum: [...kinds] },
      },
      ignore: nonEmptyStrings('Files Fairword does not check, in .gitignore syntax, relative to this file.'),
      maxFileSize: { type: 'number', exclusiveMinimum: 0, description: 'Files larger than this many bytes are not checked (default 1048576).' },
    },
    definitions: {
      ruleSetting: {
        anyOf: [
          { enum: ['off', ...SEVERITIES] },
          { type: 'boolean' },
          { type: 'object', additionalProperties: false, properties: { severity: { enum: ['off', ...SEVERITIES] } } },
        ],
      },
    },
  };
}

const BUILTIN_DESCRIPTIONS = {
  'custom-term': 'Findings for the terms listed under "terms".',
  'rule-error': 'A rule that failed on a document.',
  'unknown-rule': 'A directive that names a rule that does not exist.',
  'unused-directive': 'A directive that no longer silences anything.',
};

/** The schema as the file holds it. */
export const formatSchema = (schema) => `${JSON.stringify(schema, null, 2)}\n`;

async function main() {
  const rules = join(here, '../../rules/dist');
  const { ruleCatalog, DOCUMENT_KINDS } = await import(pathToFileURL(join(rules, 'index.js')).href);
  const { BUILTIN_RULE_IDS } = await import(pathToFileURL(join(rules, 'config.js')).href);
  const text = formatSchema(buildSchema(ruleCatalog(), DOCUMENT_KINDS, BUILTIN_RULE_IDS));
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      // missing: out of date
    }
    if (current !== text) {
      console.error('client/schemas/fairword.schema.json is out of date: run node client/scripts/gen-schema.mjs');
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(SCHEMA_PATH, text);
  console.log(`[schema] ${SCHEMA_PATH}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
