import { readdirSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { expect, saveScreenshot, storedCounts, test } from './fixtures';

const sampleFiles = readdirSync(path.resolve('resources/samples')).filter((name) => name.endsWith('.txt'));

test('the library lists the five sample articles with title, language badge and first line', async ({ openWorkbench }) => {
  const page = await openWorkbench();
  const rows = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(rows).toHaveCount(sampleFiles.length);
  await expect(rows.filter({ hasText: 'Hebrew' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Arabic' })).toHaveCount(4);
  const hebrewTitle = rows.filter({ hasText: 'Hebrew' }).locator('.article-title');
  await expect(hebrewTitle).toHaveAttribute('lang', 'he');
  await expect(hebrewTitle).toHaveAttribute('dir', 'rtl');
  await expect(hebrewTitle).toContainText('ארגון דאעש מסר היום');
  for (const row of await rows.all()) await expect(row.locator('.article-first-line')).not.toBeEmpty();
  await saveScreenshot(page, 'library-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'library-dark');
});

test('the Hebrew article opens right to left in the bundled font, with an empty English column', async ({ openWorkbench }) => {
  const page = await openWorkbench();
  await page.getByRole('link', { name: /ארגון דאעש מסר היום/ }).click();
  const sourceCells = page.locator('.source-cell');
  await expect(sourceCells.first()).toBeVisible();
  await expect.poll(() => sourceCells.count()).toBeGreaterThan(5);
  for (const cell of await sourceCells.all()) {
    await expect(cell).toHaveAttribute('dir', 'rtl');
    await expect(cell).toHaveAttribute('lang', 'he');
    expect(await cell.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  }
  const fontFamily = await sourceCells.first().evaluate((element) => getComputedStyle(element).fontFamily);
  expect(fontFamily).toMatch(/^"?Noto Sans Hebrew/);
  await expect
    .poll(() => page.evaluate(() => [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'Noto Sans Hebrew' && face.status === 'loaded')))
    .toBe(true);
  // Site boilerplate (a photo credit, the "found a mistake?" line) is hidden, one click away.
  await expect(page.getByText('2 lines of site boilerplate hidden.')).toBeVisible();
  await expect(page.locator('.source-cell', { hasText: 'מצאתם טעות' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show them' }).click();
  // The line closes the article: the reading list renders the rows near the screen, so scroll there.
  await page.locator('.reading-scroller').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
  await expect(page.locator('.reading-row.boilerplate .source-cell', { hasText: 'מצאתם טעות' })).toBeVisible();
  await page.getByRole('button', { name: 'Hide them' }).click();
  await expect(page.locator('.target-cell').first()).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('.target-cell').first()).toHaveText(/^[…\s]*$/);
  await saveScreenshot(page, 'reader-hebrew-light');
});

test('an Arabic article reads right to left in Noto Naskh Arabic', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('link', { name: /داعش الإرهابي يحرق مقراته/ }).click();
  const firstCell = page.locator('.source-cell').first();
  await expect(firstCell).toHaveAttribute('lang', 'ar');
  expect(await firstCell.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  // The letters' face comes first, after only the digits' face (which covers 0–9 and nothing else).
  expect(await firstCell.evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/^("Targum Arabic Digits", )?"?Noto Naskh Arabic/);
  await expect.poll(() => page.evaluate(() => document.fonts.check('20px "Noto Naskh Arabic"', 'داعش'))).toBe(true);
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'reader-arabic-dark');
});

test('the library and the settings survive a reload, and the samples are written only once', async ({ openWorkbench, page }) => {
  await openWorkbench('#/settings');
  await page.getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Translation threads').fill('3');
  // The services' settings (Settings → Team has a form and a Save of its own).
  const services = page.locator('form').filter({ has: page.getByLabel('Translation threads') });
  await services.getByRole('button', { name: 'Save' }).click();
  await expect(services.getByRole('status')).toHaveText('Saved.');
  await saveScreenshot(page, 'settings-dark');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Translation threads')).toHaveValue('3');
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(sampleFiles.length);
  expect((await storedCounts(page, ['articles'])).articles).toBe(sampleFiles.length);
});

test('a page without the run token is refused and says how to get in', async ({ page, webHost }) => {
  await page.goto(`${webHost.origin}/`);
  await expect(page.getByRole('alert')).toContainText('the address the web host printed');
  await page.goto(`${webHost.origin}/?token=not-the-token`);
  await expect(page.getByRole('alert')).toContainText('refused');
});

test('the API socket refuses connections without the token or from another origin', async ({ webHost }) => {
  const status = (url: string, origin?: string) =>
    new Promise<number>((resolve) => {
      const socket = new WebSocket(url, origin ? { origin } : {});
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => {
        socket.close();
        resolve(101);
      });
      socket.on('error', () => undefined);
    });
  const base = webHost.origin.replace('http:', 'ws:');
  expect(await status(`${base}/api`)).toBe(401);
  expect(await status(`${base}/api?token=wrong`)).toBe(401);
  expect(await status(`${base}/api?token=${webHost.token}`, 'https://evil.example')).toBe(403);
  expect(await status(`${base}/api?token=${webHost.token}`, webHost.origin)).toBe(101);
});
