import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, saveScreenshot, test } from './fixtures';

const hebrewTitle = /ארגון דאעש מסר היום/;
/** The English of seed 000, one line per paragraph of the seed (test/fixtures/phrasebook/README.md). */
const english = readFileSync('test/fixtures/phrasebook/seed-000.en.txt', 'utf8');
/** Each Hebrew sentence of the seed with its English. */
const phrasebook = new Map(
  readFileSync('test/fixtures/phrasebook/phrasebook.tsv', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .map(([, source, target]) => [source!, target!]),
);

async function openParallelView(openWorkbench: (hash?: string) => Promise<Page>): Promise<Page> {
  const page = await openWorkbench();
  await page.getByRole('link', { name: hebrewTitle }).click();
  await page.getByRole('link', { name: 'Parallel version' }).click();
  await expect(page.getByRole('region', { name: 'Add a translation or parallel version' })).toBeVisible();
  return page;
}

async function addPasted(page: Page, text: string): Promise<Locator> {
  await page.getByRole('textbox', { name: 'Text of the translation or parallel version' }).fill(text);
  await page.getByRole('button', { name: 'Align pasted text' }).click();
  const rows = page.getByRole('grid', { name: 'Links' }).locator('.link-row');
  await expect(rows.first()).toBeVisible({ timeout: 15_000 });
  return rows;
}

const sentencesOf = (cell: Locator) => cell.locator('.link-sentence').allTextContents();

test('an article’s English is aligned sentence by sentence, edited by keyboard with undo, and kept after a reload', async ({ openWorkbench }) => {
  const page = await openParallelView(openWorkbench);
  const rows = await addPasted(page, english);

  // 16 Hebrew sentences (the photo credit and "found a mistake?" lines left out), each with its English;
  // the English "Did we make a mistake?" lines have nothing on the Hebrew side.
  await expect(rows).toHaveCount(19);
  for (let index = 0; index < 16; index++) {
    const row = rows.nth(index);
    await expect(row).toHaveAttribute('data-type', '1-1');
    const [source] = await sentencesOf(row.locator('.link-source'));
    expect(await sentencesOf(row.locator('.link-target'))).toEqual([phrasebook.get(source!)]);
  }
  for (let index = 16; index < 19; index++) await expect(rows.nth(index)).toHaveAttribute('data-type', '0-1');
  await expect(rows.nth(16).locator('.link-source')).toHaveText('not linked');
  // Every link is right, and sure enough not to be marked unsure.
  await expect(page.locator('.link-row.is-uncertain')).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page.getByRole('tab', { selected: true })).toContainText('ISIS today (Thursday)');

  // The Hebrew side is right to left, on the left of the English, and the two never overlap.
  const first = rows.first();
  await expect(first.locator('.link-source')).toHaveAttribute('dir', 'rtl');
  const [hebrewBox, englishBox] = [await first.locator('.link-source').boundingBox(), await first.locator('.link-target').boundingBox()];
  expect(hebrewBox!.x + hebrewBox!.width).toBeLessThanOrEqual(englishBox!.x);
  await saveScreenshot(page, 'alignment-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'alignment-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // ↓ moves link by link; M merges the third link with the fourth into a 2-2, which is the user's.
  await first.click();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toBeFocused();
  const thirdEnglish = await sentencesOf(rows.nth(2).locator('.link-target'));
  const fourthEnglish = await sentencesOf(rows.nth(3).locator('.link-target'));
  await page.keyboard.press('m');
  await expect(rows).toHaveCount(18);
  await expect(rows.nth(2)).toHaveAttribute('data-type', '2-2');
  await expect(rows.nth(2)).toHaveClass(/is-manual/);
  expect(await sentencesOf(rows.nth(2).locator('.link-target'))).toEqual([...thirdEnglish, ...fourthEnglish]);

  // S splits: the cut starts after the first sentence of each side; ↓ moves the target side's cut to the end, Enter splits.
  await page.keyboard.press('s');
  await expect(rows.nth(2).locator('.cut-marker[aria-pressed=true]')).toHaveCount(2);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await saveScreenshot(page, 'alignment-split-light');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(19);
  await expect(rows.nth(2)).toHaveAttribute('data-type', '1-2');
  await expect(rows.nth(3)).toHaveAttribute('data-type', '1-0');
  await expect(page.getByRole('status').filter({ hasText: 'Split saved.' })).toBeVisible();

  // Ctrl+Z undoes the split: the 2-2 is back.
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(18);
  await expect(rows.nth(2)).toHaveAttribute('data-type', '2-2');

  // Everything was saved as it happened: after a reload the merge is there, and undo goes on from it.
  await page.reload();
  const reloaded = page.getByRole('grid', { name: 'Links' }).locator('.link-row');
  await expect(reloaded).toHaveCount(18);
  await expect(reloaded.nth(2)).toHaveAttribute('data-type', '2-2');
  await reloaded.nth(2).click();
  await page.keyboard.press('Control+z');
  await expect(reloaded).toHaveCount(19);
  await expect(reloaded.nth(2)).toHaveAttribute('data-type', '1-1');
  await page.keyboard.press('Control+Shift+z');
  await expect(reloaded).toHaveCount(18);

  // Re-aligning keeps the user's 2-2 and links the rest as before.
  await page.getByRole('button', { name: 'Re-align' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Re-aligned, keeping 1 link of yours.' })).toBeVisible();
  await expect(reloaded.nth(2)).toHaveAttribute('data-type', '2-2');
  await expect(page.locator('.link-row[data-type="1-1"]')).toHaveCount(14);
});

test('a second version is listed beside the first, and its unsure links stand out', async ({ openWorkbench }) => {
  const page = await openParallelView(openWorkbench);
  await addPasted(page, english);
  await page.getByRole('button', { name: 'Add a translation or parallel version' }).click();
  // The English with the first sentence of two paragraphs replaced by sentences of another text
  // (FLORES-200 dev): the aligner hesitates there.
  const otherText = readFileSync('test/fixtures/flores200-dev/dev.en', 'utf8').split('\n');
  const paragraphs = english.split('\n');
  for (const [paragraph, line] of [[5, 300], [7, 301]] as const) {
    const [first] = paragraphs[paragraph]!.split(/(?<=[.!?"])\s+(?=[A-Z"])/);
    paragraphs[paragraph] = paragraphs[paragraph]!.replace(first!, otherText[line]!);
  }
  await addPasted(page, paragraphs.join('\n'));
  await expect(page.getByRole('tab')).toHaveCount(2);
  await expect(page.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
  const unsure = page.locator('.link-row.is-uncertain');
  await expect(unsure.first()).toBeVisible();
  await expect(page.locator('.uncertain-count')).toHaveText(`${await unsure.count()} unsure`);

  // N goes to the first unsure link.
  await page.getByRole('grid', { name: 'Links' }).locator('.link-row').first().click();
  await page.keyboard.press('n');
  await expect(unsure.first()).toBeFocused();
  await saveScreenshot(page, 'alignment-unsure-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'alignment-unsure-dark');
});

test('links are edited with the mouse too, and a boundary sentence moves with Alt+↑ and Alt+↓', async ({ openWorkbench }) => {
  const page = await openParallelView(openWorkbench);
  const rows = await addPasted(page, english);
  await expect(rows).toHaveCount(19);
  const status = page.locator('.alignment-outcome');

  // Alt+↑ on the sixth link's Hebrew side: its sentence joins the fifth link, and the sixth keeps only its English.
  await rows.nth(5).locator('.link-source').click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(rows.nth(4)).toHaveAttribute('data-type', '2-1');
  await expect(rows.nth(5)).toHaveAttribute('data-type', '0-1');
  // Nothing on that side is left to move: the editor says so and changes nothing.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(status).toHaveText('This link has no source sentence to move.');
  // The toolbar moves the fifth link's last Hebrew sentence back down.
  await rows.nth(4).locator('.link-source').click();
  await page.getByRole('button', { name: /Sentence to next/ }).click();
  await expect(rows.nth(4)).toHaveAttribute('data-type', '1-1');
  await expect(rows.nth(5)).toHaveAttribute('data-type', '1-1');

  // Unlink and link again with the toolbar.
  await rows.nth(7).locator('.link-target').click();
  await page.getByRole('button', { name: /^Unlink/ }).click();
  await expect(rows).toHaveCount(20);
  await expect(rows.nth(7)).toHaveAttribute('data-type', '1-0');
  await expect(rows.nth(8)).toHaveAttribute('data-type', '0-1');
  await page.getByRole('button', { name: /^Link/ }).click();
  await expect(rows).toHaveCount(19);
  await expect(rows.nth(7)).toHaveAttribute('data-type', '1-1');

  // Merge, then split at cuts chosen by clicking them: the first Hebrew sentence alone, then the rest.
  await rows.first().click();
  await page.getByRole('button', { name: /^Merge with next/ }).click();
  await expect(rows.first()).toHaveAttribute('data-type', '2-2');
  await page.getByRole('button', { name: /^Split/ }).click();
  await rows.first().getByRole('button', { name: 'Cut the target side before its first sentence' }).click();
  await rows.first().getByRole('button', { name: 'Split', exact: true }).click();
  await expect(rows.nth(0)).toHaveAttribute('data-type', '1-0');
  await expect(rows.nth(1)).toHaveAttribute('data-type', '1-2');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows.first()).toHaveAttribute('data-type', '2-2');
});

test('a counterpart that does not translate the article is said to be one, in one line before the links', async ({ openWorkbench }) => {
  const page = await openParallelView(openWorkbench);
  // Twenty sentences of another text (FLORES-200 dev), in paragraphs of five.
  const lines = readFileSync('test/fixtures/flores200-dev/dev.en', 'utf8').split('\n').slice(200, 220);
  const unrelated = [0, 5, 10, 15].map((start) => lines.slice(start, start + 5).join(' ')).join('\n\n');
  await addPasted(page, unrelated);
  const note = page.getByRole('note');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('Most of these two texts do not correspond');
  // It comes before the links.
  const [noteBox, gridBox] = [await note.boundingBox(), await page.getByRole('grid', { name: 'Links' }).boundingBox()];
  expect(noteBox!.y).toBeLessThan(gridBox!.y);

  await page.getByRole('button', { name: 'Add a translation or parallel version' }).click();
  await addPasted(page, english);
  await expect(page.getByRole('note')).toHaveCount(0);
});

test('a counterpart chosen as a web page is read by the article reader’s worker and aligned like pasted text', async ({ openWorkbench }) => {
  const page = await openParallelView(openWorkbench);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const body = english.split('\n').filter(Boolean).map((paragraph) => `<p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ISIS offers to leave western Lebanon</title></head><body><article>${body}</article></body></html>`;
  await page.locator('input[type=file]').setInputFiles({ name: 'isis-english.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  const rows = page.getByRole('grid', { name: 'Links' }).locator('.link-row');
  await expect(rows.first()).toBeVisible({ timeout: 15_000 });
  expect(workers.some((url) => url.includes('article-read-worker'))).toBe(true);
  await expect(page.getByRole('tab', { selected: true })).toContainText('ISIS offers to leave western Lebanon');
  // The page's title is a line of its own, with nothing on the Hebrew side; then every Hebrew sentence finds its English, as with the pasted text.
  await expect(rows.first()).toHaveAttribute('data-type', '0-1');
  expect(await sentencesOf(rows.first().locator('.link-target'))).toEqual(['ISIS offers to leave western Lebanon']);
  for (let index = 1; index <= 16; index++) {
    const [source] = await sentencesOf(rows.nth(index).locator('.link-source'));
    expect(await sentencesOf(rows.nth(index).locator('.link-target'))).toEqual([phrasebook.get(source!)]);
  }
});

test('a counterpart with nothing to read is refused where it was given', async ({ openWorkbench }) => {
  const page = await openParallelView(openWorkbench);
  await page.getByRole('textbox', { name: 'Text of the translation or parallel version' }).fill('— … —');
  await page.getByRole('button', { name: 'Align pasted text' }).click();
  await expect(page.getByRole('alert')).toHaveText('This text has no letters in Hebrew, Arabic or English to read.');
  await page.locator('input[type=file]').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await expect(page.getByRole('alert')).toContainText('notes.pdf: .pdf files cannot be imported');
  await saveScreenshot(page, 'alignment-add-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'alignment-add-dark');
  await expect(page.getByRole('grid', { name: 'Links' })).toHaveCount(0);
});
