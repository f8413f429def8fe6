import { lexicon } from './generated/data.js';
import { keysAt } from './matcher.js';
import { phraseKeys, type Token } from './tokens.js';

/**
 * Who a phrase describes: the applicant or post holder ('candidate'), the team they join ('team'), people the job
 * serves or meets, or the writer ('others'), a thing rather than a person ('thing': "dynamic risk assessment"), or
 * nobody the sentence makes clear ('unknown').
 */
export type Described = 'candidate' | 'team' | 'others' | 'thing' | 'unknown';

/** A word class from rules/data/lexicon.yml. */
export type WordClass = 'workforce' | 'people' | 'others';

/** Nouns in the workforce class that name a group the person joins rather than the person. */
const TEAM_WORDS = new Set([
  'team', 'teams', 'staff', 'staffing', 'workforce', 'colleagues', 'co workers', 'coworkers', 'organisation', 'company',
  'business', 'department', 'practice', 'office', 'crew', 'squad', 'board', 'panel', 'members of staff', 'workplace',
  'group of staff',
]);
/** Words a describing word may sit among before its noun: "young and dynamic team", "highly experienced". */
const LINKERS = new Set([',', 'and', 'or', '&', '/', 'very', 'highly', 'really', 'truly', 'extremely', 'most', 'more', 'so', 'quite', 'fairly']);
/** Words that end a noun phrase: determiners, prepositions, pronouns, verbs and conjunctions a noun never follows. */
const PHRASE_END = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as',
  'into', 'about', 'than', 'who', 'which', 'whose', 'where', 'when', 'while', 'whilst', 'if', 'is', 'are', 'was', 'were',
  'be', 'been', 'being', 'am', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'shall', 'has', 'have',
  'had', 'do', 'does', 'did', 'not', 'but', 'so', 'because', 'since', 'until', 'you', 'we', 'they', 'he', 'she', 'it',
  'i', 'our', 'your', 'their', 'his', 'her', 'its', 'my', 'at', 'and', 'or',
]);
/** Linking verbs: "you are young", "they have been fluent in English", "stay fit". */
const COPULAS = new Set(['is', 'are', 'am', 'be', 'been', 'being', 'was', 'were', "'re", "'m", "'s", 'become', 'becomes', 'seem', 'seems', 'feel', 'feels', 'remain', 'remains']);
/** Words between a subject and its linking verb: "you will be", "they have always been", "must be". */
const AUXILIARIES = new Set([
  'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'shall', 'have', 'has', 'had', 'to', 'need', 'needs',
  'also', 'always', 'still', 'both', 'all', 'already', 'ideally', 'preferably', 'really', 'very', 'not', 'never', 'now',
  'll', "'ll", "'d", 'do', 'does', 'did', 'able', 'expected', 'required', 'likely', 'going',
]);
/** Words that show the sentence is choosing someone for the job: "we are looking for", "would suit", "to join us". */
const RECRUITING = [
  'looking for', 'look for', 'seeking', 'seek', 'seeks', 'we want', 'we need', 'wanted', 'recruit', 'recruiting', 'recruits',
  'hire', 'hiring', 'employ', 'employing', 'appoint', 'appointing', 'would suit', 'will suit', 'suit', 'suits', 'ideal',
  'successful', 'require', 'requires', 'required', 'vacancy for', 'opportunity for', 'applications from', 'welcome applications',
  // One person welcomed into a post: "we welcome a recent graduate to the team" (not "we welcome young people to the club").
  'we welcome a', 'we welcome an', 'we would welcome a', 'we would welcome an',
  // Posts open to applicants: "roles are open to anyone over 18" (not "the club is open to young people").
  'roles are open to', 'role is open to', 'posts are open to', 'post is open to', 'jobs are open to', 'job is open to',
  'vacancies are open to', 'positions are open to', 'applications are open to',
].map(phraseKeys);
/** Where a look back for the subject of a clause stops. */
const STOPS = new Set(['.', '!', '?', ';', ':']);
/** Nouns for a post and its working pattern, and what they are said to be when they would not suit someone. */
const POST_NOUNS = new Set(['role', 'roles', 'job', 'jobs', 'post', 'posts', 'position', 'positions', 'vacancy', 'work', 'hours', 'shifts', 'rota']);
const UNSUITED = [
  'not suited to', 'not suitable for', 'unsuitable for', 'not ideal for', 'not right for', 'not for', 'not suit', 'not be suited to',
  'not be suitable for', "isn't suited to", "aren't suited to", "isn't suitable for", "aren't suitable for", "isn't right for",
  "isn't for", "aren't for", "wouldn't suit", "won't suit", "doesn't suit", "don't suit", "wouldn't be suitable for",
].map(phraseKeys);
/** Determiners that take in everyone of a kind. */
const EVERYONE = new Set(['every', 'each', 'all']);
/** After the noun: the people a service is for ("the young people we support"). */
const SERVED = [
  'we serve', 'we support', 'we care for', 'we look after', 'we work with', 'we help', 'we see', 'who use our', 'using our',
  'in our care', 'who we serve', 'who we support',
].map(phraseKeys);
/** After the noun: "a young person to join our team". */
const JOINING = ['to join', 'join our', 'join us', 'joining our', 'joining us', 'who can join', 'who will join'].map(phraseKeys);
/** Who may set a requirement in a sentence that reports it: "some employers may require GCSEs". */
const EMPLOYERS = new Set([
  'employers', 'companies', 'firms', 'businesses', 'agencies', 'organisations', 'shops', 'retailers', 'recruiters', 'hospitals',
  'trusts', 'councils', 'providers', 'practices', 'charities', 'authorities',
]);
/** Verbs of asking for something, in the forms that follow "employers (may|will|often) …" or "… which". */
const ASKING = new Set(['require', 'requires', 'ask', 'asks', 'want', 'wants', 'expect', 'expects', 'prefer', 'prefers', 'look', 'looks', 'insist', 'demand', 'need', 'needs']);

