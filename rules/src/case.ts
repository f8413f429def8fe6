/**
 * Gives `replacement` the capitalisation of `original`: ALL CAPS stays all caps,
 * a capitalised first letter stays capitalised; otherwise the replacement is kept as written
 * (so proper nouns and ethnic group names such as "Black" keep their capitals).
 */
export function matchCase(original: string, replacement: string): string {
  if (replacement.length === 0) return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    // An acronym like BAME is all caps by nature; only shout a multi-word replacement when the original is a phrase.
    if (/\s/.test(original.trim())) return replacement.toUpperCase();
  }
  const first = letters.charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}
