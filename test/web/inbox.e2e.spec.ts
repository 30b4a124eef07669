import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, TestClock } from '../app-harness';
import { accessibleAtBothWidths, browserSession, signInAs, startWebApp, type RunningApp } from './browser';

const SOCIAL_WORKER = {
  id: 'jarva-1-ss',
  name: 'Socialsekreterare, Järva',
  memberships: [{ unit: 'jarva-1', roles: ['socialsekreterare' as const] }],
};
const CHEF = {
  id: 'jarva-1-bec',
  name: 'Biträdande enhetschef, Järva',
  memberships: [{ unit: 'jarva-1', roles: ['bitradande_enhetschef' as const] }],
};

/**
 * The inbox in the browser (issue 18): the menu counts the unread, the
 * inbox marks them, one by one, by opening the case, or all at once.
 */
describe('the notification inbox in the web app', { timeout: 90_000 }, () => {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  const caseIds: string[] = [];
  beforeAll(async () => {
    ({ running, page } = session);
    for (const reference of ['MB 1970-01', 'MB 1971-02', 'MB 1972-03']) {
      const opened = await asPrincipal(running.app, SOCIAL_WORKER)
        .post('/api/cases')
        .send({ reference, unit: 'jarva-1', socialWorkerId: SOCIAL_WORKER.id })
        .expect(201);
      caseIds.push(opened.body.caseId as string);
      clock.advance('PT1M');
      await asPrincipal(running.app, CHEF)
        .post(`/api/cases/${opened.body.caseId as string}/rehabansvarig`)
        .send({ rehabansvarigId: 'jarva-1-rehab' })
        .expect(200);
    }
  });

  const menuLink = () =>
    page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: /Meddelanden/ });
  const items = () => page.locator('ul.inbox > li');

  it('counts the unread in the menu, marks one read, opens a case marking it read, then all; axe-clean', async () => {
    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    await expect.poll(() => menuLink().textContent()).toBe('Meddelanden3 olästa');
    await menuLink().click();
    await expect.poll(() => items().count()).toBe(3);
    expect(await page.locator('ul.inbox > li.unread').count()).toBe(3);
    expect(await items().first().textContent()).toContain('Du är Rehabansvarig för ärendet.');
    expect(await items().first().textContent()).toContain('Ärende MB 1972-03');
    await accessibleAtBothWidths(page, 'meddelandena');

    await items()
      .first()
      .getByRole('button', { name: /^Markera som läst/ })
      .click();
    await expect.poll(() => page.locator('.status').textContent()).toContain('2 olästa kvar');
    await expect.poll(() => menuLink().textContent()).toBe('Meddelanden2 olästa');

    await page.getByLabel('Visa bara olästa').check();
    await expect.poll(() => items().count()).toBe(2);
    await items().first().getByRole('link', { name: 'Ärende MB 1971-02' }).click();
    await expect.poll(() => page.url()).toContain(`/arenden/${caseIds[1]}`);
    await expect.poll(() => menuLink().textContent()).toBe('Meddelanden1 oläst');

    await menuLink().click();
    await page.getByRole('button', { name: 'Markera alla som lästa' }).click();
    await expect.poll(() => page.locator('.status').textContent()).toContain('Inga olästa kvar');
    await expect.poll(() => menuLink().textContent()).toBe('Meddelanden');
    expect(await page.locator('ul.inbox > li.unread').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Markera alla som lästa' }).isDisabled()).toBe(true);
  });
});
