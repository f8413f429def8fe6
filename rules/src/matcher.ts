import { phraseKeys, type Token } from './tokens.js';

/** One phrase compiled into the trie: a rule's phrase, or a shield that keeps rules quiet over its span. */
export interface PhraseEntry {
  keys: string[];
  phrase: string;
  /** Index of the rule that flags this phrase, or -1 for a shield. */
  rule: number;
  suggestions?: string[];
  /** The phrase's own case test (see WordRuleData.phrases). */
  case?: 'lower' | 'as-written';
  /** Words (normalised keys) the phrase must follow. */
  after?: string[][];
  /** The first suggestion may be applied without asking. */
  safe?: boolean;
  /** For shields: the rules it silences, or 'all'. */
  shields?: Set<number> | 'all';
}

interface TrieNode {
  /** Children by key; none where no phrase goes on (most nodes are the last word of a phrase). */
  next: Map<string, TrieNode> | undefined;
  ends: PhraseEntry[];
}

/** A phrase found in a token run: token indexes [from, to) and the entries ending there. */
export interface PhraseMatch {
  from: number;
  to: number;
  entries: PhraseEntry[];
  /** Characters of a possessive ending ("'s", "'") the last token carries past the phrase: "the chairman's report". */
  possessive?: number;
}

/** All phrases of all rules in one trie keyed by normalised tokens; matched in one pass per sentence. */
export class PhraseMatcher {
  private root: TrieNode = { next: new Map(), ends: [] };
  /** For a matcher derived from another: the nodes it has copied, and may change (all others are shared). */
  private owned: Set<TrieNode> | undefined;

  /**
   * A matcher with this one's phrases that copies a node only when a phrase is added through it, so deriving one
   * costs little. This matcher must not be added to afterwards.
   */
  derive(): PhraseMatcher {
    const copy = new PhraseMatcher();
    copy.root = copyNode(this.root);
    copy.owned = new Set([copy.root]);
    return copy;
  }

  add(phrase: string, entry: Omit<PhraseEntry, 'keys' | 'phrase'>): void {
    this.addEntry({ ...entry, keys: phraseKeys(phrase), phrase });
  }

  /** Adds a phrase whose normalised keys are already known (rule data compiled by the build). */
  addEntry(entry: PhraseEntry): void {
    if (entry.keys.length === 0) return;
    let node = this.root;
    for (const key of entry.keys) {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child || (this.owned && !this.owned.has(child))) {
        child = child ? copyNode(child) : { next: undefined, ends: [] };
        node.next.set(key, child);
        this.owned?.add(child);
      }
      node = child;
    }
    node.ends.push(entry);
  }

  /** True when some rule's phrase (not a shield) occurs in `tokens[from, to)`: a block worth analysing. */
  hasRuleMatch(tokens: readonly Token[], from = 0, to = tokens.length): boolean {
    const ruled = (n: TrieNode | undefined): boolean => n !== undefined && n.ends.some((e) => e.rule >= 0);
    for (let i = from; i < to; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; node && j < to; j++) {
        const norm = tokens[j]!.norm;
        if (norm.endsWith("'s") && ruled(node.next?.get(norm.slice(0, -2)))) return true;
        if (norm.length > 2 && norm.endsWith("s'") && ruled(node.next?.get(norm.slice(0, -1)))) return true;
        node = node.next?.get(norm);
        if (ruled(node)) return true;
      }
    }
    return false;
  }

  /**
   * Every phrase occurrence in `tokens[from, to)`, in order of start then length; at most
   * {@link MAX_MATCHES_PER_START} (the longest) per start, so nested organisation terms cannot multiply the work.
   */
  match(tokens: readonly Token[], from = 0, to = tokens.length): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = from; i < to; i++) {
      const first = out.length;
      let node: TrieNode | undefined = this.root;
      for (let j = i; node && j < to; j++) {
        const norm = tokens[j]!.norm;
        // A possessive ends the noun phrase: the phrase may end on its stem, never run on past it.
        const cut = norm.endsWith("'s") ? 2 : norm.length > 2 && norm.endsWith("s'") ? 1 : 0;
        const owner = cut > 0 ? node.next?.get(norm.slice(0, -cut)) : undefined;
        if (owner && owner.ends.length > 0) out.push({ from: i, to: j + 1, entries: owner.ends, possessive: cut });
        node = node.next?.get(norm);
        if (node && node.ends.length > 0) out.push({ from: i, to: j + 1, entries: node.ends });
      }
      if (out.length - first > MAX_MATCHES_PER_START) out.splice(first, out.length - first - MAX_MATCHES_PER_START);
    }
    return out;
  }
}

/** A node's own copy: its map of children and its entries (the children themselves are shared). */
function copyNode(node: TrieNode): TrieNode {
  return { next: node.next && new Map(node.next), ends: [...node.ends] };
}

/**
 * Phrases that end at different lengths from one start and are all reported. Rule data nests at most three deep
 * ("elderly", "elderly care", "elderly care medicine"); only configs with chains of nested terms reach this.
 */
export const MAX_MATCHES_PER_START = 4;

/** True when `tokens` starting at `at` spell out `keys`. */
export function keysAt(tokens: readonly Token[], at: number, keys: readonly string[], limit = tokens.length): boolean {
  if (at < 0 || at + keys.length > limit) return false;
  for (let k = 0; k < keys.length; k++) if (tokens[at + k]!.norm !== keys[k]) return false;
  return true;
}

/**
 * The shields found in one sentence, indexed so that asking whether a match is shielded costs the same however many
 * shields the sentence holds (a document full of allowed phrases would otherwise cost matches × shields).
 */
export class ShieldIndex {
  /** Per rule (or -1 for shields that silence every rule): how many shielded tokens precede each token index. */
  private readonly covered = new Map<number, Int32Array>();

  constructor(
    shields: ReadonlyArray<{ from: number; to: number; entry: PhraseEntry }>,
    private readonly base: number,
    end: number,
  ) {
    const marks = new Map<number, Int32Array>();
    const mark = (rule: number, from: number, to: number): void => {
      let diff = marks.get(rule);
      if (!diff) marks.set(rule, (diff = new Int32Array(end - base + 1)));
      diff[from - base]! += 1;
      diff[to - base]! -= 1;
    };
    for (const { from, to, entry } of shields) {
      if (entry.shields === 'all') mark(-1, from, to);
      else for (const rule of entry.shields ?? []) mark(rule, from, to);
    }
    for (const [rule, diff] of marks) {
      // diff → shielding depth per token → running count of shielded tokens.
      const prefix = new Int32Array(diff.length);
      let depth = 0;
      let count = 0;
      for (let i = 0; i < diff.length - 1; i++) {
        depth += diff[i]!;
        if (depth > 0) count++;
        prefix[i + 1] = count;
      }
      this.covered.set(rule, prefix);
    }
  }

  /** Whether a shield that silences `rule` (or every rule) overlaps tokens [from, to). */
  covers(rule: number, from: number, to: number): boolean {
    for (const key of [-1, rule]) {
      const prefix = this.covered.get(key);
      if (prefix && prefix[to - this.base]! - prefix[from - this.base]! > 0) return true;
    }
    return false;
  }
}
