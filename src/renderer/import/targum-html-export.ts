import type { BilingualDocument, BilingualUnit } from '../../common/formats/bilingual-document';
import { textLanguages, type TextLanguage } from '../../common/text/language';

/** The part of a DOM this reader uses: the page's own DOMParser (the renderer's window, or jsdom in tests). */
export interface ParsingWindow {
  readonly DOMParser: new () => DOMParser;
}

const isTextLanguage = (value: string | null): value is TextLanguage => (textLanguages as readonly string[]).includes(value ?? '');

/** A cell's text as written: line breaks for <br>, the status and notes under the English left out. */
function cellText(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  for (const extra of copy.querySelectorAll('.status, .notes')) extra.remove();
  for (const br of copy.querySelectorAll('br')) br.replaceWith('\n');
  if (copy.querySelector('.empty') && copy.textContent?.trim() === '—') return '';
  return (copy.textContent ?? '').trim();
}

/** Whether a page names Targum as its generator, as Targum's HTML export does (html-writer.ts). */
export const namesTargumAsGenerator = (html: string): boolean => /<meta name="generator" content="Targum /.test(html.slice(0, 4096));

/**
 * The bilingual document of a page Targum's HTML export wrote (see html-writer.ts: a generator meta naming
 * Targum and a table of source and English cells, each with its language), or undefined for any other page.
 */
export function readTargumHtmlExport(html: string, window: ParsingWindow): BilingualDocument | undefined {
  if (!namesTargumAsGenerator(html)) return undefined;
  const page = new window.DOMParser().parseFromString(html, 'text/html');
  const rows = [...page.querySelectorAll('table > tbody > tr')];
  const first = rows[0]?.querySelectorAll(':scope > td');
  if (!first || first.length !== 2) return undefined;
  const sourceLanguage = first[0]!.getAttribute('lang');
  const targetLanguage = first[1]!.getAttribute('lang');
  if (!isTextLanguage(sourceLanguage) || !isTextLanguage(targetLanguage)) return undefined;
  let paragraph = 0;
  const units: BilingualUnit[] = [];
  for (const [index, row] of rows.entries()) {
    const cells = row.querySelectorAll(':scope > td');
    if (cells.length !== 2) return undefined;
    if (index > 0 && row.classList.contains('paragraph-start')) paragraph += 1;
    const status = cells[1]!.querySelector('.status');
    units.push({
      source: cellText(cells[0]!),
      target: cellText(cells[1]!),
      status: status?.classList.contains('confirmed') ? 'confirmed' : status?.classList.contains('edited') ? 'edited' : 'machine',
      notes: [...cells[1]!.querySelectorAll('.notes li')].map((note) => note.textContent ?? ''),
      paragraph,
    });
  }
  const generator = page.querySelector('meta[name=generator]')?.getAttribute('content') ?? 'Targum';
  return {
    kind: 'translation',
    title: page.querySelector('h1')?.textContent?.trim() ?? '',
    sourceLanguage,
    targetLanguage,
    segtype: 'sentence',
    createdAt: new Date().toISOString(),
    toolVersion: generator.replace(/^Targum\s*/, ''),
    units,
  };
}
