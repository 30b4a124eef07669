import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, TestClock } from '../app-harness';
import { accessibleAtBothWidths, browserSession, signInAs, startWebApp, type RunningApp } from './browser';

const SOCIAL_WORKER = {
  id: 'jarva-1-ss',
  name: 'SS',
  memberships: [{ unit: 'jarva-1', roles: ['socialsekreterare' as const] }],
};
const NOTE = 'Samtal med klienten om målen för våren.\nHon vill börja med arbetsträning.';

/**
 * The case's notes and handlings in the browser (issue 18): the social
 * worker writes a dated note and records where a läkarintyg is kept in the
 * journal system; both are listed, newest day first, with who wrote them.
 */
describe('case notes in the web app', { timeout: 90_000 }, () => {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  let caseId: string;
  beforeAll(async () => {
    ({ running, page } = session);
    const opened = await asPrincipal(running.app, SOCIAL_WORKER)
      .post('/api/cases')
      .send({ reference: 'NT 1971-05', unit: 'jarva-1', socialWorkerId: 'jarva-1-ss' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = opened.body.caseId as string;
  });

  it('writes a note and a handling, lists them newest day first, keeps the note’s line breaks, and is axe-clean', async () => {
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    const section = page.getByRole('region', { name: 'Anteckningar och handlingar' });
    await expect.poll(() => section.textContent()).toContain('Inga anteckningar eller handlingar ännu.');

    await section.getByRole('button', { name: 'Skriv en anteckning' }).click();
    const noteForm = section.locator('form');
    await noteForm.getByLabel('Datum').fill('2026-02-27');
    await noteForm.getByLabel('Anteckning').fill(NOTE);
    await noteForm.getByRole('button', { name: 'Spara anteckningen' }).click();
    await expect.poll(() => section.locator('.case-notes > li').count()).toBe(1);

    await section.getByRole('button', { name: 'Hänvisa till en handling i dokumenthanteringen' }).click();
    const documentForm = section.locator('form');
    await documentForm.getByLabel('Typ av handling').selectOption({ label: 'Läkarintyg' });
    await documentForm.getByLabel('Handlingens datum').fill('2026-03-01');
    await documentForm.getByLabel('Id i dokumenthanteringen').fill('DOK-2026/0412');
    await documentForm.getByRole('button', { name: 'Spara hänvisningen' }).click();

    await expect.poll(() => section.locator('.case-notes > li').count()).toBe(2);
    const [newest, oldest] = await section.locator('.case-notes > li').allTextContents();
    expect(newest).toContain('Handling: Läkarintyg');
    expect(newest).toContain('DOK-2026/0412');
    expect(oldest).toContain('Anteckning');
    // By the name the staff directory knows, the demo user's as they last signed in.
    expect(oldest).toMatch(/· Socialsekreterare/);
    expect(await section.locator('.case-note-text').first().innerText()).toBe(NOTE);
    await accessibleAtBothWidths(page, 'ärendets anteckningar');
  });
});
