import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

/** The LibreOffice suite (npm run test:docx): only the *.lo.test.ts files, which `npm test` leaves out. */
export default defineConfig({
  resolve: base.resolve ?? {},
  test: { root: fileURLToPath(new URL('../..', import.meta.url)), include: ['test/docx/**/*.lo.test.ts'], exclude: ['**/node_modules/**'], testTimeout: 180000, hookTimeout: 300000 },
});
