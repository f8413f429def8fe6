/**
 * Generators for the reliability properties: arbitrary Unicode, Markdown structures with flagged phrases in and
 * out of code, URLs and comments, and edits. No vitest import: `scripts/fuzz.mjs` bundles this file with esbuild
 * and runs the same properties outside the test runner.
 *
 * A generated document is a list of pieces; each piece knows whether the engine must never report a finding over
 * it (code, URLs, comments, directives, front matter). Line endings are converted per piece, so the offsets of
 * the protected pieces stay exact whatever the line-ending style.
 */
import fc from 'fast-check';

/** The phrases the issue names, in the forms people write them. */
export const FLAGGED = ['salesman', 'young', 'BAME', 'wheelchair-bound', 'he/she', 'native English speaker'] as const;

/** Flagged phrases and short sentences around them (all of them produce findings in prose). */
export const FLAGGED_TEXT = [
  ...FLAGGED,
  'Salesman',
  'SALESMAN',
  'Young',
  'young person',
  'He/she',
  'Wheelchair-bound',
  'We need a salesman.',
  'We want young and energetic graduates.',
  'Our BAME staff network meets monthly.',
  'The office is not suitable for wheelchair-bound people.',
  'He/she will report to the ward manager.',
  'You must be a native English speaker.',
  'The chairman is a young salesman.',
  'Applicants must be aged 18-25.',
  'You will have 10 years of experience.',
  'Blacks and whites are welcome.',
] as const;

/** Ordinary words and sentences, including ones that make a document look like a job advert or a policy. */
const PLAIN_TEXT = [
  'We welcome applications from everyone.',
  'Job advert',
  'About the role',
  'How to apply',
  'Closing date: 1 March.',
  'Salary £25,000 a year.',
  'Essential',
  'Desirable:',
  'This policy applies to all staff.',
  'Purpose',
  'the',
  'and',
  'team',
  'people',
  'staff',
  'NHS',
  'e.g.',
  'King’s College',
  "it's",
] as const;

/** Text in other scripts and with tricky code points: emoji, ZWJ sequences, combining marks, right-to-left. */
export const ODD_TEXT = [
  'café',
  'nai\u0308ve', // combining diaeresis
  'e\u0301\u0301\u0301', // stacked combining marks
  '👩🏽‍💻', // ZWJ sequence with a skin-tone modifier
  '🇬🇧',
  '😀',
  '𝒜𝒷𝒸', // mathematical letters (astral, surrogate pairs)
  '𐐷', // Deseret (astral letter)
  'مرحبا بالعالم', // Arabic (RTL)
  'שלום', // Hebrew (RTL)
  '\u202Eevil\u202C', // right-to-left override
  '\u200F\u200E', // RLM, LRM
  '招聘销售人员',
  'Ωμέγα',
  'नमस्ते',
  'İstanbul', // lower-cases to a longer string
  'ß',
  'ﬁne', // ligature
  '\u00A0', // no-break space
  '\u2028', // line separator (not a line break in LSP)
  '\u2029',
  '\u0085', // next line
  '\u2063', // the engine's own mask character
  '\u200B', // zero-width space
  '\uFEFF', // BOM in the middle of the text
  '\t',
  'sales\u00ADman', // soft hyphen inside a flagged word
  'salesman👩🏽‍💻',
  'young\u0301',
] as const;

/** Markdown-free words for documents whose protected regions are checked: no character here changes how Markdown parses. */
const SAFE_WORDS = [...PLAIN_TEXT.filter((w) => !/[#*_`[\]<>|\\~!:-]/.test(w)), 'café', 'naïve', '😀', 'שלום', 'مرحبا', '招聘', 'Ωμέγα', '𝒜𝒷𝒸'];

/** A string of arbitrary UTF-16 code units, lone surrogates included. */
export const codeUnits = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });

/** Arbitrary text: graphemes, any code point, raw code units, or Markdown punctuation soup. */
export const noise = (maxLength = 12): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    codeUnits(maxLength),
    fc.string({ unit: fc.constantFrom(...'#*_`[]()<>!|\\~-+=:>\'"/. \n\r\t'.split('')), maxLength }),
  );

