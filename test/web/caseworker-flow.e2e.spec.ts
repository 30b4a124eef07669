// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeadlineWorker } from '../../apps/api/src/escalation/deadline-worker';
import { TestClock } from '../app-harness';
import {
  expectAccessible,
  screenshot,
  signInAs,
  startWebApp,
  type RunningApp,
  browserSession,
  tokenIn,
} from './browser';

/** Opens the step's form in the process's panel, lets `fill` answer it, submits, and waits for the confirmation. */
async function doStep(
  page: Page,
  process: string,
  label: string,
  fill: (form: Locator) => Promise<void> = async () => {},
) {
  const panel = page.getByRole('region', { name: process, exact: true });
  const toggle = panel.getByRole('button', { name: label, exact: true }).first();
  // The only step a role has here opens by itself; any other is opened by its button.
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toMatch(/true|false/);
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  const form = panel.locator('form');
  await fill(form);
  await form.getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => page.getByRole('status').first().textContent()).toBe(`Sparat: ${label}.`);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function openCaseFromTasks(page: Page, reference: string) {
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  await page.getByRole('link', { name: reference }).first().click();
  await expect.poll(() => heading(page)).toBe(`Ärende ${reference}`);
}

describe('the caseworker UI in a real browser', { timeout: 60_000 }, () => {
  const clock = new TestClock('2026-11-23T08:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  let caseUrl = '';
  beforeAll(() => {
    ({ running, page } = session);
  });

  it('a social worker signs in, opens a case and starts Rehabansvarig handleder', async () => {
    await page.goto(running.url);
    await expect.poll(() => heading(page)).toBe('Logga in i Ärendemotorn');
    await expectAccessible(page, 'logga in');
    await screenshot(page, '01-logga-in');

    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await expect.poll(() => heading(page)).toBe('Mina uppgifter');

    await page.getByRole('link', { name: 'Nytt ärende' }).click();
    await expect.poll(() => heading(page)).toBe('Nytt ärende');
    await page.getByLabel('Pseudonym').fill('Kalle Berg');
    await page.getByRole('button', { name: 'Öppna ärendet' }).click();
    // The server refuses a name; the form says why next to the field, in Swedish.
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('Fel format');
    await expectAccessible(page, 'nytt ärende med fel');
    await screenshot(page, '04-nytt-arende');
    await page.getByLabel('Pseudonym').fill('KB 1971');
    await page.getByRole('button', { name: 'Öppna ärendet' }).click();
    await expect.poll(() => heading(page)).toBe('Ärende KB 1971');
    caseUrl = page.url();

    await page.getByRole('button', { name: 'Starta Rehabansvarig handleder' }).click();
    await page.getByRole('button', { name: 'Starta', exact: true }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Rehabansvarig handleder', exact: true }).count())
      .toBe(1);
    await doStep(page, 'Rehabansvarig handleder', 'Registrera impuls', async (form) => {
      await form.getByLabel('Sjukskriven utan samordnade insatser').check();
      // A personnummer in free text is refused by the server; the message stands next to the field.
      await form.getByLabel('Anteckning').fill('Kontakt med 19630401-1239');
      await form.getByRole('button', { name: 'Registrera impuls', exact: true }).click();
      await expect.poll(() => form.locator('.field-error').textContent()).toContain('personnummer');
      await form.getByLabel('Anteckning').fill('Sjukskriven sedan våren');
    });
    await doStep(page, 'Rehabansvarig handleder', 'Kontakta Rehabansvarig');

    // An application for aktivitetsersättning is a fact of the case, recorded from the case itself.
    const saAe = page.getByRole('region', { name: 'Sjukersättning och aktivitetsersättning' });
    await saAe
      .getByRole('button', { name: 'Registrera ansökan om sjukersättning eller aktivitetsersättning' })
      .click();
    await saAe.getByLabel('Aktivitetsersättning').check();
    await saAe.getByLabel('Ansökan lämnades in').fill('2026-11-20');
    await saAe.getByRole('button', { name: 'Registrera ansökan', exact: true }).click();
    await expect.poll(() => saAe.textContent()).toContain('väntar på Försäkringskassans beslut');
    expect(await saAe.getByRole('button', { name: 'Registrera Försäkringskassans beslut' }).count()).toBe(1);
  });

  it('Rehabansvarig takes it to category 4 and a progressionsplan, which starts förtroendeläkare', async () => {
    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    await expect.poll(() => page.getByRole('link', { name: 'KB 1971' }).count()).toBeGreaterThan(0);
    await screenshot(page, '02-mina-uppgifter');
    await expectAccessible(page, 'mina uppgifter');
    await openCaseFromTasks(page, 'KB 1971');

    const rh = 'Rehabansvarig handleder';
    await doStep(page, rh, 'Registrera genomgång', (form) =>
      form.getByLabel('Vad genomgången visade').fill('Inga parallella insatser'),
    );
    await doStep(page, rh, 'Registrera handledning', async (form) => {
      await form.getByLabel('Handledningen hölls').fill('2026-11-23');
      await form.getByLabel('Progressionsplan ska upprättas').check();
    });
    await doStep(page, rh, 'Besluta kategori', async (form) => {
      await form.getByRole('radio', { name: /^Kategori 4:/ }).check();
      await form.getByLabel('Motivering').fill('Otydligt intyg');
    });
    await doStep(page, rh, 'Dela progressionsplan', async (form) => {
      await form.getByLabel(/^Vad/).fill('Förtroendeläkare');
      await form.getByLabel(/^Vem/).fill('Rehabansvarig');
      await form.getByLabel(/^När/).fill('2026-12-15');
      await form.getByLabel(/^Varför/).fill('Otydligt intyg');
    });
    await expect
      .poll(() => page.getByRole('region', { name: 'Förtroendeläkare', exact: true }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByRole('table', { name: 'Progressionsplanens punkter' }).textContent())
      .toContain('Förtroendeläkare');
    // The case's facts: unit, responsible social worker, follow-up owner since when, BIP phase.
    // People and units by name, and the journal reference the case was opened with.
    await expect
      .poll(() => page.locator('dl.facts').first().textContent())
      .toContain('Socialsekreterare, Järva');
    const facts = (await page.locator('dl.facts').first().textContent()) ?? '';
    for (const fact of [
      'EnhetJärva',
      'Ansvarig socialsekreterareSocialsekreterare, Järva',
      // Follow-up belongs to the process that continues the plan, from its own step on.
      'Ansvar för uppföljningIngen process har uppföljning ännu',
      'BIP-fasIngen fas registrerad',
    ])
      expect(facts).toContain(fact);
    // Rehabansvarig keeps the plan up to date: the same schema-generated form, filled with the plan as it is.
    await page.getByRole('button', { name: 'Ändra progressionsplanen' }).click();
    const planForm = page.getByRole('region', { name: 'Progressionsplan' }).locator('form');
    expect(await planForm.getByLabel(/^Vad/).inputValue()).toBe('Förtroendeläkare');
    await planForm.getByRole('radio', { name: /^Kategori 4:/ }).check();
    await planForm.getByRole('radio', { name: 'Rehabansvarig', exact: true }).check();
    await planForm.getByLabel('Gjort').check();
    await planForm.getByRole('button', { name: 'Spara progressionsplanen' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Progressionsplanen är sparad.');
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Progressionsplanens punkter' })
          .locator('tbody td')
          .nth(4)
          .textContent(),
      )
      .toBe('Ja');
    await expectAccessible(page, 'ärende');
    await screenshot(page, '03-arende');
  });

  it('the förtroendeläkare process runs to written recommendations, the roles taking turns', async () => {
    const fl = 'Förtroendeläkare';
    clock.advance('P7D');
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(caseUrl);
    await doStep(page, fl, 'Registrera impuls', async (form) => {
      await form.getByLabel('Skäl').fill('Otydligt intyg');
      // A care unit the unit has fördjupad samverkan with belongs in Samverkan med vården; the refusal stands by the field.
      await form.getByLabel('Sjukskriven på vårdenhet').fill('Kista VC');
      await form.getByRole('button', { name: 'Registrera impuls', exact: true }).click();
      await expect.poll(() => form.locator('.field-error').textContent()).toContain('fördjupad samverkan');
      await form.getByLabel('Sjukskriven på vårdenhet').fill('Danderyds vårdcentral');
    });
    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    await page.goto(caseUrl);
    await doStep(page, fl, 'Ta upp hos förtroendeläkaren', (form) =>
      form.getByLabel('Förberedelser').fill('Läkarintyg och samtycke'),
    );
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(caseUrl);
    await doStep(page, fl, 'Lämna över underlag', async (form) => {
      await form.getByLabel('Samtyckesblankett').check();
      await form.getByLabel('Anmälningsblankett').check();
    });
    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    await page.goto(caseUrl);
    await doStep(page, fl, 'Registrera sittning', (form) =>
      form.getByLabel('Konsultationen hölls').fill('2026-11-30'),
    );
    await doStep(page, fl, 'Registrera skriftliga rekommendationer', async (form) => {
      await form.getByLabel('Mottagna').fill('2026-11-30');
      await form.getByLabel('Rekommendationerna i korthet').fill('Utred arbetsförmåga');
    });
    const deadlines = page.getByRole('region', { name: 'Öppna tidsgränser' });
    await expect.poll(() => deadlines.textContent()).toContain('Åtgärder vidtagna inom 2 månader');
  });

  it('when the clock passes the deadlines, the biträdande enhetschef sees the escalation with its reason', async () => {
    // Two months on (sign-in tokens last eight hours, so everyone signs in anew), before the worker has run.
    clock.advance('P2M1D');
    // The open page's token has expired: the app says so, and signing in again returns to the same case.
    await page.reload();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Din inloggning har gått ut. Logga in igen.');
    await page.getByRole('radio', { name: /^Rehabansvarig, Järva / }).check();
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.url()).toBe(caseUrl);

    // Rehabansvarig's list puts the overdue follow-up first, and the navigation counts it.
    await page.getByRole('link', { name: /Mina uppgifter/ }).click();
    await expect
      .poll(() => page.getByRole('link', { name: /Mina uppgifter/ }).textContent())
      .toMatch(/\d+ försenade?/);
    const tasks = page.getByRole('table', { name: /Uppgifter, försenade först/ }).locator('tbody tr');
    expect(await tasks.first().textContent()).toContain('Försenad');
    await page.getByLabel('Status').selectOption({ label: 'Försenade' });
    const overdueRows = await tasks.allTextContents();
    expect(overdueRows.length).toBeGreaterThan(0);
    for (const row of overdueRows) expect(row).toMatch(/passerad (för .+ sedan|i dag)/);
    // Then by due date: the earliest first.
    const due = await page
      .getByRole('table', { name: /Uppgifter, försenade först/ })
      .locator('tbody tr td:nth-child(6)')
      .allTextContents();
    const dates = due.map((cell) => cell.replace(/^senast /, '').slice(0, 10));
    expect(dates).toEqual([...dates].sort());
    await page.getByLabel('Process').selectOption({ label: 'Förtroendeläkare' });
    const processRows = await tasks.allTextContents();
    expect(processRows.length).toBeGreaterThan(0);
    for (const row of processRows) expect(row).toContain('Förtroendeläkare');
    await page.getByLabel('Status').selectOption({ label: 'I tid' });
    expect(await tasks.count()).toBe(0);

    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.getByRole('link', { name: 'Enhetsöversikt' }).click();
    await expect.poll(() => heading(page)).toBe('Enhetsöversikt');
    const escalations = page.getByRole('region', { name: /Eskalerade och försenade uppföljningar/ });
    const moved = escalations.getByRole('table', {
      name: 'Ärenden där uppföljningen har flyttats till biträdande enhetschef',
    });
    // Overdue already, but not yet escalated: the worker has not run.
    await expect.poll(() => escalations.getByRole('link', { name: 'KB 1971' }).count()).toBeGreaterThan(0);
    expect(await moved.count()).toBe(0);

    await running.app.get(DeadlineWorker).runOnce();
    // No reload: the page follows the read models live.
    await expect.poll(() => moved.getByRole('link', { name: 'KB 1971' }).count()).toBe(1);
    expect(await moved.textContent()).toContain(
      'Inga åtgärder inom 2 månader efter förtroendeläkarens rekommendation',
    );
    // Since when, as a Swedish date.
    expect(await moved.textContent()).toContain('2027-01-31');
    const teamQueue = page.getByRole('table', { name: 'Teamets alla öppna uppgifter, försenade först' });
    expect(await teamQueue.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'enhetsöversikt');
    await screenshot(page, '05-enhetsoversikt');
  });

  it('the biträdande enhetschef acts in the escalated follow-up and hands it back; the social worker then ends the process', async () => {
    const fl = 'Förtroendeläkare';
    await page.goto(caseUrl);
    await expect.poll(() => heading(page)).toBe('Ärende KB 1971');
    const facts = page.locator('dl.facts').first();
    await expect
      .poll(() => facts.textContent())
      .toMatch(/Förtroendeläkare: Biträdande enhetschef sedan 2027-01-31 \(eskalerad: Inga åtgärder/);
    // The plan says whose follow-up it was, and that the escalation moved it.
    expect(await page.getByRole('region', { name: 'Progressionsplan' }).textContent()).toContain(
      'Uppföljning enligt planen: Rehabansvarig; nu hos Biträdande enhetschef efter eskalering (Förtroendeläkare).',
    );
    // Rehabansvarig's step is theirs now: the check-in the reminder asked for.
    await doStep(page, fl, 'Registrera avstämning', (form) =>
      form.getByLabel('Anteckningar').fill('Avstämt med socialsekreteraren'),
    );
    const panel = page.getByRole('region', { name: fl, exact: true });
    const handBack = 'Lämna tillbaka uppföljningen till Rehabansvarig';
    await panel.getByRole('button', { name: handBack }).click();
    await panel.getByLabel('Åtgärderna är vidtagna').check();
    await panel.locator('form').getByRole('button', { name: handBack }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe(`${fl}: uppföljningen är tillbaka hos Rehabansvarig.`);
    await expect.poll(() => facts.textContent()).toContain('Förtroendeläkare: Rehabansvarig sedan');
    expect(await panel.getByRole('button', { name: handBack }).count()).toBe(0);

    // The client has moved away: the social worker ends the process, and it leaves the list of running ones.
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(caseUrl);
    await panel.getByRole('button', { name: 'Avsluta processen' }).click();
    const reasons = await panel
      .locator('form')
      .getByRole('radio')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent));
    expect(reasons).toEqual([
      'Klienten samtycker inte eller har tagit tillbaka sitt samtycke',
      'Klienten tackar nej till erbjudandet',
      'Klienten är avslutad på enheten',
      'Annat skäl',
    ]);
    await panel.getByLabel('Klienten är avslutad på enheten').check();
    await panel.locator('form').getByRole('button', { name: 'Avsluta processen' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(`${fl}: avslutad.`);
    await expect.poll(() => panel.count()).toBe(0);
    await expect
      .poll(() => page.getByRole('region', { name: 'Processer' }).textContent())
      .toContain('Förtroendeläkare: avslutad i förtid 2027-01-31 (Klienten är avslutad på enheten)');
    await expect
      .poll(() => page.getByRole('region', { name: 'Öppna tidsgränser' }).textContent())
      .not.toContain('Åtgärder vidtagna');
    await expectAccessible(page, 'avslutad process');
  });

  it('the history shows every step, who took it in which role, and the case as it was earlier', async () => {
    await page.goto(caseUrl);
    await page.getByRole('link', { name: 'Historik' }).click();
    await expect.poll(() => heading(page)).toBe('Historik för ärende KB 1971');
    const rows = page.getByRole('table', { name: /Alla händelser i ärendet/ }).locator('tbody tr');
    const token = await tokenIn(page);
    const response = await fetch(`${caseUrl.replace(/\/arenden\//, '/api/cases/')}/history`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { entries } = (await response.json()) as { entries: { label: string }[] };
    await expect.poll(() => rows.count()).toBe(entries.length);
    const text = await rows.allTextContents();
    for (const label of [
      'Ärendet öppnat',
      'Registrera impuls',
      'Besluta kategori',
      'Dela progressionsplan',
      'Registrera skriftliga rekommendationer',
    ])
      expect(
        text.some((row) => row.includes(label)),
        label,
      ).toBe(true);
    expect(text.some((row) => row.includes('Tidsgräns passerad: Åtgärder vidtagna inom 2 månader'))).toBe(
      true,
    );
    expect(text.some((row) => row.includes('Uppföljningsansvar eskalerat till Biträdande enhetschef'))).toBe(
      true,
    );

    // A week before the förtroendeläkare steps: the plan existed, the process waited at its impuls, no clocks ran.
    await page.getByLabel('Datum och tid').fill('2026-11-24T12:00');
    await page.getByRole('button', { name: 'Visa ärendet som det var då' }).click();
    const asOf = page.locator('.as-of-result');
    await expect.poll(() => asOf.textContent()).toContain('Förtroendeläkare: Impuls');
    expect(await asOf.textContent()).toContain('Inga öppna tidsgränser');
    await expectAccessible(page, 'historik');
    await screenshot(page, '06-historik');
  });
});
