/**
 * A bounded memo of a pure function of text: the least recently used entry is forgotten first. Each linter owns
 * its memos (and shares them with the linters derived from it), so what one linter has seen never changes what
 * another finds, and clearing one linter's memory leaves the others alone.
 */
export class Memo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The value kept for `key`, marked as just used. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }
}
