/** Time as the host gives it to the server core: timers, and a way to let other work run. */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Resolves once other waiting work (messages, timers) has had a turn. */
  yield(): Promise<void>;
}
