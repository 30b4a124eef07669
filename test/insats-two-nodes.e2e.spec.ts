import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { caseStream, SYSTEM_ROLE } from '@app/engine';
import { ENTRY } from '@app/insatser/testing/entry';
import { ASSIGNED, FOLLOW_UP, STARTED } from '../processes/insats/testing/payloads';
import { DEADLINE_WORKER_ACTOR } from '../apps/api/src/escalation/deadline-worker';
import { as, eventually, otherNodeOf, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, UNIT } from './flows';

interface Due {
  deadlineId: string;
  name: string;
  dueAt: string;
}

/**
 * A placement's recurring follow-up deadline with two nodes on one log
 * (insatser.md: "fired once even with two nodes"): fired at the same
 * moment by both, it is reached once; held on the other node while this
 * one still lists it, the deadline the follow-up cancelled is never fired.
 */
describe('insatser: the follow-up deadline with two nodes', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  let insatsId: string;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1', UNIT);
  const runDeadlines = async () => {
    const response = await as(app, 'operator').post('/api/admin/deadlines/run');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { fired: unknown[]; skipped: { reason: string }[]; failed: unknown[] };
  };
  const reachedIn = async (caseId: string) => {
    const reached: string[] = [];
    for await (const event of app.get<EventStore>(EVENT_STORE).readStream(caseStream(caseId)))
      if (event.type === 'DeadlineReached') reached.push(String(event.data.deadlineId));
    return reached;
  };
  /** The deadline as this node's read models list it, with the case revision they saw. */
  const listed = (c: CaseDriver, deadline: Due) =>
    eventually(async () => {
      const items = (await chef().get(`/api/deadlines?dueBy=${deadline.dueAt}`)).body.items as {
        deadlineId: string;
        caseRevision: number;
      }[];
      const found = items.find((d) => d.deadlineId === deadline.deadlineId);
      expect(found?.caseRevision).toBe((await c.view()).revision);
      return found!;
    });

  async function running(reference: string) {
    const c = await CaseDriver.open(app, reference);
    const pl = await c.start('insats');
    await c.send('socialsekreterare', pl, 'PlacementAssigned', { ...ASSIGNED, insatsId });
    await c.send('socialsekreterare', pl, 'PlacementStarted', STARTED);
    return { c, pl, first: (await c.deadline('firstFollowUp')) as Due };
  }

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    const registered = await as(app, 'insatsansvarig', 'ia-1', UNIT)
      .post('/api/insatser')
      .send({ ...ENTRY, places: 50, providingUnit: UNIT });
    insatsId = registered.body.insatsId as string;
    await eventually(async () => expect((await chef().get(`/api/insatser/${insatsId}`)).status).toBe(200));
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given the first follow-up due and both nodes firing it at the same moment, then it is reached once', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const { c, first } = await running('TN 6601');
    clock.set(first.dueAt);
    const seen = await listed(c, first);
    const other = otherNodeOf(app);
    const [here, there] = await Promise.allSettled([
      runDeadlines(),
      other.engine.execute(
        { type: 'FireDeadline', caseId: c.caseId, deadlineId: first.deadlineId },
        {
          actorId: DEADLINE_WORKER_ACTOR,
          roles: [SYSTEM_ROLE],
          now: first.dueAt,
          correlationId: 'other-node',
          commandId: `deadline:${first.deadlineId}`,
          expectedRevision: seen.caseRevision,
        },
      ),
    ]).finally(() => other.close());
    if (here.status !== 'fulfilled') throw here.reason;
    const otherFired = there.status === 'fulfilled' && !there.value.replayed;
    expect(here.value.fired.length + (otherFired ? 1 : 0)).toBe(1);
    expect(await reachedIn(c.caseId)).toEqual([first.deadlineId]);
    const view = await c.view();
    expect(view.processes[0].state).toEqual({ pagar: 'forsenad' });
  });

  it('given the follow-up held on the other node while this one still lists its deadline, then that deadline is never fired, and the next is open', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const { c, pl, first } = await running('TN 6602');
    const seen = await listed(c, first);
    await app.get(ProjectionRunner).stop();
    const other = otherNodeOf(app);
    try {
      clock.set('2026-03-30T10:00:00.000Z');
      await other.engine.execute(
        {
          type: 'SendProcessEvent',
          caseId: c.caseId,
          instanceId: pl,
          event: 'FollowUpHeld',
          payload: FOLLOW_UP,
        },
        {
          actorId: SOCIAL_WORKER,
          roles: ['socialsekreterare'],
          now: clock.now().toISOString(),
          correlationId: 'other-node',
          commandId: 'follow-up-on-the-other-node',
        },
      );
      clock.set(first.dueAt);
      // This node's read models still list the cancelled deadline at the revision they last saw.
      expect(seen.caseRevision).toBeLessThan((await c.view()).revision);
      const report = await runDeadlines();
      expect(report.fired).toEqual([]);
      expect(report.skipped.map((s) => s.reason)).toEqual(['caseMoved']);
    } finally {
      await other.close();
      app.get(ProjectionRunner).start();
    }
    expect(await reachedIn(c.caseId)).toEqual([]);
    expect((await c.view()).deadlines.map((d) => [d.name, d.dueAt])).toEqual([
      ['nextFollowUp', '2026-06-30T10:00:00.000Z'],
    ]);
  });
});
