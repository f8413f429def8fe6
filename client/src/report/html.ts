/**
 * The HTML of the Fairword inclusivity report webview. Pure: no `vscode` import, so it is unit-tested directly.
 *
 * Every piece of text that comes from the document or the server goes through `escapeHtml`. Dynamic sizes
 * (bar widths, marker positions) are written as rules in the nonce'd <style> element, never as `style`
 * attributes, because the Content Security Policy allows no inline styles without the nonce.
 */
import type { Severity } from '@fairword/rules';
import { countBySeverity, type ReportResult } from '../../../server/src/protocol.js';
import { STATEMENT_KEYS, type StatementKey } from './messages.js';
import { KIND_LABELS, countsSentences, kindOrigin } from '../labels.mjs';

export interface RenderOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce for this render (letters and digits). */
  nonce: string;
  /** A webview URI of an external script to load instead of the inline one. */
  scriptUri?: string;
  /** A webview URI of an extra style sheet. */
  styleUri?: string;
}

/** NHS content guidance: write for a reading age of 9 to 11, and never above 14. */
export const READING_AGE_TARGET = { min: 9, max: 11, limit: 14 } as const;

/** The gender balance bar runs from this many net masculine-coded words to as many net feminine-coded ones. */
export const GENDER_SCALE = 8;

/** The reading-age scale, in years. */
const READING_SCALE = { min: 5, max: 20 } as const;

/** Document kinds for which the statements checklist and criteria are shown. */
const RECRUITMENT_KINDS = new Set(['job-advert', 'job-description', 'person-specification']);


const STATEMENT_LABELS: Record<StatementKey, { label: string; insert: string }> = {
  salary: { label: 'Salary', insert: 'Insert a salary statement' },
  flexible_working: { label: 'Flexible working', insert: 'Insert a flexible working statement' },
  reasonable_adjustments: { label: 'Reasonable adjustments', insert: 'Insert a reasonable adjustments statement' },
  inclusion_statement: { label: 'Inclusion statement', insert: 'Insert an inclusion statement' },
  disability_confident: { label: 'Disability Confident', insert: 'Insert a Disability Confident statement' },
};

const CATEGORY_LABELS: Record<string, string> = {
  age: 'Age',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  nationality: 'Nationality',
  disability: 'Disability',
  health: 'Health',
  criteria: 'Criteria',
  general: 'General',
  statements: 'Statements',
  'plain-english': 'Plain English',
  fairword: 'Fairword settings',
};

/** Chart colour of each category (theme variables, with the default dark theme's colours as fallbacks). */
const CATEGORY_COLOURS: Record<string, string> = {
  age: 'var(--vscode-charts-orange, #d18616)',
  gender: 'var(--vscode-charts-purple, #b180d7)',
  ethnicity: 'var(--vscode-charts-red, #f14c4c)',
  nationality: 'var(--vscode-charts-yellow, #cca700)',
  disability: 'var(--vscode-charts-blue, #3794ff)',
  health: 'var(--vscode-charts-green, #89d185)',
  criteria: 'var(--vscode-charts-orange, #d18616)',
  statements: 'var(--vscode-charts-blue, #3794ff)',
  'plain-english': 'var(--vscode-charts-green, #89d185)',
};
const GREEN = 'var(--vscode-charts-green, #89d185)';
const YELLOW = 'var(--vscode-charts-yellow, #cca700)';
const RED = 'var(--vscode-charts-red, #f14c4c)';
const DEFAULT_COLOUR = 'var(--vscode-charts-foreground, var(--vscode-foreground))';

const SEVERITY_LABELS: Record<string, string> = {
  error: 'Error',
  warning: 'Warning',
  information: 'Information',
  hint: 'Hint',
};

/** Escapes text for HTML content and for (double- or single-quoted) attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes text for a double-quoted attribute value, leaving single quotes readable (as the CSP needs many). */
function escapeDoubleQuoted(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The Content Security Policy of the page: nothing remote, scripts and styles only with the nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ') + ';';
}

