import { dirname, isAbsolute, relative, sep } from 'node:path';
import { createLinter, LIMITS, type DocumentKind, type Linter } from '@fairword/rules';
import { IgnorePatterns, kindMatcher, loadConfigForFile, type LoadedConfig } from '@fairword/rules/node';
import { displayPath } from './files.js';

/** Files over this many bytes are skipped unless the config's `maxFileSize` says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = LIMITS.maxFileSize;

/** Everything the config file that applies to one document decides for it. */
export interface FileSetup {
  /** The linter for this config, compiled on first use and shared by every file under the same config. */
  linter(): Linter;
  /** The config as loaded, with the path of its file (absent when no config file applies). */
  loaded: LoadedConfig;
  /** Document kind from the config's `kinds` globs, if one matches. */
  kind?: DocumentKind;
  /** Whether the config's `ignore` patterns exclude the file. */
  ignored: boolean;
  maxFileSize: number;
}

interface Compiled {
  linter?: Linter;
  loaded: LoadedConfig;
  isIgnored: (file: string) => boolean;
  kindOf: (file: string) => DocumentKind | undefined;
}

/**
 * Finds the config for each file (the forced one, or the nearest `.fairword.yaml` above it, searching no higher
 * than the repository root) and compiles each config once, when first needed.
 */
export class ConfigCache {
  private readonly byDir = new Map<string, LoadedConfig>();
  private readonly byPath = new Map<string, Compiled>();

  constructor(
    private readonly cwd: string,
    private readonly forced?: string,
  ) {}

  /** The setup for `file`, or a one-line reason (with `path:line:col`) when its config is broken. */
  setupFor(file: string): FileSetup | { error: string } {
    const compiled = this.compiled(file);
    if ('error' in compiled) return compiled;
    const setup: FileSetup = {
      linter: () => (compiled.linter ??= createLinter(compiled.loaded.config)),
      loaded: compiled.loaded,
      ignored: compiled.isIgnored(file),
      maxFileSize: compiled.loaded.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    };
    const kind = compiled.kindOf(file);
    if (kind) setup.kind = kind;
    return setup;
  }

  /** The config files that applied to some file so far (absolute paths). */
  used(): string[] {
    return [...this.byPath.keys()].filter((key) => key !== '');
  }

  private compiled(file: string): Compiled | { error: string } {
    const dir = this.forced ?? dirname(file);
    let loaded = this.byDir.get(dir);
    if (!loaded) {
      try {
        loaded = loadConfigForFile(file, this.forced === undefined ? {} : { configPath: this.forced });
      } catch (err) {
        return { error: `cannot load config for ${displayPath(this.cwd, file)}: ${String(err)}` };
      }
      this.byDir.set(dir, loaded);
    }
    const [first, ...more] = loaded.errors;
    if (first) {
      const path = loaded.path ?? this.forced ?? file;
      const message = first.message.startsWith(`${path}: `) ? first.message.slice(path.length + 2) : first.message;
      const extra = more.length > 0 ? ` (and ${more.length} more)` : '';
      return { error: `${displayPath(this.cwd, path)}:${first.line + 1}:${first.character + 1}: ${message}${extra}` };
    }
    const key = loaded.path ?? '';
    let compiled = this.byPath.get(key);
    if (!compiled) {
      compiled = { loaded, isIgnored: ignoreMatcher(loaded), kindOf: kindMatcher(loaded) };
      this.byPath.set(key, compiled);
    }
    return compiled;
  }
}

function ignoreMatcher({ config, path }: LoadedConfig): (file: string) => boolean {
  if (!config.ignore?.length || !path) return () => false;
  // Case-insensitive, as the config's patterns have always been read.
  const ig = new IgnorePatterns({ nocase: true }).add(config.ignore);
  const base = dirname(path);
  return (file) => {
    const rel = relative(base, file);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && ig.ignores(rel.split(sep).join('/'));
  };
}
