/**
 * Test preload (node --require): makes every large file write slow, 4 KB at a time with a pause, so that a test can
 * kill the CLI while it writes. It covers the synchronous write loop (fs.writeSync, which may write only part of a
 * buffer) and fs/promises.writeFile (emulated as truncate, then slow writes). The first large write creates the
 * file named by FAIRWORD_SLOW_WRITE_MARK, so the test knows the write has begun. Never shipped: only tests load it.
 */
'use strict';
const fs = require('node:fs');
const fsp = require('node:fs/promises');

const CHUNK = 4096;
const PAUSE_MS = 2;
const mark = process.env.FAIRWORD_SLOW_WRITE_MARK;
const originalWriteSync = fs.writeSync;
const originalWriteFile = fsp.writeFile;
let marked = false;

function begin() {
  if (marked || !mark) return;
  marked = true;
  const fd = fs.openSync(mark, 'w');
  fs.closeSync(fd);
}

fs.writeSync = function writeSync(fd, buffer, offset, length, position) {
  if (!(buffer instanceof Uint8Array)) return originalWriteSync.apply(fs, arguments);
  const start = typeof offset === 'number' ? offset : 0;
  const count = typeof length === 'number' ? length : buffer.length - start;
  if (count <= CHUNK) return originalWriteSync.apply(fs, arguments);
  begin();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
  return originalWriteSync.call(fs, fd, buffer, start, CHUNK, position);
};

fsp.writeFile = async function writeFile(path, data, options) {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data instanceof Uint8Array ? data : undefined;
  if (typeof path !== 'string' || !bytes || bytes.length <= CHUNK) return originalWriteFile.apply(fsp, arguments);
  begin();
  const handle = await fsp.open(path, 'w');
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      await handle.write(bytes, at, Math.min(CHUNK, bytes.length - at));
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  } finally {
    await handle.close();
  }
  void options;
};
