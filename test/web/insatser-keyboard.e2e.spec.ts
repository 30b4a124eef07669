import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRY } from '@app/insatser/testing/entry';
import { ASSIGNED, STARTED } from '../../processes/insats/testing/payloads';
import { asPrincipal, eventually, TestClock } from '../app-harness';
import {
  browserSession,
  expectAccessible,
  signInAs,
  startWebApp,
  textDownloadedBy,
  type RunningApp,
} from './browser';
import { KEEPER, SOCIAL_WORKER, UNIT } from './insatser-users';
import { chooseByKeyboard, selectByKeyboard, tabTo, typeDate, typeInto } from './keyboard';

const REHAB = {
  id: 'jarva-1-rehab',
  name: 'RA',
  memberships: [{ unit: UNIT, roles: ['rehabansvarig' as const] }],
};
const ROW = {
  vad: 'Arbetsträning utomhus',
  vem: 'Socialsekreterare',
  nar: '2026-04-01',
  varfor: 'Komma igång med regelbunden sysselsättning',
  gjort: false,
};

/**
 * Insatser without a mouse (WCAG 2.1.1): the catalogue search, an anvisning
 * from a progressionsplan row, the follow-up form starting from the plan's
 * goals, the list of one's placements, and the statistics with their CSV.
 */
