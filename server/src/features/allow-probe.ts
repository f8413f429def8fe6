/**
 * Whether adding a flagged term to `allow` silences its rule: it does for word and phrase rules, and not for most
 * logic rules. The engine does not say, so it is found by trying (a linter with the term allowed, on the lines of a
 * finding), once per rule for the life of the server: it is a property of the rule, not of a config. The linter
 * tried shares the compiled rules of the document's linter (`Linter.allowing`). Trying is kept off the quick-fix
 * menu's path (VS Code gives up on a Ctrl+. that is still unanswered half a second after the cursor moved), so the
 * rules of each checked document are tried ahead of time, one at a time between other work.
 */
import type { DocumentKind, Finding, Format } from '@fairword/rules';
import type { Clock } from '../clock.js';
import type { Log } from '../log.js';
import type { ConfigEntry } from '../workspace/configs.js';
import { termToAllow } from './config-edit.js';

/** One rule to try: a finding of it, with its text and the lines around it. */
interface Trial {
  entry: ConfigEntry;
  ruleId: string;
  term: string;
  /** The lines the finding is on. */
  text: string;
  format: Format;
  kind: DocumentKind | undefined;
}

/** Whether allowing a term silences each rule, found by trying; one per server. */
export class AllowProbe {
  private readonly known = new Map<string, boolean>();
  /** Rules tried ahead already, whether or not that told anything: each is tried ahead once. */
  private readonly triedAhead = new Set<string>();
  private readonly waiting = new Map<string, Trial>();
  private draining: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly log: Log,
  ) {}

  /** Whether adding `term` to `allow` silences the finding of `ruleId` in `text` (the lines it is on); tried now if not yet known. */
  allowable(entry: ConfigEntry, ruleId: string, term: string, text: string, format: Format, kind: DocumentKind | undefined): boolean {
    return this.known.get(ruleId) ?? this.tryRule({ entry, ruleId, term, text, format, kind }) ?? false;
  }

  /**
   * Tries, between other work, the rules of a document's span findings that have not been tried yet. Resolves when
   * every rule waiting has been tried.
   */
  warm(entry: ConfigEntry, text: string, findings: readonly Finding[], format: Format, kind: DocumentKind | undefined): Promise<void> {
    let lines: string[] | undefined;
    for (const f of findings) {
      if (f.scope === 'document' || this.known.has(f.ruleId) || this.triedAhead.has(f.ruleId) || this.waiting.has(f.ruleId)) continue;
      lines ??= text.split(/\r?\n/);
      const around = lines.slice(f.range.start.line, f.range.end.line + 1).join('\n');
      this.waiting.set(f.ruleId, { entry, ruleId: f.ruleId, term: termToAllow(f.actual), text: around, format, kind });
    }
    if (this.waiting.size > 0) this.draining ??= this.drain();
    return this.draining ?? Promise.resolve();
  }

  /** Stops trying ahead (shutdown). */
  stop(): void {
    this.stopped = true;
    this.waiting.clear();
  }

  /** Tries the rules waiting, one per turn of the event loop, until none is left (or the server stops). */
  private async drain(): Promise<void> {
    try {
      while (!this.stopped) {
        await this.clock.yield();
        const next = this.waiting.values().next();
        if (next.done) return;
        this.waiting.delete(next.value.ruleId);
        this.triedAhead.add(next.value.ruleId);
        if (!this.known.has(next.value.ruleId)) this.log.guard('probing allow', undefined, () => this.tryRule(next.value));
      }
    } finally {
      this.draining = undefined;
    }
  }

  /** Lints the text with and without the term allowed; undefined when the rule does not flag it there (nothing learnt). */
  private tryRule({ entry, ruleId, term, text, format, kind }: Trial): boolean | undefined {
    const options = { format, ...(kind ? { kind } : {}) };
    const before = entry.linter().lint(text, options).findings.find((f) => f.ruleId === ruleId && termToAllow(f.actual) === term);
    if (!before) return undefined;
    const probe = entry.linter().allowing([term]);
    const after = probe.lint(text, options).findings.some((f) => f.ruleId === ruleId && f.offset.start === before.offset.start);
    this.known.set(ruleId, !after);
    return !after;
  }
}
