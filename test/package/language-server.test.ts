/**
 * The `fairword-language-server` command, as `npm install --global @fairword/server` installs it: the bin, the
 * bundle it runs, and what it says without a transport. (test/clients/neovim.test.ts and emacs.test.ts drive it from editors.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = join(root, 'server');
const BIN = join(server, 'bin/fairword-language-server.js');

describe('fairword-language-server', () => {
  it('is the bin of @fairword/server, and the package holds it and the bundle it runs', () => {
    const manifest = JSON.parse(readFileSync(join(server, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(manifest.bin).toEqual({ 'fairword-language-server': './bin/fairword-language-server.js' });
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: server, encoding: 'utf8' })) as Array<{
      files: Array<{ path: string; mode: number }>;
    }>;
    const files = packed[0]!.files;
    expect(files.map((f) => f.path).sort()).toEqual([
      'bin/fairword-language-server.js',
      'dist/fairword-language-server.cjs',
      'dist/fairword-language-server.cjs.map',
      'package.json',
    ]);
    // Executable, so npm links it as a command.
    expect(files.find((f) => f.path === 'bin/fairword-language-server.js')!.mode & 0o111).not.toBe(0);
  }, 60_000);

  it('explains itself with --help, and refuses to start without a transport', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stderr.split('\n')[0]).toBe('Usage: fairword-language-server --stdio');
    expect(help.stdout).toBe('');
    const none = spawnSync(process.execPath, [BIN], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(help.stderr);
  });
});
