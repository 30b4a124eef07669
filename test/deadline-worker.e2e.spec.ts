import type { INestApplication } from '@nestjs/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseStream, type KeyStore } from '@app/engine';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { KEY_STORE } from '../apps/api/src/crypto/key-store.token';
import { DeadlineWorker, type WorkerReport } from '../apps/api/src/escalation/deadline-worker';
import { as, eventually, startApp, tempDataDir, TestClock, signedInOnce } from './app-harness';
import { CaseDriver, FULL_CHANGE } from './flows';

/** The deadline worker where it can go wrong: moved cases, failures, erasure, its timer, shutdown. */
describe('the deadline worker', () => {
  let data: ReturnType<typeof tempDataDir>;
  let clock: TestClock;
  let app: INestApplication;

  const start = async (env: Record<string, string> = {}) => {
    app = await startApp(data.dir, env, clock);
  };
  const run = () => app.get(DeadlineWorker).runOnce();
  const caughtUp = async () => {
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    await app.get(ProjectionRunner).caughtUpTo(head);
  };
  /** A case whose information-meeting deadline (one week) is open, and that deadline. */
  const caseWithDeadline = async (reference: string) => {
    const c = await CaseDriver.open(app, reference);
    await c.caseManagerToClientYes();
    return { c, deadline: await c.deadline('informationMeeting') };
  };
  const reached = async (caseId: string) => {
    const ids: string[] = [];
    for await (const event of app.get<EventStore>(EVENT_STORE).readStream(caseStream(caseId))) {
      if (event.type === 'DeadlineReached') ids.push(String(event.data.deadlineId));
    }
    return ids;
  };
  const pastDue = () => clock.set('2026-01-23T09:00:00.000Z');

  beforeEach(() => {
    data = tempDataDir();
    clock = new TestClock('2026-01-15T09:00:00.000Z');
  });
  afterEach(async () => {
    await app?.close();
    data.remove();
  });

  it('given its own timer and a clock moved past the due time, then it fires the deadline without being asked', async () => {
    await start({ DEADLINE_WORKER_INTERVAL_MS: '50' });
    const { c, deadline } = await caseWithDeadline('AB 6301');
    expect(await reached(c.caseId)).toEqual([]);
    pastDue();
    await eventually(async () => expect(await reached(c.caseId)).toEqual([deadline.deadlineId]));
  });

  it('given the case moved after the read model saw it, then the deadline is left for the next run, which fires it', async () => {
    await start();
    await signedInOnce(app, 'ss-bertil');
    const { c, deadline } = await caseWithDeadline('AB 6302');
    await caughtUp();
    await app.get(ProjectionRunner).stop();
    await as(app, 'bitradande_enhetschef')
      .post(`/api/cases/${c.caseId}/caseworker`)
      .send({ socialWorkerId: 'ss-bertil', ...FULL_CHANGE })
      .expect(200);
    pastDue();
    const moved = await run();
    expect(moved.skipped).toEqual([
      { caseId: c.caseId, deadlineId: deadline.deadlineId, reason: 'caseMoved' },
    ]);
    expect(moved.fired).toEqual([]);
    app.get(ProjectionRunner).start();
    await caughtUp();
    expect((await run()).fired).toEqual([expect.objectContaining({ deadlineId: deadline.deadlineId })]);
    expect(await reached(c.caseId)).toEqual([deadline.deadlineId]);
  });

  it('given more failing deadlines than one run takes, then each failure pauses, and the deadlines behind them still fire', async () => {
    await start({ DEADLINE_WORKER_BATCH: '2' });
    const poisoned = [];
    for (const reference of ['PA 6301', 'PB 6302', 'PC 6303']) {
      const { c, deadline } = await caseWithDeadline(reference);
      // The key store has lost the case's key: every command on it fails, until someone repairs it.
      await app.get<KeyStore>(KEY_STORE).destroy(c.caseId);
      poisoned.push(deadline.deadlineId);
      clock.advance('PT1S');
    }
    clock.advance('PT1M');
    const healthy = await caseWithDeadline('OK 6304');
    await caughtUp();
    clock.set('2026-01-23T10:00:00.000Z');

    const first = await run();
    expect(first.failed.map((f) => [f.deadlineId, f.code])).toEqual([
      [poisoned[0], 'CASE.ERASED'],
      [poisoned[1], 'CASE.ERASED'],
    ]);
    expect(first.failed.map((f) => f.retryAfter)).toEqual([
      '2026-01-23T10:01:00.000Z',
      '2026-01-23T10:01:00.000Z',
    ]);
    const second = await run();
    expect(second.failed.map((f) => f.deadlineId)).toEqual([poisoned[2]]);
    expect(second.fired.map((f) => f.deadlineId)).toEqual([healthy.deadline.deadlineId]);

    // A minute on, the first two are tried again, and wait twice as long after failing again.
    clock.advance('PT1M');
    const third = await run();
    expect(third.failed.map((f) => [f.deadlineId, f.retryAfter])).toEqual([
      [poisoned[0], '2026-01-23T10:03:00.000Z'],
      [poisoned[1], '2026-01-23T10:03:00.000Z'],
    ]);
  });

  it('given a case erased while the read model still lists its open deadline, then nothing fires on it, and once the read model follows it is gone', async () => {
    await start();
    const { c, deadline } = await caseWithDeadline('ER 6305');
    await caughtUp();
    await app.get(ProjectionRunner).stop();
    await as(app, 'bitradande_enhetschef')
      .post(`/api/cases/${c.caseId}/erasure`)
      .send({ reason: 'gallringsbeslut', decision: 'SN 2026/0412' })
      .expect(200);
    pastDue();
    const stale = await run();
    expect(stale.fired).toEqual([]);
    expect(stale.failed).toEqual([
      expect.objectContaining({ deadlineId: deadline.deadlineId, code: 'CASE.ERASED' }),
    ]);
    app.get(ProjectionRunner).start();
    await caughtUp();
    clock.advance('PT2H');
    const report = await run();
    expect([report.fired, report.failed, report.skipped]).toEqual([[], [], []]);
    expect(await reached(c.caseId)).toEqual([]);
  });

  it('given the app shuts down during a run, then the run finishes first, and no deadline fires twice after a restart', async () => {
    await start();
    const cases = [];
    for (const reference of ['SD 6306', 'SE 6307', 'SF 6308']) cases.push(await caseWithDeadline(reference));
    await caughtUp();
    pastDue();
    const running = run();
    await app.close();
    const report: WorkerReport = await running;
    expect(report.failed).toEqual([]);
    await start();
    await caughtUp();
    const after = await run();
    expect([...report.fired, ...after.fired].map((f) => f.deadlineId).sort()).toEqual(
      cases.map((x) => x.deadline.deadlineId).sort(),
    );
    for (const { c, deadline } of cases) expect(await reached(c.caseId)).toEqual([deadline.deadlineId]);
  });
});
