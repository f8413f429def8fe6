/** The `fairword.*` editor settings: defaults and validation of what the client sends. */
import { SEVERITY_RANK, type Severity } from '@fairword/rules';
import type { FairwordSettings, RunMode } from '../protocol.js';

/** Files over this many bytes are skipped by default (the CLI's default too). */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** The settings used when the client sends none. */
export const DEFAULT_SETTINGS: Readonly<FairwordSettings> = Object.freeze({
  enable: true,
  run: 'onType',
  minimumSeverity: 'hint',
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
});

const RUN_MODES: readonly RunMode[] = ['onType', 'onSave', 'manual'];

/** Turns the `fairword` section the client sent into settings, using the default for anything missing or invalid. */
export function readSettings(raw: unknown): FairwordSettings {
  const v = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const severity = v['minimumSeverity'];
  const size = v['maxFileSize'];
  return {
    enable: typeof v['enable'] === 'boolean' ? v['enable'] : DEFAULT_SETTINGS.enable,
    run: RUN_MODES.includes(v['run'] as RunMode) ? (v['run'] as RunMode) : DEFAULT_SETTINGS.run,
    minimumSeverity:
      typeof severity === 'string' && severity in SEVERITY_RANK ? (severity as Severity) : DEFAULT_SETTINGS.minimumSeverity,
    maxFileSize: typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : DEFAULT_SETTINGS.maxFileSize,
  };
}

/** Whether a finding of `severity` is shown under `minimum`. */
export function isShown(severity: Severity, minimum: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[minimum];
}

/** A byte count as people read it: "820 KB", "1.5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/**
 * The settings of each document: asked of the client once per workspace folder (`workspace/configuration`) until
 * they change, or, for clients that cannot answer that, the ones pushed with `didChangeConfiguration`.
 */
export class EditorSettings {
  private readonly cache = new Map<string, Promise<FairwordSettings>>();
  private pushed: FairwordSettings = { ...DEFAULT_SETTINGS };
  /** Whether the client answers `workspace/configuration`; set at initialize. */
  canPull = false;

  constructor(
    private readonly ask: (scopeUri: string) => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** The settings for a document; `key` groups documents that share them (their workspace folder). */
  for(uri: string, key: string): Promise<FairwordSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.ask(uri).then(readSettings, (err: unknown) => {
        this.onError(err);
        return { ...DEFAULT_SETTINGS };
      });
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** The settings changed: forget them, and keep what was pushed (clients that cannot be asked send them). */
  changed(pushed: unknown): void {
    this.cache.clear();
    if (!this.canPull) this.pushed = readSettings(pushed);
  }

  /** Forgets the settings kept under one key (a document that closed). */
  forget(key: string): void {
    this.cache.delete(key);
  }

  /** Forgets every setting (the workspace folders changed). */
  clear(): void {
    this.cache.clear();
  }
}
