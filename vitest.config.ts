import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@fairword\/rules\/node$/, replacement: here('./rules/src/node/index.ts') },
      { find: /^@fairword\/rules$/, replacement: here('./rules/src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', '**/node_modules/**'],
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});
