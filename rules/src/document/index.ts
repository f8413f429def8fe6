/**
 * Document-level analysis for job adverts, job descriptions and person specifications: statements an advert
 * should contain, gender-coded balance, plain English and requirements. One pass over the prose blocks.
 */
import { matchCase } from '../case.js';
import type { Memo } from '../memo.js';
import { byPlace } from '../limits.js';
import { positionAt } from '../positions.js';
import type { ProseView } from '../prose.js';
import type { DocumentKind, DocumentReport, Finding, Insertion, Severity } from '../types.js';
import { acronymSuggestions, undefinedAcronyms } from './acronyms.js';
import { blockFacts, type BlockFacts } from './facts.js';
import { fittingAlternatives, genderReport, type CodedWord } from './gender.js';
import { DOCUMENT_RULES } from './meta.js';
import { MAX_PARAGRAPH_SENTENCES, MAX_SENTENCE_WORDS, passiveShare, readingAge, type Overlong } from './readability.js';
import { ESSENTIAL_LIMIT, RequirementsCounter } from './requirements.js';
import { APPLY_HEADING, STATEMENT_TEXT, statementsReport, type StatementKey } from './statements.js';
import { blockLines, classifyBlocks, type DocBlock } from './structure.js';

export { documentRules } from './meta.js';
export { FACTS_MEMO_LIMIT, type BlockFacts } from './facts.js';
export { ESSENTIAL_LIMIT } from './requirements.js';
export { MAX_PARAGRAPH_SENTENCES, MAX_SENTENCE_WORDS, MIN_WORDS_FOR_READING_AGE } from './readability.js';

/** What `analyseDocument` needs: the source, its prose view, the document kind and the source's line starts. */
export interface DocumentInput {
  source: string;
  view: ProseView;
  kind: DocumentKind;
  starts: number[];
  /** Where the linter keeps the facts of blocks it has analysed. */
  facts?: Memo<BlockFacts>;
}

/** The report (without `findingsByCategory`, which the linter fills) and the findings of the document rules. */
export interface DocumentAnalysis {
  report: Omit<DocumentReport, 'findingsByCategory'>;
  findings: Finding[];
}

/**
 * Effective severity of a document rule, or undefined when it is turned off. Without it, each rule runs at its
 * default severity when it is on by default.
 */
export type SeverityOf = (ruleId: string, base: Severity) => Severity | undefined;

const MISSING_RULE: Record<StatementKey, string> = {
  salary: 'missing-salary',
  flexible_working: 'missing-flexible-working',
  reasonable_adjustments: 'missing-reasonable-adjustments',
  inclusion_statement: 'missing-inclusion-statement',
  disability_confident: 'missing-disability-confident',
};

const MISSING_MESSAGE: Record<StatementKey, string> = {
  salary:
    'This advert does not say what the job pays. Give the salary or salary range; for NHS posts, the Agenda for Change band and its pay range.',
  flexible_working:
    'This advert does not mention flexible working. Say which patterns are possible, such as part-time or job share, or that you are happy to talk about flexible working.',
  reasonable_adjustments:
    'This advert does not say how to ask for adjustments. Tell applicants who to contact for reasonable adjustments or for the advert in another format.',
  inclusion_statement:
    'This advert has no equality or inclusion statement. Say that you welcome applications from everyone, and name any under-represented groups you particularly encourage.',
  disability_confident:
    'If your organisation is a Disability Confident employer, say so, and that disabled applicants who meet the essential criteria will be offered an interview.',
};

