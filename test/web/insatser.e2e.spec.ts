import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRY } from '@app/insatser/testing/entry';
import { ASSIGNED, STARTED } from '../../processes/insats/testing/payloads';
import { asPrincipal, eventually, TestClock } from '../app-harness';
import {
  browserSession,
  downloadedText,
  expectAccessible,
  signInAs,
  startWebApp,
  type RunningApp,
} from './browser';
import { KEEPER, SOCIAL_WORKER, UNIT } from './insatser-users';

/** Insatser in the browser: the catalogue at desktop and phone width, and the providing unit's view; by keyboard only in insatser-keyboard. */
describe('insatser in the web app', { timeout: 90_000 }, () => {
  const clock = new TestClock('2026-03-30T08:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  let insatsId: string;
  beforeAll(async () => {
    ({ running, page } = session);
    const registered = await asPrincipal(running.app, KEEPER)
      .post('/api/insatser')
      .send({ ...ENTRY, name: 'Parkarbete Järva', providingUnit: UNIT });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    insatsId = registered.body.insatsId as string;
    await eventually(async () =>
      expect((await asPrincipal(running.app, KEEPER).get(`/api/insatser/${insatsId}`)).status).toBe(200),
    );
  });

  it('the insatsansvarig finds the unit’s entry by inriktning and free places, at desktop and phone width', async () => {
    await signInAs(page, running.url, 'Insatsansvarig, Järva');
    await page.goto(`${running.url}/insatser`);
    const search = page.getByRole('form', { name: 'Sök i katalogen' });
    await search.getByLabel('Inriktning').selectOption('utomhusarbete');
    await search.getByLabel('Bara insatser med lediga platser').check();
    await search.getByRole('button', { name: 'Sök' }).click();
    const row = page.getByRole('row', { name: /Parkarbete Järva/ });
    await expect.poll(() => row.count()).toBe(1);
    const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.replace(/\s/g, ' '));
    expect(cells).toEqual(
      expect.arrayContaining(['jarva-1', 'Arbetsinriktad rehabilitering', '10', '0', '4 500 kr per månad']),
    );
    expect(await page.getByRole('heading', { name: 'Registrera en insats' }).count()).toBe(1);
    await expectAccessible(page, 'insatskatalogen');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'insatskatalogen i mobilen');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('another unit’s insatsansvarig answers a placement by keyboard, without seeing the case, and the billing basis downloads', async () => {
    const rinkebyKeeper = {
      id: 'rinkeby-2-insats',
      name: 'Insatsansvarig, Rinkeby',
      memberships: [{ unit: 'rinkeby-2', roles: ['insatsansvarig' as const] }],
    };
    const offered = await asPrincipal(running.app, rinkebyKeeper)
      .post('/api/insatser')
      .send({
        ...ENTRY,
        name: 'Cykelverkstan Rinkeby',
        providingUnit: 'rinkeby-2',
        openTo: 'alla_enheter',
        priceForOtherUnitsSek: 6000,
      });
    expect(offered.status, JSON.stringify(offered.body)).toBe(201);
    const api = asPrincipal(running.app, SOCIAL_WORKER);
    const opened = await api
      .post('/api/cases')
      .send({ reference: 'CY 8807', unit: UNIT, socialWorkerId: SOCIAL_WORKER.id });
    const started = await api
      .post(`/api/cases/${opened.body.caseId}/processes`)
      .send({ definitionId: 'insats' });
    await eventually(async () =>
      expect((await api.get(`/api/insatser/${offered.body.insatsId}`)).status).toBe(200),
    );
    await api
      .post(`/api/cases/${opened.body.caseId}/processes/${started.body.instanceId}/events`)
      .send({ event: 'PlacementAssigned', payload: { ...ASSIGNED, insatsId: offered.body.insatsId } })
      .expect(200);

    await signInAs(page, running.url, 'Insatsansvarig, Rinkeby');
    await page.goto(`${running.url}/anordnare`);
    const card = page.getByRole('region', { name: /Cykelverkstan Rinkeby/ });
    await expect.poll(() => card.textContent()).toContain('Väntar på ert svar');
    expect(await page.content()).not.toContain('CY 8807');
    await expectAccessible(page, 'placeringar på våra insatser');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'placeringar på våra insatser i mobilen');
    await page.setViewportSize({ width: 1280, height: 800 });

    await card.getByRole('button', { name: 'Godkänn placeringen' }).focus();
    await page.keyboard.press('Enter');
    const date = card.getByLabel('Godkänd');
    await date.focus();
    await page.keyboard.type('2026-03-30');
    await card.getByRole('button', { name: 'Godkänn placeringen' }).last().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Placeringen är godkänd.');
    await expect.poll(() => card.textContent()).toContain('Godkänd, väntar på start');

    await api
      .post(`/api/cases/${opened.body.caseId}/processes/${started.body.instanceId}/events`)
      .send({ event: 'PlacementStarted', payload: { ...STARTED, startedOn: '2026-03-02' } })
      .expect(200);
    await page.reload();
    const month = page.getByLabel('Månad');
    await month.fill('2026-03');
    const billing = page.getByRole('table', { name: /Placeringar mellan enheter/ });
    await expect
      .poll(() => billing.getByRole('row', { name: /Cykelverkstan Rinkeby/ }).textContent())
      .toContain('30');
    const [header, line] = (await downloadedText(page, 'Ladda ner som CSV')).split('\n');
    expect(header).toContain('Placering;Placerande enhet;Anordnande enhet');
    expect(line).toContain(';jarva-1;rinkeby-2;Cykelverkstan Rinkeby;2026-03-02;2026-03-30;29;6000;month;');
  });
});
