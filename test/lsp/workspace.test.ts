/**
 * The pure parts of the server's workspace room: URIs, base64, and the places where it must make the same choices
 * as @fairword/rules/node (which the browser server cannot import): config file names, and `kinds` globs.
 */
import { describe, expect, it } from 'vitest';
import { CONFIG_NAMES as NODE_CONFIG_NAMES, MAX_CONFIG_BYTES as NODE_MAX_CONFIG_BYTES, kindForFile } from '@fairword/rules/node';
import { fromBase64, toBase64 } from '../../server/src/workspace/base64.js';
import { CONFIG_NAMES, ConfigStore, MAX_CONFIG_BYTES } from '../../server/src/workspace/configs.js';
import { NO_FILE_SYSTEM, type FileSystem } from '../../server/src/workspace/file-system.js';
import { baseName, byPath, canonicalUri, displayPath, fileUri, isInside, joinUri, parentUri, relativeUri } from '../../server/src/workspace/uris.js';
import { FileType } from '../../server/src/protocol.js';
import { utf8Length } from '../../server/src/documents/analysis.js';

describe('URIs', () => {
  it('spells a URI as VS Code does, whatever the client sent', () => {
    expect(canonicalUri('file:///C:/Users/hr/Job%20advert%20(final).md')).toBe('file:///c%3A/Users/hr/Job%20advert%20%28final%29.md');
    expect(canonicalUri('vscode-vfs://github/nhs-trust/policies/a%20b.md')).toBe('vscode-vfs://github/nhs-trust/policies/a%20b.md');
    expect(canonicalUri('untitled:Untitled-1')).toBe('untitled:Untitled-1');
  });

  it('walks up and down a URI path, for any scheme', () => {
    expect(parentUri('vscode-vfs://github/o/r/docs/advert.md')).toBe('vscode-vfs://github/o/r/docs');
    expect(parentUri('file:///')).toBe('file:///');
    expect(joinUri('vscode-remote://127.0.0.1:8080/tmp/w', 'team', 'a b.md')).toBe('vscode-remote://127.0.0.1:8080/tmp/w/team/a%20b.md');
    expect(baseName('file:///tmp/w/.fairword.yaml')).toBe('.fairword.yaml');
  });

  it('gives a path relative to a folder only for what is strictly inside it', () => {
    expect(relativeUri('file:///tmp/w', 'file:///tmp/w/team/a%20b.md')).toBe('team/a b.md');
    expect(relativeUri('file:///tmp/w', 'file:///tmp/w')).toBeUndefined();
    expect(relativeUri('file:///tmp/w', 'file:///tmp/work/a.md')).toBeUndefined();
    expect(relativeUri('file:///tmp/w', 'vscode-vfs://github/tmp/w/a.md')).toBeUndefined();
    expect(isInside('file:///tmp/w', 'file:///tmp/w/a.md')).toBe(true);
    expect(isInside('file:///tmp/w', 'file:///tmp/wx/a.md')).toBe(false);
  });

  it('shows paths on disk as paths, and other URIs as they are; sorts by path, not by encoding', () => {
    expect(displayPath(fileUri('/home/hr/Job advert.md'))).toBe('/home/hr/Job advert.md');
    expect(displayPath('vscode-vfs://github/o/r/a.md')).toBe('vscode-vfs://github/o/r/a.md');
    expect(byPath(['file:///a/b%20c.md', 'file:///a/b-c.md', 'file:///a/b.md'])).toEqual(['file:///a/b%20c.md', 'file:///a/b-c.md', 'file:///a/b.md']);
  });
});

describe('base64', () => {
  it('round-trips every byte, and large files', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    expect(Buffer.from(fromBase64(toBase64(bytes))).equals(Buffer.from(bytes))).toBe(true);
    expect(toBase64(new TextEncoder().encode('allow:\n  - young\n'))).toBe(Buffer.from('allow:\n  - young\n').toString('base64'));
  });
});

