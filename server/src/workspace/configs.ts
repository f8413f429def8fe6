/**
 * The `.fairword.yaml` files in force: found as the CLI finds them (nearest above each file), read once, and
 * kept until they change. A file with mistakes keeps its last good version in force; its errors are reported
 * through a callback so the server can publish them on the file itself.
 */
import {
  compileGlob,
  createLinter,
  GlobError,
  parseConfig,
  type ConfigError,
  type CreateLinterOptions,
  type DocumentKind,
  type FairwordConfig,
  type GlobMatcher,
  type Linter,
} from '@fairword/rules';
import { FileSystemError, isFile, type FileSystem } from './file-system.js';
import { configIgnoreMatcher } from './ignore-files.js';
import { joinUri, parentUri, relativeUri } from './uris.js';

/** Config file names, in the order they are looked for in each folder (as `CONFIG_NAMES` in @fairword/rules/node). */
export const CONFIG_NAMES = ['.fairword.yaml', '.fairword.yml', '.fairword.json'];

/** The most read of a config or ignore file (as `MAX_CONFIG_BYTES` in @fairword/rules/node): a config is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** What the upward search from a folder found: the nearest config file, and the highest folder it looked in. */
interface Search {
  uri: string | undefined;
  /** Where a new config file would govern the folder searched from. */
  top: string;
}

/** One config file (or the built-in defaults) as the server uses it. */
export interface ConfigEntry {
  /** The file's URI; undefined for the built-in defaults. */
  uri?: string;
  /** The file's text as read (undefined for the defaults, or when it could not be read). */
  text?: string;
  /** The config in force: the file's, or its last good version while the file has mistakes. */
  config: FairwordConfig;
  /** Mistakes in the file as it is now. */
  errors: ConfigError[];
  /** The linter for `config`, compiled on first use. */
  linter(): Linter;
  /** Whether the config's `ignore` patterns exclude a file. */
  isIgnored(uri: string): boolean;
  /** The kind the config's `kinds` globs give a file. */
  kindFor(uri: string): DocumentKind | undefined;
}

/** Called after each read of a config file: its text, its errors, and whether a last good version is in force. */
export type ConfigReport = (uri: string, text: string, errors: ConfigError[], keptLastGood: boolean) => void;

/**
 * The kind that `kinds` globs give a file: relative to the config file's folder, compiled with the CLI's bounded
 * `compileGlob` as `kindMatcher` in @fairword/rules/node does (which the browser server cannot import).
 */
function kindMatcher(config: FairwordConfig, configUri: string | undefined): (uri: string) => DocumentKind | undefined {
  const kinds: Array<[GlobMatcher, DocumentKind]> = [];
  for (const [glob, kind] of Object.entries(config.kinds ?? {})) {
    try {
      kinds.push([compileGlob(glob, { basename: true }), kind]);
    } catch (err) {
      // parseConfig reports patterns the matcher refuses; such a glob matches nothing.
      if (!(err instanceof GlobError)) throw err;
    }
  }
  if (kinds.length === 0 || !configUri) return () => undefined;
  const base = parentUri(configUri);
  return (uri) => {
    const rel = relativeUri(base, uri);
    return rel === undefined ? undefined : kinds.find(([matches]) => matches(rel))?.[1];
  };
}

function entryFor(uri: string | undefined, text: string | undefined, config: FairwordConfig, errors: ConfigError[], options: CreateLinterOptions): ConfigEntry {
  let linter: Linter | undefined;
  return {
    ...(uri === undefined ? {} : { uri }),
    ...(text === undefined ? {} : { text }),
    config,
    errors,
    linter: () => (linter ??= createLinter(config, options)),
    isIgnored: configIgnoreMatcher(config.ignore, uri),
    kindFor: kindMatcher(config, uri),
  };
}

/** Finds, reads and caches config files. */
export class ConfigStore {
  private readonly searches = new Map<string, Promise<Search>>();
  private readonly byUri = new Map<string, Promise<ConfigEntry>>();
  private readonly lastGood = new Map<string, FairwordConfig>();
  private defaultsEntry: ConfigEntry | undefined;

  /**
   * @param ceiling the highest folder the search for a config file may reach from a folder (undefined: the root);
   *   the search also stops at a repository root (a folder holding `.git`), as the CLI's does
   */
  constructor(
    private readonly fs: FileSystem,
    private readonly linterOptions: CreateLinterOptions,
    private readonly report: ConfigReport,
    private readonly ceiling: (folder: string) => string | undefined,
  ) {}

