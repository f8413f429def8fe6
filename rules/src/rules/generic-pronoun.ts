import { Describer } from '../describes.js';
import { sources } from '../generated/data.js';
import { defineRule } from '../rule.js';
import { phraseKeys, tokenize, type Token } from '../tokens.js';
import { keysAt } from '../matcher.js';

const THEY: Record<string, string> = {
  he: 'they',
  she: 'they',
  him: 'them',
  his: 'their',
  himself: 'themselves',
  herself: 'themselves',
  hers: 'theirs',
};
const MODALS = new Set(['will', 'would', 'must', 'should', 'can', 'could', 'may', 'might', 'shall']);
const PAIRED = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself', 's']);
/** Words before a role noun that make it anyone in the role: "the applicant", "each member", "a chair". */
const GENERIC_DETERMINERS = new Set(['the', 'a', 'an', 'each', 'every', 'any', 'no', 'whichever', 'whoever', 'this']);
const describer = new Describer();
/** Past-tense words that make a sentence a story about particular people ("a colleague … she looked at me"). */
const NARRATIVE = new Set([
  'was', 'were', 'did', 'had', 'told', 'said', 'asked', 'went', 'came', 'felt', 'thought', 'knew', 'made', 'took', 'gave',
  'saw', 'found', 'looked', 'wanted', 'decided', 'became', 'left', 'got', 'heard', 'replied', 'explained', 'refused',
]);

/**
 * Flags "he", "his", "she", "herself" and the like used for whoever holds a role ("the Chair … he must", "the tutor
 * will devote herself"), in recruitment documents and policies. Pronouns for named or particular people, paired
 * forms ("he or she", left to the he-she rule) and documents that state an occupational requirement are left alone.
 */