/** A piece of a generated document; `protect` marks text that must never carry a finding. */
export interface Piece {
  text: string;
  protect?: string;
}

/** A generated document: the text, and the protected regions with what they are. */
export interface GeneratedDoc {
  text: string;
  format: 'markdown' | 'plaintext';
  protected: Array<{ start: number; end: number; what: string }>;
}

const flaggedText = fc.constantFrom(...FLAGGED_TEXT);
const slug = fc.constantFrom('salesman', 'young-people', 'BAME-network', 'wheelchair-bound', 'he/she', 'native-English-speaker');

/** Inline prose pieces whose Markdown meaning does not depend on their neighbours (each is separated by spaces). */
const safeInline: fc.Arbitrary<Piece[]> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SAFE_WORDS).map((text): Piece[] => [{ text }]) },
      { weight: 4, arbitrary: flaggedText.map((text): Piece[] => [{ text }]) },
      { weight: 2, arbitrary: flaggedText.map((t): Piece[] => [{ text: `\`${t}\``, protect: 'code span' }]) },
      { weight: 1, arbitrary: flaggedText.map((t): Piece[] => [{ text: `\`\` ${t} \`\``, protect: 'code span' }]) },
      { weight: 2, arbitrary: slug.map((s): Piece[] => [{ text: `https://example.com/jobs/${s}`, protect: 'URL' }]) },
      { weight: 1, arbitrary: slug.map((s): Piece[] => [{ text: `www.example.org/${s}`, protect: 'URL' }]) },
      { weight: 1, arbitrary: slug.map((s): Piece[] => [{ text: `<https://example.com/${s}>`, protect: 'autolink' }]) },
      { weight: 1, arbitrary: fc.constantFrom('salesman', 'young', 'bame').map((s): Piece[] => [{ text: `${s}@example.com`, protect: 'e-mail address' }]) },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.constantFrom('our team', 'the job', 'young people'), slug).map(([label, s]): Piece[] => [
          { text: `[${label}]` },
          { text: `(https://example.com/${s})`, protect: 'link destination' },
        ]),
      },
      { weight: 1, arbitrary: flaggedText.map((t): Piece[] => [{ text: `<!-- ${t} -->`, protect: 'HTML comment' }]) },
      { weight: 1, arbitrary: flaggedText.map((t): Piece[] => [{ text: `*${t}*` }]) },
      // Markup inside a flagged phrase: a fix must never delete or unbalance it.
      {
        weight: 1,
        arbitrary: fc.constantFrom('young **person**', 'a young *person*', 'native **English** speaker', 'wheelchair-**bound**', 'the *chair*man').map((text): Piece[] => [{ text }]),
      },
      {
        weight: 1,
        arbitrary: slug.map((s): Piece[] => [{ text: '[young]' }, { text: `(https://example.com/${s})`, protect: 'link destination' }, { text: ' person' }]),
      },
      { weight: 1, arbitrary: flaggedText.map((t): Piece[] => [{ text: `**${t}**` }]) },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.flatMap((p, i) => (i === 0 ? p : [{ text: ' ' }, ...p])));

const fence = fc.tuple(fc.constantFrom('```', '~~~', '````', '```md', '~~~ text'), fc.array(flaggedText, { minLength: 1, maxLength: 3 }));
const directive = fc.constantFrom(
  '<!-- fairword-disable-next-line -->',
  '<!-- fairword-disable-next-line young -- quoting the old advert, young salesman -->',
  '<!-- fairword-disable salesman -->',
  '<!-- fairword-disable gendered-job-title -- we mean the product salesman -->',
  '<!-- fairword-enable -->',
  '<!-- fairword-enable young -->',
);

