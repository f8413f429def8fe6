import { SEVERITY_RANK, type Finding } from '@fairword/rules';
import type { Formatter } from './index.js';
import { docxPlace, placeText } from './place.js';

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot hold. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * JUnit XML for CI test reports (GitLab, Jenkins): one test suite per file and one test case per finding.
 * Findings at or above `--max-severity` are failures; others are passing cases that carry the finding as output.
 * A file without findings is one passing case.
 */
export const junit: Formatter = ({ failAt }) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  return {
    file({ file, findings }) {
      const name = xml(file);
      const cases = findings.map((f) => testCase(file, f, SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failAt]));
      const failed = cases.filter((c) => c.failed).length;
      const body = cases.length > 0 ? cases.map((c) => c.xml) : [`    <testcase classname="${name}" name="fairword" file="${name}"/>`];
      tests += body.length;
      failures += failed;
      suites.push([`  <testsuite name="${name}" tests="${body.length}" failures="${failed}" errors="0">`, ...body, '  </testsuite>'].join('\n'));
      return '';
    },
    end: () =>
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="fairword" tests="${tests}" failures="${failures}" errors="0">`,
        ...suites,
        '</testsuites>',
        '',
      ].join('\n'),
  };
};

function testCase(file: string, f: Finding, failed: boolean): { xml: string; failed: boolean } {
  const place = docxPlace(f);
  const at = place ? `paragraph ${place.paragraph}` : `${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const name = xml(file);
  const line = place ? '' : ` line="${f.range.start.line + 1}"`;
  const open = `    <testcase classname="${name}" name="${xml(`${at} ${f.ruleId}`)}" file="${name}"${line}>`;
  const tip = f.suggestions.length > 0 ? `\nTry: ${f.suggestions.map((s) => JSON.stringify(s)).join(', ')}` : '';
  const where = place ? `${file}, ${placeText(place)}` : `${file}:${at}`;
  const detail = xml(`${f.severity} at ${where} (${f.ruleId}): ${f.message}${tip}`);
  const inner = failed
    ? `      <failure type="${f.severity}" message="${xml(f.message)}">${detail}</failure>`
    : `      <system-out>${detail}</system-out>`;
  return { xml: [open, inner, '    </testcase>'].join('\n'), failed };
}
