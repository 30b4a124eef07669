import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, TestClock } from '../app-harness';
import { expectAccessible, signInAs, startWebApp, type RunningApp, browserSession } from './browser';

const SOCIAL_WORKER = {
  id: 'jarva-1-ss',
  name: 'SS',
  memberships: [{ unit: 'jarva-1', roles: ['socialsekreterare' as const] }],
};

/** Seed 002 in the browser: why a step waits, and the case's Rehabansvarig chosen by name. */
describe('continuity in the web app', { timeout: 60_000 }, () => {
  const clock = new TestClock('2026-11-23T08:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  beforeAll(() => {
    ({ running, page } = session);
  });

  async function openCase(reference: string): Promise<{ caseId: string; instanceId: string }> {
    const api = asPrincipal(running.app, SOCIAL_WORKER);
    const opened = await api
      .post('/api/cases')
      .send({ reference, unit: 'jarva-1', socialWorkerId: 'jarva-1-ss' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const started = await api
      .post(`/api/cases/${opened.body.caseId}/processes`)
      .send({ definitionId: 'rehab-handledning' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    return { caseId: opened.body.caseId as string, instanceId: started.body.instanceId as string };
  }

  it('the social worker records why a step waits, and the process shows it', async () => {
    const { caseId } = await openCase('VT 1971');
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    const panel = page.getByRole('region', { name: 'Rehabansvarig handleder', exact: true });
    await panel.getByRole('button', { name: 'Registrera att steget väntar' }).click();
    const form = panel.locator('form').filter({
      has: page.getByRole('button', { name: 'Registrera att steget väntar', exact: true }),
    });
    await form.getByLabel('Varför väntar steget?').selectOption('vantar-varden');
    await form.getByLabel('Sedan').fill('2026-11-20');
    await form.getByLabel('Anteckning').fill('Väntar på läkarintyg');
    await form.getByRole('button', { name: 'Registrera att steget väntar' }).click();
    await expect
      .poll(() => panel.locator('.waiting').textContent())
      .toBe('Steget väntar sedan 2026-11-20: Väntar på vården – Väntar på läkarintyg');
    await expectAccessible(page, 'process som väntar på vården');
  });

  it('the biträdande enhetschef names the Rehabansvarig by name, and the case shows who it is', async () => {
    const { caseId } = await openCase('RA 1966');
    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    const section = page.getByRole('region', { name: 'Rehabansvarig', exact: true });
    await expect.poll(() => section.getByText('Ingen Rehabansvarig är angiven.').count()).toBe(1);
    await section.getByRole('button', { name: 'Ange Rehabansvarig för ärendet' }).click();
    await section.locator('form').getByLabel('Rehabansvarig, Järva').check();
    await section.locator('form').getByRole('button', { name: 'Ange Rehabansvarig för ärendet' }).click();
    await expect
      .poll(() => section.locator('p').first().textContent())
      .toBe('Rehabansvarig för ärendet: Rehabansvarig, Järva.');
    expect(await section.getByRole('button', { name: 'Byt Rehabansvarig' }).count()).toBe(1);
  });
});
