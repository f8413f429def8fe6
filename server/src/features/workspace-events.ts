/**
 * Changes around the documents: settings, config and ignore files, watched Markdown and text files, and workspace
 * folders. Each re-reads what changed and re-checks.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { ServerContext } from '../context.js';
import { CONFIG_NAMES } from '../workspace/configs.js';
import { FAIRWORD_IGNORE } from '../workspace/ignore-files.js';
import { baseName } from '../workspace/uris.js';
import { isCheckedName } from '../workspace/walk.js';
import type { DiskFiles } from './disk-files.js';

const CONFIG_GLOB = `**/{${CONFIG_NAMES.join(',')}}`;
const IGNORE_GLOB = `**/{${FAIRWORD_IGNORE},.gitignore}`;

/** What the client said it can do at initialize. */
export interface WorkspaceCapabilities {
  /** It registers file watchers for the server. */
  canWatch: boolean;
  /** It tells the server when workspace folders change. */
  folderChanges: boolean;
}

/** Watches the workspace once the client is initialized; `refreshAll` re-checks everything. */
export function listenToWorkspace(ctx: ServerContext, diskFiles: DiskFiles, capabilities: () => WorkspaceCapabilities, refreshAll: () => unknown): void {
  const { connection, workspace, log } = ctx;

  connection.onInitialized(() => {
    const { canWatch, folderChanges } = capabilities();
    if (canWatch) {
      log.run(
        'watching config files',
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }, { globPattern: IGNORE_GLOB }] }),
      );
    }
    if (folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((e) =>
        log.guard('changing workspace folders', undefined, () => {
          const readable = (uri: string): boolean => workspace.resourceOf(uri) !== undefined;
          workspace.folders.change(e.added.map((f) => f.uri).filter(readable), e.removed.map((f) => f.uri));
          workspace.settings.clear();
          refreshAll();
        }),
      );
    }
    // Mistakes in a workspace folder's own config file show at once, before any document is opened.
    log.run('reading config files', workspace.readFolderConfigs());
  });

  connection.onDidChangeConfiguration((change) =>
    log.guard('reading changed settings', undefined, () => {
      workspace.settings.changed((change.settings as { fairword?: unknown } | null | undefined)?.fairword);
      refreshAll();
    }),
  );

  connection.onDidChangeWatchedFiles(({ changes }) =>
    log.guard('handling changed files', undefined, () => {
      const configChanges: Array<Promise<boolean>> = [];
      const fileChanges: FileEvent[] = [];
      let ignoreChanged = false;
      for (const change of changes) {
        const uri = workspace.resourceOf(change.uri);
        if (!uri) continue;
        const name = baseName(uri);
        if (CONFIG_NAMES.includes(name)) {
          configChanges.push(workspace.configs.changed(uri, change.type === FileChangeType.Deleted));
        } else if (name === FAIRWORD_IGNORE || name === '.gitignore') {
          workspace.ignoreFilesChanged();
          ignoreChanged = true;
        } else if (diskFiles.workspaceMode && isCheckedName(name)) {
          fileChanges.push(change);
        }
      }
      const filesChanged = (): void => fileChanges.forEach((change) => diskFiles.changed(change));
      if (configChanges.length === 0 && !ignoreChanged) return filesChanged();
      // Re-checking everything covers the changed files too. A config file whose text did not change (Fairword's
      // own write, reported back) re-checks nothing.
      log.run(
        're-reading settings files',
        Promise.all(configChanges).then((changed) => (ignoreChanged || changed.includes(true) ? refreshAll() : filesChanged())),
      );
    }),
  );
}
