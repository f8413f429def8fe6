/** How serious a finding is. Mirrors LSP DiagnosticSeverity names. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Severity order, most serious first; used to compare and filter. */
export const SEVERITY_RANK: Record<Severity, number> = {
  error: 0,
  warning: 1,
  information: 2,
  hint: 3,
};

/** The family a rule belongs to; used for grouping in reports and docs. */
export type Category =
  | 'age'
  | 'gender'
  | 'ethnicity'
  | 'nationality'
  | 'disability'
  | 'health'
  | 'criteria'
  | 'general'
  | 'statements'
  | 'plain-english'
  | 'fairword';

/** The kind of document being checked; rules say which kinds they apply to. */
export type DocumentKind =
  | 'job-advert'
  | 'job-description'
  | 'person-specification'
  | 'policy'
  | 'health-information'
  | 'general';

/** Every document kind, in display order. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'job-advert',
  'job-description',
  'person-specification',
  'policy',
  'health-information',
  'general',
];

/** The kinds that recruit: their lists and headings say what the job needs, and they always get the document report. */
export const RECRUITMENT_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>(['job-advert', 'job-description', 'person-specification']);

/** Input formats the engine understands. */
export type Format = 'markdown' | 'plaintext';

/** A 0-based position, `character` counted in UTF-16 code units (as in LSP). */
export interface Position {
  line: number;
  character: number;
}

/** A 0-based, end-exclusive range (as in LSP). */
export interface Range {
  start: Position;
  end: Position;
}

/** Where a rule's guidance comes from. */
export interface Source {
  title: string;
  url?: string;
}

/** Another place a finding refers to (e.g. later repeats of the same term). */
export interface RelatedLocation {
  range: Range;
  offset: { start: number; end: number };
  message: string;
}

/** A text insertion a document-level finding proposes (e.g. a missing statement). */
export interface Insertion {
  /** Offset in the document where `text` is inserted. */
  offset: number;
  position: Position;
  text: string;
  /** Short label for a quick fix, e.g. "Insert a salary statement". */
  title: string;
}

/** One problem found in a document. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  range: Range;
  offset: { start: number; end: number };
  /** The text as written in the document. */
  actual: string;
  /** Replacements, best first, already in the document's capitalisation. */
  suggestions: string[];
  /**
   * True when the first suggestion is certain to read right in its sentence, so --fix, Fix all and fix on save may
   * apply it without asking. Other suggestions are offered for a person to choose.
   */
  safe?: boolean;
  source: Source;
  /** Why it matters, in plain English. */
  note: string;
  scope: 'span' | 'document';
  /** Other places this finding covers (repeats). */
  related?: RelatedLocation[];
  /** For document-level findings: text the user can insert. */
  insert?: Insertion;
}

/** Documentation of a rule: used for docs, hover, SARIF and `fairword explain`. */
export interface RuleMeta {
  id: string;
  category: Category;
  severity: Severity;
  /** Document kinds the rule applies to; empty means every kind. */
  kinds: DocumentKind[];
  /** One-line summary. */
  title: string;
  /** Why it matters, for an HR reader. */
  note: string;
  sources: Source[];
  /** Whether the rule is part of the default set. */
  enabledByDefault: boolean;
  examples: { ok: string[]; notOk: string[] };
}

/** A rule setting: off, a severity, or an object with a severity. */
export type RuleSetting = 'off' | Severity | { severity?: Severity | 'off' };

/** An organisation's own term to flag. Literal phrases only: no code, no regular expressions. */
export interface CustomTerm {
  phrase: string;
  suggestions?: string[];
  reason?: string;
  severity?: Severity;
}

/** Choices where sources disagree. */
export interface Choices {
  /**
   * Unset (default): both forms are accepted, as the NHS service manual does. 'disabled-people' (ONS/DWP, the social
   * model) flags "people with disabilities"; 'people-with-disabilities' never does.
   */
  disabilityWording?: 'disabled-people' | 'people-with-disabilities';
  /** 'avoid' (default) flags BME/BAME; 'report' allows BME (e.g. WRES reports) and still flags BAME. */
  bme?: 'avoid' | 'report';
  /** 'capitalise' (default) flags lower-case ethnic group names; 'lower' is for documents that use lower case on purpose. */
  ethnicCapitals?: 'capitalise' | 'lower';
}

/** Engine configuration: the data part of `.fairword.yaml`, already parsed. */
export interface FairwordConfig {
  rules?: Record<string, RuleSetting>;
  /** Terms that are never flagged (case-insensitive phrases). */
  allow?: string[];
  terms?: CustomTerm[];
  choices?: Choices;
  /** 'first' (default): later repeats of a term become hints; 'all': report every use at full severity. */
  repeats?: 'first' | 'all';
  /** Document kind by file glob (used by the CLI and server, relative to the config file). */
  kinds?: Record<string, DocumentKind>;
  /** Extra ignore patterns (gitignore syntax), relative to the config file. */
  ignore?: string[];
  /** Files larger than this many bytes are skipped (default 1 MB). */
  maxFileSize?: number;
}

/** Options for one lint call. */
export interface LintOptions {
  format?: Format;
  /** Forces the document kind (otherwise front matter, then the text decide). */
  kind?: DocumentKind;
  /** File name, used only to pick the format when `format` is absent. */
  filename?: string;
  /** Compute the document report for any kind of document (it is always computed for recruitment documents). */
  report?: boolean;
}

/** Statements a job advert should contain. */
export interface StatementsReport {
  salary: boolean;
  flexible_working: boolean;
  reasonable_adjustments: boolean;
  inclusion_statement: boolean;
  disability_confident: boolean;
}

/**
 * Gender-coded balance (Gaucher, Friesen and Kay 2011): their coded words, counted where they describe the applicant,
 * the team or the job.
 */
export interface GenderCodingReport {
  /** Feminine-coded minus masculine-coded word count. */
  score: number;
  /** Neutral for a difference under 2; coded from 2; strongly coded from 4. */
  verdict: 'strongly masculine-coded' | 'masculine-coded' | 'neutral' | 'feminine-coded' | 'strongly feminine-coded';
  masculine: string[];
  feminine: string[];
  /** What was counted and how the verdict follows, in one or two sentences. */
  explanation: string;
}

/** Plain-English measures. */
export interface ReadabilityReport {
  /** Approximate UK reading age in years, or null for very short texts. */
  readingAge: number | null;
  longSentences: number;
  longParagraphs: number;
  /** Share of sentences in the passive voice, 0–1. */
  passiveShare: number;
  undefinedAcronyms: string[];
}

/** Person-specification requirements. */
export interface RequirementsReport {
  essential: number;
  yearsOfExperience: string[];
}

/** Document-level analysis; present for recruitment documents, or for any document when `report: true` is asked for. */
export interface DocumentReport {
  kind: DocumentKind;
  statements: StatementsReport;
  genderCoding: GenderCodingReport;
  readability: ReadabilityReport;
  requirements: RequirementsReport;
  findingsByCategory: Partial<Record<Category, number>>;
}

/** Result of linting one document. */
export interface LintResult {
  kind: DocumentKind;
  /** Where the kind came from. */
  kindSource: 'option' | 'front-matter' | 'text' | 'default';
  /** When the text decided the kind: the signals that decided it, in words ("a closing date", "pay with a figure"). */
  kindEvidence?: string[];
  findings: Finding[];
  /** Empty for documents that are not recruitment documents unless `report: true` was asked for. */
  report: DocumentReport | Record<string, never>;
}
