#!/usr/bin/env node
// Runs the bundled CLI (built by `npm run build` into ../dist/fairword.cjs).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/fairword.cjs').main();
