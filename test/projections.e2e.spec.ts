import type { INestApplication } from '@nestjs/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_STORE, NO_STREAM, type EventStore } from '@app/event-store';
import { newEvent } from '@app/event-store/testing';
import { ProjectionRunner } from '@app/projections';
import { ReadModelDb } from '@app/read-model';
import { loadConfig } from '../apps/api/src/config/app-config';
import { rebuildProjections } from '../apps/api/src/rebuild-projections';
import {
  as,
  dumpReadModels as dump,
  eventually,
  otherNodeOf,
  startApp,
  storeUnderTest,
  tempDataDir,
  TestClock,
  signedInOnce,
} from './app-harness';
import { CaseDriver, CM_ASSIGNED, CM_CRITERIA, UNIT, FULL_CHANGE, CM_TARGET_GROUP } from './flows';

async function caughtUp(app: INestApplication): Promise<void> {
  const head = await app.get<EventStore>(EVENT_STORE).headPosition();
  await eventually(async () => {
    const status = app.get(ProjectionRunner).status();
    expect(status.state).toBe('live');
    expect(status.position).toBe(head?.toString() ?? null);
  });
}

/** A few cases through several processes, deadlines fired and a caseworker change: every read model gets rows. */
async function workload(app: INestApplication, clock: TestClock): Promise<CaseDriver[]> {
  const cases: CaseDriver[] = [];
  for (const reference of ['AB 6303', 'CD 7104', 'EF 8205']) {
    const c = await CaseDriver.open(app, reference);
    await c.rehabToCategory4();
    cases.push(c);
  }
  await cases[0].fortroendelakareToRecommendations();
  await cases[1].fortroendelakareToRecommendations();
  await signedInOnce(app, 'ss-bertil');
  await as(app, 'bitradande_enhetschef')
    .post(`/api/cases/${cases[2].caseId}/caseworker`)
    .send({ socialWorkerId: 'ss-bertil', ...FULL_CHANGE })
    .expect(200);
  clock.advance('P2M');
  await as(app, 'operator').post('/api/admin/deadlines/run').expect(200);
  return cases;
}

