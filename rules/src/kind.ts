import { parse } from 'yaml';
import { lexicon } from './generated/data.js';
import { DOCUMENT_KINDS, type DocumentKind } from './types.js';

/** Reads `fairword: { kind: … }` (or `fairword-kind: …`) from YAML front matter. */
export function kindFromFrontMatter(frontMatter: string | undefined): DocumentKind | undefined {
  if (!frontMatter || !/fairword/.test(frontMatter)) return undefined;
  try {
    const data = parse(frontMatter, { logLevel: 'silent' }) as Record<string, unknown> | null;
    const block = data?.['fairword'];
    const value = (block && typeof block === 'object' ? (block as Record<string, unknown>)['kind'] : undefined) ?? data?.['fairword-kind'];
    return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value) ? (value as DocumentKind) : undefined;
  } catch {
    return undefined;
  }
}

/** What a signal looks at: a heading or label line, the document's title lines, or running text. */
type Where = 'heading' | 'title' | 'text';

/** The names of health conditions (rules/data/lexicon.yml), as an alternation for the signals below. */
const CONDITIONS = (lexicon['conditions'] ?? [])
  .filter((w) => !/^(?:conditions?|illness(?:es)?|diseases?|disorders?|disabilit(?:y|ies)|impairments?|ms|aids|tb|mnd|cfs)$/.test(w))
  .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]?").replace(/ /g, '[\\s-]'))
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The signal of a news story's or blog post's byline or dateline. */
const BYLINE = 'a byline or dateline';
/** Signals only an advert has: a job description or person specification has no closing date, pay or way to apply. */
const CLOSING_DATE = 'a closing date';
const HOW_TO_APPLY = 'how to apply';
const PAY = 'pay with a figure';
const ADVERT_MARKS = new Set([CLOSING_DATE, HOW_TO_APPLY, PAY]);

/** One sign of a document kind: where it is looked for, what it says, how much it counts and how often. */
interface Signal {
  id: string;
  kind: DocumentKind;
  where: Where;
  re: RegExp;
  weight: number;
  /** At most this many occurrences count. */
  cap: number;
  /** `re` with the global flag, for counting (matchAll copies it) and for reading from a given place (set lastIndex first). */
  all: RegExp;
}

