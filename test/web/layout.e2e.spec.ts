// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asPrincipal, TestClock } from '../app-harness';
import { PLAN } from '../flows';
import {
  accessibleAtBothWidths,
  browserSession,
  screenshot,
  signInAs,
  startWebApp,
  type RunningApp,
  openStep,
} from './browser';
import { tabTo } from './keyboard';

const UNIT = 'jarva-1';
const person = (id: string, role: 'socialsekreterare' | 'rehabansvarig') => ({
  id,
  name: id,
  memberships: [{ unit: UNIT, roles: [role] }],
});

/** Each label's height in screen pixels: its font size times the drawing's scale (lane names are turned). */
const labelSizes = (diagram: Locator) =>
  diagram.evaluate((box) =>
    Array.from(box.querySelectorAll('text'))
      .filter((text) => text.textContent?.trim())
      .map((text) => {
        const m = text.getScreenCTM() as DOMMatrix;
        return Math.hypot(m.a, m.b) * parseFloat(getComputedStyle(text).fontSize);
      }),
  );

/** The drawing's scale and where its origin sits, from the transform bpmn-js gives it. */
const view = (diagram: Locator) =>
  diagram.locator('.viewport').evaluate((g) => {
    const m = (g as SVGGraphicsElement).getCTM() as DOMMatrix;
    return { scale: Math.hypot(m.a, m.b), x: m.e, y: m.f };
  });

async function rect(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, `${locator.toString()} is not shown`).not.toBeNull();
  const { x, y, width, height } = box as NonNullable<typeof box>;
  return { left: x, top: y, right: x + width, bottom: y + height, width, height };
}

