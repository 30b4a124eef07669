import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, TestClock } from '../app-harness';
import { pdfText } from '../support/pdf-text';
import {
  accessibleAtBothWidths,
  browserSession,
  downloadedText,
  signInAs,
  startWebApp,
  type RunningApp,
} from './browser';

const SOCIAL_WORKER = {
  id: 'jarva-1-ss',
  name: 'Socialsekreterare, Järva',
  memberships: [{ unit: 'jarva-1', roles: ['socialsekreterare' as const] }],
};
const REHAB = {
  id: 'jarva-1-rehab',
  name: 'Rehabansvarig, Järva',
  memberships: [{ unit: 'jarva-1', roles: ['rehabansvarig' as const] }],
};

/**
 * The history in the browser (issue 18): answers by their labels, people by
 * name and steps by title; filtered by person; printed without the menus
 * and forms; downloaded as CSV and PDF.
 */
describe('the case history in the web app', { timeout: 90_000 }, () => {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  let caseId: string;
  beforeAll(async () => {
    ({ running, page } = session);
    const ss = asPrincipal(running.app, SOCIAL_WORKER);
    const rehab = asPrincipal(running.app, REHAB);
    await rehab.get('/api/auth/me').expect(200);
    const opened = await ss
      .post('/api/cases')
      .send({ reference: 'HW 1968-02', unit: 'jarva-1', socialWorkerId: SOCIAL_WORKER.id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = opened.body.caseId as string;
    const rh = (
      await ss.post(`/api/cases/${caseId}/processes`).send({ definitionId: 'rehab-handledning' }).expect(201)
    ).body.instanceId as string;
    const step = (who: typeof ss, event: string, payload: object = {}) =>
      who.post(`/api/cases/${caseId}/processes/${rh}/events`).send({ event, payload }).expect(200);
    await step(ss, 'ImpulsRegistered', { grounds: ['fragor-om-ersattning-eller-avslag'] });
    await step(ss, 'RehabansvarigContacted');
    await step(rehab, 'DocumentationReviewed', { findings: 'Avslag på sjukpenning i särskilda fall' });
    await step(rehab, 'SupervisionHeld', { heldOn: '2026-03-01', progressionsplanNeeded: true });
  });

  const rows = () => page.locator('table.history tbody tr');

  it('shows answers by label, people by name and steps by title, filters by person, and is axe-clean', async () => {
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}/historik`);
    await expect.poll(() => rows().count()).toBeGreaterThan(5);
    const table = (await page.locator('table.history').innerText()).replace(/\s+/g, ' ');
    expect(table).toContain('Skäl till impulsen: Frågor om ersättning eller avslag');
    expect(table).toContain('Handledningen hölls: 2026-03-01');
    expect(table).toContain('Progressionsplan ska upprättas: Ja');
    expect(table).toContain('Rehabansvarig, Järva');
    expect(table).toContain('Handledning →');
    for (const code of ['heldOn', 'progressionsplanNeeded', '›', 'fragor-om-ersattning', 'jarva-1-rehab'])
      expect(table).not.toContain(code);

    const filters = page.getByRole('form', { name: 'Urval i historiken' });
    await filters.getByLabel('Person').selectOption({ label: 'Rehabansvarig, Järva' });
    await filters.getByRole('button', { name: 'Visa urvalet' }).click();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await page.locator('table.history caption').innerText()).toContain('Händelserna i urvalet');
    for (const row of await rows().allInnerTexts()) expect(row).toContain('Rehabansvarig, Järva');

    await filters.getByLabel('Från och med').fill('2026-03-05');
    await filters.getByLabel('Till och med').fill('2026-03-04');
    await filters.getByRole('button', { name: 'Visa urvalet' }).click();
    await expect.poll(() => filters.getByRole('alert').textContent()).toContain('kan inte vara före');
    await filters.getByRole('button', { name: 'Visa hela historiken' }).click();
    await expect.poll(() => rows().count()).toBeGreaterThan(5);

    await accessibleAtBothWidths(page, 'historiken');
  });

  it('downloads the history as CSV and PDF, each an export of what the filter shows', async () => {
    await page.goto(`${running.url}/arenden/${caseId}/historik`);
    await expect.poll(() => rows().count()).toBeGreaterThan(5);
    const csv = await downloadedText(page, 'Ladda ner som CSV');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Nr;När;Vem;Roll;Process;Vad;Steg före → efter;Uppgifter');
    expect(lines).toHaveLength((await rows().count()) + 1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner som PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^historik-\d{4}-\d{2}-\d{2}\.pdf$/);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>)
      chunks.push(chunk);
    const text = pdfText(Buffer.concat(chunks));
    expect(text).toContain('Historik för ärende HW 1968-02');
    expect(text).toContain('Skäl till impulsen: Frågor om ersättning eller avslag');
    await expect.poll(() => page.locator('.history-export [aria-live]').textContent()).toContain('är hämtat');
  });

  it('prints the history alone: no menu, filters or buttons, and every entry', async () => {
    await page.goto(`${running.url}/arenden/${caseId}/historik`);
    await expect.poll(() => rows().count()).toBeGreaterThan(5);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.getByRole('form', { name: 'Urval i historiken' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
      expect(await page.locator('table.history').isVisible()).toBe(true);
      const overflow = await page
        .locator('.table-wrap')
        .first()
        .evaluate((el) => getComputedStyle(el).overflowX);
      expect(overflow).toBe('visible');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