/** Where the gender marker sits on the bar, in percent from the masculine (left) end. */
export function genderMarkerPercent(score: number): number {
  if (!Number.isFinite(score)) return 50;
  return round2(clamp(50 + (score / GENDER_SCALE) * 50, 0, 100));
}

/** Where the reading-age marker sits on its scale, in percent from the left. */
export function readingAgePercent(age: number): number {
  return round2(((clamp(age, READING_SCALE.min, READING_SCALE.max) - READING_SCALE.min) / (READING_SCALE.max - READING_SCALE.min)) * 100);
}

/** The file name shown in titles, from a document URI. */
export function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1) || path;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The complete HTML document of the report view. */
export function renderReport(result: ReportResult, opts: RenderOptions): string {
  const css: string[] = [];
  const fileName = fileNameOf(result.uri);
  const report = readReport(result.report);
  const recruitment = RECRUITMENT_KINDS.has(report?.kind ?? result.kind);

  const sections: string[] = [kindSection(result)];
  if (!report) {
    sections.push(
      `<section aria-labelledby="fw-empty-heading" class="notice" id="fw-empty">` +
        `<h2 id="fw-empty-heading">No report yet</h2>` +
        `<p>Fairword has not made a report for this document yet. The full report (statements, gender-coded words, ` +
        `reading age and criteria) is made for job adverts, job descriptions and person specifications.</p>` +
        `<p>Any wording Fairword has found is listed below, and appears underlined in the document.</p>` +
        `</section>`,
    );
  } else {
    if (report.statements && recruitment) sections.push(statementsSection(report.statements));
    if (report.genderCoding) sections.push(genderSection(report.genderCoding, css));
    if (report.readability) sections.push(readabilitySection(report.readability, css));
    if (report.requirements && recruitment) sections.push(requirementsSection(report.requirements));
  }
  // Charted from the findings listed (those the editor shows), so the chart, the list and the counts agree.
  sections.push(chartSection(countByCategory(result.findings), css));
  sections.push(findingsSection(result.findings));

  return page(`Fairword report: ${fileName}`, sections.join('\n'), css, opts);
}

/** A page with only a heading and a message, for when there is no report to show (no document, no server). */
export function renderMessage(title: string, message: string, opts: RenderOptions): string {
  const body =
    `<section class="notice" id="fw-message" aria-live="polite"><p>${escapeHtml(message)}</p></section>`;
  return page(title, body, [], opts);
}

// ---------------------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------------------

function kindSection(result: ReportResult): string {
  const kind = (KIND_LABELS as Readonly<Record<string, string>>)[result.kind] ?? result.kind;
  const origin = kindOrigin(result.kindSource, result.kindEvidence);
  return (
    `<section aria-labelledby="fw-kind-heading" id="fw-kind">` +
    `<h2 id="fw-kind-heading">Document kind</h2>` +
    `<p><strong>${escapeHtml(kind)}</strong>${origin ? ` (${escapeHtml(origin)})` : ''}</p>` +
    `</section>`
  );
}

function statementsSection(statements: Record<StatementKey, boolean>): string {
  const present = STATEMENT_KEYS.filter((k) => statements[k]).length;
  const items = STATEMENT_KEYS.map((key) => {
    const { label, insert } = STATEMENT_LABELS[key];
    if (statements[key]) {
      return (
        `<li class="statement present" data-statement="${key}">` +
        `<span class="mark" aria-hidden="true">✓</span> ${escapeHtml(label)}` +
        `<span class="visually-hidden">: included</span></li>`
      );
    }
    return (
      `<li class="statement missing" data-statement="${key}">` +
      `<span class="mark" aria-hidden="true">✗</span> ${escapeHtml(label)}` +
      `<span class="visually-hidden">: missing</span> ` +
      `<button type="button" class="insert" data-action="insert" data-statement="${key}" ` +
      `aria-label="${escapeHtml(insert)}" title="${escapeHtml(insert)}">Insert</button></li>`
    );
  });
  return (
    `<section aria-labelledby="fw-statements-heading" id="fw-statements">` +
    `<h2 id="fw-statements-heading">Statements</h2>` +
    `<p>${present} of ${STATEMENT_KEYS.length} statements included. A job advert should say what it pays, ` +
    `offer flexible working and reasonable adjustments, and welcome applications from everyone.</p>` +
    `<ul class="checklist">${items.join('')}</ul>` +
    `</section>`
  );
}

