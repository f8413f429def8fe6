import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/** Runs git in `cwd`; resolves to stdout, or to the first line of stderr when git fails or is missing. */
function git(cwd: string, args: string[]): { out: string } | { error: string } {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) return { error: `cannot run git: ${run.error.message}` };
  if (run.status !== 0) return { error: (run.stderr.trim().split('\n')[0] ?? '') || `git ${args[0]} failed` };
  return { out: run.stdout };
}

/**
 * The real paths of files changed since `ref` in the repository holding `cwd`: files that differ between
 * the merge base of `ref` and HEAD and the working tree (committed, staged or not; deleted files left out),
 * plus untracked files that are not git-ignored. With `ref` = HEAD that is simply the uncommitted work.
 */
export function changedFiles(cwd: string, ref: string): { files: Set<string> } | { error: string } {
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  if ('error' in top) return { error: `--changed needs a git repository (${top.error})` };
  const root = top.out.trim();
  const commit = ref.startsWith('-') ? { error: '' } : git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if ('error' in commit) return { error: `--changed: unknown git ref '${ref}'` };
  const base = git(cwd, ['merge-base', commit.out.trim(), 'HEAD']);
  if ('error' in base) return { error: `--changed: no common ancestor of '${ref}' and HEAD` };
  const diff = git(cwd, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', base.out.trim(), '--']);
  if ('error' in diff) return { error: `--changed: ${diff.error}` };
  const untracked = git(cwd, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name', ':/']);
  if ('error' in untracked) return { error: `--changed: ${untracked.error}` };
  const names = [...diff.out.split('\0'), ...untracked.out.split('\0')].filter((name) => name !== '');
  return { files: new Set(names.map((name) => resolve(root, name))) };
}

/** The real path of `file`, so it can be compared with the paths git reports (which resolve symlinked folders). */
export function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
