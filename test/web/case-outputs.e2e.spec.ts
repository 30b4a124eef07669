import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN } from '@app/engine/testing/engine-harness';
import { asPrincipal, TestClock } from '../app-harness';
import { accessibleAtBothWidths, browserSession, signInAs, startWebApp, type RunningApp } from './browser';

const person = (id: string, name: string, role: 'socialsekreterare' | 'rehabansvarig') => ({
  id,
  name,
  memberships: [{ unit: 'jarva-1', roles: [role] }],
});
const SOCIAL_WORKER = person('jarva-1-ss', 'Socialsekreterare, Järva', 'socialsekreterare');
const REHAB = person('jarva-1-rehab', 'Rehabansvarig, Järva', 'rehabansvarig');

/**
 * Each step's output on the case (issue 18): Rehabansvarig's preparations
 * for the social worker, the impuls, what the category means and the
 * journal reference, where the next person works, not only in the history.
 */
describe('step outputs on the case', { timeout: 90_000 }, () => {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  let caseId: string;
  beforeAll(async () => {
    ({ running, page } = session);
    const ss = asPrincipal(running.app, SOCIAL_WORKER);
    const rehab = asPrincipal(running.app, REHAB);
    const opened = await ss
      .post('/api/cases')
      .send({
        reference: 'SU 1964-09',
        unit: 'jarva-1',
        socialWorkerId: SOCIAL_WORKER.id,
        journalRef: 'DH-2026-118',
      })
      .expect(201);
    caseId = opened.body.caseId as string;
    const rh = (
      await ss.post(`/api/cases/${caseId}/processes`).send({ definitionId: 'rehab-handledning' }).expect(201)
    ).body.instanceId as string;
    const step = async (who: typeof ss, instance: string, event: string, payload: object = {}) => {
      const response = await who
        .post(`/api/cases/${caseId}/processes/${instance}/events`)
        .send({ event, payload });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    };
    await step(ss, rh, 'ImpulsRegistered', {
      grounds: ['sjukskriven-utan-samordnade-insatser'],
      note: 'Otydligt intyg',
    });
    await step(ss, rh, 'RehabansvarigContacted');
    await step(rehab, rh, 'DocumentationReviewed', { findings: 'Sjukskriven, inga parallella insatser' });
    await step(rehab, rh, 'SupervisionHeld', { heldOn: '2026-03-01', progressionsplanNeeded: true });
    await step(rehab, rh, 'CategoryDecided', { category: 4, motivation: 'Otydligt intyg' });
    await step(rehab, rh, 'ProgressionsplanShared', PLAN);
    const view = (await ss.get(`/api/cases/${caseId}`).expect(200)).body as {
      processes: { instanceId: string; definitionId: string }[];
    };
    const fl = view.processes.find((p) => p.definitionId === 'fortroendelakare')?.instanceId ?? '';
    await step(ss, fl, 'ImpulsRegistered', {
      reason: 'Otydligt intyg',
      sickListingCareUnit: 'Danderyds vårdcentral',
    });
    await step(rehab, fl, 'ReferralAccepted', { preparation: 'Ta med läkarintyget och samtyckesblanketten' });
  });

  it('shows what each step recorded in its process, the category’s meaning and the journal reference; axe-clean', async () => {
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    const fl = page.getByRole('region', { name: 'Förtroendeläkare', exact: true });
    await expect.poll(() => fl.locator('.step-outputs').textContent()).toContain('Förberedelser');
    const outputs = (await fl.locator('.step-outputs').innerText()).replace(/\s+/g, ' ');
    // Each answer under its label (the colon is the stylesheet's).
    expect(outputs).toContain('Förberedelser Ta med läkarintyget och samtyckesblanketten');
    expect(outputs).toContain('Rehabansvarig, Järva');
    // Newest first: the preparations before the impuls that came before them.
    expect(outputs.indexOf('Förberedelser')).toBeLessThan(outputs.indexOf('Danderyds vårdcentral'));

    // An ended process keeps what its steps recorded, a click away.
    await page.getByRole('button', { name: 'Visa det som registrerades i Rehabansvarig handleder' }).click();
    const rh = page.locator('.disclosure-body .step-outputs');
    await expect.poll(() => rh.textContent()).toContain('Skäl till impulsen');
    const rhOutputs = (await rh.innerText()).replace(/\s+/g, ' ');
    expect(rhOutputs).toContain('Skäl till impulsen Sjukskriven utan samordnade insatser');
    expect(rhOutputs).toContain('Anteckning Otydligt intyg');
    expect(rhOutputs).toContain('Kategori Kategori 4: förtroendeläkare; Rehabansvarig följer upp');

    const plan = page.getByRole('region', { name: 'Progressionsplan' });
    expect(await plan.textContent()).toContain('Kategori 4: förtroendeläkare; Rehabansvarig följer upp.');
    await expect
      .poll(() => page.locator('dl.facts').first().textContent())
      .toContain('JournalreferensDH-2026-118');
    await accessibleAtBothWidths(page, 'ärendet med stegens utdata');
  });
});
