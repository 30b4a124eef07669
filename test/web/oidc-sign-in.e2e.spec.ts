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
  tokenIn,
} from './browser';

describe('sign-in through an identity provider (authorization code + PKCE)', { timeout: 60_000 }, () => {
  let idp: OidcTestProvider;
  const session = browserSession(async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider(
      { 'anna.rehab': { name: 'Anna R', units: ['jarva-1'], roles: ['rehabansvarig'] } },
      {
        clientId: 'arendemotorn-web',
        redirectUri: `${url}/inloggning/klar`,
        postLogoutRedirectUri: `${url}/`,
        // Renewal is due a minute before expiry, so two seconds after sign-in.
        accessTokenTtlSeconds: 62,
      },
    );
    return startWebApp(
      {
        OIDC_ISSUER: idp.issuer,
        OIDC_AUDIENCE: idp.audience,
        OIDC_CLIENT_ID: 'arendemotorn-web',
        OIDC_SCOPES: 'openid offline_access api',
      },
      undefined,
      port,
    );
  });
  let running: RunningApp;
  let page: Page;
  /** When each renewal by refresh token was sent, from any tab. */
  const refreshedAt: number[] = [];
  beforeAll(() => {
    ({ running, page } = session);
    page.context().on('request', (request) => {
      if (request.url() === `${idp.issuer}/token` && request.postData()?.includes('grant_type=refresh_token'))
        refreshedAt.push(Date.now());
    });
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

  it('given a second tab or a pasted link, then it is signed in as the same person without asking the provider', async () => {
    const second = await page.context().newPage();
    const signInsAtProvider: string[] = [];
    second.on('request', (request) => {
      const url = new URL(request.url());
      if (request.url().startsWith(idp.issuer) && /^\/(auth|interaction)/.test(url.pathname))
        signInsAtProvider.push(request.url());
    });
    await second.goto(`${running.url}/arenden`);
    await expect.poll(() => second.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);
    expect(await second.getByText('Anna R · Rehabansvarig (jarva-1)').count()).toBe(1);
    expect(new URL(second.url()).pathname).toBe('/arenden');
    expect(signInsAtProvider).toEqual([]);
    // A renewal may land between two reads; the tabs agree once it has.
    await expect.poll(async () => (await tokenIn(second)) === (await tokenIn(page))).toBe(true);
  });

  it('given the access token about to run out, then one tab renews it with the refresh token and every tab uses the new one', async () => {
    const [first, second] = page.context().pages() as [Page, Page];
    await expect.poll(() => refreshedAt.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await tokenIn(second)) === (await tokenIn(first))).toBe(true);
    // Two tabs, each with its timer: without the lock both would renew at the same moment.
    await new Promise((resolve) => setTimeout(resolve, 700));
    const gaps = refreshedAt.slice(1).map((at, i) => at - (refreshedAt[i] as number));
    expect(gaps.filter((gap) => gap < 1000)).toEqual([]);
    // The API takes the renewed token.
    const me = await page.evaluate(
      async (token) => {
        const response = await fetch('/api/auth/me', { headers: { Authorization: `Bearer ${token}` } });
        return response.status;
      },
      await tokenIn(page),
    );
    expect(me).toBe(200);
  });

  it('given signing out in one tab, then the provider ends its session and the other tab is signed out too', async () => {
    const [first, second] = page.context().pages() as [Page, Page];
    await first.getByRole('button', { name: 'Logga ut' }).click();
    await first.waitForURL((url) => url.toString().startsWith(`${idp.issuer}/session/end`));
    // The provider's own confirmation page.
    await first.locator('button[autofocus], button[type="submit"]').first().click();
    await first.waitForURL((url) => url.toString().startsWith(running.url));
    await expect
      .poll(() => first.getByRole('heading', { level: 1 }).textContent())
      .toBe('Logga in i Ärendemotorn');
    await expect
      .poll(() => second.getByRole('heading', { level: 1 }).textContent())
      .toBe('Logga in i Ärendemotorn');
    expect(await second.getByText('Du loggades ut i en annan flik.').count()).toBe(1);
    expect(await tokenIn(second)).toBeUndefined();
    // Signing in again goes to the provider's login page: its session was ended, not just ours.
    await first.getByRole('button', { name: 'Logga in med organisationens konto' }).click();
    await first.waitForURL((url) => url.toString().startsWith(`${idp.issuer}/interaction`));
    expect(await first.locator('input[name="login"]').count()).toBe(1);
  });
});
