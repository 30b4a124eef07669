import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { as, eventually, signedInOnce, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, CM_CRITERIA, CM_TARGET_GROUP, UNIT } from './flows';

type Step = { event: string; schema: { properties: Record<string, Record<string, unknown>> } };

/**
 * Process 6 over HTTP (toolbox.md): the remiss goes to CM:s biträdande, who
 * names a case manager of the unit, chosen by name; the social worker then
 * checks in with the CM every month while the plan is carried out.
 */
describe('case manager: the assignment and the monthly check-in', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  let cm: string;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const assign = (caseManagerId: string) =>
    chef()
      .post(`/api/cases/${c.caseId}/processes/${cm}/events`)
      .send({ event: 'CaseManagerAssigned', payload: { caseManagerId } });

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    await signedInOnce(app, 'cm-rinkeby', 'rinkeby-2', 'case_manager');
    c = await CaseDriver.open(app, 'CM 6811');
    cm = await c.start('case-manager');
    await c.send('socialsekreterare', cm, 'ReferralSubmitted', { goal: 'Arbetsträning', ...CM_TARGET_GROUP });
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("given the remiss, then CM:s biträdande is offered the unit's case managers by name, and no one of another unit", async () => {
    const next = (await chef().get(`/api/cases/${c.caseId}/next-steps`).expect(200)).body;
    const step = (next.steps as Step[]).find((s) => s.event === 'CaseManagerAssigned');
    const field = step?.schema.properties.caseManagerId;
    expect(field?.enum).toEqual([`${UNIT}-cm`]);
    expect(field?.['x-enumLabels']).toEqual({ [`${UNIT}-cm`]: 'Case manager, Järva' });
  });

  it.each([
    ['someone unknown', 'cm-okand', 'unknown-user'],
    ['a case manager of another unit', 'cm-rinkeby', 'not-staff-of-the-unit'],
    ['a social worker of the unit', `${UNIT}-ss`, 'not-staff-of-the-unit'],
  ])(
    'given %s, then the assignment is refused naming caseManagerId, and nothing is appended',
    async (_who, id, rule) => {
      const head = await app.get<EventStore>(EVENT_STORE).headPosition();
      const refused = await assign(id);
      expect([refused.status, refused.body.details.failed]).toEqual([
        422,
        [expect.objectContaining({ id: rule, field: 'caseManagerId' })],
      ]);
      expect(await app.get<EventStore>(EVENT_STORE).headPosition()).toEqual(head);
    },
  );

  it('given a case manager of the unit, then they are named and told in person', async () => {
    expect((await assign(`${UNIT}-cm`)).status).toBe(200);
    await eventually(async () => {
      const mine = (await as(app, 'case_manager', `${UNIT}-cm`).get('/api/notifications').expect(200)).body
        .items as { message: string }[];
      expect(mine.map((n) => n.message)).toContain(
        'Case manager (CM): Du har fått en remiss till case manager.',
      );
      const others = (await as(app, 'case_manager', 'cm-2').get('/api/notifications').expect(200)).body
        .items as { message: string }[];
      expect(others.map((n) => n.message)).not.toContain(
        'Case manager (CM): Du har fått en remiss till case manager.',
      );
    });
  });

  it('when CM:s biträdande changes the case manager, then the new one, chosen by name, is told in person and the social worker hears of it; naming the same one again is refused', async () => {
    await signedInOnce(app, 'cm-bo', UNIT, 'case_manager');
    const next = (await chef().get(`/api/cases/${c.caseId}/next-steps`).expect(200)).body;
    const field = (next.steps as Step[]).find((s) => s.event === 'CaseManagerChanged')?.schema.properties
      .caseManagerId;
    expect(field?.enum).toEqual(expect.arrayContaining(['cm-bo', `${UNIT}-cm`]));
    const change = (caseManagerId: string) =>
      chef()
        .post(`/api/cases/${c.caseId}/processes/${cm}/events`)
        .send({
          event: 'CaseManagerChanged',
          payload: {
            caseManagerId,
            reason: 'franvaro',
            clientInformed: true,
            handover: 'Nuläge: väntar på möte.',
          },
        });
    const same = await change(`${UNIT}-cm`);
    expect([same.status, same.body.details.failed]).toEqual([
      422,
      [expect.objectContaining({ id: 'same-case-manager', field: 'caseManagerId' })],
    ]);
    expect((await change('cm-bo')).status).toBe(200);
    const told =
      'Case manager (CM): Klienten har fått en ny case manager; läs överlämningen i ärendets historik.';
    await eventually(async () => {
      const bo = (await as(app, 'case_manager', 'cm-bo').get('/api/notifications').expect(200)).body
        .items as {
        message: string;
      }[];
      expect(bo.map((n) => n.message)).toContain(told);
      const worker = (
        await as(app, 'socialsekreterare', c.userFor('socialsekreterare')).get('/api/notifications')
      ).body.items as { message: string }[];
      expect(worker.map((n) => n.message)).toContain(told);
    });
    const history = (await as(app, 'case_manager', 'cm-bo').get(`/api/cases/${c.caseId}/history`).expect(200))
      .body.entries as { type: string; data: { payload: { handover: string } } }[];
    expect(history.find((e) => e.type === 'CaseManagerChanged')?.data.payload.handover).toBe(
      'Nuläge: väntar på möte.',
    );
  });

  it('given the plan is shared, when a month passes without a check-in, then the social worker is reminded and has the check-in to record', async () => {
    await c.send('case_manager', cm, 'CriteriaMet', CM_CRITERIA);
    await c.send('socialsekreterare', cm, 'ClientAcceptedInformation');
    await c.send('case_manager', cm, 'InterventionAccepted', { startMeetingOn: '2026-03-04' });
    await c.send('case_manager', cm, 'StartMeetingHeld', {
      startDate: '2026-03-02',
      mainGoal: 'Arbetsträning 50 %',
      subGoals: ['Regelbunden sömn'],
    });
    await c.send('case_manager', cm, 'PlanShared');
    clock.set('2026-04-02T09:00:00.000Z');
    await eventually(async () => {
      const run = (await as(app, 'operator').post('/api/admin/deadlines/run').expect(200)).body;
      expect(run.failed).toEqual([]);
      const notes = (
        await as(app, 'socialsekreterare', c.userFor('socialsekreterare')).get('/api/notifications')
      ).body.items as { message: string }[];
      expect(notes.map((n) => n.message)).toContain(
        'Case manager (CM): tidsgränsen har passerats – Stäm av med case managern varje månad (senast 2026-04-02)',
      );
    });
    const next = (
      await as(app, 'socialsekreterare', c.userFor('socialsekreterare')).get(
        `/api/cases/${c.caseId}/next-steps`,
      )
    ).body;
    expect((next.steps as Step[]).map((s) => s.event)).toContain('SocialWorkerCheckedIn');
    await c.send('socialsekreterare', cm, 'SocialWorkerCheckedIn', { checkedInOn: '2026-04-01' });
  });
});
