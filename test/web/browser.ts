// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { createServer, type AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { INestApplication } from '@nestjs/common';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Principal } from '@app/access';
import type { Clock } from '@app/common';
import { DevTokens } from '../../apps/api/src/identity/dev-tokens';
import { startApp, tempDataDir } from '../app-harness';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots');
export const WEB_ROOT = resolve(__dirname, '../../dist/web');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface RunningApp {
  readonly app: INestApplication;
  readonly url: string;
  close(): Promise<void>;
}

/** The real app (as main.ts builds it) on a temp data dir and a free port, serving the built web app. */
export async function startWebApp(env: NodeJS.ProcessEnv = {}, clock?: Clock, port = 0): Promise<RunningApp> {
  const data = tempDataDir();
  const app = await startApp(data.dir, { WEB_ROOT, ...env }, clock);
  await app.listen(port, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      data.remove();
    },
  };
}

/** Signs in through the development sign-in as the demo user with this label, e.g. "Rehabansvarig, Järva". */
/** The bearer token the web app holds in this tab (its tab-shared session), or undefined when signed out. */
export function tokenIn(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      JSON.parse(sessionStorage.getItem('arendemotorn.session') ?? 'null')?.accessToken as string | undefined,
  );
}

export async function signInAs(page: Page, url: string, user: string): Promise<void> {
  await page.goto(`${url}/logga-in`);
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.getByRole('radio', { name: new RegExp(`^${user} `) }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);
}

/**
 * Signs in as any principal (a receiving unit's staff are no demo user) by
 * the token the app's development sign-in would issue, kept where the web
 * app keeps it, then opens `path` as a fresh page, as a link in an e-mail
 * does.
 */
export async function signInAsPrincipal(
  page: Page,
  running: RunningApp,
  principal: Principal,
  path: string,
): Promise<void> {
  const token = running.app.get(DevTokens).issue(principal);
  await page.goto(`${running.url}/logga-in`);
  await page.evaluate((accessToken) => {
    sessionStorage.clear();
    sessionStorage.setItem('arendemotorn.session', JSON.stringify({ accessToken }));
  }, token);
  await page.goto(`${running.url}${path}`);
  await expect.poll(() => page.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);
}

/** axe-core finds no WCAG 2.1 A or AA violation on the page as it is now. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = result.violations.map(
    (v) => `${view}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations).toEqual([]);
}

/** Screenshots of every view go to test-results/screenshots (gitignored); docs/screenshots holds a chosen few. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A port free now, for an app whose address another party (an identity provider) must know in advance. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What the browser showed when a test failed, named after the test. */
export async function screenshotIfFailed(
  page: Page | undefined,
  task: { readonly name: string; readonly result?: { readonly state?: string } },
): Promise<void> {
  if (page && task.result?.state === 'fail')
    await screenshot(page, `failed-${task.name.replace(/[^\p{L}\d]+/gu, '-').slice(0, 60)}`);
}

export interface BrowserSession {
  readonly running: RunningApp;
  readonly page: Page;
}

/**
 * For a describe block: the app (as `start` makes it) and one browser page,
 * opened before its tests and closed after them, with a screenshot of any
 * test that fails.
 */
export function browserSession(start: () => Promise<RunningApp>): BrowserSession {
  const session = {} as { running: RunningApp; page: Page; browser: Browser };
  beforeAll(async () => {
    session.running = await start();
    session.browser = await launchBrowser();
    session.page = await (
      await session.browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    session.page.setDefaultTimeout(5000);
  });
  afterEach((context) => screenshotIfFailed(session.page, context.task));
  afterAll(async () => {
    await session.browser?.close();
    await session.running?.close();
  });
  return session;
}

/** Clicks the button that saves a file and answers the file's text, as the browser received it. */
export function downloadedText(page: Page, button: string): Promise<string> {
  return textDownloadedBy(page, () => page.getByRole('button', { name: button }).click());
}

/** The text of the file that `trigger` (a click, a key) makes the browser save. */
export async function textDownloadedBy(page: Page, trigger: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** axe at desktop and at phone width, the page left at desktop width. */
export async function accessibleAtBothWidths(page: Page, view: string): Promise<void> {
  await expectAccessible(page, view);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, `${view} i mobilen`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A step's button that opens its form (it says whether it is open), not the form's own submit button of the same name. */
export const stepToggle = (panel: Locator, label: string): Locator =>
  panel.getByRole('button', { name: label, exact: true }).and(panel.locator('[aria-expanded]'));

/** Opens a step's form in its process panel, unless it opened by itself (the only step the role has there). */
export async function openStep(panel: Locator, label: string): Promise<void> {
  const toggle = stepToggle(panel, label);
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}
