/**
 * What users install carries no test-only code: every file of the VSIX (as `vsce ls` lists it), of the
 * `@fairword/server` package and of the `@fairword/cli` package (as `npm pack --dry-run` lists them) is free of the
 * hooks tests use. A missing or empty bundle fails (run `npm run build` first); nothing is skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Strings that only test code may hold: the old environment-variable hook, the throwing rule, the slow-write preload. */
const TEST_ONLY = ['FAIRWORD_TEST', 'test-throwing-rule', 'test-hooks', 'testLinterOptions', 'FAIRWORD_SLOW_WRITE'];

/** Each package users install, how to list its files, and the bundles it must hold. */
const PACKAGES: Array<{ name: string; dir: string; list: () => string[]; bundles: string[] }> = [
  {
    name: 'the VS Code extension (VSIX)',
    dir: 'client',
    list: () =>
      execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: join(ROOT, 'client'), encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    bundles: ['dist/extension.cjs', 'dist/server.cjs', 'dist/web/extension.js', 'dist/web/server.js'],
  },
  { name: '@fairword/server', dir: 'server', list: () => npmPackFiles('server'), bundles: ['dist/fairword-language-server.cjs'] },
  { name: '@fairword/cli', dir: 'cli', list: () => npmPackFiles('cli'), bundles: ['dist/fairword.cjs'] },
];

function npmPackFiles(dir: string): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(ROOT, dir), encoding: 'utf8' });
  return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
}

describe('no test-only code in what users install', () => {
  it.each(PACKAGES)('$name holds its bundles, and none of its files holds a test hook', ({ dir, list, bundles }) => {
    const files = list();
    for (const bundle of bundles) {
      const path = join(ROOT, dir, bundle);
      expect(existsSync(path), `${dir}/${bundle} is missing: run \`npm run build\``).toBe(true);
      expect(statSync(path).size, `${dir}/${bundle} is empty`).toBeGreaterThan(0);
      expect(files, `${dir}/${bundle} is not in the package`).toContain(bundle);
    }
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, dir, file), 'latin1');
      for (const needle of TEST_ONLY) if (text.includes(needle)) found.push(`${dir}/${file}: ${needle}`);
    }
    expect(found).toEqual([]);
  }, 60_000);
});
