import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, signedInOnce, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, FULL_CHANGE, UNIT } from './flows';

interface Task {
  caseId: string;
  instanceId: string;
  step: { title: string };
  dueAt: string | null;
}
interface ChangeRow {
  caseId: string;
  lastReasonLabel: string | null;
  handoverMissing: boolean;
  clientUninformed: boolean;
}

/** Continuity (seed 002) over HTTP: the change records why and how, and what it left undone becomes tasks. */
describe('a change of responsible social worker', () => {
  const data = tempDataDir();
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp(data.dir, {}, new TestClock('2026-03-02T08:00:00.000Z'));
    await signedInOnce(app, 'ss-bertil');
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  const chef = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const bertil = () => as(app, 'socialsekreterare', 'ss-bertil');
  const changeOf = (c: CaseDriver, body: object) =>
    chef()
      .post(`/api/cases/${c.caseId}/caseworker`)
      .send({ socialWorkerId: 'ss-bertil', ...body });
  const statsOf = async (c: CaseDriver) =>
    (
      (await chef().get(`/api/statistics/caseworker-changes?unit=${UNIT}`).expect(200)).body as ChangeRow[]
    ).find((row) => row.caseId === c.caseId);

  it('shows the new social worker why, that the client knows, and the hand-over the outgoing one wrote', async () => {
    const c = await CaseDriver.open(app);
    const response = await changeOf(c, FULL_CHANGE);
    expect([response.status, response.body.events]).toEqual([200, ['CaseworkerChanged']]);
    const view = (await bertil().get(`/api/cases/${c.caseId}`).expect(200)).body;
    expect(view.lastCaseworkerChange).toMatchObject({
      to: 'ss-bertil',
      reasonLabel: 'Omfördelning av krets eller omorganisation',
      clientInformed: { how: 'telefon', contactGiven: true },
      handover: FULL_CHANGE.handover,
    });
  });

  it('refuses a change with no reason, or "annat" undescribed, naming the field and storing nothing', async () => {
    const c = await CaseDriver.open(app);
    const before = (await c.view()).revision;
    const noReason = await changeOf(c, {});
    expect([noReason.status, JSON.stringify(noReason.body)]).toEqual([
      400,
      expect.stringContaining('reason'),
    ]);
    const undescribed = await changeOf(c, { ...FULL_CHANGE, reason: 'annat' });
    expect(undescribed.status).toBe(400);
    expect(undescribed.body.details.violations).toEqual([expect.objectContaining({ field: 'reasonNote' })]);
    expect((await c.view()).revision).toBe(before);
  });

  it('gives the new worker the task of telling the client within a week, and the biträdande the hand-over, until both are done', async () => {
    const c = await CaseDriver.open(app);
    const response = await changeOf(c, { reason: 'slutat-bytt-tjanst' });
    expect(response.body.events).toEqual([
      'CaseworkerChanged',
      'ProcessStarted',
      'DeadlineScheduled',
      'ProcessStarted',
    ]);
    const inform = await eventually(async () => {
      const mine = (await bertil().get('/api/queues/mine').expect(200)).body.items as Task[];
      const task = mine.find((t) => t.caseId === c.caseId);
      expect(task).toMatchObject({
        step: { title: 'Informera klienten om bytet inom en vecka' },
        dueAt: '2026-03-09T08:00:00.000Z',
      });
      const role = (await chef().get('/api/queues/role').expect(200)).body.items as Task[];
      expect(role.find((t) => t.caseId === c.caseId)?.step.title).toBe(
        'Skriv överlämningen till den nya socialsekreteraren',
      );
      expect(await statsOf(c)).toMatchObject({
        lastReasonLabel: 'Slutat eller bytt tjänst',
        handoverMissing: true,
        clientUninformed: true,
      });
      return task as Task;
    });
    const view = (await bertil().get(`/api/cases/${c.caseId}`).expect(200)).body;
    expect(view.lastCaseworkerChange).toMatchObject({ clientInformed: null, handover: null });

    await bertil()
      .post(`/api/cases/${c.caseId}/processes/${inform.instanceId}/events`)
      .send({
        event: 'ClientInformed',
        payload: { ...FULL_CHANGE.clientInformed, by: 'ny-socialsekreterare' },
      })
      .expect(200);
    const writing = view.processes.find((p: { definitionId: string }) => p.definitionId === 'overlamning');
    await chef()
      .post(`/api/cases/${c.caseId}/processes/${writing.instanceId}/events`)
      .send({ event: 'HandoverWritten', payload: { summary: 'Nuläge: väntar på läkarintyg.' } })
      .expect(200);
    await eventually(async () => {
      expect(await statsOf(c)).toMatchObject({ handoverMissing: false, clientUninformed: false });
      const mine = (await bertil().get('/api/queues/mine').expect(200)).body.items as Task[];
      expect(mine.some((t) => t.caseId === c.caseId)).toBe(false);
      const notes = (await bertil().get('/api/notifications').expect(200)).body.items as {
        message: string;
      }[];
      expect(notes.map((n) => n.message)).toContain(
        'Handläggarbyte: överlämning: Överlämningen för ärendet är skriven.',
      );
    });
    // The new worker reads what was made good later where they read the change itself.
    const after = (await bertil().get(`/api/cases/${c.caseId}`).expect(200)).body;
    expect(after.lastCaseworkerChange).toMatchObject({
      clientInformed: { ...FULL_CHANGE.clientInformed, by: 'ny-socialsekreterare' },
      handover: 'Nuläge: väntar på läkarintyg.',
    });
  });
});
