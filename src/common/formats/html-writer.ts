import type { BilingualDocument, BilingualUnit } from './bilingual-document';
import { linkType } from './bilingual-document';
import { roundConfidence } from './bilingual-text';
import { mapWithProgress, type ExportProgress } from './export-progress';
import { languageNames, textDirection } from '../text/language';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or a double-quoted attribute value, escaped for HTML. */
export function htmlEscape(value: string): string {
  return value.replace(/[&<>"']/g, (character) => escapes[character]!);
}

const statusLabel = { edited: 'edited', confirmed: '✓ confirmed' } as const;

/* Sizes follow docs/design.md: Arabic ~1.2× and Hebrew ~1.1× the English size, with more line height. */
const style = `
:root { color-scheme: light; }
body { margin: 2rem auto; max-width: 64rem; padding: 0 1.5rem; font: 11pt/1.6 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; }
header { margin-block-end: 1.5rem; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 .25rem; }
.meta { margin: 0; color: #555; font-size: .9rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th { text-align: start; font-size: .8rem; font-weight: 600; color: #555; text-transform: uppercase; letter-spacing: .04em; border-block-end: 2px solid #999; padding: .25rem .75rem; }
td { vertical-align: top; padding: .4rem .75rem; border-block-end: 1px solid #e2e2e2; text-align: start; overflow-wrap: anywhere; }
td + td, th + th { border-inline-start: 1px solid #ccc; }
tr.paragraph-start td { border-block-start: 1px solid #999; padding-block-start: .75rem; }
:lang(he) { font-family: "Noto Sans Hebrew", "Arial Hebrew", "Segoe UI", Arial, sans-serif; font-size: 1.1em; line-height: 1.7; }
:lang(ar) { font-family: "Noto Naskh Arabic", "Geeza Pro", "Traditional Arabic", "Segoe UI", serif; font-size: 1.2em; line-height: 1.9; letter-spacing: normal; }
th:lang(he), th:lang(ar) { font-size: .8rem; line-height: inherit; }
.status { display: block; margin-block-start: .2rem; font-size: .75rem; color: #666; }
.status.confirmed { color: #1d6b33; }
.status.edited { color: #8a5a00; }
.notes { margin: .3rem 0 0; padding: 0; list-style: none; font-size: .85rem; color: #444; }
.notes li { border-inline-start: 2px solid #c9c9c9; padding-inline-start: .4rem; margin-block-start: .15rem; }
.empty { color: #999; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A bilingual HTML page: two columns, each cell in its own language and direction, printable as it is. */
export async function writeHtml(document: BilingualDocument, progress?: ExportProgress): Promise<string> {
  const from = document.sourceLanguage;
  const to = document.targetLanguage;
  const cellAttributes = (language: typeof from) => `lang="${language}" dir="${textDirection(language)}"`;
  const rows = await mapWithProgress(document.units, (unit, index) => {
    const starts = index > 0 && document.units[index - 1]!.paragraph !== unit.paragraph;
    return (
      `<tr${starts ? ' class="paragraph-start"' : ''}>` +
      `<td ${cellAttributes(from)}>${cellText(unit.source)}</td>` +
      `<td ${cellAttributes(to)}>${cellText(unit.target)}${unitDetails(unit)}</td></tr>\n`
    );
  }, progress);
  const meta = [
    htmlEscape(`${languageNames[from]} → ${languageNames[to]}`),
    document.outlet && `<bdi>${htmlEscape(document.outlet)}</bdi>`,
    htmlEscape(`Targum ${document.toolVersion}`),
    htmlEscape(document.createdAt.slice(0, 10)),
  ]
    .filter(Boolean)
    .join(' · ');
  const title = document.title || 'Bilingual text';
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Targum ${htmlEscape(document.toolVersion)}">
<title>${htmlEscape(title)}</title>
<style>${style}</style>
</head>
<body>
<header>
<h1 dir="auto">${htmlEscape(title)}</h1>
<p class="meta">${meta}</p>
</header>
<table>
<colgroup><col><col></colgroup>
<thead><tr><th scope="col">${languageNames[from]}</th><th scope="col">${languageNames[to]}</th></tr></thead>
<tbody>
${rows.join('')}</tbody>
</table>
</body>
</html>
`;
}

function cellText(text: string): string {
  return text === '' ? '<span class="empty" lang="en" dir="ltr">—</span>' : htmlEscape(text).replace(/\r?\n/g, '<br>');
}

function unitDetails(unit: BilingualUnit): string {
  const label = unit.link ? `${linkType(unit.link)} · ${roundConfidence(unit.link.confidence)}` : unit.status === 'machine' ? '' : statusLabel[unit.status];
  const notes = unit.notes.length ? `<ul class="notes" lang="en" dir="ltr">${unit.notes.map((note) => `<li dir="auto">${htmlEscape(note)}</li>`).join('')}</ul>` : '';
  return `${label ? `<span class="status ${unit.status}" lang="en" dir="ltr">${htmlEscape(label)}</span>` : ''}${notes}`;
}