/** One Markdown block of a document whose protected regions are checked. */
const safeBlock: fc.Arbitrary<Piece[]> = fc.oneof(
  { weight: 4, arbitrary: safeInline },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), safeInline).map(([n, p]): Piece[] => [{ text: `${'#'.repeat(n)} ` }, ...p]) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '+ '), fc.array(safeInline, { minLength: 1, maxLength: 4 })).map(([marker, items]) =>
      items.flatMap((p, i): Piece[] => [{ text: `${i > 0 ? '\n' : ''}${marker}` }, ...p]),
    ),
  },
  { weight: 1, arbitrary: fc.array(safeInline, { minLength: 1, maxLength: 3 }).map((lines) => lines.flatMap((p, i): Piece[] => [{ text: `${i > 0 ? '\n' : ''}> ` }, ...p])) },
  {
    weight: 1,
    arbitrary: fc.array(fc.tuple(safeInline, safeInline), { minLength: 1, maxLength: 3 }).map((rows): Piece[] => [
      { text: '| Criteria | Detail |\n| --- | --- |' },
      ...rows.flatMap(([a, b]): Piece[] => [{ text: '\n| ' }, ...a, { text: ' | ' }, ...b, { text: ' |' }]),
    ]),
  },
  { weight: 2, arbitrary: fence.map(([f, lines]): Piece[] => [{ text: `${f}\n${lines.join('\n')}\n${f.replace(/[^`~]/g, '')}`, protect: 'fenced code' }]) },
  { weight: 1, arbitrary: flaggedText.map((t): Piece[] => [{ text: `<!--\n${t}\n${t}\n-->`, protect: 'HTML comment' }]) },
  { weight: 2, arbitrary: fc.tuple(directive, safeInline).map(([d, p]): Piece[] => [{ text: d, protect: 'directive' }, { text: '\n' }, ...p]) },
  { weight: 1, arbitrary: fc.constantFrom('***', '___').map((text): Piece[] => [{ text }]) },
  // Mid-document "---" blocks: a thematic break and a setext heading, never front matter.
  { weight: 1, arbitrary: fc.constantFrom('---\nfairword:\n  kind: policy\n---', '---\nWe welcome everyone\n---', '---\ntitle: x\n---').map((text): Piece[] => [{ text }]) },
);

const frontMatter: fc.Arbitrary<Piece[]> = fc
  .tuple(flaggedText, fc.constantFrom('', 'fairword:\n  kind: job-advert\n', 'fairword-kind: policy\n'))
  .map(([t, kind]): Piece[] => [{ text: `---\ntitle: ${JSON.stringify(t)}\n${kind}---`, protect: 'front matter' }]);

/** Line-ending style of a whole document: one style, or a mix chosen line by line. */
export const eolStyle: fc.Arbitrary<string[]> = fc.oneof(
  fc.constantFrom<string[]>(['\n'], ['\r\n'], ['\r']),
  fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 2, maxLength: 7 }),
);

/** Joins pieces into a document, converting every LF to the chosen line endings (cycling through a mix). */
export function assemble(pieces: Piece[], eols: string[], format: GeneratedDoc['format'], bom = false): GeneratedDoc {
  let text = bom ? '\uFEFF' : '';
  let n = 0;
  const regions: GeneratedDoc['protected'] = [];
  for (const piece of pieces) {
    const converted = piece.text.replace(/\n/g, () => eols[n++ % eols.length]!);
    if (piece.protect) regions.push({ start: text.length, end: text.length + converted.length, what: piece.protect });
    text += converted;
  }
  return { text, format, protected: regions };
}

/**
 * Markdown documents made of well-formed blocks (headings, lists, quotes, tables, fenced code, comments,
 * directives, front matter) with flagged phrases both in prose and in places that must never be flagged.
 */
export const structuredMarkdown: fc.Arbitrary<GeneratedDoc> = fc
  .record({
    front: fc.option(frontMatter, { nil: undefined }),
    blocks: fc.array(safeBlock, { minLength: 1, maxLength: 10 }),
    gaps: fc.array(fc.constantFrom('\n\n', '\n\n\n', '\n  \n'), { minLength: 10, maxLength: 10 }),
    eols: eolStyle,
    trailing: fc.constantFrom('', '\n', '\n\n'),
  })
  .map(({ front, blocks, gaps, eols, trailing }) => {
    const pieces: Piece[] = [];
    if (front) pieces.push(...front, { text: '\n\n' });
    blocks.forEach((b, i) => {
      if (i > 0) pieces.push({ text: gaps[i % gaps.length]! });
      pieces.push(...b);
    });
    pieces.push({ text: trailing });
    return assemble(pieces, eols, 'markdown');
  });

/** Plain-text documents with URLs, e-mail addresses and directive lines among flagged phrases. */
export const structuredPlaintext: fc.Arbitrary<GeneratedDoc> = fc
  .record({
    paragraphs: fc.array(
      fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...SAFE_WORDS).map((text): Piece => ({ text })) },
          { weight: 4, arbitrary: flaggedText.map((text): Piece => ({ text })) },
          { weight: 2, arbitrary: slug.map((s): Piece => ({ text: `https://example.com/jobs/${s}`, protect: 'URL' })) },
          { weight: 1, arbitrary: fc.constantFrom('salesman', 'young').map((s): Piece => ({ text: `${s}@example.com`, protect: 'e-mail address' })) },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom('fairword-disable-next-line', 'fairword-disable-next-line young -- old advert salesman', 'fairword-disable salesman', '# fairword-enable')
              .map((d): Piece => ({ text: `\n${d}\n`, protect: 'directive' })),
          },
        ),
        { minLength: 1, maxLength: 10 },
      ),
      { minLength: 1, maxLength: 6 },
    ),
    eols: eolStyle,
  })
  .map(({ paragraphs, eols }) => {
    const pieces: Piece[] = [];
    paragraphs.forEach((words, i) => {
      if (i > 0) pieces.push({ text: '\n\n' });
      words.forEach((w, j) => {
        if (j > 0) pieces.push({ text: ' ' });
        if (w.protect === 'directive') {
          // A directive line is the whole line: its own line breaks are not part of it.
          pieces.push({ text: '\n' }, { text: w.text.trim(), protect: w.protect }, { text: '\n' });
        } else pieces.push(w);
      });
    });
    return assemble(pieces, eols, 'plaintext');
  });

