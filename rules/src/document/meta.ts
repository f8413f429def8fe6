import type { DocumentKind, RuleMeta } from '../types.js';
import { DOCUMENT_SOURCES as S } from './sources.js';

const RECRUITMENT: DocumentKind[] = ['job-advert', 'job-description', 'person-specification'];

/** A mini advert with every statement; each "missing" rule's not-ok example leaves one line out. */
const ADVERT_LINES = {
  title: 'Community Staff Nurse',
  salary: 'Salary: £29,970 to £36,483 a year (Agenda for Change Band 5).',
  flexible: 'We are happy to talk about flexible working, including part-time hours and job shares.',
  adjustments: 'If you need any adjustments to apply or at interview, contact Sam Lee on 01632 960000.',
  inclusion: 'We welcome applications from everyone, and particularly from disabled people, who are under-represented in our nursing teams.',
  disability: 'We are a Disability Confident employer.',
};
type AdvertPart = Exclude<keyof typeof ADVERT_LINES, 'title'>;

function advert(without?: AdvertPart, extra: string[] = []): string {
  const parts: string[] = [ADVERT_LINES.title];
  for (const key of ['salary', 'flexible', 'adjustments', 'inclusion', 'disability'] as const) {
    if (key !== without) parts.push(ADVERT_LINES[key]);
  }
  return [...parts, ...extra].join('\n\n');
}

