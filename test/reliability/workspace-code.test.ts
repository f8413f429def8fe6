/**
 * No workspace code runs: config files are data only, organisation terms are literal phrases (never regular
 * expressions), and the extension declares that it is safe in untrusted workspaces.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter, parseConfig } from '@fairword/rules';
import { TestClient } from '../lsp/client.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'cli/bin/fairword.js');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fairword-workspace-code-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Code a config-loading tool might run: each file writes a marker into `markers/` when loaded. */
const CODE_CONFIGS = [
  '.fairword.js',
  '.fairword.cjs',
  '.fairword.mjs',
  '.fairword.ts',
  'fairword.config.js',
  'fairword.config.cjs',
  'fairword.config.mjs',
  '.fairwordrc.js',
  '.fairwordrc',
];

function codeWorkspace(name: string, config?: string): { folder: string; markers: string } {
  const folder = join(dir, name);
  const markers = join(folder, 'markers');
  mkdirSync(markers, { recursive: true });
  for (const file of CODE_CONFIGS) {
    const body = `require('node:fs').writeFileSync(${JSON.stringify(join(markers, file))}, 'loaded');\nmodule.exports = { rules: { 'gendered-job-title': 'off' } };\n`;
    writeFileSync(join(folder, file), file.endsWith('.mjs') ? body.replace("require('node:fs')", "(await import('node:fs'))").replace('module.exports =', 'export default') : body);
  }
  // A package.json that names a config, and a YAML config that tries to smuggle in code.
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'hr-docs', fairword: { config: './fairword.config.js' }, scripts: { postinstall: 'node .fairword.js' } }));
  if (config !== undefined) writeFileSync(join(folder, '.fairword.yaml'), config);
  writeFileSync(join(folder, 'advert.md'), 'We need a salesman.\n');
  return { folder, markers };
}

describe('config files are data only', () => {
  it('the CLI never loads .fairword.js, fairword.config.js or similar: the rule they turn off still fires', () => {
    const { folder, markers } = codeWorkspace('cli');
    const run = spawnSync(process.execPath, [BIN, '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('gendered-job-title');
    expect(readdirSync(markers)).toEqual([]);
  });

  it('a YAML config cannot run code: JavaScript tags are plain (invalid) values, and the CLI stops with a config error', () => {
    const { folder, markers } = codeWorkspace(
      'cli-yaml',
      `rules: !!js/function "function () { require('node:fs').writeFileSync('${join(dir, 'cli-yaml', 'markers', 'yaml')}', 'x'); }"\n`,
    );
    const run = spawnSync(process.execPath, [BIN, '.'], { cwd: folder, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^fairword: \.fairword\.yaml:1:\d+: /);
    expect(readdirSync(markers)).toEqual([]);
    const parsed = parseConfig('allow: !!js/regexp /sales.*/\nrules: !<tag:yaml.org,2002:js/undefined> x\n', '.fairword.yaml');
    expect(parsed.errors.length).toBeGreaterThan(0);
  });

  it('the language server never loads them either, when checking an open file or all files', async () => {
    const { folder, markers } = codeWorkspace('server');
    const client = await TestClient.start({ folders: [folder], initializationOptions: { debounceMs: 0, typingDelayMs: 0 }, settings: () => ({}) });
    try {
      const uri = pathToFileURL(join(folder, 'advert.md')).href;
      const { diagnostics } = await client.open(uri, 'markdown', 'We need a salesman.\n');
      expect(diagnostics.map((d) => d.code)).toContain('gendered-job-title');
      await client.connection.sendRequest('fairword/lintWorkspace', {});
      await client.connection.sendRequest('fairword/configFile', { uri });
    } finally {
      await client.stop();
    }
    expect(readdirSync(markers)).toEqual([]);
  });
});

describe('organisation terms are literal phrases', () => {
  const config = parseConfig(
    ['terms:', '  - phrase: "(a+)+$"', '    suggestions: [a]', '  - phrase: "a.*b"', '  - phrase: "[abc] staff"', 'allow:', '  - "sales.*"'].join('\n'),
    '.fairword.yaml',
  );

  it('parse without errors', () => {
    expect(config.errors).toEqual([]);
  });

  it('match only their literal text', () => {
    const linter = createLinter(config.config);
    const found = (text: string): string[] => linter.lint(text, { format: 'plaintext' }).findings.filter((f) => f.ruleId === 'custom-term').map((f) => f.actual);
    expect(found('The pattern (a+)+$ is written here.')).toEqual(['(a+)+$']);
    expect(found('aaaa aaa a+ a')).toEqual([]);
    expect(found('a.*b appears once; axxb and ab do not.')).toEqual(['a.*b']);
    expect(found('[abc] staff, but not a staff or b staff.')).toEqual(['[abc] staff']);
    // "sales.*" in allow is literal too: it does not silence "salesman".
    expect(linter.lint('We need a salesman.', { format: 'plaintext' }).findings.map((f) => f.ruleId)).toContain('gendered-job-title');
  });

  it('a long "aaaa…!" string (catastrophic for the regular expression (a+)+$) finishes', () => {
    const linter = createLinter(config.config);
    for (const format of ['plaintext', 'markdown'] as const) {
      for (const text of [`${'a'.repeat(50_000)}!`, `${'a'.repeat(30)}!`, `${'a '.repeat(20_000)}!`, `(${'a+'.repeat(5_000)})+$`]) {
        const result = linter.lint(text, { format });
        expect(Array.isArray(result.findings)).toBe(true);
      }
    }
  });

  it('the CLI applies them literally too, and finishes', () => {
    const folder = join(dir, 'terms');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '.fairword.yaml'), 'terms:\n  - phrase: "(a+)+$"\n');
    writeFileSync(join(folder, 'doc.txt'), `${'a'.repeat(100_000)}!\n\nThe literal (a+)+$ is here.\n`);
    const run = spawnSync(process.execPath, [BIN, '--format', 'json', 'doc.txt'], { cwd: folder, encoding: 'utf8' });
    const results = JSON.parse(run.stdout) as Array<{ findings: Array<{ ruleId: string; actual: string }> }>;
    expect(results[0]!.findings.filter((f) => f.ruleId === 'custom-term').map((f) => f.actual)).toEqual(['(a+)+$']);
  });
});

describe('the extension in untrusted workspaces', () => {
  it('declares capabilities.untrustedWorkspaces (it runs no workspace code, so it is fully supported)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'client/package.json'), 'utf8')) as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
    expect(pkg.capabilities?.untrustedWorkspaces).toBeDefined();
    expect([true, 'limited']).toContain(pkg.capabilities?.untrustedWorkspaces?.supported);
  });

  it('the packaged extension bundle has no way to evaluate code from a string', () => {
    for (const file of ['client/dist/extension.cjs', 'client/dist/server.cjs', 'cli/dist/fairword.cjs', 'client/dist/web/extension.js', 'client/dist/web/server.js']) {
      // A missing bundle fails the test: skipping it would pass on nothing.
      expect(existsSync(join(ROOT, file)), `${file} is missing (run \`npm run build\`)`).toBe(true);
      const text = readFileSync(join(ROOT, file), 'utf8');
      // Dependencies may mention these in comments; calls are what matter.
      expect(text.match(/\bnew Function\s*\(|\beval\s*\(|\bvm\.(?:runIn\w+|compileFunction|Script)\b|require\(["'](?:node:)?vm["']\)/g), file).toBeNull();
    }
  });
});
