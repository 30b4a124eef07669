import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type OidcTestProvider } from '../support/oidc-test-provider';
import {
  expectAccessible,
  freePort,
  screenshot,
  startWebApp,
  type RunningApp,
  browserSession,
} from './browser';

describe('sign-in through an identity provider (authorization code + PKCE)', { timeout: 60_000 }, () => {
  let idp: OidcTestProvider;
  const session = browserSession(async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider(
      { 'anna.rehab': { name: 'Anna R', units: ['jarva-1'], roles: ['rehabansvarig'] } },
      { clientId: 'arendemotorn-web', redirectUri: `${url}/inloggning/klar` },
    );
    return startWebApp(
      {
        OIDC_ISSUER: idp.issuer,
        OIDC_AUDIENCE: idp.audience,
        OIDC_CLIENT_ID: 'arendemotorn-web',
        OIDC_SCOPES: 'openid api',
      },
      undefined,
      port,
    );
  });
  let running: RunningApp;
  let page: Page;
  beforeAll(() => {
    ({ running, page } = session);
  });
  afterAll(() => idp?.close());

  it('offers no demo users, sends the user to the provider and comes back signed in with the mapped roles', async () => {
    await page.goto(`${running.url}/enhet`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe('Logga in i Ärendemotorn');
    expect(await page.getByRole('radio').count()).toBe(0);
    await expectAccessible(page, 'inloggning via identitetsleverantör');
    await screenshot(page, '12-logga-in-identitetsleverantor');

    const authorizeRequest = page.waitForRequest((request) => request.url().startsWith(`${idp.issuer}/auth`));
    await page.getByRole('button', { name: 'Logga in med organisationens konto' }).click();
    const authorize = new URL((await authorizeRequest).url());
    // The provider's own (development) login and consent pages.
    await page.waitForURL((url) => url.toString().startsWith(`${idp.issuer}/interaction`));
    await page.locator('input[name="login"]').fill('anna.rehab');
    await page.locator('input[name="password"]').fill('irrelevant');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();

    await page.waitForURL(
      (url) => url.toString().startsWith(running.url) && !url.pathname.startsWith('/inloggning'),
    );
    await expect.poll(() => page.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);
    expect(await page.getByText('Anna R · Rehabansvarig (jarva-1)').count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/enhet');
    // The code was bound to a verifier only this tab knew.
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  });
});
