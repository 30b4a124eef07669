import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE_ANSWERS } from '@app/referral/testing/answers';
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
import { SOCIAL_WORKER as DEMO_SOCIAL_WORKER, UNIT } from './insatser-users';
import { chooseByKeyboard, tabTo, typeDate, typeInto } from './keyboard';
import { fillAnswers, type FormSchema } from './referral-form';

const ALC = 'alc-ostersund';
/** The demo social worker under the demo user's own name: both sign-ins then tell the staff directory the same. */
const SOCIAL_WORKER = { ...DEMO_SOCIAL_WORKER, name: 'Socialsekreterare, Järva' };
const PANEL = {
  id: 'alc-bg',
  name: 'Beredningsgrupp, Arbetslivscenter',
  memberships: [{ unit: ALC, roles: ['beredningsgrupp' as const] }],
};
const REFERENCE = 'AK 6301';
/** The one identifying value in these tests, and only to be refused. */
const PERSONNUMMER = '630412-1234';
const NAMING = 'Brodern Ahmed hjälper henne.';
const MOTIVATION = 'Behovet av arbetsträning i lugn miljö stämmer med vår målgrupp.';

/**
 * Aktualisering in the browser (referral.md): the social worker writes the
 * referral in the case on the receiving unit's own form, is refused for a
 * personnummer at the very field, fixes it, confirms a warning and sends;
 * the receiving unit's Beredningsgrupp finds it in its own list, reads the
 * summary under the unit's labels and records its decision by keyboard.
 */
