/**
 * Broken config files: the engine's parseConfig never throws and points at the mistake (0-based line and
 * character); the CLI stops with exit code 2 and one `path:line:col: message` line, and checks nothing.
 *
 * What stays in force: the language server keeps the last good config (or the defaults) and shows the mistakes
 * on the config file (test/lsp/editor.test.ts, test/lsp/lsp.test.ts "keeps working with a broken config file").
 * The CLI fails closed instead: a CI run with a broken config must not pass as if the config were fine.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLinter, parseConfig } from '@fairword/rules';
import { fairword, project, useCli } from '../cli/helpers.js';

useCli();

/** Broken configs: the text, the file name, and the first error expected (0-based line and character). */
const BROKEN: Array<{ what: string; name: string; text: string; line: number; character: number; message: RegExp; keeps?: object }> = [
  { what: 'unclosed YAML flow sequence', name: '.fairword.yaml', text: 'rules: [\n', line: 1, character: 0, message: /Flow sequence/ },
  { what: 'tab indentation', name: '.fairword.yaml', text: 'rules:\n\tyoung: off\n', line: 1, character: 0, message: /Tabs/ },
  { what: 'duplicate key', name: '.fairword.yaml', text: 'rules:\n  young: off\nrules:\n  young: warning\n', line: 2, character: 0, message: /unique/ },
  { what: 'invalid JSON (missing brace)', name: '.fairword.json', text: '{"rules": {"young": "off"}', line: 0, character: 26, message: /^not valid JSON: expected a closing brace$/ },
  { what: 'unknown top-level key', name: '.fairword.yaml', text: 'rules: {}\nbogus: 1\n', line: 1, character: 0, message: /unknown setting "bogus"/, keeps: { rules: {} } },
  { what: 'unknown rule id', name: '.fairword.yaml', text: 'rules:\n  young: off\n  no-such-rule: warning\n', line: 2, character: 2, message: /unknown rule "no-such-rule"/, keeps: { rules: { young: 'off' } } },
  { what: 'rules given as a list', name: '.fairword.yaml', text: 'rules: [young]\n', line: 0, character: 7, message: /"rules" must map rule ids/ },
  { what: 'unknown severity', name: '.fairword.yaml', text: 'rules:\n  young: loud\n', line: 1, character: 9, message: /rule "young": expected off, error/, keeps: { rules: {} } },
  { what: 'severity as a number (CRLF file)', name: '.fairword.yaml', text: 'rules:\r\n  young: 3\r\n', line: 1, character: 9, message: /rule "young": expected/, keeps: { rules: {} } },
  { what: 'allow as a string', name: '.fairword.yaml', text: 'allow: young\n', line: 0, character: 7, message: /"allow" must be a list/ },
  { what: 'a term that is not a phrase', name: '.fairword.yaml', text: 'terms:\n  - phrase: 5\n', line: 1, character: 4, message: /"phrase" must be a word or phrase/, keeps: { terms: [] } },
  { what: 'an unknown key in a term', name: '.fairword.yaml', text: 'terms:\n  - { phrase: ok, colour: red }\n', line: 1, character: 4, message: /unknown key "colour"/, keeps: { terms: [] } },
  { what: 'maxFileSize as text', name: '.fairword.yaml', text: 'maxFileSize: "1 MB"\n', line: 0, character: 13, message: /^"maxFileSize" must be a whole number of bytes from 1 to 10485760 \(not "1 MB"\)$/ },
  { what: 'an unknown kind', name: '.fairword.yaml', text: 'kinds:\n  "*.md": banana\n', line: 1, character: 2, message: /"banana" is not one of/, keeps: { kinds: {} } },
  { what: 'an unknown choice value', name: '.fairword.yaml', text: 'choices:\n  bme: maybe\n', line: 1, character: 2, message: /choices\.bme must be avoid or report/, keeps: { choices: {} } },
  { what: 'maxFileSize .inf (would turn the limit off)', name: '.fairword.yaml', text: 'maxFileSize: .inf\n', line: 0, character: 13, message: /^"maxFileSize" must be a whole number of bytes from 1 to 10485760 \(not infinity\)$/ },
  { what: 'maxFileSize 1e400 (infinity in JSON)', name: '.fairword.json', text: '{"maxFileSize": 1e400}', line: 0, character: 16, message: /\(not infinity\)$/ },
  { what: 'maxFileSize over the ceiling', name: '.fairword.yaml', text: 'maxFileSize: 20000000\n', line: 0, character: 13, message: /\(not 20000000\)$/ },
  { what: 'maxFileSize not whole', name: '.fairword.yaml', text: 'maxFileSize: 1.5\n', line: 0, character: 13, message: /\(not 1\.5\)$/ },
  { what: 'a comment in .fairword.json', name: '.fairword.json', text: '{\n  // young is fine here\n  "rules": {"young": "off"}\n}\n', line: 1, character: 2, message: /^not valid JSON: comments are not allowed in JSON \(use \.fairword\.yaml to write comments\)$/ },
  { what: 'a trailing comma in .fairword.json', name: '.fairword.json', text: '{"rules": {"young": "off",}}', line: 0, character: 26, message: /^not valid JSON: expected a property name in double quotes$/ },
  { what: 'a kind given as a list', name: '.fairword.yaml', text: 'kinds:\n  "*.md": [policy, job-advert]\n', line: 1, character: 2, message: /^kinds: a list is not one of job-advert/, keeps: { kinds: {} } },
  { what: 'a kinds glob with too many alternatives', name: '.fairword.yaml', text: 'kinds:\n  "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.md": policy\n', line: 1, character: 2, message: /^kinds: "\{a,b\}.*": the pattern expands to more than 64 alternatives$/, keeps: { kinds: {} } },
  { what: 'an ignore pattern over the length limit', name: '.fairword.yaml', text: `ignore:\n  - "${'x'.repeat(1100)}"\n`, line: 1, character: 2, message: /^ignore: "x{80}": the pattern is longer than 1024 characters$/ },
  {
    what: 'billion laughs (aliases that expand without end)',
    name: '.fairword.yaml',
    text: ['choices:', ...'abcdefg'.split('').map((n, i) => (i === 0 ? `  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` : `  ${n}: &${n} [${Array(9).fill(`*${'abcdefg'[i - 1]}`).join(',')}]`)), 'kinds: *g', ''].join('\n'),
    line: 2,
    character: 9,
    message: /^the config expands YAML aliases more than 100 times; write the values out instead$/,
  },
  { what: 'a list at the top level', name: '.fairword.yaml', text: '- a\n- b\n', line: 0, character: 0, message: /must be a mapping/ },
  { what: 'binary junk', name: '.fairword.yaml', text: '\u0001\u0002\u0003', line: 0, character: 0, message: /must be a mapping/ },
];

