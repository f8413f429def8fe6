/**
 * The client's side of the `fairword/fs/*` requests: the server reads `.fairword.yaml`, ignore files and documents
 * through `vscode.workspace.fs`, which reaches every workspace VS Code can open (github.dev and vscode.dev included).
 */
import * as vscode from 'vscode';
import { ResponseError, type BaseLanguageClient } from 'vscode-languageclient';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest, WriteFileRequest } from '../../server/src/protocol.js';
import { fromBase64, toBase64 } from '../../server/src/workspace/base64.js';

/** The only files the server may write: Fairword config files (its "Allow…" and "Turn off…" quick fixes). */
const WRITABLE = /(^|\/)\.fairword\.(yaml|yml|json)$/;

/** An error the server can read: the file system's code (FileNotFound, NoPermissions…) in `data`. */
function failure(err: unknown): ResponseError<{ code: string }> {
  const code = err instanceof vscode.FileSystemError ? err.code : 'Unknown';
  return new ResponseError(1, err instanceof Error ? err.message : String(err), { code });
}

/** Answers the server's file requests with `vscode.workspace.fs`. */
export function serveFiles(client: BaseLanguageClient): vscode.Disposable[] {
  const fs = vscode.workspace.fs;
  return [
    // Anything that cannot be looked at counts as absent, as on disk.
    client.onRequest(StatRequest, async ({ uri }) => {
      try {
        const stat = await fs.stat(vscode.Uri.parse(uri));
        return { type: stat.type, size: stat.size };
      } catch {
        return null;
      }
    }),
    client.onRequest(ReadFileRequest, async ({ uri }) => {
      try {
        return { base64: toBase64(await fs.readFile(vscode.Uri.parse(uri))) };
      } catch (err) {
        return failure(err);
      }
    }),
    client.onRequest(ReadDirectoryRequest, async ({ uri }) => {
      try {
        return await fs.readDirectory(vscode.Uri.parse(uri));
      } catch (err) {
        return failure(err);
      }
    }),
    client.onRequest(WriteFileRequest, async ({ uri, base64 }) => {
      const target = vscode.Uri.parse(uri);
      if (!WRITABLE.test(target.path)) return new ResponseError(1, `Fairword writes only its own settings files, not ${uri}`, { code: 'NoPermissions' });
      try {
        await fs.writeFile(target, fromBase64(base64));
        return undefined;
      } catch (err) {
        return failure(err);
      }
    }),
  ];
}
