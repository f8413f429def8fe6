import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { DocxError } from './errors.js';

/** Caps on what is read from a package, so a crafted file (a zip bomb) cannot exhaust memory. */
export interface PackageLimits {
  /** Largest package (the .docx file itself) a reader should load; checked before reading, by whoever reads the bytes. */
  maxPackageSize: number;
  /** Most entries a package may hold. */
  maxEntries: number;
  /** Most bytes all entries may hold once decompressed (as declared, and as enforced while inflating). */
  maxTotalSize: number;
  /** Most bytes one entry may hold once decompressed. */
  maxEntrySize: number;
  /** Largest decompressed-to-compressed ratio allowed for an entry over {@link RATIO_FLOOR} bytes. */
  maxRatio: number;
}

/** Entries smaller than this are never judged by their compression ratio. */
const RATIO_FLOOR = 1024 * 1024;

/** The default caps: generous for real documents with images, far below what a zip bomb unpacks to. */
export const DOCX_LIMITS: PackageLimits = {
  maxPackageSize: 64 * 1024 * 1024,
  maxEntries: 5000,
  maxTotalSize: 256 * 1024 * 1024,
  maxEntrySize: 128 * 1024 * 1024,
  maxRatio: 200,
};

/** The entries of a zip package, in their original order. */
export interface Package {
  names: string[];
  entries: Map<string, Uint8Array>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when `bytes` holds `name` as UTF-16LE, as OLE directory entries spell stream names. */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Says what an OLE compound file (the container of .doc files and of password-protected .docx) is. */
function oleError(bytes: Uint8Array): DocxError {
  if (hasOleStream(bytes, 'EncryptedPackage')) {
    return new DocxError('encrypted', 'the document is password-protected (encrypted); remove the password in Word and try again');
  }
  if (hasOleStream(bytes, 'WordDocument')) {
    return new DocxError('legacy-doc', 'this is an old Word 97-2003 (.doc) file; save it as .docx (Word Document) and try again');
  }
  return new DocxError('not-docx', 'this is an OLE compound file, not a Word .docx document');
}

/**
 * Unpacks a zip package within `limits`. With `wanted`, only entries it accepts are decompressed (the rest are
 * still counted and checked against the limits). Throws {@link DocxError} for anything that is not a readable zip.
 */
export function readPackage(bytes: Uint8Array, limits: PackageLimits = DOCX_LIMITS, wanted?: (name: string) => boolean): Package {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw oleError(bytes);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new DocxError('not-zip', 'not a Word .docx document (it is not a zip package)');
  }
  if (bytes.length > limits.maxPackageSize) {
    throw new DocxError('too-large', `${bytes.length} bytes is over the ${limits.maxPackageSize}-byte limit for Word documents`);
  }
  const names: string[] = [];
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        names.push(file.name);
        if (names.length > limits.maxEntries) {
          throw new DocxError('too-large', `the package has more than ${limits.maxEntries} entries; it is not read (a possible zip bomb)`);
        }
        total += file.originalSize;
        if (file.originalSize > limits.maxEntrySize || total > limits.maxTotalSize) {
          throw new DocxError('too-large', `the package unpacks to more than ${megabytes(limits.maxTotalSize)} or holds an entry over ${megabytes(limits.maxEntrySize)}; it is not read`);
        }
        if (file.originalSize > RATIO_FLOOR && file.originalSize > file.size * limits.maxRatio) {
          throw new DocxError('too-large', `'${file.name}' is compressed more than ${limits.maxRatio} to 1; it is not read (a possible zip bomb)`);
        }
        // Compression never makes data much larger, so more compressed data than the declared size allows means the
        // size is a lie: inflating it would run on long after the buffer of that size is full.
        if (file.compression !== 0 && file.size > file.originalSize + file.originalSize / 8 + 1024) {
          throw new DocxError('too-large', `'${file.name}' holds more data than the size it declares; it is not read (a damaged file or a possible zip bomb)`);
        }
        return wanted ? wanted(file.name) : true;
      },
    });
  } catch (err) {
    if (err instanceof DocxError) throw err;
    throw new DocxError('corrupt', `the file is damaged or truncated (${describe(err)})`);
  }
  const entries = new Map<string, Uint8Array>();
  for (const name of names) {
    const data = files[name];
    if (data) entries.set(name, data);
  }
  return { names, entries };
}

/** A fixed modification time for every entry, so the same input always gives the same bytes. */
const MTIME = new Date(Date.UTC(1980, 0, 1, 12));

/** Packs entries (in the order of `names`) into a zip; `[Content_Types].xml` first, as Office writes it. */
export function writePackage(pkg: Package): Uint8Array {
  const order = [...pkg.names].sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  const files: Zippable = {};
  for (const name of order) {
    const data = pkg.entries.get(name);
    if (data === undefined) continue;
    const stored = /\.(?:png|jpe?g|gif|emf|wmf|tiff?|bmp|svg|bin|mp4|wav|zip)$/i.test(name) || name.endsWith('/');
    files[name] = [data, { level: stored ? 0 : 6, mtime: MTIME }];
  }
  return zipSync(files);
}

/** Decodes an XML part: UTF-8 (with or without a byte order mark) or UTF-16 with one. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), false);
  const text = strFromU8(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Encodes an XML part as UTF-8. */
export function encodeXml(text: string): Uint8Array {
  return strToU8(text);
}

function utf16(bytes: Uint8Array, little: boolean): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(little ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  return out;
}

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${n} bytes`;
}

function describe(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
