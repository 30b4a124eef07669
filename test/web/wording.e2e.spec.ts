import { IsArray, IsString } from 'class-validator';
import type { Page } from 'playwright-core';
import { setup } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Label,
  ProcessRegistry,
  stateMeta as meta,
  type ProcessDefinition,
  type ProcessEvent,
} from '@app/engine';
import { DeadlineWorker } from '../../apps/api/src/escalation/deadline-worker';
import { asPrincipal, eventually, TestClock } from '../app-harness';
import { CaseDriver } from '../flows';
import {
  accessibleAtBothWidths,
  browserSession,
  signInAs,
  startWebApp,
  type RunningApp,
  openStep,
} from './browser';

const person = (key: string, title: string, role: string) => ({
  id: `jarva-1-${key}`,
  name: `${title}, Järva`,
  memberships: [{ unit: 'jarva-1', roles: [role as 'socialsekreterare'] }],
});
const SOCIAL_WORKER = person('ss', 'Socialsekreterare', 'socialsekreterare');
const REHAB = person('rehab', 'Rehabansvarig', 'rehabansvarig');

/** A step whose rows' help says what one row is: "Ett delmål per rad." */
class GoalsSet {
  @Label('Delmål', { help: 'Ett delmål per rad.' }) @IsArray() @IsString({ each: true }) goals!: string[];
}

const goalsProcess: ProcessDefinition = {
  id: 'delmal',
  version: 1,
  title: 'Delmål',
  description: 'En testprocess som bara finns i det här testet.',
  machine: setup({ types: { events: {} as ProcessEvent } }).createMachine({
    id: 'delmal',
    initial: 'satt',
    states: {
      satt: {
        meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Sätt delmål' }),
        on: { GoalsSet: 'klar' },
      },
      klar: { type: 'final', meta: meta({ kind: 'end', title: 'Klart' }) },
    },
  }),
  startLanes: ['socialsekreterare'],
  events: { GoalsSet: { label: 'Registrera delmålen', lanes: ['socialsekreterare'], payload: GoalsSet } },
  deadlines: {},
};

/**
 * Issue 18, "Wrong or confusing today": counts agree with their number,
 * list rows are named one at a time, the open-a-case form speaks of the
 * case, one word for a tidsgräns, months as people say them, the API's
 * English never reaches the user, Nytt ärende only for those who open
 * cases, colleagues named in the team's queue, and a reminder of something
 * overdue is late, not "I tid".
 */
