/**
 * Rejects tracked changes in a .docx, as "Reject All" in Word does, by transforming its XML: insertions are
 * removed, deletions restored. Comments are left as they are (they add no text to the document).
 */
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The package with all tracked changes rejected, or only those by `author`. */
export function rejectAll(bytes: Uint8Array, author?: string): Uint8Array {
  const mine = (el: Element): boolean => author === undefined || el.getAttributeNS(W, 'author') === author;
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    if (!/^word\/(?:document|footnotes|endnotes|header\d*|footer\d*)\.xml$/.test(name)) continue;
    const doc = new DOMParser().parseFromString(strFromU8(files[name]!), 'text/xml');
    for (const ins of [...doc.getElementsByTagNameNS(W, 'ins')] as Element[]) if (mine(ins)) ins.parentNode?.removeChild(ins);
    for (const del of [...doc.getElementsByTagNameNS(W, 'del')] as Element[]) {
      if (!mine(del) || (del.parentNode && (del.parentNode as Element).localName === 'rPr')) continue;
      for (const t of [...del.getElementsByTagNameNS(W, 'delText')] as Element[]) {
        const plain = doc.createElementNS(W, 'w:t');
        plain.setAttribute('xml:space', 'preserve');
        while (t.firstChild) plain.appendChild(t.firstChild);
        t.parentNode!.replaceChild(plain, t);
      }
      while (del.firstChild) del.parentNode!.insertBefore(del.firstChild, del);
      del.parentNode!.removeChild(del);
    }
    files[name] = strToU8(new XMLSerializer().serializeToString(doc));
  }
  return zipSync(files);
}