describe('aktualisering in the web app', { timeout: 120_000 }, () => {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const session = browserSession(() =>
    startWebApp(
      { REFERRAL_RECEIVING_UNITS: JSON.stringify({ [ALC]: { name: 'Arbetslivscenter', formVersion: 1 } }) },
      clock,
    ),
  );
  let running: RunningApp;
  let page: Page;
  let caseId: string;
  let unitForm: FormSchema;
  let referralNumber: string;
  beforeAll(async () => {
    ({ running, page } = session);
    const api = asPrincipal(running.app, SOCIAL_WORKER);
    const opened = await api
      .post('/api/cases')
      .send({ reference: REFERENCE, unit: UNIT, socialWorkerId: SOCIAL_WORKER.id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = opened.body.caseId as string;
    unitForm = (await api.get('/api/referral-units').expect(200)).body.items[0].schema as FormSchema;
    await asPrincipal(running.app, PANEL).get('/api/auth/me').expect(200);
  });

  it('the social worker saves a draft, writes it on Arbetslivscenter’s form, is refused a personnummer at that field, fixes it, confirms a warning and sends', async () => {
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    await page.getByRole('button', { name: 'Starta Aktualisering' }).click();
    await page.getByRole('button', { name: 'Starta', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Aktualisering', exact: true });

    // A draft is not checked (referral.md, Upprätta): the unit's form, nothing in it required.
    await panel.getByRole('button', { name: 'Spara utkast' }).click();
    const draft = panel.locator('form');
    await draft.getByLabel('Mottagande enhet').selectOption({ label: 'Arbetslivscenter' });
    const sex = draft.getByRole('group', { name: /^Kön/ });
    expect(await sex.locator('legend').textContent()).toBe('Kön (frivilligt)');
    await sex.getByLabel('Kvinna', { exact: true }).check();
    await draft.getByRole('button', { name: 'Spara utkast' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Sparat: Spara utkast.');

    await panel.getByRole('button', { name: 'Skicka aktualiseringen' }).click();
    const form = panel.locator('form');

    // It starts from the draft: its unit chosen, its answers in place. The version is the unit's, never typed.
    expect(await form.getByLabel('Formulärets version').count()).toBe(0);
    const unit = form.getByLabel('Mottagande enhet');
    expect(await unit.evaluate((element) => element.tagName)).toBe('SELECT');
    await expect.poll(() => unit.inputValue()).toBe(ALC);
    await expect
      .poll(() => form.getByRole('group', { name: /^Kön/ }).getByLabel('Kvinna', { exact: true }).isChecked())
      .toBe(true);
    expect(
      await form.getByLabel('Varför tror Du att Arbetslivscenter kan vara behjälplig för personen?').count(),
    ).toBe(1);
    expect(await form.getByRole('group', { name: 'Medicinskt', exact: true }).count()).toBe(1);

    const { illnessHistory, socialNetwork: _named, ...rest } = COMPLETE_ANSWERS;
    // The criminal background starts from what was written under Socialt (referral.md): the sender adds to it.
    const record = form.getByRole('group', { name: /^Tidigare kriminell belastning/ }).getByLabel('Beskriv');
    await record.fill('Villkorlig dom 2015.');
    await expect
      .poll(() => form.getByLabel(/^Redogör för ev\. tidigare kriminell bakgrund/).inputValue())
      .toBe('Villkorlig dom 2015.');
    await fillAnswers(form, unitForm, rest);
    await form.getByLabel('Socialt nätverk; familj, vänner, stödpersoner').fill(NAMING);
    const history = form.getByLabel('Sjukdomshistorik i korthet');
    await history.fill(`Journal för ${PERSONNUMMER} visar långvarig utmattning.`);
    await accessibleAtBothWidths(page, 'aktualiseringens formulär');
    await form.getByRole('button', { name: 'Skicka aktualiseringen' }).click();

    const summary = form.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    const link = summary.getByRole('link', { name: /^Sammanfattningen, Sjukdomshistorik i korthet: / });
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe(`#${await history.getAttribute('id')}`);
    expect(await history.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await history.getAttribute('aria-describedby'))
      ?.split(' ')
      .find((id) => id.endsWith('-error'));
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain(
      'Sammanfattningen får inte innehålla ett personnummer',
    );
    expect(await form.locator('.field-error').count()).toBe(1);
    await accessibleAtBothWidths(page, 'aktualisering nekad för personnummer');
    await screenshot(page, '20-aktualisering-nekad');

    await history.fill(illnessHistory);
    await form.getByRole('button', { name: 'Skicka aktualiseringen' }).click();
    const warning = form.locator('.warning');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(
      await warning
        .getByRole('link', { name: 'Sammanfattningen, Socialt nätverk; familj, vänner, stödpersoner' })
        .count(),
    ).toBe(1);
    expect(await form.locator('.error-summary').count()).toBe(0);
    await warning.getByRole('button', { name: 'Jag har läst varningen, spara ändå' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Sparat: Skicka aktualiseringen.');
    await expect.poll(() => panel.textContent()).toContain('Pröva aktualiseringen');

    const [sent] = await eventually(async () => {
      const items = (await asPrincipal(running.app, SOCIAL_WORKER).get('/api/referrals/sent').expect(200))
        .body.items as { referralNumber: string; sentAt: string | null }[];
      expect(items[0]?.sentAt).toBe('2026-03-02T09:00:00.000Z');
      return items;
    });
    referralNumber = sent.referralNumber;
  });

  it('the Beredningsgrupp finds it under Aktualiseringar, reads the summary under Arbetslivscenter’s labels and sees nothing of the case', async () => {
    await signInAsPrincipal(page, running, PANEL, '/');
    await page.getByRole('link', { name: 'Aktualiseringar', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(referralNumber) });
    await expect.poll(() => row.count()).toBe(1);
    const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
    expect(cells).toEqual([UNIT, '2026-03-02', '2026-03-23', 'Att pröva']);
    await accessibleAtBothWidths(page, 'aktualiseringar till enheten');
    await screenshot(page, '21-aktualiseringar');

    await row.getByRole('link', { name: referralNumber }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Aktualisering ${referralNumber}`);
    const sender = page.getByRole('region', { name: 'Avsändare' });
    await expect.poll(() => sender.textContent()).toContain('Socialsekreterare, Järva');
    const summary = page.getByRole('region', { name: 'Sammanfattning' });
    await expect.poll(() => summary.getByRole('heading', { name: 'Medicinskt' }).count()).toBe(1);
    expect(await answerTo(summary, 'Kön').textContent()).toBe('Kvinna');
    expect(await answerTo(summary, 'Civilstatus').textContent()).toBe('Skild');
    expect(await answerTo(summary, 'Sjukdomshistorik i korthet').textContent()).toBe(
      COMPLETE_ANSWERS.illnessHistory,
    );
    expect(
      await answerTo(
        summary,
        'Behandlingsformer; KBT, samtalskontakt, psykolog, sjukgymnast etc.',
      ).textContent(),
    ).toContain('KBT, Samtalskontakt');
    expect(
      await answerTo(
        summary,
        'Varför tror Du att Arbetslivscenter kan vara behjälplig för personen?',
      ).textContent(),
    ).toBe(COMPLETE_ANSWERS.whyThisUnit);
    const text = (await page.content()) ?? '';
    for (const secret of [REFERENCE, caseId, PERSONNUMMER]) expect(text).not.toContain(secret);
    await accessibleAtBothWidths(page, 'en aktualisering hos Beredningsgruppen');
    await screenshot(page, '22-aktualisering-hos-beredningsgruppen');
  });

  it('the e-mail’s link opens the referral on a fresh load, and the decision is recorded by keyboard, a day to come refused at its field', async () => {
    await page.goto(`${running.url}/aktualiseringar/${referralNumber}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Aktualisering ${referralNumber}`);
    const actions = page.getByRole('region', { name: 'Vad du kan göra' });
    const open = actions.getByRole('button', { name: 'Registrera Beredningsgruppens beslut' });
    await expect.poll(() => open.count()).toBe(1);
    expect(await actions.getByRole('button', { name: 'Återsänd aktualiseringen' }).count()).toBe(0);
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const form = actions.locator('form');
    const decidedOn = form.getByLabel('Beslutsdatum');
    expect(await decidedOn.inputValue()).toBe('2026-03-02');
    await chooseByKeyboard(page, form.getByRole('group', { name: /^Beslut/ }), 'Rekommenderas antagning');
    await typeInto(page, form.getByLabel('Motivering'), MOTIVATION);
    await typeDate(page, decidedOn, '2026-03-09');
    await tabTo(page, form.getByRole('button', { name: 'Registrera Beredningsgruppens beslut' }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => form.locator('.field-error').textContent())
      .toBe('Datumet kan inte ligga efter dagens datum.');
    expect(await decidedOn.getAttribute('aria-invalid')).toBe('true');
    await accessibleAtBothWidths(page, 'beslutet nekat för ett datum som inte varit');

    await typeDate(page, decidedOn, '2026-03-02');
    await tabTo(page, form.getByRole('button', { name: 'Registrera Beredningsgruppens beslut' }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Beslutet är registrerat. Avsändaren får besked.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    const decision = page.getByRole('region', { name: 'Beslut', exact: true });
    await expect.poll(() => decision.textContent()).toContain('Rekommenderas antagning');
    expect(await decision.textContent()).toContain(MOTIVATION);
    await expect.poll(() => actions.textContent()).toContain('Inget för dina roller just nu.');
    await accessibleAtBothWidths(page, 'en beslutad aktualisering');
  });
});

/** The answer under a label in the summary: its `dd`, by the `dt` beside it. */
function answerTo(summary: Locator, label: string): Locator {
  return summary
    .locator('dl.answers > .answer')
    .filter({ has: summary.page().locator(':scope > dt', { hasText: new RegExp(`^${escape(label)}$`) }) })
    .locator(':scope > dd');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
