/**
 * Tests in real clients that need Debian packages (Neovim, Emacs, Chromium): run by `npm run test:clients`, which
 * installs them first (test/clients/install.sh). Not part of `npm test`.
 */
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

export default defineConfig({
  ...(base.resolve ? { resolve: base.resolve } : {}),
  test: {
    include: ['test/clients/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One real client at a time: they are heavy, and the machine is small.
    fileParallelism: false,
  },
});
