import { describe, expect, it } from 'vitest';
import { lint } from '@fairword/rules';
import { withoutDocumentRules } from './helpers.js';

const ids = (text: string): string[] => lint(text, { format: 'plaintext', kind: 'job-advert', config: withoutDocumentRules() }).findings.map((f) => `${f.ruleId} "${f.actual}"`);

describe('mentions are not uses', () => {
  it('quoted terms', () => {
    expect(ids("Avoid terms like 'wheelchair-bound' in adverts.")).toEqual([]);
    expect(ids('We no longer say “BAME” in our reports.')).toEqual([]);
    expect(ids('The wheelchair-bound visitor arrived.')).toEqual(['wheelchair-bound "wheelchair-bound visitor"']);
  });
  it('apostrophes are not quotes', () => {
    expect(ids("The team's salesman won't stay.")).toEqual(['gendered-job-title "salesman"']);
  });
  it('discouraging cues right before the term', () => {
    expect(ids('We recruit for culture add, not culture fit.')).toEqual([]);
    expect(ids('Say wheelchair user instead of wheelchair-bound.')).toEqual([]);
    expect(ids('We assess culture fit at interview.')).toEqual(['culture-fit "culture fit"']);
  });
  it('citations and references', () => {
    expect(ids('Smith, J. et al. (2019) THE YOUNG RESEARCHER, Vol. 3, pp. 12–19.')).toEqual([]);
  });
  it('sentences that list terms to discuss them', () => {
    expect(ids('These terms include BAME, BME and people of colour.')).toEqual([]);
    expect(ids('BAME staff and people of colour met.')).toEqual(['bame "BAME staff"', 'people-of-colour "people of colour"']);
  });
});

describe('mention detection does not hide real uses', () => {
  it('"long-term" is not a sign of a terminology list', () => {
    expect(ids('Many patients suffer from long-term conditions, and some are wheelchair-bound.')).toEqual([
      'suffers-from "suffer from"',
      'wheelchair-bound "are wheelchair-bound"',
    ]);
  });
  it('"including" needs three different terms before a sentence counts as a list', () => {
    expect(ids('We support the disabled, including candidates suffering from anxiety.')).toEqual([
      'the-disabled "the disabled"',
      'suffers-from "suffering from"',
    ]);
  });
});