describe('the web app’s wording', { timeout: 120_000 }, () => {
  const clock = new TestClock('2026-12-10T09:00:00.000Z');
  const session = browserSession(async () => {
    const app = await startWebApp({}, clock);
    app.app.get(ProcessRegistry).register(goalsProcess);
    return app;
  });
  let running: RunningApp;
  let page: Page;
  /** Case A: rehab-handledning at the social worker's first step. */
  let caseA: string;
  let rehabA: string;
  beforeAll(async () => {
    ({ running, page } = session);
    const opened = await api(SOCIAL_WORKER)
      .post('/api/cases')
      .send({ reference: 'TA 1980', unit: 'jarva-1', socialWorkerId: SOCIAL_WORKER.id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseA = opened.body.caseId as string;
    rehabA = await start(caseA, 'rehab-handledning');
  });

  const api = (who: typeof SOCIAL_WORKER) => asPrincipal(running.app, who);
  async function start(caseId: string, definitionId: string): Promise<string> {
    const started = await api(SOCIAL_WORKER).post(`/api/cases/${caseId}/processes`).send({ definitionId });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    return started.body.instanceId as string;
  }
  async function step(
    who: typeof SOCIAL_WORKER,
    caseId: string,
    instanceId: string,
    event: string,
    payload = {},
  ) {
    const sent = await api(who)
      .post(`/api/cases/${caseId}/processes/${instanceId}/events`)
      .send({ event, payload });
    expect(sent.status, `${event}: ${JSON.stringify(sent.body)}`).toBe(200);
  }
  const navLinks = () =>
    page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents();

  it('offers Nytt ärende only to roles that open cases', async () => {
    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    expect(await navLinks()).toContain('Mina uppgifter');
    expect(await navLinks()).not.toContain('Nytt ärende');
    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    expect(await navLinks()).toContain('Nytt ärende');
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    expect(await navLinks()).toContain('Nytt ärende');
  });

  it('counts one task as "1 uppgift" and heads the due column Tidsgräns', async () => {
    await page.goto(running.url);
    const lead = page.locator('p.lead');
    await expect.poll(() => lead.textContent()).toBe('1 uppgift, varav 0 försenade.');
    const table = page.getByRole('table', { name: /Uppgifter, försenade först/ });
    expect(await table.locator('thead').textContent()).toContain('Tidsgräns');
    expect(await page.locator('main').textContent()).not.toMatch(/förfall|frist/i);
  });

  it('says the case could not be opened, not a step, when opening one is refused', async () => {
    await page.getByRole('link', { name: 'Nytt ärende' }).click();
    await page.getByLabel('Pseudonym').fill('Kalle Berg');
    await page.getByRole('button', { name: 'Öppna ärendet' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.locator('strong').textContent()).toBe('Ärendet kunde inte öppnas.');
    expect(await summary.textContent()).not.toContain('Steget');
  });

  it('offers the category as a choice that says what each means, and names list rows one at a time', async () => {
    await step(SOCIAL_WORKER, caseA, rehabA, 'ImpulsRegistered', {
      grounds: ['sjukskriven-utan-samordnade-insatser'],
    });
    await step(SOCIAL_WORKER, caseA, rehabA, 'RehabansvarigContacted');
    await step(REHAB, caseA, rehabA, 'DocumentationReviewed', { findings: 'Inga parallella insatser' });
    await step(REHAB, caseA, rehabA, 'SupervisionHeld', {
      heldOn: '2026-12-01',
      progressionsplanNeeded: true,
    });

    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    await page.goto(`${running.url}/arenden/${caseA}`);
    const panel = page.getByRole('region', { name: 'Rehabansvarig handleder', exact: true });
    await openStep(panel, 'Besluta kategori');
    // A labelled choice as BIP-fas is: each category with its meaning, no number to type.
    const category = panel.getByRole('group', { name: /^Kategori/ });
    const choices = await category
      .getByRole('radio')
      .evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent));
    expect(choices).toHaveLength(5);
    choices.forEach((choice, index) =>
      expect(choice).toMatch(new RegExp(`^Kategori ${index + 1}: \\p{L}`, 'u')),
    );
    expect(choices[3]).toContain('förtroendeläkare');
    expect(await panel.getByRole('spinbutton', { name: /Kategori/ }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Avbryt' }).click();

    // The plan's rows are "punkt", one at a time, never "planens punkter 1".
    await page.getByRole('button', { name: 'Registrera progressionsplan' }).click();
    const plan = page.getByRole('region', { name: 'Progressionsplan' }).locator('form');
    await plan.getByRole('button', { name: 'Lägg till punkt' }).click();
    expect(await plan.getByRole('button', { name: /^Ta bort punkt [12]$/ }).count()).toBe(2);
    expect(await plan.getByRole('button', { name: /planens punkter/i }).count()).toBe(0);
  });

  it('adds "ett delmål" when the list’s help says what one row is', async () => {
    await start(caseA, 'delmal');
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseA}`);
    const panel = page.getByRole('region', { name: 'Delmål', exact: true });
    await openStep(panel, 'Registrera delmålen');
    const form = panel.locator('form');
    await form.getByRole('button', { name: 'Lägg till ett delmål' }).click();
    await form.getByLabel('Delmål 1').fill('Arbetsträning två dagar i veckan');
    expect(await form.getByRole('button', { name: 'Ta bort delmål 1' }).count()).toBe(1);
    await form.getByRole('button', { name: 'Registrera delmålen' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Sparat: Registrera delmålen.');
    const history = await api(SOCIAL_WORKER).get(`/api/cases/${caseA}/history`);
    const recorded = history.body.entries.find(
      (entry: { type: string; instanceId?: string }) => entry.type === 'GoalsSet',
    );
    expect(recorded?.data.payload).toEqual({ goals: ['Arbetsträning två dagar i veckan'] });
  });

  it('names a colleague’s task by the colleague and an unassigned one by its role, in the team’s queue', async () => {
    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.goto(`${running.url}/enhet`);
    const queue = page.getByRole('table', { name: 'Teamets alla öppna uppgifter, försenade först' });
    const row = (step: string) => queue.locator('tbody tr', { hasText: step });
    await expect.poll(() => row('Bedömning').count()).toBe(1);
    // Case A waits for Rehabansvarig's bedömning (no one's yet) and the social worker's own delmål step is done.
    expect(await row('Bedömning').locator('td').nth(2).textContent()).toBe('Rehabansvarig');
    const other = await api(SOCIAL_WORKER)
      .post('/api/cases')
      .send({ reference: 'TB 1981', unit: 'jarva-1', socialWorkerId: SOCIAL_WORKER.id });
    await start(other.body.caseId as string, 'rehab-handledning');
    const impuls = queue.locator('tbody tr', { hasText: 'TB 1981' });
    await expect.poll(() => impuls.count()).toBe(1);
    expect(await impuls.locator('td').nth(2).textContent()).toBe('Socialsekreterare, Järva');
    expect(await queue.textContent()).not.toMatch(/\bDig\b/);
  });

  it('writes the chart’s months as "dec 2026", and the table’s as "december 2026"', async () => {
    const labels = await page
      .locator('.chart svg text')
      .evaluateAll((texts) =>
        texts.map((text) => Array.from(text.querySelectorAll('tspan'), (t) => t.textContent)),
      );
    expect(labels.at(-1)).toEqual(['dec', '2026']);
    expect(labels.flat().some((text) => /^\d\d-\d\d$/.test(text ?? ''))).toBe(false);
    const months = page.getByRole('table', { name: /Antal ärenden per BIP-fas/ }).locator('tbody th');
    expect(await months.last().textContent()).toBe('december 2026');
    await accessibleAtBothWidths(page, 'enhetsöversikt med månader');
  });

  it('says a refused user id in Swedish, under the field’s label, never in the API’s English', async () => {
    await page.goto(`${running.url}/atkomstlogg`);
    await page.getByLabel('Användarens id').fill('ab 12');
    await page.getByRole('button', { name: 'Sök' }).click();
    const alert = page.locator('p.field-error[role="alert"]');
    await expect
      .poll(() => alert.textContent())
      .toBe(
        'Användarens id: Får bara innehålla bokstäver, siffror, punkt, understreck och bindestreck, och inget personnummer.',
      );
    expect(await page.locator('main').textContent()).not.toMatch(/must|userId/);
  });

  it('tags a reminder of an overdue check-in Försenad, not I tid, and gives tidsgränser as "senast"', async () => {
    const driver = await CaseDriver.open(running.app, 'TC 1979');
    await driver.rehabToCategory4();
    const fl = await driver.instanceOf('fortroendelakare');
    await driver.send('socialsekreterare', fl, 'ImpulsRegistered', {
      reason: 'Otydligt intyg',
      sickListingCareUnit: 'Danderyds vårdcentral',
    });
    await driver.send('rehabansvarig', fl, 'ReferralAccepted', { preparation: 'Läkarintyg och samtycke' });
    await driver.send('socialsekreterare', fl, 'DocumentsHandedOver', {
      consentForm: true,
      notificationForm: true,
    });
    await driver.send('rehabansvarig', fl, 'ConsultationHeld', { heldOn: '2026-11-04' });
    // The check-in was due a month on, 2026-12-05; the actions two months on, 2027-01-05.
    await driver.send('rehabansvarig', fl, 'RecommendationsReceived', {
      receivedOn: '2026-11-05',
      summary: 'Utred arbetsförmåga',
    });
    // The worker reads the open deadlines from a read model, a moment behind the write.
    await eventually(async () =>
      expect((await running.app.get(DeadlineWorker).runOnce()).fired.length).toBeGreaterThan(0),
    );
    await signInAs(page, running.url, 'Rehabansvarig, Järva');
    const reminder = page
      .getByRole('table', { name: /Uppgifter, försenade först/ })
      .locator('tbody tr', { hasText: 'Påminnelse: avstämning försenad' });
    await expect.poll(() => reminder.count()).toBe(1);
    // The last column is what the Rehabansvarig can do with it (take it); status and tidsgräns come before.
    const cells = await reminder.locator('td').allTextContents();
    expect(cells.at(-2)).toBe('Försenad');
    expect(cells.at(-3)).toBe('senast 2026-12-05 (passerad för 5 dagar sedan)');
    await page.getByLabel('Status').selectOption({ label: 'I tid' });
    expect(await reminder.count()).toBe(0);

    await page.goto(`${running.url}/arenden/${driver.caseId}`);
    const deadlines = page.getByRole('region', { name: 'Öppna tidsgränser' });
    await expect
      .poll(() => deadlines.textContent())
      .toContain('Åtgärder vidtagna inom 2 månader: senast 2027-01-05 (om 25 dagar)');
    expect(await page.locator('main').textContent()).not.toMatch(/förfall/i);
  });
});