/** Metadata for the document-level checks, in the same shape as every other rule. */
export const documentRules: RuleMeta[] = [
  {
    id: 'missing-salary',
    category: 'statements',
    severity: 'information',
    kinds: ['job-advert'],
    title: 'Advert does not say what the job pays',
    note:
      'People are more likely to apply when they can see what a job pays, and those who cannot afford to guess may not apply at all. ' +
      'Give the salary or range; for NHS posts, the Agenda for Change band and its pay range, and whether it is pro rata.',
    sources: [S.win],
    enabledByDefault: true,
    examples: {
      ok: [
        advert(),
        advert('salary', ['Band 5 (Agenda for Change), 37.5 hours a week.']),
        advert('salary', ['£30k a year plus London weighting.']),
      ],
      notOk: [advert('salary'), advert('salary', ['Band 6. You can join our salary sacrifice scheme.'])],
    },
  },
  {
    id: 'missing-flexible-working',
    category: 'statements',
    severity: 'information',
    kinds: ['job-advert'],
    title: 'Advert does not mention flexible working',
    note:
      'Many skilled people, often parents, carers and disabled people, look only for jobs that say they can be done flexibly. ' +
      'Say which patterns are possible (part-time, job share, compressed hours, set days), or that you are happy to talk about flexible working.',
    sources: [S.workingFamilies],
    enabledByDefault: true,
    examples: {
      ok: [advert(), advert('flexible', ['This post is open to job share.'])],
      notOk: [advert('flexible'), advert('flexible', ['You must be flexible and willing to work flexibly to meet the needs of the service.'])],
    },
  },
  {
    id: 'missing-reasonable-adjustments',
    category: 'statements',
    severity: 'information',
    kinds: ['job-advert'],
    title: 'Advert does not say how to ask for adjustments',
    note:
      'Employers must make reasonable adjustments for disabled applicants during recruitment. Saying who to contact for ' +
      'adjustments or for the advert in another format means applicants do not have to guess whether it is safe to ask.',
    sources: [S.ehrcCode, S.disabilityConfident, S.win],
    enabledByDefault: true,
    examples: {
      ok: [advert(), advert('adjustments', ['This advert is available in alternative formats, such as large print.'])],
      notOk: [advert('adjustments'), advert('adjustments', ['You will make adjustments to care plans when needs change.'])],
    },
  },
  {
    id: 'missing-inclusion-statement',
    category: 'statements',
    severity: 'information',
    kinds: ['job-advert'],
    title: 'Advert has no equality or inclusion statement',
    note:
      'A short statement that you welcome applications from everyone, and particularly encourage groups under-represented in ' +
      'your workforce, tells people who might assume the job is not for them that it is. Encouraging applications from ' +
      'under-represented groups is lawful positive action under the Equality Act 2010.',
    sources: [S.lwrsRecruitment, S.ehrcCode],
    enabledByDefault: true,
    examples: {
      ok: [advert(), advert('inclusion', ['We are committed to equality, diversity and inclusion.'])],
      notOk: [advert('inclusion'), advert('inclusion', ['You will complete equality and diversity training in your first month.'])],
    },
  },
  {
    id: 'missing-disability-confident',
    category: 'statements',
    severity: 'hint',
    kinds: ['job-advert'],
    title: 'Advert does not mention Disability Confident',
    note:
      'Disability Confident employers commit to offering an interview to disabled applicants who meet the minimum criteria ' +
      'for the job. If your organisation is in the scheme, say so in the advert; if it is not, ignore this hint or turn the rule off.',
    sources: [S.disabilityConfident],
    enabledByDefault: true,
    examples: {
      ok: [advert(), advert('disability', ['Disabled applicants who meet the essential criteria are guaranteed an interview.'])],
      notOk: [advert('disability')],
    },
  },
  {
    id: 'gender-coded-word',
    category: 'gender',
    severity: 'hint',
    kinds: RECRUITMENT,
    title: 'Masculine-coded word in a strongly masculine-coded advert',
    note:
      'Gaucher, Friesen and Kay (2011) found that adverts with more masculine-coded words (such as competitive, dominant, leader) ' +
      'made jobs less appealing to women and lowered their sense of belonging, while feminine-coded words made little ' +
      'difference to men. Fairword scores the whole advert and points at words only when the balance is strongly ' +
      "masculine. Names and job titles ('NHS Trust', 'support worker', 'clinical lead') and 'responsibilities' are not counted.",
    sources: [S.gaucher, S.genderDecoder],
    enabledByDefault: true,
    examples: {
      ok: [
        'Our Clinical Lead will support you. The NHS Trust values the responsibilities of every Support Worker in child health and shared decision-making.',
        'We want an ambitious and confident nurse who is kind, supportive and understanding, and who works well together with patients.',
      ],
      notOk: ['We want a competitive, ambitious and driven leader. You will be assertive and decisive.'],
    },
  },
  {
    id: 'long-sentence',
    category: 'plain-english',
    severity: 'hint',
    kinds: RECRUITMENT,
    title: 'Sentence longer than 20 words',
    note:
      'Long sentences are harder to follow, especially for people with lower literacy, dyslexia or English as an additional ' +
      'language. The NHS service manual asks for sentences of up to 20 words.',
    sources: [S.nhsHowWeWrite],
    enabledByDefault: true,
    examples: {
      ok: ['You will visit patients in their own homes. You will work with the wider team every day.'],
      notOk: [
        'You will visit patients in their own homes across the whole of the borough and help them to stay well, working with the wider team every day.',
      ],
    },
  },
  {
    id: 'long-paragraph',
    category: 'plain-english',
    severity: 'hint',
    kinds: RECRUITMENT,
    title: 'Paragraph longer than 3 sentences',
    note:
      'Short paragraphs are easier to scan and to read on a phone. The NHS service manual asks for paragraphs of up to 3 ' +
      'sentences; a list often works better for duties or requirements.',
    sources: [S.nhsHowWeWrite],
    enabledByDefault: true,
    examples: {
      ok: ['You will visit patients at home. You will dress wounds. You will take blood.'],
      notOk: ['You will visit patients at home. You will dress wounds. You will take blood. You will write up your notes.'],
    },
  },
  {
    id: 'undefined-acronym',
    category: 'plain-english',
    severity: 'hint',
    kinds: RECRUITMENT,
    title: 'Abbreviation not spelled out at first use',
    note:
      'Abbreviations used every day inside the NHS, such as AfC, WTE or MDT, can shut out applicants from outside it or from ' +
      'other countries. Write the full form the first time, with the short form in brackets after it. Well-known ones such ' +
      'as NHS, GP and UK are not flagged. Off by default: the report lists the abbreviations instead, since on real ' +
      'documents reviewers did not treat them as a fairness problem; turn the rule on to see each one in the text.',
    sources: [S.govukAcronyms],
    enabledByDefault: false,
    examples: {
      ok: ['You will join our multidisciplinary team (MDT) in an NHS GP practice in the UK.'],
      notOk: ['You will join our MDT and help the practice meet its QOF targets.'],
    },
  },
  {
    id: 'too-many-essential-criteria',
    category: 'criteria',
    severity: 'information',
    kinds: RECRUITMENT,
    title: 'More than 8 essential criteria',
    note:
      'Long lists of essential criteria put people off applying, and every essential criterion should be something the job ' +
      'needs from day one. Move the rest to desirable. The limit of 8 is a Fairword default: the sources warn against long ' +
      'lists without giving a number.',
    sources: [S.win, S.lwrsRecruitment],
    enabledByDefault: true,
    examples: {
      ok: ['Essential criteria\n\n- NMC registration\n- Experience of wound care\n- Able to travel across the borough'],
      notOk: [
        'Essential criteria\n\n- NMC registration\n- Degree in nursing\n- Experience of wound care\n- Experience of taking blood\n' +
          '- Good IT skills\n- Good written English\n- Able to travel across the borough\n- Knowledge of safeguarding\n' +
          '- Experience of managing a caseload',
      ],
    },
  },
];

/** Metadata by rule id. */
export const DOCUMENT_RULES: ReadonlyMap<string, RuleMeta> = new Map(documentRules.map((r) => [r.id, r]));
