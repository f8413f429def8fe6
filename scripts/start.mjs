#!/usr/bin/env node
// `npm start`: lints the bundled examples with the built CLI and prints the findings.
// Findings are the point of the demo, so exit code 1 (findings) is reported as success; 2 (an error) is not.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync(process.execPath, ['cli/bin/fairword.js', 'examples/job-advert.md', 'examples/policy.md', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status === 1 ? 0 : (result.status ?? 2));