/** Markdown fragments mixed freely with arbitrary text: anything may happen to the structure. */
const roughPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: flaggedText },
  { weight: 3, arbitrary: noise(16) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...PLAIN_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '\n', '\r\n', '\r', '\n\n', '\r\r', '\r\n\r\n') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '# ',
      '## Job advert\n',
      '- ',
      '1. ',
      '> ',
      '| a | b |\n| --- | --- |\n| ',
      ' | ',
      '`',
      '```\n',
      '~~~',
      '<!--',
      '-->',
      '<!-- fairword-disable-next-line -->\n',
      '<!-- fairword-disable young -->',
      'fairword-disable-next-line salesman\n',
      '---\n',
      '***',
      '[',
      '](https://example.com/young)',
      'https://example.com/salesman',
      '<https://x.org/BAME>',
      '*',
      '**',
      '_',
      '\\',
      '&amp;',
      '<b>',
      '</b>',
      '![young](img.png)',
      '[^1]',
      '$$',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('\uD800', '\uDC00', '\uDBFF\uDFFF', '\uD83D', '\uDE00') },
);

/** Long lines: a flagged phrase repeated, or one very long word. */
const longLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(flaggedText, fc.integer({ min: 50, max: 400 })).map(([t, n]) => `${t} `.repeat(n)),
  fc.tuple(fc.constantFrom('a', 'é', '😀', 'x\u0301'), fc.integer({ min: 1000, max: 6000 })).map(([c, n]) => c.repeat(n)),
  fc.integer({ min: 100, max: 600 }).map((n) => `${'word '.repeat(n)}salesman`),
);