  /** The built-in defaults (no config file). */
  defaults(): ConfigEntry {
    return (this.defaultsEntry ??= entryFor(undefined, undefined, {}, [], this.linterOptions));
  }

  /** The config for a file: the nearest config file above it, or the defaults. */
  forFile(uri: string): Promise<ConfigEntry> {
    return this.forFolder(parentUri(uri));
  }

  /** The config for files in `folder`. */
  async forFolder(folder: string): Promise<ConfigEntry> {
    const uri = await this.find(folder);
    return uri === undefined ? this.defaults() : (this.byUri.get(uri) ?? this.load(uri));
  }

  /** The nearest config file at or above `folder`, up to its ceiling or repository root. */
  async find(folder: string): Promise<string | undefined> {
    return (await this.search(folder)).uri;
  }

  /** The highest folder the search from `folder` looks in: a config file created there governs `folder`. */
  async top(folder: string): Promise<string> {
    return (await this.search(folder)).top;
  }

  private search(folder: string): Promise<Search> {
    let found = this.searches.get(folder);
    if (!found) {
      found = this.searchFrom(folder, this.ceiling(folder));
      this.searches.set(folder, found);
    }
    return found;
  }

  private async searchFrom(folder: string, ceiling: string | undefined): Promise<Search> {
    for (let dir = folder; ; dir = parentUri(dir)) {
      for (const name of CONFIG_NAMES) {
        const candidate = joinUri(dir, name);
        if (isFile(await this.fs.stat(candidate).catch(() => undefined))) return { uri: candidate, top: dir };
      }
      if (parentUri(dir) === dir || dir === ceiling || (await this.fs.stat(joinUri(dir, '.git')).catch(() => undefined))) return { uri: undefined, top: dir };
    }
  }

  /** Reads (or re-reads) one config file and reports its errors. */
  load(uri: string): Promise<ConfigEntry> {
    const loading = this.read(uri);
    this.byUri.set(uri, loading);
    return loading;
  }

  /** The text of a file, or undefined when it cannot be read. */
  private readText(uri: string): Promise<string | undefined> {
    return this.fs.readText(uri, MAX_CONFIG_BYTES).catch(() => undefined);
  }

  /** Builds the entry for a config file from its text (read now unless given), and reports its errors. */
  private async read(uri: string, known?: string): Promise<ConfigEntry> {
    let text: string | undefined;
    let errors: ConfigError[];
    let config: FairwordConfig = {};
    try {
      text = known ?? (await this.fs.readText(uri, MAX_CONFIG_BYTES));
      ({ config, errors } = parseConfig(text, uri));
    } catch (err) {
      errors = [{ message: unreadable(err), line: 0, character: 0 }];
    }
    const good = this.lastGood.get(uri);
    if (errors.length === 0) this.lastGood.set(uri, config);
    else if (good) config = good;
    const entry = entryFor(uri, text, config, errors, this.linterOptions);
    this.report(uri, text ?? '', errors, errors.length > 0 && good !== undefined);
    return entry;
  }

  /**
   * A config file was created, changed or deleted: forget what was found, and re-read it unless deleted. Resolves to
   * whether anything changed: a file already read whose text is the same (saved unchanged, or the watcher reporting
   * Fairword's own write) keeps its entry, compiled linter and all. Lookups made meanwhile wait for the new entry.
   */
  changed(uri: string, deleted: boolean): Promise<boolean> {
    const previous = this.byUri.get(uri);
    if (deleted || !previous) {
      this.searches.clear();
      this.byUri.delete(uri);
      if (!deleted) return this.load(uri).then(() => true);
      this.lastGood.delete(uri);
      this.report(uri, '', [], false);
      return Promise.resolve(true);
    }
    const reread = Promise.all([previous, this.readText(uri)]).then(async ([entry, text]) =>
      text !== undefined && text === entry.text ? { entry, changed: false } : { entry: await this.read(uri, text), changed: true },
    );
    this.byUri.set(
      uri,
      reread.then((r) => r.entry),
    );
    return reread.then((r) => r.changed);
  }
}

/** Why a config file could not be read, in the CLI's words. */
function unreadable(err: unknown): string {
  if (!(err instanceof FileSystemError)) return `cannot read this file (${String(err)})`;
  if (err.notFound) return 'file not found';
  if (err.code === 'too-large') return `the config file is over ${MAX_CONFIG_BYTES} bytes`;
  return err.notText ? err.message : `cannot read this file (${err.code})`;
}
