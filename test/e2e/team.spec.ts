/**
 * Team sharing end to end: two members, each in their own browser context on their own web host (their own data
 * folder, with their own team settings), sharing one team database on one pouchdb-server through each host's relay.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { teamFiles } from '../../src/node/team/team-store';
import { glossDocId } from '../../src/renderer/data/team-docs';
import { joinTeam, teamIndicator } from '../support/team-ui';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { readPhrasebook } from '../support/tiny-model';
import { startTestWebHost, type TestWebHost } from '../support/web-host';
import { saveScreenshot, storedCounts } from './fixtures';

interface Member {
  name: string;
  page: Page;
  /** Requests the page made outside its own host's origin. */
  foreign: string[];
}

type WorkerFixtures = { teamServer: TeamServer; hosts: { dana: TestWebHost; omar: TestWebHost } };
type TestFixtures = { team: { dana: Member; omar: Member; database: string } };

let spaces = 0;
const work = mkdtempSync(path.join(os.tmpdir(), 'targum-e2e-team-'));

async function openMember(context: BrowserContext, host: TestWebHost, name: string): Promise<Member> {
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${host.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  if (process.env.TEAM_DEBUG) {
    page.on('console', (message) => console.log(name, 'console', message.type(), message.text()));
    page.on('pageerror', (error) => console.log(name, 'pageerror', error.stack));
    page.on('response', (response) => response.url().includes('team-sync') && console.log(name, response.status(), response.request().method(), response.url()));
  }
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Targum' })).toBeVisible({ timeout: 15_000 });
  return { name, page, foreign };
}

const test = base.extend<TestFixtures, WorkerFixtures>({
  teamServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await startTeamServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  hosts: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const [dana, omar] = await Promise.all([startTestWebHost({ withTinyModel: true }), startTestWebHost({ withTinyModel: true })]);
      await use({ dana, omar });
      await Promise.all([dana.close(), omar.close()]);
    },
    { scope: 'worker' },
  ],
  team: async ({ browser, teamServer, hosts }, use) => {
    if (!teamServer.running) await teamServer.start();
    // A team space of its own for each test.
    spaces += 1;
    const database = `team-${spaces}-${Date.now()}`;
    await teamServer.createDatabase(database);
    // Each member starts outside any team: the last test's team space stays out of this one.
    for (const host of [hosts.dana, hosts.omar]) rmSync(teamFiles(host.dataDir).config, { force: true });
    const contexts = [await browser.newContext(), await browser.newContext()];
    const dana = await openMember(contexts[0]!, hosts.dana, 'Dana');
    const omar = await openMember(contexts[1]!, hosts.omar, 'Omar');
    for (const member of [dana, omar]) {
      await joinTeam(member.page, { serverUrl: teamServer.url, database, user: teamServer.member.user, password: teamServer.member.password, memberName: member.name });
    }
    await use({ dana, omar, database });
    for (const context of contexts) await context.close();
    expect([...dana.foreign, ...omar.foreign], 'requests outside the app origin').toEqual([]);
  },
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Targum' }).getByRole('link', { name, exact: true }).click();
const glossaryEntries = (page: Page) => page.getByRole('list', { name: 'Glosses', exact: true }).getByRole('listitem');

/** Adds glosses through Glossary → Import (a CSV of term, meaning). */
async function importGlosses(page: Page, rows: string[]): Promise<void> {
  const file = path.join(work, `glosses-${Date.now()}.csv`);
  writeFileSync(file, `term,meaning\n${rows.join('\n')}\n`);
  await nav(page, 'Glossary');
  await page.getByLabel('Import a glossary file').setInputFiles(file);
  const preview = page.getByRole('region', { name: 'Glossary import' });
  await preview.getByRole('button', { name: /^Import \d+ gloss/ }).click();
  await expect(preview.getByRole('status')).toHaveText(/^Imported \d+ gloss/);
}

async function editGloss(page: Page, surface: string, meaning: string): Promise<void> {
  await nav(page, 'Glossary');
  const entry = glossaryEntries(page).filter({ hasText: surface });
  await entry.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit gloss' });
  await form.getByLabel('Meaning').fill(meaning);
  await form.getByRole('button', { name: 'Save gloss' }).click();
  await expect(entry).toContainText(meaning);
}

/** Adds an article pasted as its title and text to the library, and opens it in the reader. */
async function pasteArticle(page: Page, title: string, text: string): Promise<void> {
  await nav(page, 'Library');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('textbox', { name: 'Article text' }).fill(`${title}\n\n${text}`);
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await page.getByRole('link', { name: title }).first().click();
}

/** Dana shares the article open in her reader; it arrives in Omar's library. */
async function shareWithOmar({ dana, omar }: { dana: Member; omar: Member }, title: string): Promise<void> {
  await dana.page.getByRole('button', { name: 'Share with team' }).click();
  await expect(dana.page.getByText('Shared with team')).toBeVisible();
  await nav(omar.page, 'Library');
  await expect(omar.page.getByRole('link', { name: title })).toBeVisible({ timeout: 20_000 });
}

async function openSample(page: Page, title: RegExp): Promise<void> {
  await nav(page, 'Library');
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.locator('.source-cell .sentence').first()).toBeVisible();
}

