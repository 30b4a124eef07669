import { IsIn } from 'class-validator';
import type { Page } from 'playwright-core';
import { setup } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Day,
  Label,
  ProcessRegistry,
  stateMeta as meta,
  type ProcessDefinition,
  type ProcessEvent,
} from '@app/engine';
import { asPrincipal, TestClock } from '../app-harness';
import { CaseDriver, FULL_CHANGE, CM_ASSIGNED, CM_TARGET_GROUP } from '../flows';
import {
  expectAccessible,
  screenshot,
  signInAs,
  startWebApp,
  type RunningApp,
  browserSession,
  openStep,
} from './browser';

/** A seventh process, registered only here: the UI must offer and run it with no UI code of its own. */
class VisitBooked {
  @Label('Besöksdag', { help: 'Dagen då besöket görs.' }) @Day() visitOn!: string;
  @Label('Typ av besök', { options: { hembesok: 'Hembesök', kontor: 'Besök på kontoret' } })
  @IsIn(['hembesok', 'kontor'])
  kind!: string;
}

const homeVisit: ProcessDefinition = {
  id: 'hembesok',
  version: 1,
  title: 'Hembesök',
  description: 'En testprocess som bara finns i det här testet.',
  machine: setup({ types: { events: {} as ProcessEvent } }).createMachine({
    id: 'hembesok',
    initial: 'boka',
    states: {
      boka: {
        meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Boka besök' }),
        on: { VisitBooked: 'besok' },
      },
      besok: {
        meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Besöket' }),
        on: { VisitHeld: 'klar' },
      },
      klar: { type: 'final', meta: meta({ kind: 'end', title: 'Besöket är gjort' }) },
    },
  }),
  startLanes: ['socialsekreterare'],
  events: {
    VisitBooked: { label: 'Boka besöket', lanes: ['socialsekreterare'], payload: VisitBooked },
    VisitHeld: { label: 'Besöket är gjort', lanes: ['socialsekreterare'] },
  },
  deadlines: {},
};

