import type * as docxModule from 'docx';
import type { TranslationLanguage } from '../models/model-info';

type Docx = typeof docxModule;
import { detectLanguage, languageNames, textDirection } from '../text/language';
import type { BilingualDocument, BilingualUnit } from './bilingual-document';
import { linkType } from './bilingual-document';
import { roundConfidence } from './bilingual-text';
import { mapWithProgress, type ExportProgress } from './export-progress';

/** Word's language tags for proofing; Arial has Hebrew and Arabic wherever Word runs. */
const wordLanguage: Record<TranslationLanguage, string> = { he: 'he-IL', ar: 'ar-SA', en: 'en-US' };
/** Half-points: English 11 pt, Hebrew 12 pt, Arabic 13 pt (shared/design.md sizes the scripts alike). */
const sizes: Record<TranslationLanguage, number> = { en: 22, he: 24, ar: 26 };
/** A4 less 2 cm margins each side, in twentieths of a point, split in two columns. */
const columnWidth = Math.floor((11906 - 2 * 1134) / 2);

/** The language of a line by its first strong character, as the Unicode bidi algorithm picks a paragraph's direction. */
function firstStrongLanguage(text: string): TranslationLanguage {
  const strong = /[A-Za-z\u00C0-\u024F\u0590-\u05FF\u0600-\u06FF\u0750-\u077F\uFB1D-\uFDFF\uFE70-\uFEFF]/.exec(text)?.[0];
  return (strong && detectLanguage(strong)) || 'en';
}

/** The builders of Word's pieces; docx is loaded only when a document is written (it is large). */
function wordBuilders({ HeadingLevel, Paragraph, TableCell, TextRun, WidthType }: Docx) {
  /** Runs of text in `language`; line breaks inside the text become breaks in the paragraph. */
  const runs = (text: string, language: TranslationLanguage, extra: RunStyle) => {
    const rtl = textDirection(language) === 'rtl';
    const size = extra.size ?? sizes[language];
    return text.split(/\r?\n/).map(
      (line, index) =>
        new TextRun({
          text: line,
          break: index > 0 ? 1 : undefined,
          rightToLeft: rtl || undefined,
          font: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Arial' },
          size,
          sizeComplexScript: size,
          color: extra.color,
          bold: extra.bold,
          boldComplexScript: extra.bold,
          language: rtl ? { value: 'en-US', bidirectional: wordLanguage[language] } : { value: wordLanguage[language] },
        }),
    );
  };
  /** A paragraph in `language`: right-to-left ones are marked `w:bidi`, so Word starts them at the right. */
  const paragraph = (text: string, language: TranslationLanguage, extra: RunStyle & { heading?: boolean } = {}) =>
    new Paragraph({
      bidirectional: textDirection(language) === 'rtl' || undefined,
      heading: extra.heading ? HeadingLevel.TITLE : undefined,
      spacing: { after: 60 },
      children: runs(text, language, extra),
    });
  const cell = (children: InstanceType<Docx['Paragraph']>[]) =>
    new TableCell({ width: { size: columnWidth, type: WidthType.DXA }, margins: { top: 60, bottom: 60, left: 100, right: 100 }, children });
  return { paragraph, cell };
}

interface RunStyle {
  size?: number;
  color?: string;
  bold?: boolean;
}

/** A unit's status (or link) and notes, as small grey lines under its translation. */
function detailLines(unit: BilingualUnit): string[] {
  const label = unit.link ? `${linkType(unit.link)} · ${roundConfidence(unit.link.confidence)}` : unit.status === 'machine' ? undefined : unit.status === 'confirmed' ? '✓ confirmed' : 'edited';
  return [...(label ? [label] : []), ...unit.notes.map((note) => `Note: ${note}`)];
}

/** DOCX: the title, a line about the text, and a two-column table with one row per unit and a repeated header row. */
export async function writeDocx(document: BilingualDocument, progress?: ExportProgress): Promise<Uint8Array> {
  const docx = await import('docx');
  const { paragraph, cell } = wordBuilders(docx);
  const from = document.sourceLanguage;
  const to = document.targetLanguage;
  const small = { size: 18, color: '555555' };
  const rows = await mapWithProgress(
    document.units,
    (unit) =>
      new docx.TableRow({
        cantSplit: true,
        children: [
          cell([paragraph(unit.source, from)]),
          cell([paragraph(unit.target, to), ...detailLines(unit).map((line) => paragraph(line, firstStrongLanguage(line), small))]),
        ],
      }),
    progress,
  );
  const header = new docx.TableRow({
    tableHeader: true,
    children: [cell([paragraph(languageNames[from], 'en', { bold: true, size: 18 })]), cell([paragraph(languageNames[to], 'en', { bold: true, size: 18 })])],
  });
  const title = document.title || 'Bilingual text';
  const meta = [`${languageNames[from]} → ${languageNames[to]}`, document.outlet, `Targum ${document.toolVersion}`, document.createdAt.slice(0, 10)].filter(Boolean).join(' · ');
  const file = new docx.Document({
    title,
    creator: 'Targum',
    description: `${languageNames[from]} and ${languageNames[to]}, made with Targum ${document.toolVersion}`,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          paragraph(title, firstStrongLanguage(title), { heading: true, size: 36 }),
          paragraph(meta, 'en', small),
          new docx.Table({ width: { size: 100, type: docx.WidthType.PERCENTAGE }, columnWidths: [columnWidth, columnWidth], rows: [header, ...rows] }),
        ],
      },
    ],
  });
  return docx.Packer.pack(file, 'uint8array');
}
