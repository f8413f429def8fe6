import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../server/src/protocol.js';
import {
  SCRIPT,
  contentSecurityPolicy,
  escapeHtml,
  fileNameOf,
  genderMarkerPercent,
  readingAgePercent,
  renderMessage,
  renderReport,
} from '../../client/src/report/html.js';
import { STATEMENT_RULE_IDS, parseWebviewMessage } from '../../client/src/report/messages.js';

const CSP_SOURCE = 'https://*.vscode-cdn.net';
const NONCE = '0123456789abcdef0123456789abcdef';
const opts = { cspSource: CSP_SOURCE, nonce: NONCE };
const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

const report = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'job-advert',
  statements: {
    salary: true,
    flexible_working: false,
    reasonable_adjustments: true,
    inclusion_statement: false,
    disability_confident: false,
  },
  genderCoding: {
    score: -4,
    verdict: 'strongly masculine-coded',
    masculine: ['competitive', 'driven', 'dominant'],
    feminine: ['supportive'],
  },
  readability: {
    readingAge: 13,
    longSentences: 3,
    longParagraphs: 1,
    passiveShare: 0.15,
    undefinedAcronyms: ['AfC', 'DBS'],
  },
  requirements: { essential: 12, yearsOfExperience: ['at least 5 years of experience'] },
  findingsByCategory: { age: 1, gender: 3, 'plain-english': 2 },
  ...over,
});

const result = (over: Partial<ReportResult> = {}): ReportResult => ({
  uri: 'file:///home/hr/Adverts/band%205%20nurse.md',
  version: 7,
  kind: 'job-advert',
  kindSource: 'text',
  report: report(),
  findings: [
    { ruleId: 'gendered-job-title', category: 'gender', severity: 'warning', message: "'Salesman' suggests the job is for one sex.", line: 12, character: 4 },
    { ruleId: 'young', category: 'age', severity: 'warning', message: "'Young' tells older applicants they are not wanted.", line: 2, character: 17 },
    { ruleId: 'long-sentence', category: 'plain-english', severity: 'information', message: 'This sentence has 31 words.', line: 2, character: 0 },
  ],
  ...over,
});

/** Every match of a global regular expression's first group. */
const all = (html: string, re: RegExp): string[] => [...html.matchAll(re)].map((m) => m[1] ?? m[0]);

describe('escapeHtml', () => {
  it('escapes markup and both kinds of quote', () => {
    expect(escapeHtml(HOSTILE)).toBe(HOSTILE_ESCAPED);
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
    expect(escapeHtml('" onmouseover="alert(1)')).toBe('&quot; onmouseover=&quot;alert(1)');
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
    expect(escapeHtml('Plain text, £30,000 — fine')).toBe('Plain text, £30,000 — fine');
  });
});

