import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseDocument, documentRules, FACTS_MEMO_LIMIT, type BlockFacts, type SeverityOf } from '../../rules/src/document/index.js';
import { Memo } from '../../rules/src/memo.js';
import { lineEndOf, lineStartOf, lineStarts } from '../../rules/src/positions.js';
import { proseView } from '../../rules/src/prose.js';
import type { DocumentKind, Finding, Format, GenderCodingReport, StatementsReport } from '../../rules/src/types.js';

function analyse(source: string, { format = 'markdown', kind = 'job-advert', facts }: { format?: Format; kind?: DocumentKind; facts?: Memo<BlockFacts> } = {}, severityOf?: SeverityOf) {
  return analyseDocument({ source, view: proseView(source, format), kind, starts: lineStarts(source), ...(facts ? { facts } : {}) }, severityOf);
}

/** Findings as `line:col-line:col severity rule "actual" → suggestions` strings. */
function show(findings: Finding[]): string[] {
  return findings.map((f) => {
    const { start, end } = f.range;
    const fix = f.suggestions.length ? ` → ${f.suggestions.join(' | ')}` : '';
    return `${start.line}:${start.character}-${end.line}:${end.character} ${f.severity} ${f.ruleId} ${JSON.stringify(f.actual)}${fix}`;
  });
}

const statement = (key: keyof StatementsReport) => (text: string) => analyse(text).report.statements[key];

describe('statements', () => {
  it.each([
    '£27,055 – £29,180 per annum',
    '£24,071 - £25,674 pa',
    'Salary: £30k plus London weighting',
    '£14.50 per hour',
    'Band 5 (Agenda for Change)',
    'AfC Band 8a',
    '£32,000 pro rata',
    'Pay: 28,000 per annum',
    'Band 6\n\nPaid on Agenda for Change terms and conditions.',
  ])('salary: %s', (text) => expect(statement('salary')(text)).toBe(true));

  it.each(['You can join our salary sacrifice scheme.', 'Band 6', 'Competitive salary', 'You will get a £500 welcome bonus.', 'Call 01632 960 123.'])(
    'not a salary: %s',
    (text) => expect(statement('salary')(text)).toBe(false),
  );

  it.each([
    'We are happy to talk flexible working.',
    'We are happy to discuss flexible working.',
    'Happy to Talk Flexible Working',
    'Full or part-time hours considered.',
    'This post is open to job share.',
    'Compressed hours are possible.',
    'Term-time only.',
    'Hybrid working: two days a week at home.',
    'There is some flexibility about the number of days you work each month.',
  ])('flexible working: %s', (text) => expect(statement('flexible_working')(text)).toBe(true));

  it.each([
    'You must be flexible.',
    'You will be willing to work flexibly to meet the needs of the service.',
    'This post is not suitable for job share.',
    'Part-time working is not possible in this role.',
    '37.5 hours per week, full time.',
    'You will need flexibility in your approach to each patient.',
  ])('not flexible working: %s', (text) => expect(statement('flexible_working')(text)).toBe(false));

  it.each([
    'If you need any adjustments during the process, please tell us.',
    'Tell us about any access needs you have.',
    'This advert is available in alternative formats.',
    'We will make reasonable adjustments.',
    'If you need support to apply, call Sam.',
    'You can ask for this advert in large print.',
  ])('reasonable adjustments: %s', (text) => expect(statement('reasonable_adjustments')(text)).toBe(true));

  it.each(['You will make adjustments to care plans when needs change.', 'You will support patients with their needs.'])(
    'not reasonable adjustments: %s',
    (text) => expect(statement('reasonable_adjustments')(text)).toBe(false),
  );

  it.each([
    'We welcome applications from everyone.',
    'We are committed to equality, diversity and inclusion.',
    'We particularly encourage applications from disabled people and people from ethnic minority backgrounds, who are under-represented in our senior roles.',
    'We are an equal opportunities employer.',
    'Our commitment to equality and inclusion runs through everything we do.',
    'We are particularly interested in hearing from people of colour, who are under-represented in our sector.',
    'We are especially interested in a person who reflects the communities our gardens serve.',
  ])('inclusion statement: %s', (text) => expect(statement('inclusion_statement')(text)).toBe(true));

  it.each([
    'You will complete equality and diversity training in your first month.',
    'Diversity and inclusion training is mandatory.',
    'We welcome you to the team.',
    'Our inclusive approach to care puts patients first.',
    'We welcome applications from individuals who: hold a current NMC registration.',
  ])('not an inclusion statement: %s', (text) => expect(statement('inclusion_statement')(text)).toBe(false));

  it.each([
    'We are a Disability Confident employer.',
    'Disabled applicants who meet the essential criteria are guaranteed an interview.',
    'We run a guaranteed interview scheme.',
  ])('Disability Confident: %s', (text) => expect(statement('disability_confident')(text)).toBe(true));

  it('not Disability Confident: confidence in general', () => {
    expect(statement('disability_confident')('We are confident you will enjoy this job.')).toBe(false);
  });
});

