import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSession, expectAccessible, signInAs, startWebApp, type RunningApp } from './browser';
import { tabTo } from './keyboard';

/** A person's own settings: whether e-mail tells them something waits (ADR 0029), by keyboard, kept across a reload. */
describe('settings in the web app', { timeout: 60_000 }, () => {
  const session = browserSession(() => startWebApp({}));
  let running: RunningApp;
  let page: Page;
  beforeAll(() => {
    ({ running, page } = session);
  });

  it('turns e-mail off by keyboard, says so, and shows it off after a reload', async () => {
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    // Inställningar is in the menu under one's name.
    await tabTo(page, page.getByRole('button', { name: 'Socialsekreterare, Järva' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('link', { name: 'Inställningar' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inställningar');
    // The demo users' sign-in gives no address; the page says what that means.
    expect(await page.getByRole('main').textContent()).toContain('Din inloggning har ingen e-postadress');
    const wants = page.getByLabel('Skicka e-post till mig när något väntar på mig');
    expect(await wants.isChecked()).toBe(true);
    await tabTo(page, wants);
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Spara' }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').last().textContent())
      .toBe('Sparat: du får ingen e-post.');
    await expectAccessible(page, 'inställningar');
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByLabel('Skicka e-post till mig när något väntar på mig').waitFor();
        return page.getByLabel('Skicka e-post till mig när något väntar på mig').isChecked();
      })
      .toBe(false);
  });
});