/** Runs `changes` while the team server is stopped, then starts it and waits until every member is synced. */
async function whileServerStopped(teamServer: TeamServer, members: Member[], changes: () => Promise<void>): Promise<void> {
  await teamServer.stop();
  await changes();
  await teamServer.start();
  for (const member of members) await expect(teamIndicator(member.page)).toHaveText('Team: synced', { timeout: 30_000 });
}

/** The conflict region `name` of a page once it shows, and its two versions. */
async function conflictVersions(page: Page, name: string | RegExp) {
  const conflict = page.getByRole('region', { name });
  await expect(conflict).toBeVisible({ timeout: 20_000 });
  const versions = conflict.getByRole('list', { name: 'Versions' }).getByRole('listitem');
  await expect(versions).toHaveCount(2);
  return { conflict, versions };
}

test('team: a gloss added by one member shows in the other member’s reader, with who made it', async ({ team }) => {
  const { dana, omar } = team;
  await importGlosses(dana.page, ['جيش,the army']);
  await expect(teamIndicator(dana.page)).toHaveText('Team: synced');

  await openSample(omar.page, /قبيل إخراجه من القلمون/);
  const army = omar.page.locator('.source-cell .gloss-mark', { hasText: /^الجيش$/ }).first();
  await expect(army).toBeVisible({ timeout: 20_000 });
  await army.hover();
  const card = omar.page.getByRole('dialog', { name: 'Gloss' });
  await expect(card).toContainText('the army');
  await expect(card).toContainText('by Dana');
});

