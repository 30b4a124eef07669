import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, eventually, TestClock } from '../app-harness';
import {
  accessibleAtBothWidths,
  browserSession,
  signInAs,
  signInAsPrincipal,
  startWebApp,
  type RunningApp,
} from './browser';

const UNIT = 'jarva-1';
const SOCIAL_WORKER = {
  id: 'jarva-1-ss',
  name: 'Socialsekreterare, Järva',
  memberships: [{ unit: UNIT, roles: ['socialsekreterare' as const] }],
};
const SECOND_REHAB = {
  id: 'jarva-1-rehab2',
  name: 'Rehabansvarig 2, Järva',
  memberships: [{ unit: UNIT, roles: ['rehabansvarig' as const] }],
};

/**
 * Who has which task, in the browser: a Rehabansvarig takes a task of the
 * role's queue, hands it to a colleague who puts it back; the biträdande
 * enhetschef lets a social worker cover for an absent one, whose tasks and
 * cases the cover then sees until the cover ends.
 */
describe('taking and handing over tasks, and covers, in the web app', { timeout: 120_000 }, () => {
  const clock = new TestClock('2026-09-07T08:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  let rehabCase: string;
  let coveredCase: string;

  const openCase = async (reference: string) =>
    (
      await asPrincipal(running.app, SOCIAL_WORKER)
        .post('/api/cases')
        .send({ reference, unit: UNIT, socialWorkerId: SOCIAL_WORKER.id })
        .expect(201)
    ).body.caseId as string;
  const start = async (caseId: string, definitionId: string) =>
    (
      await asPrincipal(running.app, SOCIAL_WORKER)
        .post(`/api/cases/${caseId}/processes`)
        .send({ definitionId })
        .expect(201)
    ).body.instanceId as string;
  const send = (caseId: string, instanceId: string, event: string, payload: object = {}) =>
    asPrincipal(running.app, SOCIAL_WORKER)
      .post(`/api/cases/${caseId}/processes/${instanceId}/events`)
      .send({ event, payload })
      .expect(200);

  beforeAll(async () => {
    ({ running, page } = session);
    await asPrincipal(running.app, SECOND_REHAB).get('/api/auth/me').expect(200);
    rehabCase = await openCase('TA 1980-01');
    const rh = await start(rehabCase, 'rehab-handledning');
    await send(rehabCase, rh, 'ImpulsRegistered', { grounds: ['sjukskriven-utan-samordnade-insatser'] });
    await send(rehabCase, rh, 'RehabansvarigContacted');
    coveredCase = await openCase('TB 1981-02');
    await start(coveredCase, 'samverkan-varden');
    // The hand-over lists the unit's Rehabansvariga once the directory knows the second one.
    await eventually(async () => {
      const next = await asPrincipal(running.app, SECOND_REHAB)
        .get(`/api/cases/${rehabCase}/next-steps`)
        .expect(200);
      expect(JSON.stringify(next.body)).toContain(SECOND_REHAB.name);
    });
  });

  const rowOf = (reference: string) => page.getByRole('row').filter({ hasText: reference });
  const responsible = (reference: string) => rowOf(reference).locator('td').nth(2).textContent();
  const status = () => page.getByRole('status').filter({ hasText: /\S/ }).first().textContent();

  it('takes a task off the role’s queue, hands it to a colleague, who puts it back; axe-clean', async () => {
    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    await expect.poll(() => responsible('TA 1980-01')).toBe('Rehabansvarig');
    await rowOf('TA 1980-01').getByRole('button', { name: 'Ta uppgiften' }).click();
    await expect.poll(status).toBe('Uppgiften är din nu.');
    await expect.poll(() => responsible('TA 1980-01')).toBe('Du');
    expect(await rowOf('TA 1980-01').getByRole('button', { name: 'Ta uppgiften' }).count()).toBe(0);

    // Taken, it is no longer in the other Rehabansvarig's queue.
    await signInAsPrincipal(page, running, SECOND_REHAB, '/');
    await expect.poll(() => page.locator('p.lead').textContent()).not.toBe('Hämtar uppgifter…');
    expect(await rowOf('TA 1980-01').count()).toBe(0);

    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    await rowOf('TA 1980-01').getByRole('button', { name: 'Lämna över till…' }).click();
    await rowOf('TA 1980-01').getByLabel('Lämna över till').selectOption({ label: SECOND_REHAB.name });
    await accessibleAtBothWidths(page, 'mina uppgifter med överlämningen');
    await rowOf('TA 1980-01').getByRole('button', { name: 'Lämna över', exact: true }).click();
    await expect.poll(status).toBe(`Uppgiften är överlämnad till ${SECOND_REHAB.name}.`);
    await expect.poll(() => rowOf('TA 1980-01').count()).toBe(0);

    await signInAsPrincipal(page, running, SECOND_REHAB, '/');
    await expect.poll(() => responsible('TA 1980-01')).toBe('Du');
    await rowOf('TA 1980-01').getByRole('button', { name: 'Lämna tillbaka till kön' }).click();
    await expect.poll(status).toBe('Uppgiften är tillbaka i kön.');
    await expect.poll(() => responsible('TA 1980-01')).toBe('Rehabansvarig');
    expect(await rowOf('TA 1980-01').getByRole('button', { name: 'Ta uppgiften' }).count()).toBe(1);
  });

  const grant = async (from: string, until: string) => {
    await page.getByLabel('Frånvarande socialsekreterare').selectOption({ label: SOCIAL_WORKER.name });
    await page.getByLabel('Vikarie', { exact: true }).selectOption({ label: 'Socialsekreterare 2, Järva' });
    await page.getByLabel('Från och med').fill(from);
    await page.getByLabel('Till och med').fill(until);
    await page.getByRole('button', { name: 'Ge behörighet' }).click();
  };
  const covers = () => page.getByRole('region', { name: 'Vikarier och perioder' });

  it('grants a cover in the unit overview, refusing over three months and the absent as her own cover; the cover sees the absent one’s task and case until it ends', async () => {
    await signInAs(page, running.url, 'Socialsekreterare 2, Järva');
    await expect.poll(() => page.locator('p.lead').textContent()).not.toBe('Hämtar uppgifter…');
    expect(await rowOf('TB 1981-02').count()).toBe(0);

    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.goto(`${running.url}/enhet`);
    await expect.poll(() => page.getByText('Ingen är vikarie för någon just nu.').isVisible()).toBe(true);
    await grant('2026-09-07', '2026-12-08');
    const until = page.getByLabel('Till och med');
    await expect.poll(() => until.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await until.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe(
      'Perioden får vara högst tre månader.',
    );
    expect(await covers().count()).toBe(0);

    const cover = page.getByLabel('Vikarie', { exact: true });
    await until.fill('2026-09-18');
    await cover.selectOption({ label: SOCIAL_WORKER.name });
    await page.getByRole('button', { name: 'Ge behörighet' }).click();
    await expect.poll(() => cover.getAttribute('aria-invalid')).toBe('true');
    const coverErrorId = (await cover.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${coverErrorId}"]`).textContent()).toBe(
      'Vikarien måste vara en annan än den frånvarande.',
    );
    expect(await until.getAttribute('aria-invalid')).toBeNull();

    await cover.selectOption({ label: 'Socialsekreterare 2, Järva' });
    await page.getByRole('button', { name: 'Ge behörighet' }).click();
    await expect
      .poll(status)
      .toBe('Socialsekreterare 2, Järva är vikarie för Socialsekreterare, Järva 2026-09-07–2026-09-18.');
    const row = covers().getByRole('row').filter({ hasText: 'Socialsekreterare 2, Järva' });
    expect(await row.locator('td').allTextContents()).toEqual([
      SOCIAL_WORKER.name,
      '2026-09-07 – 2026-09-18',
      expect.stringContaining('Biträdande enhetschef, Järva'),
      'Avsluta nu',
    ]);
    expect(await until.getAttribute('aria-invalid')).toBeNull();
    await accessibleAtBothWidths(page, 'enhetsöversikten med vikarier');

    await signInAs(page, running.url, 'Socialsekreterare 2, Järva');
    await expect.poll(() => responsible('TB 1981-02')).toBe('Socialsekreterare, Järva (du är vikarie)');
    await accessibleAtBothWidths(page, 'mina uppgifter som vikarie');
    await rowOf('TB 1981-02').getByRole('link', { name: 'TB 1981-02' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('TB 1981-02');

    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.goto(`${running.url}/enhet`);
    await covers()
      .getByRole('button', { name: /^Avsluta nu/ })
      .click();
    await expect
      .poll(status)
      .toBe('Socialsekreterare 2, Järva är inte längre vikarie för Socialsekreterare, Järva.');
    await expect.poll(() => page.getByText('Ingen är vikarie för någon just nu.').isVisible()).toBe(true);

    await signInAs(page, running.url, 'Socialsekreterare 2, Järva');
    await expect.poll(() => page.locator('p.lead').textContent()).not.toBe('Hämtar uppgifter…');
    expect(await rowOf('TB 1981-02').count()).toBe(0);
  });
});