function genderSection(g: GenderReport, css: string[]): string {
  const percent = genderMarkerPercent(g.score);
  css.push(`#fw-gender-marker { left: ${percent}%; }`);
  const words = (list: string[]): string =>
    list.length === 0 ? 'none' : list.map((w) => `<span class="word">${escapeHtml(w)}</span>`).join(', ');
  const label =
    `Gender-coded balance: ${g.verdict}, score ${g.score} ` +
    `(${g.masculine.length} different masculine-coded and ${g.feminine.length} different feminine-coded words).`;
  return (
    `<section aria-labelledby="fw-gender-heading" id="fw-gender">` +
    `<h2 id="fw-gender-heading">Gender-coded words</h2>` +
    `<div class="balance" id="fw-gender-bar" role="img" aria-label="${escapeHtml(label)}" data-score="${g.score}">` +
    `<div class="balance-track"><span class="balance-middle"></span><span class="marker" id="fw-gender-marker"></span></div>` +
    `<div class="scale-ends" aria-hidden="true"><span>← Masculine-coded</span><span>Neutral</span><span>Feminine-coded →</span></div>` +
    `</div>` +
    `<p id="fw-gender-verdict">Verdict: <strong>${escapeHtml(capitalise(g.verdict))}</strong> ` +
    `(score ${formatSigned(g.score)}: feminine-coded minus masculine-coded words)</p>` +
    `<ul class="words">` +
    `<li id="fw-gender-masculine">Masculine-coded words: ${words(g.masculine)}</li>` +
    `<li id="fw-gender-feminine">Feminine-coded words: ${words(g.feminine)}</li>` +
    `</ul>` +
    `<p class="hint">Adverts with many masculine-coded words, such as “competitive” or “dominant”, can put women off ` +
    `applying (Gaucher, Friesen and Kay, 2011). Aim for neutral.</p>` +
    `</section>`
  );
}

