/** The sample output in README.md and docs/ci.md is what the CLI prints, to the character. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fairword, project, ROOT, useCli } from './helpers.js';

useCli();

/** The first ```text block after `marker` in the Markdown file `path` (relative to the repository root). */
function sample(path: string, marker: string): string {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`${path} has no ${marker} marker`);
  const block = /\n```text\n([\s\S]*?)```\n/.exec(text.slice(at));
  if (!block) throw new Error(`${path} has no \`\`\`text block after ${marker}`);
  return block[1]!;
}

describe('sample output in the docs', () => {
  it('README.md shows exactly what `npm start` prints after the build (scripts/start.mjs, output not a terminal)', () => {
    // `npm start` is `npm run build && node scripts/start.mjs`; npm test has built already, so this is the rest of it.
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(sample('README.md', '<!-- npm-start-output:'), 'paste the output of `node scripts/start.mjs` into the README block').toBe(run.stdout);
    expect(Math.max(...run.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
  });

  it("docs/ci.md's stylish sample is a real run on the advert it describes", async () => {
    const cwd = await project({ 'advert.md': 'We need a salesman for our young and dynamic team.\n\nThe salesman will be a recent graduate.\n' });
    const run = fairword(cwd, ['advert.md']);
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(sample('docs/ci.md', '<!-- stylish-sample:')).toBe(run.stdout);
  });
});
