import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN } from '@app/engine/testing/engine-harness';
import { asPrincipal, eventually, TestClock } from '../app-harness';
import {
  accessibleAtBothWidths,
  browserSession,
  openStep,
  screenshot,
  signInAs,
  startWebApp,
  stepToggle,
  type RunningApp,
} from './browser';

const person = (id: string, role: 'socialsekreterare' | 'rehabansvarig') => ({
  id,
  name: id,
  memberships: [{ unit: 'jarva-1', roles: [role] }],
});
const SOCIAL_WORKER = person('jarva-1-ss', 'socialsekreterare');
const REHAB = person('jarva-1-rehab', 'rehabansvarig');
const RH = 'Rehabansvarig handleder';

/**
 * The case's own life in the browser (issue 18): closed once nothing runs
 * and opened again, found by the case list's Visa filter, its reference
 * corrected, a step recorded by mistake undone, and the plan's rows ticked
 * done from the task list and on the case.
 */
describe('closing, correcting and the plan’s rows in the web app', { timeout: 180_000 }, () => {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  const api = (who: typeof SOCIAL_WORKER) => asPrincipal(running.app, who);
  const open = async (reference: string, journalRef?: string) =>
    (
      await api(SOCIAL_WORKER)
        .post('/api/cases')
        .send({ reference, unit: 'jarva-1', socialWorkerId: SOCIAL_WORKER.id, journalRef })
        .expect(201)
    ).body.caseId as string;
  const start = async (caseId: string, definitionId: string) =>
    (await api(SOCIAL_WORKER).post(`/api/cases/${caseId}/processes`).send({ definitionId }).expect(201)).body
      .instanceId as string;
  const step = async (
    who: typeof SOCIAL_WORKER,
    caseId: string,
    instance: string,
    event: string,
    payload = {},
  ) => {
    const sent = await api(who)
      .post(`/api/cases/${caseId}/processes/${instance}/events`)
      .send({ event, payload });
    expect(sent.status, `${event}: ${JSON.stringify(sent.body)}`).toBe(200);
  };
  const listed = async (query: string) =>
    (
      (await api(SOCIAL_WORKER).get(`/api/cases?${query}`).expect(200)).body.items as { caseId: string }[]
    ).map((item) => item.caseId);
  const status = () => page.locator('main p.status-message');
  const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');
  const caseRegion = () => page.getByRole('region', { name: 'Ärendet', exact: true });

  let closing: string;
  beforeAll(async () => {
    ({ running, page } = session);
    closing = await open('AV 1968-02');
    await start(closing, 'rehab-handledning');
    // An open case beside it, so the default list has one to show.
    await open('ÖP 1990-05');
  });

  it('offers no closing while a process runs, closes once it has ended, and says so at the top; axe-clean', async () => {
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${closing}`);
    await expect.poll(() => textOf(caseRegion())).toContain('Avsluta pågående processer först.');
    expect(await stepToggle(caseRegion(), 'Avsluta ärendet').count()).toBe(0);

    const view = (await api(SOCIAL_WORKER).get(`/api/cases/${closing}`).expect(200)).body as {
      processes: { instanceId: string }[];
    };
    await api(SOCIAL_WORKER)
      .post(`/api/cases/${closing}/processes/${view.processes[0].instanceId}/end`)
      .send({ reason: 'client-left-unit' })
      .expect(200);
    await page.reload();
    await openStep(caseRegion(), 'Avsluta ärendet');
    const form = caseRegion().locator('form');
    // "Annat skäl" without a comment: the server's refusal stands at the comment.
    await form.getByRole('radio', { name: 'Annat skäl' }).check();
    await form.getByRole('button', { name: 'Avsluta ärendet', exact: true }).click();
    await expect
      .poll(() => form.locator('.field-error').textContent())
      .toBe('Fyll i varför, när skälet är Annat.');
    expect(await form.getByLabel('Kommentar').getAttribute('aria-invalid')).toBe('true');
    await accessibleAtBothWidths(page, 'avsluta ärendet med fel');

    await form.getByRole('radio', { name: 'Flyttat från kommunen' }).check();
    await form.getByLabel('Kommentar').fill('Flyttar till Uppsala i april.');
    await form.getByRole('button', { name: 'Avsluta ärendet', exact: true }).click();
    await expect.poll(() => status().textContent()).toBe('Ärendet är avslutat.');
    const notice = page.getByRole('region', { name: /^Ärendet är avslutat/ });
    await expect
      .poll(() => notice.getByRole('heading').textContent())
      .toBe('Ärendet är avslutat 2026-03-02: Flyttat från kommunen');
    expect(await notice.textContent()).toContain('Kommentar: Flyttar till Uppsala i april.');
    // A closed case starts no process and is neither closed again nor handed over.
    expect(await page.getByRole('heading', { name: 'Starta en process' }).count()).toBe(0);
    expect(await caseRegion().count()).toBe(0);
    await accessibleAtBothWidths(page, 'avslutat ärende');
    await screenshot(page, 'arende-avslutat');
  });

  it('lists a closed case under Visa: Avslutade, marked with its day, and keeps the choice in the address', async () => {
    await eventually(async () => expect(await listed('status=closed')).toContain(closing));
    await page.goto(`${running.url}/arenden`);
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.first().textContent()).toBeTruthy();
    expect(await page.locator('table').textContent()).not.toContain('AV 1968-02');
    const show = page.getByRole('region', { name: 'Urval och ordning' }).getByLabel('Visa');
    expect(await show.inputValue()).toBe('open');

    await show.selectOption({ label: 'Avslutade' });
    await expect.poll(() => page.url()).toContain('visa=closed');
    await expect.poll(() => textOf(rows.first())).toContain('AV 1968-02Avslutat 2026-03-02');
    expect(await rows.count()).toBe(1);
    await accessibleAtBothWidths(page, 'ärendelistan med avslutade ärenden');
    await screenshot(page, 'arendelistan-avslutade');

    await page.reload();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await show.inputValue()).toBe('closed');
    await show.selectOption({ label: 'Alla' });
    await expect.poll(() => page.url()).toContain('visa=all');
    await expect.poll(() => page.locator('table').textContent()).toContain('AV 1968-02');
  });

  it('opens the closed case again with a reason, and it can start processes again', async () => {
    await page.goto(`${running.url}/arenden/${closing}`);
    const notice = page.getByRole('region', { name: /^Ärendet är avslutat/ });
    await stepToggle(notice, 'Öppna ärendet igen').click();
    const form = notice.locator('form');
    await form.getByRole('button', { name: 'Öppna ärendet igen', exact: true }).click();
    await expect.poll(() => form.locator('.field-error').textContent()).toBe('Fältet måste fyllas i.');
    await accessibleAtBothWidths(page, 'öppna ärendet igen');
    await form.getByLabel('Varför öppnas ärendet igen?').fill('Klienten har flyttat tillbaka.');
    await form.getByRole('button', { name: 'Öppna ärendet igen', exact: true }).click();
    await expect.poll(() => status().textContent()).toBe('Ärendet är öppnat igen.');
    await expect.poll(() => notice.count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Starta en process' }).count()).toBe(1);
    expect(await stepToggle(caseRegion(), 'Avsluta ärendet').count()).toBe(1);
  });

  it('corrects the reference and journal reference, refusing a name at its field; axe-clean', async () => {
    const caseId = await open('RF 1970-01');
    await page.goto(`${running.url}/arenden/${caseId}`);
    await stepToggle(page.locator('main'), 'Ändra referens').click();
    const form = page.locator('main form');
    expect(await form.getByLabel('Pseudonym').inputValue()).toBe('RF 1970-01');
    await form.getByLabel('Pseudonym').fill('Rolf Fransson');
    await form.getByRole('button', { name: 'Spara referensen' }).click();
    await expect.poll(() => form.locator('.field-error').textContent()).toContain('Fel format');
    expect(await form.getByLabel('Pseudonym').getAttribute('aria-invalid')).toBe('true');
    await accessibleAtBothWidths(page, 'ändra referens med fel');

    await form.getByLabel('Pseudonym').fill('RF 1970-11');
    await form.getByLabel('Journalreferens').fill('DH-2026-0042');
    await form.getByRole('button', { name: 'Spara referensen' }).click();
    await expect.poll(() => status().textContent()).toBe('Referensen är ändrad.');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ärende RF 1970-11');
    const facts = await textOf(page.locator('dl.facts').first());
    expect(facts).toContain('PseudonymRF 1970-11');
    expect(facts).toContain('JournalreferensDH-2026-0042');
    await accessibleAtBothWidths(page, 'ärende med ändrad referens');
  });

  it('lets the social worker, not a colleague, undo a step recorded by mistake; the history keeps both', async () => {
    const caseId = await open('KS 1975-06');
    await start(caseId, 'rehab-handledning');
    await page.goto(`${running.url}/arenden/${caseId}`);
    const panel = page.getByRole('region', { name: RH, exact: true });
    await openStep(panel, 'Registrera impuls');
    await panel.locator('form').getByLabel('Sjukskriven utan samordnade insatser').check();
    await panel.locator('form').getByRole('button', { name: 'Registrera impuls', exact: true }).click();
    await expect.poll(() => status().textContent()).toBe('Sparat: Registrera impuls.');
    await expect
      .poll(() => textOf(panel.locator('p').first()))
      .toBe('Nu: Kontakt med Rehabansvarig (Socialsekreterare)');

    // Only the one who recorded it (or the biträdande enhetschef) is offered the correction.
    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    await panel.waitFor();
    await expect.poll(() => panel.locator('.step-outputs li').count()).toBe(1);
    expect(await stepToggle(panel, 'Rätta senaste steget').count()).toBe(0);

    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    await stepToggle(panel, 'Rätta senaste steget').click();
    const form = panel.locator('.disclosure-body', {
      has: page.getByRole('button', { name: 'Rätta steget' }),
    });
    const warning = await textOf(form);
    expect(warning).toContain('Steget ”Registrera impuls”');
    expect(warning).toContain('processen går tillbaka till där den stod före steget');
    expect(warning).toContain('Historiken behåller både steget och rättelsen, ingenting raderas.');
    await form.getByRole('button', { name: 'Rätta steget' }).click();
    await expect.poll(() => form.locator('.field-error').textContent()).toBe('Fältet måste fyllas i.');
    await accessibleAtBothWidths(page, 'rätta senaste steget');
    await screenshot(page, 'arende-ratta-steget');

    await form.getByLabel('Vad blev fel?').fill('Registrerades i fel ärende');
    await form.getByRole('button', { name: 'Rätta steget' }).click();
    await expect
      .poll(() => status().textContent())
      .toBe(`${RH}: steget ”Registrera impuls” är rättat och processen är tillbaka där den stod före det.`);
    await expect.poll(() => textOf(panel.locator('p').first())).toBe('Nu: Impuls (Socialsekreterare)');
    await stepToggle(panel, 'Registrera impuls').waitFor();
    expect(await stepToggle(panel, 'Rätta senaste steget').count()).toBe(0);

    await page.getByRole('link', { name: 'Historik' }).click();
    const history = page.getByRole('region', { name: 'Händelser i ärendet', exact: true });
    await expect
      .poll(() => history.textContent())
      .toContain('Rättelse: steget ”Registrera impuls” registrerades av misstag');
    const text = await textOf(history);
    expect(text).toContain('Registrerades i fel ärende');
    expect(text).toContain('Registrera impuls');
    await accessibleAtBothWidths(page, 'historik med rättelse');
  });

  it('lists a plan’s row in Mina uppgifter, and Gjort takes it away; on the case the tick can be taken back', async () => {
    const caseId = await open('PL 1980-09');
    const rh = await start(caseId, 'rehab-handledning');
    await step(SOCIAL_WORKER, caseId, rh, 'ImpulsRegistered', {
      grounds: ['sjukskriven-utan-samordnade-insatser'],
    });
    await step(SOCIAL_WORKER, caseId, rh, 'RehabansvarigContacted');
    await step(REHAB, caseId, rh, 'DocumentationReviewed', {
      findings: 'Sjukskriven, inga parallella insatser',
    });
    await step(REHAB, caseId, rh, 'SupervisionHeld', { heldOn: '2026-03-01', progressionsplanNeeded: true });
    await step(REHAB, caseId, rh, 'CategoryDecided', { category: 4, motivation: 'Otydligt intyg' });
    await step(REHAB, caseId, rh, 'ProgressionsplanShared', PLAN);
    await eventually(async () =>
      expect((await api(SOCIAL_WORKER).get('/api/queues/plan').expect(200)).body.items).toHaveLength(1),
    );

    await page.goto(running.url);
    const section = page.getByRole('region', { name: 'Punkter i progressionsplaner' });
    const rows = section.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    const row = await textOf(rows.first());
    for (const shown of [
      'PL 1980-09 · Punkt 1 i progressionsplanen',
      'Försenad',
      'Kontakt med vårdcentral',
      'Vem: Socialsekreterare',
      'Senast 2026-02-15',
    ])
      expect(row).toContain(shown);
    expect(await rows.first().getByRole('link', { name: 'PL 1980-09' }).getAttribute('href')).toBe(
      `/arenden/${caseId}`,
    );
    await accessibleAtBothWidths(page, 'mina uppgifter med planens punkter');
    await screenshot(page, 'mina-uppgifter-planens-punkter');

    await section.getByRole('button', { name: 'Gjort: punkt 1 i PL 1980-09' }).click();
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toBe('Punkt 1 i PL 1980-09 är markerad som gjord.');
    expect(await rows.count()).toBe(0);
    expect(await section.textContent()).toContain('Inga fler punkter att göra.');
    await accessibleAtBothWidths(page, 'mina uppgifter när punkten är gjord');

    await page.goto(`${running.url}/arenden/${caseId}`);
    const plan = page.getByRole('table', { name: 'Progressionsplanens punkter' });
    const done = () => textOf(plan.locator('tbody td').nth(4));
    await expect.poll(done).toContain('Ja');
    await plan
      .getByRole('button', { name: 'Markera som inte gjord: punkt 1, Kontakt med vårdcentral' })
      .click();
    await expect
      .poll(() => status().textContent())
      .toBe('Punkt 1 i progressionsplanen är inte längre markerad som gjord.');
    await expect.poll(done).toContain('Nej');
    await plan.getByRole('button', { name: 'Markera som gjord: punkt 1, Kontakt med vårdcentral' }).waitFor();
    await accessibleAtBothWidths(page, 'progressionsplan med punkter att bocka av');
  });
});
