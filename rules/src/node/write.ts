import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { FileStamp } from './read.js';

/** Why a file was not replaced. */
export class WriteRefused extends Error {
  constructor(
    message: string,
    readonly code: 'changed' | 'moved' | 'not-regular',
  ) {
    super(message);
  }
}

/** Options for {@link replaceFileSync}. */
export interface ReplaceOptions {
  /** The version read before: when the file on disk is no longer that version, nothing is written. */
  expect?: FileStamp;
  /** The real path resolved when the file was read: when the path now leads elsewhere, nothing is written. */
  real?: string;
}

/**
 * Replaces the contents of an existing regular file atomically: the bytes go to a new file in the same folder,
 * which is flushed to disk (fsync), given the original's mode (and owner, where allowed) and then renamed over the
 * original, so that at every moment the path holds either the old contents or the new, never a part. A symbolic
 * link is written through (its target is replaced, the link stays a link). Throws on failure, after removing the
 * temporary file; the original is then untouched. A process killed with SIGKILL between creating and renaming the
 * temporary file leaves it behind (`.fairword-*.tmp` beside the original), and the original intact.
 */
export function replaceFileSync(path: string, data: Uint8Array, options: ReplaceOptions = {}): void {
  const target = realpathSync(path);
  if (options.real !== undefined && options.real !== target) {
    throw new WriteRefused(`the path now leads to ${target}, not the file that was read`, 'moved');
  }
  const before = statSync(target);
  if (!before.isFile()) throw new WriteRefused('not a regular file', 'not-regular');
  if (options.expect && (before.size !== options.expect.size || before.mtimeMs !== options.expect.mtimeMs)) {
    throw new WriteRefused('the file changed while it was being checked', 'changed');
  }
  const temp = join(dirname(target), `.fairword-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  let open = true;
  try {
    for (let written = 0; written < data.length; ) written += writeSync(fd, data, written, data.length - written);
    fchmodSync(fd, before.mode & 0o7777);
    try {
      fchownSync(fd, before.uid, before.gid);
    } catch {
      // Only the owner or root may give a file away; the new file then keeps this user's ownership.
    }
    fsyncSync(fd);
    closeSync(fd);
    open = false;
    renameSync(temp, target);
  } catch (err) {
    if (open) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never created.
    }
    throw err;
  }
  syncFolder(dirname(target));
}

/** Flushes a folder's entries (the rename) to disk where the platform allows it. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms and file systems cannot fsync a folder; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
