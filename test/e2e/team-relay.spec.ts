/**
 * The web host's team relay as a browser meets it: the page that holds the run's token replicates through
 * it; a page of another site, even one that knows the token, gets nothing through.
 */
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { teamRelayPath, teamTokenHeader } from '../../src/common/team/team-config';
import { privateTeamStore } from '../../src/node/team/team-store';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { startTestWebHost, type TestWebHost } from '../support/web-host';

let teamServer: TeamServer;
let webHost: TestWebHost;
/** Another site on this machine, as a page the user visits in the same browser. */
let otherSite: Server;
let otherSiteUrl: string;

test.beforeAll(async () => {
  teamServer = await startTeamServer();
  webHost = await startTestWebHost({ withTinyModel: false });
  await privateTeamStore(webHost.dataDir, () => undefined).save({
    serverUrl: teamServer.url,
    database: teamServer.database,
    user: teamServer.member.user,
    password: teamServer.member.password,
    memberName: 'Dana',
  });
  otherSite = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Elsewhere</title>'));
  await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
  otherSiteUrl = `http://127.0.0.1:${(otherSite.address() as { port: number }).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => otherSite?.close(resolve));
  await webHost?.close();
  await teamServer?.close();
});

/** The page's fetch to the relay: status and body, or the network error the browser gave. */
type Answer = { status: number; body: string } | { error: string };

test('team relay: the page with the token reads and writes the team database through its own origin', async ({ page }) => {
  await page.goto(webHost.url);
  const answers = await page.evaluate(
    async ({ path, header, token }) => {
      const ask = async (relative: string, init: RequestInit = {}) => {
        const response = await fetch(`${path}/${relative}`, init);
        return { status: response.status, body: await response.text() };
      };
      const withToken = { [header]: token, 'Content-Type': 'application/json' };
      return {
        info: await ask('', { headers: withToken }),
        written: await ask('_bulk_docs', { method: 'POST', headers: withToken, body: JSON.stringify({ docs: [{ _id: 'gloss:knesset', gloss: 'Knesset', by: 'Dana' }] }) }),
        changes: await ask('_changes?style=all_docs&since=0&feed=longpoll&heartbeat=10000&limit=10', { headers: withToken }),
        withoutToken: await ask(''),
        design: await ask('_design/app', { method: 'PUT', headers: withToken, body: '{}' }),
      };
    },
    { path: teamRelayPath, header: teamTokenHeader, token: webHost.token },
  );
  expect(answers.info.status).toBe(200);
  expect(JSON.parse(answers.info.body)).toMatchObject({ db_name: teamServer.database });
  expect(answers.written.status).toBe(201);
  expect(answers.changes.body).toContain('gloss:knesset');
  expect(answers.withoutToken.status).toBe(401);
  expect(answers.design.status).toBe(403);
  expect(await (await teamServer.asAdmin(`/${teamServer.database}/gloss:knesset`)).json()).toMatchObject({ gloss: 'Knesset' });
});

test('team relay: another site’s page gets nothing through, even knowing the token', async ({ page }) => {
  await page.goto(otherSiteUrl);
  const relay = `${webHost.origin}${teamRelayPath}`;
  const answers: Answer[] = await page.evaluate(
    async ({ relay, header, token }) => {
      const attempt = async (relative: string, init: RequestInit): Promise<Answer> => {
        try {
          const response = await fetch(`${relay}/${relative}`, init);
          return { status: response.status, body: await response.text() };
        } catch (error) {
          return { error: String(error) };
        }
      };
      const doc = JSON.stringify({ docs: [{ _id: 'gloss:planted', gloss: 'planted' }] });
      return [
        // With the header: the browser asks first (a preflight), which the relay refuses.
        await attempt('_bulk_docs', { method: 'POST', headers: { [header]: token, 'Content-Type': 'application/json' }, body: doc }),
        // Without it, as a form could: a simple request, refused for its origin.
        await attempt('_bulk_docs', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: doc }),
        await attempt('', { mode: 'no-cors' }),
      ];
    },
    { relay, header: teamTokenHeader, token: webHost.token },
  );
  expect(answers[0]).toMatchObject({ error: expect.stringContaining('Failed to fetch') });
  // no-cors answers are opaque to the page (status 0); what matters is that nothing reached the server.
  expect(answers[1]).toMatchObject({ status: 0 });
  expect((await teamServer.asAdmin(`/${teamServer.database}/gloss:planted`)).status).toBe(404);
  expect(webHost.logs).toEqual(expect.arrayContaining([expect.stringMatching(/refused a team sync request: Forbidden \((origin|a cross-site request)\)/)]));
});