describe('missing statements', () => {
  const advert = '# Staff Nurse\n\nJoin our ward team.\n\n## How to apply\n\nApply through NHS Jobs.\n';

  it('gives one document finding per missing statement, on the title, with text to insert before "How to apply"', () => {
    const { findings } = analyse(advert);
    expect(show(findings)).toEqual([
      '0:2-0:13 hint missing-disability-confident "Staff Nurse"',
      '0:2-0:13 information missing-flexible-working "Staff Nurse"',
      '0:2-0:13 information missing-inclusion-statement "Staff Nurse"',
      '0:2-0:13 information missing-reasonable-adjustments "Staff Nurse"',
      '0:2-0:13 information missing-salary "Staff Nurse"',
    ]);
    for (const f of findings) {
      expect(f.scope).toBe('document');
      expect(f.insert?.offset).toBe(advert.indexOf('## How to apply'));
      expect(f.insert?.position).toEqual({ line: 4, character: 0 });
      expect(f.insert?.text.endsWith('\n\n')).toBe(true);
    }
    expect(findings.find((f) => f.ruleId === 'missing-salary')?.insert?.title).toBe('Insert a salary statement');
  });

  it('inserting the suggested text makes the statement present', () => {
    for (const f of analyse(advert).findings) {
      const ins = f.insert!;
      const fixed = advert.slice(0, ins.offset) + ins.text + advert.slice(ins.offset);
      expect(analyse(fixed).findings.map((g) => g.ruleId), f.ruleId).not.toContain(f.ruleId);
    }
  });

  it('inserts at the end when there is no "How to apply" heading, keeping a blank line before', () => {
    const at = (text: string, format: Format = 'plaintext') => analyse(text, { format }).findings.find((f) => f.ruleId === 'missing-salary')!.insert!;
    expect(at('Staff Nurse\n\nJoin us.\n')).toMatchObject({ offset: 22, position: { line: 3, character: 0 } });
    expect(at('Staff Nurse\n\nJoin us.\n').text).toMatch(/^\nSalary: .*\n$/);
    expect(at('Staff Nurse\n\nJoin us.').text).toMatch(/^\n\nSalary: .*\n$/);
    expect(at('Staff Nurse\n\nJoin us.\n\n').text).toMatch(/^Salary: .*\n$/);
    expect(at('Staff Nurse\r\n\r\nJoin us.').text).toMatch(/^\r\n\r\nSalary: .*\r\n$/);
  });

  it('are for job adverts only: never for policies or job descriptions, though the report is still filled', () => {
    for (const kind of ['policy', 'job-description', 'general'] as const) {
      const { findings, report } = analyse(advert, { kind });
      expect(findings.filter((f) => f.scope === 'document'), kind).toEqual([]);
      expect(report.statements.salary).toBe(false);
      expect(report.kind).toBe(kind);
    }
  });

  it('are absent when the advert has every statement', () => {
    const full = documentRules.find((r) => r.id === 'missing-salary')!.examples.ok[0]!;
    expect(analyse(full, { format: 'plaintext' }).report.statements).toEqual({
      salary: true,
      flexible_working: true,
      reasonable_adjustments: true,
      inclusion_statement: true,
      disability_confident: true,
    });
  });
});

