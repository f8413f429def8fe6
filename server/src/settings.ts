/** The `fairword.*` editor settings: defaults and validation of what the client sends. */
import { SEVERITY_RANK, type Severity } from '@fairword/rules';
import type { FairwordSettings, RunMode } from './protocol.js';

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