export default defineRule({
  meta: {
    id: 'generic-pronoun',
    category: 'gender',
    severity: 'information',
    kinds: ['job-advert', 'job-description', 'person-specification', 'policy'],
    title: 'He or she for anyone in a role',
    message: "'{actual}' assumes whoever does this job is a man or a woman. Use 'they', or speak to the reader as 'you'.",
    note:
      'A role can be held by anyone. Writing "he" or "she" for the post holder, the applicant or the chair suggests ' +
      'the job is meant for one sex, and a clause saying "he includes she" does not undo that. The NHS service manual ' +
      'recommends "they" or addressing the reader directly.',
    sources: [sources['nhs-sm-sex-gender']!, sources['acas-adverts']!],
    suggestions: [],
    enabledByDefault: true,
    examples: {
      ok: [
        'The post holder will manage their own caseload.',
        'He or she will report to the ward manager.',
        'Our chair, Amina Shah, said she was proud of the team.',
        'The tutor will support the student so that she can sit her exams.',
        'When I told a colleague, she looked at me in disbelief.',
      ],
      notOk: [
        'The Chair shall ensure that he is present at every meeting.',
        'The successful tutor will devote herself to the student.',
        'The Medical Secretary supports two consultants and their teams, and he will answer calls from patients.',
        'The post holder must treat visitors and colleagues with respect in his day-to-day work.',
      ],
    },
  },
  // A document that states an occupational requirement may lawfully recruit one sex.
  unlessAnywhere: ['occupational requirement', 'genuine occupational qualification', 'schedule 9'],
  triggers: Object.keys(THEY).concat('her'),
  check(sentence, report) {
    const { tokens } = sentence;
    if (tokens.some((t) => NARRATIVE.has(t.norm))) return;
    // The role found for a pronoun that opens the sentence, which "and he will …" later in it goes on meaning.
    let opener: { pronoun: string; role: string; at: number } | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!t.word || !(t.norm in THEY || t.norm === 'her')) continue;
      if (paired(tokens, i)) continue;
      // "Someone who identifies as female may refer to herself as a woman": the sentence gives the person the sex the
      // pronoun has, so it is not standing in for anyone.
      if (sexGivenBefore(tokens, i)) continue;
      // "The post holder leads the team. He will …": a sentence opening with the pronoun may take the role from the
      // subject of the sentence before it in the same paragraph.
      const opening = tokens.slice(0, i).every((x) => !x.word);
      const subjectPronoun = t.norm === 'he' || t.norm === 'she';
      // In an advert or job description "the young adult" or "the student" is often one particular person the job
      // supports; in a policy, anyone the service is for.
      const found = antecedent(tokens, i, sentence.kind === 'policy');
      const role =
        found?.role ??
        // "He/she will … commensurate with his grade": the sentence already means anyone, so a lone "his" is generic.
        (pairedBefore(tokens, i) ? 'post holder' : undefined) ??
        // "The Manageress will … . Her duties will include": a possessive may open the sentence as well.
        (opening && (subjectPronoun || t.norm === 'his' || t.norm === 'her') ? previousSubject(sentence.text, sentence.start) : undefined) ??
        // "The Medical Secretary supports the consultants, and he will …": a clause joined by "and" or "but" keeps
        // the subject of the sentence.
        (subjectPronoun && joined(tokens, i) ? subjectOf(tokens.slice(0, i)) ?? (opener?.pronoun === t.norm ? opener.role : undefined) : undefined) ??
        // A list item under its lead-in ("A player should: … - Help his own team win"): with no person named before the
        // pronoun in the item, the lead-in's subject is the one meant.
        (!personBetween(tokens, 1, i) && !describer.nounAt(tokens, 0, i) ? leadInSubject(sentence.text, sentence.start) : undefined) ??
        // "He will be expected to supply his own tools": the same person again, with nobody else named in between.
        (opener && SAME_PERSON[opener.pronoun]?.has(t.norm) && !personBetween(tokens, opener.at + 1, i) ? opener.role : undefined) ??
        // "The post holder must treat hirers and colleagues with respect … in his day-to-day work": only plural nouns
        // (which cannot be "he") stand between the pronoun and the role that is the sentence's subject.
        (onlyPluralsBefore(tokens, i) ? subjectOf(tokens.slice(0, i)) : undefined) ??
        // A job description's duties: "He will open the buildings", with no one else named in the paragraph.
        (opening && subjectPronoun && DUTY_KINDS.has(sentence.kind) && MODALS.has(tokens[i + 1]?.norm ?? '') && !namesSomeone(sentence.text, sentence.start)
          ? 'post holder'
          : undefined);
      if (role === undefined) continue;
      if (opening && subjectPronoun) opener = { pronoun: t.norm, role, at: i };
      const they = t.norm === 'her' ? 'their' : THEY[t.norm]!;
      // "they" takes a plural verb: the swap is certain for "his", "himself", "herself", and before a modal verb.
      const safe = ['his', 'himself', 'herself'].includes(t.norm) || (/^(?:he|she)$/.test(t.norm) && MODALS.has(tokens[i + 1]?.norm ?? ''));
      report({
        start: t.start,
        end: t.end,
        suggestions: [matchFirst(t.text, they)],
        ...(safe ? { safe } : {}),
        ...(found?.served ? { message: `'${t.text}' assumes the person is a man or a woman. Use 'they', which fits anyone.` } : {}),
      });
    }
  },
});

/** Words that give a person a sex, by the sex they give. */
const SEX_WORDS: Record<'female' | 'male', Set<string>> = {
  female: new Set(['female', 'woman', 'women', 'mother', 'girl', 'wife', 'daughter', 'lady']),
  male: new Set(['male', 'man', 'men', 'father', 'boy', 'husband', 'son', 'gentleman']),
};
const PRONOUN_SEX: Record<string, 'female' | 'male'> = {
  he: 'male', him: 'male', his: 'male', himself: 'male',
  she: 'female', her: 'female', hers: 'female', herself: 'female',
};

