/**
 * The workspace as the checks see it: its folders, the config file and ignore files that apply to a document, the
 * editor settings, and the files "Check all files" looks at. All file access goes through one {@link FileSystem}.
 */
import type { CreateLinterOptions } from '@fairword/rules';
import type { Clock } from '../clock.js';
import { CONFIG_NAMES, ConfigStore, type ConfigEntry, type ConfigReport } from './configs.js';
import { FileType } from '../protocol.js';
import type { FileSystem } from './file-system.js';
import { WorkspaceFolders } from './folders.js';
import { FAIRWORD_IGNORE, IgnoreFiles } from './ignore-files.js';
import { EditorSettings } from './settings.js';
import { byPath, canonicalUri, displayPath, isInside, joinUri, parentUri, relativeUri, wordFileOf } from './uris.js';
import { walk } from './walk.js';
import type { FairwordSettings } from '../protocol.js';

/** What the workspace needs from its host and from the server. */
export interface WorkspaceOptions {
  fs: FileSystem;
  clock: Clock;
  /** Options for every linter (tests add rules through the host). */
  linterOptions: CreateLinterOptions;
  /** Whether file names match without regard to case (Windows, macOS). */
  ignoreCase: boolean;
  /** Asks the client for the `fairword` settings of a document. */
  askSettings(scopeUri: string): Promise<unknown>;
  /** Told of every read of a config file, with its mistakes. */
  onConfigRead: ConfigReport;
  /** Told when something went wrong that is worth a line in the log. */
  onError(what: string, err: unknown): void;
}

/** Where a config file is, or would be created. */
export interface ConfigTarget {
  uri: string;
  exists: boolean;
}

/** Why a file is not checked: matched by the config's `ignore` list, or listed in a `.fairwordignore`. */
export type IgnoredBy = 'config' | 'fairwordignore';

/** Folders, configs, ignore files and settings, created once per server. */
export class Workspace {
  readonly folders = new WorkspaceFolders();
  readonly configs: ConfigStore;
  readonly settings: EditorSettings;
  private readonly gitIgnores: IgnoreFiles;
  private readonly fairwordIgnores: IgnoreFiles;

  constructor(private readonly options: WorkspaceOptions) {
    const { fs, linterOptions, ignoreCase } = options;
    // The config search stops at the workspace folder (and at a repository root), as the CLI's stops at `.git`.
    this.configs = new ConfigStore(fs, linterOptions, options.onConfigRead, (folder) => this.folders.folderOf(folder) ?? this.ceiling(folder));
    this.settings = new EditorSettings(options.askSettings, (err) => options.onError('reading settings', err));
    this.gitIgnores = new IgnoreFiles('.gitignore', fs, ignoreCase);
    this.fairwordIgnores = new IgnoreFiles(FAIRWORD_IGNORE, fs, ignoreCase);
  }

  /** The file behind a document URI in canonical form, or undefined when it has none the server can read (untitled). */
  resourceOf(uri: string): string | undefined {
    // The text view of a Word document (client/src/docx.ts) has the config, kind and ignore rules of the file itself.
    const file = wordFileOf(uri) ?? uri;
    return file.startsWith('untitled:') || !this.options.fs.handles(file) ? undefined : canonicalUri(file);
  }

  /** The `fairword` settings for a document. */
  settingsFor(uri: string): Promise<FairwordSettings> {
    const resource = this.resourceOf(uri);
    return this.settings.for(uri, (resource && this.folders.folderOf(resource)) ?? uri);
  }

  /** Forgets the settings of a document that closed. */
  forgetSettings(uri: string): void {
    this.settings.forget(uri);
  }

  /** The config for a document: the nearest config file above it; for an untitled one, the workspace folder's. */
  configFor(uri: string): Promise<ConfigEntry> {
    const resource = this.resourceOf(uri);
    if (resource) return this.configs.forFile(resource);
    const folder = this.folders.fallback();
    return folder ? this.configs.forFolder(folder) : Promise.resolve(this.configs.defaults());
  }

  /** Whether a file is left out by the config's `ignore` list or by a `.fairwordignore`. */
  async ignoredBy(resource: string, entry: ConfigEntry): Promise<IgnoredBy | undefined> {
    if (entry.isIgnored(resource)) return 'config';
    const root = this.folders.folderOf(resource) ?? parentUri(resource);
    if (await this.fairwordIgnores.ignores(resource, root, false, this.ceiling(root))) return 'fairwordignore';
    return undefined;
  }