describe('read models', () => {
  let data: ReturnType<typeof tempDataDir>;
  let clock: TestClock;
  beforeEach(() => {
    data = tempDataDir();
    clock = new TestClock();
  });
  afterEach(() => data.remove());

  it('given the app stops while its read models lag the log, when it restarts, then they resume from the checkpoint and equal a full rebuild', async () => {
    const first = await startApp(data.dir, {}, clock);
    await workload(first, clock);
    await caughtUp(first);
    await first.get(ProjectionRunner).stop();
    const behind = first.get(ProjectionRunner).status().position;
    const late = await CaseDriver.open(first, 'GH 9001');
    await late.rehabToCategory4();
    await first.close();

    const second = await startApp(data.dir, {}, clock);
    expect(BigInt(behind ?? 0)).toBeLessThan(
      (await second.get<EventStore>(EVENT_STORE).headPosition()) ?? 0n,
    );
    await caughtUp(second);
    const resumed = dump(second.get(ReadModelDb));
    expect(resumed.wq_tasks.length).toBeGreaterThan(0);
    expect(resumed.ch_events.some((row) => row.includes(late.caseId))).toBe(true);

    const rebuild = await as(second, 'operator').post('/api/admin/projections/rebuild');
    expect(rebuild.status).toBe(202);
    await caughtUp(second);
    expect(dump(second.get(ReadModelDb))).toEqual(resumed);
    await second.close();

    const lines: string[] = [];
    const offlineConfig = loadConfig({ DATA_DIR: data.dir, LOG_LEVEL: 'error', ...storeUnderTest(data.dir) });
    const result = await rebuildProjections(offlineConfig, (line) => lines.push(line));
    expect(lines.at(-1)).toMatch(/^rebuilt every read model from \d+ events/);
    const offline = new ReadModelDb(`${data.dir}/read-models.sqlite`);
    expect(result.events).toBe(offline.checkpoint().eventsApplied);
    expect(dump(offline)).toEqual(resumed);
    offline.close();
  });

  it('given a projection fails on an event, then nothing of that event is kept and readiness names the failure', async () => {
    const app = await startApp(data.dir, { PROJECTION_MAX_LAG: '0' }, clock);
    await CaseDriver.open(app);
    await caughtUp(app);
    const before = dump(app.get(ReadModelDb));
    // A CaseOpened without a unit: the case history writes its row, then the statistics' NOT NULL refuses it.
    await app
      .get<EventStore>(EVENT_STORE)
      .appendToStream('case-broken', [newEvent('CaseOpened', { reference: 'XY 0101' })], {
        expectedRevision: NO_STREAM,
      });
    // Lagging shows first (the bound is 0); the failure follows once the broken event is tried.
    const ready = await eventually(async () => {
      const response = await as(app, 'bitradande_enhetschef').get('/health/ready');
      expect(response.status).toBe(503);
      expect(response.body.checks.projections.reason).toMatch(/failed on/);
      return response.body;
    });
    expect(ready.checks.projections.reason).toMatch(/^projection .*statistics.* failed on CaseOpened/);
    expect(dump(app.get(ReadModelDb))).toEqual(before);
    await app.close();
  });

  it('given two cases whose steps carry the same Idempotency-Keys, then every read model follows both', async () => {
    const app = await startApp(data.dir, {}, clock);
    const sw = () => as(app, 'socialsekreterare', 'ss-anna');
    const cases: string[] = [];
    for (const reference of ['KA 6301', 'KB 6302']) {
      const opened = await sw()
        .post('/api/cases')
        .send({ reference, unit: UNIT, socialWorkerId: 'ss-anna' })
        .expect(201);
      const caseId = opened.body.caseId as string;
      const steps: [string, object][] = [
        ['ReferralSubmitted', { goal: 'Arbetsträning', ...CM_TARGET_GROUP }],
        ['CaseManagerAssigned', CM_ASSIGNED],
        ['CriteriaMet', CM_CRITERIA],
        ['ClientAcceptedInformation', {}],
      ];
      await sw()
        .post(`/api/cases/${caseId}/processes`)
        .set('Idempotency-Key', 'shared-start')
        .send({ definitionId: 'case-manager', instanceId: 'cm' })
        .expect(201);
      for (const [index, [event, payload]] of steps.entries()) {
        const who =
          event === 'CriteriaMet'
            ? as(app, 'case_manager', 'cm-1')
            : event === 'CaseManagerAssigned'
              ? as(app, 'bitradande_enhetschef', 'bec-1')
              : sw();
        await who
          .post(`/api/cases/${caseId}/processes/cm/events`)
          .set('Idempotency-Key', `shared-step-${index}`)
          .send({ event, payload })
          .expect(200);
      }
      cases.push(caseId);
    }
    clock.advance('P8D');
    await caughtUp(app);
    const run = await as(app, 'operator').post('/api/admin/deadlines/run').expect(200);
    expect(run.body.fired.map((f: { caseId: string }) => f.caseId).sort()).toEqual([...cases].sort());
    await caughtUp(app);
    const notes = (await sw().get('/api/notifications').expect(200)).body.items as { caseId: string }[];
    expect(new Set(notes.map((n) => n.caseId))).toEqual(new Set(cases));
    await app.close();
  });

  it('given read models lag by more than the bound, then readiness fails until they catch up', async () => {
    const app = await startApp(data.dir, { PROJECTION_MAX_LAG: '2' }, clock);
    await app.get(ProjectionRunner).stop();
    const store = app.get<EventStore>(EVENT_STORE);
    for (let i = 0; i < 3; i++) {
      await store.appendToStream(`probe-${i}`, [newEvent('StoreChecked', {})], {
        expectedRevision: NO_STREAM,
      });
    }
    const behind = await as(app, 'bitradande_enhetschef').get('/health/ready');
    expect(behind.status).toBe(503);
    expect(behind.body.checks.projections.reason).toBe('not following the log');
    app.get(ProjectionRunner).start();
    await caughtUp(app);
    const ready = await as(app, 'bitradande_enhetschef').get('/health/ready');
    expect([ready.status, ready.body.checks.projections.lag]).toEqual([200, 0]);
    await app.close();
  });

  it('keeps working on a store another node appends to: the read model follows its events, and the case reads in plain text', async () => {
    const app = await startApp(data.dir, {}, clock);
    // The other node as production runs one: the same log and the same key store, its own engine.
    const other = otherNodeOf(app);
    const opened = await other.engine.execute(
      {
        type: 'OpenCase',
        caseId: 'elsewhere-1',
        reference: 'CD 7104',
        unit: UNIT,
        socialWorkerId: 'ss-other',
      },
      {
        actorId: 'ss-other',
        roles: ['socialsekreterare'],
        now: clock.now().toISOString(),
        correlationId: 'other-node',
        commandId: 'other-node-open',
      },
    );
    expect(opened).toMatchObject({ replayed: false, events: ['CaseOpened'] });
    await eventually(async () => {
      const list = await as(app, 'bitradande_enhetschef').get('/api/cases');
      expect(list.body.items).toContainEqual(
        expect.objectContaining({ caseId: 'elsewhere-1', reference: 'CD 7104' }),
      );
    });
    await other.close();
    await app.close();
  });
});