/** Whether a word before the pronoun at `at` in its sentence gives the person the pronoun's sex. */
function sexGivenBefore(tokens: readonly Token[], at: number): boolean {
  const sex = PRONOUN_SEX[tokens[at]!.norm];
  if (!sex) return false;
  for (let i = 0; i < at; i++) if (SEX_WORDS[sex].has(tokens[i]!.norm)) return true;
  return false;
}

/** The forms that go on meaning the person a sentence-opening "he" or "she" stands for. */
const SAME_PERSON: Record<string, Set<string>> = {
  he: new Set(['his', 'him', 'himself']),
  she: new Set(['her', 'hers', 'herself']),
};

/** Whether a person noun or a name stands in tokens [from, to). */
function personBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (describer.nounAt(tokens, i, to) || (/^\p{Lu}/u.test(tokens[i]!.text) && tokens[i]!.word)) return true;
  }
  return false;
}

/** Whether a paired form ("he/she", "he or she", "s/he") comes before `at` in the sentence. */
function pairedBefore(tokens: readonly Token[], at: number): boolean {
  for (let i = 0; i < at; i++) if (PAIRED.has(tokens[i]!.norm) && tokens[i]!.norm !== 's' && paired(tokens, i)) return true;
  return false;
}

/** "he or she", "his/her", "s/he", "(s)he": both forms given, which the he-she rule covers. */
function paired(tokens: readonly Token[], i: number): boolean {
  const near = (k: number): boolean => PAIRED.has(tokens[k]?.norm ?? '');
  const joiner = (k: number): boolean => ['or', '/', 'and', '(', ')'].includes(tokens[k]?.norm ?? '');
  return (joiner(i - 1) && near(i - 2)) || (joiner(i + 1) && near(i + 2)) || (tokens[i - 1]?.norm === ')' && tokens[i - 2]?.norm === 's');
}

/**
 * The role noun the pronoun stands for, when the nearest person noun before it in the sentence is a role held by
 * whoever is appointed ("the Chairman … he"). Undefined when a name, another person, or nothing comes first.
 */
function antecedent(tokens: readonly Token[], at: number, anyoneServed: boolean): { role: string; served?: boolean } | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (!t.word) continue;
    let noun = describer.nounAt(tokens, i, at);
    // The whole of a noun that ends here: "member of staff", not "staff".
    for (let j = Math.max(0, i - 3); noun && j < i; j++) {
      const longer = describer.nounAt(tokens, j, at);
      if (longer && longer.end === i + 1) {
        noun = longer;
        i = j;
        break;
      }
    }
    if (noun) {
      // Anyone the service is for ("the client or his family") is as generic as anyone in a role.
      const served = anyoneServed && noun.cls === 'others';
      if (noun.cls !== 'workforce' && !served && !(noun.cls === 'people' && /^(?:person|individual|member|someone|anyone|everyone)$/.test(tokens[i]!.norm))) return undefined;
      // A plural noun cannot be "he": keep looking only past possessive or plural nouns that are not the subject.
      if (/s$/.test(noun.keys.at(-1)!) && !/ss$/.test(noun.keys.at(-1)!)) return undefined;
      // "the successful candidate", "each new member": a determiner within three words before the noun.
      // Further back over a joint title's capitalised words: "the CEO & Executive Headteacher".
      for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
        const tk = tokens[k]!;
        if (GENERIC_DETERMINERS.has(tk.norm)) return { role: noun.keys.join(' '), ...(served ? { served } : {}) };
        const titleWord = (tk.word && /^\p{Lu}/u.test(tk.text)) || ((tk.norm === '&' || tk.norm === 'and') && /^\p{Lu}/u.test(tokens[k + 1]!.text));
        if (titleWord) continue;
        if (k < i - 3 || !tk.word || describer.nounAt(tokens, k, at)) break;
      }
      return undefined;
    }
    // A capitalised word mid-sentence that names no role is a name: the pronoun is that person's.
    if (/^\p{Lu}\p{Ll}/u.test(t.text) && i > 0 && tokens[i - 1]!.norm !== '.' && !describer.nounAt(tokens, i, at)) {
      if (!/^(?:The|A|An|Each|Every|Any|This|He|She|His|Her)$/.test(t.text)) return undefined;
    }
  }
  return undefined;
}