describe('parseConfig on broken configs', () => {
  for (const c of BROKEN) {
    it(`${c.what}: error at ${c.line + 1}:${c.character + 1}`, () => {
      const { config, errors } = parseConfig(c.text, c.name);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]).toEqual({ message: expect.stringMatching(c.message), line: c.line, character: c.character });
      // Only what was valid is kept (empty sections mean the defaults); the rest falls back to the defaults.
      expect(config).toEqual(c.keeps ?? {});
      expect(() => createLinter(config).lint('We need a salesman.')).not.toThrow();
    });
  }

  it('never throws, and every error points inside the text (property over arbitrary text and YAML fragments)', { timeout: 90_000 }, () => {
    const fragment = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('rules:', 'allow:', 'terms:', 'choices:', 'kinds:', 'maxFileSize:', 'repeats:', '  young: off', '  - phrase: x', '  - ', '[', ']', '{', '}', ':', '- ', '"', "'", '&a', '*a', '!!js/function', '---', '...', '#', '\t', '\r\n', '\n', '\r', '  ', '__proto__:', 'constructor:', '<<: *a'),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), fc.constantFrom('.fairword.yaml', '.fairword.json'), (parts, name) => {
        const text = parts.join('');
        const { config, errors } = parseConfig(text, name);
        const lines = text.split(/\r\n|\r|\n/);
        for (const e of errors) {
          expect(typeof e.message).toBe('string');
          expect(e.line).toBeGreaterThanOrEqual(0);
          expect(e.line).toBeLessThan(lines.length);
          expect(e.character).toBeGreaterThanOrEqual(0);
          expect(e.character).toBeLessThanOrEqual(lines[e.line]!.length);
        }
        createLinter(config).lint('We need a salesman.');
      }),
      { numRuns: 300, seed: Number(process.env['FAIRWORD_RELIABILITY_SEED'] ?? 1) },
    );
  });

  it('reads a valid config with CR (old Mac) line endings as it reads the LF one', () => {
    // YAML 1.2 and LSP both count a lone CR as a line break.
    expect(parseConfig('rules:\r  young: off\r', '.fairword.yaml')).toEqual(parseConfig('rules:\n  young: off\n', '.fairword.yaml'));
    expect(parseConfig('rules:\r  young: loud\r', '.fairword.yaml').errors).toEqual([
      { message: 'rule "young": expected off, error, warning, information or hint', line: 1, character: 9 },
    ]);
  });

  it('cannot pollute Object.prototype', () => {
    parseConfig('__proto__:\n  polluted: true\nrules:\n  __proto__: { severity: off }\nchoices:\n  __proto__: { polluted: true }\n', '.fairword.yaml');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('the CLI with a broken config', () => {
  for (const c of BROKEN) {
    it(`${c.what}: exit 2, one line "${c.name}:${c.line + 1}:${c.character + 1}: …", nothing checked`, async () => {
      const dir = await project({ [c.name]: c.text, 'advert.md': 'We need a salesman.\n' });
      const run = fairword(dir, ['advert.md']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      const escaped = c.name.replace(/\./g, '\\.');
      expect(lines[0]).toMatch(new RegExp(`^fairword: ${escaped}:${c.line + 1}:${c.character + 1}: `));
      expect(lines[0]!.slice(`fairword: ${c.name}:${c.line + 1}:${c.character + 1}: `.length)).toMatch(c.message);
    });
  }

  it('--config pointing at a broken file: the same one line and exit 2', async () => {
    const dir = await project({ 'conf/custom.yaml': 'rules:\n  young: loud\n', 'advert.md': 'We need a salesman.\n' });
    const run = fairword(dir, ['--config', 'conf/custom.yaml', 'advert.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('fairword: conf/custom.yaml:2:10: rule "young": expected off, error, warning, information or hint\n');
  });

  it('a broken config in a subfolder stops the run, though other folders are fine', async () => {
    const dir = await project({ 'good/advert.md': 'We need a salesman.\n', 'bad/.fairword.yaml': 'repeats: sometimes\n', 'bad/advert.md': 'We need a salesman.\n' });
    const run = fairword(dir, ['.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('fairword: bad/.fairword.yaml:1:10: "repeats" must be first or all\n');
  });
});
