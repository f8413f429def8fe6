import type { StatementsReport } from '../types.js';

/** The statements a job advert should contain, in report order. */
export type StatementKey = keyof StatementsReport;

/** Bits for what one block says; a salary also counts when a band and an Agenda for Change mention meet in the document. */
export const StatementBit = {
  Salary: 1,
  Band: 2,
  AgendaForChange: 4,
  Flexible: 8,
  Adjustments: 16,
  Inclusion: 32,
  DisabilityConfident: 64,
} as const;

/** The statement bits of one block's visible text. */
export function statementBits(text: string): number {
  const t = flatten(text);
  let bits = 0;
  // Sums in millions are budgets and turnovers, not pay: "it costs £9.4 million a year to run".
  const pay = t.replace(/£\s?\d[\d,.]*\s?(?:million|billion|m|bn)\b[^.;]*/g, '');
  if ((/£\s?\d/.test(pay) && (SALARY_CONTEXT.test(pay) || SALARY_FIGURE_SHAPE.test(pay))) || PER_PERIOD.test(pay) || PRO_RATA.test(t) || PAY_FIGURE.test(pay)) {
    bits |= StatementBit.Salary;
  }
  if (BAND.test(t)) bits |= StatementBit.Band;
  if (AFC.test(t)) bits |= StatementBit.AgendaForChange;
  if ((FLEXIBLE.test(t) && affirmed(t, FLEXIBLE_ALL)) || FLEXIBLE_OFFER.test(t) || partTimeHours(t)) bits |= StatementBit.Flexible;
  if (ADJUSTMENTS.test(t) || ((ADJUSTMENT_WORD.test(t) || SUPPORT_NEED.test(t)) && APPLICATION_CONTEXT.test(t)) || (NEED_ADJUSTMENTS.test(t) && CONTACT.test(t))) bits |= StatementBit.Adjustments;
  if (INCLUSION.test(t) || (INCLUSION_IF_HIRING.test(t) && HIRING.test(t))) bits |= StatementBit.Inclusion;
  if (DISABILITY_CONFIDENT.test(t)) bits |= StatementBit.DisabilityConfident;
  return bits;
}

/** A block that answers the label before it with a no: "Work from home" followed by "No". */
const NO_ANSWER = /^\W*(?:no|none|n\/a|not available|not possible|not offered)\W*$/i;

/**
 * The statements report from the bits and visible text of every block, in order. A flexible-working label whose next
 * block answers "No" is not an offer.
 */
export function statementsReport(blockBits: readonly number[], blockTexts: readonly string[] = []): StatementsReport {
  let any = 0;
  for (let i = 0; i < blockBits.length; i++) {
    let b = blockBits[i]!;
    if (b & StatementBit.Flexible && NO_ANSWER.test(blockTexts[i + 1] ?? '')) b &= ~StatementBit.Flexible;
    any |= b;
  }
  const band = StatementBit.Band | StatementBit.AgendaForChange;
  return {
    salary: (any & StatementBit.Salary) !== 0 || (any & band) === band,
    flexible_working: (any & StatementBit.Flexible) !== 0,
    reasonable_adjustments: (any & StatementBit.Adjustments) !== 0,
    inclusion_statement: (any & StatementBit.Inclusion) !== 0,
    disability_confident: (any & StatementBit.DisabilityConfident) !== 0,
  };
}

/** Lower case, straight apostrophes, single spaces, plain hyphens; words run together by copying are split ("WetherbySalary"). */
function flatten(text: string): string {
  return text
    .replace(/(\p{Ll})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\s+/g, ' ');
}