/** Analyses a whole document: the report for it, and findings for the document rules that apply to its kind. */
export function analyseDocument(input: DocumentInput, severityOf?: SeverityOf): DocumentAnalysis {
  const { source, view, kind, starts } = input;
  const blocks = classifyBlocks(source, view);
  const facts: BlockFacts[] = [];
  const coded: CodedWord[] = [];
  const longSentences: Overlong[] = [];
  const longParagraphs: Overlong[] = [];
  const requirements = new RequirementsCounter(source, view.text, starts);
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  let passive = 0;
  for (const block of blocks) {
    const f = blockFacts(block, view.text, input.facts);
    facts.push(f);
    for (const w of f.coded) coded.push({ ...w, start: block.start + w.start, end: block.start + w.end });
    const r = f.readability;
    sentences += r.sentences;
    words += r.words;
    syllables += r.syllables;
    passive += r.passive;
    for (const s of r.longSentences) longSentences.push({ start: block.start + s.start, end: block.start + s.end, count: s.count });
    if (block.type === 'paragraph' && r.paragraphSentences > MAX_PARAGRAPH_SENTENCES && !isFactLines(view.text.slice(block.start, block.end))) {
      longParagraphs.push({ start: block.start, end: block.end, count: r.paragraphSentences });
    }
    requirements.add(block, f.years);
  }
  const acronyms = undefinedAcronyms(blocks.map((b, i) => ({ start: b.start, facts: facts[i]!.acronyms })));

  const report: DocumentAnalysis['report'] = {
    kind,
    statements: statementsReport(
      facts.map((f) => f.statements),
      blocks.map((b) => b.text),
    ),
    genderCoding: genderReport(coded),
    readability: {
      readingAge: readingAge(words, sentences, syllables),
      longSentences: longSentences.length,
      longParagraphs: longParagraphs.length,
      passiveShare: passiveShare(passive, sentences),
      undefinedAcronyms: acronyms.map((a) => a.acronym),
    },
    requirements: { essential: requirements.essential, yearsOfExperience: [...requirements.yearsOfExperience] },
  };

  const findings: Finding[] = [];
  const emit = (
    id: string,
    start: number,
    end: number,
    message: string,
    extra: { suggestions?: string[]; scope?: Finding['scope']; insert?: Insertion } = {},
  ): void => {
    const meta = DOCUMENT_RULES.get(id)!;
    if (meta.kinds.length > 0 && !meta.kinds.includes(kind)) return;
    const severity = severityOf ? severityOf(id, meta.severity) : meta.enabledByDefault ? meta.severity : undefined;
    if (!severity) return;
    findings.push({
      ruleId: id,
      category: meta.category,
      severity,
      message,
      range: { start: positionAt(starts, start), end: positionAt(starts, end) },
      offset: { start, end },
      actual: source.slice(start, end),
      suggestions: extra.suggestions ?? [],
      source: meta.sources[0]!,
      note: meta.note,
      scope: extra.scope ?? 'span',
      ...(extra.insert ? { insert: extra.insert } : {}),
    });
  };

  // Missing statements: one document finding each, on the title line, with a paragraph to insert.
  const title = titleSpan(blocks);
  const at = insertionPoint(source, starts, blocks);
  for (const key of Object.keys(MISSING_RULE) as StatementKey[]) {
    if (report.statements[key]) continue;
    const { title: label, text } = STATEMENT_TEXT[key];
    const insert: Insertion = { offset: at.offset, position: positionAt(starts, at.offset), text: at.wrap(text), title: label };
    emit(MISSING_RULE[key], title.start, title.end, MISSING_MESSAGE[key], { scope: 'document', insert });
  }

  const gender = report.genderCoding;
  if (gender.verdict === 'strongly masculine-coded') {
    const offered = new Map<number, Set<string>>();
    for (const w of coded) {
      if (w.side !== 'masculine') continue;
      const actual = source.slice(w.start, w.end);
      emit(
        'gender-coded-word',
        w.start,
        w.end,
        `'${actual}' is a masculine-coded word, and this advert is strongly masculine-coded overall (score ${gender.score}). Consider a more neutral word.`,
        { suggestions: fittingAlternatives(source, w, offered).map((s) => matchCase(actual, s)) },
      );
    }
  }

  for (const s of longSentences) {
    emit('long-sentence', s.start, s.end, `This sentence has ${s.count} words. Aim for ${MAX_SENTENCE_WORDS} or fewer: split it into shorter sentences.`);
  }
  for (const p of longParagraphs) {
    emit('long-paragraph', p.start, p.end, `This paragraph has ${p.count} sentences. Aim for ${MAX_PARAGRAPH_SENTENCES} or fewer: split it, or use a list.`);
  }
  for (const a of acronyms) {
    const suggestions = acronymSuggestions(a);
    const message = suggestions.length
      ? `Spell out '${a.written}' the first time you use it: '${suggestions[0]}'.`
      : `Spell out '${a.written}' the first time you use it, with the short form in brackets after it.`;
    emit('undefined-acronym', a.start, a.end, message, { suggestions });
  }

  if (requirements.essential > ESSENTIAL_LIMIT) {
    const span = requirements.label ?? title;
    emit(
      'too-many-essential-criteria',
      span.start,
      span.end,
      `This has ${requirements.essential} essential criteria. Keep only what the job needs from day one (${ESSENTIAL_LIMIT} at most is a good guide) and move the rest to desirable.`,
      { scope: 'document' },
    );
  }

  findings.sort(byPlace);
  return { report, findings };
}

/** The first line of the first block (usually the title); an empty span at the start when there is no prose. */
function titleSpan(blocks: DocBlock[]): { start: number; end: number } {
  const first = blocks[0];
  if (!first) return { start: 0, end: 0 };
  const line = blockLines(first)[0];
  return line ? { start: line.start, end: line.end } : { start: first.start, end: first.start };
}

/** Where a missing statement goes: before a "How to apply" (or contact) heading, otherwise at the end. */
function insertionPoint(source: string, starts: number[], blocks: DocBlock[]): { offset: number; wrap: (text: string) => string } {
  const eol = /\r\n/.test(source) ? '\r\n' : /\r/.test(source) && !/\n/.test(source) ? '\r' : '\n';
  const heading = blocks.find((b) => b.type === 'heading' && APPLY_HEADING.test(b.text.replace(/^[^\p{L}]+/u, '')));
  if (heading) {
    const offset = starts[positionAt(starts, heading.start).line]!;
    return { offset, wrap: (text) => `${text}${eol}${eol}` };
  }
  const offset = source.length;
  const before = source.endsWith(`${eol}${eol}`) || source.length === 0 ? '' : source.endsWith(eol) ? eol : `${eol}${eol}`;
  return { offset, wrap: (text) => `${before}${text}${eol}` };
}

/** Lines like "Band: 5" / "Salary: £30,000" are a list of facts, not sentences of a paragraph. */
function isFactLines(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  return lines.length > 1 && lines.filter((l) => /^\W*[\p{L}][\p{L} ()/&'’-]{0,40}:/u.test(l)).length >= lines.length - 1;
}
