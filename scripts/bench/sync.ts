/**
 * npm run bench:sync — a new member's first sync of a big team space, and lookups on the team's data against the
 * same lookups on local data, in Debian's Chromium against the renderer build served by the web host. Prints
 * figures; asserts nothing. Ends with one `summary:` line.
 *
 * - first sync: a team database on pouchdb-server (in memory, loopback) holds N memory entries and M glosses, as
 *   Targum writes them; a new member joins in Settings → Team, and the app reads the team database's changes feed by
 *   pages, with the documents, through the web host's relay into its replica and its library
 *   (src/renderer/team/first-sync.ts).
 *   Timed from Save to the last entry in the library (IndexedDB counts). Then the progress line shows every document
 *   received, and "synced" comes once the replication, started where the pages left off, has caught up both ways.
 * - lookups (once synced): the same 200-sentence article (every sentence in the memory, several glossed words in each) is opened
 *   in the reader of the member who synced and of a library that has the same entries written locally; timed from
 *   asking for the article to its first rows drawn with their memory English and gloss marks, median of 15 each.
 *
 * Options: --memory N (100000), --glosses M (20000).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { glossKey } from '../../src/common/glossary/gloss-key';
import { memoryKey } from '../../src/common/text/memory-key';
import { glossDocId, memoryDocId } from '../../src/renderer/data/team-docs';
import { startTeamServer, type TeamServer } from '../../test/support/team-server';
import { joinTeam } from '../../test/support/team-ui';
import { startTestWebHost } from '../../test/support/web-host';
import { launchBenchBrowser } from './browser';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const memoryCount = option('memory', 100_000);
const glossCount = option('glosses', 20_000);
const articleSentences = 200;
const rendererDir = path.resolve('out/renderer');
const letters = 'אבגדהוזחטיכלמנסעפצקרשת';

/** A distinct Hebrew word for each number (its digits in base 22, as letters), at least four letters long. */
function word(n: number): string {
  let text = '';
  for (let rest = n + 22 ** 3; rest > 0; rest = Math.floor(rest / 22)) text = letters[rest % 22]! + text;
  return text;
}

/** Memory entry i: a sentence with three glossed words and its number. */
const sentence = (i: number) => `הכתב ${word(i % glossCount)} דיווח על ${word((i * 7 + 1) % glossCount)} ועל ${word((i * 13 + 2) % glossCount)} בפעם ${i}.`;

function teamDocs(): object[] {
  const at = Date.now();
  const glosses = Array.from({ length: glossCount }, (_, j) => {
    const surface = word(j);
    const key = glossKey(surface, 'he');
    return { _id: glossDocId('he', key), type: 'gloss', language: 'he', key, surface, meaning: `meaning ${j}`, by: 'Bench', at };
  });
  const memory = Array.from({ length: memoryCount }, (_, i) => {
    const source = sentence(i);
    const sourceKey = memoryKey('he', source);
    return { _id: memoryDocId(sourceKey), type: 'memory', language: 'he', sourceKey, source, target: `English of sentence ${i}.`, by: 'Bench', at };
  });
  return [...glosses, ...memory];
}

/** The same entries as the library's own records, for the local library. */
function localRecords() {
  const glosses = Array.from({ length: glossCount }, (_, j) => ({ key: glossKey(word(j), 'he'), surface: word(j), language: 'he', meaning: `meaning ${j}`, createdAt: 0 }));
  const memory = Array.from({ length: memoryCount }, (_, i) => {
    const source = sentence(i);
    return { sourceKey: memoryKey('he', source), language: 'he', source, target: `English of sentence ${i}.`, origin: 'confirmed', standing: 'reviewed', updatedAt: 0 };
  });
  return { glosses, memory };
}

