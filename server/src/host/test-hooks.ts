import { defineRule, type CreateLinterOptions } from '@fairword/rules';

/**
 * With FAIRWORD_TEST_THROWING_RULE=1, a rule that throws on the word "kaboom" joins the linters, so the tests can
 * prove that a failing rule becomes one diagnostic and does not stop the others. Never set in normal use.
 */
export function testLinterOptions(): CreateLinterOptions {
  if (process.env['FAIRWORD_TEST_THROWING_RULE'] !== '1') return {};
  return {
    extraRules: [
      defineRule({
        meta: {
          id: 'test-throwing-rule',
          category: 'fairword',
          severity: 'warning',
          kinds: [],
          title: 'A rule that throws (tests only)',
          message: 'never reported',
          note: 'Used by the reliability tests to check that a failing rule is contained.',
          sources: [{ title: 'Fairword tests' }],
          suggestions: [],
          enabledByDefault: true,
          examples: { ok: [], notOk: [] },
        },
        triggers: ['kaboom'],
        check() {
          throw new Error('test rule failed on purpose');
        },
      }),
    ],
  };
}
