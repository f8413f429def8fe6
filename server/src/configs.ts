/**
 * The `.fairword.yaml` files in force: found as the CLI finds them (nearest above each file), read once, and
 * kept until they change. A file with mistakes keeps its last good version in force; its errors are reported
 * through a callback so the server can publish them on the file itself.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { testLinterOptions } from './test-hooks.js';
import { createLinter, parseConfig, type ConfigError, type DocumentKind, type FairwordConfig, type Linter } from '@fairword/rules';
import { findConfigFile, kindForFile } from '@fairword/rules/node';
import { configIgnoreMatcher } from './files.js';

/** One config file (or the built-in defaults) as the server uses it. */
export interface ConfigEntry {
  /** Absolute path of the file; undefined for the built-in defaults. */
  path?: string;
  /** The config in force: the file's, or its last good version while the file has mistakes. */
  config: FairwordConfig;
  /** Mistakes in the file as it is now. */
  errors: ConfigError[];
  /** The linter for `config`, compiled on first use. */
  linter(): Linter;
  /** Whether the config's `ignore` patterns exclude a file. */
  isIgnored(file: string): boolean;
  /** The kind the config's `kinds` globs give a file. */
  kindFor(file: string): DocumentKind | undefined;
  /** Per rule: whether adding a term to `allow` silences it (found by trying; see the server). */
  allowable: Map<string, boolean>;
}

/** Called after each read of a config file: its text, its errors, and whether a last good version is in force. */
export type ConfigReport = (path: string, text: string, errors: ConfigError[], keptLastGood: boolean) => void;

function entryFor(path: string | undefined, config: FairwordConfig, errors: ConfigError[]): ConfigEntry {
  let linter: Linter | undefined;
  const isIgnored = configIgnoreMatcher(config.ignore, path);
  const loaded = path === undefined ? { config, errors } : { config, errors, path };
  return {
    ...(path === undefined ? {} : { path }),
    config,
    errors,
    linter: () => (linter ??= createLinter(config, testLinterOptions())),
    isIgnored,
    kindFor: (file) => kindForFile(loaded, file),
    allowable: new Map(),
  };
}

/** Finds, reads and caches config files. */
export class ConfigStore {
  private readonly pathByFolder = new Map<string, string | null>();
  private readonly byPath = new Map<string, ConfigEntry>();
  private readonly lastGood = new Map<string, FairwordConfig>();
  private defaultsEntry: ConfigEntry | undefined;

  constructor(private readonly report: ConfigReport) {}

  /** The built-in defaults (no config file). */
  defaults(): ConfigEntry {
    return (this.defaultsEntry ??= entryFor(undefined, {}, []));
  }

  /** The config for a file: the nearest config file above it, or the defaults. */
  forFile(file: string): ConfigEntry {
    return this.forFolder(dirname(file));
  }

  /** The config for files in `folder`. */
  forFolder(folder: string): ConfigEntry {
    let path = this.pathByFolder.get(folder);
    if (path === undefined) {
      path = findConfigFile(folder) ?? null;
      this.pathByFolder.set(folder, path);
    }
    return path === null ? this.defaults() : (this.byPath.get(path) ?? this.load(path));
  }

  /** Reads (or re-reads) one config file and reports its errors. */
  load(path: string): ConfigEntry {
    let text = '';
    let errors: ConfigError[];
    let config: FairwordConfig = {};
    try {
      text = readFileSync(path, 'utf8');
      ({ config, errors } = parseConfig(text, path));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors = [{ message: code === 'ENOENT' ? 'file not found' : `cannot read this file (${String(code ?? err)})`, line: 0, character: 0 }];
    }
    const good = this.lastGood.get(path);
    if (errors.length === 0) this.lastGood.set(path, config);
    else if (good) config = good;
    const entry = entryFor(path, config, errors);
    this.byPath.set(path, entry);
    this.report(path, text, errors, errors.length > 0 && good !== undefined);
    return entry;
  }

  /** A config file was created, changed or deleted: forget what was found, and re-read it unless deleted. */
  changed(path: string, deleted: boolean): void {
    this.pathByFolder.clear();
    this.byPath.delete(path);
    if (deleted) {
      this.lastGood.delete(path);
      this.report(path, '', [], false);
    } else {
      this.load(path);
    }
  }

  /** The config files read so far. */
  paths(): string[] {
    return [...this.byPath.keys()];
  }
}
