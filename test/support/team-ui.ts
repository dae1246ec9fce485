import { expect, type Page } from '@playwright/test';

export interface TeamSpace {
  serverUrl: string;
  database: string;
  user?: string;
  password?: string;
  memberName: string;
}

/** Joins a team space as a member does: Settings → Team, the fields, Save; waits until the workbench says it is synced. */
export async function joinTeam(page: Page, space: TeamSpace, options: { waitForSync?: boolean } = {}): Promise<void> {
  await page.getByRole('navigation', { name: 'Targum' }).getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Team' });
  await form.getByLabel('Server address').fill(space.serverUrl);
  await form.getByLabel('Database').fill(space.database);
  await form.getByLabel('User').fill(space.user ?? '');
  if (space.password !== undefined) await form.getByLabel('Password').fill(space.password);
  await form.getByLabel('Your name').fill(space.memberName);
  await form.getByRole('button', { name: 'Save and connect' }).click();
  if (options.waitForSync !== false) await expect(teamIndicator(page)).toHaveText(/Team: synced/, { timeout: 30_000 });
}

export const teamIndicator = (page: Page) => page.getByRole('status', { name: 'Team sync' });
