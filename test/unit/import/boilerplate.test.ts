import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyParagraphs, type BoilerplateKind, type ParagraphClass } from '../../../src/common/import/boilerplate/classify';
import { findPublicationDate } from '../../../src/common/import/boilerplate/dates';
import type { TextLanguage } from '../../../src/common/text/language';
import { splitParagraphs } from '../../../src/common/text/segmenter';
import { floresPath, sampleText } from '../../support/reference-texts';

function seedParagraphs(prefix: string): string[] {
  return splitParagraphs(sampleText(prefix));
}

/** The boilerplate of a classification as { index: kind }. */
function marked(classes: readonly ParagraphClass[]): Record<number, BoilerplateKind | undefined> {
  const out: Record<number, BoilerplateKind | undefined> = {};
  classes.forEach((c, i) => {
    expect(c.boilerplate).toBe(c.kind !== undefined);
    if (c.boilerplate) out[i] = c.kind;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The seeds, paragraph by paragraph (decided by eye; see the comments)

describe('classifyParagraphs on the seed articles', () => {
  const seeds: { prefix: string; language: TextLanguage; paragraphs: number; boilerplate: Record<number, BoilerplateKind> }[] = [
    {
      // 0 is the lead (no separate headline); 4 is a photo caption ending «// צילום: אי.אף.פי»;
      // 11 is «טעינו? נתקן! אם מצאתם טעות בכתבה, נשמח שתשתפו אותנו».
      prefix: '000',
      language: 'he',
      paragraphs: 12,
      boilerplate: { 4: 'credit', 11: 'mistake-report' },
    },
    {
      // 0–11 body; 12 is the headline and 13 its subtitle, printed after the body (kept: the only
      // copy of the headline); 14 repeats 12; 15 «لم تشترك بعد» and 16 «انشئ حساباً خاصاً بك …
      // وتتلقى نشراتنا البريدية» are the subscription box.
      prefix: '001',
      language: 'ar',
      paragraphs: 17,
      boilerplate: { 14: 'repeated-headline', 15: 'subscribe', 16: 'subscribe' },
    },
    {
      // 0 headline; 1 «الإثنين 28/8/2017 م …»; 2 opens with the dateline «الأردن العربي –» (body);
      // 17 «قد يعجبك ايضا»; 18 «التعليقات مغلقة.».
      prefix: '002',
      language: 'ar',
      paragraphs: 19,
      boilerplate: { 1: 'date', 17: 'related', 18: 'comments' },
    },
    {
      // 0 headline «الإرهابيون يندحرون»; 1 «الحدث الثلاثاء ٢٢/مايو/٢٠١٨ ٠٣:١٨ ص»; 2 the headline again;
      // 3 the standalone dateline «موسكو - دمشق - طهران - وكالات» (places and "agencies": a credit).
      prefix: '003',
      language: 'ar',
      paragraphs: 27,
      boilerplate: { 1: 'date', 2: 'repeated-headline', 3: 'credit' },
    },
    {
      // 2 is «Ad» between two body paragraphs.
      prefix: '004',
      language: 'ar',
      paragraphs: 10,
      boilerplate: { 2: 'ad' },
    },
  ];

  for (const seed of seeds) {
    it(`seed ${seed.prefix}: exactly ${JSON.stringify(seed.boilerplate)}, no body paragraph marked`, () => {
      const paragraphs = seedParagraphs(seed.prefix);
      expect(paragraphs).toHaveLength(seed.paragraphs);
      const classes = classifyParagraphs(paragraphs, seed.language);
      expect(classes).toHaveLength(paragraphs.length);
      expect(marked(classes)).toEqual(seed.boilerplate);
    });
  }

  it('keeps the headline and the dateline that opens a body paragraph', () => {
    const paragraphs = seedParagraphs('002');
    expect(paragraphs[2]?.startsWith('الأردن العربي –')).toBe(true);
    const classes = classifyParagraphs(paragraphs, 'ar');
    expect(classes[0]).toEqual({ boilerplate: false });
    expect(classes[2]).toEqual({ boilerplate: false });
  });
});

describe('findPublicationDate on the seed articles', () => {
  it('reads the date lines of 002 and 003 (Western and Eastern Arabic digits)', () => {
    expect(findPublicationDate(seedParagraphs('002'))).toBe('2017-08-28');
    expect(findPublicationDate(seedParagraphs('003'))).toBe('2018-05-22');
  });

  it('finds nothing in the seeds without a date line', () => {
    expect(findPublicationDate(seedParagraphs('000'))).toBeUndefined();
    expect(findPublicationDate(seedParagraphs('001'))).toBeUndefined();
    expect(findPublicationDate(seedParagraphs('004'))).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Invented articles

const BODY: Record<TextLanguage, { headline: string; body: string[] }> = {
  ar: {
    headline: 'الجيش السوري يتقدم في ريف حمص الشرقي',
    body: [
      'قال مصدر عسكري إن وحدات الجيش سيطرت صباح اليوم على عدد من التلال المطلة على الطريق الدولي بعد اشتباكات استمرت عدة ساعات.',
      'وأضاف المصدر أن العملية تهدف إلى تأمين الطريق أمام حركة المدنيين والشاحنات التجارية بين المدينتين.',
      'في المقابل، أعلن التنظيم في بيان نشره على مواقع التواصل أن مقاتليه صدوا الهجوم وكبدوا القوات المهاجمة خسائر كبيرة.',
    ],
  },
  he: {
    headline: 'צבא סוריה מתקדם במזרח מחוז חומס',
    body: [
      'לפי מקור צבאי, כוחות הצבא השתלטו הבוקר על כמה גבעות השולטות בכביש הראשי לאחר קרבות שנמשכו כמה שעות.',
      'המקור הוסיף כי המבצע נועד לאבטח את הדרך לתנועת אזרחים ומשאיות בין שתי הערים.',
      'מנגד, הודיע הארגון בהודעה שפרסם ברשתות החברתיות כי לוחמיו הדפו את ההתקפה וגרמו לכוחות התוקפים אבדות כבדות.',
    ],
  },
  en: {
    headline: 'Syrian army advances in eastern Homs countryside',
    body: [
      'Army units took several hills overlooking the main highway on Monday morning after hours of fighting, a military source said.',
      'The operation aims to secure the road for civilians and commercial trucks travelling between the two cities, the source added.',
      'The group said in a statement posted online that its fighters had repelled the attack and inflicted heavy losses on the attackers.',
    ],
  },
};

/** An article: headline, two body paragraphs, `lines` (in the middle, or at the end), and a last body paragraph unless at the end. */
function article(language: TextLanguage, lines: readonly string[], at: 'middle' | 'end'): { paragraphs: string[]; first: number } {
  const { headline, body } = BODY[language];
  const [b1, b2, b3] = body as [string, string, string];
  return { paragraphs: at === 'middle' ? [headline, b1, b2, ...lines, b3] : [headline, b1, b2, b3, ...lines], first: at === 'middle' ? 3 : 4 };
}

/** The kinds given to `lines` inside an article; every paragraph of the article's own is checked to stay unmarked. */
function kindsOf(language: TextLanguage, lines: readonly string[], at: 'middle' | 'end' = 'middle'): (BoilerplateKind | undefined)[] {
  const { paragraphs, first } = article(language, lines, at);
  const classes = classifyParagraphs(paragraphs, language);
  expect(classes).toHaveLength(paragraphs.length);
  classes.forEach((c, i) => {
    if (i < first || i >= first + lines.length) expect(c, `article paragraph ${i}: ${paragraphs[i]}`).toEqual({ boilerplate: false });
  });
  return classes.slice(first, first + lines.length).map((c) => c.kind);
}

const kindOf = (language: TextLanguage, line: string, at: 'middle' | 'end' = 'middle'): BoilerplateKind | undefined => kindsOf(language, [line], at)[0];

describe('boilerplate lines not seen in the seeds', () => {
  const cases: [BoilerplateKind, TextLanguage, string][] = [
    // "Found a mistake?"
    ['mistake-report', 'he', 'מצאתם טעות בכתבה? כתבו לנו'],
    ['mistake-report', 'he', 'אם מצאתם טעות בכתבה נשמח שתעדכנו אותנו'],
    ['mistake-report', 'he', 'טעינו? נתקן'],
    ['mistake-report', 'ar', 'وجدت خطأ؟ أبلغنا لنصححه'],
    ['mistake-report', 'ar', 'هل وجدتَ خطأً في هذا المقال؟ أخبرنا'],
    ['mistake-report', 'ar', 'للإبلاغ عن خطأ في الخبر اضغط هنا'],
    ['mistake-report', 'en', 'Found a mistake? Let us know'],
    ['mistake-report', 'en', 'If you spot an error, please report it to our corrections desk'],
    // Related links
    ['related', 'ar', 'قد يعجبك أيضاً'],
    ['related', 'ar', 'اقرأ أيضا:'],
    ['related', 'ar', 'مواضيع ذات صلة'],
    ['related', 'ar', 'اقرأ أيضاً: الجيش السوري يسيطر على بلدة جديدة في ريف حمص'],
    ['related', 'he', 'כתבות נוספות'],
    ['related', 'he', 'עוד בנושא:'],
    ['related', 'he', 'אולי יעניין אותך גם'],
    ['related', 'en', 'You may also like'],
    ['related', 'en', 'Related Articles'],
    ['related', 'en', 'Read more: Syrian army advances near Homs'],
    // Comments
    ['comments', 'ar', 'التعليقات مغلقه'],
    ['comments', 'ar', 'أضف تعليقاً'],
    ['comments', 'ar', 'لا توجد تعليقات'],
    ['comments', 'ar', '3 تعليقات'],
    ['comments', 'he', 'התגובות נסגרו'],
    ['comments', 'he', 'התגובות לכתבה זו נסגרו.'],
    ['comments', 'he', 'הוסיפו תגובה'],
    ['comments', 'en', 'Comments are closed.'],
    ['comments', 'en', 'Leave a comment'],
    ['comments', 'en', '12 Comments'],
    // Advertisements
    ['ad', 'ar', 'إعلان'],
    ['ad', 'ar', '- إعلان -'],
    ['ad', 'ar', 'مساحة إعلانية'],
    ['ad', 'he', 'פרסומת'],
    ['ad', 'en', 'ADVERTISEMENT'],
    ['ad', 'en', 'Advertisement - scroll to continue reading'],
    ['ad', 'ar', 'Ad'],
    // Subscriptions
    ['subscribe', 'ar', 'اشترك في النشرة البريدية'],
    ['subscribe', 'ar', 'اشترك الآن ليصلك كل جديد'],
    ['subscribe', 'ar', 'للاشتراك في نشرتنا اليومية اضغط هنا'],
    ['subscribe', 'he', 'הירשמו לניוזלטר שלנו'],
    ['subscribe', 'he', 'הצטרפו לערוץ הטלגרם שלנו'],
    ['subscribe', 'en', 'Subscribe to our newsletter'],
    ['subscribe', 'en', 'Sign up for our daily briefing'],
    ['subscribe', 'en', 'Get the best of our journalism delivered to your inbox every morning'],
    // Share prompts
    ['share', 'ar', 'شارك'],
    ['share', 'ar', 'شارك هذا المقال'],
    ['share', 'ar', 'شارك على فيسبوك'],
    ['share', 'ar', 'فيسبوك تويتر واتساب'],
    ['share', 'ar', 'تابعونا على تويتر'],
    ['share', 'he', 'שתפו בפייסבוק'],
    ['share', 'he', 'שתפו'],
    ['share', 'en', 'Share this article'],
    ['share', 'en', 'Share on Facebook'],
    ['share', 'en', 'Facebook Twitter WhatsApp Email'],
    ['share', 'en', 'Print'],
    ['share', 'en', 'Copy link'],
    ['share', 'ar', 'نسخ الرابط'],
    ['share', 'he', 'הדפסה'],
    // Credits
    ['credit', 'he', 'צילום: רויטרס'],
    ['credit', 'he', 'חיילים סורים ליד דמשק (צילום: אי.אף.פי)'],
    ['credit', 'he', 'צילום ארכיון'],
    ['credit', 'he', 'מאת איתי כהן'],
    ['credit', 'ar', 'تصوير: أحمد محمد'],
    ['credit', 'ar', 'عناصر من الجيش السوري في ريف دمشق (تصوير: رويترز)'],
    ['credit', 'ar', 'رويترز'],
    ['credit', 'ar', '(أ ف ب)'],
    ['credit', 'ar', 'دمشق - وكالات'],
    ['credit', 'ar', 'بيروت - خاص'],
    ['credit', 'ar', 'بقلم: محمد علي'],
    ['credit', 'ar', 'الصورة: أرشيفية'],
    ['credit', 'en', '(Photo: AFP)'],
    ['credit', 'en', 'Syrian soldiers near Damascus. Photo: Reuters'],
    ['credit', 'en', 'AFP/Getty Images'],
    ['credit', 'en', 'By Sarah Cohen'],
    ['credit', 'en', 'Reporting by Tom Perry; Editing by Angus MacSwan'],
    ['credit', 'ar', 'بواسطة: محمد علي'],
    ['credit', 'ar', 'ترجمة: هيئة التحرير'],
    ['credit', 'ar', 'المصدر: وكالات'],
    ['credit', 'en', 'Source: Reuters'],
    ['credit', 'ar', 'جميع الحقوق محفوظة © 2017'],
    ['credit', 'he', 'כל הזכויות שמורות'],
    ['credit', 'en', '© 2017 Reuters'],
    // Date lines
    ['date', 'ar', 'نشر في: 28 آب 2017 - 14:30'],
    ['date', 'ar', 'آخر تحديث: الأحد ٥ أيلول ٢٠١٧'],
    ['date', 'ar', 'الاثنين 6 ذو الحجة 1438 هـ الموافق 28 أغسطس 2017 م'],
    ['date', 'ar', 'الخميس، 24 أغسطس 2017 03:18 م'],
    ['date', 'he', 'פורסם: 24.08.17, 21:47'],
    ['date', 'he', 'יום חמישי, 24 באוגוסט 2017'],
    ['date', 'he', '24/08/2017 21:47 | עודכן 22:10'],
    ['date', 'he', "ה' באלול תשע\"ז"],
    ['date', 'en', 'Monday, August 28, 2017 3:18 PM'],
    ['date', 'en', 'Published 28 Aug 2017'],
    ['date', 'en', 'Updated 3:18 AM GMT'],
    ['date', 'en', 'Sun 28 Aug 2017 14.30 BST'],
    ['date', 'ar', '28.08.2017 | 14:30'],
    // Navigation
    ['navigation', 'ar', 'الرئيسية » أخبار » سوريا'],
    ['navigation', 'ar', 'الوسوم: سوريا، داعش، القلمون'],
    ['navigation', 'ar', 'المقال التالي'],
    ['navigation', 'he', 'דף הבית > חדשות > המזרח התיכון'],
    ['navigation', 'he', 'תגיות: סוריה, דאעש, חיזבאללה'],
    ['navigation', 'en', 'Home > World > Middle East'],
    ['navigation', 'en', 'Tags: Syria, ISIS, Lebanon'],
    ['navigation', 'en', 'Back to top'],
  ];

  for (const [kind, language, line] of cases) {
    it(`${kind}: «${line}»`, () => {
      expect(kindOf(language, line, 'middle')).toBe(kind);
      expect(kindOf(language, line, 'end')).toBe(kind);
    });
  }
});

describe('body text that mentions the same words', () => {
  const cases: [TextLanguage, string][] = [
    // «إعلان» is also "announcement"; «اشترك» and «شارك» also "took part".
    ['ar', 'إعلان هدنة في القلمون'],
    ['ar', 'وجاء إعلان الجيش السوري عن وقف إطلاق النار بعد ساعات من المفاوضات.'],
    ['ar', 'اشترك الجيش اللبناني في العملية'],
    ['ar', 'شارك في الهجوم أكثر من 500 مقاتل'],
    ['ar', 'شارك على مدى يومين أكثر من 500 مقاتل من حزب الله في الهجوم على مواقع التنظيم.'],
    ['ar', 'وقال المصدر: الجيش تقدم'],
    ['ar', 'وأظهرت صورة: جنودا يرفعون العلم'],
    ['ar', 'وكالات الإغاثة الدولية حذرت من تدهور الوضع الإنساني في المخيم.'],
    ['ar', 'رويترز: الجيش السوري يتقدم نحو دير الزور'],
    ['ar', 'وقال إن عدد المشتركين في النشرة البريدية للوزارة ارتفع.'],
    ['ar', 'وقال الوزير إن الحكومة وجدت خطأ في الحسابات الأولية.'],
    ['ar', 'وتعليقات المسؤولين على الاتفاق جاءت متباينة بين مرحب ومتحفظ.'],
    ['ar', 'كتب الرئيس على تويتر'],
    ['ar', 'دمشق - بيروت'],
    ['ar', 'أحمد رمضان'],
    ['ar', 'مايو الحاسم في سوريا'],
    // A paragraph that opens with a date and goes on with the news.
    ['ar', 'الإثنين 28/8/2017 – أعلن الجيش السوري بدء إجلاء مسلحي داعش من جرود القلمون الغربي.'],
    ['ar', 'في 28 آب 2017 غادر المسلحون القلمون.'],
    ['ar', 'قتل 20 شخصا في 28 آب 2017'],
    ['he', 'בצילום שפורסם ברשתות החברתיות נראים לוחמי דאעש עולים על האוטובוסים בדרך לדיר א-זור.'],
    ['he', 'צילום האוויר שפרסם צה"ל מראה את הנזק לתשתיות'],
    ['he', 'שיתוף פעולה בין הצבאות'],
    ['he', 'התגובות לא איחרו לבוא: בממשלה תקפו את ההחלטה.'],
    ['he', 'הוועדה מצאה טעות בחישוב'],
    ['he', 'ב-24 באוגוסט 2017 נכנסו האוטובוסים הראשונים לשטח המובלעת.'],
    ['he', 'מאת הכתב הצבאי שלנו, שחזר הערב מהגבול הצפוני לאחר שלושה ימי סיורים עם כוחות צה"ל.'],
    ['en', 'Share prices fell sharply on Monday after the announcement.'],
    ['en', 'Comments by the minister drew criticism from the opposition.'],
    ['en', 'By the end of the week, the convoy had reached Deir ez-Zor.'],
    ['en', 'The ad campaign was launched by the ministry in August.'],
    ['en', 'Advertisement revenue at the state broadcaster fell by half.'],
    ['en', 'Read more about the agreement in the full statement published by the army.'],
    ['en', 'On August 28, 2017, the first buses left the enclave under army escort.'],
    ['en', 'Copyright law was changed last year.'],
    // Sub-headings and short lines of the story.
    ['ar', 'ردود فعل'],
    ['ar', 'إعلان دمشق'],
    ['ar', 'سانا: الجيش يسيطر على التلال'],
    ['ar', 'رمضان في دير الزور'],
    ['ar', 'تعليق الرحلات الجوية إلى بيروت'],
    ['ar', 'تابع الجيش تقدمه نحو التلال'],
    ['ar', 'بيروت'],
    ['he', 'תגובות בישראל'],
    ['he', 'אב ובנו נהרגו בהפצצה'],
    ['he', 'שתפו פעולה עם המשטרה'],
    ['he', 'החיילים נכנסו ב-24 באוגוסט'],
    ['en', 'Reactions'],
    ['en', 'Top commander killed'],
    ['en', 'Search for survivors continues'],
    ['en', 'More than 100 fighters arrived'],
    ['en', 'Next week the talks resume.'],
    // Sentences that open with a date and a comma go on.
    ['ar', 'في ٢٨ حزيران، قُتل'],
    ['en', 'On March 18, 1965, he'],
  ];

  for (const [language, line] of cases) {
    it(`not boilerplate: «${line}»`, () => {
      expect(kindOf(language, line, 'middle')).toBeUndefined();
    });
  }
});

describe('position', () => {
  it('counts a generic heading such as «תגובות» (also "reactions") only after the last body paragraph', () => {
    expect(kindOf('he', 'תגובות', 'middle')).toBeUndefined();
    expect(kindOf('he', 'תגובות', 'end')).toBe('comments');
    expect(kindOf('ar', 'ذات صلة', 'middle')).toBeUndefined();
    expect(kindOf('ar', 'ذات صلة', 'end')).toBe('related');
    expect(kindOf('en', 'Comments', 'end')).toBe('comments');
  });

  it('marks the link titles under a related heading at the end of the article', () => {
    const lines = ['مواضيع ذات صلة', 'الجيش اللبناني يواصل عملياته في جرود عرسال', 'حزب الله يعلن السيطرة على تلال جديدة', 'التعليقات مغلقة.'];
    expect(kindsOf('ar', lines, 'end')).toEqual(['related', 'related', 'related', 'comments']);
    expect(kindsOf('en', ['Related stories', 'Lebanese army presses on near Arsal', 'Hezbollah claims new hills'], 'end')).toEqual(['related', 'related', 'related']);
  });

  it('marks only one link title under a related heading inside the article', () => {
    expect(kindsOf('ar', ['اقرأ أيضا', 'الجيش اللبناني يواصل عملياته في جرود عرسال', 'ردود الفعل'], 'middle')).toEqual(['related', 'related', undefined]);
  });

  it('stops the related block at a sentence', () => {
    expect(kindsOf('en', ['You may also like', 'Officials said the talks would resume next week.'], 'middle')).toEqual(['related', undefined]);
  });
});

describe('repeated headline', () => {
  const repeatOf = (language: TextLanguage, line: string): BoilerplateKind | undefined => kindOf(language, line, 'end');

  it('marks an exact or near-exact repeat of the headline further down', () => {
    expect(repeatOf('ar', 'الجيش السوري يتقدم في ريف حمص الشرقي')).toBe('repeated-headline');
    expect(repeatOf('ar', 'الجيش السوري يتقدّم في ريف حمص الشرقي!')).toBe('repeated-headline');
    expect(repeatOf('ar', 'الجيش السوري يتقدم في ريف حمص الشرقى')).toBe('repeated-headline');
    expect(repeatOf('he', 'צבא סוריה מתקדם במזרח מחוז חומס - מעריב')).toBe('repeated-headline');
    expect(repeatOf('en', 'Syrian Army Advances in Eastern Homs Countryside')).toBe('repeated-headline');
  });

  it('does not mark a paragraph that only shares words with the headline', () => {
    expect(repeatOf('ar', 'الجيش السوري يتقدم في ريف حماة الشمالي بعد معارك عنيفة')).toBeUndefined();
    expect(repeatOf('en', 'Syrian army advances in eastern Homs countryside as talks stall in Geneva')).toBeUndefined();
  });

  it('marks a later copy of an earlier headline-like line that is not paragraph 0 (seed 001)', () => {
    const { body } = BODY.ar;
    const paragraphs = [...body, 'قرب فتح ممر آمن لعناصر التنظيم', 'عنوان فرعي عن العملية', 'قرب فتح ممر آمن لعناصر التنظيم'];
    expect(marked(classifyParagraphs(paragraphs, 'ar'))).toEqual({ 5: 'repeated-headline' });
  });

  it('does not take the items of a list that differ by a number for repeats', () => {
    const { headline, body } = BODY.ar;
    const items = Array.from({ length: 300 }, (_, i) => `الحافلة رقم ${i + 1} غادرت المعبر`);
    expect(marked(classifyParagraphs([headline, ...body, ...items], 'ar'))).toEqual({});
  });

  it('never marks paragraph 0 as a repeat', () => {
    const { headline, body } = BODY.en;
    expect(classifyParagraphs([headline, headline, ...body], 'en').map((c) => c.kind)).toEqual([undefined, 'repeated-headline', undefined, undefined, undefined]);
  });
});

describe('classifyParagraphs edge cases', () => {
  it('does not repeat a short line («في عام»)', () => {
    const { headline, body } = BODY.ar;
    expect(marked(classifyParagraphs([headline, 'في عام', body[0] ?? '', 'في عام'], 'ar'))).toEqual({});
  });

  it('returns one class per paragraph, also for none and for blank ones', () => {
    expect(classifyParagraphs([], 'ar')).toEqual([]);
    expect(classifyParagraphs(['', '   '], 'he')).toEqual([{ boilerplate: false }, { boilerplate: false }]);
  });

  it('ignores diacritics, tatweel, bidi marks and Eastern Arabic digits', () => {
    expect(kindOf('ar', '\u200Fالتعليـــقات مُغلَقة\u200F')).toBe('comments');
    expect(kindOf('ar', '\u202Bإعـلان\u202C')).toBe('ad');
    expect(kindOf('ar', '٣ تعليقات')).toBe('comments');
  });
});

describe('real prose (FLORES-200 dev, 997 sentences per language)', () => {
  for (const language of ['ar', 'he', 'en'] as const) {
    it(`${language}: no sentence is boilerplate and no publication date is found, ten sentences to an article`, () => {
      const sentences = readFileSync(floresPath(language), 'utf8').split('\n').filter((line) => line.trim() !== '');
      expect(sentences).toHaveLength(997);
      for (let i = 0; i < sentences.length; i += 10) {
        const paragraphs = sentences.slice(i, i + 10);
        expect(marked(classifyParagraphs(paragraphs, language)), paragraphs.join('\n')).toEqual({});
        expect(findPublicationDate(paragraphs)).toBeUndefined();
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Dates

describe('findPublicationDate', () => {
  const date = (...lines: string[]): string | undefined => findPublicationDate([BODY.ar.headline, ...lines, ...BODY.ar.body]);

  it('reads numeric dates day first, with Western or Eastern Arabic digits', () => {
    expect(date('الإثنين 28/8/2017 م …')).toBe('2017-08-28');
    expect(date('الاثنين ٢٨/٠٨/٢٠١٧')).toBe('2017-08-28');
    expect(date('۲۸/۸/۲۰۱۷')).toBe('2017-08-28');
    expect(date('פורסם: 24.08.17, 21:47')).toBe('2017-08-24');
    expect(date('Published 2017-08-28 14:30')).toBe('2017-08-28');
  });

  it('reads month first only when day first is impossible', () => {
    expect(date('Updated 08/28/2017 3:18 PM')).toBe('2017-08-28');
    expect(date('Updated 05/06/2017')).toBe('2017-06-05');
  });

  it('reads Arabic month names of every region', () => {
    expect(date('الحدث الثلاثاء ٢٢/مايو/٢٠١٨ ٠٣:١٨ ص')).toBe('2018-05-22');
    expect(date('الثلاثاء 22 أيار 2018')).toBe('2018-05-22');
    expect(date('نشر في: 28 آب 2017 - 14:30')).toBe('2017-08-28');
    expect(date('28 آب (أغسطس) 2017')).toBe('2017-08-28');
    expect(date('28 اغسطس 2017')).toBe('2017-08-28');
    expect(date('الأحد 14 كانون الثاني 2018')).toBe('2018-01-14');
    expect(date('3 تشرين الأول 2017')).toBe('2017-10-03');
    expect(date('12 جويلية 2017')).toBe('2017-07-12');
    expect(date('5 شتنبر 2017')).toBe('2017-09-05');
  });

  it('reads Hebrew and English month names', () => {
    expect(date('יום חמישי, 24 באוגוסט 2017')).toBe('2017-08-24');
    expect(date('עודכן: 3 במרץ 2018')).toBe('2018-03-03');
    expect(date('Monday, August 28, 2017')).toBe('2017-08-28');
    expect(date('Published 28 Aug. 2017')).toBe('2017-08-28');
    expect(date('28th of August, 2017')).toBe('2017-08-28');
  });

  it('takes the Gregorian date beside a Hijri one, and nothing from a Hijri or Hebrew-calendar date alone', () => {
    expect(date('الاثنين 6 ذو الحجة 1438 هـ الموافق 28 أغسطس 2017 م')).toBe('2017-08-28');
    expect(date('6 ذو الحجة 1438 هـ')).toBeUndefined();
    expect(date("ה' באלול תשע\"ז")).toBeUndefined();
  });

  it('takes the first date line, and the first date in it', () => {
    expect(date('24/08/2017 21:47 | עודכן 25/08/2017 08:10')).toBe('2017-08-24');
    expect(date('Published 28 Aug 2017', 'Updated 30 Aug 2017')).toBe('2017-08-28');
  });

  it('rejects impossible dates', () => {
    expect(date('31/2/2017')).toBeUndefined();
    expect(date('الإثنين 45/13/2017')).toBeUndefined();
  });

  it('reads a date standing as its own part of a dateline at the start of the article', () => {
    expect(findPublicationDate(['بيروت – 28 آب 2017 – أعلن الجيش اللبناني بدء المرحلة الأخيرة من معركة الجرود.', ...BODY.ar.body])).toBe('2017-08-28');
  });

  it('does not take a date mentioned in the body', () => {
    expect(findPublicationDate([BODY.ar.headline, 'وقال إن الجنود خطفوا في 2 آب 2014 خلال معارك عرسال، وإن مصيرهم بقي مجهولا حتى الآن.', ...BODY.ar.body])).toBeUndefined();
    expect(findPublicationDate([BODY.en.headline, 'On August 28, 2017, the first buses left the enclave under army escort.'])).toBeUndefined();
    expect(findPublicationDate([])).toBeUndefined();
  });
});

describe('credits and captions under pictures and videos', () => {
  const kindOf = (line: string, language: TextLanguage = 'he'): BoilerplateKind | undefined =>
    classifyParagraphs(['פתיח ארוך של הכתבה עם כמה מילים כדי שיהיה גוף אמיתי לטקסט הזה כאן.', line], language)[1]?.kind;

  it('marks a source standing alone on its line as a credit, in Hebrew and Arabic', () => {
    for (const line of ['דובר צה"ל', 'דובר צה״ל', 'צילום: דוברות המשטרה', 'צילום מסך', 'רשתות חברתיות', 'צילום: רשתות חברתיות', 'i24NEWS', '(ynet)']) {
      expect(kindOf(line), line).toBe('credit');
    }
    for (const line of ['تصوير', 'المصدر', 'حقوق الصورة: غيتي', 'حقوق الصورة Getty Images', 'رويترز', 'أ ف ب', 'الأناضول', 'تصوير: مواقع التواصل', 'الجزيرة نت']) {
      expect(kindOf(line, 'ar'), line).toBe('credit');
    }
  });

  it('marks a short line naming a photo or a video as a caption', () => {
    for (const line of ['תיעוד מהרגע שבו נפל הרקטה בשכונה', 'צילום: ההריסות ברחוב הראשי של העיר לאחר הפגיעה הקשה', 'וידאו: הכוחות נכנסים למחנה', 'צפו בתיעוד מהזירה']) {
      expect(kindOf(line), line).toBe('caption');
    }
    for (const line of ['فيديو: لحظة وصول القافلة إلى المعبر', '(صورة) أطفال ينتظرون المساعدات في المخيم', 'شاهد لحظة انهيار المبنى']) {
      expect(kindOf(line, 'ar'), line).toBe('caption');
    }
  });

  it('keeps sentences that open with the same words, and headlines that mention a newspaper', () => {
    expect(kindOf('תיעוד השיחות שפורסם אמש מראה כי הפקודה ניתנה שעה קודם לכן.')).toBeUndefined();
    expect(kindOf('צפו, אמרו תושבי השכונה, הם יחזרו עוד הלילה')).toBeUndefined();
    expect(kindOf('شاهد عيان قال إن الانفجار وقع قرب السوق المركزي في المدينة.', 'ar')).toBeUndefined();
    expect(kindOf('המקור הביטחוני אמר כי הכוחות ימשיכו לפעול בגזרה')).toBeUndefined();
  });
});

describe('date lines in the Hebrew calendar', () => {
  it('marks a Hebrew-calendar date, with gershayim or quotes, a geresh, a weekday, as a date line', () => {
    const lines = ['כ"ח חשון התשפ"ה', 'כ״ח חשון התשפ״ה', 'יום שלישי, כ"ח בחשון תשפ"ה', 'יום ג׳, ט״ו בשבט התשפ״ו', "ה' באדר תשפ\"ד, 10:45"];
    const classes = classifyParagraphs(['כותרת הכתבה על המצב בצפון', ...lines, 'הכוחות המשיכו לפעול באזור במשך כל הלילה, כך נמסר מהצבא.'], 'he');
    expect(marked(classes)).toEqual({ 1: 'date', 2: 'date', 3: 'date', 4: 'date', 5: 'date' });
  });
});
