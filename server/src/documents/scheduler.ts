/** When documents are checked: after a pause in typing (debounce), at once, and when held-back findings are due. */
import type { Clock } from '../clock.js';

/** Why a document is being checked; decides what `fairword.run` allows. */
export type Trigger = 'open' | 'change' | 'save' | 'refresh' | 'manual';

/** The timers of the open documents: one pending check and one pending "show what was held back" each. */
export class Scheduler {
  private readonly checks = new Map<string, unknown>();
  private readonly holds = new Map<string, unknown>();

  /**
   * @param check runs the check of a document (called at most once per schedule, and never after `cancel`); its
   *   promise settles when the check is published, and never rejects
   */
  constructor(
    private readonly clock: Clock,
    private readonly check: (uri: string, trigger: Trigger) => Promise<void>,
  ) {}

  /**
   * Checks a document after `delay` ms, replacing any check already waiting for it. With no delay, the check runs at
   * once and the promise returned settles when it is published.
   */
  schedule(uri: string, delay: number, trigger: Trigger): Promise<void> | undefined {
    this.clear(this.checks, uri);
    if (delay <= 0) return this.check(uri, trigger);
    this.checks.set(
      uri,
      this.clock.setTimeout(() => {
        this.checks.delete(uri);
        void this.check(uri, trigger);
      }, delay),
    );
    return undefined;
  }

  /** Runs `show` after `delay` ms, replacing (or, without `show`, just cancelling) what was held for a document. */
  hold(uri: string, delay: number, show?: () => void): void {
    this.clear(this.holds, uri);
    if (!show) return;
    this.holds.set(
      uri,
      this.clock.setTimeout(() => {
        this.holds.delete(uri);
        show();
      }, delay),
    );
  }

  /** Cancels everything waiting for a document. */
  cancel(uri: string): void {
    this.clear(this.checks, uri);
    this.clear(this.holds, uri);
  }

  /** Cancels everything (shutdown). */
  cancelAll(): void {
    for (const map of [this.checks, this.holds]) {
      for (const timer of map.values()) this.clock.clearTimeout(timer);
      map.clear();
    }
  }

  private clear(map: Map<string, unknown>, uri: string): void {
    if (!map.has(uri)) return;
    this.clock.clearTimeout(map.get(uri));
    map.delete(uri);
  }
}
