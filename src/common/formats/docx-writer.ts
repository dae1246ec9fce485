import type * as docxModule from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { type TextLanguage, detectLanguage, languageNames, textDirection } from '../text/language';
import { linkType, type BilingualDocument, type BilingualUnit } from './bilingual-document';
import { roundConfidence } from './bilingual-text';
import { mapWithProgress, type ExportProgress } from './export-progress';
import { xmlText } from './xml-text';

type Docx = typeof docxModule;

/** Word's language tags for proofing; Arial has Hebrew and Arabic wherever Word runs. */
const wordLanguage: Record<TextLanguage, string> = { he: 'he-IL', ar: 'ar-SA', en: 'en-US' };
/** Half-points: English 11 pt (the document default), Hebrew 12 pt, Arabic 13 pt (docs/design.md sizes the scripts alike). */
const sizes: Record<TextLanguage, number> = { en: 22, he: 24, ar: 26 };
/** A4 less 2 cm margins each side, in twentieths of a point, split in two columns. */
const columnWidth = Math.floor((11906 - 2 * 1134) / 2);
/** Stands in the table for the unit rows until they are spliced into word/document.xml. */
const rowsMarker = '\uE000targum-rows\uE000';

interface RunStyle {
  size?: number;
  color?: string;
  bold?: boolean;
}
const small: RunStyle = { size: 18, color: '555555' };

/** The language of a line by its first strong character, as the Unicode bidi algorithm picks a paragraph's direction. */
function firstStrongLanguage(text: string): TextLanguage {
  const strong = /[A-Za-z\u00C0-\u024F\u0590-\u05FF\u0600-\u06FF\u0750-\u077F\uFB1D-\uFDFF\uFE70-\uFEFF]/.exec(text)?.[0];
  return (strong && detectLanguage(strong)) || 'en';
}

/** The right-to-left language whose size and proofing language are the document defaults for complex script. */
const defaultRtlLanguage = (document: BilingualDocument): TextLanguage =>
  [document.sourceLanguage, document.targetLanguage].find((language) => textDirection(language) === 'rtl') ?? 'he';

/**
 * Paragraphs of WordprocessingML for `document`: right-to-left paragraphs carry `w:bidi` (Word starts them at the
 * right) and their runs `w:rtl`; line breaks inside the text become `w:br`. Fonts, sizes (`w:sz` for Latin,
 * `w:szCs` for Hebrew and Arabic) and proofing languages come from the document defaults, so body runs stay
 * short. Written as text rather than through docx's objects, which take about a millisecond per table row and
 * would make a 50,000-row export take minutes.
 */
function paragraphWriter(document: BilingualDocument) {
  const rtlDefault = defaultRtlLanguage(document);
  return (text: string, language: TextLanguage, style: RunStyle = {}): string => {
    const rtl = textDirection(language) === 'rtl';
    const properties =
      (style.bold ? '<w:b/><w:bCs/>' : '') +
      (style.color ? `<w:color w:val="${style.color}"/>` : '') +
      (style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : rtl && language !== rtlDefault ? `<w:szCs w:val="${sizes[language]}"/>` : '') +
      (rtl ? '<w:rtl/>' : '') +
      (rtl && language !== rtlDefault ? `<w:lang w:bidi="${wordLanguage[language]}"/>` : '');
    const runProperties = properties ? `<w:rPr>${properties}</w:rPr>` : '';
    const runs = text
      .split(/\r?\n/)
      .map((line, index) => `<w:r>${runProperties}${index > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`)
      .join('');
    return `<w:p>${rtl ? '<w:pPr><w:bidi/></w:pPr>' : ''}${runs}</w:p>`;
  };
}

const cellXml = (paragraphs: string) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${columnWidth}"/></w:tcPr>${paragraphs}</w:tc>`;

