import leven from 'leven';

/** At most this many names are offered; more than that is no longer a suggestion. */
const MAX_SUGGESTIONS = 3;

/** A name as typed, compared without case, with spaces and underscores read as hyphens. */
function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * The names in `known` that `typed` is genuinely near, closest first: the same name in other case or with other
 * separators; else those within an edit distance of 2 that is also at most a third of the typed length ("yung" →
 * "young", never "nosuchrule" → "mature"); else, for three letters or more, names it starts or holds as a whole
 * hyphen-separated word ("wheelchair" → "wheelchair-bound"). Empty when nothing is near, or when more than three
 * names are equally near, as a longer list would not help.
 */
export function nearNames(typed: string, known: readonly string[]): string[] {
  const target = normalise(typed);
  if (target === '') return [];
  const exact = known.find((name) => name.toLowerCase() === target);
  if (exact !== undefined) return [exact];
  const limit = Math.min(2, Math.floor(target.length / 3));
  const close: Array<{ name: string; distance: number }> = [];
  const related: string[] = [];
  for (const name of known) {
    const lower = name.toLowerCase();
    const distance = limit === 0 ? Infinity : leven(target, lower, { maxDistance: limit + 1 });
    if (distance <= limit) close.push({ name, distance });
    else if (target.length >= 3 && (lower.startsWith(target) || lower.split('-').includes(target))) related.push(name);
  }
  const names = close.length > 0 ? close.sort((a, b) => a.distance - b.distance).map((c) => c.name) : related;
  return names.length <= MAX_SUGGESTIONS ? names : [];
}

/** Names as a list a sentence can end on: `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
export function orList(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)!}`;
}
