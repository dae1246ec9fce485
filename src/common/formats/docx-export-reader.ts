import { strFromU8 } from 'fflate';
import { defaultZipLimits, readZipDirectory, readZipEntry } from '../import/zip';
import { languageNames, textLanguages, type TextLanguage } from '../text/language';
import type { BilingualDocument, BilingualUnit } from './bilingual-document';
import { descendants, elements, parseXmlRoot, type XmlElement } from './xml-tree';

/** What docx-writer.ts puts in docProps/core.xml: Targum is the creator, and the description names it. */
const TARGUM_DESCRIPTION = /made with Targum ([^<]*)</;

function partText(bytes: Uint8Array, name: string): string | undefined {
  const entry = readZipDirectory(bytes, defaultZipLimits).find((candidate) => candidate.name === name);
  return entry && strFromU8(readZipEntry(bytes, entry, defaultZipLimits));
}

/** A paragraph's text as the writer wrote it: runs of text, `w:br` for a line break. */
function paragraphText(paragraph: XmlElement): string {
  let text = '';
  for (const element of elements(paragraph)) {
    if (element.name === 't') text += element.children.filter((child) => typeof child === 'string').join('');
    else if (element.name === 'br') text += '\n';
    else if (element.name !== 'rPr' && element.name !== 'pPr') text += paragraphText(element);
  }
  return text;
}

const cellParagraphs = (cell: XmlElement): string[] => descendants(cell, 'p').map(paragraphText);
const languageNamed = (name: string): TextLanguage | undefined => textLanguages.find((language) => languageNames[language] === name.trim());

/**
 * The bilingual document of a .docx that Targum's DOCX export wrote (a two-column table under a header row naming
 * the languages; under each translation its status and notes as small lines), or undefined for any other
 * Word document. Reading errors are left to the article import, which explains them.
 */
export function readTargumDocxExport(bytes: Uint8Array): BilingualDocument | undefined {
  let core: string | undefined;
  let body: string | undefined;
  try {
    core = partText(bytes, 'docProps/core.xml');
    if (core === undefined || !/<dc:creator>Targum<\/dc:creator>/.test(core) || !TARGUM_DESCRIPTION.test(core)) return undefined;
    body = partText(bytes, 'word/document.xml');
  } catch {
    return undefined;
  }
  if (body === undefined) return undefined;
  const root = parseXmlRoot(body, 'Word XML');
  const table = descendants(root, 'tbl')[0];
  const rows = table ? elements(table, 'tr') : [];
  const header = rows[0] && elements(rows[0], 'tc').map((cell) => cellParagraphs(cell).join(' '));
  const sourceLanguage = header && languageNamed(header[0] ?? '');
  const targetLanguage = header && languageNamed(header[1] ?? '');
  if (!sourceLanguage || !targetLanguage) return undefined;
  const units: BilingualUnit[] = [];
  for (const [index, row] of rows.slice(1).entries()) {
    const [sourceCell, targetCell] = elements(row, 'tc');
    if (!sourceCell || !targetCell) return undefined;
    const [target = '', ...details] = cellParagraphs(targetCell);
    units.push({
      source: cellParagraphs(sourceCell).join('\n'),
      target,
      status: details.includes('✓ confirmed') ? 'confirmed' : details.includes('edited') ? 'edited' : 'machine',
      notes: details.filter((line) => line.startsWith('Note: ')).map((line) => line.slice('Note: '.length)),
      // The export keeps no paragraph breaks: each unit stands as its own paragraph.
      paragraph: index,
    });
  }
  const title = descendants(parseXmlRoot(core, 'Word XML'), 'title')[0];
  return {
    kind: 'translation',
    title: title ? title.children.filter((child) => typeof child === 'string').join('').trim() : '',
    sourceLanguage,
    targetLanguage,
    segtype: 'sentence',
    createdAt: new Date().toISOString(),
    toolVersion: TARGUM_DESCRIPTION.exec(core)?.[1]?.trim() ?? '',
    units,
  };
}
