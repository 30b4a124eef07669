// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../app-harness';
import { screenshot, startWebApp, type RunningApp, browserSession, stepToggle } from './browser';
import { tabTo } from './keyboard';

describe('keyboard only: the main flow without a mouse', { timeout: 60_000 }, () => {
  const session = browserSession(() => startWebApp({}, new TestClock('2026-11-23T08:00:00.000Z')));
  let running: RunningApp;
  let page: Page;
  beforeAll(() => {
    ({ running, page } = session);
  });

  it('signs in, opens a case, starts a process and takes its first step', async () => {
    await page.goto(running.url);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe('Logga in i Ärendemotorn');

    await tabTo(page, page.getByRole('radio', { name: /^Socialsekreterare, Järva / }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Logga in' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).toBe('Mina uppgifter');

    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // On a fresh page the skip link is the first stop, so the navigation can be passed at once.
    await page.reload();
    await expect.poll(() => heading.textContent()).toBe('Mina uppgifter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');

    await tabTo(page, page.getByRole('link', { name: 'Nytt ärende' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).toBe('Nytt ärende');
    // A new view puts focus on its heading, so Tab continues from the top of the content.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await tabTo(page, page.getByLabel('Pseudonym'));
    await page.keyboard.type('TJ 1988');
    await tabTo(page, page.getByRole('button', { name: 'Öppna ärendet' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).toBe('Ärende TJ 1988');

    await tabTo(page, page.getByRole('button', { name: 'Starta Rehabansvarig handleder' }));
    await page.keyboard.press('Enter');
    // The question takes focus on its Starta button, so Enter again starts the process.
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Rehabansvarig handleder', exact: true });
    await expect.poll(() => panel.count()).toBe(1);

    // The only step the social worker has here opens by itself: straight to its first field.
    await expect
      .poll(() => stepToggle(panel, 'Registrera impuls').getAttribute('aria-expanded'))
      .toBe('true');
    await tabTo(page, panel.getByLabel('Sjukskriven utan samordnade insatser'));
    await page.keyboard.press('Space');
    await tabTo(page, panel.locator('form').getByRole('button', { name: 'Registrera impuls' }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Sparat: Registrera impuls.');
    // Focus lands on the confirmation, not lost with the form that closed.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Sparat: Registrera impuls.');
    await expect.poll(() => panel.textContent()).toContain('Nu: Kontakt med Rehabansvarig');
    await screenshot(page, '11-tangentbord');
  });
});
