import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { compileGlob, parseConfig, type ConfigError, type DocumentKind, type FairwordConfig, type GlobMatcher } from '../index.js';
import { isTextFile, readTextFileSync } from './read.js';
import { isWithin } from './walk.js';

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_NAMES = ['.fairword.yaml', '.fairword.yml', '.fairword.json'];

/** Config files larger than this are refused (a config is a few hundred bytes; this stops a device or a huge file). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config file as loaded: the usable config, where it came from, and its problems. */
export interface LoadedConfig {
  config: FairwordConfig;
  /** Absolute path of the config file, if one was found. */
  path?: string;
  errors: ConfigError[];
}

/** Where the upward search for a config file stops. */
export interface ConfigSearch {
  /** A folder the search never goes above (the workspace folder, for the language server). */
  root?: string;
}

/**
 * Searches upward from `startDir` for the nearest config file. The search stops at the repository root (the first
 * folder holding `.git`, which is searched) and never goes above `search.root`, so a config in a folder above the
 * repository or workspace never applies to it.
 */
export function findConfigFile(startDir: string, search: ConfigSearch = {}): string | undefined {
  let dir = resolve(startDir);
  const root = search.root === undefined ? undefined : resolve(search.root);
  if (root !== undefined && !isWithin(dir, root)) return undefined;
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || dir === root || existsSync(join(dir, '.git'))) return undefined;
    dir = parent;
  }
}

/** Reads and parses one config file; a missing, unreadable or oversized file is an error, not an exception. */
export function loadConfigFile(path: string): LoadedConfig {
  const read = readTextFileSync(path, MAX_CONFIG_BYTES);
  if (!isTextFile(read)) {
    const detail = read.reason === 'too-large' ? `the config file is over ${MAX_CONFIG_BYTES} bytes` : read.detail;
    return { config: {}, path, errors: [{ message: detail, line: 0, character: 0 }] };
  }
  const parsed = parseConfig(read.text, path);
  return { config: parsed.config, path, errors: parsed.errors };
}

/** The config that applies to a document: `configPath` when given, else the nearest one above the file (see {@link findConfigFile}). */
export function loadConfigForFile(filePath: string, options: { configPath?: string } & ConfigSearch = {}): LoadedConfig {
  const path = options.configPath ? resolve(options.configPath) : findConfigFile(dirname(resolve(filePath)), options);
  return path ? loadConfigFile(path) : { config: {}, errors: [] };
}

/**
 * Compiles the config's `kinds` globs once (relative to the config file's folder; a glob without a slash matches the
 * file name at any depth). The result gives a file's document kind, or undefined.
 */
export function kindMatcher(loaded: LoadedConfig): (filePath: string) => DocumentKind | undefined {
  const kinds = loaded.config.kinds;
  if (!kinds || !loaded.path) return () => undefined;
  const base = dirname(loaded.path);
  const globs: Array<[GlobMatcher, DocumentKind]> = [];
  for (const [glob, kind] of Object.entries(kinds)) {
    try {
      globs.push([compileGlob(glob, { basename: true }), kind]);
    } catch {
      // parseConfig reports patterns the matcher refuses; such a glob matches nothing.
    }
  }
  return (filePath) => {
    const rel = relative(base, resolve(filePath)).split(sep).join('/');
    return globs.find(([match]) => match(rel))?.[1];
  };
}

/** The document kind the config's `kinds` globs give a file (compiles the globs each call; see {@link kindMatcher}). */
export function kindForFile(loaded: LoadedConfig, filePath: string): DocumentKind | undefined {
  return kindMatcher(loaded)(filePath);
}