const sig = (id: string, kind: DocumentKind, where: Where, re: RegExp, weight: number, cap = 1): Signal => ({
  id,
  kind,
  where,
  re,
  weight,
  cap,
  all: new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`),
});

/**
 * The signs of each kind that Fairword reads. Weights are small whole numbers: a title that names the kind counts
 * most, then the sections and details that kind of document always has, then wording that often goes with it.
 */
const SIGNALS: Signal[] = [
  // A title that names the kind: the document's first line or heading.
  sig('a job advert title', 'job-advert', 'title', /\b(?:job advert|vacancy|vacancies|job opportunity|we(?:'re| are) (?:hiring|recruiting)|now recruiting)\b/i, 8),
  // A title that is only the rules: "Rules", "Club rules", "Rules and regulations".
  sig('a rules title', 'policy', 'title', /^\W*(?:(?:club|membership|house|general|standing|our) )?rules(?: (?:and|&) (?:regulations|conditions|bye-?laws|procedures))?\W*$/i, 8),
  sig('a job description title', 'job-description', 'title', /\b(?:job description|role profile|job profile|role description)\b/i, 8),
  sig('a person specification title', 'person-specification', 'title', /\bperson(?:al)? spec(?:ification)?\b/i, 8),
  sig('a policy title', 'policy', 'title', /\b(?:policy(?! (?:advis|officer|manager|lead|analyst|director|team|unit|and (?:research|strategy)))|procedures?|terms of reference|standing orders|code of (?:conduct|practice)|protocol|constitution|charter|guidelines|codes of (?:conduct|practice)|(?:employee|staff|volunteer|member)s?'? handbook|(?:carers?'?|disability|compassionate|bereavement|parental|maternity|paternity|adoption|dependants?'?|special) leave|guidance for (?:staff|managers|panels?|interview|recruiting|employees)|(?:equality|diversity|inclusion|edi|edib|anti-racis[tm]|equal opportunities|accessibility|modern slavery) (?:statement|declaration|pledge|promise|commitment)|equal opportunities|(?:dignity|respect)(?: and respect)? at work|bullying and harassment|grievance|disciplinary|whistleblowing|freedom to speak up|sickness absence|managing (?:attendance|sickness)|(?:attendance|absence) management|flexible working|lone working|recruitment and selection|(?:equality|equality,? diversity and inclusion|edi) (?:scheme|strategy|framework|objectives)|guaranteed (?:job )?interview(?: scheme)?|disability confident scheme)\b/i, 8),
  sig('a health information title', 'health-information', 'title', /\b(?:health (?:day|event|fair|checks?|information|advice)|information for (?:patients|carers|families|parents)|advice for (?:patients|carers|families|parents)|patient (?:information|leaflet)|leaflet|factsheet|fact sheet|awareness (?:day|week|month)|support group)\b/i, 8),
  sig('a report title', 'general', 'title', /\b(?:(?:annual|summary|progress|evaluation|equality|research|final|interim) report|report (?:on|of|into)|(?:equity|health equity|equality|clinical) audit|(?:joint strategic |health )?needs assessment|jsna|evaluation of|briefing|bulletin|statistics)\b/i, 8),
  // Job adverts: pay, a closing date, how to apply, contract terms, the voice of recruiting.
  sig(CLOSING_DATE, 'job-advert', 'text', /\b(?:closing date|closes (?:on|in|at)|apply by|application deadline|deadline for applications|interview dates?|interviews will be held|shortlisting date|days? remaining to apply|(?:this|the) (?:vacancy|advert|post) (?:may|will|might) close)\b/i, 3),
  sig(HOW_TO_APPLY, 'job-advert', 'text', /\b(?:how to apply|apply (?:now|today|online|via|through|here|for this)|to apply,|click apply|submit (?:your|an) application|send (?:your|us your) cv|please apply|you should apply|applications? (?:should|must) be|we look forward to (?:receiving|hearing))\b/i, 2),
  sig(PAY, 'job-advert', 'text', /£\s?\d[\d,.]*\s?k?\b[^\n]{0,50}\b(?:a year|per annum|p\.?\s?a\b|pro[- ]?rata|per hour|an hour|p\/?hr?\b|hourly|per week|a week|per day|a day|per session)|\b(?:salary|pay|wage|rate of pay|pay rate|hourly rate|pay band)s?\b[^\n]{0,30}(?:£\s?\d|\d{2},\d{3}|\d{2,3}\s?k\b)|£\s?\d[\d,.]*\s?(?:-|–|—|to)\s?£?\s?\d[\d,.]*|\b\d{2,3}\s?(?:-|–|to)\s?\d{2,3}\s?k\b/i, 3),
  sig('contract terms', 'job-advert', 'text', /\b(?:full[- ]time|part[- ]time|permanent|fixed[- ]term|temporary|contract type|working pattern|working hours|hours of work|\d+(?:\.\d+)? hours (?:a|per) week|hours per week|annual leave|days'? holiday|pension scheme|start date)\b/i, 1, 3),
  sig('recruiting language', 'job-advert', 'text', /\b(?:(?:we're|we are|(?:is|are)) (?:looking for|seeking|recruiting)|(?:join|joining) (?:our|the) team|join(?:ing)? us|welcome (?:applications|candidates|applicants)|the successful (?:candidate|applicant)|the ideal candidate|about the role|about you|what we offer|benefits include|we (?:can )?offer|you will be joining|exciting opportunity|job reference|reference number|job title|job summary|must have|we(?:'d| would) love to hear)\b/i, 1, 3),
  // A job board's headings for the post's details (a job description's header table has salary and location too), and a
  // heading over what the applicant needs.
  sig('details of the post', 'job-advert', 'heading', /^\W*(?:job (?:location|details|type)|role details|contract type)\W*$/i, 1, 3),
  sig('what the applicant needs', 'job-advert', 'heading', /^\W*(?:requirements|what you(?:'ll| will) (?:need|bring)|what we(?:'re| are) looking for|about you|who you are|the ideal candidate)\W*$/i, 2),
  sig('words to the applicant', 'job-advert', 'text', /\byou(?:'ll| will| would| should| must| need|r role| can expect)\b|\b(?:the|this|these) (?:roles?|posts?|positions?|jobs?)\b|\b(?:applicants|candidates)\b/i, 1, 3),
  // Job descriptions: duties and reporting lines.
  sig('"job description" in the text', 'job-description', 'heading', /\b(?:job description|role profile|job profile)\b/i, 1),
  sig('duties and responsibilities', 'job-description', 'text', /\b(?:main|key|principal|general|specific|core) (?:duties|responsibilities|tasks|accountabilities)\b|\bduties and responsibilities\b|\b(?:job|role|post) purpose\b|\bpurpose of (?:the )?(?:post|role|job)\b|\bsummary of (?:the )?role\b|\brole summary\b|\bkey result areas\b|\b(?:job|role|post) (?:responsibilities|duties)\b|\boverview of (?:the )?(?:role|post|job)\b|\brole overview\b|\b(?:job|role|post) outline\b|\breason (?:the )?(?:job|role|post) exists\b|\b(?:main|overall) purpose\b/i, 2, 2),
  sig('a reporting line', 'job-description', 'text', /\b(?:reports to|reporting to|responsible to|accountable to|line manager)\b/i, 2),
  sig('the post holder', 'job-description', 'text', /\b(?:the post ?holder|the job ?holder|the role ?holder)\b/i, 2),
  sig('duties written as "To …"', 'job-description', 'text', /^(?:[-*•·▪–]\s*|\d{1,2}[.)]\s*)?To (?:\w+ ){0,2}?(?:provide|support|ensure|assist|maintain|undertake|carry|deliver|manage|work|develop|liaise|contribute|attend|participate|promote|monitor|prepare|keep|act|lead|help|be)\b/m, 1, 3),
  // Person specifications: criteria and how they are assessed.
  sig('"person specification" in the text', 'person-specification', 'text', /\bperson(?:al)? spec(?:ification)?\b/i, 2),
  sig('essential and desirable criteria', 'person-specification', 'heading', /^\W*(?:essential|desirable)(?: criteria| requirements| skills)?\W*$|\bessential\b.{0,20}\bdesirable\b/i, 2, 2),
  // The headings a person specification sorts its criteria under.
  sig('headings for criteria', 'person-specification', 'heading', /^\W*(?:(?:education|training)(?:\s*(?:\/|and|&)\s*)(?:qualifications|training)|skills(?:\s*(?:\/|and|&)\s*)(?:abilities|knowledge|experience)|knowledge(?:\s*(?:\/|and|&)\s*)(?:skills|experience|understanding)|personal (?:qualities|attributes|skills)|(?:special|other|additional) requirements|aptitudes?(?: and abilities)?)\W*$/i, 1, 3),
  sig('criteria said to be essential', 'person-specification', 'text', /\b(?:skills|qualities|values|beliefs|experience|knowledge|attributes|qualifications|abilities)(?: and (?:skills|qualities|values|beliefs|experience|knowledge|attributes|abilities))? (?:are|is) (?:essential|desirable)\b/i, 2, 2),
  sig('how criteria are assessed', 'person-specification', 'text', /\b(?:method of assessment|how (?:it will be|assessed)|assessed (?:at|by|through) (?:interview|application)|application form\s*\/\s*interview)\b/i, 2),
  // Policies: their sections, their control details and their rules.
  sig('policy sections', 'policy', 'heading', /^\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:introduction(?: and (?:background|purpose|scope))?|background|purpose(?: and scope)?|scope|definitions?|policy statement|roles and responsibilities|responsibilities|duties|membership|quorum|meetings|frequency of meetings|governance|accountability|monitoring(?: and review)?|review|aims(?: and objectives)?|objectives|principles|related (?:policies|documents)|legislation|equality impact assessment|reporting arrangements|confidentiality|chair(?:ing)?|mission statement|values|basic principles)(?:\s+(?:of|for) (?:the |this |our )?(?:group|network|forum|committee|members|membership|policy|procedure|scheme|board|panel))?\W*$/i, 2, 4),
  // The same id as the headings above: a policy's sections, as headings or as "Scope:" labels, are counted together and
  // each scores under both signals (4 points, up to 4 sections), the strongest sign that a long text is a policy.
  sig('policy sections', 'policy', 'text', /\b(?:membership|quorum|frequency of meetings|scope|definitions|policy statement|terms of reference|aims and objectives|reporting arrangements)\s*:/i, 2, 4),
  sig('document control details', 'policy', 'text', /\b(?:review date|date of (?:next )?review|next review|version \d|approved by|date approved|approval date|ratified|document owner|policy owner|effective from|supersedes|published by)\b/i, 2),
  sig('rules for members', 'policy', 'text', /\b(?:this|the) (?:policy|procedure|protocol|constitution)\b|\bthese (?:terms of reference|standing orders)\b|\bthe (?:group|committee|council) (?:will|shall|aims)\b|\b(?:network|forum) (?:will|shall|aims)\b|\bmembers (?:will|shall|must)\b|\bshall\b/i, 1, 3),
  // What an organisation binds itself to, and what it tells its managers and staff to do.
  sig('commitments the organisation makes', 'policy', 'text', /\bwe will (?:not|never)\b|\bwe are (?:fully )?committed to\b|\bour commitments?\b|\bwe (?:guarantee|pledge|undertake) to\b|\bwill not (?:discriminate|tolerate)\b|\bzero[- ]tolerance\b/i, 1, 3),
  sig('guidance for managers and staff', 'policy', 'text', /\bguid(?:anc)?es? for (?:line )?(?:managers|employees|staff)\b|\b(?:line )?managers (?:should|must|are responsible)\b/i, 2, 2),
  // Health information: speaks to "you" about health, care and where to get help.
  sig('health advice to the reader', 'health-information', 'text', /\b(?:(?:ask|see|speak to|talk to|contact|call) (?:your|a) (?:gp|doctor|pharmacist|nurse|midwife|health visitor)|nhs 111|call 999|if you (?:think|are worried|feel|have|need|are eligible|are caring)|if you,? or (?:someone|somebody|a (?:friend|relative|family member)) you know\b|if you're (?:worried|concerned|eligible|caring|pregnant|over|under)|(?:your|my) risk of|you (?:may|might|can) (?:be eligible|get|need|feel|have|want|find)|get (?:help|support|advice)|where to get help|help and support|self-refer|book (?:an|your) appointment|your (?:symptoms|health|wellbeing|gp|doctor|medication|referral|appointment|assessment|care plan|treatment|diagnosis))\b/i, 2, 3),
  sig('a leaflet for the public', 'health-information', 'text', /\b(?:this|our) (?:leaflet|booklet|factsheet|fact sheet|information sheet)\b|\bwho is this (?:leaflet|guide|booklet|information) for\b/i, 2, 2),
  sig('health topics', 'health-information', 'heading', /\b(?:symptoms|causes|treatments?|diagnosis|who is eligible|eligibility|living with|support for (?:you|carers|families)|advice for (?:carers|parents|patients)|getting help|what are the (?:risks|signs|side effects)|who (?:can|will|should) (?:have|be offered|be referred)|signs (?:and symptoms|of)|risk factors|side effects|how (?:is it|it is) (?:treated|diagnosed)|health checks?|(?:self-)?referrals?|how to refer|how to get|vaccin\w*|screening|services available|health inequalities|(?:adult |children's )?social care|day (?:services|centres?|care)|respite(?: care)?|(?:young|adult|young adult|unpaid) carers?|what is a carer|caring for someone|looking after someone)\b/i, 2, 3),
  // A heading that names a condition, or asks about one: "What is epilepsy?", "Dementia facts", "Who is affected?".
  sig('a condition as a heading', 'health-information', 'heading', new RegExp(`^\\W*(?:(?:what (?:is|are|causes) )?(?:${CONDITIONS})(?: (?:facts|explained|and you|symptoms))?|who(?:'s| is| are| gets| can get) (?:affected|at risk))\\W*$`, 'i'), 2, 2),
  sig('health words', 'health-information', 'text', /\b(?:illness(?:es)?|conditions?|symptoms?|treatments?|gp|diagnos(?:is|ed)|medical|medication|wellbeing|stigma|mental health|physical health|vaccin\w*|jab)\b/i, 1, 3),
  sig('community health events', 'health-information', 'text', /\b(?:drop-in|come along|free (?:lunch|tea|refreshments|childcare|jab|vaccin\w*)|awareness (?:day|week|month)|history month|this event|community (?:event|cafe|café|session|hall)s?|join us)\b/i, 1, 2),
  // Reports and news: attribution, dates and data.
  sig('news reporting', 'general', 'text', /\b(?:said|says|told|according to|added|commented)\b|\b(?:inquest|coroner|court|press release|spokesperson|spokesman|spokeswoman|announced|reported|minister)\b/i, 1, 4),
  // A byline or dateline under the headline: "By Jo Smith", "Hexley Echo | 28 October 2025", "Published 3 May 2024, 10:15",
  // a line naming the blog the post is on ("Acme Care – Insights blog"), or the writer's role ("Writer for Care News").
  sig(BYLINE, 'general', 'text', /^[\s*_]*(?:by \p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}'-]+){1,2}|[\p{Lu}][^\n|]{1,40}\|\s*\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{Ll}* \d{4}|(?:published|posted|updated)(?: on)?:? \d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{Ll}* \d{4},? \d{1,2}[:.]\d{2}|[^\n|]{0,50}\bblog(?: post)?|(?:staff |senior |guest |freelance |content )?(?:writer|reporter|correspondent|journalist|editor|contributor) (?:for|at) [^\n|]{2,50})[\s*_]*$/imu, 5),
  // The press gives a person's age after their name: "Jo Smith, 58, set off on Saturday".
  sig('a person named with their age', 'general', 'text', /\b\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?, (?:aged )?\d{1,3},/u, 2, 2),
  sig('report and data language', 'general', 'text', /\b(?:report|survey|findings|data|analysis|indicators?|percentage|per cent|figure \d|table \d|needs assessment|census|statistics|respondents|year on year|evidence)\b|\d+(?:\.\d+)?%/i, 1, 4),
];

/** Signals in one group: smaller groups let fewer signals be read on a line that matches one of them. */
const GROUP_SIZE = 6;

/**
 * The signals read line by line, in groups of up to GROUP_SIZE of the same place and flags, each group with one
 * expression that matches wherever any of its members does: most lines match none, and are then read once per group,
 * not once per signal. Where a group's first match starts, none of its members can match earlier, so they are read
 * from there on. Compiling the groups' expressions costs about as much as reading a thousand lines without them.
 */
const LINE_GROUPS = (() => {
  const groups = new Map<string, { heading: boolean; members: Signal[] }>();
  const sizes = new Map<string, number>();
  for (const s of SIGNALS) {
    if (s.where === 'title') continue;
    const alike = `${s.where}/${s.re.flags}`;
    const n = sizes.get(alike) ?? 0;
    sizes.set(alike, n + 1);
    const key = `${alike}/${Math.floor(n / GROUP_SIZE)}`;
    const group = groups.get(key) ?? { heading: s.where === 'heading', members: [] };
    group.members.push(s);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ heading, members }) => ({
    heading,
    members: new Set(members),
    any: new RegExp(members.map((s) => `(?:${s.re.source})`).join('|'), `${members[0]!.re.flags.replace(/[gy]/g, '')}g`),
  }));
})();

/**
 * The signal ids found in one line (its text, and whether it is a heading-like line), for caching per block. With
 * `grouped`, the line is first read once per group of signals (see LINE_GROUPS); the ids are the same either way.
 */
export function blockSignals(line: string, heading: boolean, grouped = false): string[] {
  // Curly apostrophes are the same word: "We’re seeking".
  const text = line.includes('’') ? line.replace(/’/g, "'") : line;
  const out: string[] = [];
  // Where each signal may first match: 0 without grouping; with it, where its group first matches (none: no match).
  let from: Map<Signal, number> | undefined;
  if (grouped) {
    from = new Map();
    for (const g of LINE_GROUPS) {
      if (g.heading && !heading) continue;
      g.any.lastIndex = 0;
      const first = g.any.exec(text);
      if (first) for (const s of g.members) from.set(s, first.index);
    }
    if (from.size === 0) return out;
  }
  for (const s of SIGNALS) {
    if (s.where === 'title') continue;
    if (s.where === 'heading' && !heading) continue;
    const start = from ? from.get(s) : 0;
    if (start === undefined) continue;
    s.all.lastIndex = start;
    if (s.cap === 1) {
      if (start === 0 ? s.re.test(text) : s.all.test(text)) out.push(s.id);
      continue;
    }
    const n = countMatches(s.all, text, s.cap);
    for (let i = 0; i < n; i++) out.push(s.id);
  }
  return out;
}

/**
 * How many matches of the global expression `re` `text` holds from `re.lastIndex` on, up to `cap`: what counting
 * `text.matchAll(re)` gives (an empty match moves on one character), without the iterator and the copy of `re`.
 */
function countMatches(re: RegExp, text: string, cap: number): number {
  let n = 0;
  while (n < cap) {
    const m = re.exec(text);
    if (!m) break;
    n++;
    if (m[0] === '') re.lastIndex += re.unicode && text.codePointAt(re.lastIndex)! > 0xffff ? 2 : 1;
  }
  return n;
}

/** A decided kind, and the signals that decided it (in words, for the status item, the report and JSON). */
export interface KindDecision {
  kind: DocumentKind;
  evidence: string[];
}

/** Points the winner needs, and its lead over the next kind (job description and person specification count as one). */
const MIN_SCORE = 4;
const MIN_LEAD = 2;

/**
 * Decides the kind from the signals of every block and the document's first lines (its title). Returns undefined,
 * meaning 'general', when nothing scores enough or two kinds are close.
 */
export function decideKind(found: Iterable<string>, titleLines: readonly string[]): KindDecision | undefined {
  const counts = new Map<string, number>();
  for (const id of found) counts.set(id, (counts.get(id) ?? 0) + 1);
  // Where the title lines name more than one kind, the first to name one is the document's title and the others name
  // its sections: a "Job vacancy" with a "Job Description" heading under it is an advert carrying its job description.
  const titles = titleLines.map((l) => l.replace(/’/g, "'"));
  const firstNaming = titles.find((l) => SIGNALS.some((s) => s.where === 'title' && s.re.test(l)));
  const title = firstNaming ?? '';
  const score = new Map<DocumentKind, number>();
  const why = new Map<DocumentKind, string[]>();
  // Under a byline the first line is a headline: it names the story ("Health checks draw hundreds"), not the document.
  const headline = counts.has(BYLINE);
  for (const s of SIGNALS) {
    const n = s.where === 'title' ? (!headline && s.re.test(title) ? 1 : 0) : Math.min(s.cap, counts.get(s.id) ?? 0);
    if (n === 0) continue;
    score.set(s.kind, (score.get(s.kind) ?? 0) + n * s.weight);
    // The two 'policy sections' signals share an id: name it once.
    if (!why.get(s.kind)?.includes(s.id)) why.set(s.kind, [...(why.get(s.kind) ?? []), s.id]);
  }
  // A job description and a person specification often come as one document: either can win, and they do not compete.
  const jd = score.get('job-description') ?? 0;
  const ps = score.get('person-specification') ?? 0;
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const [best, bestScore] = ranked[0] ?? ['general', 0];
  if (best === 'general' || bestScore < MIN_SCORE) return undefined;
  const rival = ranked.find(([k]) => k !== best && !(isJobPaper(k) && isJobPaper(best)));
  if (rival && bestScore - rival[1] < MIN_LEAD) {
    // An advert carries its job description: when the two are close, a closing date, pay or a way to apply makes it
    // the advert, and either way it is a recruitment document rather than general.
    const pair = [best, rival[0]];
    if (pair.includes('job-advert') && pair.some(isJobPaper)) {
      const advert = why.get('job-advert') ?? [];
      const kind = advert.some((id) => ADVERT_MARKS.has(id)) ? 'job-advert' : (pair.find(isJobPaper) as DocumentKind);
      return { kind, evidence: why.get(kind) ?? [] };
    }
    return undefined;
  }
  const kind = isJobPaper(best) && jd !== ps ? (jd > ps ? 'job-description' : 'person-specification') : best;
  return { kind, evidence: why.get(kind) ?? why.get(best) ?? [] };
}

function isJobPaper(kind: DocumentKind): boolean {
  return kind === 'job-description' || kind === 'person-specification';
}
