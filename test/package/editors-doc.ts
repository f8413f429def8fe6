/**
 * The configuration blocks of docs/editors.md, read as a reader copies them: the real-client tests run them, and
 * editors-doc.test.ts checks the rest against each editor's settings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DOC = join(fileURLToPath(new URL('../..', import.meta.url)), 'docs/editors.md');

/** One fenced block: the `## ` heading it sits under, its info string and its text. */
export interface DocBlock {
  heading: string;
  lang: string;
  text: string;
}

/** Every fenced block of docs/editors.md, in order. */
export function editorsDocBlocks(): DocBlock[] {
  const blocks: DocBlock[] = [];
  let heading = '';
  let open: DocBlock | undefined;
  for (const line of readFileSync(DOC, 'utf8').split('\n')) {
    if (open) {
      if (line === '```') {
        blocks.push(open);
        open = undefined;
      } else open.text += `${line}\n`;
    } else if (line.startsWith('```')) open = { heading, lang: line.slice(3).trim(), text: '' };
    else if (line.startsWith('## ')) heading = line.slice(3).trim();
  }
  if (open) throw new Error(`docs/editors.md: the ${open.lang} block under '${open.heading}' is never closed`);
  return blocks;
}

/** The blocks in `lang` under the heading `heading`; fails when there are none. */
export function editorsDocBlocksOf(heading: string, lang: string): string[] {
  const found = editorsDocBlocks()
    .filter((b) => b.heading === heading && b.lang === lang)
    .map((b) => b.text);
  if (found.length === 0) throw new Error(`docs/editors.md has no ${lang} block under '## ${heading}'`);
  return found;
}