/**
 * Markdown documents longer than the engine's always-parsed opening (2,000 characters): numbered paragraphs,
 * then structured blocks. Segments after the opening with no trigger word are parsed only when needed, so these
 * show whether a result depends on what the engine's caches already hold.
 */
export const longMarkdown: fc.Arbitrary<GeneratedDoc> = fc
  .record({
    // One number makes every paragraph (so a failure shrinks fast): distinct text, so no paragraph comes from a cache.
    base: fc.nat(),
    rest: structuredMarkdown,
    middle: fc.constantFrom('', '---\nfairword:\n  kind: policy\n---\n\n', '---\nOur team\n---\n\n', '***\n\n'),
  })
  .map(({ base, rest, middle }) => {
    const prefix = Array.from({ length: 35 }, (_, i) => `Paragraph ${(base + i * 7919) % 1000003} about the team and the work we do here every day (${i}).`).join('\n\n');
    const text = `${prefix}\n\n${middle}${rest.text}`;
    const shift = text.length - rest.text.length;
    return { text, format: 'markdown' as const, protected: rest.protected.map((r) => ({ ...r, start: r.start + shift, end: r.end + shift })) };
  });

/** Arbitrary documents: Markdown syntax, flagged phrases and arbitrary Unicode in any order, with an optional BOM. */
export const roughDocument: fc.Arbitrary<GeneratedDoc> = fc
  .record({
    bom: fc.boolean(),
    pieces: fc.array(fc.oneof({ weight: 30, arbitrary: roughPiece }, { weight: 1, arbitrary: longLine }), { maxLength: 40 }),
    eols: eolStyle,
    format: fc.constantFrom('markdown' as const, 'plaintext' as const),
  })
  .map(({ bom, pieces, eols, format }) => assemble(pieces.map((text) => ({ text })), eols, format, bom));

/** Pure arbitrary strings (no structure at all). */
export const rawDocument: fc.Arbitrary<GeneratedDoc> = fc
  .record({
    text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), codeUnits(200)),
    format: fc.constantFrom('markdown' as const, 'plaintext' as const),
  })
  .map(({ text, format }) => ({ text, format, protected: [] }));

/** Any document the properties run on. */
export const anyDocument: fc.Arbitrary<GeneratedDoc> = fc.oneof(
  { weight: 3, arbitrary: structuredMarkdown },
  { weight: 1, arbitrary: structuredPlaintext },
  { weight: 3, arbitrary: roughDocument },
  { weight: 1, arbitrary: rawDocument },
);

/** An edit as an editor sends it: replace [at, at + remove) with `insert` (positions are reduced modulo the text length). */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const INSERTS = [
  'x',
  'e',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '.',
  '-',
  '`',
  '```\n',
  '<!--',
  '-->',
  '# ',
  '- ',
  '> ',
  '| ',
  '---\n',
  'salesman ',
  'young ',
  'BAME',
  'wheelchair-bound',
  'he/she',
  'native English speaker',
  'We need a salesman.\n\n',
  '<!-- fairword-disable-next-line young -->\n',
  'fairword-disable-next-line\n',
  'https://example.com/young ',
  '`salesman`',
  '😀',
  '\u0301',
  'Essential:\n',
  '## How to apply\n',
];

/** Typing, deleting, and pasting flagged phrases, Markdown syntax, line breaks and odd characters. */
export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 12 }) }, { weight: 1, arbitrary: fc.nat({ max: 200 }) }),
  insert: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...INSERTS) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: noise(6) }),
});

/** Applies an edit; `at` and `remove` are clamped to the text. */
export function applyEdit(text: string, e: Edit): { text: string; start: number; end: number } {
  const start = e.at % (text.length + 1);
  const end = Math.min(text.length, start + e.remove);
  return { text: text.slice(0, start) + e.insert + text.slice(end), start, end };
}