/** The role that is the subject of the sentence just before `start` in the same paragraph ("The Site Foreman is …"). */
function previousSubject(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 600), start);
  const paragraph = before.slice(Math.max(before.lastIndexOf('\n\n'), before.lastIndexOf('\r\n\r\n')) + 1);
  const ends = [...paragraph.matchAll(/[.!?](?=\s)/g)].map((m) => m.index);
  if (ends.length === 0) return undefined;
  const last = ends[ends.length - 1]!;
  let from = ends.length > 1 ? ends[ends.length - 2]! + 1 : 0;
  // A short line with no closing punctuation before a capitalised one is a heading run into the text ("Purpose of
  // the role" pasted from Word above "The Clinical Lead is …"): the sentence starts after it.
  let cut = 0;
  for (const m of paragraph.slice(from, last).matchAll(HEADING_LINE)) cut = m.index + m[0].length;
  from += cut;
  const tokens = tokenize(paragraph.slice(from, last));
  if (tokens.some((t) => NARRATIVE.has(t.norm))) return undefined;
  return subjectOf(tokens) ?? soughtRole(tokens);
}

/** A list item's start: a bullet or number, or (in Markdown, whose markers the prose view blanks out) an indent. */
const ITEM_START = /^(?:[ \t]*(?:[-*•·▪–]|\d{1,2}[.)])[ \t]+|[ \t]{2,})/;

/**
 * The role that is the subject of a list's lead-in ("A player should:"), when the sentence at `start` opens an item of
 * that list: the nearest line above that is not an item ends in a colon.
 */
function leadInSubject(text: string, start: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // The sentence opens the item: it starts at the item's marker or straight after it.
  const marker = ITEM_START.exec(text.slice(lineStart, lineStart + 12));
  if (!marker || start > lineStart + marker[0].length) return undefined;
  const lines = text.slice(Math.max(0, lineStart - 1500), lineStart).split(/\r?\n/).reverse();
  for (const line of lines) {
    if (!line.trim() || ITEM_START.test(line)) continue;
    const lead = /^[ \t#]*(.{3,80}):[ \t]*$/.exec(line);
    return lead ? subjectOf(tokenize(lead[1]!)) : undefined;
  }
  return undefined;
}

/** The role a sentence recruits: "We are looking for a reliable, hands-on Handyman to …" gives "handyman". */
function soughtRole(tokens: readonly Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const seeking = SEEKING.find((k) => keysAt(tokens, i, k, tokens.length));
    if (!seeking) continue;
    const at = i + seeking.length;
    if (tokens[at]?.norm !== 'a' && tokens[at]?.norm !== 'an') continue;
    for (let j = at + 1; j < tokens.length && j <= at + 6; j++) {
      const noun = describer.nounAt(tokens, j, tokens.length);
      if (noun) return oneRole(noun) ? noun.keys.join(' ') : undefined;
    }
  }
  return undefined;
}
const SEEKING = ['looking for', 'seeking', 'recruiting', 'to recruit', 'to appoint', 'wish to appoint', 'need', 'needs', 'require', 'requires'].map(phraseKeys);

const HEADING_LINE = /^[ \t]*(?:\S+[ \t]+){0,5}\S*[\p{L}\d)][ \t]*\r?\n(?=[ \t]*\p{Lu})/gmu;

/** Documents whose every "he will" is about whoever gets the job, when nobody else is named. */
const DUTY_KINDS = new Set(['job-description', 'person-specification']);

/** Whether the paragraph before `start` names a person: a title ("Mrs Doyle") or a first name and surname. */
function namesSomeone(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 400), start);
  const paragraph = before.slice(Math.max(before.lastIndexOf('\n\n'), before.lastIndexOf('\r\n\r\n')) + 1);
  if (/\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\b\.?\s+\p{Lu}/u.test(paragraph)) return true;
  // Two capitalised words mid-sentence, unless a determiner opens them: "the Clinical Lead" is a job title.
  for (const m of paragraph.matchAll(NAME_PAIR)) if (!DETERMINER.test(m[1]!)) return true;
  return false;
}
const NAME_PAIR = /(\S*[a-z,;])\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/gu;
const DETERMINER = /^(?:the|a|an|our|your|this|that|their|its|his|her|my|each|every|any|new)$/i;