/** True when `re` matches somewhere that is not negated ("not suitable for job share", "part-time is not possible"). */
function affirmed(text: string, global: RegExp): boolean {
  for (const m of text.matchAll(global)) {
    const before = text.slice(Math.max(0, m.index - 50), m.index);
    const clause = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf(',')) + 1);
    if (/\b(?:not|no|unable|cannot|can't|isn't|aren't)\b/.test(clause)) continue;
    // A demand on the applicant is not an offer: "you must be willing to work flexible hours".
    if (/\b(?:must|need to|needs to|required to|requirement to|expected to|willing(?:ness)? to|able to|ability to|prepared to|have to|should)\b/.test(clause)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (/^[^.;]{0,15}\b(?:is|are|will be) not\b|^[^.;]{0,15}\bnot (?:available|possible|offered|suitable)\b|^\W{0,4}(?:no|none|n\/a)\b|^[^.;]{0,30}\bto meet the (?:needs|demands) of\b|^\W{0,4}(?:on-? ?site|office-? ?based|in-? ?person)(?: only)?\b/.test(after)) continue;
    return true;
  }
  return false;
}

// Salary: a £ figure with a pay word, a range or "k"; a figure "per annum"/"an hour"; "pro rata";
// or an Agenda for Change band together with an Agenda for Change mention (the band fixes the pay scale).
// "Band 6" alone and "salary sacrifice" are not a salary.
const SALARY_CONTEXT =
  /\b(?:salary(?! sacrifice)|salaries|pay|paid|per annum|p\.?a\b|a year|per year|annual|annum|per hour|an hour|hourly|per month|a month|per week|a week|pro-? ?rata|band|agenda for change|afc|wage|rate)\b/;
const SALARY_FIGURE_SHAPE = /£\s?\d[\d,.]*\s?k\b|£\s?\d[\d,.]*\s?(?:-|–|—|to)\s?£?\s?\d/;
const PER_PERIOD = /\d[\d,.]*\s?k?\s?(?:per annum|p\.a\.|pa\b|a year|per year|per hour|an hour|ph\b)/;
const PRO_RATA = /\bpro[- ]?rata\b/;
/** A pay word with a figure that has no £: "Salary: 33,583-42,218", "75-100K", "£12.60 p/hr". */
const PAY_FIGURE =
  /\b(?:salary|pay|wage|pay rate|rate of pay|hourly rate)s?\b\W{0,5}(?:[a-z]+\W+){0,3}£?\d{2},\d{3}|\b\d{2,3}\s?(?:-|–|to)\s?\d{2,3}\s?k\b|£\s?\d[\d.,]*\s?(?:\+\s?£\s?\d[\d.,]*\s?)?(?:[a-z ]{0,20})?\bp\/?h(?:r|our)?\b/;
const BAND = /\bband\s?(?:[1-9]|8\s?[a-d])\b/;
const AFC = /\bagenda for change\b|\bafc\b/;

const FLEXIBLE =
  /\b(?:flexible (?:working|work|hours|patterns?|rotas?|shifts?|arrangements?|start|finish)|flexi-? ?time|flexibility (?:in|around|with|over) (?:your |working |the )?(?:hours|shifts|pattern|patterns|working|when)|part-? ?time|job-? ?shar(?:e|es|ing|ers?)|compressed (?:hours|week)|term-? ?time|annualised hours|(?:hybrid|remote|home) working|hybrid(?= ?[(|–])|work(?:ing)? from home|self-? ?rostering|less than full-? ?time|reduced hours|(?:four|4|4\.5|three|3)[- ]day (?:working |work )?weeks?|nine[- ]day fortnights?)\b/;

const FLEXIBLE_ALL = new RegExp(FLEXIBLE.source, 'g');
/** An offer to fit the hours to the person, rather than asking the person to be flexible. */
const FLEXIBLE_OFFER =
  /\b(?:patterns?|hours|shifts?|rotas?|days)\b[^.;]{0,30}\b(?:to suit|(?:that|which) (?:\w+ )?(?:suits?|fits?)|around) (?:you|your)\b|\bwe(?:'re| are| can be| will be|,? and you,?)? (?:\w+ ){0,2}flexible\b(?![^.;]{0,12}\b(?:however|but)\b)|\bflexible (?:about|around|with) (?:hours|days|when|where|start)|\b(?:choose|pick|set|plan) (?:your|their) own (?:shifts|hours|rotas?|working pattern|pattern)\b|\byou (?:can )?(?:choose|pick) (?:the |which |when |what )?(?:shifts|hours|days)\b|\bhours\b\W{0,3}(?:\d[\d.]*[^.;|]{0,15})?\bflexible\b|\b(?:some |a lot of |plenty of )?flexibility (?:about|on|over|in|around|with) (?:the )?(?:amount of work|number of (?:days|hours|shifts)|how (?:much|many|often))|\b(?:fixed |set |preferred |regular )?days?[- ]off (?:can|may) be (?:requested|chosen|agreed)|\bchoose (?:your|which) days? off\b/;

/** Hours that make a post part-time ("31 hours over 39 weeks", "12-15h pw", "14hrs a week part time"). */
function partTimeHours(text: string): boolean {
  for (const m of text.matchAll(/\b(\d{1,2})(?:\.\d+)?\s?(?:-|–|to)?\s?(\d{1,2})?\s?(?:hours?|hrs?|h)\b\s?(?:a|per|each|every|\/)?\s?(?:week|wk|pw)\b/g)) {
    const hours = Number(m[2] ?? m[1]);
    if (hours > 0 && hours < 35) return true;
  }
  return /\b\d{1,2} hours over (?:[1-4]\d|5[01]) weeks\b|\bterm[- ]time only\b/.test(text);
}

const ADJUSTMENTS =
  /\breasonable adjustments?\b|\badjustment requests?\b|\brequests? for (?:an? |any )?adjustments?\b|\baccess(?:ibility)? (?:needs|requirements)\b|\b(?:alternative|accessible) formats?\b|\b(?:in|into) (?:an? )?(?:different|other|another|accessible) formats?\b|\blarge print\b|\beasy read\b|\bbritish sign language\b|\bbsl\b/;
const ADJUSTMENT_WORD = /\badjustments?\b/;
const SUPPORT_NEED = /\b(?:need|needs|require|requires)(?: any)?(?: extra| additional)? (?:support|help|assistance)\b/;
/** "Need adjustments? Call Marcus on …": the reader's own need, and someone to ask. */
const NEED_ADJUSTMENTS = /\b(?:need|needs|require|requires|want)(?: any)?(?: reasonable)? adjustments?\b/;
const CONTACT = /\b(?:call|email|e-mail|contact|phone|ring|text|speak to|talk to|get in touch)\b/;
const APPLICATION_CONTEXT = /\b(?:apply|applying|application|interview|interviews|recruitment|selection|assessment|process)\b/;

/** Not "from individuals who: are committed to …": the people then named by what they can do are the criteria. */
const NOT_CRITERIA = String.raw`(?! (?:individuals|people|candidates|applicants|those|anyone|someone) who\b)`;
const INCLUSION = new RegExp(
  [
    String.raw`\b(?:welcome|welcomes|encourage|encourages|invite|invites) applications? from\b` + NOT_CRITERIA,
    String.raw`\bapplications (?:are )?(?:welcome|welcomed|encouraged) from\b` + NOT_CRITERIA,
    String.raw`\b(?:particularly|especially|actively) (?:welcome|encourage)\b`,
    String.raw`\b(?:particularly|especially) keen to (?:hear from|receive applications from)\b`,
    String.raw`\b(?:particularly|especially) interested in (?:hearing from|applications from|receiving applications from|a person|people|candidates|applicants)\b`,
    String.raw`\bunder-? ?represented\b`,
    String.raw`\b(?:commit(?:ted|ment|s)?|dedicated) to (?:\w+ ){0,4}(?:equality|diversity|diverse|inclusion|inclusive|equal opportunit|anti-? ?racis)`,
    String.raw`\bequal opportunit(?:y|ies) employer\b`,
    String.raw`\b(?:equality,? )?diversity,? (?:and|&) inclusion\b(?! (?:training|policy|policies|module|e-?learning|course|lead|leads|champion))`,
    String.raw`\binclusive (?:employer|workplace|organisation|organization|culture|place to work)\b`,
    String.raw`\bpositive action\b`,
    String.raw`\b(?:welcome|welcomes|encourage|encourages|invite|invites) (?:applications?|applicants|candidates|people) (?:from|of) (?:all|every|any|diverse|different)\b`,
    String.raw`\b(?:team|workforce|staff) to (?:look like|reflect|represent|mirror) (?:the )?(?:communit(?:y|ies)|people|population)`,
  ].join('|'),
);
/** Inclusive wording that is a statement about recruitment only when the sentence is about hiring. */
const INCLUSION_IF_HIRING = new RegExp(
  [
    String.raw`\b(?:value|values|celebrate|celebrates) (?:diversity|difference)\b`,
    String.raw`\bregardless of (?:their |your )?(?:age|race|ethnicity|sex|gender|disability|religion|belief|background|sexual orientation)`,
    String.raw`\bwhatever (?:their|your) (?:age|race|ethnicity|sex|gender|disability|religion|belief|background|sexual orientation)`,
    String.raw`\bfrom all (?:backgrounds|communities|walks of life|sections of (?:the )?(?:community|society))\b`,
    // Not a place made inclusive for the people served: "an inclusive environment for children".
    String.raw`\b(?:diverse|inclusive) (?:team|workforce|environment|workplace)\b(?! for (?:children|pupils|students|learners|young people|patients|residents|clients|families|service users|our (?:children|pupils|residents|patients|clients)))`,
    String.raw`\b(?:looking for|seeking|welcome|encourage|invite)s? (?:\w+ ){0,2}(?:disabled|d\/deaf|deaf|neurodivergent|black|asian|ethnic minority|minority ethnic|lgbt\w*|trans|women|older|younger) (?:people|applicants|candidates|artists|professionals|staff|colleagues|individuals)\b`,
  ].join('|'),
);
const HIRING = /\b(?:appl(?:y|ies|ying|icants?|ications?)|candidates?|recruit\w*|employ\w*|hire|hiring|join|joining|vacanc\w+|role|post|position|job|team|workforce|staff)\b/;

const DISABILITY_CONFIDENT =
  /\bdisability confident\b|\bguaranteed interviews?\b|\bguarantee(?:d|s)? (?:you |them )?(?:an )?interviews?\b|\binterview (?:guarantee|scheme)\b|\boffer (?:an )?interviews? to (?:all )?disabled\b|\btwo ticks\b|\bpositive about disabled people\b/;

/** What to insert for each missing statement: plain, kind words with placeholders in square brackets. */
export const STATEMENT_TEXT: Record<StatementKey, { title: string; text: string }> = {
  salary: {
    title: 'Insert a salary statement',
    text: 'Salary: £[amount] to £[amount] a year, pro rata (Agenda for Change Band [number]).',
  },
  flexible_working: {
    title: 'Insert a flexible working statement',
    text:
      'We are happy to talk about flexible working. This could mean part-time hours, a job share, compressed hours ' +
      'or set working days. Tell us what would work for you when you apply.',
  },
  reasonable_adjustments: {
    title: 'Insert a reasonable adjustments statement',
    text:
      'If you need any adjustments or support to apply or to come to an interview, or you would like this advert in ' +
      'another format, contact [name] at [email or phone number]. We will make reasonable adjustments.',
  },
  inclusion_statement: {
    title: 'Insert an inclusion statement',
    text:
      'We welcome applications from everyone. We particularly encourage applications from people who are ' +
      'under-represented in our workforce, such as [groups]. We are committed to equality, diversity and inclusion.',
  },
  disability_confident: {
    title: 'Insert a Disability Confident statement',
    text:
      'We are a Disability Confident employer. If you are disabled and meet the essential criteria for this job, ' +
      'we will offer you an interview.',
  },
};

/** Headings before which a missing statement reads naturally. */
export const APPLY_HEADING =
  /^(?:how to apply|how do i apply|to apply|apply(?: now| today)?|applying|application(?:s| process)?|how to apply for this (?:job|role|post)|next steps|contact(?: us| details)?|further information|more information|find out more)\b/i;