describe('the same choices as @fairword/rules/node', () => {
  it('looks for the same config file names, in the same order, and reads as much of them', () => {
    expect(CONFIG_NAMES).toEqual(NODE_CONFIG_NAMES);
    expect(MAX_CONFIG_BYTES).toBe(NODE_MAX_CONFIG_BYTES);
  });

  it('gives files the same kinds from `kinds` globs', async () => {
    const kinds = { 'adverts/**': 'job-advert', '*.policy.md': 'policy', 'hr/jd-*.txt': 'job-description' } as const;
    const config = `kinds:\n${Object.entries(kinds).map(([glob, kind]) => `  "${glob}": ${kind}`).join('\n')}\n`;
    const files: Record<string, string> = { 'file:///team/.fairword.yaml': config };
    const fs: FileSystem = {
      ...NO_FILE_SYSTEM,
      handles: () => true,
      stat: (uri) => Promise.resolve(files[uri] === undefined ? undefined : { type: FileType.File, size: files[uri]!.length }),
      readText: (uri) => Promise.resolve(files[uri] ?? ''),
    };
    const store = new ConfigStore(fs, {}, () => undefined, () => undefined);
    const loaded = { config: { kinds: { ...kinds } }, path: '/team/.fairword.yaml', errors: [] };
    for (const rel of ['adverts/nurse.md', 'adverts/2026/porter.txt', 'leave.policy.md', 'old/leave.policy.md', 'hr/jd-porter.txt', 'jd-porter.txt', 'notes.md']) {
      const entry = await store.forFile(`file:///team/${rel}`);
      expect(entry.uri, rel).toBe('file:///team/.fairword.yaml');
      expect(entry.kindFor(`file:///team/${rel}`), rel).toBe(kindForFile(loaded, `/team/${rel}`));
    }
    expect((await store.forFile('file:///team/adverts/nurse.md')).kindFor('file:///team/adverts/nurse.md')).toBe('job-advert');
  });
});

describe('ConfigStore: a config file reported changed', () => {
  const uri = 'file:///team/.fairword.yaml';
  const files: Record<string, string> = {};
  const fs: FileSystem = {
    ...NO_FILE_SYSTEM,
    handles: () => true,
    stat: (u) => Promise.resolve(files[u] === undefined ? undefined : { type: FileType.File, size: files[u]!.length }),
    readText: (u) => Promise.resolve(files[u] ?? ''),
  };
  const reads: string[] = [];
  const store = new ConfigStore(fs, {}, (_uri, text) => reads.push(text), () => undefined);

  it('keeps its entry, compiled linter and all, when its text is the same, and re-checks nothing', async () => {
    files[uri] = 'allow:\n  - young\n';
    const first = await store.forFile('file:///team/advert.md');
    const linter = first.linter();
    expect(reads).toEqual(['allow:\n  - young\n']);
    expect(await store.changed(uri, false)).toBe(false);
    const again = await store.forFile('file:///team/advert.md');
    expect(again).toBe(first);
    expect(again.linter()).toBe(linter);
    expect(reads).toEqual(['allow:\n  - young\n']);
  });

  it('reads the new text when it differs, and lookups made meanwhile wait for it', async () => {
    files[uri] = 'allow:\n  - young\nrules:\n  he-she: off\n';
    const changed = store.changed(uri, false);
    const meanwhile = store.forFile('file:///team/advert.md');
    expect((await meanwhile).config).toEqual({ allow: ['young'], rules: { 'he-she': 'off' } });
    expect(await changed).toBe(true);
    expect(reads.at(-1)).toBe('allow:\n  - young\nrules:\n  he-she: off\n');
  });

  it('forgets a deleted file', async () => {
    delete files[uri];
    expect(await store.changed(uri, true)).toBe(true);
    expect((await store.forFile('file:///team/advert.md')).uri).toBeUndefined();
  });
});

describe('utf8Length', () => {
  it('counts bytes as Node does, without Buffer (the size limit in a browser)', () => {
    for (const text of ['', 'plain', 'Café – £24,071', 'emoji 👩🏽‍⚕️ end', 'lone \uD800 high', 'lone \uDC00 low', 'end high \uD83D', '日本語のテキスト']) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});