function readabilitySection(r: ReadabilityView, css: string[]): string {
  const { min, max, limit } = READING_AGE_TARGET;
  const guidance = `NHS guidance: aim for a reading age of ${min} to ${max}, and no higher than ${limit}.`;
  let age: string;
  if (r.readingAge === null) {
    age =
      `<p id="fw-reading-age">Reading age: not worked out, because the text is too short.</p>` +
      `<p>${escapeHtml(guidance)}</p>`;
  } else {
    const a = r.readingAge;
    const status =
      a <= max
        ? { cls: 'good', text: `Good: this is within the NHS target of ${min} to ${max}.` }
        : a <= limit
          ? { cls: 'fair', text: `Above the NHS target of ${min} to ${max}, but not above ${limit}. Shorter sentences and everyday words will bring it down.` }
          : { cls: 'poor', text: `Too hard to read: above the NHS limit of ${limit}. Use shorter sentences and everyday words.` };
    css.push(`#fw-reading-marker { left: ${readingAgePercent(a)}%; }`);
    const good = readingAgePercent(max);
    const fair = readingAgePercent(limit);
    css.push(
      `#fw-reading-track { background: linear-gradient(to right, ${GREEN} 0 ${good}%, ${YELLOW} ${good}% ${fair}%, ${RED} ${fair}% 100%); }`,
      `#fw-reading-limit { left: ${fair}%; }`,
      `#fw-tick-target { left: ${good}%; }`,
      `#fw-tick-limit { left: ${fair}%; }`,
    );
    const label = `Reading age ${a}, on a scale from ${READING_SCALE.min} to ${READING_SCALE.max}. ${guidance}`;
    age =
      `<p id="fw-reading-age" class="big">Reading age: ${a}</p>` +
      `<div class="scale" id="fw-reading-scale" role="img" aria-label="${escapeHtml(label)}">` +
      `<div class="scale-track" id="fw-reading-track">` +
      `<span class="limit" id="fw-reading-limit"></span><span class="marker" id="fw-reading-marker"></span></div>` +
      `<div class="scale-ticks" aria-hidden="true"><span class="tick-start">${READING_SCALE.min}</span>` +
      `<span class="tick" id="fw-tick-target">${max}</span><span class="tick" id="fw-tick-limit">${limit}</span>` +
      `<span class="tick-end">${READING_SCALE.max}+</span></div>` +
      `</div>` +
      `<p>${escapeHtml(guidance)}</p>` +
      `<p id="fw-reading-status" class="status ${status.cls}">${escapeHtml(status.text)}</p>`;
  }
  const passive = Math.round(r.passiveShare * 100);
  const acronyms =
    r.undefinedAcronyms.length === 0
      ? 'none'
      : r.undefinedAcronyms.map((a) => `<span class="word">${escapeHtml(a)}</span>`).join(', ');
  return (
    `<section aria-labelledby="fw-reading-heading" id="fw-reading">` +
    `<h2 id="fw-reading-heading">Reading age and plain English</h2>` +
    age +
    `<ul class="measures">` +
    `<li id="fw-long-sentences">Long sentences (over 20 words): ${r.longSentences}</li>` +
    `<li id="fw-long-paragraphs">Long paragraphs (over 3 sentences): ${r.longParagraphs}</li>` +
    `<li id="fw-passive">Sentences in the passive voice: ${passive}%</li>` +
    `<li id="fw-acronyms">Acronyms not spelled out: ${acronyms}</li>` +
    `</ul>` +
    `</section>`
  );
}

function requirementsSection(r: RequirementsView): string {
  const years =
    r.yearsOfExperience.length === 0
      ? `<p id="fw-years">No years-of-experience requirements found.</p>`
      : `<p id="fw-years">Years of experience asked for:</p>` +
        `<ul class="words" id="fw-years-list">${r.yearsOfExperience.map((y) => `<li>“${escapeHtml(y)}”</li>`).join('')}</ul>` +
        `<p class="hint">Asking for a number of years can shut out younger applicants, and people who took time out ` +
        `for caring or illness. Describe the skills and experience needed instead.</p>`;
  return (
    `<section aria-labelledby="fw-criteria-heading" id="fw-criteria">` +
    `<h2 id="fw-criteria-heading">Criteria</h2>` +
    `<p id="fw-essential">Essential criteria: ${r.essential}</p>` +
    (r.essential > 0
      ? `<p class="hint">Keep essential criteria to what is truly needed on day one; a long list can put people off applying.</p>`
      : '') +
    years +
    `</section>`
  );
}

function chartSection(byCategory: Record<string, number>, css: string[]): string {
  const rows = Object.entries(byCategory)
    .filter(([, n]) => n > 0)
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  let body: string;
  if (rows.length === 0) {
    body = `<p id="fw-chart-empty">No findings in any category.</p>`;
  } else {
    const most = Math.max(...rows.map(([, n]) => n));
    const label = 'Findings by category: ' + rows.map(([c, n]) => `${categoryLabel(c)} ${n}`).join(', ') + '.';
    const bars = rows.map(([category, count], i) => {
      css.push(`#fw-bar-${i} { width: ${round2((count / most) * 100)}%; background: ${CATEGORY_COLOURS[category] ?? DEFAULT_COLOUR}; }`);
      return (
        `<li class="chart-row" data-category="${escapeHtml(category)}" data-count="${count}">` +
        `<span class="chart-label">${escapeHtml(categoryLabel(category))}</span>` +
        `<span class="chart-bar-track"><span class="chart-bar" id="fw-bar-${i}"></span></span>` +
        `<span class="chart-count">${count}</span></li>`
      );
    });
    body = `<ul class="chart" id="fw-chart" role="img" aria-label="${escapeHtml(label)}">${bars.join('')}</ul>`;
  }
  return (
    `<section aria-labelledby="fw-chart-heading" id="fw-categories">` +
    `<h2 id="fw-chart-heading">Findings by category</h2>${body}</section>`
  );
}