test('team: a memory entry confirmed by one member is offered to the other', async ({ team }) => {
  const { dana, omar } = team;
  await openSample(dana.page, /ארגון דאעש מסר היום/);
  await dana.page.getByRole('button', { name: 'Translate', exact: true }).click();
  await expect(dana.page.getByText(/16 of 16 sentences translated/)).toBeVisible({ timeout: 30_000 });
  await dana.page.locator('.target-cell .sentence').first().dblclick();
  await dana.page.getByRole('textbox', { name: 'English translation of the sentence' }).fill('ISIS sent a request today through mediators.');
  await dana.page.keyboard.press('Control+Enter');
  await expect(dana.page.locator('.target-cell .sentence').first()).toHaveAttribute('data-status', 'confirmed');

  await openSample(omar.page, /ארגון דאעש מסר היום/);
  const offered = omar.page.locator('.target-cell .sentence').first();
  await expect(offered).toHaveAttribute('data-origin', 'memory', { timeout: 20_000 });
  await expect(offered).toContainText('ISIS sent a request today through mediators.');
  await expect(offered).toHaveAttribute('title', /from your translation memory \(confirmed by Dana on /);
});

test('team: a shared article arrives whole in the other member’s library, with its machine English, corrections and alignment', async ({ team }) => {
  const { dana, omar } = team;
  const hebrew = readPhrasebook().filter((entry) => entry.language === 'he').slice(0, 4);
  const title = 'סיכום ישיבת הצוות';
  await pasteArticle(dana.page, title, hebrew.map((entry) => entry.source).join(' '));
  await dana.page.getByRole('button', { name: 'Translate', exact: true }).click();
  await expect(dana.page.getByText(/5 of 5 sentences translated/)).toBeVisible({ timeout: 30_000 });
  // The title is the first sentence; then the four of the text.
  const sentences = dana.page.locator('.target-cell .sentence');
  await sentences.nth(1).dblclick();
  await dana.page.getByRole('textbox', { name: 'English translation of the sentence' }).fill('A correction by Dana.');
  await dana.page.keyboard.press('Enter');
  await expect(sentences.nth(1)).toHaveAttribute('data-status', 'edited');
  await expect(sentences.nth(1)).toBeFocused();
  await dana.page.keyboard.press('ArrowDown');
  await expect(sentences.nth(2)).toBeFocused();
  await dana.page.keyboard.press('Control+Enter');
  await expect(sentences.nth(2)).toHaveAttribute('data-status', 'confirmed');
  // Its English is aligned beside it as a parallel version.
  await dana.page.getByRole('link', { name: 'Parallel version' }).click();
  await dana.page.getByRole('textbox', { name: 'Text of the translation or parallel version' }).fill(hebrew.map((entry) => entry.english).join(' '));
  await dana.page.getByRole('button', { name: 'Align pasted text' }).click();
  const danasLinks = dana.page.getByRole('grid', { name: 'Links' }).locator('.link-row');
  await expect(danasLinks.first()).toBeVisible({ timeout: 15_000 });
  const aligned = await danasLinks.allTextContents();
  await nav(dana.page, 'Library');
  await dana.page.getByRole('link', { name: title }).first().click();
  // Not in Omar's library until shared.
  await nav(omar.page, 'Library');
  await expect(omar.page.getByRole('link', { name: title })).toHaveCount(0);

  await shareWithOmar(team, title);
  await omar.page.getByRole('link', { name: title }).first().click();
  const arrived = omar.page.locator('.target-cell .sentence');
  await expect(arrived).toHaveCount(5);
  await expect(arrived.nth(1)).toContainText('A correction by Dana.');
  await expect(arrived.nth(1)).toHaveAttribute('data-status', 'edited');
  await expect(arrived.nth(2)).toHaveAttribute('data-status', 'confirmed');
  // The machine English came with it: nothing left to translate.
  await expect(omar.page.getByText(/5 of 5 sentences translated/)).toBeVisible();
  await expect(omar.page.getByText('Shared with team')).toBeVisible();
  // The alignment came with it, link for link.
  await omar.page.getByRole('link', { name: 'Parallel version' }).click();
  const omarsLinks = omar.page.getByRole('grid', { name: 'Links' }).locator('.link-row');
  await expect(omarsLinks.first()).toBeVisible();
  expect(await omarsLinks.allTextContents()).toEqual(aligned);
});

test('team: a gloss edited by both members while the server was stopped is shown in conflict and resolved for both', async ({ team, teamServer }) => {
  test.setTimeout(120_000);
  const { dana, omar } = team;
  await importGlosses(dana.page, ['צבא,army']);
  await nav(omar.page, 'Glossary');
  await expect(glossaryEntries(omar.page).filter({ hasText: 'צבא' })).toContainText('army', { timeout: 20_000 });

  await whileServerStopped(teamServer, [dana, omar], async () => {
    await editGloss(dana.page, 'צבא', 'the army');
    await editGloss(omar.page, 'צבא', 'armed forces');
    for (const member of [dana, omar]) await expect(teamIndicator(member.page)).toHaveText('Team: offline, 1 change waiting', { timeout: 30_000 });
  });
  const { conflict, versions } = await conflictVersions(dana.page, 'Conflict on צבא');
  await expect(versions.filter({ hasText: 'the army' })).toContainText('Dana');
  await expect(versions.filter({ hasText: 'armed forces' })).toContainText('Omar');
  await saveScreenshot(dana.page, 'team-conflict');
  await dana.page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(dana.page, 'team-conflict-dark');
  await dana.page.emulateMedia({ colorScheme: 'light' });

  await versions.filter({ hasText: 'armed forces' }).getByRole('button', { name: 'Keep this' }).click();
  await expect(conflict).toHaveCount(0);
  const kept = glossaryEntries(dana.page).filter({ hasText: 'צבא' });
  await expect(kept).toContainText('armed forces');
  // The version set aside stays in the gloss's history.
  await kept.getByText(/^History/).click();
  await expect(kept.getByRole('list', { name: 'Earlier versions of צבא' })).toContainText('the army');
  await saveScreenshot(dana.page, 'team-conflict-resolved');

  // The resolution reaches the other member.
  const omarsEntry = glossaryEntries(omar.page).filter({ hasText: 'צבא' });
  await expect(omar.page.getByRole('region', { name: 'Conflict on צבא' })).toHaveCount(0, { timeout: 20_000 });
  await expect(omarsEntry).toContainText('armed forces');
  await expect(omarsEntry).not.toContainText('in conflict');
});

test('team: a shared article deleted by one member leaves the other member’s library, and its undo brings it back for both', async ({ team }) => {
  const { dana, omar } = team;
  const hebrew = readPhrasebook().filter((entry) => entry.language === 'he').slice(4, 7);
  const title = 'הודעת הדובר לעיתונות';
  await pasteArticle(dana.page, title, hebrew.map((entry) => entry.source).join(' '));
  await shareWithOmar(team, title);

  await nav(dana.page, 'Library');
  await dana.page.getByRole('button', { name: `Delete ${title}` }).click();
  await expect(dana.page.getByRole('link', { name: title })).toHaveCount(0);
  await expect(omar.page.getByRole('link', { name: title })).toHaveCount(0, { timeout: 20_000 });

  await dana.page.getByRole('button', { name: 'Undo' }).click();
  await expect(dana.page.getByRole('link', { name: title })).toBeVisible();
  await expect(omar.page.getByRole('link', { name: title })).toBeVisible({ timeout: 20_000 });
});

test('team: a memory entry confirmed differently by both members while the server was stopped is shown in conflict and settled for both', async ({ team, teamServer }) => {
  test.setTimeout(120_000);
  const { dana, omar } = team;
  await whileServerStopped(teamServer, [dana, omar], async () => {
    for (const [member, english] of [
      [dana, 'The army closed the crossing.'],
      [omar, 'Troops shut the crossing.'],
    ] as const) {
      await openSample(member.page, /ארגון דאעש מסר היום/);
      const sentence = member.page.locator('.target-cell .sentence').nth(2);
      await sentence.dblclick();
      await member.page.getByRole('textbox', { name: 'English translation of the sentence' }).fill(english);
      await member.page.keyboard.press('Control+Enter');
      await expect(sentence).toHaveAttribute('data-status', 'confirmed');
    }
  });

  await nav(dana.page, 'Memory');
  const { conflict, versions } = await conflictVersions(dana.page, /^Conflict on /);
  await expect(versions.filter({ hasText: 'The army closed the crossing.' })).toContainText('Dana');
  await expect(versions.filter({ hasText: 'Troops shut the crossing.' })).toContainText('Omar');
  await saveScreenshot(dana.page, 'team-memory-conflict');

  await versions.filter({ hasText: 'Troops shut the crossing.' }).getByRole('button', { name: 'Keep this' }).click();
  await expect(conflict).toHaveCount(0);
  const kept = dana.page.locator('.memory-entry').filter({ hasText: 'Troops shut the crossing.' });
  await kept.getByText(/^History/).click();
  await expect(kept.getByRole('list', { name: /^Earlier versions of / })).toContainText('The army closed the crossing.');

  // The choice reaches the other member.
  await nav(omar.page, 'Memory');
  await expect(omar.page.locator('.memory-entry').filter({ hasText: 'Troops shut the crossing.' })).toBeVisible({ timeout: 20_000 });
  await expect(omar.page.getByRole('region', { name: /^Conflict on / })).toHaveCount(0, { timeout: 20_000 });
});

test('team: a sentence of a shared article corrected by both members while the server was stopped is marked in conflict, and a merge settles it for both', async ({ team, teamServer }) => {
  test.setTimeout(120_000);
  const { dana, omar } = team;
  const hebrew = readPhrasebook().filter((entry) => entry.language === 'he').slice(8, 10);
  const title = 'עדכון מהשטח';
  await pasteArticle(dana.page, title, hebrew.map((entry) => entry.source).join(' '));
  await shareWithOmar(team, title);
  await omar.page.getByRole('link', { name: title }).first().click();

  await whileServerStopped(teamServer, [dana, omar], async () => {
    for (const [member, english] of [
      [dana, 'Dana’s reading of the sentence.'],
      [omar, 'Omar’s reading of the sentence.'],
    ] as const) {
      const sentence = member.page.locator('.target-cell .sentence').nth(1);
      await sentence.dblclick();
      await member.page.getByRole('textbox', { name: 'English translation of the sentence' }).fill(english);
      await member.page.keyboard.press('Enter');
      await expect(sentence).toHaveAttribute('data-status', 'edited');
    }
  });

  const danas = dana.page.locator('.target-cell .sentence').nth(1);
  await expect(danas).toHaveAttribute('data-conflict', 'true', { timeout: 20_000 });
  await expect(danas.getByRole('img', { name: 'In conflict' })).toBeVisible();
  await danas.focus();
  await dana.page.getByRole('button', { name: 'History' }).click();
  const conflict = dana.page.getByRole('region', { name: 'Conflict on this sentence' });
  await expect(conflict.getByRole('listitem').filter({ hasText: 'Omar’s reading' })).toContainText('Omar');
  await expect(conflict.getByRole('listitem').filter({ hasText: 'Dana’s reading' })).toContainText('Dana');
  await conflict.getByRole('listitem').filter({ hasText: 'Omar’s reading' }).getByRole('button', { name: 'Merge from this…' }).click();
  const merge = conflict.getByRole('textbox', { name: 'Merged English of the sentence' });
  await expect(merge).toHaveValue('Omar’s reading of the sentence.');
  await merge.fill('The reading both agreed on.');
  await conflict.getByRole('button', { name: 'Keep the merge' }).click();
  await expect(danas).toContainText('The reading both agreed on.');
  await expect(danas).not.toHaveAttribute('data-conflict');

  const omars = omar.page.locator('.target-cell .sentence').nth(1);
  await expect(omars).toContainText('The reading both agreed on.', { timeout: 20_000 });
  await expect(omars).not.toHaveAttribute('data-conflict');
});

test('team: links of a shared alignment changed by both members while the server was stopped are shown in conflict and settled for both', async ({ team, teamServer }) => {
  test.setTimeout(120_000);
  const { dana, omar } = team;
  const hebrew = readPhrasebook().filter((entry) => entry.language === 'he').slice(10, 14);
  const title = 'תדריך הבוקר';
  await pasteArticle(dana.page, title, hebrew.map((entry) => entry.source).join(' '));
  await dana.page.getByRole('link', { name: 'Parallel version' }).click();
  await dana.page.getByRole('textbox', { name: 'Text of the translation or parallel version' }).fill(hebrew.map((entry) => entry.english).join(' '));
  await dana.page.getByRole('button', { name: 'Align pasted text' }).click();
  const linksOf = (page: Page) => page.getByRole('grid', { name: 'Links' }).locator('.link-row');
  await expect(linksOf(dana.page).first()).toBeVisible({ timeout: 15_000 });
  const count = await linksOf(dana.page).count();
  await nav(dana.page, 'Library');
  await dana.page.getByRole('link', { name: title }).first().click();
  await shareWithOmar(team, title);
  await omar.page.getByRole('link', { name: title }).first().click();
  for (const member of [dana, omar]) {
    await member.page.getByRole('link', { name: 'Parallel version' }).click();
    await expect(linksOf(member.page)).toHaveCount(count);
  }

  // Apart, Dana confirms the first link and Omar merges it with the second.
  await whileServerStopped(teamServer, [dana, omar], async () => {
    await linksOf(dana.page).first().click();
    await dana.page.keyboard.press('c');
    await expect(linksOf(dana.page).first()).toHaveClass(/is-manual/);
    await linksOf(omar.page).first().click();
    await omar.page.keyboard.press('m');
    await expect(linksOf(omar.page)).toHaveCount(count - 1);
  });

  const { conflict, versions } = await conflictVersions(dana.page, 'Conflict on these links');
  await expect(versions.filter({ hasText: 'Dana' })).toContainText(`${count} links`);
  await expect(versions.filter({ hasText: 'Omar' })).toContainText(`${count - 1} links`);
  await saveScreenshot(dana.page, 'team-alignment-conflict');
  await dana.page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(dana.page, 'team-alignment-conflict-dark');
  await dana.page.emulateMedia({ colorScheme: 'light' });

  await versions.filter({ hasText: 'Omar' }).getByRole('button', { name: 'Keep this' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(linksOf(dana.page)).toHaveCount(count - 1);
  await dana.page.getByText(/^History/).click();
  await expect(dana.page.getByRole('list', { name: 'Earlier versions of these links' })).toContainText(`${count} links`);

  // The choice reaches the other member.
  await expect(omar.page.getByRole('region', { name: 'Conflict on these links' })).toHaveCount(0, { timeout: 20_000 });
  await expect(linksOf(omar.page)).toHaveCount(count - 1);
  await expect(omar.page.getByText(/^Shared by /)).toBeVisible();
});

test('team: the offline queue survives a reload and drains when the server returns', async ({ team, teamServer }) => {
  test.setTimeout(120_000);
  const { dana, omar } = team;
  await teamServer.stop();
  await importGlosses(dana.page, ['مجلس,council', 'حكومة,government', 'وزير,minister']);
  await expect(teamIndicator(dana.page)).toHaveText('Team: offline, 3 changes waiting', { timeout: 30_000 });
  await saveScreenshot(dana.page, 'team-offline');
  await dana.page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(dana.page, 'team-offline-dark');
  await dana.page.emulateMedia({ colorScheme: 'light' });
  // Nothing is lost across a reload while offline.
  await dana.page.reload();
  await expect(teamIndicator(dana.page)).toHaveText('Team: offline, 3 changes waiting', { timeout: 30_000 });

  await teamServer.start();
  await expect(teamIndicator(dana.page)).toHaveText('Team: synced', { timeout: 30_000 });
  await nav(omar.page, 'Glossary');
  await expect(glossaryEntries(omar.page)).toHaveCount(3, { timeout: 20_000 });
});

test('team: a new member reloaded during the first sync goes on with it, and ends with the whole library', async ({ browser, team, teamServer, hosts }) => {
  test.setTimeout(180_000);
  // 25,000 glosses in the team database, as Targum writes them: three pages of the first sync.
  const at = Date.now();
  const docs = Array.from({ length: 25_000 }, (_, i) => {
    const surface = `מילה${i}`;
    return { _id: glossDocId('he', surface), type: 'gloss', language: 'he', key: surface, surface, meaning: `word ${i}`, by: 'Dana', at };
  });
  for (let from = 0; from < docs.length; from += 10_000) {
    const answer = await teamServer.asAdmin(`/${team.database}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: docs.slice(from, from + 10_000) }) });
    expect(answer.ok).toBe(true);
  }
  // A new library on Omar's host, which is in the team: its first sync starts at once.
  const context = await browser.newContext();
  const lea = await openMember(context, hosts.omar, 'Lea');
  await expect(teamIndicator(lea.page)).toHaveText(/first sync: [1-9][\d,]* of 25,000 documents received/, { timeout: 60_000 });
  await lea.page.reload();
  await expect(teamIndicator(lea.page)).toHaveText('Team: synced', { timeout: 120_000 });
  expect((await storedCounts(lea.page, ['glosses'])).glosses).toBe(25_000);
  await context.close();
  expect(lea.foreign).toEqual([]);
});

test('team: Settings → Team keeps the password from the page and says when the server refuses it', async ({ team, teamServer }) => {
  const { dana } = team;
  await nav(dana.page, 'Settings');
  const form = dana.page.getByRole('form', { name: 'Team' });
  await expect(form.getByLabel('Password')).toHaveValue('');
  await expect(form.getByLabel('Password')).toHaveAttribute('placeholder', /kept/);
  await form.getByRole('heading', { name: 'Team' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await saveScreenshot(dana.page, 'team-settings');
  await form.getByLabel('Password').fill('not-the-password');
  await form.getByRole('button', { name: 'Save and connect' }).click();
  await expect(form.getByRole('status', { name: 'Team status' })).toHaveText(/refused the user name or password/, { timeout: 20_000 });
  await form.getByLabel('Database').fill('no-such-database');
  await form.getByLabel('Password').fill(teamServer.member.password);
  await form.getByRole('button', { name: 'Save and connect' }).click();
  await expect(form.getByRole('status', { name: 'Team status' })).toHaveText(/no database named/i, { timeout: 20_000 });
});