/** Verbs of saying that follow the person who spoke: "a spokeswoman said". */
const SAYING = new Set(['said', 'says', 'told', 'added', 'explained', 'commented', 'confirmed', 'stated', 'announced', 'wrote', 'replied', 'responded', 'insisted', 'warned']);
/** Titles that open a person's name. */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'cllr', 'coun', 'councillor', 'sir', 'dame', 'lord', 'lady', 'rev', 'revd', 'reverend']);

/** Right after the people described: asked to join ("carers to join our teams"), not already in ("when they join us"). */
const ASKED_TO_JOIN = ['to join', 'who can join', 'who will join', 'who would like to join'].map(phraseKeys);

/** Endings of words that name a person by role ("salesman", "receptionist", "physician", "chairperson"). */
const ROLE_SHAPE = /^\p{L}{3,}(?:man|men|woman|women|person|people|ist|ists|ician|icians)$/u;
/** Clause breaks inside a sentence. */
const CLAUSE_BREAKS = new Set([';', ':', '•', '●', '▪', '|', '(', ')', '–', '—']);
/** Headings and labels of the parts of an advert that set requirements on the applicant. */
const REQUIREMENT_SECTION =
  /\b(?:about you|who (?:we are|we're) looking for|what (?:we are|we're) looking for|(?:the|our) ideal \w+|person spec|requirements?|essential|desirable|criteria|skills|experience|qualifications|attributes|qualities|you will (?:need|have|be)|you should|we need|we want|your profile|who you are|what you(?:'ll)? bring)\b/i;

/** Finds who phrases describe, using the word classes of rules/data/lexicon.yml. */
export class Describer {
  private readonly classes = new Map<string, Array<{ keys: string[]; cls: WordClass }>>();

  constructor(words: Record<string, string[]> = lexicon) {
    for (const cls of ['workforce', 'people', 'others'] as const) {
      for (const phrase of words[cls] ?? []) {
        const keys = phrase.split(' ');
        const bucket = this.classes.get(keys[0]!) ?? [];
        bucket.push({ keys, cls });
        this.classes.set(keys[0]!, bucket);
      }
    }
    for (const bucket of this.classes.values()) bucket.sort((a, b) => b.keys.length - a.keys.length);
  }

  /** The longest lexicon noun starting at token `i`, with the index after it. */
  nounAt(tokens: readonly Token[], i: number, limit: number): { cls: WordClass; keys: string[]; end: number } | undefined {
    const t = tokens[i];
    if (!t?.word) return undefined;
    for (const entry of this.classes.get(t.norm) ?? []) {
      if (keysAt(tokens, i, entry.keys, limit)) return { ...entry, end: i + entry.keys.length };
    }
    // "children's", "patients'": a possessive of a listed noun.
    const bare = t.norm.replace(/'s?$/, '');
    if (bare !== t.norm) for (const entry of this.classes.get(bare) ?? []) if (entry.keys.length === 1) return { ...entry, end: i + 1 };
    return undefined;
  }

  /**
   * Who tokens [from, to) describe, inside the sentence tokens [sFrom, sTo). `section` is the nearest heading or
   * criteria label above the sentence.
   */
  describe(tokens: readonly Token[], from: number, to: number, sFrom: number, sTo: number, section = ''): Described {
    if (this.reported(tokens, sFrom, sTo)) return 'others';
    const [clauseFrom, clauseTo] = clauseOf(tokens, from, to, sFrom, sTo);
    if (this.namedSubject(tokens, from, clauseFrom)) return 'others';
    // The members of a group: "a team of very experienced therapists".
    if (from - 2 >= clauseFrom && tokens[from - 1]!.norm === 'of' && TEAM_WORDS.has(tokens[from - 2]!.norm)) return 'team';
    // A possessive just before: "the children's mother tongue", "your energy", "our young team".
    const before = tokens[from - 1];
    if (before && from - 1 >= clauseFrom) {
      if (before.norm === 'your') return 'candidate';
      // "our young team" is the team; "our young people" are the people the service looks after.
      if (before.norm === 'our') {
        const head = this.headOf(tokens, from, to, clauseTo);
        return head === 'people' || head === 'others' ? 'others' : head === 'thing' ? 'thing' : 'team';
      }
      if (['his', 'her', 'their', 'its', 'my'].includes(before.norm)) {
        // A possessive points back to the nearest person before it in its clause: in "applicants must have their own
        // car" the car is the applicant's. What belongs to a person ("their young clients") is that person.
        const head = this.headOf(tokens, from, to, clauseTo);
        if (before.norm !== 'its' && before.norm !== 'my' && (head === undefined || head === 'thing')) {
          if (this.subjectOf(tokens, from - 1, clauseFrom, clauseTo) === 'candidate') return 'candidate';
        }
        return 'others';
      }
      const owner = this.nounAt(tokens, from - 1, to);
      if (owner && /'s?$/.test(before.norm)) return this.ofClass(owner.cls, owner.keys, tokens, clauseFrom, from - 1, clauseTo);
      // "someone highly experienced in audit": the describing words follow their noun.
      if (owner?.cls === 'people' && /^(?:someone|somebody|anyone|anybody|one)$/.test(before.norm)) {
        return this.ofClass('people', owner.keys, tokens, clauseFrom, from - 1, clauseTo);
      }
    }
    const head = this.headOf(tokens, from, to, clauseTo);
    // "mature, reliable carers to join our teams": whoever is asked to join is the applicant, whatever the noun.
    if (head === 'others' && this.askedToJoin(tokens, to, sTo)) return 'candidate';
    if (head !== undefined) return head === 'people' ? this.ofClass('people', [], tokens, clauseFrom, from, clauseTo) : head;
    const subject = this.subjectOf(tokens, from, clauseFrom, clauseTo);
    if (subject !== undefined) return subject;
    if (REQUIREMENT_SECTION.test(section) && clauseTo - clauseFrom <= 12) return 'candidate';
    return 'unknown';
  }

  /**
   * Whether the role noun at tokens [from, to) stands for one identified person rather than a role: in apposition to a
   * name with a title ("Cllr Jo Bloggs, chairman of …", "Dr Sam Lee, spokeswoman for the practice") or as the subject
   * of a verb of saying ("a council spokesman said").
   */
  onePerson(tokens: readonly Token[], from: number, to: number, sFrom: number, sTo: number): boolean {
    if (to < sTo && SAYING.has(tokens[to]!.norm)) return true;
    // "A spokesman for the Hexley branch of the charity said": the body the person speaks for, then the verb.
    if (to < sTo && ['for', 'of', 'at', 'from'].includes(tokens[to]!.norm)) {
      for (let j = to + 1; j < sTo && j <= to + 12; j++) {
        if (SAYING.has(tokens[j]!.norm)) return true;
        const w = tokens[j]!.norm;
        if (STOPS.has(w) || (PHRASE_END.has(w) && !['the', 'of', 'for', 'and', 'at', 'in', 'on'].includes(w))) break;
      }
    }
    let at = from - 1;
    if (at > sFrom && tokens[at]!.norm === 'the') at--;
    if (at <= sFrom || tokens[at]!.norm !== ',') return false;
    // Back over the name's capitalised words: a title that opens it ("Cllr Jo Bloggs"), or a full name before an
    // office ("Jo Bloggs, chairman of …").
    let words = 0;
    for (let i = at - 1; i >= sFrom && words < 4; i--, words++) {
      const t = tokens[i]!;
      if (!t.word || !/^\p{Lu}/u.test(t.text)) break;
      if (HONORIFICS.has(t.norm) && words >= 1) return true;
    }
    return words >= 2 && words < 4 && tokens[to]?.norm === 'of';
  }

  /**
   * Whether the sentence reports what other employers ask for ("some employers may require GCSEs", "shops which
   * require very experienced staff"): a careers guide or a news story describing requirements, not setting one.
   */
  reported(tokens: readonly Token[], sFrom: number, sTo: number): boolean {
    for (let i = sFrom; i < sTo; i++) {
      // "our hospitals require …" is the writer's own requirement.
      if (!EMPLOYERS.has(tokens[i]!.norm) || tokens[i - 1]?.norm === 'our') continue;
      // "will often be favoured by employers".
      if (tokens[i - 1]?.norm === 'by') return true;
      for (let k = i + 1; k < sTo && k <= i + 4; k++) if (ASKING.has(tokens[k]!.norm)) return true;
    }
    return false;
  }

  /**
   * Whether the sentence tokens [sFrom, sTo) are choosing someone for a job: a recruiting word before the phrase at
   * `from` ("we want", "looking for"), or a joining phrase anywhere in the sentence ("to join our team").
   */
  choosing(tokens: readonly Token[], from: number, sFrom: number, sTo: number): boolean {
    for (let i = sFrom; i < from; i++) if (recruitingAt(tokens, i, from)) return true;
    return this.joins(tokens, sFrom, sTo);
  }

  /**
   * Whether the words at `from` are asked of someone: the sentence is choosing someone, or they follow a linking verb
   * whose subject is the applicant or the post ("The salesman will be a recent graduate", "you are a school leaver").
   */
  chosen(tokens: readonly Token[], from: number, sFrom: number, sTo: number): boolean {
    if (this.choosing(tokens, from, sFrom, sTo)) return true;
    const [clauseFrom, clauseTo] = clauseOf(tokens, from, from, sFrom, sTo);
    let i = from - 1;
    while (i >= clauseFrom && (tokens[i]!.norm === 'a' || tokens[i]!.norm === 'an')) i--;
    if (i < clauseFrom || !COPULAS.has(tokens[i]!.norm)) return false;
    return this.subjectOf(tokens, from, clauseFrom, clauseTo) === 'candidate';
  }

  /** Whether a recruiting phrase ends just before the noun at `at`, with at most two describing words between. */
  private sought(tokens: readonly Token[], clauseFrom: number, at: number): boolean {
    for (let end = at; end >= clauseFrom && end >= at - 2; end--) {
      if (end < at && (!tokens[end]!.word || PHRASE_END.has(tokens[end]!.norm))) return false;
      for (let i = Math.max(clauseFrom, end - 4); i < end; i++) if (RECRUITING.some((k) => i + k.length === end && keysAt(tokens, i, k, end))) return true;
    }
    return false;
  }

  /**
   * Whether the words at `from` follow a linking verb whose subject is a person's name that opens the clause: "Irene was
   * a young factory worker" describes Irene, not an applicant.
   */
  private namedSubject(tokens: readonly Token[], from: number, clauseFrom: number): boolean {
    let i = from - 1;
    while (i >= clauseFrom && (tokens[i]!.norm === 'a' || tokens[i]!.norm === 'an')) i--;
    if (i <= clauseFrom || !COPULAS.has(tokens[i]!.norm)) return false;
    let names = 0;
    for (let k = i - 1; k >= clauseFrom; k--) {
      const t = tokens[k]!;
      if (!t.word || !/^\p{Lu}\p{Ll}/u.test(t.text) || this.nounAt(tokens, k, i) || /^(?:the|this|that|it|he|she|you|we|they|i|our|your|their|his|her|its|there|here)$/.test(t.norm)) return false;
      names++;
      if (k === clauseFrom) return names <= 3;
    }
    return false;
  }

  /** Whether "to join …" follows within a few words of `at` ("mature, reliable carers to join our teams"). */
  private askedToJoin(tokens: readonly Token[], at: number, sTo: number): boolean {
    for (let i = at; i < sTo && i <= at + 5; i++) if (ASKED_TO_JOIN.some((k) => keysAt(tokens, i, k, sTo))) return true;
    return false;
  }

  /** Whether the sentence asks someone to join ("to join our team", "join us"). */
  private joins(tokens: readonly Token[], sFrom: number, sTo: number): boolean {
    for (let i = sFrom; i < sTo; i++) if (JOINING.some((k) => keysAt(tokens, i, k, sTo))) return true;
    return false;
  }

  /** The noun the phrase describes when it stands before one ("young team"), or the phrase's own last noun. */
  private headOf(tokens: readonly Token[], from: number, to: number, clauseTo: number): Described | 'people' | undefined {
    // A noun followed by "with" or "without" heads the phrase: "someone with a young family" is someone.
    for (let k = from + 1; k < to; k++) {
      if (tokens[k]!.norm !== 'with' && tokens[k]!.norm !== 'without') continue;
      for (let i = k - 1; i >= from; i--) {
        const own = this.nounAt(tokens, i, k);
        if (own && own.end === k) return own.cls === 'people' ? 'people' : this.classOfNoun(own.cls, own.keys);
      }
      break;
    }
    // The phrase may end in its own noun: "native English speakers", "young person".
    for (let i = to - 1; i >= from; i--) {
      const own = this.nounAt(tokens, i, to);
      if (own && own.end === to) return own.cls === 'people' ? 'people' : this.classOfNoun(own.cls, own.keys);
    }
    const first = tokens[to];
    // Straight before another word, the phrase describes what follows: "young team", "dynamic risk assessment".
    const attributive = to < clauseTo && first !== undefined && first.word && !LINKERS.has(first.norm) && !PHRASE_END.has(first.norm);
    let i = to;
    let skipped = 0;
    while (i < clauseTo && skipped < 4) {
      const t = tokens[i]!;
      // A word shaped like a person's role names one: "salesman", "receptionist", "physician".
      if (attributive && ROLE_SHAPE.test(t.norm) && !this.nounAt(tokens, i + 1, clauseTo)) return 'candidate';
      let noun = this.nounAt(tokens, i, clauseTo);
      // In a compound the last noun is the head: "practice manager", "team leader".
      for (let next = noun && this.nounAt(tokens, noun.end, clauseTo); noun && next; next = this.nounAt(tokens, noun.end, clauseTo)) noun = next;
      // The same with a noun no class lists in between: "customer service team" is a team, not customers.
      if (noun && noun.cls !== 'workforce') {
        const between = tokens[noun.end];
        const later = between?.word && !PHRASE_END.has(between.norm) && !LINKERS.has(between.norm) ? this.nounAt(tokens, noun.end + 1, clauseTo) : undefined;
        if (later?.cls === 'workforce') noun = later;
      }
      if (noun) return noun.cls === 'people' ? 'people' : this.classOfNoun(noun.cls, noun.keys);
      if (LINKERS.has(t.norm)) {
        // ", so residents can …", "so staff can …": a conjunction starts a new clause with its own subject.
        const next = tokens[i + 1];
        if (t.norm === ',' && next && PHRASE_END.has(next.norm)) break;
        if (t.norm === 'so' && this.nounAt(tokens, i + 1, clauseTo)) break;
        i++;
        continue;
      }
      // A grade inside a job title: "dynamic Band 6 therapists".
      if (/^\d{1,2}[a-d]?$/.test(t.norm) && /^(?:band|level|grade)$/.test(tokens[i - 1]?.norm ?? '')) {
        i++;
        continue;
      }
      if (!t.word || PHRASE_END.has(t.norm)) break;
      // Another describing word, or a noun that names no person.
      i++;
      skipped++;
    }
    return attributive ? 'thing' : undefined;
  }

  /** Who the subject of the clause around tokens [from, to) is, inside the sentence tokens [sFrom, sTo). */
  subject(tokens: readonly Token[], from: number, to: number, sFrom: number, sTo: number): Described | undefined {
    const [clauseFrom, clauseTo] = clauseOf(tokens, from, to, sFrom, sTo);
    return this.subjectOf(tokens, from, clauseFrom, clauseTo);
  }

  /** The subject of a linking verb just before the phrase ("you are energetic"), or of the clause. */
  private subjectOf(tokens: readonly Token[], from: number, clauseFrom: number, clauseTo: number): Described | undefined {
    let i = from - 1;
    while (i >= clauseFrom && (LINKERS.has(tokens[i]!.norm) || tokens[i]!.norm === 'a' || tokens[i]!.norm === 'an')) i--;
    let linked = false;
    while (i >= clauseFrom && (COPULAS.has(tokens[i]!.norm) || AUXILIARIES.has(tokens[i]!.norm))) {
      if (COPULAS.has(tokens[i]!.norm)) linked = true;
      i--;
    }
    const scanFrom = linked ? i : from - 1;
    for (let j = scanFrom; j >= clauseFrom && j >= scanFrom - 8; j--) {
      const t = tokens[j]!;
      if (t.norm === 'you' || t.norm === "you're" || t.norm === "you'll") return 'candidate';
      if (t.norm === 'we' || t.norm === "we're" || t.norm === 'us') return 'team';
      const noun = this.nounAt(tokens, j, from);
      if (noun) return this.ofClass(noun.cls, noun.keys, tokens, clauseFrom, j, clauseTo);
    }
    return undefined;
  }

  private classOfNoun(cls: WordClass, keys: string[]): Described {
    if (cls === 'others') return 'others';
    return TEAM_WORDS.has(keys.join(' ')) ? 'team' : 'candidate';
  }

  /**
   * A noun's class; plain "person" or "people" is the applicant only where the clause is choosing someone for the
   * job: a recruiting word before the phrase, or "to join" after it.
   */
  private ofClass(cls: WordClass, keys: string[], tokens: readonly Token[], clauseFrom: number, at: number, clauseTo: number): Described {
    // "We want carers who …", "looking for experienced drivers": whoever a recruiting phrase asks for is the applicant,
    // even where the noun usually names the people served.
    if (cls === 'others' && this.sought(tokens, clauseFrom, at)) return 'candidate';
    if (cls !== 'people') return this.classOfNoun(cls, keys);
    // "every young person", "all young people": a recruiter asks for one person, not for everyone of a kind.
    if (at > clauseFrom && EVERYONE.has(tokens[at - 1]!.norm)) return 'others';
    // "the young people we support", "people and communities we serve": the people the service is for.
    for (let i = at; i < clauseTo && i < at + 8; i++) if (SERVED.some((k) => keysAt(tokens, i, k, clauseTo))) return 'others';
    for (let i = clauseFrom; i < at; i++) if (recruitingAt(tokens, i, at)) return 'candidate';
    for (let i = at; i < clauseTo && i < at + 8; i++) if (JOINING.some((k) => keysAt(tokens, i, k, clauseTo))) return 'candidate';
    return 'others';
  }
}

/** The clause around tokens [from, to): from the clause break before it to the one after it, within the sentence. */
function clauseOf(tokens: readonly Token[], from: number, to: number, sFrom: number, sTo: number): [number, number] {
  let clauseFrom = sFrom;
  for (let i = from - 1; i >= sFrom; i--) {
    if (CLAUSE_BREAKS.has(tokens[i]!.norm)) {
      clauseFrom = i + 1;
      break;
    }
  }
  let clauseTo = sTo;
  for (let i = to; i < sTo; i++) {
    if (CLAUSE_BREAKS.has(tokens[i]!.norm)) {
      clauseTo = i;
      break;
    }
  }
  return [clauseFrom, clauseTo];
}

/**
 * Whether a recruiting phrase starts at token `i` (ending before `limit`). "We want" and "we need" followed by "to …"
 * are a wish or a plan ("what we want to see is young people getting support"), not the choice of a person.
 */
function recruitingAt(tokens: readonly Token[], i: number, limit: number): boolean {
  // A post said not to suit someone chooses as much as one said to suit them: "the role is probably not suited to …".
  if (UNSUITED.some((k) => keysAt(tokens, i, k, limit))) {
    for (let j = i - 1; j >= 0 && j >= i - 12 && !STOPS.has(tokens[j]!.norm); j--) if (POST_NOUNS.has(tokens[j]!.norm)) return true;
  }
  for (const k of RECRUITING) {
    if (!keysAt(tokens, i, k, limit)) continue;
    if (k.length === 2 && k[0] === 'we' && (k[1] === 'want' || k[1] === 'need') && tokens[i + 2]?.norm === 'to') continue;
    return true;
  }
  return false;
}
