/**
 * Accepts or rejects tracked changes in a .docx, as "Accept All" and "Reject All" in Word do, by transforming its
 * XML. Comments are left as they are (they add no text to the document).
 */
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The package with all tracked changes rejected, or only those by `author`. */
export function rejectAll(bytes: Uint8Array, author?: string): Uint8Array {
  return resolveChanges(bytes, 'reject', author);
}

/** The package with all tracked changes accepted, or only those by `author`. */
export function acceptAll(bytes: Uint8Array, author?: string): Uint8Array {
  return resolveChanges(bytes, 'accept', author);
}

function resolveChanges(bytes: Uint8Array, how: 'accept' | 'reject', author: string | undefined): Uint8Array {
  const mine = (el: Element): boolean => author === undefined || el.getAttributeNS(W, 'author') === author;
  const [drop, keep] = how === 'reject' ? ['ins', 'del'] : ['del', 'ins'];
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    if (!/^word\/(?:document|footnotes|endnotes|header\d*|footer\d*)\.xml$/.test(name)) continue;
    const doc = new DOMParser().parseFromString(strFromU8(files[name]!), 'text/xml');
    for (const gone of [...doc.getElementsByTagNameNS(W, drop)] as Element[]) {
      if (mine(gone) && (gone.parentNode as Element | null)?.localName !== 'rPr') gone.parentNode?.removeChild(gone);
    }
    for (const kept of [...doc.getElementsByTagNameNS(W, keep)] as Element[]) {
      if (!mine(kept) || (kept.parentNode as Element | null)?.localName === 'rPr') continue;
      for (const t of [...kept.getElementsByTagNameNS(W, 'delText')] as Element[]) {
        const plain = doc.createElementNS(W, 'w:t');
        plain.setAttribute('xml:space', 'preserve');
        while (t.firstChild) plain.appendChild(t.firstChild);
        t.parentNode!.replaceChild(plain, t);
      }
      while (kept.firstChild) kept.parentNode!.insertBefore(kept.firstChild, kept);
      kept.parentNode!.removeChild(kept);
    }
    files[name] = strToU8(new XMLSerializer().serializeToString(doc));
  }
  return zipSync(files);
}