/** A unit's status (or link) and notes, as small grey lines under its translation. */
function detailLines(unit: BilingualUnit): string[] {
  const label = unit.link ? `${linkType(unit.link)} · ${roundConfidence(unit.link.confidence)}` : unit.status === 'machine' ? undefined : unit.status === 'confirmed' ? '✓ confirmed' : 'edited';
  return [...(label ? [label] : []), ...unit.notes.map((note) => `Note: ${note}`)];
}

function rowWriter(document: BilingualDocument) {
  const paragraph = paragraphWriter(document);
  return (unit: BilingualUnit): string => {
    const details = detailLines(unit).map((line) => paragraph(line, firstStrongLanguage(line), small));
    return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cellXml(paragraph(unit.source, document.sourceLanguage))}${cellXml(paragraph(unit.target, document.targetLanguage) + details.join(''))}</w:tr>`;
  };
}

/** The document around the table: title, a line about the text, the header row and a marker row, built by docx. */
function frame(docx: Docx, document: BilingualDocument) {
  const { Document, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const paragraph = (text: string, language: TextLanguage, style: RunStyle & { heading?: boolean } = {}) => {
    const rtl = textDirection(language) === 'rtl';
    const size = style.size ?? sizes[language];
    return new Paragraph({
      bidirectional: rtl || undefined,
      heading: style.heading ? HeadingLevel.TITLE : undefined,
      children: [
        new TextRun({
          text,
          rightToLeft: rtl || undefined,
          size,
          sizeComplexScript: size,
          color: style.color,
          bold: style.bold,
          boldComplexScript: style.bold,
          language: rtl && language !== defaultRtlLanguage(document) ? { bidirectional: wordLanguage[language] } : undefined,
        }),
      ],
    });
  };
  const cell = (text: string) => new TableCell({ width: { size: columnWidth, type: WidthType.DXA }, children: [paragraph(text, 'en', { bold: true, size: 18 })] });
  const from = document.sourceLanguage;
  const to = document.targetLanguage;
  const title = document.title || 'Bilingual text';
  const meta = [`${languageNames[from]} → ${languageNames[to]}`, document.outlet, `Targum ${document.toolVersion}`, document.createdAt.slice(0, 10)].filter(Boolean).join(' · ');
  return new Document({
    title,
    creator: 'Targum',
    description: `${languageNames[from]} and ${languageNames[to]}, made with Targum ${document.toolVersion}`,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Arial' },
            size: sizes.en,
            sizeComplexScript: sizes[defaultRtlLanguage(document)],
            language: { value: 'en-US', bidirectional: wordLanguage[defaultRtlLanguage(document)] },
          },
          paragraph: { spacing: { after: 60 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          paragraph(title, firstStrongLanguage(title), { heading: true, size: 36 }),
          paragraph(meta, 'en', small),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            columnWidths: [columnWidth, columnWidth],
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
            rows: [
              new TableRow({ tableHeader: true, children: [cell(languageNames[from]), cell(languageNames[to])] }),
              new TableRow({ children: [cell(rowsMarker), cell('')] }),
            ],
          }),
        ],
      },
    ],
  });
}

/**
 * DOCX: the title, a line about the text, and a two-column table with a repeated header row and one row per unit.
 * docx (loaded when needed: it is large) writes the package; the unit rows are spliced into its word/document.xml.
 */
export async function writeDocx(document: BilingualDocument, progress?: ExportProgress): Promise<Uint8Array> {
  const docx = await import('docx');
  const rows = await mapWithProgress(document.units, rowWriter(document), progress);
  const entries = unzipSync(await docx.Packer.pack(frame(docx, document), 'uint8array'));
  const body = strFromU8(entries['word/document.xml']!);
  const marker = body.indexOf(rowsMarker);
  const start = body.lastIndexOf('<w:tr>', marker);
  const end = body.indexOf('</w:tr>', marker) + '</w:tr>'.length;
  if (marker < 0 || start < 0) throw new Error('docx wrote the table in an unexpected form');
  entries['word/document.xml'] = strToU8(body.slice(0, start) + rows.join('') + body.slice(end));
  // The fastest deflate level: a tenth larger than the default, in half the time.
  return zipSync(entries, { level: 1 });
}
