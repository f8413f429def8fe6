import { matchCase } from './case.js';
import { getRule } from './catalog.js';
import { BUILTIN_RULE_IDS } from './config.js';
import { applyDirectives, parseDirective, type Directive } from './directives.js';
import { lexicon, neverFlag, wordRules } from './generated/data.js';
import { blockSignals, decideKind, kindFromFrontMatter } from './kind.js';
import { byPlace } from './limits.js';
import { keysAt, PhraseMatcher, ShieldIndex, type PhraseEntry } from './matcher.js';
import { MentionDetector } from './mentions.js';
import { headingLike, outline, questionHeading, type OutlineEntry } from './outline.js';
import { inOrganisationName, inPersonName, opensProperName } from './rules/context.js';
import { lineEndOf, lineStartOf, lineStarts, positionAt } from './positions.js';
import { flat, formatFromFilename, proseView, SEGMENT_MEMO_LIMIT, type Block, type ProseView, type SegmentMemo } from './prose.js';
import type { Format } from './types.js';
import type { LogicRule, WordRuleData } from './rule.js';
import { logicRules } from './rules/index.js';
import { analyseDocument, documentRules, FACTS_MEMO_LIMIT, type BlockFacts } from './document/index.js';
import { Memo } from './memo.js';
import { Describer } from './describes.js';
import { unitSentences } from './sentences.js';
import { tokenize, type Token } from './tokens.js';
import {
  RECRUITMENT_KINDS,
  type Category,
  type DocumentKind,
  type FairwordConfig,
  type Finding,
  type LintOptions,
  type LintResult,
  type RuleMeta,
  type Severity,
  type Source,
} from './types.js';

/** A linter with its rules and config compiled once; reuse it for every document. */
export interface Linter {
  lint(text: string, options?: LintOptions): LintResult;
  /**
   * A session for one document being edited: each `lint(text)` re-analyses only what changed since the last call
   * (as the language server does on every keystroke).
   */
  session(options?: LintOptions): LintSession;
  /** The rules this linter runs, with their effective severity. */
  rules(): RuleMeta[];
  /** Forgets results remembered from earlier documents (the next lint analyses every block afresh). */
  clearCache(): void;
  /**
   * This linter with more terms allowed: what `createLinter` gives for the same config with `terms` added to `allow`,
   * sharing this one's compiled rules, so it costs little to make (the language server tries out "Allow" with it).
   */
  allowing(terms: readonly string[]): Linter;
}

/** Lints successive versions of one document, reusing the analysis of unchanged parts. */
export interface LintSession {
  lint(text: string): LintResult;
}

/** Everything known about one analysed version of a document. */
interface DocState {
  text: string;
  format: Format;
  options: LintOptions;
  kind: DocumentKind;
  kindSource: LintResult['kindSource'];
  /** The signals that decided the kind, when the text decided it. */
  kindEvidence: string[];
  /** Where the document's title lines end (its first three lines of prose): headings above it name the document. */
  titleEnd: number;
  /** Kind signals of each prose block, by the block's start. */
  signals: Array<{ start: number; ids: string[] }>;
  /** The first words of the first prose block (real documents often run their title into the text); none without prose. */
  lead: string | undefined;
  starts: number[];
  chunks: Block[];
  /** Findings with positions, before document conditions, directives and repeats. */
  base: Finding[];
  comments: ProseView['comments'];
  headings: Array<{ text: string; offset: number }>;
  frontMatter?: string;
  /** Where the opening (which decides the document kind) ends in the document. */
  openingEnd: number;
  errors: Finding[];
}

/** A short block that labels the criteria below it ("Essential", "Desirable:"). */
const SECTION_LABEL = /^(?:\*\*|__)?\s*(essential|desirable)(?: criteria| requirements)?\s*:?\s*(?:\*\*|__)?\s*:?$/i;

/** The first words of a view's first prose block, if it has one. */
function leadOf(view: ProseView): string | undefined {
  const first = view.blocks[0];
  return first && flat(view.text.slice(first.start, Math.min(first.end, first.start + 100)));
}

/** Where the opening ends: about the first 2,000 characters of prose, to the end of a block. */
function openingEndOf(view: ProseView): number {
  const first = view.blocks[0];
  if (!first) return 0;
  const end = view.blocks.find((b) => b.end >= first.start + 2000)?.end ?? view.blocks.at(-1)!.end;
  return Math.min(end, first.start + 2000);
}


/** Lengths of the common prefix and suffix of two texts (exported for the server's fix-all) (compared a block at a time, then character by character). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  const STEP = 512;
  let p = 0;
  while (p + STEP <= max && a.slice(p, p + STEP) === b.slice(p, p + STEP)) p += STEP;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s + STEP <= max - p && a.slice(a.length - s - STEP, a.length - s) === b.slice(b.length - s - STEP, b.length - s)) s += STEP;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { prefix: p, suffix: s };
}

/** Line starts after an edit that replaced old [p, oldEnd) with text of length (oldEnd - p + delta). */
function updateLineStarts(old: number[], text: string, p: number, oldEnd: number, delta: number): number[] {
  // Keep the starts of lines that begin before the edit's line (a CR before p may pair with an LF inserted at p).
  let k = 0;
  while (k + 1 < old.length && old[k + 1]! < p) k++;
  const out = old.slice(0, k + 1);
  const newEnd = oldEnd + delta;
  let i = old[k]!;
  for (; i < text.length && i <= newEnd + 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    } else if (c === 10) out.push(i + 1);
  }
  // Old starts after the edit, shifted; skip any the scan already covered.
  for (const s of old) if (s > oldEnd && s + delta > i) out.push(s + delta);
  return out;
}

/** A rule ready to run: metadata, effective severity, compiled conditions. */
interface CompiledRule {
  id: string;
  category: Category;
  severity: Severity;
  kinds: DocumentKind[];
  message: string;
  note: string;
  source: Source;
  suggestions: string[];
  word?: WordRuleData;
  logic?: LogicRule;
  cond?: {
    next: string[][];
    object: string[][];
    previous: string[][];
    /** `unless.sentence` phrases by their first key, so a sentence is scanned once whatever their number. */
    sentence: Map<string, string[][]>;
    document: string[][];
    section: RegExp | undefined;
    requiresNext: string[][];
    requiresPrevious: string[][];
  };
}

/** A finding before positions and wording are attached; offsets are absolute. */
interface RawFinding {
  rule: number;
  start: number;
  end: number;
  sentenceStart: boolean;
  /** The phrase as written in rule data (its capitals tell whether the term is capitalised by nature). */
  phrase?: string;
  /** Where the matched phrase ends when the finding also covers the words it requires after it ("black community"). */
  phraseEnd?: number;
  message?: string;
  suggestions?: string[];
  /** The first suggestion may be applied without asking. */
  safe?: boolean;
}

const SOURCE_CONFIG: Source = { title: "Your organisation's Fairword configuration (.fairword.yaml)" };
const BLOCK_CACHE_LIMIT = 5000;
/** Lines a linter reads for kind signals one signal at a time before it reads them by group (see kind.ts). */
const GROUPED_SIGNALS_AFTER = 1000;
const mentions = new MentionDetector();
const describer = new Describer();

/**
 * The end of a document's title lines: its first three non-empty lines ("The Parochial Church Council / of St … /
 * Job Description"). Section headings further down ("Person specification" in an advert) do not name the document.
 */
