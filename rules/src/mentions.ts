import { keysAt } from './matcher.js';
import { phraseKeys, type Token } from './tokens.js';

/** Verbs straight before a label that report someone else giving it. */
const CALLING = new Set(['called', 'labelled', 'labeled', 'branded', 'dubbed', 'termed']);

/** What may stand between the terms of a bare list. */
const LIST_GLUE = new Set([',', 'and', 'or', '/', ';', '(', ')']);

/** Verbs that report a label someone gave: "described as", "labelled by the press as". */
const LABELLING = new Set(['described', 'labelled', 'labeled', 'termed', 'branded', 'dubbed', 'characterised', 'characterized', 'categorised', 'categorized', 'classed', 'classified']);

/** What introduces a spoken quotation: a verb of saying, or a colon. */
const SPEECH_OPENS = /(?:\b(?:said|says|say|told|tells|added|adds|explained|explains|commented|stated|states|wrote|writes|asked|asks|replied|recalled|recalls)\s*[:,]?|:)\s*$/i;

/**
 * Tells a term that is *mentioned* from one that is *used*: quoted terms ("avoid 'wheelchair-bound'"), terms
 * introduced by a discouraging cue ("culture add, not culture fit"), references and citations, and sentences that
 * list several terms to discuss them ("These include BAME, BME and people of colour"). Mentions are not flagged.
 */
export class MentionDetector {
  private readonly cues = [
    'avoid', 'avoiding', 'avoided', 'instead of', 'rather than', 'not', 'not a', 'not the', 'not say', 'never',
    'never use', 'never say', "don't use", "don't say", 'do not use', 'do not say', 'replace', 'replacing', 'replaced',
    'words like', 'terms like', 'phrases like', 'such as', 'terms such as', 'words such as', 'the term', 'the terms',
    'the word', 'the words', 'the phrase', 'the label', 'the acronym', 'so called', 'socalled', 'not so', 'labelled as',
    'referred to as', 'acronyms', 'the acronyms',
    // A label the sentence denies: "they weren't hard to reach".
    'are not', 'is not', 'were not', 'was not', "aren't", "isn't", "weren't", "wasn't",
  ].map(phraseKeys);
  /** Words about words: a term after them in the same sentence is being discussed ("the word is made up of schizo"). */
  private readonly metaNouns = ['the word', 'the term', 'the phrase', 'the acronym', 'the label', 'the prefix', 'terminology'].map(phraseKeys);
  /** What a sentence says about a term it is discussing: "BAME is being replaced", "BME is a contested term". */
  private readonly predicates = [
    'is being replaced', 'are being replaced', 'is replaced', 'was replaced', 'has been replaced', 'is no longer', 'are no longer',
    'is problematic', 'are problematic', 'is outdated', 'are outdated', 'is offensive', 'are offensive', 'is contested',
    'are contested', 'is disputed', 'is controversial', 'are controversial', 'is criticised', 'are criticised',
    'has been criticised', 'have been criticised', 'is a term', 'are terms', 'is an acronym', 'are acronyms', 'is a label',
    'are labels', 'is frequently used', 'are frequently used', 'is commonly used',
    'are commonly used', 'is widely used', 'are widely used', 'is often used', 'are often used', 'is still used',
    'are still used', 'has been dropped',
    'was dropped', 'is falling out of use', 'lumps', 'groups together', 'fails to', 'fail to',
    // A term of its time: "the mentally handicapped, as they were then known".
    'as they were then known', 'as they were known', 'as they were then called', 'as they were called', 'as it was then known',
    'as it was then called', 'as they were known then', 'as they were called then',
  ].map(phraseKeys);
  /** What a sentence says when it defines a term: "BME refers to …", "(BAME) is taken here to mean …". */
  private readonly definitions = [
    'means', 'mean', 'refers to', 'refer to', 'is taken to mean', 'is taken here to mean', 'are taken to mean', 'is defined as',
    'are defined as', 'is used to mean', 'is used here to mean', 'is used to refer to', 'is used to describe', 'stands for',
    'in this policy means', 'in these terms of reference means', 'in this document means',
  ].map(phraseKeys);
  /** Words that show a sentence is about terminology ("long-term" is two tokens, so the singular is left out). */
  private readonly listingWords = new Set(['terms', 'terminology', 'acronym', 'acronyms', 'labels', 'phrases', 'words']);
  /** Weaker signs of a list, trusted only when three or more different terms appear. */
  private readonly weakListingWords = new Set(['include', 'includes', 'including', 'such']);

