/** The lifecycle of open documents: when they are checked after opening, changing and saving, and what closing clears. */
import type { ServerContext } from '../context.js';
import { displayPath } from '../workspace/uris.js';
import { isCheckedName } from '../workspace/walk.js';
import type { DiskFiles } from './disk-files.js';
import type { DocumentChecks } from './document-checks.js';

/** Schedules checks on the open documents' events; `debounceMs()` is the pause after a change (set at initialize). */
export function listenToDocuments(ctx: ServerContext, checks: DocumentChecks, diskFiles: DiskFiles, debounceMs: () => number): void {
  const { connection, documents, workspace, scheduler, log } = ctx;

  documents.documents.onDidOpen((e) =>
    log.guard('opening a document', undefined, () => {
      const { uri } = e.document;
      documents.justOpened.add(uri);
      // Diagnostics published from disk under another spelling of the URI give way to the open document's.
      const onDisk = workspace.resourceOf(uri);
      if (onDisk && onDisk !== uri && diskFiles.has(onDisk)) log.run(`clearing ${onDisk}`, diskFiles.publish(onDisk, []));
    }),
  );

  documents.documents.onDidChangeContent((e) =>
    log.guard('scheduling a check', undefined, () => {
      const { uri } = e.document;
      if (documents.justOpened.delete(uri)) scheduler.schedule(uri, 0, 'open');
      else scheduler.schedule(uri, debounceMs(), 'change');
    }),
  );

  documents.documents.onDidSave((e) => log.guard('checking a saved document', undefined, () => scheduler.schedule(e.document.uri, 0, 'save')));

  documents.documents.onDidClose((e) =>
    log.guard('closing a document', undefined, () => {
      const { uri, version } = e.document;
      scheduler.cancel(uri);
      documents.forget(uri);
      workspace.forgetSettings(uri);
      const resource = workspace.resourceOf(uri);
      // After "Check all files", a closed file keeps its diagnostics, now read from disk.
      if (diskFiles.workspaceMode && resource && workspace.folders.folderOf(resource) && isCheckedName(displayPath(resource))) {
        log.run(
          `checking ${displayPath(resource)}`,
          workspace.excluded(resource, false).then(async (excluded) => {
            if (excluded) return checks.closed(uri, version);
            if (resource !== uri) await connection.sendDiagnostics({ uri, diagnostics: [] });
            return diskFiles.check(resource, true);
          }),
        );
        return;
      }
      log.run(`clearing ${uri}`, checks.closed(uri, version));
    }),
  );

  documents.documents.listen(connection);
}
