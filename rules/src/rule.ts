import type { Category, DocumentKind, RuleMeta, Severity, Source } from './types.js';
import type { Token } from './tokens.js';

/** A word rule as stored in rules/data/*.yml (validated and emitted by rules/scripts/build-data.mjs). */
export interface WordRuleData {
  id: string;
  category: Category;
  severity: Severity;
  kinds: DocumentKind[];
  title: string;
  /** Finding message; `{actual}` is replaced by the text as written. */
  message: string;
  note: string;
  sources: Source[];
  /**
   * Phrases to flag, with their normalised keys (space-separated); a phrase's own suggestions win over the rule's.
   * A phrase may also carry its own case test ('lower': written in lower case; 'as-written': every lower-case letter
   * of the phrase is lower case in the text, apart from a capital that starts a sentence) and `after`, the words it
   * must follow (compiled keys).
   */
  phrases: Array<{ phrase: string; keys: string; suggestions?: string[]; case?: 'lower' | 'as-written'; after?: string[]; safe?: boolean }>;
  suggestions: string[];
  /**
   * Whether the phrases' first suggestions read right wherever the phrase can appear (a phrase's own `safe` wins).
   * Only then do --fix and Fix all apply them; otherwise they are offered for a person to choose.
   */
  safe?: boolean;
  /** Only flag when the text as written starts lower case ('lower'), or matches a phrase's case exactly ('exact'). */
  case?: 'lower' | 'exact';
  /**
   * Whom the words must describe to be reported: 'workforce' (the applicant, post holder or team), 'candidate' (the
   * applicant or post holder, not the team), 'not-others' (anyone but the people the job serves or the writer), or
   * 'applicant' (as 'candidate', and outside recruitment documents only in a sentence that is choosing someone: a
   * policy that describes staff "without dependants" sets no requirement), 'chosen' (anyone in recruitment documents;
   * elsewhere only in a sentence that is choosing someone or says it of the applicant: news of "school leavers deciding
   * what to do next" asks nothing of applicants), or 'role' (the title of a post, not of one named person: "Dr Jo
   * Bloggs, chairman of …" and "a spokeswoman said" report how one person's office is styled).
   */
  about?: 'candidate' | 'workforce' | 'not-others' | 'applicant' | 'chosen' | 'role';
  /**
   * Context that keeps a match quiet. Phrase lists may name a word class of rules/data/lexicon.yml as `@class`.
   * `section` matches the nearest heading or criteria label; `anywhere` matches the document's whole text.
   */
  unless?: {
    next?: string[];
    /**
     * Like `next`, but the phrase may come after up to three describing words joined by "and", "or" or commas: the
     * head of what follows ("suffer from severe and frequent abuse"). A health condition among them ends the search.
     */
    object?: string[];
    previous?: string[];
    within?: string[];
    sentence?: string[];
    document?: string[];
    section?: string[];
    anywhere?: string[];
  };
  /** Context a match needs before it is reported. */
  requires?: { next?: string[]; previous?: string[] };
  /** `unless` and `requires` lists compiled by the build to phrase keys (space-separated), word classes expanded. */
  keys: {
    next: string[];
    object: string[];
    previous: string[];
    sentence: string[];
    document: string[];
    requiresNext: string[];
    requiresPrevious: string[];
  };
  /** Under this choice (from config `choices`) the rule is off, whatever `rules` says. */
  offWhen?: Record<string, string>;
  /** The rule is on by default only under this choice; an explicit `rules` setting still turns it on. */
  onlyWhen?: Record<string, string>;
  enabledByDefault: boolean;
  examples: { ok: string[]; notOk: string[] };
}

/** The part of a sentence a logic rule sees. */
export interface SentenceContext {
  /** The document view (masked source), for slicing. */
  text: string;
  tokens: Token[];
  start: number;
  end: number;
  kind: DocumentKind;
  /** The nearest heading or "Essential"/"Desirable" label above the sentence ('' when none). */
  section: string;
}

/** What a logic rule reports: a span and optionally its own message and suggestions. */
export interface LogicReport {
  start: number;
  end: number;
  message?: string;
  suggestions?: string[];
  /** The first suggestion reads right in this sentence and may be applied without asking. */
  safe?: boolean;
}

/** A logic rule: metadata, the words that make a block worth checking, and a check per sentence. */
export interface LogicRule {
  meta: RuleMeta & { message: string; suggestions: string[] };
  /** Normalised words; a block without any of them is never given to `check`. */
  triggers: string[];
  /**
   * Optional cheaper and stricter test of a block's raw text: when given, a block is only analysed for this rule if
   * it matches. It must accept every text the rule could report in (a superset), or findings are lost.
   */
  prescan?: RegExp;
  /** Phrases that, anywhere in the document, keep the rule quiet for the whole document. */
  unlessAnywhere?: string[];
  check(sentence: SentenceContext, report: (r: LogicReport) => void): void;
}

/** Defines a logic rule (one file each under rules/src/rules/). */
export function defineRule(rule: LogicRule): LogicRule {
  return rule;
}