describe('insatser by keyboard only', { timeout: 120_000 }, () => {
  const clock = new TestClock('2026-03-30T08:00:00.000Z');
  const session = browserSession(() => startWebApp({}, clock));
  let running: RunningApp;
  let page: Page;
  let insatsId: string;
  const heading = () => page.getByRole('heading', { level: 1 });

  beforeAll(async () => {
    ({ running, page } = session);
    const registered = await asPrincipal(running.app, KEEPER)
      .post('/api/insatser')
      .send({ ...ENTRY, name: 'Parkarbete Järva', providingUnit: UNIT });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    insatsId = registered.body.insatsId as string;
    await eventually(async () =>
      expect((await asPrincipal(running.app, KEEPER).get(`/api/insatser/${insatsId}`)).status).toBe(200),
    );
  });

  async function openCase(reference: string): Promise<string> {
    const opened = await asPrincipal(running.app, SOCIAL_WORKER)
      .post('/api/cases')
      .send({ reference, unit: UNIT, socialWorkerId: SOCIAL_WORKER.id });
    return opened.body.caseId as string;
  }

  /** A client of the social worker's, placed on the entry over the API. */
  async function placed(reference: string) {
    const api = asPrincipal(running.app, SOCIAL_WORKER);
    const caseId = await openCase(reference);
    const started = await api.post(`/api/cases/${caseId}/processes`).send({ definitionId: 'insats' });
    const events = `/api/cases/${caseId}/processes/${started.body.instanceId}/events`;
    await api
      .post(events)
      .send({ event: 'PlacementAssigned', payload: { ...ASSIGNED, insatsId } })
      .expect(200);
    return { api, events };
  }

  it('the social worker finds the insats in the catalogue, places a client from a progressionsplan row and records the facts for the statistics', async () => {
    const caseId = await openCase('PR 6105');
    await asPrincipal(running.app, REHAB)
      .post(`/api/cases/${caseId}/progressionsplan`)
      .send({ category: 4, followUpOwner: 'rehabansvarig', items: [ROW] })
      .expect(200);

    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/insatser`);
    await expect.poll(() => heading().textContent()).toBe('Insatskatalog');
    const search = page.getByRole('form', { name: 'Sök i katalogen' });
    await selectByKeyboard(page, search.getByLabel('Inriktning'), 'utomhusarbete');
    await tabTo(page, search.getByLabel('Bara insatser med lediga platser'));
    await page.keyboard.press('Space');
    await tabTo(page, search.getByRole('button', { name: 'Sök' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('row', { name: /Parkarbete Järva/ }).count()).toBe(1);

    await page.goto(`${running.url}/arenden/${caseId}`);
    await expect.poll(() => heading().textContent()).toBe('Ärende PR 6105');
    await tabTo(page, page.getByRole('button', { name: `Anvisa till insats utifrån rad 1: ${ROW.vad}` }));
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Arbetsmarknadsinsats', exact: true });
    const form = panel.locator('form');
    // The anvisning opens at once, with what the row says.
    await expect.poll(() => form.getByLabel('Behov').inputValue()).toBe(`${ROW.vad}. ${ROW.varfor}`);
    expect(await form.getByLabel('En rad i progressionsplanen').isChecked()).toBe(true);
    expect(await form.getByRole('spinbutton', { name: /^Rad i progressionsplanen/ }).inputValue()).toBe('1');

    const insats = form.getByRole('combobox', { name: /^Insats/ });
    await expect
      .poll(() => insats.locator('option').allTextContents())
      .toContain('Parkarbete Järva (jarva-1), 10 lediga platser');
    await selectByKeyboard(page, insats, insatsId);
    await typeDate(page, form.getByLabel('Anvisad'), '2026-03-30');
    await typeDate(page, form.getByLabel('Beslutsdatum'), ASSIGNED.decision.decidedOn);
    await typeInto(page, form.getByLabel(/^Beslutets referens/), ASSIGNED.decision.reference);
    await chooseByKeyboard(
      page,
      form.getByRole('group', { name: /^Utredning\b/ }),
      'FIA (Förutsättningar inför arbete)',
    );
    await typeDate(page, form.getByLabel('Utredningen gjordes'), ASSIGNED.utredning.doneOn);
    await chooseByKeyboard(page, form.getByRole('group', { name: /^Deltar klienten/ }), 'Nej');
    await tabTo(page, form.getByRole('button', { name: 'Anvisa till insats' }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Sparat: Anvisa till insats.');
    const placements = page.getByRole('region', { name: 'Insatser', exact: true });
    await expect
      .poll(() => placements.getByRole('row', { name: /PR 6105/ }).textContent())
      .toContain('Utgår från progressionsplanen, rad 1');
    await expectAccessible(page, 'ärendet med en anvisning från progressionsplanen');

    const facts = page.getByRole('region', { name: 'Uppgifter för statistik' });
    await tabTo(page, facts.getByRole('button', { name: 'Registrera uppgifter för statistik' }));
    await page.keyboard.press('Enter');
    await chooseByKeyboard(page, facts.getByRole('group', { name: /^Kön/ }), 'Kvinna');
    await selectByKeyboard(page, facts.getByRole('combobox', { name: /^Åldersgrupp/ }), '25-29');
    await typeDate(page, facts.getByLabel('Aktuell på ekonomiskt bistånd sedan'), '2026-01-12');
    await selectByKeyboard(page, facts.getByRole('combobox', { name: /^Huvudsaklig orsak/ }), 'arbetslos');
    await selectByKeyboard(
      page,
      facts.getByRole('combobox', { name: /^Målgrupp/ }),
      'arbetsmarknadsinsatser',
    );
    await tabTo(page, facts.getByRole('button', { name: 'Spara uppgifterna' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => facts.locator('dl').textContent()).toContain('25–29 år');
    expect(await facts.locator('dl').textContent()).toContain('I målgruppen för arbetsmarknadsinsatser');
  });

  it('the social worker starts an anvisning from the case manager’s plan, filled in from its huvudmål', async () => {
    const caseId = await openCase('CM 7108');
    const actor = (role: 'socialsekreterare' | 'bitradande_enhetschef' | 'case_manager', id: string) =>
      asPrincipal(running.app, { id, name: id, memberships: [{ unit: UNIT, roles: [role] }] });
    const cm = (
      await actor('socialsekreterare', SOCIAL_WORKER.id)
        .post(`/api/cases/${caseId}/processes`)
        .send({ definitionId: 'case-manager' })
    ).body.instanceId as string;
    const step = (
      role: 'socialsekreterare' | 'bitradande_enhetschef' | 'case_manager',
      id: string,
      event: string,
      payload: object = {},
    ) =>
      actor(role, id)
        .post(`/api/cases/${caseId}/processes/${cm}/events`)
        .send({ event, payload })
        .expect(200);
    await step('socialsekreterare', SOCIAL_WORKER.id, 'ReferralSubmitted', {
      goal: 'Arbetsträning inom sex månader',
      motivated: true,
      struggles: true,
      farFromLabourMarket: true,
    });
    await step('bitradande_enhetschef', 'jarva-1-bec', 'CaseManagerAssigned', {
      caseManagerId: `${UNIT}-cm`,
    });
    await step('case_manager', `${UNIT}-cm`, 'CriteriaMet', {
      clearGoal: true,
      consentWithHealthcareAndAf: true,
      noOngoingSubstanceAbuse: true,
      noRiskOfThreatOrViolence: true,
      understandsWithoutInterpreter: true,
    });
    await step('socialsekreterare', SOCIAL_WORKER.id, 'ClientAcceptedInformation');
    await step('case_manager', `${UNIT}-cm`, 'InterventionAccepted', { startMeetingOn: '2026-03-30' });
    await step('case_manager', `${UNIT}-cm`, 'StartMeetingHeld', {
      startDate: '2026-03-30',
      mainGoal: 'Arbetsträning 50 % inom ett år',
      subGoals: ['Regelbunden dygnsrytm'],
    });

    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    await expect.poll(() => heading().textContent()).toBe('Ärende CM 7108');
    await tabTo(page, page.getByRole('button', { name: 'Anvisa till insats utifrån planeringen' }));
    await page.keyboard.press('Enter');
    const form = page.getByRole('region', { name: 'Arbetsmarknadsinsats', exact: true }).locator('form');
    await expect.poll(() => form.getByLabel('Behov').inputValue()).toBe('Arbetsträning 50 % inom ett år');
    expect(await form.getByLabel('Case managers planering').isChecked()).toBe(true);
    await expectAccessible(page, 'anvisning från case managers planering');
  });

  it('the social worker records a follow-up starting from the plan’s goals, and opens the case from the list of placements', async () => {
    const { api, events } = await placed('UF 1974');
    await api.post(events).send({ event: 'PlacementStarted', payload: STARTED }).expect(200);

    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/placeringar`);
    const mine = page.getByRole('region', { name: 'Mina klienters insatser' });
    await tabTo(page, mine.getByRole('link', { name: 'UF 1974' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading().textContent()).toBe('Ärende UF 1974');

    const panel = page.getByRole('region', { name: 'Arbetsmarknadsinsats', exact: true });
    await tabTo(page, panel.getByRole('button', { name: 'Registrera uppföljning' }));
    await page.keyboard.press('Enter');
    const form = panel.locator('form');
    const goals = [STARTED.plan.mal, ...STARTED.plan.delmal];
    for (const [index, goal] of goals.entries())
      expect(
        await form
          .getByRole('group', { name: `Mål och delmål, rad ${index + 1}` })
          .getByLabel('Mål eller delmål')
          .inputValue(),
      ).toBe(goal);

    await typeDate(page, form.getByLabel('Uppföljningen hölls'), '2026-03-30');
    const participants = form.getByRole('group', { name: /^Deltog/ });
    for (const who of ['Klienten', 'Socialsekreterare']) {
      await tabTo(page, participants.getByLabel(who));
      await page.keyboard.press('Space');
    }
    for (const index of goals.keys())
      await chooseByKeyboard(
        page,
        form.getByRole('group', { name: `Mål och delmål, rad ${index + 1}` }),
        'Pågår',
      );
    await typeInto(page, form.getByLabel('Planerade timmar'), '48');
    await typeInto(page, form.getByLabel('Närvarotimmar'), '40');
    for (const capacity of ['Fysisk arbetsförmåga', 'Psykisk arbetsförmåga', 'Social arbetsförmåga'])
      await chooseByKeyboard(
        page,
        form.getByRole('group', { name: new RegExp(`^${capacity}`) }),
        '3 – God med stöd',
      );
    await typeInto(page, form.getByLabel('Klientens egen syn'), 'Trivs och vill fortsätta');
    const readiness = form.getByRole('group', { name: /^Redo för Jobbtorg Resurs/ });
    for (const criterion of await readiness.getByRole('group').all())
      await chooseByKeyboard(page, criterion, 'Delvis');
    await expectAccessible(page, 'uppföljningsformuläret');
    await tabTo(page, form.getByRole('button', { name: 'Registrera uppföljning' }));
    await page.keyboard.press('Enter');

    const placements = page.getByRole('region', { name: 'Insatser', exact: true });
    await expect
      .poll(() => placements.getByRole('row', { name: /UF 1974/ }).textContent())
      .toContain('2026-06-30');
    expect(await placements.locator('.notice').textContent()).toContain(
      'Fas 2–3: Parkarbete Järva är jobbfokuserande.',
    );
    await page.goto(`${running.url}/placeringar`);
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Mina klienters insatser' })
          .getByRole('row', { name: /UF 1974/ })
          .textContent(),
      )
      .toContain('2026-06-30');
    await expectAccessible(page, 'mina klienters insatser');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'mina klienters insatser i mobilen');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the biträdande enhetschef shows the outcomes and downloads them as CSV', async () => {
    const { api, events } = await placed('AV 1981');
    await api
      .post(events)
      .send({
        event: 'PlacementClosed',
        payload: { outcome: 'studier', endedOn: '2026-03-30', summary: 'Komvux' },
      })
      .expect(200);

    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.goto(`${running.url}/statistik`);
    await tabTo(page, page.getByRole('button', { name: 'Visa rapporten' }));
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: 'Utfall av avslutade insatser' });
    await expect.poll(() => table.getByRole('row', { name: /Studier/ }).textContent()).toContain('100,0 %');
    // The same report drawn: one bar for the one row, as long as the chart allows for its largest value.
    const bars = page
      .getByRole('img', { name: 'Avslutade per rad. Siffrorna finns i tabellen nedan.' })
      .locator('rect');
    expect(await bars.count()).toBe(1);
    expect(await bars.getAttribute('width')).toBe('250');
    await expectAccessible(page, 'statistik om insatser');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'statistik om insatser i mobilen');
    await page.setViewportSize({ width: 1280, height: 800 });
    await tabTo(page, page.getByRole('button', { name: 'Ladda ner som CSV' }));
    const csv = await textDownloadedBy(page, () => page.keyboard.press('Enter'));
    expect(csv.split('\n').filter(Boolean)).toEqual([
      '\uFEFFEnhet;Utfall;Avslutade;Andel av enhetens avslut',
      'jarva-1;Studier;1;100,0',
    ]);
  });
});