  /** Whether a folder or file is left out of "Check all files" (.gitignore, .fairwordignore, the config's `ignore`). */
  async excluded(resource: string, isDir: boolean): Promise<boolean> {
    const root = this.folders.folderOf(resource) ?? parentUri(resource);
    const ceiling = this.ceiling(root);
    if ((await this.gitIgnores.ignores(resource, root, isDir, ceiling)) || (await this.fairwordIgnores.ignores(resource, root, isDir, ceiling))) return true;
    return !isDir && (await this.configs.forFile(resource)).isIgnored(resource);
  }

  /** An ignore file changed: read them afresh. */
  ignoreFilesChanged(): void {
    this.gitIgnores.clear();
    this.fairwordIgnores.clear();
  }

  /** Reads the config file at the top of each workspace folder, so its mistakes show before any document opens. */
  async readFolderConfigs(): Promise<void> {
    for (const folder of this.folders.all()) {
      for (const name of CONFIG_NAMES) {
        if (await this.options.fs.stat(joinUri(folder, name)).catch(() => undefined)) {
          await this.configs.forFolder(folder);
          break;
        }
      }
    }
  }

  /**
   * Where the config file for a document or folder is, or would be created: the nearest one above it (up to its
   * workspace folder or repository root), else the top of that search, where a new one governs it.
   */
  async configTarget(uri: string): Promise<ConfigTarget | undefined> {
    const resource = this.resourceOf(uri);
    let start: string | undefined;
    if (resource) {
      const stat = await this.options.fs.stat(resource).catch(() => undefined);
      start = stat && stat.type & FileType.Directory ? resource : parentUri(resource);
    } else {
      start = this.folders.fallback();
    }
    if (!start) return undefined;
    const found = await this.configs.find(start);
    if (found) return { uri: found, exists: true };
    // Outside the workspace folders (a file opened on its own), a new config goes beside the file.
    const home = this.folders.folderOf(start) ? await this.configs.top(start) : start;
    return { uri: joinUri(home, CONFIG_NAMES[0]!), exists: false };
  }

  /**
   * The config file a command may change for a document: the one that governs it, inside its workspace folder, and
   * not a link that leads out of that folder; or, in a sentence, why there is none.
   */
  async configToEdit(uri: string): Promise<ConfigTarget | { refusal: string }> {
    const resource = this.resourceOf(uri);
    const folder = resource ? this.folders.folderOf(resource) : this.folders.fallback();
    if (!folder) {
      return {
        refusal: resource
          ? `${displayPath(resource)} is not in a workspace folder, and Fairword changes settings only inside the folders open in the editor.`
          : 'there is no folder to keep them in. Save this file in a workspace folder first.',
      };
    }
    const target = await this.configTarget(uri);
    if (!target || !isInside(folder, target.uri)) return { refusal: `its settings file would be outside the workspace folder ${displayPath(folder)}.` };
    const shown = this.shownPath(target.uri);
    const fs = this.options.fs;
    try {
      const [realFolder, real] = await Promise.all([fs.realUri(folder), fs.realUri(target.exists ? target.uri : parentUri(target.uri))]);
      if (realFolder !== undefined && real !== undefined) {
        if (!isInside(realFolder, real)) {
          return {
            refusal: `${shown} leads through a symbolic link to ${displayPath(real)}, outside the workspace folder, and Fairword does not write there. Change that file yourself, or put a file in place of the link.`,
          };
        }
      } else if (target.exists && ((await fs.stat(target.uri))?.type ?? 0) & FileType.SymbolicLink) {
        return { refusal: `${shown} is a symbolic link, and Fairword does not write through links it cannot follow. Change the file it points to yourself.` };
      }
    } catch (err) {
      return { refusal: `could not tell where ${shown} leads (${err instanceof Error ? err.message : String(err)}).` };
    }
    return target;
  }

  /** A file's path as shown to people: relative to its workspace folder. */
  shownPath(resource: string): string {
    const folder = this.folders.folderOf(resource);
    return (folder && relativeUri(folder, resource)) ?? displayPath(resource);
  }

  /** Every Markdown and text file in the workspace folders that "Check all files" looks at. */
  async files(cancelled: () => boolean): Promise<string[]> {
    const found = new Set<string>();
    for (const folder of this.folders.all()) {
      for (const file of await walk(this.options.fs, this.options.clock, folder, (uri, isDir) => this.excluded(uri, isDir), cancelled)) found.add(file);
    }
    return byPath([...found]);
  }

  /**
   * The highest folder a search upwards for `.git` (whose ignore files apply) may reach from `folder`: on disk, the
   * root, as git searches; elsewhere (a virtual workspace), the workspace folder, so nothing outside it is asked for.
   */
  private ceiling(folder: string): string | undefined {
    if (folder.startsWith('file:')) return undefined;
    return this.folders.folderOf(folder) ?? folder;
  }
}
