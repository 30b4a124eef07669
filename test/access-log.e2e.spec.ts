import Database from 'better-sqlite3';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../apps/api/src/config/app-config';
import { auditVerify } from '../apps/api/src/audit-verify';
import { as, eventually, ON_SQLITE, startApp, tempDataDir, TestClock, signedInOnce } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, FULL_CHANGE } from './flows';

describe('the access log', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T08:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-eva');
  const operator = () => as(app, 'operator', 'drift-1');
  const viewingsOf = async (caseId: string) =>
    (await chef().get(`/api/access-log/cases/${caseId}`).expect(200)).body.items as {
      userId: string;
      view: string;
      roles: string[];
      at: string;
      correlationId: string;
    }[];

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    c = await CaseDriver.open(app);
    await c.start('rehab-handledning');
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('records who looked at a case, in which view, when and under which correlation id', async () => {
    const ss = as(app, 'socialsekreterare', SOCIAL_WORKER);
    await ss.get(`/api/cases/${c.caseId}`).set('X-Correlation-Id', 'corr-0001-case').expect(200);
    clock.advance('PT1H');
    await ss.get(`/api/cases/${c.caseId}/history`).expect(200);
    await eventually(async () => {
      const views = (await viewingsOf(c.caseId)).filter((v) => v.userId === SOCIAL_WORKER);
      expect(views.map((v) => v.view)).toEqual(['history', 'case']);
      expect(views[1]).toMatchObject({
        at: '2026-03-02T08:00:00.000Z',
        correlationId: 'corr-0001-case',
        roles: ['jarva-1:socialsekreterare'],
      });
    });
  });

  it('records every case a list or a queue showed', async () => {
    const other = await CaseDriver.open(app, 'KL 7012');
    // The list is a read model: it shows the new case once it has followed the log.
    await eventually(async () => {
      const list = await as(app, 'socialsekreterare', SOCIAL_WORKER).get('/api/cases').expect(200);
      expect(list.body.items.map((item: { caseId: string }) => item.caseId)).toContain(other.caseId);
    });
    await eventually(async () => {
      for (const caseId of [c.caseId, other.caseId]) {
        expect(
          (await viewingsOf(caseId)).some((v) => v.view === 'case-list' && v.userId === SOCIAL_WORKER),
        ).toBe(true);
      }
    });
  });

  it('answers what a person looked at in a period, and logs that the supervisor read the log', async () => {
    const { body } = await chef()
      .get(`/api/access-log/users/${SOCIAL_WORKER}`)
      .query({ from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' })
      .expect(200);
    expect(body.items.map((v: { caseId: string }) => v.caseId)).toContain(c.caseId);
    await eventually(async () => {
      const views = await viewingsOf(c.caseId);
      expect(views.some((v) => v.userId === 'bec-eva' && v.view === 'access-log')).toBe(true);
    });
  });

  it('never touches the case stream: reads leave the revision, so an If-Match from before them still holds', async () => {
    const before = (await c.view()).revision;
    for (let i = 0; i < 3; i++)
      await as(app, 'socialsekreterare', SOCIAL_WORKER).get(`/api/cases/${c.caseId}`);
    expect((await c.view()).revision).toBe(before);
    await signedInOnce(app, 'ss-bertil');
    await as(app, 'bitradande_enhetschef')
      .post(`/api/cases/${c.caseId}/caseworker`)
      .set('If-Match', `"${before}"`)
      .send({ socialWorkerId: 'ss-bertil', ...FULL_CHANGE })
      .expect(200);
  });

  it('chains every event of every stream; the operator checks them all, a supervisor only their units', async () => {
    const intact = await operator().get('/api/admin/audit/verify').expect(200);
    expect(intact.body).toMatchObject({ ok: true, scope: 'store' });
    expect(intact.body.streams).toBeGreaterThanOrEqual(4); // two cases, two people's access streams
    const ownUnits = await chef().get('/api/admin/audit/verify').expect(200);
    expect(ownUnits.body).toMatchObject({ ok: true, scope: 'units', units: ['jarva-1'], streams: 2 });
  });
});

describe('the hash chains, against a row edited in the embedded store behind the app', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T08:00:00.000Z');
  let app: INestApplication;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-eva');
  const operator = () => as(app, 'operator', 'drift-1');
  const otherUnitsChef = () => as(app, 'bitradande_enhetschef', 'bec-rinkeby', 'rinkeby-2');

  beforeAll(async () => {
    app = await startApp(data.dir, ON_SQLITE, clock);
    const c = await CaseDriver.open(app);
    await c.start('rehab-handledning');
    await as(app, 'socialsekreterare', SOCIAL_WORKER).get(`/api/cases/${c.caseId}`).expect(200);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('finds the edit from the command line, for the operator, and for the unit the stream is in; another unit learns nothing of it', async () => {
    await app.close();
    const file = new Database(`${data.dir}/events.sqlite`);
    const victim = file
      .prepare(`SELECT position, stream_name, revision, data FROM events WHERE type = 'CaseOpened' LIMIT 1`)
      .get() as { position: number; stream_name: string; revision: number; data: string };
    file
      .prepare('UPDATE events SET data = ? WHERE position = ?')
      .run(victim.data.replace('"unit":"jarva-1"', '"unit":"jarva-9"'), victim.position);
    file.close();

    const lines: string[] = [];
    const offline = await auditVerify(loadConfig({ DATA_DIR: data.dir }), (line) => lines.push(line));
    expect(offline).toMatchObject({
      ok: false,
      firstBreak: { streamName: victim.stream_name, revision: victim.revision, reason: 'hashMismatch' },
    });
    expect(lines.at(-1)).toMatch(/hash chain BROKEN at case-/);

    app = await startApp(data.dir, ON_SQLITE, clock);
    const online = await operator().get('/api/admin/audit/verify').expect(200);
    expect(online.body.firstBreak).toEqual(offline.firstBreak);
    const inTheUnit = await chef().get('/api/admin/audit/verify').expect(200);
    expect(inTheUnit.body).toMatchObject({ ok: false, firstBreak: offline.firstBreak });

    // Another unit's supervisor learns nothing of Järva's streams: not the break, not their number.
    const elsewhere = await otherUnitsChef().get('/api/admin/audit/verify').expect(200);
    expect(elsewhere.body).toEqual({ scope: 'units', units: ['rinkeby-2'], ok: true, events: 0, streams: 0 });
  });
});
