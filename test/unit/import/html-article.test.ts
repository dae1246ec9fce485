import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleFromHtml, type HtmlWindow } from '../../../src/common/import/html-article';
import { nodeHtmlWindow } from '../../../src/node/import/html-window';

const story = [
  'أقدم عناصر تنظيم داعش اليوم الاثنين، على إحراق مقراته وآلياته في القلمون الغربي قبل إرغامه على الخروج إلى المنطقة الشرقية في سوريا.',
  'وأفادت وكالة الانباء السورية (سانا) بأن التنظيم عمد على إحراق مقراته وآلياته في القلمون الغربي، وفق ما نقلت وسائل إعلام محلية.',
  'وقد تم التوصل إلى اتفاق الإجلاء بين حزب الله وتنظيم داعش ووافق عليه الجيش السوري بعد أيام من المعارك في الجرود الحدودية.',
];

const page = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تنظيم داعش يحرق مقراته | الأردن العربي</title>
  <meta property="og:title" content="تنظيم داعش يحرق مقراته">
  <meta property="og:site_name" content="الأردن العربي"><meta property="article:published_time" content="2017-08-28T01:30:00+03:00">
  <script>globalThis.__scriptRan = true;</script></head>
  <body><header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li><li><a href="/economy">اقتصاد</a></li></ul></nav></header>
  <div class="ad banner"><a href="https://ads.example/">إعلان ممول</a></div>
  <article><h1>تنظيم داعش يحرق مقراته</h1>${story.map((line) => `<p>${line} <img src="x" onerror="globalThis.__scriptRan = true"><a href="javascript:globalThis.__scriptRan = true">رابط</a></p>`).join('')}</article>
  <aside class="related"><h3>مواضيع ذات صلة</h3><ul><li><a href="/a">نتائج مباريات الدوري الأردني</a></li><li><a href="/b">حالة الطقس غدا</a></li></ul></aside>
  <footer>جميع الحقوق محفوظة</footer></body></html>`;

describe('articleFromHtml in Node (jsdom)', () => {
  it('keeps the article with its title, site name and day of publication, drops navigation, ads and related links, runs nothing', async () => {
    const article = articleFromHtml(page, await nodeHtmlWindow());
    expect(article.title).toBe('تنظيم داعش يحرق مقراته');
    expect(article.outlet).toBe('الأردن العربي');
    // The page's own day, not the UTC one (2017-08-27T22:30Z).
    expect(article.date).toBe('2017-08-28');
    expect(article.text.split('\n')).toEqual(['تنظيم داعش يحرق مقراته', ...story.map((line) => `${line} رابط`)]);
    for (const furniture of ['رياضة', 'إعلان ممول', 'نتائج مباريات', 'جميع الحقوق']) expect(article.text).not.toContain(furniture);
    expect((globalThis as { __scriptRan?: boolean }).__scriptRan).toBeUndefined();
  });

  it('refuses a DOM that DOMPurify cannot sanitise with (linkedom) instead of passing HTML through unsanitised', () => {
    const { window } = parseHTML('<!doctype html><html><body></body></html>');
    expect(() => articleFromHtml(page, window as unknown as HtmlWindow)).toThrow('DOMPurify cannot sanitise with this DOM implementation.');
  });
});
