import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { collect } from '@app/event-store/testing';
import { ENTRY } from '@app/insatser/testing/entry';
import { ASSIGNED, FOLLOW_UP, STARTED } from '../processes/insats/testing/payloads';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, PLAN, UNIT } from './flows';

const KISTA = 'kista-1';

interface Step {
  instanceId: string;
  event: string;
  initial?: Record<string, unknown>;
}

/**
 * Where a placement comes from and where it leads, over HTTP (insatser.md):
 * an anvisning entered from a progressionsplan row names a row the case
 * has; a closure to "annan insats" opens the next placement, whose forms
 * start from the beslut and the plan of the one before and which shows the
 * follow-ups held there; the follow-up form starts from the plan's goals and
 * the hours the arbetsledare reported.
 */
describe('insatser: from the plan, to the next insats, and what the forms start from', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  let park: string;
  let workshop: string;
  let carpentry: string;
  const socialWorker = () => as(app, 'socialsekreterare', 'ss-anna', UNIT);
  const register = async (entry: object) => {
    const response = await as(
      app,
      'insatsansvarig',
      `ia-${String((entry as { providingUnit: string }).providingUnit)}`,
      (entry as { providingUnit: string }).providingUnit,
    )
      .post('/api/insatser')
      .send(entry);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.insatsId as string;
  };
  const stepsOf = async (driver: CaseDriver, instanceId: string): Promise<Step[]> =>
    (
      (await socialWorker().get(`/api/cases/${driver.caseId}/next-steps`).expect(200)).body.steps as Step[]
    ).filter((step) => step.instanceId === instanceId);
  const initialOf = async (driver: CaseDriver, instanceId: string, event: string) =>
    (await stepsOf(driver, instanceId)).find((step) => step.event === event)?.initial;
  const placementsOf = (driver: CaseDriver, count: number) =>
    eventually(async () => {
      const page = await socialWorker().get(`/api/placements?caseId=${driver.caseId}`).expect(200);
      expect(page.body.items).toHaveLength(count);
      return page.body.items as Record<string, unknown>[];
    });

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    park = await register({ ...ENTRY, name: 'Parken', providingUnit: UNIT });
    carpentry = await register({ ...ENTRY, name: 'Snickeriet', providingUnit: UNIT });
    workshop = await register({
      ...ENTRY,
      name: 'Cykelverkstan Kista',
      providingUnit: KISTA,
      openTo: 'alla_enheter',
      priceForOtherUnitsSek: 6000,
    });
    await eventually(async () =>
      expect((await socialWorker().get(`/api/insatser/${workshop}`)).status).toBe(200),
    );
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given an anvisning from a progressionsplan row, then it must name a row the case has, and the placement says which', async () => {
    const driver = await CaseDriver.open(app, 'PP 5802');
    const pl = await driver.start('insats');
    const events = `/api/cases/${driver.caseId}/processes/${pl}/events`;
    const fromRow = (planRow: number) => ({
      event: 'PlacementAssigned',
      payload: { ...ASSIGNED, insatsId: park, origin: 'progressionsplan', planRow },
    });
    const stored = async () =>
      (await collect(app.get<EventStore>(EVENT_STORE).readStream(`case-${driver.caseId}`))).length;

    const before = await stored();
    const noPlan = await socialWorker().post(events).send(fromRow(1));
    expect([noPlan.status, noPlan.body.details.failed]).toEqual([
      422,
      [expect.objectContaining({ id: 'plan-row-exists', field: 'planRow' })],
    ]);
    await as(app, 'rehabansvarig')
      .post(`/api/cases/${driver.caseId}/progressionsplan`)
      .send({ ...PLAN, category: 4, followUpOwner: 'rehabansvarig' })
      .expect(200);
    const afterPlan = await stored();
    const noSuchRow = await socialWorker().post(events).send(fromRow(2));
    expect([noSuchRow.status, noSuchRow.body.details.failed[0].id]).toEqual([422, 'plan-row-exists']);
    const badRow = await socialWorker().post(events).send(fromRow(0));
    expect([badRow.status, badRow.body.details.violations[0].field]).toEqual([400, 'planRow']);
    expect([before + 1, await stored()]).toEqual([afterPlan, afterPlan]);

    await driver.send('socialsekreterare', pl, 'PlacementAssigned', fromRow(1).payload);
    const [placement] = await placementsOf(driver, 1);
    expect(placement.origin).toEqual({ kind: 'progressionsplan', planRow: 1 });
  });

  it('given two follow-ups and a closure to "annan insats", then the next placement opens with the beslut, the plan and the follow-ups of the one before, and the reading is logged', async () => {
    const driver = await CaseDriver.open(app, 'KE 6110');
    const first = await driver.start('insats');
    await driver.send('socialsekreterare', first, 'PlacementAssigned', { ...ASSIGNED, insatsId: park });
    expect(await initialOf(driver, first, 'PlacementStarted')).toBeUndefined();
    await driver.send('socialsekreterare', first, 'PlacementStarted', STARTED);
    clock.set('2026-03-30T10:00:00.000Z');
    await driver.send('socialsekreterare', first, 'FollowUpHeld', FOLLOW_UP);
    clock.set('2026-06-22T10:00:00.000Z');
    await driver.send('socialsekreterare', first, 'FollowUpHeld', { ...FOLLOW_UP, heldOn: '2026-06-22' });
    const closed = await driver.send('socialsekreterare', first, 'PlacementClosed', {
      outcome: 'annan_insats',
      endedOn: '2026-06-22',
      summary: 'Klarar mer; nästa steg är verkstaden',
    });
    expect(closed).toEqual(expect.arrayContaining(['ProcessStarted', 'PlacementContinued']));

    const placements = await placementsOf(driver, 2);
    const next = placements.find((p) => p.instanceId !== first)!;
    expect(next).toMatchObject({
      phase: 'anvisning',
      continuesFrom: { instanceId: first, insatsName: 'Parken', followUpsHeld: 2 },
    });
    const nextId = String(next.instanceId);
    expect(await initialOf(driver, nextId, 'PlacementAssigned')).toEqual({
      decision: ASSIGNED.decision,
      utredning: ASSIGNED.utredning,
    });
    await driver.send('socialsekreterare', nextId, 'PlacementAssigned', { ...ASSIGNED, insatsId: carpentry });
    const nextSteps = await socialWorker().get(`/api/cases/${driver.caseId}/next-steps`).expect(200);
    const start = (nextSteps.body.steps as Step[]).find(
      (step) => step.instanceId === nextId && step.event === 'PlacementStarted',
    );
    expect(start?.initial).toEqual({ plan: STARTED.plan, scope: STARTED.scope });
    expect(JSON.stringify(nextSteps.body)).not.toContain('enc:v1:');
    const chef = as(app, 'bitradande_enhetschef', 'bec-1', UNIT);
    await eventually(async () => {
      const log = (await chef.get(`/api/access-log/cases/${driver.caseId}`).expect(200)).body.items;
      expect(log).toContainEqual(expect.objectContaining({ userId: 'ss-anna', view: 'next-steps' }));
    });
  });

  it("given a placement on another unit's insats, when its arbetsledare reports hours, then the social worker's follow-up form starts from them and the plan's goals", async () => {
    const driver = await CaseDriver.open(app, 'AL 7207');
    const pl = await driver.start('insats');
    clock.set('2026-07-01T09:00:00.000Z');
    await driver.send('socialsekreterare', pl, 'PlacementAssigned', {
      ...ASSIGNED,
      insatsId: workshop,
      assignedOn: '2026-07-01',
    });
    const keeper = as(app, 'insatsansvarig', 'ia-kista', KISTA);
    const placementId = await eventually(async () => {
      const page = await keeper.get('/api/partner-placements?awaitingAnswer=true').expect(200);
      const mine = (page.body.items as { placementId: string; placingUnit: string }[]).at(-1);
      expect(mine).toBeDefined();
      return mine!.placementId;
    });
    await keeper
      .post(`/api/partner-placements/${placementId}/accept`)
      .send({ acceptedOn: '2026-07-01' })
      .expect(200);
    await driver.send('socialsekreterare', pl, 'PlacementStarted', { ...STARTED, startedOn: '2026-07-01' });
    clock.set('2026-07-20T09:00:00.000Z');
    const supervisor = as(app, 'arbetsledare', 'al-kista', KISTA);
    for (const [from, to, plannedHours, attendedHours] of [
      ['2026-07-01', '2026-07-07', 12, 12],
      ['2026-07-08', '2026-07-14', 12, 6],
    ] as const)
      await supervisor
        .post(`/api/partner-placements/${placementId}/attendance`)
        .send({ from, to, plannedHours, attendedHours })
        .expect(200);

    expect(await initialOf(driver, pl, 'FollowUpHeld')).toEqual({
      goals: [STARTED.plan.mal, ...STARTED.plan.delmal].map((goal) => ({ goal })),
      attendance: { plannedHours: 24, attendedHours: 18 },
    });
  });
});
