import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, TestClock } from '../app-harness';
import { browserSession, signInAs, startWebApp, type RunningApp } from './browser';

const SOCIAL_WORKER = {
  id: 'jarva-1-ss',
  name: 'Socialsekreterare, Järva',
  memberships: [{ unit: 'jarva-1', roles: ['socialsekreterare' as const] }],
};
const TASKS = 60;

/**
 * A long task list (issue 18): the most urgent fifty first, the rest a
 * page at a time, so the list is quick to draw and to read.
 */
describe('a long task list in the web app', { timeout: 120_000 }, () => {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  beforeAll(async () => {
    ({ running, page } = session);
    const ss = asPrincipal(running.app, SOCIAL_WORKER);
    for (let i = 0; i < TASKS; i++) {
      const opened = await ss
        .post('/api/cases')
        .send({
          reference: `LT 19${String(i).padStart(2, '0')}`,
          unit: 'jarva-1',
          socialWorkerId: SOCIAL_WORKER.id,
        })
        .expect(201);
      await ss
        .post(`/api/cases/${opened.body.caseId as string}/processes`)
        .send({ definitionId: 'rehab-handledning' })
        .expect(201);
    }
  });

  it('shows fifty tasks, then the rest on asking; a filter starts from fifty again', async () => {
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    const rows = page.locator('main table tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    expect(await page.locator('main .lead').textContent()).toContain(`${TASKS} uppgifter`);
    await page.getByRole('button', { name: 'Visa 10 till av 10 återstående' }).click();
    await expect.poll(() => rows.count()).toBe(TASKS);
    expect(await page.getByRole('button', { name: /^Visa \d+ till/ }).count()).toBe(0);
    await page.getByLabel('Status').selectOption({ label: 'I tid' });
    await expect.poll(() => rows.count()).toBe(50);
  });
});