function titleZoneEnd(view: string): number {
  let lines = 0;
  for (const m of view.matchAll(/[^\r\n]*\S[^\r\n]*/g)) if (++lines === 3) return m.index + m[0].length;
  return view.length;
}

/** Space-separated phrase keys as token lists. */
function split(keys: string[]): string[][] {
  return keys.map((k) => k.split(' '));
}

/** Phrase keys grouped by their first key. */
function byFirstKey(keys: string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const k of keys) {
    const list = out.get(k[0]!);
    if (list) list.push(k);
    else out.set(k[0]!, [k]);
  }
  return out;
}

/** A case-insensitive test for any of the phrases as whole words, hyphens and spaces alike. */
function anyPhrase(phrases: string[]): RegExp {
  // As a tree of words ("drive (young people|children|…)"), so that a long list costs one test per word, not per phrase.
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const p of phrases) {
    let node = root;
    for (const w of p.trim().toLowerCase().split(/[\s-]+/)) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = (node: Node): string => {
    const branches = [...node.next].map(([w, child]) => {
      const rest = child.next.size > 0 ? `(?:[\\s-]+${source(child)})` : '';
      return escape(w) + (rest ? (child.end ? `${rest}?` : rest) : '');
    });
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  // A phrase the text denies does not count: "home visits are not part of this role", "there are no home visits",
  // "this post does not involve driving the van".
  return new RegExp(`(?<![\\p{L}\\p{N}])(?<!(?:\\b(?:no|not|without|never|nor)|n['’]t)\\s+(?:\\p{L}+\\s+)?)${source(root)}(?![\\p{L}\\p{N}])(?!\\s+(?:are|is|will be|would be)\\s+not\\b|\\s+(?:aren|isn|won)['’]t\\b)`, 'iu');
}

/** Options for `createLinter` beyond the user's config. */
export interface CreateLinterOptions {
  /** Extra logic rules to run alongside the built-in ones (for tests and embedders; not reachable from config files). */
  extraRules?: LogicRule[];
}

/** Compiles the rules and config once. */
export function createLinter(config: FairwordConfig = {}, options: CreateLinterOptions = {}): Linter {
  return new FairwordLinter(config, options.extraRules ?? []);
}

/** Lints one document with a one-off linter. Prefer `createLinter` when linting many documents. */
export function lint(text: string, options: LintOptions & { config?: FairwordConfig } = {}): LintResult {
  const { config, ...rest } = options;
  return createLinter(config).lint(text, rest);
}

class FairwordLinter implements Linter {
  private readonly compiled: CompiledRule[] = [];
  private readonly matcher: PhraseMatcher;
  private readonly logic: Array<{ index: number; rule: LogicRule; triggers: Set<string> }> = [];
  /** For each trigger word, the positions in `logic` of the rules it triggers. */
  private readonly triggered = new Map<string, number[]>();
  /** Per-block results keyed by kind, section and block text, with offsets relative to the block. */
  private readonly blockCache = new Map<string, RawFinding[]>();
  /** `unless.document` phrases by rule id. */
  private readonly documentConds = new Map<string, string[][]>();
  /** Kind signals by block text. */
  private readonly signalCache = new Map<string, string[]>();
  /** `unless.anywhere` tests by rule id. */
  private readonly anywhereConds = new Map<string, RegExp>();
  private docKeysCache: { joined: string; keys: string } | undefined;
  /** Lines read for kind signals: past GROUPED_SIGNALS_AFTER, the grouped reading pays back its compile time. */
  private signalLines = 0;
  private readonly termKeys = new Map<string, string>();
  /** Markdown segments this linter has parsed, or found it need not parse. */
  private readonly segments = new Memo<SegmentMemo>(SEGMENT_MEMO_LIMIT);
  /** Facts of the blocks this linter's document analysis has read. */
  private readonly facts = new Memo<BlockFacts>(FACTS_MEMO_LIMIT);

  /** True when a Markdown segment could hold a finding, so it is worth parsing. */
  private readonly needed = (segment: string): boolean => {
    // Emphasis and escape characters are masked as spaces in the view, so words they split may join into a phrase.
    const text = /[*_~\\]/.test(segment) ? segment.replace(/[*_~\\]/g, ' ') : segment;
    return this.isCandidate(text, tokenize(text));
  };

  /** True when some phrase occurs in the tokens, or some logic rule's triggers (and prescan) match the text. */
  private isCandidate(text: string, tokens: Token[]): boolean {
    if (this.matcher.hasRuleMatch(tokens)) return true;
    for (const { rule, triggers } of this.logic) {
      if (rule.prescan ? rule.prescan.test(text) : tokens.some((t) => triggers.has(t.norm))) return true;
    }
    return false;
  }

  /** Severity a rule runs at under this config, or undefined when it is off. */
  private effective(id: string, base: Severity, onByDefault: boolean): Severity | undefined {
    const s = (this.config.rules ?? {})[id];
    if (s === 'off') return undefined;
    if (s === undefined) return onByDefault ? base : undefined;
    if (typeof s === 'string') return s;
    if (s.severity === 'off') return undefined;
    return s.severity ?? base;
  }

  /** Effective severity of each document rule (document rules run inside `analyseDocument`). */
  private readonly documentSeverity = (id: string, base: Severity): Severity | undefined =>
    this.effective(id, base, documentRules.find((r) => r.id === id)?.enabledByDefault ?? true);

  /** With `from`, a linter for `config` that is `from`'s config with terms added to `allow` (see `allowing`). */
  constructor(
    private readonly config: FairwordConfig,
    extraRules: LogicRule[] = [],
    from?: { linter: FairwordLinter; allowed: readonly string[] },
  ) {
    if (from) {
      const base = from.linter;
      this.compiled.push(...base.compiled);
      this.logic.push(...base.logic);
      for (const [k, v] of base.triggered) this.triggered.set(k, v);
      for (const [k, v] of base.documentConds) this.documentConds.set(k, v);
      for (const [k, v] of base.anywhereConds) this.anywhereConds.set(k, v);
      // Allowed terms are the last phrases a linter adds, so adding these after the base's gives the same trie.
      this.matcher = base.matcher.derive();
      for (const allowed of from.allowed) this.matcher.add(allowed, { rule: -1, shields: 'all' });
      return;
    }
    this.matcher = new PhraseMatcher();
    const effective = this.effective.bind(this);

    const choices = (config.choices ?? {}) as Record<string, string>;
    for (const r of wordRules) {
      const chosen = !r.onlyWhen || Object.entries(r.onlyWhen).every(([k, v]) => choices[k] === v);
      const severity = effective(r.id, r.severity, r.enabledByDefault && chosen);
      if (!severity) continue;
      if (r.offWhen && Object.entries(r.offWhen).some(([k, v]) => choices[k] === v)) continue;
      const index = this.compiled.length;
      this.compiled.push({
        id: r.id,
        category: r.category,
        severity,
        kinds: r.kinds,
        message: r.message,
        note: r.note,
        source: r.sources[0]!,
        suggestions: r.suggestions,
        word: r,
        cond: {
          next: split(r.keys.next),
          object: split(r.keys.object),
          previous: split(r.keys.previous),
          sentence: byFirstKey(split(r.keys.sentence)),
          document: split(r.keys.document),
          section: r.unless?.section ? anyPhrase(r.unless.section) : undefined,
          requiresNext: split(r.keys.requiresNext),
          requiresPrevious: split(r.keys.requiresPrevious),
        },
      });
      for (const p of r.phrases) {
        this.matcher.addEntry({
          keys: p.keys.split(' '),
          phrase: p.phrase,
          rule: index,
          ...(p.suggestions ? { suggestions: p.suggestions } : {}),
          ...(p.case ? { case: p.case } : {}),
          ...(p.after ? { after: split(p.after) } : {}),
          ...(p.safe ? { safe: true } : {}),
        });
      }
      for (const within of r.unless?.within ?? []) this.matcher.add(within, { rule: -1, shields: new Set([index]) });
      if (r.keys.document.length > 0) this.documentConds.set(r.id, split(r.keys.document));
      if (r.unless?.anywhere) this.anywhereConds.set(r.id, anyPhrase(r.unless.anywhere));
    }

    const termSeverity = effective('custom-term', 'warning', true);
    if (termSeverity) {
      for (const term of config.terms ?? []) {
        const index = this.compiled.length;
        this.compiled.push({
          id: 'custom-term',
          category: 'general',
          severity: term.severity ?? termSeverity,
          kinds: [],
          message: term.reason ? `'{actual}': ${term.reason}` : `'{actual}' is on your organisation's list of terms to avoid.`,
          note: term.reason ?? "Your organisation's Fairword configuration lists this term to avoid.",
          source: SOURCE_CONFIG,
          suggestions: term.suggestions ?? [],
        });
        // An organisation's own term with one replacement is its chosen wording: safe to apply.
        this.matcher.add(term.phrase, { rule: index, ...(term.suggestions?.length === 1 ? { safe: true } : {}) });
      }
    }

    for (const rule of [...logicRules, ...extraRules]) {
      const severity = effective(rule.meta.id, rule.meta.severity, rule.meta.enabledByDefault);
      if (!severity) continue;
      const index = this.compiled.length;
      this.compiled.push({
        id: rule.meta.id,
        category: rule.meta.category,
        severity,
        kinds: rule.meta.kinds,
        message: rule.meta.message,
        note: rule.meta.note,
        source: rule.meta.sources[0]!,
        suggestions: rule.meta.suggestions,
        logic: rule,
      });
      for (const word of new Set(rule.triggers)) {
        const rules = this.triggered.get(word);
        if (rules) rules.push(this.logic.length);
        else this.triggered.set(word, [this.logic.length]);
      }
      this.logic.push({ index, rule, triggers: new Set(rule.triggers) });
      if (rule.unlessAnywhere) this.anywhereConds.set(rule.meta.id, anyPhrase(rule.unlessAnywhere));
    }

    // Names that are never flagged, and terms the organisation allows, silence every rule over their span.
    for (const name of neverFlag) this.matcher.add(name, { rule: -1, shields: 'all' });
    for (const allowed of config.allow ?? []) this.matcher.add(allowed, { rule: -1, shields: 'all' });
  }

  allowing(terms: readonly string[]): Linter {
    return new FairwordLinter({ ...this.config, allow: [...(this.config.allow ?? []), ...terms] }, [], { linter: this, allowed: terms });
  }

  clearCache(): void {
    this.blockCache.clear();
    this.signalCache.clear();
    this.segments.clear();
    this.facts.clear();
  }

  rules(): RuleMeta[] {
    const seen = new Set<string>();
    const out: RuleMeta[] = [];
    for (const r of this.compiled) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const meta = r.word ?? r.logic?.meta;
      out.push({
        id: r.id,
        category: r.category,
        severity: r.severity,
        kinds: r.kinds,
        title: meta?.title ?? 'Organisation terms',
        note: r.note,
        sources: meta?.sources ?? [SOURCE_CONFIG],
        enabledByDefault: meta?.enabledByDefault ?? true,
        examples: meta?.examples ?? { ok: [], notOk: [] },
      });
    }
    for (const r of documentRules) {
      const severity = this.documentSeverity(r.id, r.severity);
      if (severity) out.push({ ...r, severity });
    }
    return out;
  }

  lint(text: string, options: LintOptions = {}): LintResult {
    return this.finish(this.analyseWhole(text, options));
  }

  session(options: LintOptions = {}): LintSession {
    let state: DocState | undefined;
    let result: LintResult | undefined;
    return {
      lint: (text: string): LintResult => {
        if (state && result && state.text === text) return result;
        state = (state && this.analyseChange(state, text)) ?? this.analyseWhole(text, options);
        result = this.finish(state);
        return result;
      },
    };
  }

  /** Analyses a whole document. */
  private analyseWhole(text: string, options: LintOptions): DocState {
    const format = options.format ?? (options.filename ? formatFromFilename(options.filename) : undefined) ?? 'plaintext';
    const view = proseView(text, format, this.needed, this.segments);
    const headings = outline(view, text).map((h) => ({ text: flat(h.text), offset: h.offset }));
    const signals = this.blockSignals(view, 0);
    const lead = leadOf(view);
    const titleEnd = titleZoneEnd(view.text);
    const { kind, kindSource, kindEvidence } = this.detectKind(view.frontMatter, signals, lead, headings, titleEnd, options);
    const starts = lineStarts(text);
    const region = this.analyseRegion(text, 0, view, headings, kind, '', starts);
    return {
      text,
      format,
      options,
      kind,
      kindSource,
      kindEvidence,
      titleEnd,
      signals,
      lead,
      starts,
      chunks: view.chunks,
      base: region.findings,
      comments: view.comments,
      headings,
      ...(view.frontMatter !== undefined ? { frontMatter: view.frontMatter } : {}),
      openingEnd: openingEndOf(view),
      errors: region.errors,
    };
  }

  /**
   * Re-analyses only the chunks an edit touched and shifts the rest. Returns undefined when the edit changes
   * something document-wide (headings, front matter, opening text, Markdown fences or comments): then the caller
   * analyses the whole document.
   */
  private analyseChange(prev: DocState, text: string): DocState | undefined {
    const old = prev.text;
    const { prefix: p, suffix: sfx } = commonEnds(old, text);
    const oldEnd = old.length - sfx;
    const delta = text.length - old.length;
    const chunks = prev.chunks;
    let i = 0;
    while (i < chunks.length && chunks[i]!.end < p - 1) i++;
    let j = i - 1;
    while (j + 1 < chunks.length && chunks[j + 1]!.start <= oldEnd + 1) j++;
    const rs = i > 0 ? chunks[i - 1]!.end : 0;
    const re = j + 1 < chunks.length ? chunks[j + 1]!.start : old.length;
    // The opening decides the document kind: an edit there is analysed with the whole document.
    if (rs === 0 || p <= prev.openingEnd) return undefined;
    const oldRegion = old.slice(rs, re);
    const newRegion = text.slice(rs, re + delta);
    if (prev.format === 'markdown' && /```|~~~|<!--|-->/.test(oldRegion + newRegion)) return undefined;

    const view = proseView(newRegion, prev.format, this.needed, this.segments);
    const regionHeadings = outline(view, newRegion);
    const oldHeadings = prev.headings.filter((h) => h.offset >= rs && h.offset < re).map((h) => h.text);
    if (oldHeadings.join('\n') !== regionHeadings.map((h) => flat(h.text)).join('\n')) return undefined;

    const signalsBefore = prev.signals.filter((b) => b.start < rs);
    const signalsWithin = this.blockSignals(view, rs);
    const signalsAfter = prev.signals.filter((b) => b.start >= re).map((b) => ({ ...b, start: b.start + delta }));
    // The first block's words are kept for the first block only: a later block that becomes the first is read afresh.
    if (signalsBefore.length === 0 && signalsWithin.length === 0 && signalsAfter.length > 0) return undefined;
    const signals = [...signalsBefore, ...signalsWithin, ...signalsAfter];
    const lead = signalsBefore.length > 0 ? prev.lead : leadOf(view);
    const newHeadings = [
      ...prev.headings.filter((h) => h.offset < rs),
      ...regionHeadings.map((h) => ({ text: flat(h.text), offset: h.offset + rs })),
      ...prev.headings.filter((h) => h.offset >= re).map((h) => ({ text: h.text, offset: h.offset + delta })),
    ];
    // The kind rests on the whole text: when an edit changes it, every block is analysed again under the new kind.
    const decided = this.detectKind(prev.frontMatter, signals, lead, newHeadings, prev.titleEnd, prev.options);
    if (decided.kind !== prev.kind || decided.kindEvidence.join('\n') !== prev.kindEvidence.join('\n')) return undefined;
    const starts = updateLineStarts(prev.starts, text, p, oldEnd, delta);
    const lineDelta = starts.length - prev.starts.length;
    const section = prev.headings.filter((h) => h.offset < rs).at(-1)?.text ?? '';
    const region = this.analyseRegion(newRegion, rs, view, regionHeadings, prev.kind, section, starts);
    const shift = (f: Finding): Finding => ({
      ...f,
      offset: { start: f.offset.start + delta, end: f.offset.end + delta },
      range: {
        start: { line: f.range.start.line + lineDelta, character: f.range.start.character },
        end: { line: f.range.end.line + lineDelta, character: f.range.end.character },
      },
    });
    const before = <T extends { start: number }>(x: T): boolean => x.start < rs;
    const after = <T extends { start: number }>(x: T): boolean => x.start >= re;
    return {
      ...prev,
      text,
      starts,
      chunks: [
        ...chunks.slice(0, i),
        ...view.chunks.map((c) => ({ start: c.start + rs, end: c.end + rs })),
        ...chunks.slice(j + 1).map((c) => ({ start: c.start + delta, end: c.end + delta })),
      ],
      base: [
        ...prev.base.filter((f) => f.offset.start < rs),
        ...region.findings,
        ...prev.base.filter((f) => f.offset.start >= re).map(shift),
      ],
      comments: [
        ...prev.comments.filter(before),
        ...view.comments.map((c) => ({ value: c.value, start: c.start + rs, end: c.end + rs })),
        ...prev.comments.filter(after).map((c) => ({ value: c.value, start: c.start + delta, end: c.end + delta })),
      ],
      headings: newHeadings,
      signals,
      lead,
      errors: [...prev.errors, ...region.errors.filter((e) => !prev.errors.some((x) => x.actual === e.actual))],
    };
  }

  /** Analyses the blocks of `view`, a view of `text` starting at `offset` in the document. */
  private analyseRegion(
    text: string,
    offset: number,
    view: ProseView,
    headings: OutlineEntry[],
    kind: DocumentKind,
    sectionBefore: string,
    starts: number[],
  ): { findings: Finding[]; errors: Finding[] } {
    const raw: RawFinding[] = [];
    const errors: Finding[] = [];
    let section = sectionBefore;
    let h = 0;
    const columns = new TableColumns(text);
    for (const block of view.blocks) {
      while (h < headings.length && headings[h]!.offset <= block.start) section = headings[h++]!.text;
      const label = view.text.slice(block.start, Math.min(block.end, block.start + 40)).trim();
      // A cell under an "Essential" or "Desirable" column heading is under that label, whatever the heading above.
      // A row with an "Essential" or "Desirable" cell is under that label itself.
      const column = columns.rowLabel(block.start, SECTION_LABEL) ?? columns.headingOf(block.start);
      this.analyseBlock(view.text, block, kind, column !== undefined && SECTION_LABEL.test(column) ? column : section, raw, errors);
      // A cell that says "Essential" labels its own row, not the rows below it.
      if (SECTION_LABEL.test(label) && !columns.inRow(block.start)) section = label.replace(/[:\s]+$/, '');
    }
    raw.sort((a, b) => a.start - b.start || a.end - b.end);
    return { findings: raw.map((f) => this.toFinding(text, view.text, offset, starts, f)), errors };
  }

  /** Turns an analysed document into the result: document conditions, directives, repeats, document checks. */
  private finish(state: DocState): LintResult {
    // The opening line tells what a document is as a title does: "Implementation of the Workforce Race Equality Standard …".
    const docKeys = this.documentKeys([...state.headings.map((h) => h.text), openingLine(state.text)], state.frontMatter);
    // Each rule's document conditions are decided once: a document of many findings and many short heading-like
    // lines would otherwise cost findings × headings.
    const quiet = new Map<string, boolean>();
    const kept = state.base.filter((f) => {
      let off = quiet.get(f.ruleId);
      if (off === undefined) {
        const conds = this.documentConds.get(f.ruleId);
        const test = this.anywhereConds.get(f.ruleId);
        off = (conds?.some((keys) => docKeys.includes(` ${keys.join(' ')} `)) ?? false) || (test?.test(state.text) ?? false);
        quiet.set(f.ruleId, off);
      }
      return !off;
    });
    const directives = state.comments
      .map((c) => parseDirective(c.value, c.start, c.end))
      .filter((d): d is Directive => d !== undefined);
    let report: LintResult['report'] = {};
    if (RECRUITMENT_KINDS.has(state.kind) || state.options.report) {
      const view = proseView(state.text, state.format, undefined, this.segments);
      const analysis = analyseDocument({ source: state.text, view, kind: state.kind, starts: state.starts, facts: this.facts }, this.documentSeverity);
      const allowed = new Set((this.config.allow ?? []).map((a) => a.toLowerCase()));
      kept.push(...analysis.findings.filter((f) => !allowed.has(f.actual.toLowerCase())));
      kept.sort((a, b) => a.offset.start - b.offset.start || a.offset.end - b.offset.end);
      report = { ...analysis.report, kind: state.kind, findingsByCategory: {} };
    }
    let findings = applyDirectives(state.text, state.starts, kept, directives, isKnownRule);
    findings = this.markRepeats(joinSpelledOut(findings, state.text, state.starts));
    findings.push(...state.errors);
    findings.sort(byPlace);
    if ('findingsByCategory' in report) {
      const byCategory: Partial<Record<Category, number>> = {};
      for (const f of findings) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
      report.findingsByCategory = byCategory;
    }
    return {
      kind: state.kind,
      kindSource: state.kindSource,
      ...(state.kindSource === 'text' ? { kindEvidence: state.kindEvidence } : {}),
      findings,
      report,
    };
  }

  /**
   * The document kind: forced by the options, named in front matter, or decided from signals across the whole text
   * (with the signals that decided it); 'general' when the signals are weak or point two ways.
   */
  private detectKind(
    frontMatter: string | undefined,
    signals: DocState['signals'],
    lead: string | undefined,
    headings: ReadonlyArray<{ text: string; offset: number }>,
    titleEnd: number,
    options: LintOptions,
  ): Pick<DocState, 'kind' | 'kindSource' | 'kindEvidence'> {
    if (options.kind) return { kind: options.kind, kindSource: 'option', kindEvidence: [] };
    const fromFront = kindFromFrontMatter(frontMatter);
    if (fromFront) return { kind: fromFront, kindSource: 'front-matter', kindEvidence: [] };
    // The title: the first headings, and the first words of the text (real documents often run the title into it).
    const titles = headings.filter((h) => h.offset < titleEnd).map((h) => h.text);
    if (lead !== undefined) titles.push(lead);
    const decided = decideKind(
      signals.flatMap((b) => b.ids),
      titles,
    );
    if (decided) return { kind: decided.kind, kindSource: 'text', kindEvidence: decided.evidence };
    return { kind: 'general', kindSource: 'default', kindEvidence: [] };
  }

  /** Kind signals of each block of a view that starts at `offset` in the document. */
  private blockSignals(view: ProseView, offset: number): DocState['signals'] {
    return view.blocks.map((b) => ({ start: b.start + offset, ids: this.signalsOf(view.text.slice(b.start, b.end)) }));
  }

  /** Kind signals of one block, line by line (a heading-like line is read as a heading), from cache when seen before. */
  private signalsOf(block: string): string[] {
    const key = flat(block);
    let found = this.signalCache.get(key);
    if (!found) {
      found = [];
      for (const m of block.matchAll(/[^\r\n]+/g)) found.push(...blockSignals(m[0].trim(), headingLike(m[0]) || questionHeading(m[0]), ++this.signalLines > GROUPED_SIGNALS_AFTER));
      if (this.signalCache.size >= BLOCK_CACHE_LIMIT) this.signalCache.delete(this.signalCache.keys().next().value!);
      this.signalCache.set(key, found);
    }
    return found;
  }

  /** Headings and front matter as one normalised string, for `unless.document` conditions. */
  private documentKeys(headings: string[], frontMatter: string | undefined): string {
    // Comments in front matter are notes to editors, not part of the document.
    const joined = `${headings.join(' \n ')} \n ${(frontMatter ?? '').replace(/^\s*#.*$/gm, '')}`;
    if (this.docKeysCache?.joined !== joined) {
      this.docKeysCache = { joined, keys: ` ${tokenize(joined).map((t) => t.norm).join(' ')} ` };
    }
    return this.docKeysCache.keys;
  }

  /** Analyses one block, from cache when the same text was seen before under the same kind and section. */
  private analyseBlock(view: string, block: Block, kind: DocumentKind, section: string, out: RawFinding[], errors: Finding[]): void {
    // The key covers the whole lines the block is on: a table cell's result may depend on its row.
    const lineStart = view.lastIndexOf('\n', block.start - 1) + 1;
    const lineEnd = view.indexOf('\n', block.end);
    const key = `${kind}\u0000${section}\u0000${block.start - lineStart}\u0000${flat(view.slice(lineStart, lineEnd < 0 ? view.length : lineEnd))}`;
    const cached = this.blockCache.get(key);
    if (cached) {
      for (const f of cached) out.push(moveRaw(f, block.start));
      return;
    }
    const tokens = tokenize(view, block.start, block.end);
    const found: RawFinding[] = [];
    let failed = false;
    if (this.isCandidate(view.slice(block.start, block.end), tokens)) {
      let ti = 0;
      for (const [s, e, parsed] of this.sentences(view, block, tokens)) {
        const from = ti;
        while (ti < tokens.length && tokens[ti]!.start < e) ti++;
        if (parsed && ti > from) failed = this.analyseSentence(view, tokens, from, ti, s, e, kind, section, found, errors) || failed;
      }
    }
    // Someone's quoted words are reported, but only they may change them: no fix inside a quotation is applied unasked.
    if (found.some((f) => f.safe) && /["“”]/.test(view.slice(block.start, block.end))) {
      const speech = mentions.quotedSpans(view, block.start, block.end, 5000).filter(([s, e]) => e - s > 200);
      for (const f of found) if (f.safe && speech.some(([s, e]) => f.start >= s && f.end <= e)) f.safe = false;
    }
    for (const f of found) out.push(f);
    if (failed) return;
    if (this.blockCache.size >= BLOCK_CACHE_LIMIT) this.blockCache.delete(this.blockCache.keys().next().value!);
    this.blockCache.set(key, found.map((f) => moveRaw(f, -block.start)));
  }

  /**
   * Sentence ranges of a block (absolute offsets), the last one stretched to the end of the block, each with whether
   * it was parsed. A line unit's sentences take exactly the unit's tokens, so a unit whose tokens hold no phrase and no
   * logic rule's trigger is not parsed: it stands as one range that is not analysed. retext-english reads U+0085 as
   * white space and the tokenizer does not, so a block holding one has every unit parsed.
   */
  private sentences(view: string, block: Block, tokens: Token[]): Array<[number, number, boolean]> {
    const text = view.slice(block.start, block.end);
    let next = 0;
    const worth = (_from: number, to: number): boolean => {
      const first = next;
      while (next < tokens.length && tokens[next]!.start < block.start + to) next++;
      return this.matcher.hasRuleMatch(tokens, first, next) || tokens.slice(first, next).some((t) => this.triggered.has(t.norm));
    };
    const out: Array<[number, number, boolean]> = [];
    for (const unit of unitSentences(text, text.includes('\u0085') ? undefined : worth)) {
      if (!unit.sentences) out.push([block.start + unit.from, block.start + unit.to, false]);
      else for (const [s, e] of unit.sentences) out.push([block.start + s, block.start + e, true]);
    }
    if (out.length === 0) out.push([block.start, block.end, true]);
    else out[out.length - 1]![1] = Math.max(out[out.length - 1]![1], block.end);
    return out;
  }

  /** Matches phrases and runs logic rules over one sentence. Returns true if a rule threw. */
  private analyseSentence(
    view: string,
    tokens: Token[],
    from: number,
    to: number,
    start: number,
    end: number,
    kind: DocumentKind,
    section: string,
    out: RawFinding[],
    errors: Finding[],
  ): boolean {
    let firstWord = from;
    while (firstWord < to && !tokens[firstWord]!.word) firstWord++;
    const sentenceFound = out.length;
    const shields: Array<{ from: number; to: number; entry: PhraseEntry }> = [];
    const candidates: Array<{ from: number; to: number; entry: PhraseEntry; possessive?: number }> = [];
    for (const m of this.matcher.match(tokens, from, to)) {
      for (const entry of m.entries) {
        if (entry.rule === -1) shields.push({ from: m.from, to: m.to, entry });
        else candidates.push({ from: m.from, to: m.to, entry, ...(m.possessive ? { possessive: m.possessive } : {}) });
      }
    }
    const shielded = new ShieldIndex(shields, from, to);
    const passed = candidates.filter(({ from: f, to: t, entry }) => {
      const rule = this.compiled[entry.rule]!;
      if (shielded.covers(entry.rule, f, t)) return false;
      if (rule.kinds.length > 0 && !rule.kinds.includes(kind)) return false;
      if (!phraseHolds(entry, tokens, f, t, from, firstWord)) return false;
      if (inOrganisationName(tokens, f, t) || inPersonName(tokens, f, t) || opensProperName(tokens, f, t, from, to)) return false;
      return this.conditionsHold(rule, tokens, f, t, from, to, section, kind);
    });
    // A term quoted, cited, discouraged or listed for discussion is mentioned, not used.
    let citation: boolean | undefined;
    const cited = (): boolean => (citation ??= mentions.isCitation(view.slice(start, end)));
    if (passed.length > 0 && cited()) return false;
    let quoted: Array<[number, number]> | undefined;
    const inQuotes = (s: number, e: number): boolean =>
      (quoted ??= mentions.quotedSpans(view, start, end)).some(([qs, qe]) => s >= qs && e <= qe);
    if (mentions.isListing(tokens, from, to, new Set(passed.map((m) => this.compiled[m.entry.rule]!.id)).size, passed)) return false;

    // Longest match wins; overlapping shorter matches are dropped.
    passed.sort((a, b) => a.from - b.from || b.to - a.to);
    let reachedTo = -1;
    for (const m of passed) {
      if (m.from < reachedTo) continue;
      reachedTo = m.to;
      if (inQuotes(tokens[m.from]!.start, tokens[m.to - 1]!.end) || mentions.hasCue(tokens, m.from, from) || mentions.isDiscussed(tokens, m.to, to)) continue;
      // The term being defined ("BME refers to …", "Black Asian Minority Ethnic (BAME) means …") is mentioned, not used.
      if (mentions.defines(tokens, m.to, to)) continue;
      // Words a rule requires after the phrase are part of what the writer should change: "black community". A tail
      // that runs on through a list ("white, black, Asian", "asian and black african") is not: the other items are
      // findings of their own.
      const needed = this.compiled[m.entry.rule]!.cond?.requiresNext ?? [];
      const tail = needed.reduce((n, k) => (k.length > n && !LIST_JOINERS.has(k[0]!) && keysAt(tokens, m.to, k, to) && wordsOnly(tokens, m.to, k.length) ? k.length : n), 0);
      const end = tokens[m.to + tail - 1]!.end - (tail > 0 ? 0 : (m.possessive ?? 0));
      out.push({
        rule: m.entry.rule,
        start: tokens[m.from]!.start,
        end,
        sentenceStart: m.from === firstWord,
        phrase: m.entry.phrase,
        ...(tail > 0 ? { phraseEnd: tokens[m.to - 1]!.end - (m.possessive ?? 0) } : {}),
        ...(m.entry.suggestions ? { suggestions: m.entry.suggestions } : {}),
        ...(m.entry.safe ? { safe: true } : {}),
      });
    }

    let failed = false;
    let sentenceTokens: Token[] | undefined;
    let hit: Uint8Array | undefined;
    for (let i = from; i < to; i++) {
      const rules = this.triggered.get(tokens[i]!.norm);
      if (rules) for (const k of rules) (hit ??= new Uint8Array(this.logic.length))[k] = 1;
    }
    for (let k = 0; hit && k < this.logic.length; k++) {
      if (!hit[k]) continue;
      const { index, rule } = this.logic[k]!;
      if (rule.meta.kinds.length > 0 && !rule.meta.kinds.includes(kind)) continue;
      try {
        rule.check({ text: view, tokens: (sentenceTokens ??= tokens.slice(from, to)), start, end, kind, section }, (r) => {
          if (cited() || inQuotes(r.start, r.end)) return;
          out.push({
            rule: index,
            start: r.start,
            end: r.end,
            sentenceStart: firstWord < to && tokens[firstWord]!.start === r.start,
            ...(r.message ? { message: r.message } : {}),
            ...(r.suggestions ? { suggestions: r.suggestions } : {}),
            ...(r.safe ? { safe: true } : {}),
          });
        });
      } catch (error) {
        failed = true;
        if (!errors.some((e) => e.actual === rule.meta.id)) errors.push(ruleError(rule.meta.id, error));
      }
    }
    this.keepPronounsAgreeing(out, sentenceFound);
    return failed;
  }

  /**
   * A sentence changed to "they" in one place and left as "he/she" in another reads wrong: when any pronoun fix in
   * the sentence is left to the writer, all of them are.
   */
  private keepPronounsAgreeing(out: RawFinding[], from: number): void {
    const pronoun = (f: RawFinding): boolean => /^(?:they|their|them|themselves)\b/i.test((f.suggestions ?? this.compiled[f.rule]!.suggestions)[0] ?? '');
    const mine = out.slice(from).filter(pronoun);
    if (mine.some((f) => !f.safe)) for (const f of mine) f.safe = false;
  }

  private conditionsHold(
    rule: CompiledRule,
    tokens: Token[],
    f: number,
    t: number,
    sFrom: number,
    sTo: number,
    section: string,
    kind: DocumentKind,
  ): boolean {
    const word = rule.word;
    const cond = rule.cond;
    if (!word || !cond) return true;
    const first = tokens[f]!.text;
    if (word.case === 'lower' && first.charAt(0) !== first.charAt(0).toLowerCase()) return false;
    if (word.case === 'exact') {
      const actual = tokens.slice(f, t).map((x) => x.text).join(' ');
      if (!word.phrases.some((p) => p.phrase === actual)) return false;
    }
    if (cond.next.some((k) => keysAt(tokens, t, k, sTo))) return false;
    if (cond.object.length > 0 && objectIs(cond.object, tokens, t, sTo)) return false;
    if (cond.previous.some((k) => keysAt(tokens, f - k.length, k, sTo) && f - k.length >= sFrom)) return false;
    if (cond.requiresNext.length > 0 && !cond.requiresNext.some((k) => keysAt(tokens, t, k, sTo))) return false;
    if (cond.requiresPrevious.length > 0 && !cond.requiresPrevious.some((k) => f - k.length >= sFrom && keysAt(tokens, f - k.length, k, sTo))) return false;
    if (cond.sentence.size > 0) {
      for (let i = sFrom; i < sTo; i++) if (cond.sentence.get(tokens[i]!.norm)?.some((k) => keysAt(tokens, i, k, sTo))) return false;
    }
    if (cond.section?.test(section)) return false;
    // One named person's title, reported ("Sam Lee, chairman of the allotment society, said"), is how the body styles
    // that office: the finding is for titles of posts and roles.
    if (word.about === 'role') return !describer.onePerson(tokens, f, t, sFrom, sTo);
    if (word.about === 'chosen') return RECRUITMENT_KINDS.has(kind) || describer.chosen(tokens, f, sFrom, sTo);
    if (word.about) {
      const who = describer.describe(tokens, f, t, sFrom, sTo, section);
      if (word.about === 'not-others' && who === 'others') return false;
      // Outside recruitment documents a team described as young is news, not a requirement: only a sentence that is
      // choosing someone ("we want a young team", "to join our young team") counts.
      if (word.about === 'workforce' && who !== 'candidate') {
        if (who !== 'team') return false;
        if (!RECRUITMENT_KINDS.has(kind) && !describer.choosing(tokens, f, sFrom, sTo)) return false;
      }
      if ((word.about === 'candidate' || word.about === 'applicant') && (who === 'team' || who === 'others' || who === 'thing')) return false;
      if (word.about === 'applicant' && !RECRUITMENT_KINDS.has(kind) && !describer.choosing(tokens, f, sFrom, sTo)) return false;
    }
    return true;
  }

  /**
   * Attaches wording and positions; `f` is relative to `text` (and its view), which starts at `offset` in the document.
   * A phrase that runs across markup or a link target ("[young](url) person") is reported without replacements:
   * replacing its whole span would delete the markup.
   */
  private toFinding(text: string, view: string, offset: number, starts: number[], f: RawFinding): Finding {
    const rule = this.compiled[f.rule]!;
    const actual = flat(text.slice(f.start, f.end));
    const crossesMarkup = view.slice(f.start, f.end) !== actual;
    const capitalisedByNature = f.phrase !== undefined && /^\p{Lu}/u.test(f.phrase);
    const written = f.phraseEnd === undefined ? actual : flat(text.slice(f.start, f.phraseEnd));
    const tail = f.phraseEnd === undefined ? '' : view.slice(f.phraseEnd, f.end);
    const suggestions = (crossesMarkup ? [] : (f.suggestions ?? rule.suggestions)).map((s) => {
      const fitted = f.sentenceStart ? s.charAt(0).toUpperCase() + s.slice(1) : capitalisedByNature ? s : matchCase(written, s);
      return keepWrittenCase(fitted, actual) + tail;
    });
    const unique = [...new Set(suggestions)];
    const safe = f.safe === true && unique.length > 0 && unique[0] !== actual && articleAgrees(view, f.start, unique[0]!);
    return {
      ruleId: rule.id,
      category: rule.category,
      severity: rule.severity,
      message: (f.message ?? rule.message).replace(/\{actual\}/g, actual),
      range: { start: positionAt(starts, f.start + offset), end: positionAt(starts, f.end + offset) },
      offset: { start: f.start + offset, end: f.end + offset },
      actual,
      suggestions: unique,
      ...(safe ? { safe: true } : {}),
      source: rule.source,
      note: rule.note,
      scope: 'span',
    };
  }

  /** Later uses of the same term under the same rule become hints that point back to the first use (copies, never mutates). */
  private markRepeats(findings: Finding[]): Finding[] {
    if (this.config.repeats === 'all') return findings;
    const heads = new Map<string, number>();
    const repeatsOf = new Map<number, number[]>();
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      if (f.scope !== 'span' || f.category === 'fairword') continue;
      const key = `${f.ruleId}\u0000${this.termKey(f.actual)}`;
      const h = heads.get(key);
      if (h === undefined) heads.set(key, i);
      else {
        const list = repeatsOf.get(h);
        if (list) list.push(i);
        else repeatsOf.set(h, [i]);
      }
    }
    if (repeatsOf.size === 0) return findings;
    const out = [...findings];
    for (const [h, later] of repeatsOf) {
      const head = findings[h]!;
      const back = [{ range: head.range, offset: head.offset, message: 'First use of this term' }];
      for (const i of later) out[i] = { ...findings[i]!, severity: 'hint', related: back };
      out[h] = {
        ...head,
        related: [...(head.related ?? []), ...later.map((i) => ({ range: findings[i]!.range, offset: findings[i]!.offset, message: 'Used again here' }))],
      };
    }
    return out;
  }

  /**
   * A term as compared for repeats: single spaces, capitals as written. A term written another way is another place
   * to look at ("Site Foreman" in the title and "foreman" in the criteria; "Black and Minority Ethnic" and "black and
   * minority ethnic"), so it is shown in its own right. Memoised: the same terms come back on every lint.
   */
  private termKey(actual: string): string {
    let key = this.termKeys.get(actual);
    if (key === undefined) {
      key = flat(actual.replace(/\s+/g, ' '));
      if (this.termKeys.size > 10_000) this.termKeys.clear();
      this.termKeys.set(actual, key);
    }
    return key;
  }
}

/** The document's first line of text, after front matter and comments, cut to 300 characters; empty for a one-line text. */
function openingLine(text: string): string {
  // Found by position, so that a lint, which runs this on every keystroke, copies only the line and not the document.
  let at = FRONT_MATTER.exec(text)?.[0].length ?? 0;
  // Past blank space and whole comments ("<!-- https://… -->").
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    const close = text.startsWith('<!--', at) ? text.indexOf('-->', at + 4) : -1;
    if (close < 0) break;
    at = close + 3;
  }
  const newline = text.indexOf('\n', at);
  // A document of one line has no opening apart from itself.
  if (newline < 0) return '';
  const end = newline > at && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
  return text.slice(at, Math.min(end, at + 300));
}
const FRONT_MATTER = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * A term and its spelling-out in brackets ("Black, Asian and Minority Ethnic (BAME)", "BME (black and minority
 * ethnic)") are one use: one finding over both, whose fix replaces both, rather than two fixes that each leave the
 * other half behind. Findings must be sorted by offset.
 */
function joinSpelledOut(findings: Finding[], text: string, starts: number[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < findings.length; i++) {
    const a = findings[i]!;
    const b = findings[i + 1];
    if (b && a.scope === 'span' && b.scope === 'span' && a.ruleId === b.ruleId && /^\s*\(\s*$/.test(text.slice(a.offset.end, b.offset.start))) {
      const close = /^\s*\)/.exec(text.slice(b.offset.end, b.offset.end + 4));
      if (close) {
        const end = b.offset.end + close[0].length;
        const actual = flat(text.slice(a.offset.start, end));
        const { safe, ...rest } = a;
        out.push({
          ...rest,
          message: a.message.split(a.actual).join(actual),
          range: { start: a.range.start, end: positionAt(starts, end) },
          offset: { start: a.offset.start, end },
          actual,
          ...(safe && b.safe ? { safe: true } : {}),
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * Words the replacement carries over from the text keep the writer's capitals: "disabled WC" becomes "accessible WC",
 * not "accessible wc".
 */
function keepWrittenCase(replacement: string, actual: string): string {
  const written = new Map<string, string>();
  const words = actual.match(/[\p{L}\p{N}]+/gu) ?? [];
  // In a phrase written in Title Case ("Black, Asian and Minority Ethnic") the capitals are the phrase's style, not
  // the words' own: only words in capitals throughout ("WC") keep them.
  const titleCase = words.filter((w) => w.length > 3).every((w) => /^\p{Lu}/u.test(w));
  // The first word's capital may only be the sentence's.
  for (const w of words.slice(1)) if (w !== w.toLowerCase() && (!titleCase || (w.length > 1 && w === w.toUpperCase()))) written.set(w.toLowerCase(), w);
  if (written.size === 0) return replacement;
  return replacement.replace(/[\p{L}\p{N}]+/gu, (w, at: number) => (at > 0 && written.has(w) ? written.get(w)! : w));
}

/** Words whose first letter is a vowel but whose sound is not ("a union"), or the other way round ("an hour"). */
const VOWEL_LETTER_CONSONANT_SOUND = /^(?:uni|use|usu|uti|eu|one|once|ur[aeio])/i;
const CONSONANT_LETTER_VOWEL_SOUND = /^(?:hour|honest|honou?r|heir|[fhlmnrsx][A-Z]{1,4}\b)/;

/**
 * False when the word before the replaced text is "a" or "an" and the replacement would need the other one
 * ("a disabled toilet" → "a accessible toilet"): such a fix is offered, but not applied without asking.
 */
function articleAgrees(view: string, start: number, replacement: string): boolean {
  const before = /(?:^|[^\p{L}])(an?)\s+$/iu.exec(view.slice(Math.max(0, start - 6), start));
  if (!before) return true;
  const vowel = (/^[aeiou]/i.test(replacement) && !VOWEL_LETTER_CONSONANT_SOUND.test(replacement)) || CONSONANT_LETTER_VOWEL_SOUND.test(replacement);
  return (before[1]!.toLowerCase() === 'an') === vowel;
}

/** A raw finding moved by `by` characters: every offset it holds. */
function moveRaw(f: RawFinding, by: number): RawFinding {
  return { ...f, start: f.start + by, end: f.end + by, ...(f.phraseEnd !== undefined ? { phraseEnd: f.phraseEnd + by } : {}) };
}

/** A phrase's own conditions: its case as written, and the words it must follow. */
/** One-word health conditions (rules/data/lexicon.yml): a describing word never stands in for one. */
const CONDITION_WORDS: ReadonlySet<string> = new Set((lexicon['conditions'] ?? []).filter((w) => !w.includes(' ')));
/** Words that end the describing words before a noun: determiners, prepositions, pronouns and the like. */
const OBJECT_ENDS = new Set(['a', 'an', 'the', 'this', 'that', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'who', 'which', 'is', 'are', 'was', 'were', 'be', 'their', 'his', 'her', 'its', 'our', 'your', 'my']);

/**
 * Whether one of `keys` names the object after the match at `t`, straight away or after up to three describing words
 * joined by "and", "or" or commas ("severe and frequent abuse"). A health condition, in the match or among the words
 * after it, ends the search: "suffer from diabetes and poverty" is still about diabetes.
 */
function objectIs(keys: string[][], tokens: Token[], t: number, sTo: number): boolean {
  // A match that ends in its own condition ("suffer from diabetes") already has its object.
  if (t > 0 && CONDITION_WORDS.has(tokens[t - 1]!.norm)) return false;
  let described = 0;
  for (let at = t; at < sTo && described <= 3; at++) {
    if (keys.some((k) => keysAt(tokens, at, k, sTo))) return true;
    const tok = tokens[at]!;
    if (tok.norm === ',' || tok.norm === 'and' || tok.norm === 'or') continue;
    if (!tok.word || OBJECT_ENDS.has(tok.norm) || CONDITION_WORDS.has(tok.norm) || /^\p{Lu}/u.test(tok.text)) return false;
    described++;
  }
  return false;
}

function phraseHolds(entry: PhraseEntry, tokens: Token[], f: number, t: number, sFrom: number, firstWord: number): boolean {
  if (entry.case === 'lower' && /^\p{Lu}/u.test(tokens[f]!.text)) return false;
  if (entry.case === 'as-written') {
    const written = entry.phrase.replace(/[\s-]+/g, '');
    const actual = tokens.slice(f, t).map((x) => x.text).join('').replace(/-/g, '');
    for (let i = 0; i < written.length && i < actual.length; i++) {
      if (i === 0 && f === firstWord) continue;
      if (written[i] !== written[i]!.toUpperCase() && actual[i] !== actual[i]!.toLowerCase()) return false;
    }
  }
  if (entry.after && !entry.after.some((k) => f - k.length >= sFrom && keysAt(tokens, f - k.length, k))) return false;
  return true;
}

function isKnownRule(id: string): boolean {
  return getRule(id) !== undefined || BUILTIN_RULE_IDS.includes(id);
}

function ruleError(id: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: 'rule-error',
    category: 'fairword',
    severity: 'error',
    message: `The rule "${id}" failed on this document and was skipped (${detail}). Other findings are still shown.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    offset: { start: 0, end: 0 },
    actual: id,
    suggestions: [],
    source: { title: 'Fairword' },
    note: 'A Fairword rule failed. Please report it with the document if you can.',
    scope: 'document',
  };
}

/** Words that join the items of a list: a required word after one of them names another item, not part of this one. */
const LIST_JOINERS = new Set(['and', 'or', ',']);

/** True when the `count` tokens from `at` are all words (no punctuation). */
function wordsOnly(tokens: readonly Token[], at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) if (!tokens[i]!.word) return false;
  return true;
}

/**
 * The column headings of Markdown tables in a text: the heading cell above any cell, found from the pipes of its row
 * and of the table's first row. Each table's first row is found once.
 */
class TableColumns {
  /** The heading cells of each table, by the offset of its first row. */
  private readonly heads = new Map<number, string[]>();
  /** The first row of the table each row belongs to, by the row's offset. */
  private readonly tops = new Map<number, number>();

  constructor(private readonly text: string) {}

  /** The first cell of the offset's table row that matches `label`, if it is in a table row. */
  rowLabel(offset: number, label: RegExp): string | undefined {
    const lineStart = lineStartOf(this.text, offset);
    if (!isRow(this.text, lineStart)) return undefined;
    return splitRow(this.text.slice(lineStart, lineEndOf(this.text, lineStart))).map((c) => c.replace(/[*_]/g, '').trim()).find((c) => label.test(c));
  }

  /** Whether the offset is in a table row. */
  inRow(offset: number): boolean {
    return isRow(this.text, lineStartOf(this.text, offset));
  }

  /** The heading of the column the offset is in, when it is in a table row below the heading row. */
  headingOf(offset: number): string | undefined {
    const text = this.text;
    const lineStart = lineStartOf(text, offset);
    if (!isRow(text, lineStart)) return undefined;
    // A cell's block may start at its pipe: count the pipes before its first word.
    let at = offset;
    while (at < text.length && (text[at] === '|' || text[at] === ' ' || text[at] === '\t')) at++;
    const column = cellsBefore(text.slice(lineStart, at));
    const top = this.topOf(lineStart);
    if (top === lineStart) return undefined;
    let cells = this.heads.get(top);
    if (!cells) {
      cells = splitRow(text.slice(top, lineEndOf(text, top)));
      this.heads.set(top, cells);
    }
    return cells[column - 1]?.replace(/[*_]/g, '').trim();
  }

  /** The table's first row above the row at `row`: walked up once per table, then remembered for every row passed. */
  private topOf(row: number): number {
    const passed: number[] = [];
    let top = row;
    let known = this.tops.get(top);
    while (known === undefined) {
      passed.push(top);
      // The previous line ends just before `top`, at its LF, CR or CRLF.
      let end = top - 1;
      if (end > 0 && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
      const prev = top > 0 ? lineStartOf(this.text, end) : -1;
      if (prev < 0 || prev === top || !isRow(this.text, prev)) break;
      top = prev;
      known = this.tops.get(top);
    }
    const first = known ?? top;
    for (const p of passed) this.tops.set(p, first);
    return first;
  }
}

/** Whether the line starting at `lineStart` is a Markdown table row (it starts with a pipe). */
function isRow(text: string, lineStart: number): boolean {
  return /^[ \t]*\|/.test(text.slice(lineStart, lineStart + 8));
}

/** How many unescaped pipes come before the end of `prefix`: the column number of a cell starting there. */
function cellsBefore(prefix: string): number {
  let n = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] === '|' && prefix[i - 1] !== '\\') n++;
  return n;
}

/** A table row's cells, without the outer pipes. */
function splitRow(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
}
