import type { Finding, Position, RuleMeta, Severity } from '@fairword/rules';
import type { Fix, Log, Region, ReportingDescriptor, Result } from 'sarif';
import { HOME_URL, ruleDocsUrl, ruleMeta } from '../rule-meta.js';
import type { Formatter } from './index.js';
import { docxPlace, placeText } from './place.js';

/** SARIF levels for Fairword severities. */
export const SARIF_LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A display path (forward slashes, relative to the cwd) as a relative SARIF URI reference, each segment percent-encoded. */
export function sarifUri(file: string): string {
  return file
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** A SARIF region (1-based lines and columns, end column exclusive) for a 0-based, end-exclusive span. */
export function sarifRegion(start: Position, end: Position, offset: { start: number; end: number }): Region {
  return {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    charOffset: offset.start,
    charLength: offset.end - offset.start,
  };
}

/**
 * Turns one finding in the file at `uri` into a SARIF result: rule, level, message, location, the places
 * it repeats, and one fix per suggestion (or the insertion a document-level finding proposes).
 */
export function sarifResult(finding: Finding, uri: string, ruleIndex?: number): Result {
  const location = (region: Region): { physicalLocation: { artifactLocation: { uri: string }; region: Region } } => ({
    physicalLocation: { artifactLocation: { uri }, region },
  });
  const place = docxPlace(finding);
  if (place) {
    // A Word document has no lines: the location is the file, with the paragraph as a logical location.
    return {
      ruleId: finding.ruleId,
      ...(ruleIndex === undefined ? {} : { ruleIndex }),
      level: SARIF_LEVEL[finding.severity],
      message: { text: `${placeText(place)}: ${finding.message}` },
      locations: [{ physicalLocation: { artifactLocation: { uri } }, logicalLocations: [{ name: `paragraph ${place.paragraph}`, kind: 'paragraph' }] }],
      properties: { category: finding.category, docx: place },
    };
  }
  const result: Result = {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(sarifRegion(finding.range.start, finding.range.end, finding.offset))],
  };
  if (finding.related?.length) {
    result.relatedLocations = finding.related.map((r, i) => ({
      id: i + 1,
      ...location(sarifRegion(r.range.start, r.range.end, r.offset)),
      message: { text: r.message },
    }));
  }
  const fixes: Fix[] = finding.suggestions.map((suggestion) => ({
    description: { text: `Replace with "${suggestion}"` },
    artifactChanges: [
      {
        artifactLocation: { uri },
        replacements: [{ deletedRegion: sarifRegion(finding.range.start, finding.range.end, finding.offset), insertedContent: { text: suggestion } }],
      },
    ],
  }));
  if (finding.insert) {
    const { offset, position, text, title } = finding.insert;
    fixes.push({
      description: { text: title },
      artifactChanges: [
        { artifactLocation: { uri }, replacements: [{ deletedRegion: sarifRegion(position, position, { start: offset, end: offset }), insertedContent: { text } }] },
      ],
    });
  }
  if (fixes.length > 0) result.fixes = fixes;
  result.properties = { category: finding.category };
  return result;
}

/** SARIF metadata for one rule: names, descriptions, help (text and Markdown, with sources), docs link and default level. */
export function sarifRule(meta: RuleMeta): ReportingDescriptor {
  const helpUri = ruleDocsUrl(meta.id);
  const sourcesText = meta.sources.map((s) => `- ${s.title}${s.url ? ` (${s.url})` : ''}`);
  const sourcesMarkdown = meta.sources.map((s) => `- ${s.url ? `[${escapeMarkdown(s.title)}](${s.url})` : escapeMarkdown(s.title)}`);
  const examples = (label: string, list: string[]): string[] => (list.length ? ['', label, ...list.map((e) => `- ${e}`)] : []);
  return {
    id: meta.id,
    name: sarifRuleName(meta),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.note || meta.title },
    help: {
      text: [meta.title, '', meta.note, ...(sourcesText.length ? ['', 'Sources:', ...sourcesText] : []), '', `More: ${helpUri}`].join('\n'),
      markdown: [
        `**${escapeMarkdown(meta.title)}**`,
        '',
        escapeMarkdown(meta.note),
        ...(sourcesMarkdown.length ? ['', '**Sources:**', '', ...sourcesMarkdown] : []),
        ...examples('**Flagged:**', meta.examples.notOk.map(escapeMarkdown)),
        ...examples('**Not flagged:**', meta.examples.ok.map(escapeMarkdown)),
        '',
        `[Rule reference](${helpUri})`,
      ].join('\n'),
    },
    helpUri,
    defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
    properties: { category: meta.category, tags: ['fairword', meta.category] },
  };
}

/**
 * SARIF 2.1.0: one run with Fairword as the tool, metadata for every rule that appears, and every finding. Streams:
 * each file's results are written as they come, and the tool (with the rules seen) closes the run, so memory does
 * not grow with the number of findings.
 */
export const sarif: Formatter = ({ version }) => {
  const ruleIndex = new Map<string, number>();
  const rules: ReportingDescriptor[] = [];
  let count = 0;
  const opening = `{\n  "$schema": ${JSON.stringify(SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [`;
  return {
    file({ file, findings }) {
      const uri = sarifUri(file);
      let out = '';
      for (const finding of findings) {
        let index = ruleIndex.get(finding.ruleId);
        if (index === undefined) {
          index = rules.length;
          ruleIndex.set(finding.ruleId, index);
          rules.push(sarifRule(ruleMeta(finding.ruleId, finding)));
        }
        const text = JSON.stringify(sarifResult(finding, uri, index), null, 2).replace(/\n/g, `\n${RESULT_INDENT}`);
        out += `${count++ === 0 ? opening : ','}\n${RESULT_INDENT}${text}`;
      }
      return out;
    },
    end() {
      const tool: Log['runs'][number]['tool'] = { driver: { name: 'Fairword', informationUri: HOME_URL, version, semanticVersion: version, rules } };
      const rest = JSON.stringify({ tool, columnKind: 'utf16CodeUnits' }, null, 2).slice(1, -2).replace(/\n/g, '\n    ');
      const results = count === 0 ? `${opening}]` : `\n${RESULT_INDENT.slice(2)}]`;
      return `${results},${rest}\n    }\n  ]\n}\n`;
    },
  };
};

/** Indentation of an item of `runs[0].results` in the pretty-printed log. */
const RESULT_INDENT = ' '.repeat(8);

/**
 * A rule's friendly name in PascalCase, never equal to its id: SARIF1001 (SARIF Multitool) warns when they match,
 * ignoring case, so a one-word id takes its category in front ("mature" → "AgeMature").
 */
export function sarifRuleName(meta: Pick<RuleMeta, 'id' | 'category'>): string {
  const name = pascalCase(meta.id);
  return name.toLowerCase() === meta.id.toLowerCase() ? `${pascalCase(meta.category)}${name}` : name;
}

function pascalCase(id: string): string {
  return id.replace(/(^|[-_ ]+)(\w)/g, (_, _sep: string, c: string) => c.toUpperCase());
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