describe('renderReport: page', () => {
  const html = renderReport(result(), opts);

  it('has a strict Content Security Policy', () => {
    expect(contentSecurityPolicy(CSP_SOURCE, NONCE)).toBe(
      `default-src 'none'; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; img-src ${CSP_SOURCE} data:;`,
    );
    expect(all(html, /<meta http-equiv="Content-Security-Policy"[^>]*>/g)).toEqual([
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https://*.vscode-cdn.net 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; img-src https://*.vscode-cdn.net data:;">`,
    ]);
  });

  it('loads nothing remote: the only URL is the webview source in the CSP', () => {
    const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(withoutCsp).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
  });

  it('puts the nonce on its one style and one inline script, and uses no style attributes', () => {
    expect(all(html, /<style\b([^>]*)>/g)).toEqual([` nonce="${NONCE}"`]);
    expect(all(html, /<script\b([^>]*)>/g)).toEqual([` nonce="${NONCE}"`]);
    expect(html).toContain(SCRIPT);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('is a whole document titled with the file name', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<title>Fairword report: band 5 nurse.md</title>');
    expect(html).toContain('<h1>Fairword report: band 5 nurse.md</h1>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('links a script and a style sheet by webview URI when given, still with the nonce', () => {
    const page = renderReport(result(), { ...opts, scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/x/report.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/x/report.css' });
    expect(page).toContain(`<script nonce="${NONCE}" src="https://file+.vscode-resource.vscode-cdn.net/x/report.js"></script>`);
    expect(page).toContain(`<link rel="stylesheet" nonce="${NONCE}" href="https://file+.vscode-resource.vscode-cdn.net/x/report.css">`);
    expect(page).not.toContain('acquireVsCodeApi');
  });

  it('follows the theme with VS Code colour variables, including high contrast', () => {
    for (const v of [
      '--vscode-foreground',
      '--vscode-editor-background',
      '--vscode-charts-red',
      '--vscode-charts-blue',
      '--vscode-charts-green',
      '--vscode-charts-yellow',
      '--vscode-charts-orange',
      '--vscode-charts-purple',
      '--vscode-button-background',
      '--vscode-focusBorder',
      '--vscode-contrastBorder',
    ]) {
      expect(html).toContain(`var(${v}`);
    }
    expect(html).toContain('body.vscode-high-contrast');
    expect(html).toContain('@media (forced-colors: active)');
  });
});

describe('renderReport: sections', () => {
  const html = renderReport(result(), opts);

  it('shows the document kind and where it came from', () => {
    expect(html).toContain('<h2 id="fw-kind-heading">Document kind</h2><p><strong>Job advert</strong> (type recognised from the text)</p>');
    const withEvidence = renderReport(result({ kindEvidence: ['a closing date', 'pay with a figure'] }), opts);
    expect(withEvidence).toContain('<p><strong>Job advert</strong> (type recognised from the text: a closing date, pay with a figure)</p>');
    const fromFrontMatter = renderReport(result({ kindSource: 'front-matter' }), opts);
    expect(fromFrontMatter).toContain('<strong>Job advert</strong> (type set at the top of the document)</p>');
    expect(renderReport(result({ kindSource: 'override' }), opts)).toContain('<strong>Job advert</strong> (type chosen by you)</p>');
  });

  it('lists every statement, ticked or crossed, with an Insert button only for the missing ones', () => {
    expect(html).toContain('<p>2 of 5 statements included.');
    expect(all(html, /<li class="statement (present|missing)"/g)).toEqual(['present', 'missing', 'present', 'missing', 'missing']);
    expect(html).toContain('<li class="statement present" data-statement="salary"><span class="mark" aria-hidden="true">✓</span> Salary<span class="visually-hidden">: included</span></li>');
    expect(all(html, /<button type="button" class="insert" data-action="insert" data-statement="([a-z_]+)"/g)).toEqual([
      'flexible_working',
      'inclusion_statement',
      'disability_confident',
    ]);
    expect(html).toContain(
      '<button type="button" class="insert" data-action="insert" data-statement="flexible_working" aria-label="Insert a flexible working statement" title="Insert a flexible working statement">Insert</button>',
    );
    expect(html).toContain('<span class="mark" aria-hidden="true">✗</span> Disability Confident<span class="visually-hidden">: missing</span>');
  });

  it('draws the gender balance bar with the marker at the score', () => {
    expect(html).toContain('#fw-gender-marker { left: 25%; }');
    expect(html).toContain(
      '<div class="balance" id="fw-gender-bar" role="img" aria-label="Gender-coded balance: strongly masculine-coded, score -4 (3 different masculine-coded and 1 different feminine-coded words)." data-score="-4">',
    );
    expect(html).toContain('<p id="fw-gender-verdict">Verdict: <strong>Strongly masculine-coded</strong> (score -4: feminine-coded minus masculine-coded words)</p>');
    expect(html).toContain(
      '<li id="fw-gender-masculine">Masculine-coded words: <span class="word">competitive</span>, <span class="word">driven</span>, <span class="word">dominant</span></li>',
    );
    expect(html).toContain('<li id="fw-gender-feminine">Feminine-coded words: <span class="word">supportive</span></li>');
    expect(html).toContain('← Masculine-coded');
    expect(html).toContain('Feminine-coded →');
  });

  it('places the gender marker proportionally, clamped to the bar', () => {
    expect(genderMarkerPercent(0)).toBe(50);
    expect(genderMarkerPercent(-4)).toBe(25);
    expect(genderMarkerPercent(2)).toBe(62.5);
    expect(genderMarkerPercent(8)).toBe(100);
    expect(genderMarkerPercent(-30)).toBe(0);
    expect(genderMarkerPercent(Number.NaN)).toBe(50);
    const neutral = renderReport(result({ report: report({ genderCoding: { score: 0, verdict: 'neutral', masculine: [], feminine: [] } }) }), opts);
    expect(neutral).toContain('#fw-gender-marker { left: 50%; }');
    expect(neutral).toContain('Verdict: <strong>Neutral</strong> (score 0:');
    expect(neutral).toContain('<li id="fw-gender-masculine">Masculine-coded words: none</li>');
    const feminine = renderReport(result({ report: report({ genderCoding: { score: 5, verdict: 'strongly feminine-coded', masculine: [], feminine: ['kind'] } }) }), opts);
    expect(feminine).toContain('#fw-gender-marker { left: 81.25%; }');
    expect(feminine).toContain('(score +5:');
  });

  it('gives the reading age against the NHS target in plain words', () => {
    expect(html).toContain('<p id="fw-reading-age" class="big">Reading age: 13</p>');
    expect(html).toContain('<p>NHS guidance: aim for a reading age of 9 to 11, and no higher than 14.</p>');
    expect(html).toContain(
      '<p id="fw-reading-status" class="status fair">Above the NHS target of 9 to 11, but not above 14. Shorter sentences and everyday words will bring it down.</p>',
    );
    expect(html).toContain(
      'role="img" aria-label="Reading age 13, on a scale from 5 to 20. NHS guidance: aim for a reading age of 9 to 11, and no higher than 14."',
    );
    expect(readingAgePercent(13)).toBe(53.33);
    expect(html).toContain('#fw-reading-marker { left: 53.33%; }');
    expect(html).toContain(
      '#fw-reading-track { background: linear-gradient(to right, var(--vscode-charts-green, #89d185) 0 40%, var(--vscode-charts-yellow, #cca700) 40% 60%, var(--vscode-charts-red, #f14c4c) 60% 100%); }',
    );
    expect(html).toContain('#fw-reading-limit { left: 60%; }');
    expect(html).toContain('<span class="tick" id="fw-tick-target">11</span><span class="tick" id="fw-tick-limit">14</span>');
  });

  it('says whether the reading age is good, too high, or not worked out', () => {
    const read = (readingAge: number | null): string =>
      renderReport(result({ report: report({ readability: { readingAge, longSentences: 0, longParagraphs: 0, passiveShare: 0, undefinedAcronyms: [] } }) }), opts);
    expect(read(10)).toContain('<p id="fw-reading-status" class="status good">Good: this is within the NHS target of 9 to 11.</p>');
    expect(read(16)).toContain('<p id="fw-reading-status" class="status poor">Too hard to read: above the NHS limit of 14.');
    expect(read(14)).toContain('class="status fair"');
    const short = read(null);
    expect(short).toContain('<p id="fw-reading-age">Reading age: not worked out, because the text is too short.</p>');
    expect(short).toContain('NHS guidance: aim for a reading age of 9 to 11, and no higher than 14.');
    expect(short).not.toContain('fw-reading-marker');
    expect(short).toContain('<li id="fw-acronyms">Acronyms not spelled out: none</li>');
  });

  it('lists sentence and paragraph length, passive voice and acronyms', () => {
    expect(html).toContain('<li id="fw-long-sentences">Long sentences (over 20 words): 3</li>');
    expect(html).toContain('<li id="fw-long-paragraphs">Long paragraphs (over 3 sentences): 1</li>');
    expect(html).toContain('<li id="fw-passive">Sentences in the passive voice: 15%</li>');
    expect(html).toContain('<li id="fw-acronyms">Acronyms not spelled out: <span class="word">AfC</span>, <span class="word">DBS</span></li>');
  });

  it('counts essential criteria and quotes years-of-experience phrases', () => {
    expect(html).toContain('<p id="fw-essential">Essential criteria: 12</p>');
    expect(html).toContain('<ul class="words" id="fw-years-list"><li>“at least 5 years of experience”</li></ul>');
    const none = renderReport(result({ report: report({ requirements: { essential: 0, yearsOfExperience: [] } }) }), opts);
    expect(none).toContain('<p id="fw-essential">Essential criteria: 0</p>');
    expect(none).toContain('<p id="fw-years">No years-of-experience requirements found.</p>');
  });

  it('charts findings by category, largest first, as CSS bars with a text alternative', () => {
    const f = (category: string, ruleId: string) => ({ ruleId, category, severity: 'information', message: 'm', line: 0, character: 0 });
    const charted = renderReport(
      result({ findings: [f('gender', 'a'), f('age', 'b'), f('gender', 'c'), f('plain-english', 'd'), f('gender', 'e'), f('plain-english', 'g')] }),
      opts,
    );
    expect(charted).toContain('<ul class="chart" id="fw-chart" role="img" aria-label="Findings by category: Gender 3, Plain English 2, Age 1.">');
    expect(all(charted, /<li class="chart-row" data-category="([^"]+)" data-count="\d+">/g)).toEqual(['gender', 'plain-english', 'age']);
    expect(charted).toContain('#fw-bar-0 { width: 100%; background: var(--vscode-charts-purple, #b180d7); }');
    expect(charted).toContain('#fw-bar-1 { width: 66.67%; background: var(--vscode-charts-green, #89d185); }');
    expect(charted).toContain('#fw-bar-2 { width: 33.33%; background: var(--vscode-charts-orange, #d18616); }');
    expect(charted).toContain('<span class="chart-label">Gender</span><span class="chart-bar-track"><span class="chart-bar" id="fw-bar-0"></span></span><span class="chart-count">3</span>');
  });

  it('charts what it lists: the findings the editor shows, not the engine\'s own tally', () => {
    expect(html).toContain('aria-label="Findings by category: Age 1, Gender 1, Plain English 1."');
  });

  it('counts the findings as the status item and the Problems panel do, hints apart', () => {
    expect(html).toContain('<h2 id="fw-findings-heading">Findings (3)</h2><p id="fw-findings-counts">Under this file in the Problems panel: 2 warnings, 1 info.</p>');
    const hint = { ruleId: 'long-sentence', category: 'plain-english', severity: 'hint', message: 'Long.', line: 4, character: 0 };
    expect(renderReport(result({ findings: [...result().findings, hint, hint] }), opts)).toContain(
      '<h2 id="fw-findings-heading">Findings (5)</h2><p id="fw-findings-counts">Under this file in the Problems panel: 2 warnings, 1 info. Plus 2 hints (shown as dots), which the Problems panel does not list.</p>',
    );
  });

  it('lists findings in document order as buttons that carry their position', () => {
    expect(html).toContain('<h2 id="fw-findings-heading">Findings (3)</h2>');
    expect(all(html, /data-action="reveal" data-line="(\d+" data-character="\d+)"/g)).toEqual([
      '2" data-character="0',
      '2" data-character="17',
      '12" data-character="4',
    ]);
    expect(html).toContain(
      '<button type="button" class="link" data-action="reveal" data-line="12" data-character="4"><span class="location">Line 13</span> <span class="severity">Warning</span> <span class="message">&#39;Salesman&#39; suggests the job is for one sex.</span></button> <span class="rule">Gender · gendered-job-title</span>',
    );
  });

  it('says so when there are no findings', () => {
    const clean = renderReport(result({ findings: [], report: report({ findingsByCategory: {} }) }), opts);
    expect(clean).toContain('<h2 id="fw-findings-heading">Findings (0)</h2><p id="fw-no-findings">Fairword found nothing to change in the wording. Well done.</p>');
    expect(clean).toContain('<p id="fw-chart-empty">No findings in any category.</p>');
    expect(clean).not.toContain('data-action="reveal"');
  });

  it('leaves out the recruitment checklist and criteria for a policy', () => {
    const policy = renderReport(result({ kind: 'policy', report: report({ kind: 'policy' }) }), opts);
    expect(policy).toContain('<strong>Policy</strong>');
    expect(policy).not.toContain('id="fw-statements"');
    expect(policy).not.toContain('data-action="insert"');
    expect(policy).not.toContain('id="fw-criteria"');
    expect(policy).toContain('id="fw-reading"');
    expect(policy).toContain('id="fw-gender"');
  });
});

describe('renderReport: empty report', () => {
  const html = renderReport(result({ kind: 'policy', kindSource: 'default', report: {} }), opts);

  it('shows a friendly message instead of the report sections', () => {
    expect(html).toContain('<h2 id="fw-empty-heading">No report yet</h2>');
    expect(html).toContain('Fairword has not made a report for this document yet.');
    for (const id of ['fw-statements', 'fw-gender', 'fw-reading', 'fw-criteria']) expect(html).not.toContain(`id="${id}"`);
    expect(html).toContain('<strong>Policy</strong> (type not recognised)');
  });

  it('still lists the findings and charts them from the findings themselves', () => {
    expect(html).toContain('<h2 id="fw-findings-heading">Findings (3)</h2>');
    expect(html).toContain('aria-label="Findings by category: Age 1, Gender 1, Plain English 1."');
  });

  it('copes with a partly filled or malformed report', () => {
    const odd = renderReport(result({ report: { kind: 'job-advert', genderCoding: { score: 'x', masculine: [1, 'driven'] }, readability: null } }), opts);
    expect(odd).toContain('#fw-gender-marker { left: 50%; }');
    expect(odd).toContain('Masculine-coded words: <span class="word">driven</span>');
    expect(odd).not.toContain('id="fw-reading"');
    expect(odd).not.toContain('id="fw-statements"');
  });
});

describe('renderReport: hostile document text', () => {
  const html = renderReport(
    {
      uri: `file:///tmp/${encodeURIComponent(HOSTILE)}.md`,
      version: 1,
      kind: HOSTILE,
      kindSource: HOSTILE,
      report: report({
        kind: 'job-advert',
        genderCoding: { score: -1, verdict: HOSTILE, masculine: [HOSTILE], feminine: ['</style><script>alert(1)</script>'] },
        readability: { readingAge: 12, longSentences: 0, longParagraphs: 0, passiveShare: 0, undefinedAcronyms: [HOSTILE] },
        requirements: { essential: 1, yearsOfExperience: [HOSTILE] },
        findingsByCategory: { [HOSTILE]: 2, '"><svg onload=alert(1)>': 1 },
      }),
      findings: [
        { ruleId: HOSTILE, category: HOSTILE, severity: '"><img src=x onerror=alert(1)>', message: HOSTILE, line: 0, character: 0 },
        { ruleId: 'x', category: '"><svg onload=alert(1)>', severity: 'warning', message: 'm', line: 1, character: 0 },
      ],
    },
    opts,
  );

  it('escapes every piece of document-derived text', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('</style><script>');
    expect(html).toContain(HOSTILE_ESCAPED);
    expect(html).toContain(`<title>Fairword report: ${HOSTILE_ESCAPED}.md</title>`);
    expect(html).toContain(`<span class="message">${HOSTILE_ESCAPED}</span>`);
    expect(html).toContain('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('data-category="&quot;&gt;&lt;svg onload=alert(1)&gt;"');
    expect(html).toContain('class="finding severity-&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    // Exactly one script element and one style element: the page's own.
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    // No event-handler attribute on any real element (escaped text contains no '<', so these are the page's own tags).
    const names = all(html, /<[a-z][^>]*>/gi).flatMap((tag) => all(tag, /\s([a-z-]+)=(?:"[^"]*"|'[^']*'|[^\s>]+)/gi));
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((n) => /^on/i.test(n))).toEqual([]);
  });

  it('writes no document text into the style sheet', () => {
    const style = /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).not.toContain('alert');
    expect(style).not.toContain('svg');
  });
});

describe('renderMessage', () => {
  it('renders a message page with the same CSP and script, escaped', () => {
    const html = renderMessage('Fairword report', `Could not: ${HOSTILE}`, opts);
    expect(html).toContain(`content="default-src 'none'; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; img-src ${CSP_SOURCE} data:;"`);
    expect(html).toContain(`<p>Could not: ${HOSTILE_ESCAPED}</p>`);
    expect(html).toContain('<h1>Fairword report</h1>');
    expect(html).toContain(SCRIPT);
    expect(html).not.toContain('<img');
  });
});

describe('fileNameOf', () => {
  it('decodes the last path segment of a URI', () => {
    expect(fileNameOf('file:///home/hr/band%205%20nurse.md')).toBe('band 5 nurse.md');
    expect(fileNameOf('untitled:Untitled-1')).toBe('untitled:Untitled-1');
    expect(fileNameOf('file:///c%3A/adverts/advert.md?x=1#y')).toBe('advert.md');
    expect(fileNameOf('file:///bad%E0%A4%A.md')).toBe('bad%E0%A4%A.md');
  });
});

describe('page script', () => {
  /** Runs SCRIPT against a minimal fake DOM and webview API. */
  function run() {
    const posted: unknown[] = [];
    const attributes: Record<string, string> = {};
    const listeners: Record<string, (event: unknown) => void> = {};
    class FakeElement {
      constructor(private readonly attrs: Record<string, string>) {}
      getAttribute(name: string): string | null {
        return this.attrs[name] ?? null;
      }
      closest(selector: string): FakeElement | null {
        return selector === 'button[data-action]' && this.attrs['data-action'] ? this : null;
      }
    }
    const api = { postMessage: (m: unknown) => posted.push(m), getState: () => undefined, setState: () => undefined };
    const document = {
      body: { setAttribute: (name: string, value: string) => (attributes[name] = value) },
      addEventListener: (type: string, fn: (event: unknown) => void) => (listeners[type] = fn),
    };
    const window = { scrollTo: () => undefined, addEventListener: () => undefined, scrollY: 0 };
    new Function('acquireVsCodeApi', 'document', 'window', 'Element', SCRIPT)(() => api, document, window, FakeElement);
    const click = (attrs: Record<string, string>): void => listeners['click']!({ target: new FakeElement(attrs) });
    return { posted, attributes, click };
  }

  it('marks the body ready and says so', () => {
    const { posted, attributes } = run();
    expect(attributes).toEqual({ 'data-fairword-ready': '1' });
    expect(posted).toEqual([{ type: 'ready' }]);
  });

  it('posts reveal and insert messages for clicks on action buttons', () => {
    const { posted, click } = run();
    click({ 'data-action': 'reveal', 'data-line': '12', 'data-character': '4' });
    click({ 'data-action': 'insert', 'data-statement': 'salary' });
    click({});
    expect(posted).toEqual([
      { type: 'ready' },
      { type: 'reveal', line: 12, character: 4 },
      { type: 'insert', statement: 'salary' },
    ]);
    expect(posted.slice(1).map(parseWebviewMessage)).toEqual(posted.slice(1));
  });
});

describe('parseWebviewMessage', () => {
  it('accepts the three message types', () => {
    expect(parseWebviewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseWebviewMessage({ type: 'reveal', line: 3, character: 0, extra: 1 })).toEqual({ type: 'reveal', line: 3, character: 0 });
    expect(parseWebviewMessage({ type: 'insert', statement: 'disability_confident' })).toEqual({ type: 'insert', statement: 'disability_confident' });
  });

  it('rejects anything malformed', () => {
    for (const bad of [
      null,
      'reveal',
      { type: 'reveal', line: -1, character: 0 },
      { type: 'reveal', line: 1.5, character: 0 },
      { type: 'reveal', line: '1', character: 0 },
      { type: 'reveal', line: Number.NaN, character: 0 },
      { type: 'insert', statement: 'pension' },
      { type: 'insert', statement: '__proto__' },
      { type: 'run', command: 'rm -rf' },
    ]) {
      expect(parseWebviewMessage(bad)).toBeUndefined();
    }
  });

  it('maps each statement to its missing-statement rule', () => {
    expect(STATEMENT_RULE_IDS).toEqual({
      salary: 'missing-salary',
      flexible_working: 'missing-flexible-working',
      reasonable_adjustments: 'missing-reasonable-adjustments',
      inclusion_statement: 'missing-inclusion-statement',
      disability_confident: 'missing-disability-confident',
    });
  });
});

describe('module boundaries', () => {
  it('keeps html.ts and messages.ts free of the vscode module, so they run outside the editor', () => {
    for (const file of ['html.ts', 'messages.ts']) {
      const source = readFileSync(new URL(`../../client/src/report/${file}`, import.meta.url), 'utf8');
      expect(source).not.toMatch(/from ['"]vscode['"]|require\(['"]vscode['"]\)/);
    }
  });
});
