// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Principal } from '@app/access';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, eventually, TestClock } from '../app-harness';
import {
  accessibleAtBothWidths,
  browserSession,
  screenshot,
  signInAs,
  signInAsPrincipal,
  startWebApp,
  type RunningApp,
} from './browser';
import { tabTo, typeInto } from './keyboard';

const UNIT = 'jarva-1';
const worker = (id: string, name: string): Principal => ({
  id,
  name,
  memberships: [{ unit: UNIT, roles: ['socialsekreterare'] }],
});
/** Pseudonyms only: fictional staff, and references of initials and birth year. */
const ANNA = worker('jarva-1-anna', 'Anna Exempel');
const BERTIL = worker('jarva-1-bertil', 'Bertil Provsson');
/** Her cases are there to fill the list past one page. */
const CECILIA = worker('jarva-1-cecilia', 'Cecilia Testsson');
const FILLERS = 50;
const ALL = 4 + FILLERS;

/** The roles whose sign-in may not listen on /api/live: the insatser, a receiving unit and the operator. */
const NO_CASE_READERS: Principal[] = [
  {
    id: 'jarva-1-insats',
    name: 'Insatsansvarig, Järva',
    memberships: [{ unit: UNIT, roles: ['insatsansvarig'] }],
  },
  {
    id: 'alc-mottagning',
    name: 'Mottagning, ALC',
    memberships: [{ unit: 'alc-ostersund', roles: ['mottagning'] }],
  },
  { id: 'jarva-1-drift', name: 'Drift (IT), Järva', memberships: [{ unit: UNIT, roles: ['operator'] }] },
];

const field = (page: Page) => page.getByRole('searchbox', { name: 'Sök ärende' });
const hits = (page: Page) => page.getByRole('status').textContent();
const table = (page: Page) => page.getByRole('table', { name: /^Ärenden du får se/ });
const soon = { timeout: 5000 };

/** Each row as its first five cells read: reference, journal reference, social worker, opened, step now. */
function rows(page: Page): Promise<string[][]> {
  return table(page)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.children)
          .slice(0, 5)
          .map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );
}

/**
 * Finding the right case in Ärenden (issue 18): a search as the user types,
 * kept in the address; the list tells two cases with the same reference
 * apart by journal reference, social worker, opening day and step, says how
 * many it found and pages rather than stopping silently at the first page.
 */