describe('gender coding', () => {
  const balance = (text: string): Omit<GenderCodingReport, 'explanation'> => {
    const { explanation: _explanation, ...rest } = analyse(text).report.genderCoding;
    return rest;
  };

  it('does not count names, job titles, duties or the job\'s own vocabulary', () => {
    const text =
      'Northbridge NHS Trust is recruiting a Support Worker. Our Clinical Lead and team leader oversee the workforce. ' +
      'You will support patients, lead the shift and sit on the committee with our trustees. ' +
      'This post is open to job share. We work with Champion Health.';
    expect(balance(text)).toEqual({ score: 0, verdict: 'neutral', masculine: [], feminine: [] });
  });

  it('does not count words that describe the people the service supports', () => {
    const text = 'We help residents stay independent and active. Patients become more confident at home.';
    expect(balance(text)).toEqual({ score: 0, verdict: 'neutral', masculine: [], feminine: [] });
  });

  it('counts trait words that describe the applicant or the team, each occurrence, listing each word once', () => {
    const text = 'You will support patients and support families. We want someone kind and warm. Our team is kind.';
    expect(balance(text)).toEqual({ score: 3, verdict: 'feminine-coded', masculine: [], feminine: ['kind', 'warm'] });
  });

  it('reads hyphenated words whole', () => {
    expect(balance('We want a co-operative, self-confident nurse who is also dominant and forceful.')).toEqual({
      score: -2,
      verdict: 'masculine-coded',
      masculine: ['self-confident', 'dominant', 'forceful'],
      feminine: ['co-operative'],
    });
  });

  it('calls a difference of one word neutral, and explains the verdict', () => {
    const report = analyse('We are looking for a competitive self-starter.').report.genderCoding;
    expect(report).toEqual({
      score: -1,
      verdict: 'neutral',
      masculine: ['competitive'],
      feminine: [],
      explanation:
        '1 masculine-coded word (competitive) and no feminine-coded words describe the person, the team or the job, so ' +
        'the balance is -1: neutral. A difference of 2 or more leans one way and 4 or more is strong; duties such as ' +
        '"support patients" are not counted.',
    });
    expect(balance('We are looking for a strong, competitive and driven self-starter.')).toMatchObject({ score: -2, verdict: 'masculine-coded' });
  });

  it('flags each masculine-coded word when the advert is strongly masculine-coded', () => {
    const text = 'We want a competitive, ambitious and driven leader who will lead an independent team. You will be assertive and decisive.';
    const { report, findings } = analyse(text);
    expect(report.genderCoding).toMatchObject({
      score: -7,
      verdict: 'strongly masculine-coded',
      masculine: ['competitive', 'ambitious', 'driven', 'leader', 'independent', 'assertive', 'decisive'],
      feminine: [],
    });
    expect(show(findings.filter((f) => f.ruleId === 'gender-coded-word'))).toEqual([
      '0:10-0:21 hint gender-coded-word "competitive" → high-achieving',
      // Before a noun only a one-word alternative fits: not "a keen to develop … leader", "an able to work on your own team".
      '0:23-0:32 hint gender-coded-word "ambitious"',
      '0:37-0:43 hint gender-coded-word "driven" → motivated',
      '0:44-0:50 hint gender-coded-word "leader"',
      '0:68-0:79 hint gender-coded-word "independent"',
      '0:98-0:107 hint gender-coded-word "assertive" → able to speak up',
      '0:112-0:120 hint gender-coded-word "decisive" → able to make sound judgements',
    ]);
  });

  it('offers no alternative the sentence already has, nor the same one twice in a sentence', () => {
    const text =
      'You will be driven and determined, and highly motivated. You will be competitive, assertive and decisive. You will be ambitious and fearless in a challenging market.';
    expect(show(analyse(text).findings.filter((f) => f.ruleId === 'gender-coded-word'))).toEqual([
      '0:12-0:18 hint gender-coded-word "driven"',
      '0:23-0:33 hint gender-coded-word "determined"',
      '0:69-0:80 hint gender-coded-word "competitive" → high-achieving',
      '0:82-0:91 hint gender-coded-word "assertive" → able to speak up',
      '0:96-0:104 hint gender-coded-word "decisive" → able to make sound judgements',
      '0:118-0:127 hint gender-coded-word "ambitious" → keen to develop',
      '0:132-0:140 hint gender-coded-word "fearless" → willing to try new things',
    ]);
  });

  it('gives no word findings unless strongly masculine-coded', () => {
    const feminine = 'We are kind, warm, supportive, understanding and loyal, and we share the work together.';
    expect(analyse(feminine).report.genderCoding.verdict).toBe('strongly feminine-coded');
    expect(analyse(feminine).findings.filter((f) => f.ruleId === 'gender-coded-word')).toEqual([]);
    const masculine = 'We want an ambitious and competitive nurse.';
    expect(analyse(masculine).report.genderCoding).toMatchObject({ score: -2, verdict: 'masculine-coded' });
    expect(analyse(masculine).findings.filter((f) => f.ruleId === 'gender-coded-word')).toEqual([]);
  });
});

