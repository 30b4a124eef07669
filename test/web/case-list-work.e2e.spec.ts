import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, TestClock } from '../app-harness';
import { accessibleAtBothWidths, browserSession, signInAs, startWebApp, type RunningApp } from './browser';

const worker = (id: string, name: string) => ({
  id,
  name,
  memberships: [{ unit: 'jarva-1', roles: ['socialsekreterare' as const] }],
});
const FIRST = worker('jarva-1-ss', 'Socialsekreterare, Järva');
const SECOND = worker('jarva-1-ss2', 'Socialsekreterare 2, Järva');

/**
 * The case list for the biträdande enhetschef (issue 18): filtered by
 * social worker and saved under a name that is there after a reload; the
 * team's work per social worker leading to that person's cases; units by name.
 */
describe('filters, saved filters and the team’s work in the web app', { timeout: 90_000 }, () => {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  beforeAll(async () => {
    ({ running, page } = session);
    for (const [who, reference] of [
      [FIRST, 'FL 1960-01'],
      [FIRST, 'FL 1961-02'],
      [SECOND, 'FL 1962-03'],
    ] as const) {
      await asPrincipal(running.app, who)
        .post('/api/cases')
        .send({ reference, unit: 'jarva-1', socialWorkerId: who.id })
        .expect(201);
      clock.advance('PT1M');
    }
  });

  const rows = () => page.locator('table tbody tr');

  it('filters by social worker, saves the filter by name, keeps it after a reload, and is axe-clean', async () => {
    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.goto(`${running.url}/arenden`);
    await expect.poll(() => rows().count()).toBe(3);
    expect(await rows().first().innerText()).toContain('Järva');
    expect(await page.locator('table').innerText()).not.toContain('jarva-1');

    const filters = page.getByRole('region', { name: 'Urval och ordning' });
    await filters.getByLabel('Socialsekreterare').selectOption({ label: 'Socialsekreterare 2, Järva' });
    await expect.poll(() => rows().count()).toBe(1);
    expect(page.url()).toContain('handlaggare=jarva-1-ss2');
    expect(await rows().first().innerText()).toContain('FL 1962-03');

    await filters.getByLabel('Spara urvalet som').fill('Andras ärenden');
    await filters.getByRole('button', { name: 'Spara urvalet' }).click();
    await expect.poll(() => filters.locator('.status').textContent()).toContain('är sparat');
    await filters.getByLabel('Socialsekreterare').selectOption({ label: 'Alla' });
    await expect.poll(() => rows().count()).toBe(3);

    await page.reload();
    const saved = page.getByRole('list', { name: 'Sparade urval' });
    await saved.getByRole('button', { name: 'Andras ärenden', exact: true }).click();
    await expect.poll(() => rows().count()).toBe(1);
    await accessibleAtBothWidths(page, 'ärendelistan med urval');

    await saved.getByRole('button', { name: 'Ta bort urvalet Andras ärenden' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Sparade urval' }).count()).toBe(0);
  });

  it('shows the team’s work per social worker, each leading to that person’s cases', async () => {
    await page.goto(`${running.url}/enhet`);
    const team = page.getByRole('region', { name: 'Teamets arbete per socialsekreterare' });
    await expect.poll(() => team.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    const second = team.locator('tbody tr', { hasText: 'Socialsekreterare 2, Järva' });
    expect((await second.locator('td').allInnerTexts())[0]).toBe('1');
    const first = team.locator('tbody tr', { hasText: /^Socialsekreterare, Järva/ });
    expect((await first.locator('td').allInnerTexts())[0]).toBe('2');
    expect(await page.locator('main .lead').innerText()).toBe('Järva');
    await second.getByRole('link').click();
    await expect.poll(() => page.url()).toContain('/arenden?handlaggare=jarva-1-ss2');
    await expect.poll(() => rows().count()).toBe(1);
  });
});