function findingsSection(findings: ReportResult['findings']): string {
  const sorted = [...findings].sort((a, b) => a.line - b.line || a.character - b.character);
  const counts = `<p id="fw-findings-counts">${countsSentences(countBySeverity(findings.filter(knownSeverity))).map(escapeHtml).join(' ')}</p>`;
  const body =
    sorted.length === 0
      ? `<p id="fw-no-findings">Fairword found nothing to change in the wording. Well done.</p>`
      : `${counts}<p>Select a finding to go to it in the document.</p><ol class="findings" id="fw-findings-list">` +
        sorted
          .map((f) => {
            const line = toIndex(f.line);
            const character = toIndex(f.character);
            const severity = SEVERITY_LABELS[f.severity] ?? f.severity;
            return (
              `<li class="finding severity-${escapeHtml(f.severity)}">` +
              `<button type="button" class="link" data-action="reveal" data-line="${line}" data-character="${character}">` +
              `<span class="location">Line ${line + 1}</span> ` +
              `<span class="severity">${escapeHtml(severity)}</span> ` +
              `<span class="message">${escapeHtml(f.message)}</span></button> ` +
              `<span class="rule">${escapeHtml(categoryLabel(f.category))} · ${escapeHtml(f.ruleId)}</span></li>`
            );
          })
          .join('') +
        `</ol>`;
  return (
    `<section aria-labelledby="fw-findings-heading" id="fw-findings">` +
    `<h2 id="fw-findings-heading">Findings (${findings.length})</h2>${body}</section>`
  );
}

// ---------------------------------------------------------------------------------------------------------
// Page
// ---------------------------------------------------------------------------------------------------------