describe('case search in the web app', { timeout: 120_000 }, () => {
  const clock = new TestClock('2026-02-23T09:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;

  async function open(who: Principal, reference: string, journalRef?: string): Promise<string> {
    const opened = await asPrincipal(running.app, who)
      .post('/api/cases')
      .send({ reference, unit: UNIT, socialWorkerId: who.id, ...(journalRef ? { journalRef } : {}) });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return opened.body.caseId as string;
  }

  beforeAll(async () => {
    ({ running, page } = session);
    // The staff directory learns a name at its owner's first sign-in.
    for (const who of [ANNA, BERTIL, CECILIA])
      await asPrincipal(running.app, who).get('/api/auth/me').expect(200);
    const first = await open(ANNA, 'AB 1963-04', 'J-2026/0012');
    const started = await asPrincipal(running.app, ANNA)
      .post(`/api/cases/${first}/processes`)
      .send({ definitionId: 'rehab-handledning' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    clock.advance('P7D');
    await open(ANNA, 'AB 1963-04', 'J-2026/0044');
    await open(ANNA, 'AB 1963');
    await open(BERTIL, 'EF 1982');
    for (let year = 1950; year < 1950 + FILLERS; year++) await open(CECILIA, `CT ${year}`);
    const chef = asPrincipal(running.app, {
      id: 'jarva-1-bec',
      name: 'Biträdande enhetschef, Järva',
      memberships: [{ unit: UNIT, roles: ['bitradande_enhetschef'] }],
    });
    await eventually(async () => expect((await chef.get('/api/cases').expect(200)).body.total).toBe(ALL));
  });

  it('given two cases called AB 1963-04, then typing "ab 19630" finds exactly the two, told apart by journal reference, opening day and step', async () => {
    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.goto(`${running.url}/arenden`);
    await expect.poll(() => hits(page), soon).toBe(`${ALL} ärenden`);
    await expect.poll(() => page.getByText('Uppdateras automatiskt').count(), soon).toBe(1);

    // No Enter: the search runs once the typing pauses.
    await typeInto(page, field(page), 'ab 19630');
    await expect.poll(() => hits(page), soon).toBe('2 ärenden');
    expect((await rows(page)).sort()).toEqual([
      ['AB 1963-04', 'J-2026/0012', 'Anna Exempel', '2026-02-23', 'Rehabansvarig handleder: Impuls'],
      ['AB 1963-04', 'J-2026/0044', 'Anna Exempel', '2026-03-02', '–'],
    ]);
    expect(new URL(page.url()).searchParams.get('sok')).toBe('ab 19630');
    expect(await page.getByRole('navigation', { name: 'Sidor i ärendelistan' }).count()).toBe(0);

    // The table and its links are reached by Tab, the scrolling wrapper included.
    await tabTo(page, page.getByRole('region', { name: /^Ärenden du får se som matchar ”ab 19630”/ }));
    await tabTo(page, page.getByRole('link', { name: 'AB 1963-04' }).first());
    await accessibleAtBothWidths(page, 'ärenden som matchar en sökning');
    await screenshot(page, '23-arenden-sokning');

    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ärende AB 1963-04');
    await page.goBack();
    await expect.poll(() => hits(page), soon).toBe('2 ärenden');
    expect(await field(page).inputValue()).toBe('ab 19630');
    await page.reload();
    await expect.poll(() => hits(page), soon).toBe('2 ärenden');
    expect(await field(page).inputValue()).toBe('ab 19630');
    expect(await rows(page)).toHaveLength(2);
  });

  it('given the other social worker’s first name, then their case alone, one hit said in the singular', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Rensa' }));
    await page.keyboard.press('Enter');
    expect(await field(page).evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await field(page).inputValue()).toBe('');
    await expect.poll(() => hits(page), soon).toBe(`${ALL} ärenden`);
    expect(new URL(page.url()).search).toBe('');

    await page.keyboard.type('Bertil');
    await page.keyboard.press('Enter');
    await expect.poll(() => hits(page), soon).toBe('1 ärende');
    expect(await rows(page)).toEqual([['EF 1982', '–', 'Bertil Provsson', '2026-03-02', '–']]);
  });

  it('given a search nothing matches, then it says so in words, and a reload keeps the search', async () => {
    await field(page).fill('XY 2001');
    await field(page).press('Enter');
    await expect.poll(() => hits(page), soon).toBe('Inga ärenden matchar ”XY 2001”.');
    expect(await table(page).count()).toBe(0);
    await page.reload();
    await expect.poll(() => hits(page), soon).toBe('Inga ärenden matchar ”XY 2001”.');
    expect(await field(page).inputValue()).toBe('XY 2001');
    await accessibleAtBothWidths(page, 'en sökning utan träffar');
  });

  it('given more cases than a page holds, then it says which it shows of how many, and pages on without losing the rest', async () => {
    await page.goto(`${running.url}/arenden`);
    await expect.poll(() => hits(page), soon).toBe(`${ALL} ärenden`);
    const pager = page.getByRole('navigation', { name: 'Sidor i ärendelistan' });
    expect(await pager.locator('p').textContent()).toBe(`Visar 1–50 av ${ALL}`);
    expect(await rows(page)).toHaveLength(50);
    expect(await pager.getByRole('button', { name: 'Föregående' }).isDisabled()).toBe(true);
    await accessibleAtBothWidths(page, 'ärenden, första sidan');

    await pager.getByRole('button', { name: 'Nästa' }).click();
    await expect.poll(() => pager.locator('p').textContent(), soon).toBe(`Visar 51–${ALL} av ${ALL}`);
    expect(await rows(page)).toHaveLength(ALL - 50);
    expect(new URL(page.url()).searchParams.get('sida')).toBe('2');
    expect(await pager.getByRole('button', { name: 'Nästa' }).isDisabled()).toBe(true);
    // The reader starts again at the top of the new page, which names its part of the whole.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Ärenden du får se, senast ändrade först, 51–${ALL} av ${ALL}`);

    await page.goBack();
    await expect.poll(() => pager.locator('p').textContent(), soon).toBe(`Visar 1–50 av ${ALL}`);

    // Exactly a page: every one shown, so nothing to page to.
    await field(page).fill('Cecilia');
    await field(page).press('Enter');
    await expect.poll(() => hits(page), soon).toBe(`${FILLERS} ärenden`);
    expect(await rows(page)).toHaveLength(FILLERS);
    expect(await pager.count()).toBe(0);
  });

  it('given a role that may not listen for live updates, then no stream is opened and the header says nothing of it', async () => {
    // Signed out first, so the page that opens on the way in holds no sign-in of a case reader.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Logga in' }).count()).toBe(1);
    const streams: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/live') streams.push(request.url());
    });
    for (const principal of NO_CASE_READERS) {
      await signInAsPrincipal(page, running, principal, '/');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(await page.getByText('Ej ansluten för uppdateringar').count(), principal.id).toBe(0);
      expect(await page.getByText('Uppdateras automatiskt').count(), principal.id).toBe(0);
      expect(streams, principal.id).toEqual([]);
    }
  });
});