/**
 * Whether the person nouns between the sentence's start and the pronoun at `at` are all plural (no singular person,
 * no name), so that the pronoun can only be the sentence's subject.
 */
function onlyPluralsBefore(tokens: readonly Token[], at: number): boolean {
  // The words after the subject: the subject is the first noun in the sentence's first six words.
  let after = -1;
  for (let i = 0; i < at && i < 6 && after < 0; i++) {
    const noun = describer.nounAt(tokens, i, at);
    if (noun) after = noun.end;
  }
  if (after < 0) return false;
  let plural = false;
  for (let i = at - 1; i >= after; i--) {
    const t = tokens[i]!;
    if (!t.word) continue;
    const noun = describer.nounAt(tokens, i, at);
    if (noun) {
      // "the council's policy": an owner, not a person the pronoun could be.
      if (/'s?$/.test(tokens[noun.end - 1]?.norm ?? t.norm)) continue;
      const last = noun.keys.at(-1)!;
      if (!(/s$/.test(last) && !/ss$/.test(last))) return false;
      plural = true;
      continue;
    }
    if (/^\p{Lu}\p{Ll}/u.test(t.text) && tokens[i - 1]!.norm !== '.' && !/^(?:The|A|An)$/.test(t.text) && !inTitledThing(tokens, i, at)) return false;
  }
  return plural;
}

/** Last words of the titles of documents and bodies: "the Equality and Inclusion Policy", "the Mental Health Act". */
const THING_ENDS = new Set(['policy', 'policies', 'act', 'strategy', 'plan', 'standard', 'standards', 'framework', 'charter', 'code', 'procedure', 'team', 'service', 'services', 'council', 'trust', 'network', 'board', 'committee', 'department', 'unit', 'centre', 'programme', 'scheme']);

/** Whether the capitalised word at `i` is inside the title of a document or body ("Equality and Inclusion Policy"). */
function inTitledThing(tokens: readonly Token[], i: number, limit: number): boolean {
  for (let k = i; k < limit && k <= i + 6; k++) {
    const t = tokens[k]!;
    if (THING_ENDS.has(t.norm) && /^\p{Lu}/u.test(t.text)) return true;
    if (!/^\p{Lu}/u.test(t.text) && !['and', 'of', '&', 'for', 'the'].includes(t.norm)) return false;
  }
  return false;
}

/** "…, and he", "but he": the pronoun opens a clause joined to the one before. */
function joined(tokens: readonly Token[], at: number): boolean {
  const before = tokens[at - 1]?.norm;
  return (before === 'and' || before === 'but') && tokens[at - 2]?.norm === ',';
}

/** The role a sentence opens with, when it is one person held by whoever is appointed ("The post holder …"). */
function subjectOf(tokens: readonly Token[]): string | undefined {
  for (let i = 0; i < tokens.length && i < 6; i++) {
    const noun = describer.nounAt(tokens, i, tokens.length);
    if (!noun) continue;
    if (!oneRole(noun)) return undefined;
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (GENERIC_DETERMINERS.has(tokens[k]!.norm)) return noun.keys.join(' ');
    return undefined;
  }
  return undefined;
}

/** Whether a lexicon noun is one role held by a person: a workforce noun in the singular ("nurse", not "nurses"). */
function oneRole(noun: { cls: string; keys: string[] }): boolean {
  const last = noun.keys.at(-1)!;
  return noun.cls === 'workforce' && !(/s$/.test(last) && !/ss$/.test(last));
}

function matchFirst(original: string, replacement: string): string {
  return /^\p{Lu}/u.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}
