import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { parseConfig, type ConfigError, type DocumentKind, type FairwordConfig } from '../index.js';

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_NAMES = ['.fairword.yaml', '.fairword.yml', '.fairword.json'];

/** A config file as loaded: the usable config, where it came from, and its problems. */
export interface LoadedConfig {
  config: FairwordConfig;
  /** Absolute path of the config file, if one was found. */
  path?: string;
  errors: ConfigError[];
}

/** Searches upward from `startDir` for the nearest config file. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and parses one config file; a missing or unreadable file is an error, not an exception. */
export function loadConfigFile(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String((error as Error).message);
    return { config: {}, path, errors: [{ message: reason, line: 0, character: 0 }] };
  }
  const parsed = parseConfig(text, path);
  return { config: parsed.config, path, errors: parsed.errors };
}

/** The config that applies to a document: `configPath` when given, else the nearest one above the file. */
export function loadConfigForFile(filePath: string, options: { configPath?: string } = {}): LoadedConfig {
  const path = options.configPath ? resolve(options.configPath) : findConfigFile(dirname(resolve(filePath)));
  return path ? loadConfigFile(path) : { config: {}, errors: [] };
}

/** The document kind the config's `kinds` globs give a file (globs are relative to the config file). */
export function kindForFile(loaded: LoadedConfig, filePath: string): DocumentKind | undefined {
  const kinds = loaded.config.kinds;
  if (!kinds || !loaded.path) return undefined;
  const rel = relative(dirname(loaded.path), resolve(filePath)).split(sep).join('/');
  for (const [glob, kind] of Object.entries(kinds)) {
    if (picomatch(glob, { dot: true, basename: !glob.includes('/') })(rel)) return kind;
  }
  return undefined;
}