  /** Spans of quoted text in `text[start, end)` up to `longest` characters, as [open, close) offsets inside the quotes. */
  quotedSpans(text: string, start: number, end: number, longest = 200): Array<[number, number]> {
    const spans: Array<[number, number]> = [];
    const pairs: Record<string, string> = { '“': '”', '‘': '’', '"': '"', "'": "'", '«': '»' };
    let first = start;
    while (first < end && /\s/.test(text[first]!)) first++;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      // A closing curly quote with no opening one before it ends a quotation that began before this text (a quoted
      // passage running over several sentences, or one whose opening mark was lost): what precedes it is quoted.
      if (c === 0x201d && spans.length === 0 && i > first && !text.slice(first, i).includes('“') && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ' ')) {
        spans.push([first, i]);
        continue;
      }
      if (c !== 0x22 && c !== 0x27 && c !== 0x201c && c !== 0x2018 && c !== 0xab) continue;
      const open = text[i]!;
      const close = pairs[open];
      if (!close) continue;
      const before = i > start ? text[i - 1]! : ' ';
      // An opening quote starts a word: "it's" and "years'" are apostrophes, not quotes.
      if (/[\p{L}\p{N}]/u.test(before)) continue;
      // Double quotation marks may hold a whole spoken sentence; single ones are too often apostrophes to trust far.
      const double = open !== "'" && open !== '‘';
      const limit = Math.min(end, i + (double ? longest * 5 : longest));
      let closed = false;
      for (let j = i + 1; j < limit; j++) {
        if (text[j] !== close) continue;
        const after = j + 1 < end ? text[j + 1]! : ' ';
        if (/[\p{L}\p{N}]/u.test(after)) continue;
        if (j > i + 1) spans.push([i + 1, j]);
        i = j;
        closed = true;
        break;
      }
      // Speech that runs on past this sentence: a paragraph of a news story that opens with “ and closes later, or a
      // quotation introduced by its speaker ('said: "As chairman of … I have seen … . It is …"').
      // A curly opening single quote is never an apostrophe, so British press style ('said: ‘…') counts as well.
      if (!closed && (double || open === '‘') && (i === first || SPEECH_OPENS.test(text.slice(Math.max(start, i - 24), i)))) spans.push([i + 1, end]);
    }
    return spans;
  }

  /** True when the sentence reads as a reference or citation rather than prose. */
  isCitation(sentence: string): boolean {
    return /\b(?:vol\.|pp\.|doi[:.]|et al\b|isbn|available (?:at|from):|retrieved from|accessed (?:on|at)|\[online\])/i.test(sentence);
  }

  /** True when the tokens before `from` discourage what follows ("avoid", "instead of", "not") or talk about words. */
  hasCue(tokens: readonly Token[], from: number, sentenceFrom: number): boolean {
    for (let i = Math.max(sentenceFrom, from - 12); i < from; i++) if (this.metaNouns.some((k) => keysAt(tokens, i, k, from))) return true;
    let at = from;
    // Skip an opening quote or bracket between the cue and the term.
    while (at > sentenceFrom && !tokens[at - 1]!.word && /['"‘“(]/.test(tokens[at - 1]!.text)) at--;
    // "they will be called crazy", "branded hard to reach": a label others give, reported.
    if (at > sentenceFrom && CALLING.has(tokens[at - 1]!.norm)) return true;
    // "described in past reports as hard to reach": a label others gave, reported.
    if (at > sentenceFrom && tokens[at - 1]!.norm === 'as') {
      for (let i = Math.max(sentenceFrom, at - 8); i < at - 1; i++) if (LABELLING.has(tokens[i]!.norm)) return true;
    }
    return this.cues.some((keys) => {
      const start = at - keys.length;
      if (start < sentenceFrom || !keysAt(tokens, start, keys)) return false;
      // A bare "not" is a contrast only after a comma or "but" ("culture add, not culture fit"); "must not turn a deaf ear" is a use.
      if (keys.length === 1 && keys[0] === 'not') return start > sentenceFrom && [',', ';', 'but', 'and'].includes(tokens[start - 1]!.norm);
      return true;
    });
  }

  /**
   * True when what follows the term says something about the term itself ("BAME or BME are problematic",
   * "'BAME' is being replaced"), allowing for other terms listed with it and a closing quotation mark.
   */
  isDiscussed(tokens: readonly Token[], to: number, sentenceTo: number): boolean {
    let at = to;
    for (let skipped = 0; at < sentenceTo && skipped < 5; skipped++) {
      const t = tokens[at]!;
      const termLike = t.word && /^[\p{Lu}\d]/u.test(t.text);
      if (!['or', 'and', ',', '/', '(', ')'].includes(t.norm) && !termLike && !/['’"”]/.test(t.text)) break;
      at++;
    }
    return this.predicates.some((keys) => keysAt(tokens, at, keys, sentenceTo) || keysAt(tokens, to, keys, sentenceTo));
  }

  /**
   * True when the term ending at `to` is being defined ("BME refers to all staff who …", "Black Asian Minority Ethnic
   * (BAME) means …"). The words of the definition are still read: they describe people.
   */
  defines(tokens: readonly Token[], to: number, sentenceTo: number): boolean {
    let at = to;
    for (let skipped = 0; at < sentenceTo && skipped < 5; skipped++) {
      const t = tokens[at]!;
      if (!['(', ')', ','].includes(t.norm) && !(t.word && /^[\p{Lu}]{2,}$/u.test(t.text))) break;
      at++;
    }
    return this.definitions.some((keys) => keysAt(tokens, at, keys, sentenceTo));
  }

  /**
   * True when a sentence with several flagged terms is talking about terminology. `spans` are the flagged terms'
   * token ranges: after a weak word ("including", "such as") they must follow one another as a bare list of terms
   * ("include BAME, BME and people of colour"), not as noun phrases about people ("including non-white tenants and …").
   */
  isListing(tokens: readonly Token[], from: number, to: number, distinctRules: number, spans: ReadonlyArray<{ from: number; to: number }> = []): boolean {
    if (distinctRules < 2) return false;
    for (let i = from; i < to; i++) {
      const norm = tokens[i]!.norm;
      if (this.listingWords.has(norm)) return true;
      if (distinctRules >= 3 && this.weakListingWords.has(norm) && this.bareList(tokens, spans) && !this.articled(tokens, spans)) return true;
    }
    return false;
  }

  /**
   * Whether a span is a noun phrase with "the" ("include the elderly, the disabled and the mentally ill"): people
   * written about, not words cited, which take no article.
   */
  private articled(tokens: readonly Token[], spans: ReadonlyArray<{ from: number; to: number }>): boolean {
    return spans.some((s) => tokens[s.from]?.norm === 'the' || tokens[s.from - 1]?.norm === 'the');
  }

  /** Whether the spans, in order, are separated only by commas, "and", "or", slashes and quotes. */
  private bareList(tokens: readonly Token[], spans: ReadonlyArray<{ from: number; to: number }>): boolean {
    const sorted = [...spans].sort((a, b) => a.from - b.from);
    for (let k = 1; k < sorted.length; k++) {
      for (let i = sorted[k - 1]!.to; i < sorted[k]!.from; i++) {
        if (!LIST_GLUE.has(tokens[i]!.norm) && !/^['"‘’“”]$/.test(tokens[i]!.text)) return false;
      }
    }
    return true;
  }
}
