import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, TestClock } from '../app-harness';
import {
  accessibleAtBothWidths,
  browserSession,
  signInAs,
  startWebApp,
  type RunningApp,
  openStep,
} from './browser';

const person = (id: string, name: string, role: 'socialsekreterare' | 'rehabansvarig') => ({
  id,
  name,
  memberships: [{ unit: 'jarva-1', roles: [role] }],
});
const SOCIAL_WORKER = person('jarva-1-ss', 'Socialsekreterare, Järva', 'socialsekreterare');
/** A second Rehabansvarig of the unit, who takes the step first from another workstation. */
const COLLEAGUE = person('jarva-1-rehab2', 'Rehabansvarig 2, Järva', 'rehabansvarig');
const PROCESS = 'Rehabansvarig handleder';
const STEP = 'Registrera genomgång';
const DRAFT = 'Läkarintyget saknar aktivitetsbegränsning; inga parallella insatser.';
const TAKEN = `Steget ”${STEP}” har redan registrerats av någon annan. Det du skrev finns kvar nedan så att du kan kopiera det.`;

/**
 * Issue 18, "do it safely": a process starts only once asked about, and a
 * step a colleague records first leaves the form that was being filled in
 * on screen, with what was typed, said to be taken and not to be saved.
 */
describe('safe steps in the case view', { timeout: 90_000 }, () => {
  const clock = new TestClock('2026-12-10T09:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  beforeAll(() => {
    ({ running, page } = session);
  });

  async function openCase(reference: string): Promise<string> {
    const opened = await asPrincipal(running.app, SOCIAL_WORKER)
      .post('/api/cases')
      .send({ reference, unit: 'jarva-1', socialWorkerId: SOCIAL_WORKER.id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return opened.body.caseId as string;
  }
  async function processes(caseId: string): Promise<string[]> {
    const view = await asPrincipal(running.app, SOCIAL_WORKER).get(`/api/cases/${caseId}`);
    return (view.body.processes as { definitionId: string }[]).map((p) => p.definitionId);
  }
  /** A case whose rehab-handledning waits for Rehabansvarig's genomgång; answers its instance. */
  async function atGenomgang(reference: string): Promise<{ caseId: string; instanceId: string }> {
    const caseId = await openCase(reference);
    const api = asPrincipal(running.app, SOCIAL_WORKER);
    const started = await api
      .post(`/api/cases/${caseId}/processes`)
      .send({ definitionId: 'rehab-handledning' });
    const instanceId = started.body.instanceId as string;
    for (const [event, payload] of [
      ['ImpulsRegistered', { grounds: ['sjukskriven-utan-samordnade-insatser'] }],
      ['RehabansvarigContacted', {}],
    ] as const)
      await api
        .post(`/api/cases/${caseId}/processes/${instanceId}/events`)
        .send({ event, payload })
        .expect(200);
    return { caseId, instanceId };
  }
  /** The colleague records the genomgång through the API, as their own browser would. */
  async function colleagueTakesStep(caseId: string, instanceId: string): Promise<void> {
    const taken = await asPrincipal(running.app, COLLEAGUE)
      .post(`/api/cases/${caseId}/processes/${instanceId}/events`)
      .send({ event: 'DocumentationReviewed', payload: { findings: 'Kollegans genomgång' } });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
  }
  /** Opens the genomgång's form as Rehabansvarig and types into it. */
  async function startTyping(caseId: string) {
    await page.goto(`${running.url}/arenden/${caseId}`);
    const panel = page.getByRole('region', { name: PROCESS, exact: true });
    await openStep(panel, STEP);
    const form = panel.locator('form');
    await form.getByLabel('Vad genomgången visade').fill(DRAFT);
    return { panel, form, save: form.getByRole('button', { name: STEP, exact: true }) };
  }
  /** What the case's history holds of genomgångar: the colleague's only, never a second. */
  async function reviews(caseId: string): Promise<unknown[]> {
    const history = await asPrincipal(running.app, SOCIAL_WORKER).get(`/api/cases/${caseId}/history`);
    return (history.body.entries as { type: string; data: { payload: unknown } }[])
      .filter((entry) => entry.type === 'DocumentationReviewed')
      .map((entry) => entry.data.payload);
  }
  const focused = () => page.evaluate(() => document.activeElement?.textContent);

  it('asks before starting a process, and starts nothing on Avbryt or Escape', async () => {
    const caseId = await openCase('SK 1975');
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    const opener = page.getByRole('button', { name: `Starta ${PROCESS}` });
    const question = page.getByRole('group', { name: `Vill du starta processen ”${PROCESS}” i ärendet?` });

    await opener.click();
    await expect.poll(() => question.count()).toBe(1);
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    // The question takes focus on its answer, so a keyboard user hears it and can answer at once.
    await expect.poll(focused).toBe('Starta');
    await accessibleAtBothWidths(page, 'fråga om att starta en process');
    await question.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => question.count()).toBe(0);
    await expect.poll(focused).toBe(`Starta ${PROCESS}`);

    await opener.click();
    await expect.poll(focused).toBe('Starta');
    await page.keyboard.press('Escape');
    await expect.poll(() => question.count()).toBe(0);
    await expect.poll(focused).toBe(`Starta ${PROCESS}`);
    expect(await processes(caseId)).toEqual([]);

    await opener.click();
    await question.getByRole('button', { name: 'Starta', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(`${PROCESS}: startad.`);
    await expect.poll(() => page.getByRole('region', { name: PROCESS, exact: true }).count()).toBe(1);
    expect(await processes(caseId)).toEqual(['rehab-handledning']);
  });

  it('keeps what was typed when a colleague records the step first, heard live, and saves nothing', async () => {
    const { caseId, instanceId } = await atGenomgang('SL 1976');
    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    const { panel, form, save } = await startTyping(caseId);
    await expect.poll(() => page.getByText('Uppdateras automatiskt').count()).toBe(1);

    await colleagueTakesStep(caseId, instanceId);
    // The case moves on on screen, and the form stays with the text in it.
    await expect.poll(() => panel.textContent()).toContain('Nu: Handledning');
    await expect.poll(() => form.getByRole('alert').filter({ hasText: TAKEN }).count()).toBe(1);
    expect(await form.getByLabel('Vad genomgången visade').inputValue()).toBe(DRAFT);
    expect(await save.isDisabled()).toBe(true);
    await accessibleAtBothWidths(page, 'steget som en kollega redan har registrerat');

    // Closing it lets it go: the step is no longer offered.
    await form.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => panel.locator('form').count()).toBe(0);
    expect(await panel.getByRole('button', { name: STEP }).count()).toBe(0);
    expect(await reviews(caseId)).toEqual([{ findings: 'Kollegans genomgång' }]);
  });

  it('keeps what was typed when saving is refused as stale, with no live updates to warn first', async () => {
    const { caseId, instanceId } = await atGenomgang('SM 1977');
    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    await page.route('**/api/live', (route) => route.abort());
    try {
      const { panel, form, save } = await startTyping(caseId);
      await expect.poll(() => page.getByText('Ej ansluten för uppdateringar').count()).toBe(1);

      await colleagueTakesStep(caseId, instanceId);
      await save.click();
      // The 409 reloads the case; the form stays, says why and keeps the text.
      await expect.poll(() => form.getByRole('alert').filter({ hasText: TAKEN }).count()).toBe(1);
      expect(await form.locator('.error-summary').textContent()).toContain('Steget kunde inte sparas.');
      expect(await form.getByLabel('Vad genomgången visade').inputValue()).toBe(DRAFT);
      expect(await save.isDisabled()).toBe(true);
      await expect.poll(() => panel.textContent()).toContain('Nu: Handledning');
      expect(await reviews(caseId)).toEqual([{ findings: 'Kollegans genomgång' }]);
    } finally {
      await page.unroute('**/api/live');
    }
  });
});
