import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@fairword\/rules\/node$/, replacement: here('./rules/src/node/index.ts') },
      { find: /^@fairword\/rules\/docx$/, replacement: here('./rules/src/docx/index.ts') },
      { find: /^@fairword\/rules$/, replacement: here('./rules/src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The LibreOffice suite (*.lo.test.ts) runs on its own (npm run test:docx); test/clients needs Neovim, Emacs
    // and Chromium (npm run test:clients installs them and runs it).
    exclude: ['test/e2e/**', 'test/clients/**', '**/node_modules/**', '**/*.lo.test.ts'],
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});
