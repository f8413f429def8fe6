/**
 * Tests in real clients that need Debian packages (Neovim, Chromium): run by `npm run test:clients`, which
 * installs them first (test/clients/install.sh). Not part of `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@fairword\/rules\/node$/, replacement: here('../../rules/src/node/index.ts') },
      { find: /^@fairword\/rules$/, replacement: here('../../rules/src/index.ts') },
    ],
  },
  test: {
    root: here('../..'),
    include: ['test/clients/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One real client at a time: they are heavy, and the machine is small.
    fileParallelism: false,
  },
});
