/**
 * @fairword/rules — the Fairword engine and rule data.
 * Pure TypeScript: no editor API and no Node-only API, so it can run in a browser.
 */
export * from './types.js';
export { commonEnds, createLinter, lint, type CreateLinterOptions, type Linter, type LintSession } from './linter.js';
export { defineRule, type LogicRule, type SentenceContext, type LogicReport } from './rule.js';
export { parseConfig, type ConfigError, type ParsedConfig } from './config.js';
export { ruleCatalog, getRule } from './catalog.js';
export { formatFromFilename } from './prose.js';
export { positionAt, offsetAt, lineStarts } from './positions.js';
export { matchCase } from './case.js';
export { documentRules } from './document/index.js';
export { safeEdit, safeEdits, type SafeEdit } from './fixes.js';
export { compileGlob, expandBraces, isGlobPattern, GlobError, GLOB_LIMITS, type GlobMatcher, type GlobOptions } from './glob.js';
export { LIMITS, capFindings } from './limits.js';