/** The middle of the diagram, scrolled into the window first, for the mouse to act on. */
async function middleOf(diagram: Locator) {
  await diagram.scrollIntoViewIfNeeded();
  const box = await rect(diagram);
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

async function expectCurrentStepInView(diagram: Locator) {
  const box = await rect(diagram);
  const steps = diagram.locator('.current-step');
  expect(await steps.count()).toBeGreaterThan(0);
  for (const step of await steps.all()) {
    const shown = await rect(step);
    expect(shown.left).toBeGreaterThanOrEqual(box.left);
    expect(shown.right).toBeLessThanOrEqual(box.right);
    expect(shown.top).toBeGreaterThanOrEqual(box.top);
    expect(shown.bottom).toBeLessThanOrEqual(box.bottom);
  }
}

/**
 * The caseworker's day (issue 18): a process diagram that reads at its
 * size, a supervisor's header on one row and the plan form at full width
 * on a 1280 px laptop, and tables a phone can scroll, by keyboard too.
 */
describe('layout of the case view, header and tables', { timeout: 120_000 }, () => {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  let caseId: string;
  beforeAll(async () => {
    ({ running, page } = session);
    const worker = asPrincipal(running.app, person('jarva-1-ss', 'socialsekreterare'));
    const rehab = asPrincipal(running.app, person('jarva-1-rehab', 'rehabansvarig'));
    const opened = await worker
      .post('/api/cases')
      .send({ reference: 'LY 1979', unit: UNIT, socialWorkerId: 'jarva-1-ss' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = opened.body.caseId as string;
    const started = await worker
      .post(`/api/cases/${caseId}/processes`)
      .send({ definitionId: 'rehab-handledning' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    // A category-1 plan: the social worker carries it out and the biträdande enhetschef follows it up.
    const steps: [typeof worker, string, object][] = [
      [worker, 'ImpulsRegistered', { grounds: ['sjukskriven-utan-samordnade-insatser'] }],
      [worker, 'RehabansvarigContacted', {}],
      [rehab, 'DocumentationReviewed', { findings: 'Sjukskriven, inga parallella insatser' }],
      [rehab, 'SupervisionHeld', { heldOn: '2026-02-15', progressionsplanNeeded: true }],
      [rehab, 'CategoryDecided', { category: 1, motivation: 'Planen är klar' }],
      [rehab, 'ProgressionsplanShared', PLAN],
    ];
    for (const [who, event, payload] of steps) {
      const sent = await who
        .post(`/api/cases/${caseId}/processes/${started.body.instanceId}/events`)
        .send({ event, payload });
      expect(sent.status, `${event}: ${JSON.stringify(sent.body)}`).toBe(200);
    }
  });
  beforeEach(() => signInAs(page, running.url, 'Biträdande enhetschef, Järva'));

  const panel = () => page.getByRole('region', { name: 'Rehabansvarig handleder', exact: true });
  const diagram = () => panel().locator('.bpmn');
  async function openCase() {
    await page.goto(`${running.url}/arenden/${caseId}`);
    // The zoom buttons wait for the drawing, bpmn-js loaded on first use.
    await expect
      .poll(() => panel().getByRole('button', { name: 'Anpassa' }).isEnabled(), { timeout: 10_000 })
      .toBe(true);
  }

  it('draws the process with labels of at least 11 px, the current step in view, filling its box', async () => {
    await openCase();
    const sizes = await labelSizes(diagram());
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    await expectCurrentStepInView(diagram());
    // No empty band: the box is as tall as the drawing shown in it, give or take its margin.
    const box = await rect(diagram());
    const drawing = await rect(diagram().locator('.viewport'));
    const shown = Math.min(box.bottom, drawing.bottom) - Math.max(box.top, drawing.top);
    expect(shown).toBeGreaterThanOrEqual(box.height - 34);
    await screenshot(page, 'layout-processkarta');
  });

  it('zooms by keyboard with Zooma in and Zooma ut, and Anpassa brings the current step back', async () => {
    await openCase();
    const start = (await view(diagram())).scale;
    await tabTo(page, panel().getByRole('button', { name: 'Zooma in' }));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await view(diagram())).scale).toBeGreaterThan(start);
    expect(Math.min(...(await labelSizes(diagram())))).toBeGreaterThan(11);

    await tabTo(page, panel().getByRole('button', { name: 'Zooma ut' }));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await view(diagram())).scale).toBeLessThan(start);

    // Dragging moves the drawing; Anpassa puts back the start view.
    const middle = await middleOf(diagram());
    const before = await view(diagram());
    await page.mouse.move(middle.x, middle.y);
    await page.mouse.down();
    await page.mouse.move(middle.x - 200, middle.y, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await view(diagram())).x).toBeLessThan(before.x - 150);

    await tabTo(page, panel().getByRole('button', { name: 'Anpassa' }));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await view(diagram())).scale).toBeCloseTo(start, 3);
    await expectCurrentStepInView(diagram());
  });

  it('zooms with Ctrl and the wheel, and leaves a plain wheel to scroll the page', async () => {
    await openCase();
    const start = await view(diagram());
    const middle = await middleOf(diagram());
    await page.mouse.move(middle.x, middle.y);
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled);
    expect(await view(diagram())).toEqual(start);

    const moved = await middleOf(diagram());
    await page.mouse.move(moved.x, moved.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await view(diagram())).scale).toBeGreaterThan(start.scale);
  });

  it('keeps the biträdande enhetschef’s header on one row at 1280 px, the rest under Mer and the name', async () => {
    await openCase();
    const header = page.locator('.app-header');
    const parts = [
      header.locator('.brand'),
      ...(await header.getByRole('navigation', { name: 'Huvudmeny' }).locator(':scope > ul > li').all()),
      header.getByRole('button', { name: 'Biträdande enhetschef, Järva' }),
      header.getByRole('button', { name: 'Logga ut' }),
    ];
    const rects = await Promise.all(parts.map(rect));
    const tops = rects.map((r) => r.top);
    const bottoms = rects.map((r) => r.bottom);
    // One row: every part overlaps every other vertically, and the header is no taller than its tallest part and padding.
    expect(Math.max(...tops)).toBeLessThan(Math.min(...bottoms));
    const navTops = rects.slice(1, -2).map((r) => Math.round(r.top));
    expect(new Set(navTops).size).toBe(1);
    expect((await rect(header)).height).toBeLessThan(Math.max(...rects.map((r) => r.height)) + 24);

    // Mer opens by keyboard, holds the pages used less often, and Escape closes it with focus back on it.
    const more = header.getByRole('button', { name: 'Mer' });
    await tabTo(page, more);
    await page.keyboard.press('Enter');
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    for (const name of [
      'Insatser och uppföljningar',
      'Insatskatalog',
      'Statistik om insatser',
      'Åtkomstlogg',
    ])
      expect(await header.getByRole('link', { name }).isVisible(), name).toBe(true);
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await more.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await header.getByRole('link', { name: 'Insatskatalog' }).isVisible()).toBe(false);

    // The name opens who one is and the live status, which stays in the page while closed.
    const me = header.getByRole('button', { name: 'Biträdande enhetschef, Järva' });
    const live = header.getByText('Uppdateras automatiskt');
    await expect.poll(() => live.count()).toBe(1);
    expect(await live.isVisible()).toBe(false);
    await me.click();
    expect(await live.isVisible()).toBe(true);
    expect(await header.getByText(/· Biträdande enhetschef \(/).isVisible()).toBe(true);
    await accessibleAtBothWidths(page, 'sidhuvudet med menyn öppen');
    await header.getByRole('link', { name: 'Inställningar' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inställningar');
    expect(await live.isVisible()).toBe(false);
  });

  it('gives an open plan follow-up form the panel’s whole width, the diagram below it and still on the step', async () => {
    await openCase();
    await openStep(panel(), 'Registrera uppföljning');
    const form = panel().locator('form');
    await form.getByLabel('Uppföljningen hölls').waitFor();
    const main = await page
      .locator('main')
      .evaluate((m) => m.clientWidth - parseFloat(getComputedStyle(m).paddingLeft) * 2);
    const shown = await rect(form);
    expect(shown.width).toBeGreaterThanOrEqual(main * 0.6);
    expect((await rect(diagram())).top).toBeGreaterThan(shown.bottom);
    await expect.poll(async () => (await rect(diagram())).width).toBeGreaterThan(shown.width * 0.9);
    await expectCurrentStepInView(diagram());
    await screenshot(page, 'layout-uppfoljningsformular');
    await form.getByRole('button', { name: 'Avbryt' }).click();
  });

  for (const [where, path, region] of [
    ['ärendelistan', () => '/arenden', 'Ärenden du får se, senast ändrade först'],
    ['teamets kö', () => '/enhet', 'Teamets alla öppna uppgifter, försenade först'],
    ['historiken', () => `/arenden/${caseId}/historik`, 'Händelser i ärendet'],
  ] as const)
    it(`lets a phone reach every column of ${where}, by Tab and the arrow keys, and is axe-clean`, async () => {
      await page.goto(`${running.url}${path()}`);
      const table = page.getByRole('region', { name: region, exact: true });
      await table.locator('tbody tr').first().waitFor();
      await accessibleAtBothWidths(page, where);

      await page.setViewportSize({ width: 390, height: 844 });
      try {
        const { scroll, client } = await table.evaluate((box) => ({
          scroll: box.scrollWidth,
          client: box.clientWidth,
        }));
        expect(scroll, 'the table is wider than a phone').toBeGreaterThan(client);
        // Only the table scrolls sideways, not the page round it.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await tabTo(page, table);
        const last = table.locator('thead th').last();
        for (let press = 0; press < 60 && (await rect(last)).right > (await rect(table)).right + 1; press++)
          await page.keyboard.press('ArrowRight');
        expect(await table.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
        expect((await rect(last)).right).toBeLessThanOrEqual((await rect(table)).right + 1);
        await screenshot(page, `layout-${where.replace(/\s/g, '-')}-i-mobilen`);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });
});
