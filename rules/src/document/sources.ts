import type { Source } from '../types.js';

/**
 * Sources for the document-level checks (keys as in /work/shared/research/rule-sources.md).
 * Kept here rather than in rules/data/sources.yml so this module stands alone; they can move there later.
 */
export const DOCUMENT_SOURCES = {
  gaucher: {
    title:
      'Gaucher, Friesen and Kay (2011), Evidence that gendered wording in job advertisements exists and sustains gender inequality, ' +
      'Journal of Personality and Social Psychology 101(1):109–128',
    url: 'https://doi.org/10.1037/a0022530',
  },
  genderDecoder: {
    title: 'gender-decoder (Kat Matfield): the Gaucher et al. word list and scoring, as code',
    url: 'https://github.com/lovedaybrooke/gender-decoder',
  },
  nhsHowWeWrite: {
    title: 'NHS digital service manual, How we write (reading age 9 to 11, sentences of up to 20 words, paragraphs of up to 3 sentences)',
    url: 'https://service-manual.nhs.uk/content/how-we-write',
  },
  govukAcronyms: {
    title: 'GOV.UK style guide, A to Z: abbreviations and acronyms (explain in full at first use unless well known)',
    url: 'https://www.gov.uk/guidance/style-guide/a-to-z#abbreviations-and-acronyms',
  },
  workingFamilies: {
    title: "Working Families, 'Happy to Talk Flexible Working': the recruitment strapline",
    url: 'https://workingfamilies.org.uk/news/happy-to-talk-flexible-working-the-new-recruitment-strapline/',
  },
  disabilityConfident: {
    title: 'GOV.UK, Disability Confident employer scheme (offer an interview to disabled applicants who meet the minimum criteria)',
    url: 'https://www.gov.uk/guidance/disability-confident-how-to-sign-up-to-the-employer-scheme',
  },
  ehrcCode: {
    title: 'Equality and Human Rights Commission, Employment Statutory Code of Practice (2011), ch. 16: recruitment and advertising',
    url: 'https://www.equalityhumanrights.com/en/publication-download/employment-statutory-code-practice',
  },
  lwrsRecruitment: {
    title:
      'NHS England and NHS Improvement (London), London Workforce Race Strategy (Oct 2020): In focus – Recruitment ' +
      '(adverts can say that they encourage applications from under-represented groups; positive action)',
  },
  win: {
    title: 'Mayor of London health toolkit for GPs and primary care networks: engagement and recruitment (state the salary; keep essential criteria short)',
  },
  pcwrsDebias: {
    title: 'London Primary Care Workforce Race Strategy Framework: De-biasing people management and recruitment (NHS De-bias Recruitment Toolkit)',
  },
} satisfies Record<string, Source>;
