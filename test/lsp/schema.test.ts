/**
 * The JSON schema of `.fairword.yaml` that the extension contributes: up to date with the rule catalogue, and
 * in agreement with `parseConfig` on what is valid.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DOCUMENT_KINDS, parseConfig, ruleCatalog } from '@fairword/rules';
import { BUILTIN_RULE_IDS } from '../../rules/src/config.js';
import { SCHEMA_PATH, buildSchema, formatSchema } from '../../client/scripts/gen-schema.mjs';

const manifest = JSON.parse(readFileSync(new URL('../../client/package.json', import.meta.url), 'utf8')) as {
  contributes: { jsonValidation: Array<{ fileMatch: string[]; url: string }>; yamlValidation: Array<{ fileMatch: string[]; url: string }> };
};
const committed = readFileSync(SCHEMA_PATH, 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;
const validate = new Ajv.default({ strict: true, allErrors: true }).compile(schema);

describe('client/schemas/fairword.schema.json', () => {
  it('is generated from the current rule catalogue (run node client/scripts/gen-schema.mjs)', () => {
    expect(committed).toBe(formatSchema(buildSchema(ruleCatalog(), DOCUMENT_KINDS, BUILTIN_RULE_IDS)));
  });

  it('lists every rule id, and the engine-made ones, as the only keys of "rules"', () => {
    const rules = (schema['properties'] as Record<string, { propertyNames: { enum: string[] } }>)['rules']!;
    expect(rules.propertyNames.enum).toEqual([...ruleCatalog().map((r) => r.id), ...BUILTIN_RULE_IDS].sort((a, b) => a.localeCompare(b)));
  });

  it('is contributed for .fairword.json (jsonValidation) and .fairword.yaml/.yml (yamlValidation)', () => {
    expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: ['.fairword.json'], url: './schemas/fairword.schema.json' }]);
    expect(manifest.contributes.yamlValidation).toEqual([{ fileMatch: ['.fairword.yaml', '.fairword.yml'], url: './schemas/fairword.schema.json' }]);
  });

  it.each([
    'rules:\n  young: off\n  bame: { severity: hint }\n  he-she: true\n  custom-term: warning\n',
    'allow: [Chair of the Board]\nignore: ["archive/**"]\nmaxFileSize: 2000\nrepeats: all\n',
    'terms:\n  - phrase: rockstar\n    suggestions: [expert]\n    reason: Jargon\n    severity: hint\n',
    'choices: { disabilityWording: people-with-disabilities, bme: report, ethnicCapitals: lower }\nkinds:\n  "adverts/**": job-advert\n',
  ])('accepts what parseConfig accepts: %j', (text) => {
    expect(parseConfig(text, '.fairword.yaml').errors).toEqual([]);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    'rules:\n  not-a-rule: off\n',
    'rules:\n  young: sometimes\n',
    'rules:\n  young: { level: hint }\n',
    'allow: young\n',
    'allow: ["  "]\n',
    'terms:\n  - phrase: "--"\n',
    'terms:\n  - phrase: x\n    colour: red\n',
    'choices: { bme: maybe }\n',
    'choices: { ethnicCapitals: upper }\n',
    'choices: { colour: red }\n',
    'repeats: never\n',
    'kinds:\n  "*.md": advert\n',
    'maxFileSize: 0\n',
    'colour: red\n',
  ])('rejects what parseConfig rejects: %j', (text) => {
    expect(parseConfig(text, '.fairword.yaml').errors).not.toEqual([]);
    expect(validate(parse(text))).toBe(false);
  });
});