const SOCIAL_WORKER = {
  id: 'jarva-1-ss',
  name: 'SS',
  memberships: [{ unit: 'jarva-1', roles: ['socialsekreterare' as const] }],
};
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('workflow-driven UI: what the engine allows, nothing hard-coded', { timeout: 60_000 }, () => {
  const clock = new TestClock('2026-11-23T08:00:00.000Z');
  const session = browserSession(async () => {
    const app = await startWebApp({}, clock);
    app.app.get(ProcessRegistry).register(homeVisit);
    return app;
  });
  let running: RunningApp;
  let page: Page;
  beforeAll(() => {
    ({ running, page } = session);
  });

  /** Opens a case as the demo social worker through the API: these tests are about what the UI then shows. */
  async function openCase(
    reference: string,
    start: string[] = [],
  ): Promise<{ caseId: string; instances: string[] }> {
    const api = asPrincipal(running.app, SOCIAL_WORKER);
    const opened = await api
      .post('/api/cases')
      .send({ reference, unit: 'jarva-1', socialWorkerId: 'jarva-1-ss' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const instances: string[] = [];
    for (const definitionId of start) {
      const started = await api.post(`/api/cases/${opened.body.caseId}/processes`).send({ definitionId });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      instances.push(started.body.instanceId as string);
    }
    return { caseId: opened.body.caseId as string, instances };
  }

  it('offers and runs a process added to the registry, with a form generated from its schema', async () => {
    const { caseId } = await openCase('HB 1980');
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    await page.getByRole('button', { name: 'Starta Hembesök' }).click();
    await page.getByRole('button', { name: 'Starta', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Hembesök', exact: true });
    await openStep(panel, 'Boka besöket');
    const form = panel.locator('form');
    expect(await form.getByLabel('Besöksdag').getAttribute('type')).toBe('date');
    expect(await form.getByText('Dagen då besöket görs.').count()).toBe(1);
    // Enum values appear as radio buttons named by the schema's x-enumLabels.
    expect(await form.getByRole('radio', { name: 'Hembesök' }).count()).toBe(1);
    expect(await form.getByRole('radio', { name: 'Besök på kontoret' }).count()).toBe(1);
    await form.getByRole('button', { name: 'Boka besöket' }).click();
    // Required fields are named before anything is sent.
    await expect.poll(() => form.locator('.field-error').count()).toBe(2);
    await form.getByLabel('Besöksdag').fill('2026-12-01');
    await form.getByRole('radio', { name: 'Hembesök' }).check();
    await form.getByRole('button', { name: 'Boka besöket' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Sparat: Boka besöket.');
    await expect.poll(() => panel.textContent()).toContain('Nu: Besöket (Socialsekreterare)');
    // Its diagram is the BPMN export of the new process, current step highlighted.
    await expect.poll(() => panel.locator('.bpmn .current-step').count()).toBe(1);
    await expectAccessible(page, 'ärende med sjunde processen');
    await screenshot(page, '07-sjunde-processen');
  });

  it('shows which CM criteria fail, next to each, and records nothing', async () => {
    const { caseId, instances } = await openCase('CM 1975', ['case-manager']);
    const api = asPrincipal(running.app, SOCIAL_WORKER);
    const referred = await api
      .post(`/api/cases/${caseId}/processes/${instances[0]}/events`)
      .send({ event: 'ReferralSubmitted', payload: { goal: 'Arbete på deltid', ...CM_TARGET_GROUP } });
    expect(referred.status).toBe(200);

    // CM:s biträdande names the case manager from the unit's, by name: no id is typed.
    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.getByRole('link', { name: 'CM 1975' }).first().click();
    await expect.poll(() => heading(page)).toBe('Ärende CM 1975');
    const assigning = page.getByRole('region', { name: 'Case manager (CM)', exact: true });
    await openStep(assigning, 'Fördela till case manager');
    await assigning.locator('form').getByLabel('Case manager, Järva').check();
    await assigning.locator('form').getByRole('button', { name: 'Fördela till case manager' }).click();
    await expect
      .poll(() => assigning.getByRole('button', { name: 'Fördela till case manager' }).count())
      .toBe(0);
    const assigned = await asPrincipal(running.app, SOCIAL_WORKER).get(`/api/cases/${caseId}/history`);
    expect(
      assigned.body.entries.find((e: { type: string }) => e.type === 'CaseManagerAssigned')?.data.payload,
    ).toEqual({ caseManagerId: 'jarva-1-cm' });

    await signInAs(page, running.url, 'Case manager, Järva');
    await page.getByRole('link', { name: 'CM 1975' }).first().click();
    await expect.poll(() => heading(page)).toBe('Ärende CM 1975');
    const panel = page.getByRole('region', { name: 'Case manager (CM)', exact: true });
    await panel.getByRole('button', { name: 'Kriterierna är uppfyllda' }).click();
    const form = panel.locator('form');
    await form.getByLabel('Tydligt mål finns').check();
    await form.getByLabel('Samtycke med vården och AF/Jobbtorg').check();
    await form.getByLabel('Ingen risk för hot eller våld').check();
    await form.getByRole('button', { name: 'Kriterierna är uppfyllda' }).click();

    const substance = form.locator('.field', { has: page.getByLabel('Inget pågående missbruk') });
    const interpreter = form.locator('.field', {
      has: page.getByLabel('Förstår och gör sig förstådd utan tolk'),
    });
    await expect
      .poll(() => substance.locator('.field-error').textContent())
      .toBe('Klienten har ett pågående missbruk.');
    expect(await interpreter.locator('.field-error').textContent()).toBe(
      'Klienten behöver tolk för att förstå och göra sig förstådd.',
    );
    expect(await form.locator('.field-error').count()).toBe(2);
    expect(await page.getByLabel('Inget pågående missbruk').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'CM-kriterier som inte är uppfyllda');
    await screenshot(page, '08-cm-kriterier');

    const history = await asPrincipal(running.app, SOCIAL_WORKER).get(`/api/cases/${caseId}/history`);
    expect(history.body.entries.map((e: { type: string }) => e.type)).not.toContain('CriteriaMet');
  });

  it('warns of frequent caseworker changes and shows the CM plan with its follow-ups', async () => {
    const { caseId, instances } = await openCase('WX 1958', ['case-manager']);
    const supervisor = asPrincipal(running.app, {
      id: 'jarva-1-bec',
      name: 'BEC',
      memberships: [{ unit: 'jarva-1', roles: ['bitradande_enhetschef'] }],
    });
    for (const worker of ['jarva-1-ss2', 'jarva-1-ss'])
      expect(
        (
          await supervisor
            .post(`/api/cases/${caseId}/caseworker`)
            .send({ socialWorkerId: worker, ...FULL_CHANGE })
        ).status,
      ).toBe(200);
    const cm = asPrincipal(running.app, {
      id: 'jarva-1-cm',
      name: 'CM',
      memberships: [{ unit: 'jarva-1', roles: ['case_manager'] }],
    });
    const steps: [typeof cm, string, object][] = [
      [asPrincipal(running.app, SOCIAL_WORKER), 'ReferralSubmitted', { goal: 'Arbete', ...CM_TARGET_GROUP }],
      [supervisor, 'CaseManagerAssigned', CM_ASSIGNED],
      [
        cm,
        'CriteriaMet',
        {
          clearGoal: true,
          consentWithHealthcareAndAf: true,
          noOngoingSubstanceAbuse: true,
          noRiskOfThreatOrViolence: true,
          understandsWithoutInterpreter: true,
        },
      ],
      [asPrincipal(running.app, SOCIAL_WORKER), 'ClientAcceptedInformation', {}],
      [cm, 'InterventionAccepted', { startMeetingOn: '2026-11-30' }],
      [
        cm,
        'StartMeetingHeld',
        { startDate: '2026-11-23', mainGoal: 'Praktik inom vården', subGoals: ['Dygnsrytm'] },
      ],
      [cm, 'PlanShared', {}],
      [
        cm,
        'FollowUpMeetingHeld',
        {
          heldOn: '2026-11-23',
          present: 'Klient och CM',
          summary: 'Praktikplats klar',
          mainGoalStatus: 'pagar',
          subGoals: [{ subGoal: 'Dygnsrytm', status: 'uppnatt' }],
        },
      ],
    ];
    for (const [who, event, payload] of steps) {
      const sent = await who
        .post(`/api/cases/${caseId}/processes/${instances[0]}/events`)
        .send({ event, payload });
      expect(sent.status, `${event}: ${JSON.stringify(sent.body)}`).toBe(200);
    }

    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    await expect
      .poll(() => page.getByRole('note').textContent())
      .toContain('bytt ansvarig socialsekreterare 2 gånger');
    const plan = page.locator('.cm-plan');
    await expect.poll(() => plan.textContent()).toContain('Praktik inom vården');
    const text = await plan.textContent();
    for (const part of ['Dygnsrytm', 'Uppföljningsmöten (1)', 'Praktikplats klar', 'Dygnsrytm: Uppnått'])
      expect(text).toContain(part);
    await expectAccessible(page, 'ärende med CM-plan och varning');
    await screenshot(page, '13-cm-plan-och-varning');
  });

  it('changes the responsible social worker with a colleague chosen by name, a reason and the hand-over', async () => {
    const { caseId } = await openCase('RS 1984');
    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    const section = page.getByRole('region', { name: 'Ärendet', exact: true });
    await section.getByRole('button', { name: 'Byt ansvarig socialsekreterare' }).click();
    const form = section.locator('form');
    await form.getByLabel('Socialsekreterare 2, Järva').check();
    await form.getByLabel('Frånvaro').check();
    await form.getByLabel('Nej, inte ännu').check();
    await form.getByLabel('Överlämning till den nya socialsekreteraren').fill('Nuläge: söker praktik.');
    await form.getByRole('button', { name: 'Byt socialsekreterare' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Ny ansvarig socialsekreterare är registrerad.');
    const change = page.getByRole('region', { name: 'Senaste handläggarbyte' });
    await expect.poll(() => change.textContent()).toContain('Skäl: Frånvaro');
    await expect
      .poll(() => change.textContent())
      .toContain('Socialsekreterare, Järva lämnade över till Socialsekreterare 2, Järva');
    const text = await change.textContent();
    expect(text).toContain('Klienten har inte fått veta om bytet ännu');
    expect(text).toContain('Nuläge: söker praktik.');
    await expectAccessible(page, 'handläggarbyte');
  });

  it('updates an open case without reload when someone else takes a step', async () => {
    const { caseId, instances } = await openCase('LV 1969', ['rehab-handledning']);
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.goto(`${running.url}/arenden/${caseId}`);
    const panel = page.getByRole('region', { name: 'Rehabansvarig handleder', exact: true });
    await expect.poll(() => panel.textContent()).toContain('Nu: Impuls');
    await expect.poll(() => page.getByText('Uppdateras automatiskt').count()).toBe(1);

    const sent = await asPrincipal(running.app, SOCIAL_WORKER)
      .post(`/api/cases/${caseId}/processes/${instances[0]}/events`)
      .send({ event: 'ImpulsRegistered', payload: { grounds: ['kategori-1-plan-klar'] } });
    expect(sent.status).toBe(200);
    await expect.poll(() => panel.textContent()).toContain('Nu: Kontakt med Rehabansvarig');
  });

  it('lists cases, flags many changes in the overview, starts a process from Nytt ärende, shows the access log; all accessible', async () => {
    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    await page.getByRole('link', { name: 'Ärenden', exact: true }).click();
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: /Ärenden du får se/ })
          .locator('tbody tr')
          .count(),
      )
      // One case per earlier test of this file that opens one.
      .toBe(5);
    await expectAccessible(page, 'ärenden');
    await screenshot(page, '09-arenden');

    await page.getByRole('link', { name: 'Enhetsöversikt' }).click();
    const changes = page.getByRole('region', { name: /Många handläggarbyten/ });
    await expect.poll(() => changes.getByRole('link', { name: 'WX 1958' }).count()).toBe(1);

    // A case whose follow-up ended in fas 0 appears among those with no intervention, counted per month and step.
    const stalled = await CaseDriver.open(running.app, 'FN 1961');
    await stalled.rehabToCategory4();
    const fl = await stalled.fortroendelakareToRecommendations();
    await stalled.send('rehabansvarig', fl, 'CheckInHeld', { notes: 'Avstämt' });
    await stalled.send('socialsekreterare', fl, 'ActionsTaken', { description: 'Inget har kommit igång' });
    await stalled.send('rehabansvarig', fl, 'FollowUpCompleted', { bipPhase: 0, outcome: 'Tillbakagång' });
    const phaseZero = page.getByRole('region', { name: /Ärenden utan insats, fas 0/ });
    await expect.poll(() => phaseZero.getByRole('link', { name: 'FN 1961' }).count()).toBe(1);
    const month = page.getByRole('table', { name: /Antal ärenden per BIP-fas/ }).locator('tbody tr', {
      hasText: 'november 2026',
    });
    expect((await month.locator('td').allTextContents())[1]).toBe('1');
    expect(await page.locator('.chart svg rect').count()).toBeGreaterThan(0);
    const steps = page.getByRole('table', { name: 'Pågående processer per steg' });
    expect(await steps.textContent()).toContain('Case manager (CM)');
    // A social worker in the introduktionsprogram gets a mentor, chosen by name.
    const mentors = page.getByRole('region', { name: 'Mentorer i introduktionsprogrammet' });
    await mentors
      .getByLabel('Mentor för Socialsekreterare 2, Järva')
      .selectOption({ label: 'Mentor, Järva' });
    await expect
      .poll(() => mentors.getByRole('status').textContent())
      .toBe('Sparat: mentor för Socialsekreterare 2, Järva.');
    await expect
      .poll(() => mentors.getByLabel('Mentor för Socialsekreterare 2, Järva').inputValue())
      .toBe('jarva-1-mentor');
    const waits = page.getByRole('table', { name: /Tid i varje processteg/ });
    const followUp = waits
      .locator('tbody tr', { hasText: 'Förtroendeläkare' })
      .filter({ hasText: 'Uppföljning' });
    expect(await followUp.count()).toBeGreaterThan(0);
    await phaseZero.getByRole('link', { name: 'FN 1961' }).click();
    await expect
      .poll(() => page.locator('dl.facts').first().textContent())
      .toContain('Fas 0: tillbakagång, ingen insats');

    // Nytt ärende also starts a process in an existing case.
    await signInAs(page, running.url, 'Socialsekreterare, Järva');
    await page.getByRole('link', { name: 'Nytt ärende' }).click();
    // Up to five cases are radio buttons; more would make a select.
    await page.getByRole('radio', { name: 'LV 1969 (Järva)' }).check();
    await page.getByLabel(/^Process/).selectOption({ label: 'Samverkan med vården / Jobbtorg vuxen' });
    await page.getByRole('button', { name: 'Starta processen' }).click();
    await expect.poll(() => heading(page)).toBe('Ärende LV 1969');
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Samverkan med vården / Jobbtorg vuxen', exact: true }).count(),
      )
      .toBe(1);

    await signInAs(page, running.url, 'Biträdande enhetschef, Järva');
    // A supervisor's header keeps the access log under Mer.
    await page.getByRole('button', { name: 'Mer' }).click();
    await page.getByRole('link', { name: 'Åtkomstlogg' }).click();
    await expect.poll(() => heading(page)).toBe('Åtkomstlogg');
    await page.getByLabel('Ärende', { exact: true }).selectOption({ label: 'CM 1975 (Järva)' });
    const byCase = page.getByRole('table', { name: 'Visningar av ärendet, senaste först' });
    // By the name the staff directory knows from the case manager's latest sign-in, and the role.
    await expect.poll(() => byCase.textContent()).toMatch(/(CM|Case manager, Järva)Case manager/);
    await page.getByLabel('Användarens id').fill('jarva-1-cm');
    await page.getByRole('button', { name: 'Sök' }).click();
    await expect
      .poll(() =>
        page.getByRole('table', { name: /^Vad (CM|Case manager, Järva) har visat, senaste först$/ }).count(),
      )
      .toBe(1);
    await expectAccessible(page, 'åtkomstlogg');
    await screenshot(page, '10-atkomstlogg');

    await page.goto(`${running.url}/finns-inte`);
    await expect.poll(() => heading(page)).toBe('Sidan finns inte');
    await expectAccessible(page, 'sidan finns inte');
  });
});