async function fill(server: TeamServer): Promise<void> {
  const docs = teamDocs();
  for (let at = 0; at < docs.length; at += 10_000) {
    const answer = await server.asAdmin(`/${server.database}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: docs.slice(at, at + 10_000) }) });
    if (!answer.ok) throw new Error(`filling ${server.database}: ${answer.status}`);
  }
}

/** Rows of a table of the page's library, read straight from IndexedDB. */
function countRows(page: Page, tables: string[]): Promise<number[]> {
  return page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('targum');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const counts = await Promise.all(
      tables.map(
        (table) =>
          new Promise<number>((resolve, reject) => {
            const request = db.transaction(table).objectStore(table).count();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    return counts;
  }, tables);
}

/** Writes rows into the page's library straight into IndexedDB; resolves to the first row's key. */
function writeRows(page: Page, rows: Record<string, object[]>): Promise<void> {
  return page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('targum');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const transaction = db.transaction(Object.keys(rows), 'readwrite');
    for (const [table, values] of Object.entries(rows)) for (const value of values) transaction.objectStore(table).add(value);
    await new Promise((resolve, reject) => ((transaction.oncomplete = resolve), (transaction.onerror = () => reject(transaction.error))));
    db.close();
  }, rows);
}

/** The bench article: the first 200 memory sentences, five to a paragraph, with its sentences; resolves to its id. */
async function addArticle(page: Page): Promise<number> {
  const sentences = Array.from({ length: articleSentences }, (_, i) => sentence(i));
  const paragraphs: string[][] = [];
  for (let at = 0; at < sentences.length; at += 5) paragraphs.push(sentences.slice(at, at + 5));
  const now = Date.now();
  await writeRows(page, { articles: [{ title: 'מאמר למדידת הצוות', language: 'he', origin: 'paste', originalText: paragraphs.map((p) => p.join(' ')).join('\n\n'), tags: [], createdAt: now, updatedAt: now }] });
  const id = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('targum');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const key = await new Promise<number>((resolve) => {
      const request = db.transaction('articles').objectStore('articles').index('title').getKey('מאמר למדידת הצוות');
      request.onsuccess = () => resolve(request.result as number);
    });
    db.close();
    return key;
  });
  await writeRows(page, {
    segments: paragraphs.flatMap((p, paragraphIndex) => p.map((text, sentenceIndex) => ({ articleId: id, paragraphIndex, sentenceIndex, text, segmenterVersion: 1 }))),
  });
  return id;
}

/** Opens the article; the times until its first rows show their memory English, and their gloss marks. */
async function openArticle(page: Page, articleId: number): Promise<{ memory: number; gloss: number }> {
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('heading', { name: 'Library' }).waitFor();
  return page.evaluate(
    (id) =>
      new Promise<{ memory: number; gloss: number }>((resolve) => {
        const start = performance.now();
        let memory = 0;
        let gloss = 0;
        location.hash = `#/article/${id}`;
        const check = () => {
          if (!memory && document.querySelector('.target-cell .sentence[data-origin=memory]')) memory = performance.now() - start;
          if (!gloss && document.querySelector('.source-cell .gloss-mark')) gloss = performance.now() - start;
          if (memory && gloss) resolve({ memory, gloss });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    articleId,
  );
}

/** Article openings timed on each side, alternately: the ratios are of medians, which a busy machine moves less than a mean. */
const rounds = 15;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('bench: no renderer build; run npm run build first');
    process.exit(1);
  }
  const server = await startTeamServer({ inMemory: true });
  const teamHost = await startTestWebHost({ withTinyModel: false });
  const localHost = await startTestWebHost({ withTinyModel: false });
  const teamBrowser = await launchBenchBrowser();
  const localBrowser = await launchBenchBrowser();
  try {
    const filling = Date.now();
    await fill(server);
    console.log(`Team database: ${glossCount.toLocaleString('en')} glosses and ${memoryCount.toLocaleString('en')} memory entries written in ${((Date.now() - filling) / 1000).toFixed(1)} s`);

    const member = teamBrowser.context.pages()[0] ?? (await teamBrowser.context.newPage());
    member.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await member.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await member.goto(teamHost.url);
    await member.getByRole('navigation', { name: 'Targum' }).waitFor();
    const started = Date.now();
    await joinTeam(member, { serverUrl: server.url, database: server.database, user: server.member.user, password: server.member.password, memberName: 'New member' }, { waitForSync: false });
    let progressSeen = '';
    let replicatedS = 0;
    let firstSyncS = 0;
    for (;;) {
      const [glosses, memory] = await countRows(member, ['glosses', 'memory']);
      const line = (await member.getByRole('status', { name: 'Team sync' }).textContent().catch(() => '')) ?? '';
      if (/first sync/.test(line)) progressSeen = line;
      const progress = /([\d,]+) of ([\d,]+) documents/.exec(line);
      if (!replicatedS && ((progress && progress[1] === progress[2]) || /synced/.test(line))) replicatedS = (Date.now() - started) / 1000;
      if (!firstSyncS && glosses === glossCount && memory === memoryCount) firstSyncS = (Date.now() - started) / 1000;
      if (firstSyncS && replicatedS) break;
      if (Date.now() - started > 600_000) throw new Error(`first sync unfinished after 600 s: ${glosses} glosses, ${memory} memory entries; ${line}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await member.getByRole('status', { name: 'Team sync' }).filter({ hasText: /^Team: synced$/ }).waitFor({ timeout: 600_000 });
    const syncedS = (Date.now() - started) / 1000;
    console.log(`First sync of ${(glossCount + memoryCount).toLocaleString('en')} documents into the library: ${firstSyncS.toFixed(1)} s`);
    console.log(`Progress as shown: ${progressSeen || '(none seen)'}; every document shown received after ${replicatedS.toFixed(1)} s; "synced" after ${syncedS.toFixed(1)} s`);

    const local = localBrowser.context.pages()[0] ?? (await localBrowser.context.newPage());
    await local.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await local.goto(localHost.url);
    await local.getByRole('navigation', { name: 'Targum' }).waitFor();
    await writeRows(local, localRecords());
    const teamArticle = await addArticle(member);
    const localArticle = await addArticle(local);

    // Once each so that code and fonts are warm, then alternately.
    await openArticle(member, teamArticle);
    await openArticle(local, localArticle);
    const team: Array<{ memory: number; gloss: number }> = [];
    const own: Array<{ memory: number; gloss: number }> = [];
    for (let round = 0; round < rounds; round++) {
      team.push(await openArticle(member, teamArticle));
      own.push(await openArticle(local, localArticle));
    }
    const memoryTeam = median(team.map((times) => times.memory));
    const memoryLocal = median(own.map((times) => times.memory));
    const glossTeam = median(team.map((times) => times.gloss));
    const glossLocal = median(own.map((times) => times.gloss));
    console.log(`Article open to memory English shown: team data ${memoryTeam.toFixed(0)} ms, local data ${memoryLocal.toFixed(0)} ms (medians of ${rounds})`);
    console.log(`Article open to gloss marks shown: team data ${glossTeam.toFixed(0)} ms, local data ${glossLocal.toFixed(0)} ms (medians of ${rounds})`);
    console.log(
      `summary: first_sync_${Math.round((glossCount + memoryCount) / 1000)}k_s=${firstSyncS.toFixed(1)} synced_s=${syncedS.toFixed(1)} memory_lookup_ratio=${(memoryTeam / memoryLocal).toFixed(2)} gloss_lookup_ratio=${(glossTeam / glossLocal).toFixed(2)} memory_lookup_ms=${memoryTeam.toFixed(0)} gloss_lookup_ms=${glossTeam.toFixed(0)}`,
    );
  } finally {
    await teamBrowser.close();
    await localBrowser.close();
    await teamHost.close();
    await localHost.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
