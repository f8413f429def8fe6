import type { DocumentKind, RuleMeta } from '@fairword/rules';

/** Path of the generated schema file. */
export const SCHEMA_PATH: string;
/** The JSON schema of `.fairword.yaml` for a rule catalogue, the document kinds and the engine's own rule ids. */
export function buildSchema(catalog: readonly RuleMeta[], kinds: readonly DocumentKind[], builtinIds: readonly string[]): Record<string, unknown>;
/** The schema as the file holds it. */
export function formatSchema(schema: Record<string, unknown>): string;
