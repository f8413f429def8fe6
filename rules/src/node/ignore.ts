/**
 * Rewrites a line of `dir/.gitignore` (or `.fairwordignore`) so that it applies from the root folder, as git reads
 * nested ignore files. Returns undefined for blank lines and comments. Shared by the CLI and the language server.
 */
export function scopeIgnorePattern(line: string, dir: string): string | undefined {
  if (dir === '') return line;
  if (line.trim() === '' || line.startsWith('#')) return undefined;
  const negated = line.startsWith('!');
  const body = negated ? line.slice(1) : line;
  const prefix = dir.replace(/[*?[\\]/g, '\\$&').replace(/^[#!]/, '\\$&');
  const anchored = body.replace(/\/+\s*$/, '').includes('/');
  return `${negated ? '!' : ''}${prefix}/${anchored ? body.replace(/^\//, '') : `**/${body}`}`;
}