describe('readability', () => {
  const repeat = (sentence: string, n: number): string => Array.from({ length: n }, () => sentence).join('\n\n');

  it('reading age is Flesch–Kincaid grade + 5 on a known text', () => {
    // 25 sentences of 4 two-syllable words: 0.39 × 4 + 11.8 × 2 − 15.59 = 9.57 → 14.57 → 15
    expect(analyse(repeat('Doctors visit patients daily.', 25)).report.readability.readingAge).toBe(15);
    // 20 sentences of 5 one-syllable words: 0.39 × 5 + 11.8 − 15.59 = −1.84 → 3.16 → 3
    expect(analyse(repeat('We help them at home.', 20)).report.readability.readingAge).toBe(3);
  });

  it('gives no reading age under 100 words', () => {
    expect(analyse(`${repeat('We help them at home.', 19)}\n\nDoctors visit patients daily.`).report.readability.readingAge).toBeNull();
  });

  it('counts passive sentences, not states like "committed" or "based"', () => {
    const text =
      'The forms are checked by the team. Patients are seen at home.\n\nWe check the forms. You will be supported.\n\n' +
      'We are committed to equality. The post is based in Leeds. It is being reviewed. Training has been fully funded.';
    const r = analyse(text).report.readability;
    expect(r.passiveShare).toBe(0.63);
  });

  it('flags sentences over 20 words and paragraphs over 3 sentences, with exact ranges', () => {
    const text =
      'You will visit patients in their own homes across the whole of the borough and help them to stay well, working with the wider team every day.\n\n' +
      'You will visit patients at home. You will dress wounds. You will take blood. You will write up your notes.\n\n' +
      '- You will visit patients at home.\n- You will dress wounds.\n- You will take blood.\n- You will write up your notes.';
    const { report, findings } = analyse(text, { format: 'plaintext', kind: 'job-description' });
    expect(report.readability).toMatchObject({ longSentences: 1, longParagraphs: 1 });
    expect(show(findings).map((s) => s.replace(/ ".*/, ''))).toEqual(['0:0-0:141 hint long-sentence', '2:0-2:106 hint long-paragraph']);
    expect(findings[0]!.message).toBe('This sentence has 27 words. Aim for 20 or fewer: split it into shorter sentences.');
    expect(findings[1]!.message).toBe('This paragraph has 4 sentences. Aim for 3 or fewer: split it, or use a list.');
  });

  it("counts neither the short fact lines of a details block as sentences nor a list item's label as words", () => {
    const details = 'Band 3, £24,071 to £25,674 pro rata\nFull time, term time only\nPermanent\nStarting in September';
    expect(analyse(details, { format: 'plaintext', kind: 'job-advert' }).report.readability.longParagraphs).toBe(0);
    const item = '- Cooking skills: It is important that you are able to cook, as you will make meals from fresh food every day.';
    expect(analyse(item, { kind: 'job-advert' }).report.readability.longSentences).toBe(0);
    const longer = '- Cooking skills: It is important that you are able to cook, as you will make hot meals from fresh food every single day.';
    const { findings } = analyse(longer, { kind: 'job-advert' });
    expect(findings.filter((f) => f.ruleId === 'long-sentence').map((f) => f.message)).toEqual([
      'This sentence has 21 words. Aim for 20 or fewer: split it into shorter sentences.',
    ]);
  });

  it('reads a line that starts afresh as its own sentence', () => {
    const text = '**Band 3 (Agenda for Change)** · £24,071 – £25,674 per annum · 37.5 hours per week\n**Closing date:** 12 December 2026 at midnight for all applicants';
    expect(analyse(text).report.readability.longSentences).toBe(0);
  });
});

describe('abbreviations', () => {
  const acronyms = (text: string, format: Format = 'plaintext') => analyse(text, { format }).report.readability.undefinedAcronyms;
  // The rule is off by default (the report lists the abbreviations); these tests turn it on.
  const on: SeverityOf = (id, base) => (id === 'undefined-acronym' ? base : documentRules.find((r) => r.id === id)?.enabledByDefault ? base : undefined);

  it('is off by default: the report lists the abbreviations, the text shows no finding', () => {
    const { findings, report } = analyse('You will join our MDT.', { format: 'plaintext', kind: 'job-description' });
    expect(findings.filter((f) => f.ruleId === 'undefined-acronym')).toEqual([]);
    expect(report.readability.undefinedAcronyms).toEqual(['MDT']);
  });

  it('flags the first use of an abbreviation not spelled out, with its full form as the suggestion', () => {
    const { findings } = analyse('You will join our MDT. The MDT meets weekly. KPIs are reviewed. CQC visits too.', { format: 'plaintext', kind: 'job-description' }, on);
    expect(show(findings.filter((f) => f.ruleId === 'undefined-acronym'))).toEqual([
      '0:18-0:21 hint undefined-acronym "MDT" → multidisciplinary team (MDT)',
      '0:45-0:49 hint undefined-acronym "KPIs" → Key performance indicators (KPIs)',
      '0:64-0:67 hint undefined-acronym "CQC" → Care Quality Commission (CQC)',
    ]);
  });

  it('accepts the usual ways of spelling out', () => {
    expect(acronyms('Paid on Agenda for Change (AfC) terms. AfC Band 5.')).toEqual([]);
    expect(acronyms('Paid on AfC (Agenda for Change) terms.')).toEqual([]);
    expect(acronyms('You will work in a primary care network.\n\nThe PCN covers four practices.')).toEqual([]);
    expect(acronyms('Our WTE (whole-time equivalent) is 1.0.')).toEqual([]);
    expect(acronyms('The post is 1.0 WTE, and the whole-time equivalent salary is given below.')).toEqual([]);
    expect(acronyms('The post is 1.0 WTE.')).toEqual(['WTE']);
  });

  it('leaves well-known ones, headings, capitals for emphasis and Roman numerals alone', () => {
    expect(acronyms('Apply through NHS Jobs. You will work with GPs across the UK. PhD welcome. Part II.')).toEqual([]);
    expect(acronyms('# Why join our PCN\n\nWe are a primary care network.', 'markdown')).toEqual([]);
    expect(acronyms('APPLY NOW FOR THIS EXCITING ROLE')).toEqual([]);
    expect(acronyms('JOB DETAILS\nTITLE: Porter\nTO BE ASSESSED AT INTERVIEW')).toEqual([]);
    expect(acronyms('Location: QUEEN MARY HOSPITAL, STATION ROAD. Apply by Friday.')).toEqual([]);
    expect(acronyms('You will need a DBS check and NMC registration, and an ECG course helps.')).toEqual([]);
    expect(acronyms('Ask yourself: why should a family trust YOU to care for MY mother?')).toEqual([]);
  });

  it('counts an abbreviation spelled out anywhere in the document, before or after its first use', () => {
    expect(acronyms('The ABC meets monthly.\n\nThe Area Budget Committee (ABC) sets the budget.')).toEqual([]);
  });

  it('flags unknown abbreviations without a suggestion', () => {
    const { findings } = analyse('Use the XYZ system.', { format: 'plaintext', kind: 'job-description' }, on);
    expect(show(findings)).toEqual(['0:8-0:11 hint undefined-acronym "XYZ"']);
    expect(findings[0]!.message).toBe("Spell out 'XYZ' the first time you use it, with the short form in brackets after it.");
  });
});

describe('requirements', () => {
  const reqs = (text: string, format: Format = 'markdown') => analyse(text, { format, kind: 'person-specification' }).report.requirements;

  it("counts an advert's requirements list as essential when it has no essential/desirable split", () => {
    expect(reqs('## About you\n\n- Kind and patient\n- A driving licence\n\nWe train everyone.\n\n## How to apply\n\nApply now.\n').essential).toBe(2);
    expect(reqs("## What you'll need\n\n- NVQ Level 2\n\n## Desirable\n\n- First aid\n").essential).toBe(1);
    // An item marked essential counts wherever it is.
    expect(reqs('Some things to know.\n\n- A car and a licence are essential.\n- A love of gardening.\n').essential).toBe(1);
  });

  it('counts list items under an Essential heading, through sub-headings, until Desirable', () => {
    const md =
      '# Person specification\n\n## Essential criteria\n\n### Qualifications\n\n- NMC registration\n- Degree\n\n### Experience\n\n' +
      '- Wound care\n  over two lines\n- Phlebotomy\n\n## Desirable criteria\n\n- Masters\n\n## How to apply\n\nApply now.\n';
    expect(reqs(md).essential).toBe(4);
  });

  it('counts items in an Essential table column, rows marked E, and criteria marked (E)', () => {
    const table =
      '| Criteria | Essential | Desirable |\n|---|---|---|\n| Qualifications | NMC registration<br>Degree in nursing | Masters |\n' +
      '| Experience | Wound care; phlebotomy; caseloads | Leadership |\n| Skills | ✓ | |\n';
    expect(reqs(table).essential).toBe(6);
    const marked = '| Criteria | E/D |\n|---|---|\n| NMC | E |\n| Degree | D |\n| Caseload | E |\n\n- Car driver (D)\n- IT skills (E)\n- Team work – essential\n';
    expect(reqs(marked).essential).toBe(4);
  });

  it('counts plain-text bullet lines after an "Essential:" label', () => {
    expect(reqs('Essential:\n- NMC registration\n- Degree\nDesirable:\n- Masters\n\nAbout us\n\nWe are nice.', 'plaintext').essential).toBe(2);
  });

  it('counts a list that a sentence after it marks essential, and not one it marks desirable', () => {
    const list = '- NMC registration\n- Experience of wound care\n- Able to travel across the borough\n';
    expect(reqs(`## The person\n\n${list}\nAll of the above are essential.\n`).essential).toBe(3);
    expect(reqs(`## The person\n\n${list}\nThese are all essential. We check them at interview.\n`).essential).toBe(3);
    expect(reqs(`${list}\nThese are essential.\n\n- A mentorship qualification\n- Hospice experience\n\nThese would be desirable.\n`).essential).toBe(3);
    // Under a requirements heading every item counts, unless a sentence after the list says it is desirable.
    expect(reqs(`## About you\n\n${list}\nThe above would be an advantage.\n\n- A caring nature\n`).essential).toBe(1);
    // An item already marked essential is not counted twice; a sentence with no list before it counts nothing.
    expect(reqs('- A car and a licence are essential.\n- A love of gardening.\n\nAll of the above are essential.\n').essential).toBe(2);
    expect(reqs('We are a friendly team.\n\nAll of the above are essential.\n').essential).toBe(0);
    expect(reqs('Essential:\n- NMC registration\n- Degree\nThese are desirable.\n', 'plaintext').essential).toBe(0);
    expect(reqs('- NMC registration\n- Degree\nAll of these are essential.\n', 'plaintext').essential).toBe(2);
  });

  it('counts a list that a line before it introduces as essential, and not one introduced as desirable', () => {
    const md = 'The following are essential:\n\n- NMC registration\n- Wound care\n\nThe following would be an advantage:\n\n- A mentorship qualification\n\nWe train everyone.\n\n- Not a criterion\n';
    expect(reqs(md).essential).toBe(2);
    expect(reqs('Essential skills, knowledge and experience:\n\n- Phlebotomy\n- Team work\n- IT skills\n').essential).toBe(3);
    // Only the sentence that ends in the colon introduces the list.
    expect(reqs('We welcome everyone. It is essential that you have:\n\n- Phlebotomy\n- Team work\n').essential).toBe(2);
    expect(reqs('The essential criteria are checked at interview. Contact us:\n\n- By phone\n- By email\n').essential).toBe(0);
    expect(reqs("## What you'll need\n\n- NVQ Level 2\n\nIt would be an advantage to have:\n\n- First aid\n- A driving licence\n").essential).toBe(1);
  });

  it('flags more than 8 essential criteria at the sentence that marks the list essential', () => {
    const nine = `## About the person\n\n${Array.from({ length: 9 }, (_, i) => `- Criterion ${i + 1}`).join('\n')}\n\nAll of these are essential.\n`;
    const { findings, report } = analyse(nine, { kind: 'person-specification' });
    expect(report.requirements.essential).toBe(9);
    expect(show(findings)).toEqual(['12:0-12:27 information too-many-essential-criteria "All of these are essential."']);
  });

  it("lists N years' experience requirements as written", () => {
    expect(reqs("- 2 years' experience in a care setting\n- At least five years of relevant experience\n- 3+ years experience\n- Aged 2 years").yearsOfExperience).toEqual([
      "2 years' experience",
      'five years of relevant experience',
      '3+ years experience',
    ]);
  });

  it('flags more than 8 essential criteria on the Essential heading', () => {
    const nine = `## Essential\n\n${Array.from({ length: 9 }, (_, i) => `- Criterion ${i + 1}`).join('\n')}\n`;
    const { findings } = analyse(nine, { kind: 'person-specification' });
    expect(show(findings)).toEqual(['0:3-0:12 information too-many-essential-criteria "Essential"']);
    expect(findings[0]!.message).toBe(
      'This has 9 essential criteria. Keep only what the job needs from day one (8 at most is a good guide) and move the rest to desirable.',
    );
    const eight = `## Essential\n\n${Array.from({ length: 8 }, (_, i) => `- Criterion ${i + 1}`).join('\n')}\n`;
    expect(analyse(eight, { kind: 'person-specification' }).findings).toEqual([]);
  });
});

describe('settings and kinds', () => {
  it('takes severities from the caller and drops rules turned off', () => {
    const severityOf: SeverityOf = (id, base) => (id === 'missing-salary' ? undefined : id === 'missing-inclusion-statement' ? 'warning' : base);
    const ids = analyse('# Nurse\n\nJoin us.', {}, severityOf).findings.map((f) => `${f.ruleId} ${f.severity}`);
    expect(ids).toEqual([
      'missing-disability-confident hint',
      'missing-flexible-working information',
      'missing-inclusion-statement warning',
      'missing-reasonable-adjustments information',
    ]);
  });

  it('plain-English and gender findings are for recruitment documents only', () => {
    const long = 'You will visit patients in their own homes across the whole of the borough and help them to stay well, working with the wider team every day.';
    expect(analyse(long, { kind: 'policy' }).findings).toEqual([]);
    expect(analyse(long, { kind: 'policy' }).report.readability.longSentences).toBe(1);
    expect(analyse(long, { kind: 'job-description' }).findings.map((f) => f.ruleId)).toEqual(['long-sentence']);
  });

  it('gives the same answer from cache as cold', () => {
    const source = readFileSync(new URL('../../examples/job-advert.md', import.meta.url), 'utf8');
    const facts = new Memo<BlockFacts>(FACTS_MEMO_LIMIT);
    const cold = analyse(source);
    expect(analyse(source, { facts })).toEqual(cold);
    expect(analyse(source, { facts })).toEqual(cold);
    const edited = source.replace('Eastvale', 'Westvale');
    expect(analyse(edited, { facts })).toEqual(analyse(edited));
  });
});

describe('rule metadata and examples', () => {
  it('has every document rule, each with a source, a note and examples', () => {
    expect(documentRules.map((r) => r.id)).toEqual([
      'missing-salary',
      'missing-flexible-working',
      'missing-reasonable-adjustments',
      'missing-inclusion-statement',
      'missing-disability-confident',
      'gender-coded-word',
      'long-sentence',
      'long-paragraph',
      'undefined-acronym',
      'too-many-essential-criteria',
    ]);
    for (const r of documentRules) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      expect(r.note.length, r.id).toBeGreaterThan(40);
      expect(r.examples.notOk.length, r.id).toBeGreaterThan(0);
    }
  });

  // The same check test/engine/examples.test.ts makes through the full linter (plain text, the rule's first kind),
  // with the rule switched on even where it is off by default.
  describe.each(documentRules)('$id', (rule) => {
    const kind = rule.kinds[0] ?? 'general';
    const on: SeverityOf = (id, base) => (id === rule.id ? base : undefined);
    it.each(rule.examples.notOk)('flags: %s', (example) => {
      expect(analyse(example, { format: 'plaintext', kind }, on).findings.map((f) => f.ruleId)).toContain(rule.id);
    });
    it.each(rule.examples.ok)('leaves alone: %s', (example) => {
      expect(analyse(example, { format: 'plaintext', kind }, on).findings.map((f) => f.ruleId)).not.toContain(rule.id);
    });
  });
});

describe('examples/job-advert.md', () => {
  const source = readFileSync(new URL('../../examples/job-advert.md', import.meta.url), 'utf8');
  const result = analyse(source);

  it('report', () => {
    expect(result.report).toEqual({
      kind: 'job-advert',
      statements: {
        salary: true,
        flexible_working: false,
        reasonable_adjustments: false,
        inclusion_statement: false,
        disability_confident: false,
      },
      // "help them to stay independent" describes patients, and "support" is a duty: neither is counted.
      genderCoding: {
        score: 0,
        verdict: 'neutral',
        masculine: [],
        feminine: [],
        explanation:
          'no masculine-coded words and no feminine-coded words describe the person, the team or the job, so the ' +
          'balance is 0: neutral. A difference of 2 or more leans one way and 4 or more is strong; duties such as ' +
          '"support patients" are not counted.',
      },
      readability: { readingAge: 11, longSentences: 3, longParagraphs: 0, passiveShare: 0, undefinedAcronyms: ['NVQ', 'COPD'] },
      requirements: { essential: 5, yearsOfExperience: ["2 years' experience"] },
    });
  });

  it('findings', () => {
    expect(show(result.findings)).toEqual([
      '0:2-0:52 hint missing-disability-confident "Healthcare Support Worker – Community Nursing Team"',
      '0:2-0:52 information missing-flexible-working "Healthcare Support Worker – Community Nursing Team"',
      '0:2-0:52 information missing-inclusion-statement "Healthcare Support Worker – Community Nursing Team"',
      '0:2-0:52 information missing-reasonable-adjustments "Healthcare Support Worker – Community Nursing Team"',
      '7:0-8:56 hint long-sentence "Northbridge Community Health NHS Trust is looking for a Healthcare Support Worker to join\\nour young and dynamic district nursing team in Eastvale."',
      '8:57-10:35 hint long-sentence "You will visit patients in their\\nown homes, help them to stay independent, and support the registered nurses with wound\\ncare, blood tests and observations."',
      '23:0-24:65 hint long-sentence "Many of our patients suffer from long-term conditions such as diabetes and COPD, and\\nsome are wheelchair-bound, so patience and kindness matter to us."',
    ]);
    const insert = result.findings[0]!.insert!;
    expect(insert.position).toEqual({ line: 26, character: 0 });
    expect(source.slice(insert.offset).startsWith('## How to apply')).toBe(true);
  });
});

describe('the line around an offset', () => {
  it('stops at the nearest LF, CRLF or CR, whichever kinds of break the text has', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['first line', 'second line', 'third'].join(nl);
      const at = text.indexOf('line', text.indexOf('second'));
      expect(text.slice(lineStartOf(text, at), lineEndOf(text, at))).toBe('second line');
      expect(text.slice(lineStartOf(text, 3), lineEndOf(text, 3))).toBe('first line');
      expect(text.slice(lineStartOf(text, text.length), lineEndOf(text, text.length))).toBe('third');
    }
  });
});