/** Sizes for hostile shapes: mostly small, sometimes the sizes that used to hang or overflow the stack. */
const hostileSize = (large: number): fc.Arbitrary<number> =>
  fc.oneof({ weight: 24, arbitrary: fc.integer({ min: 2, max: 300 }) }, { weight: 1, arbitrary: fc.integer({ min: 300, max: large }) });

/**
 * Shapes that cost Markdown or retext parsers work out of proportion to their size, or overflow a recursive walk:
 * deep nesting, long delimiter runs, long hyphen and inner-symbol chains, many findings in one document, and
 * invisible characters inside flagged words. None opens a fence, an HTML comment or front matter, so a paragraph
 * after a blank line is always prose.
 */
export const hostileShape: fc.Arbitrary<string> = fc.oneof(
  hostileSize(3000).map((n) => `${'>'.repeat(n)} young`),
  hostileSize(3000).map((n) => `${'- '.repeat(n)}young`),
  hostileSize(3000).map((n) => `${'1. '.repeat(n)}young`),
  hostileSize(400).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- young`).join('\n')),
  fc.tuple(fc.constantFrom('[', '![', '*', '_', '*_', '**', '~', '<a ', '|', '[a](', '&', '\\', '`'), hostileSize(20_000)).map(([d, n]) => `x ${d.repeat(n)}young`),
  hostileSize(20_000).map((n) => `x ${'['.repeat(n)}young${']'.repeat(n)}`),
  fc.tuple(fc.constantFrom('-', '.', "'", '&', '_', ':', '\u2010', '\u00AD'), hostileSize(80_000)).map(([sep, n]) => `young ${Array(n).fill('a').join(sep)}`),
  hostileSize(20_000).map((n) => 'young\n'.repeat(n)),
  hostileSize(2_000).map((n) => `| a${' | b'.repeat(n)} |\n|${' --- |'.repeat(n + 1)}\n| young${' | x'.repeat(n)} |`),
  fc.constantFrom('you\u200dng', 'sales\u00adman', 'you\u200bng person', 'wheelchair\u2060-bound', 'sales\ufeffman', 'young\u2063person'),
);

/** A hostile shape, a paragraph with a known finding, and another shape: the finding must survive whatever comes around it. */
export const hostileDocument: fc.Arbitrary<GeneratedDoc & { marker: number }> = fc
  .record({ before: hostileShape, after: hostileShape, format: fc.constantFrom('markdown' as const, 'plaintext' as const) })
  .map(({ before, after, format }) => {
    const text = `${before}\n\nWe need a salesman.\n\n${after}\n`;
    return { text, format, protected: [], marker: before.length + 2 + 'We need a '.length };
  });

/** One entry of a generated folder tree: a file, a folder, a symbolic link (by what it points at) or a named pipe. */
export interface TreeEntry {
  kind: 'file' | 'dir' | 'link' | 'fifo';
  /** Path below the scanned root, `/`-separated. */
  path: string;
  /** For links: where the link leads. */
  target?: 'inside-file' | 'inside-dir' | 'outside-file' | 'outside-dir' | 'parent' | 'root' | 'self' | 'broken';
}

/** Folder trees with links inside and out of the root, loops, duplicates, broken links and pipes. */
export const folderTree: fc.Arbitrary<TreeEntry[]> = fc.array(
  fc.record({
    kind: fc.constantFrom<TreeEntry['kind']>('file', 'file', 'file', 'dir', 'dir', 'link', 'link', 'link', 'fifo'),
    path: fc.array(fc.constantFrom('a', 'b', 'c.md', 'd.txt', '.h.md', 'e.md', 'node_modules'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/')),
    target: fc.constantFrom<NonNullable<TreeEntry['target']>>('inside-file', 'inside-dir', 'outside-file', 'outside-dir', 'parent', 'root', 'self', 'broken'),
  }),
  { minLength: 1, maxLength: 25 },
);
