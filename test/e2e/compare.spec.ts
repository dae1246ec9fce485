import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';

/**
 * Comparing outlets: the Hebrew seed 000 and the Arabic seed 002 report the ISIS evacuation from Qalamoun
 * with different figures (about 500 fighters against about 600 fighters, 250 of them gunmen). The tiny test
 * model knows every sentence of both, and none of seed 001.
 */
const hebrewTitle = /^ארגון דאעש מסר היום/;
const jordanTitle = /^قبيل إخراجه من القلمون/;
const asharqTitle = /^أكدت مصادر لبنانية وسورية/;

async function choose(page: Page, filter: string, title: RegExp) {
  await page.getByRole('searchbox', { name: 'Filter articles by title' }).fill(filter);
  const choices = page.getByRole('list', { name: 'Articles to compare' }).getByRole('checkbox');
  await expect(choices).toHaveCount(1);
  await page.getByRole('checkbox', { name: title }).check();
}

test('the Hebrew and the Jordanian reports, translated from the Compare screen, link their paragraphs on the fighters and highlight 500 against 600', async ({
  openWorkbench,
  page,
}) => {
  await openWorkbench();
  await page.getByRole('navigation', { name: 'Targum' }).getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { name: 'Compare', level: 1 })).toBeVisible();

  await choose(page, 'ארגון דאעש', hebrewTitle);
  await choose(page, 'قبيل إخراجه', jordanTitle);
  const chosen = page.getByRole('region', { name: 'Compared' });
  const hebrew = chosen.getByRole('listitem', { name: hebrewTitle });
  const jordan = chosen.getByRole('listitem', { name: jordanTitle });
  await expect(hebrew).toContainText('First');
  await expect(hebrew).toContainText('No English yet');
  await expect(jordan).toContainText('No English yet');
  await expect(page.getByText('have no English yet, so no paragraph can be linked')).toBeVisible();

  await hebrew.getByRole('button', { name: 'Translate' }).click();
  await jordan.getByRole('button', { name: 'Translate' }).click();
  await expect(hebrew).toContainText(/English for all \d+ sentences/, { timeout: 60_000 });
  await expect(jordan).toContainText(/English for all \d+ sentences/, { timeout: 60_000 });
  await saveScreenshot(page, 'compare-chosen-light');

  const comparison = page.getByRole('region', { name: /ארגון דאעש מסר היום.* ↔ قبيل إخراجه/ });
  await expect(comparison).toContainText(/\d+ linked passages? · [1-9]\d* figures? differs?/);
  const fighters = comparison.getByRole('group', { name: /↔/ }).filter({ has: page.locator('mark', { hasText: /^500$/ }) });
  await expect(fighters).toHaveCount(1);
  const left = fighters.locator('.compare-cell-left');
  const right = fighters.locator('.compare-cell-right');

  // The figures are highlighted in each original paragraph, in its own script and direction, and in its English.
  const hebrewText = left.locator('p.article-text');
  await expect(hebrewText).toHaveAttribute('dir', 'rtl');
  await expect(hebrewText).toHaveClass(/article-text-he/);
  await expect(hebrewText).toContainText('המוערכים בכ-500 לוחמים');
  await expect(hebrewText.locator('mark.fact-number')).toHaveText(['500']);
  await expect(left.locator('.compared-english mark.fact-number')).toHaveText(['500 fighters']);
  const arabicText = right.locator('p.article-text');
  await expect(arabicText).toHaveAttribute('dir', 'rtl');
  await expect(arabicText).toHaveClass(/article-text-ar/);
  await expect(arabicText).toContainText('حوالي 600 مقاتل');
  await expect(arabicText.locator('mark.fact-number')).toHaveText(['600', '250']);
  await expect(right.locator('.compared-english mark.fact-number')).toHaveText(['600 ISIS fighters', '250 ISIS gunmen']);

  // The row says what differs: the figures side against side, and the places only the Arabic report names.
  const differences = fighters.getByRole('list', { name: 'What differs' });
  await expect(differences.getByRole('listitem').filter({ hasText: '↔' })).toContainText('500 fighters ↔ 600 ISIS fighters, 250 ISIS gunmen');
  await expect(differences).toContainText('Xinhua');
  await expect(differences).toContainText('Albu Kamal');
  // Both one-sided lists are labelled alike (here by title: the Hebrew article has no outlet); a weekday is no name.
  const onlyIn = differences.locator('.fact-names .fact-kind');
  await expect(onlyIn).toHaveText([/^only in ארגון דאעש מסר היום/, /^only in قبيل إخراجه من القلمون/]);
  await expect(differences.locator('.fact-name', { hasText: /^Saturday$/ })).toHaveCount(0);
  // The titles of the heading stand in the order of their columns.
  const headingTitles = comparison.locator('.pair-heading .compare-title');
  const columnTitles = comparison.locator('.compare-column-head .compare-title');
  const [headingLeft, headingRight, columnLeft, columnRight] = await Promise.all(
    [headingTitles.nth(0), headingTitles.nth(1), columnTitles.nth(0), columnTitles.nth(1)].map(async (title) => (await title.boundingBox())!),
  );
  expect(headingLeft!.x < headingRight!.x).toBe(columnLeft!.x < columnRight!.x);
  await expect(headingTitles.nth(0)).toHaveText(hebrewTitle);
  await expect(columnTitles.nth(0)).toHaveText(hebrewTitle);
  await expect(right.locator('.compared-english mark.fact-name', { hasText: 'Albu Kamal' })).toHaveCount(1);

  // Pointing at a difference outlines its marks on both sides.
  await differences.getByRole('listitem').filter({ hasText: '↔' }).hover();
  await expect(fighters.locator('mark.is-active')).toHaveCount(6);

  // The columns do not overlap, and paragraphs linked to nothing are listed too.
  const leftBox = (await left.boundingBox())!;
  const rightBox = (await right.boundingBox())!;
  expect(leftBox.x + leftBox.width).toBeLessThanOrEqual(rightBox.x + 0.5);
  await expect(comparison.getByRole('group', { name: 'Paragraphs not linked' }).first()).toBeVisible();

  await fighters.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await saveScreenshot(page, 'compare-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'compare-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // A third article without English: it says so, and the first two stay compared.
  await choose(page, 'أكدت مصادر', asharqTitle);
  const asharq = chosen.getByRole('listitem', { name: asharqTitle });
  await expect(asharq).toContainText('No English yet');
  await expect(page.getByRole('region', { name: /ארגון דאעש.* ↔ أكدت مصادر/ })).toContainText('has no English yet, so no paragraph can be linked');
  await expect(fighters).toHaveCount(1);

  // Another article first: the others are compared with it.
  await jordan.getByRole('button', { name: 'Compare the others with this' }).click();
  await expect(jordan).toContainText('First');
  await expect(page.getByRole('region', { name: /قبيل إخراجه.* ↔ ארגון דאעש/ })).toBeVisible();
  await saveScreenshot(page, 'compare-three-light');
});
