import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { DOCX_LIMITS, DocxDocument, DocxError } from '@fairword/rules/docx';
import { buildDocx, p, withDamagedEntry, withDeclaredSize } from './build.js';

/** The code and message `DocxDocument.open` fails with. */
function failure(bytes: Uint8Array, limits = DOCX_LIMITS): string {
  try {
    DocxDocument.open(bytes, limits);
  } catch (err) {
    if (err instanceof DocxError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return 'opened';
}

/** An OLE compound file header followed by a directory entry name, as UTF-16LE. */
function ole(stream: string): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < stream.length; i++) bytes[1024 + i * 2] = stream.charCodeAt(i);
  return bytes;
}

const GOOD = buildDocx({ body: p('Our manpower plan') });

describe('bad .docx input: one clear line each, nothing read', () => {
  test.each([
    ['a truncated file', GOOD.subarray(0, GOOD.length - 40), /^corrupt: the file is damaged or truncated \(/],
    ['damaged compressed data inside an entry', withDamagedEntry(GOOD, 'word/document.xml'), /^corrupt: the file is damaged or truncated \(unexpected EOF\)$/],
    ['plain text named .docx', strToU8('Just some text'), /^not-zip: not a Word \.docx document \(it is not a zip package\)$/],
    ['a password-protected document', ole('EncryptedPackage'), /^encrypted: the document is password-protected \(encrypted\); remove the password in Word and try again$/],
    ['an old .doc file', ole('WordDocument'), /^legacy-doc: this is an old Word 97-2003 \(\.doc\) file; save it as \.docx \(Word Document\) and try again$/],
    ['a zip that is not a Word document', zipSync({ 'a.txt': strToU8('x') }), /^not-docx: not a Word \.docx document \(\[Content_Types\]\.xml is missing\)$/],
    [
      'a document whose XML is broken',
      buildDocx({ body: '<w:p><w:r><w:t>unclosed</w:r></w:p>' }),
      /^corrupt: the document is damaged: word\/document\.xml is not well-formed XML \(/,
    ],
    [
      'a document with macros',
      buildDocx({ body: p('Hello'), extra: { 'word/vbaProject.bin': new Uint8Array(16) } }),
      /^macros: the document contains macros \(vbaProject\.bin\); Fairword does not open macro-enabled files: save a copy as \.docx without macros$/,
    ],
    [
      'a macro-enabled document (.docm content type)',
      buildDocx({ body: p('Hello'), mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml' }),
      /^macros: the document is macro-enabled \(\.docm\)/,
    ],
  ])('%s', (_name, bytes, expected) => {
    expect(failure(bytes)).toMatch(expected);
  });

  test('a zip bomb: an entry compressed far beyond any real document is refused before it is inflated', () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8(' '.repeat(20 * 1024 * 1024)) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(failure(bomb)).toBe("too-large: '[Content_Types].xml' is compressed more than 200 to 1; it is not read (a possible zip bomb)");
  });

  test('a zip bomb that understates its size is refused before it is inflated (inflating it ran on long past the buffer)', () => {
    const bomb = withDeclaredSize(zipSync({ '[Content_Types].xml': strToU8(' '.repeat(64 * 1024 * 1024)) }, { level: 9 }), '[Content_Types].xml', 100);
    const started = performance.now();
    expect(failure(bomb)).toBe("too-large: '[Content_Types].xml' holds more data than the size it declares; it is not read (a damaged file or a possible zip bomb)");
    expect(performance.now() - started).toBeLessThan(200);
  });

  test('a broken XML part is named with the parser\'s own reason, on one line', () => {
    expect(failure(buildDocx({ body: '<w:p><w:r a=><w:t>x</w:t></w:r></w:p>' }))).toBe(
      'corrupt: the document is damaged: word/document.xml is not well-formed XML (AttValue: \' or " expected)',
    );
  });

  test('caps on package size, entry count and total size', () => {
    expect(failure(GOOD, { ...DOCX_LIMITS, maxPackageSize: 100 })).toBe(`too-large: ${GOOD.length} bytes is over the 100-byte limit for Word documents`);
    expect(failure(GOOD, { ...DOCX_LIMITS, maxEntries: 3 })).toBe('too-large: the package has more than 3 entries; it is not read (a possible zip bomb)');
    expect(failure(GOOD, { ...DOCX_LIMITS, maxTotalSize: 1000 })).toBe(
      'too-large: the package unpacks to more than 1000 bytes or holds an entry over 128 MB; it is not read',
    );
  });

  test('a document type declaration (entity expansion) is refused', () => {
    const files = { '[Content_Types].xml': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Types/>') };
    expect(failure(zipSync(files))).toBe('corrupt: [Content_Types].xml declares a document type, which Word documents never do');
  });
});
