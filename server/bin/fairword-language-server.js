#!/usr/bin/env node
// The Fairword language server for any LSP editor: `fairword-language-server --stdio`.
// Runs the bundle built by `npm run build` into ../dist/fairword-language-server.cjs.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/fairword-language-server.cjs');
