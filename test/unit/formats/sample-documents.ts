import { bilingualFromAlignment, bilingualFromTranslation, type BilingualDocument, type ExportChoices } from '../../../src/common/formats/bilingual-document';
import { roundConfidence } from '../../../src/common/formats/bilingual-text';
import type { TranslatedDocument } from '../../../src/common/formats/translation-output';

export const LRM = '\u200E';
export const RLM = '\u200F';
export const ALM = '\u061C';

/** A Hebrew article with every status, a correction, glosses, markup characters, direction marks and an empty sentence. */
export const hebrewArticle: TranslatedDocument = {
  from: 'he',
  to: 'en',
  model: 'targum-tiny-mul-en',
  paragraphs: [
    [
      {
        source: 'ארגון דאעש מסר היום (חמישי) בקשה לצבא סוריה.',
        translation: 'ISIS today (Thursday) conveyed a request to the Syrian army.',
        status: 'confirmed',
        machine: 'ISIS today (Thursday) conveyed request to the army of Syria.',
        confirmedAt: '2024-03-05T10:20:30.000Z',
        notes: ['דאעש — ISIS (Arabic acronym)'],
      },
      {
        source: `"מבצע" & <שחר> 'חדש' ב-${RLM}2017${RLM} ${LRM}(AT&T)${LRM}`,
        translation: `"Operation" & <Dawn> 'new' in ${LRM}2017 — AT&T said "a < b > c"`,
        status: 'edited',
        machine: 'Operation & Dawn new',
      },
    ],
    [
      { source: 'כוחות צבא לבנון מתקדמים בקרב נגד \u202Bדאעש\u202C \u2067(ISIS)\u2069.', translation: 'Lebanese army forces advance in the battle against \u202AISIS\u202C.', status: 'machine' },
      { source: 'שורה\nשנייה', translation: '', status: 'machine' },
    ],
  ],
};

export const hebrewInfo = { title: 'דאעש מבקש לסגת / "קלמון" ‎(2017)', outlet: 'ישראל היום', toolVersion: '0.1.0', createdAt: '2024-03-06T08:00:00.000Z' };

export const translation = (choices: Partial<ExportChoices> = {}) => bilingualFromTranslation(hebrewArticle, hebrewInfo, choices);

/** An Arabic–English alignment with 1-1, 1-2, 1-0 and 0-1 links. */
export const alignment = () =>
  bilingualFromAlignment(
    {
      from: 'ar',
      to: 'en',
      links: [
        { source: ['أعلن الجيش اللبناني انتهاء المعركة.'], target: ['The Lebanese army announced the end of the battle.'], confidence: 0.93456, paragraph: 0 },
        { source: [`غادر ${ALM}500 مقاتل الجرود.`], target: ['Fighters left the barrens.', 'There were 500 of them.'], confidence: 0.71, paragraph: 0 },
        { source: ['لمزيد من الأخبار اشترك الآن.'], target: [], confidence: 0.4, paragraph: 1 },
        { source: [], target: ['Photo: AFP'], confidence: 0.5, paragraph: 1, status: 'confirmed' },
      ],
    },
    { title: 'انسحاب مسلحي داعش من القلمون', toolVersion: '0.1.0', createdAt: '2024-03-06T08:00:00.000Z' },
  );

/** What a round trip must keep of every unit (confidences are written with three decimals). */
export const essentials = (document: BilingualDocument) =>
  document.units.map(({ source, target, status, notes, machine, confirmedAt, paragraph, link }) => ({
    source,
    target,
    status,
    notes,
    machine,
    confirmedAt,
    paragraph,
    link: link && { ...link, confidence: roundConfidence(link.confidence) },
  }));
