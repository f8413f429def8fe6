/**
 * Invariants of the VS Code extension package: the manifest, the built bundles and the VSIX file list.
 * Run after `npm run build` (as `npm test` does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const client = join(root, 'client');

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  browser: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited' }; virtualWorkspaces?: boolean | { supported: boolean | 'limited' } };
  contributes: {
    languages?: Array<{ id: string; configuration?: string }>;
    grammars?: Array<{ language: string; path: string }>;
    commands?: Array<{ command: string }>;
    configuration: { properties: Record<string, { scope?: string }> };
  };
  scripts?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(client, 'package.json'), 'utf8')) as Manifest;
const read = (file: string): string => readFileSync(join(client, file), 'utf8');

/** The minimum version a `^x.y.z` / `>=x.y.z` range allows, as [major, minor, patch]. */
function minVersion(range: string): number[] {
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(range);
  if (!match) throw new Error(`not a version range: ${range}`);
  return match.slice(1).map(Number);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** Module ids a CommonJS bundle loads with a literal `require("...")`. */
function requires(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();
}

const isBuiltin = (id: string): boolean => builtinModules.includes(id.replace(/^node:/, ''));

describe('extension manifest', () => {
  it('has the identity and entry point the Marketplace and VS Code expect', () => {
    expect(`${manifest.publisher}.${manifest.name}`).toBe('fairword.fairword');
    expect(manifest.main).toBe('./dist/extension.cjs');
    expect(existsSync(join(client, manifest.main))).toBe(true);
  });

  it('has a browser entry point for the web (vscode.dev, github.dev), in the same package', () => {
    expect(manifest.browser).toBe('./dist/web/extension.js');
    expect(existsSync(join(client, manifest.browser))).toBe(true);
  });

  it('declares full support for virtual workspaces (files are read through vscode.workspace.fs)', () => {
    expect(manifest.capabilities?.virtualWorkspaces).toBe(true);
  });

  it('activates on Markdown and plain text', () => {
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:markdown', 'onLanguage:plaintext']));
  });

  it('targets VS Code 1.90 or later, and not below the @types/vscode it compiles against', () => {
    const engine = minVersion(manifest.engines.vscode);
    expect(compare(engine, [1, 90, 0])).toBeGreaterThanOrEqual(0);
    const types = JSON.parse(readFileSync(join(root, 'node_modules/@types/vscode/package.json'), 'utf8')) as { version: string };
    // vsce refuses to package when @types/vscode is newer than engines.vscode.
    expect(compare(minVersion(types.version), engine)).toBeLessThanOrEqual(0);
  });

  it('declares support for untrusted workspaces (configuration is data only)', () => {
    expect(manifest.capabilities?.untrustedWorkspaces?.supported).toBe(true);
  });

  it('ships every language configuration and grammar file it contributes', () => {
    const languages = manifest.contributes.languages ?? [];
    expect(languages.map((l) => l.id)).toContain('fairwordignore');
    for (const language of languages) {
      expect(language.configuration, language.id).toBeDefined();
      const file = join(client, language.configuration ?? '');
      expect(existsSync(file), file).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8')));
    }
    for (const grammar of manifest.contributes.grammars ?? []) {
      expect(languages.map((l) => l.id)).toContain(grammar.language);
      expect(() => JSON.parse(read(grammar.path)), grammar.path).not.toThrow();
    }
  });

  it('registers a handler for every contributed command, and contributes every registered command', () => {
    const source = read('src/extension.ts') + read('src/docx.ts');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = (manifest.contributes.commands ?? []).map((c) => c.command).sort();
    expect(registered).toEqual(contributed);
    expect(contributed).toEqual([
      'fairword.checkFile',
      'fairword.ignoreHere',
      'fairword.lintWorkspace',
      'fairword.openConfigFile',
      'fairword.openDocx',
      'fairword.openExample',
      'fairword.restartServer',
      'fairword.reviewDocx',
      'fairword.setDocumentKind',
      'fairword.showOutput',
      'fairword.showReport',
    ]);
  });

  it('contributes the fairword.* settings', () => {
    const properties = manifest.contributes.configuration.properties;
    expect(Object.keys(properties).sort()).toEqual([
      'fairword.enable',
      'fairword.maxFileSize',
      'fairword.minimumSeverity',
      'fairword.run',
      'fairword.trace.server',
    ]);
    // Settings the server reads per document are resource-scoped, so each folder can differ.
    for (const key of ['fairword.enable', 'fairword.maxFileSize', 'fairword.minimumSeverity', 'fairword.run']) {
      expect(properties[key]?.scope, key).toBe('resource');
    }
  });

  it('ships the schema, walkthrough pages and example documents the manifest points to', () => {
    const contributes = manifest.contributes as Manifest['contributes'] & {
      jsonValidation?: Array<{ url: string }>;
      yamlValidation?: Array<{ url: string }>;
      walkthroughs?: Array<{ steps: Array<{ description: string; media: { markdown?: string } }> }>;
    };
    for (const { url } of [...(contributes.jsonValidation ?? []), ...(contributes.yamlValidation ?? [])]) {
      expect(() => JSON.parse(read(url)), url).not.toThrow();
    }
    const steps = contributes.walkthroughs?.flatMap((w) => w.steps) ?? [];
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(existsSync(join(client, step.media.markdown ?? '')), step.media.markdown).toBe(true);
    // The walkthrough opens copies of the repository's examples (examples/*.md), which the build puts in client/examples.
    const examples = steps.flatMap((s) => [...s.description.matchAll(/fairword\.openExample\?%5B%22([a-z-]+)%22%5D/g)].map((m) => m[1]));
    expect(examples.sort()).toEqual(['job-advert', 'policy']);
    for (const name of examples) expect(read(`examples/${name}.md`)).toBe(readFileSync(join(root, `examples/${name}.md`), 'utf8'));
  });

  it('does not rebuild on vsce package (the root build does that)', () => {
    expect(manifest.scripts?.['vscode:prepublish']).toBeUndefined();
  });
});

describe('bundles', () => {
  it('extension.cjs loads vscode at run time and bundles everything else', () => {
    const ids = requires(read('dist/extension.cjs'));
    expect(ids).toContain('vscode');
    expect(ids.filter((id) => id !== 'vscode' && !isBuiltin(id))).toEqual([]);
    expect(read('dist/extension.cjs')).not.toMatch(/node_modules[\\/]@types[\\/]vscode/);
  });

  it('server.cjs is self-contained and never loads vscode', () => {
    const ids = requires(read('dist/server.cjs'));
    expect(ids.filter((id) => !isBuiltin(id))).toEqual([]);
  });

  it('the browser bundles load no Node built-in and nothing but vscode', () => {
    expect(requires(read('dist/web/extension.js'))).toEqual(['vscode']);
    expect(requires(read('dist/web/server.js'))).toEqual([]);
    for (const file of ['dist/web/extension.js', 'dist/web/server.js']) {
      const text = read(file);
      expect(text, file).not.toMatch(/\bfrom\s*["'](?:node:)?(?:fs|path|os|child_process|net|crypto|url|stream|worker_threads)["']/);
      expect(text, file).not.toMatch(/\bimport\.meta\b/);
    }
  });

  it('the server bundle of the fairword-language-server command is the same build as the extension\'s', () => {
    const bin = readFileSync(join(root, 'server/dist/fairword-language-server.cjs'), 'utf8');
    expect(bin.replace(/\/\/# sourceMappingURL=.*$/m, '')).toBe(read('dist/server.cjs').replace(/\/\/# sourceMappingURL=.*$/m, ''));
  });

  it('leaves no import.meta in CommonJS output', () => {
    for (const file of ['dist/extension.cjs', 'dist/server.cjs']) {
      expect(read(file), file).not.toMatch(/\bimport\.meta\b/);
    }
  });
});

describe('VSIX contents', () => {
  it('holds the bundles, manifest, docs and language configuration, and nothing else', () => {
    const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: client, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
    expect(listed).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'dist/extension.cjs',
        'dist/language-configuration.json',
        'dist/server.cjs',
        'dist/web/extension.js',
        'dist/web/server.js',
        'examples/job-advert.md',
        'examples/policy.md',
        'package.json',
        'schemas/fairword.schema.json',
        'walkthrough/open-example.md',
      ]),
    );
    const allowed =
      /^(LICENSE|README\.md|package\.json|dist\/[^/]+\.(cjs|json|sh)|dist\/web\/(extension|server)\.js|syntaxes\/[^/]+\.tmLanguage\.json|media\/.+|schemas\/[^/]+\.json|walkthrough\/[^/]+\.md|examples\/[^/]+\.md)$/;
    expect(listed.filter((file) => !allowed.test(file))).toEqual([]);
  }, 30_000);
});
