/**
 * URIs as the server's one way of naming files and folders, whatever holds them: `file:` on disk, `vscode-vfs:`
 * on github.dev, `vscode-remote:` in code-server. Path arithmetic works on the URI's path (always `/`), so the same
 * code runs in Node and in a browser.
 */
import { URI, Utils } from 'vscode-uri';
import { DOCX_SCHEME } from '../protocol.js';

/** `uri` spelled as VS Code spells it, so two spellings of one file compare equal. */
export function canonicalUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/**
 * The `file:` URI VS Code uses for a path: every character outside `A-Z a-z 0-9 - . _ ~ /` percent-encoded and a
 * Windows drive letter lower-cased with its colon encoded. Backslashes count as separators on every platform.
 */
export function fileUri(path: string): string {
  let p = path.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(p)) p = `/${p}`;
  return URI.file(p).toString();
}

/** The folder that holds `uri` (a root is its own parent). */
export function parentUri(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

/** `uri` with path segments added. */
export function joinUri(uri: string, ...names: string[]): string {
  return Utils.joinPath(URI.parse(uri), ...names).toString();
}

/** The last segment of the URI's path: the file or folder name. */
export function baseName(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

/** Whether `uri` is `folder` itself or below it. Both in canonical form. */
export function isInside(folder: string, uri: string): boolean {
  return uri === folder || uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

/**
 * `uri` relative to `base`, with `/` separators, in the form the `ignore` package wants; undefined when it is not
 * strictly below `base` (another scheme or authority, a sibling, or `base` itself).
 */
export function relativeUri(base: string, uri: string): string | undefined {
  const b = URI.parse(base);
  const u = URI.parse(uri);
  if (b.scheme !== u.scheme || b.authority !== u.authority) return undefined;
  const prefix = b.path.endsWith('/') ? b.path : `${b.path}/`;
  if (!u.path.startsWith(prefix) || u.path.length === prefix.length) return undefined;
  return u.path.slice(prefix.length);
}

/** How a file is named to people: its path on disk for `file:` URIs, else the URI itself. */
export function displayPath(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}

/** URIs sorted in the order of their paths as people read them, not of their percent-encoded spelling. */
export function byPath(uris: string[]): string[] {
  const key = new Map(uris.map((uri) => [uri, URI.parse(uri).toString(true)]));
  return uris.sort((a, b) => (key.get(a)! < key.get(b)! ? -1 : key.get(a)! > key.get(b)! ? 1 : 0));
}

/** The read-only text view (`fairword-docx:/…`) of the Word document at a `file:` URI, as the client names it. */
export function wordViewOf(uri: string): string {
  return URI.parse(uri).with({ scheme: DOCX_SCHEME }).toString();
}

/** The `.docx` file behind the read-only text view of a Word document (`fairword-docx:/…`), or undefined. */
export function wordFileOf(uri: string): string | undefined {
  return uri.startsWith(`${DOCX_SCHEME}:`) ? URI.parse(uri).with({ scheme: 'file' }).toString() : undefined;
}