function page(title: string, body: string, css: string[], opts: RenderOptions): string {
  const nonce = escapeHtml(opts.nonce);
  const csp = contentSecurityPolicy(opts.cspSource, opts.nonce);
  const styleLink = opts.styleUri ? `\n<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(opts.styleUri)}">` : '';
  const script = opts.scriptUri
    ? `<script nonce="${nonce}" src="${escapeHtml(opts.scriptUri)}"></script>`
    : `<script nonce="${nonce}">${SCRIPT}</script>`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeDoubleQuoted(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
${STYLE}
${css.join('\n')}
</style>${styleLink}
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
${script}
</body>
</html>
`;
}

/** The page's script: sends clicks on `data-action` buttons to the extension, keeps the scroll position across re-renders. */
export const SCRIPT = `
(function () {
  var vscode = acquireVsCodeApi();
  var state = vscode.getState() || {};
  if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!target) return;
    var action = target.getAttribute('data-action');
    if (action === 'reveal') {
      vscode.postMessage({ type: 'reveal', line: Number(target.getAttribute('data-line')), character: Number(target.getAttribute('data-character')) });
    } else if (action === 'insert') {
      vscode.postMessage({ type: 'insert', statement: target.getAttribute('data-statement') });
    }
  });
  var timer;
  window.addEventListener('scroll', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { vscode.setState({ scrollY: window.scrollY }); }, 100);
  }, { passive: true });
  document.body.setAttribute('data-fairword-ready', '1');
  vscode.postMessage({ type: 'ready' });
})();
`;

const STYLE = `
:root { color-scheme: light dark; }
body {
  color: var(--vscode-foreground);
  background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family);
  font-size: var(--vscode-font-size);
  line-height: 1.5;
  padding: 0 1rem 2rem;
}
main { max-width: 48rem; }
h1 { font-size: 1.4em; font-weight: 600; margin: 1rem 0; }
h2 { font-size: 1.15em; font-weight: 600; margin: 1.5rem 0 0.5rem; padding-bottom: 0.25rem;
  border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
p, ul, ol { margin: 0.4rem 0; }
.hint { color: var(--vscode-descriptionForeground); }
.notice { padding: 0.5rem 1rem; border-left: 4px solid var(--vscode-textBlockQuote-border, var(--vscode-focusBorder));
  background: var(--vscode-textBlockQuote-background, transparent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.checklist, .measures, .words { list-style: none; padding: 0; }
.statement { display: flex; align-items: center; gap: 0.5rem; min-height: 2rem; }
.statement .mark { font-weight: 700; width: 1.2rem; text-align: center; }
.statement.present .mark { color: var(--vscode-charts-green, #89d185); }
.statement.missing .mark { color: var(--vscode-charts-red, #f14c4c); }
button {
  font: inherit;
  cursor: pointer;
}
button.insert {
  color: var(--vscode-button-foreground);
  background: var(--vscode-button-background);
  border: 1px solid var(--vscode-button-border, transparent);
  border-radius: 2px;
  padding: 0.15rem 0.75rem;
}
button.insert:hover { background: var(--vscode-button-hoverBackground, var(--vscode-button-background)); }
button.link {
  color: var(--vscode-textLink-foreground);
  background: none;
  border: none;
  padding: 0.1rem 0;
  text-align: left;
}
button.link:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.word { font-style: italic; }
.big { font-size: 1.2em; font-weight: 600; }
.balance, .scale { margin: 0.75rem 0 0.25rem; max-width: 30rem; }
.balance-track, .scale-track {
  position: relative; height: 0.75rem; border-radius: 0.375rem;
  border: 1px solid var(--vscode-contrastBorder, transparent);
}
.balance-track {
  background: linear-gradient(to right, var(--vscode-charts-blue, #3794ff), var(--vscode-editorWidget-background, #888) 50%, var(--vscode-charts-purple, #b180d7));
}
.balance-middle { position: absolute; left: 50%; top: -0.2rem; bottom: -0.2rem; border-left: 1px dashed var(--vscode-foreground); }
.scale-track .limit { position: absolute; top: -0.2rem; bottom: -0.2rem; border-left: 2px solid var(--vscode-foreground); }
.scale-ticks { position: relative; height: 1.4em; font-size: 0.9em; color: var(--vscode-descriptionForeground); }
.scale-ticks span { position: absolute; top: 0; }
.scale-ticks .tick { transform: translateX(-50%); }
.scale-ticks .tick-start { left: 0; }
.scale-ticks .tick-end { right: 0; }
.marker {
  position: absolute; top: -0.35rem; width: 0.9rem; height: 1.3rem; margin-left: -0.45rem; border-radius: 0.2rem;
  background: var(--vscode-foreground);
  border: 2px solid var(--vscode-editor-background);
  outline: 1px solid var(--vscode-contrastActiveBorder, transparent);
}
.scale-ends { display: flex; justify-content: space-between; font-size: 0.9em; color: var(--vscode-descriptionForeground); }
.status { font-weight: 600; padding-left: 0.5rem; border-left: 4px solid transparent; }
.status.good { border-left-color: var(--vscode-charts-green, #89d185); }
.status.fair { border-left-color: var(--vscode-charts-yellow, #cca700); }
.status.poor { border-left-color: var(--vscode-charts-red, #f14c4c); }
.chart { list-style: none; padding: 0; max-width: 30rem; }
.chart-row { display: grid; grid-template-columns: 9rem 1fr 2.5rem; align-items: center; gap: 0.5rem; margin: 0.25rem 0; }
.chart-bar-track { height: 0.9rem; }
.chart-bar { display: block; height: 100%; min-width: 2px; border-radius: 2px; border: 1px solid var(--vscode-contrastBorder, transparent); }
.chart-count { text-align: right; font-variant-numeric: tabular-nums; }
.findings { padding-left: 1.5rem; }
.finding { margin: 0.3rem 0; }
.finding .location { font-weight: 600; }
.finding .severity { font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.03em; }
.severity-error .severity { color: var(--vscode-editorError-foreground); }
.severity-warning .severity { color: var(--vscode-editorWarning-foreground); }
.severity-information .severity, .severity-hint .severity { color: var(--vscode-editorInfo-foreground); }
.finding .rule { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
body.vscode-high-contrast .balance-track, body.vscode-high-contrast-light .balance-track,
body.vscode-high-contrast .scale-track, body.vscode-high-contrast-light .scale-track,
body.vscode-high-contrast .chart-bar, body.vscode-high-contrast-light .chart-bar {
  border: 1px solid var(--vscode-contrastBorder);
}
body.vscode-high-contrast .marker, body.vscode-high-contrast-light .marker {
  outline: 2px solid var(--vscode-contrastActiveBorder);
}
@media (forced-colors: active) {
  .balance-track, .scale-track, .chart-bar, .marker { forced-color-adjust: none; border: 1px solid CanvasText; }
  .marker { background: Highlight; }
  .chart-bar { background: CanvasText; }
}
@media (prefers-reduced-motion: no-preference) {
  .marker { transition: left 0.2s ease-out; }
}
`;

// ---------------------------------------------------------------------------------------------------------
// Reading the report defensively: the server sends `Record<string, unknown>`, possibly `{}` or partly filled.
// ---------------------------------------------------------------------------------------------------------

interface GenderReport {
  score: number;
  verdict: string;
  masculine: string[];
  feminine: string[];
}

interface ReadabilityView {
  readingAge: number | null;
  longSentences: number;
  longParagraphs: number;
  passiveShare: number;
  undefinedAcronyms: string[];
}

interface RequirementsView {
  essential: number;
  yearsOfExperience: string[];
}

interface ReportView {
  kind: string | undefined;
  statements: Record<StatementKey, boolean> | undefined;
  genderCoding: GenderReport | undefined;
  readability: ReadabilityView | undefined;
  requirements: RequirementsView | undefined;
}

/** The parts of the report that are present and well formed; undefined for an empty report. */
function readReport(raw: Record<string, unknown> | null | undefined): ReportView | undefined {
  if (!raw || typeof raw !== 'object' || Object.keys(raw).length === 0) return undefined;
  const statements = object(raw['statements']);
  const gender = object(raw['genderCoding']);
  const readability = object(raw['readability']);
  const requirements = object(raw['requirements']);
  return {
    kind: typeof raw['kind'] === 'string' ? raw['kind'] : undefined,
    statements: statements
      ? (Object.fromEntries(STATEMENT_KEYS.map((k) => [k, statements[k] === true])) as Record<StatementKey, boolean>)
      : undefined,
    genderCoding: gender
      ? {
          score: number(gender['score']),
          verdict: typeof gender['verdict'] === 'string' ? gender['verdict'] : 'neutral',
          masculine: strings(gender['masculine']),
          feminine: strings(gender['feminine']),
        }
      : undefined,
    readability: readability
      ? {
          readingAge: typeof readability['readingAge'] === 'number' && Number.isFinite(readability['readingAge']) ? readability['readingAge'] : null,
          longSentences: number(readability['longSentences']),
          longParagraphs: number(readability['longParagraphs']),
          passiveShare: clamp(number(readability['passiveShare']), 0, 1),
          undefinedAcronyms: strings(readability['undefinedAcronyms']),
        }
      : undefined,
    requirements: requirements
      ? { essential: number(requirements['essential']), yearsOfExperience: strings(requirements['yearsOfExperience']) }
      : undefined,
  };
}

/** Whether a finding's severity is one Fairword knows (the page is made from whatever the server sent). */
function knownSeverity(f: ReportResult['findings'][number]): f is ReportResult['findings'][number] & { severity: Severity } {
  return Object.hasOwn(SEVERITY_LABELS, f.severity);
}

function countByCategory(findings: ReportResult['findings']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.category] = (counts[f.category] ?? 0) + 1;
  return counts;
}

function object(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function number(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function toIndex(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatSigned(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
