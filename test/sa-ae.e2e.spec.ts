import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER } from './flows';

/** An SA/AE application over HTTP: recorded, shown on the case and in its history, closed by the decision. */
describe('an application for sjukersättning or aktivitetsersättning over HTTP', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-01-15T09:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  const socialWorker = () => as(app, 'socialsekreterare', SOCIAL_WORKER);
  const commands = async () =>
    (
      (await socialWorker().get(`/api/cases/${c.caseId}/next-steps`).expect(200)).body.caseActions as {
        command: string;
      }[]
    ).map((a) => a.command);

  const saAe = async () => (await socialWorker().get(`/api/cases/${c.caseId}`).expect(200)).body.saAe;

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    c = await CaseDriver.open(app, 'SA 9104');
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given none is open, then the social worker is offered to record one, and a date after today is refused naming it, storing nothing', async () => {
    expect(await commands()).toContain('RecordSaAeApplication');
    const future = await socialWorker()
      .post(`/api/cases/${c.caseId}/sa-ae`)
      .send({ kind: 'sjukersattning', appliedOn: '2026-02-01' });
    expect(future.status).toBe(400);
    expect(future.body.details.violations).toEqual([expect.objectContaining({ field: 'appliedOn' })]);
    expect(await saAe()).toEqual({ open: null, lastDecision: null });
  });

  it('given it is recorded, then the case shows it open, the decision is what is offered next, and a second one is refused', async () => {
    const recorded = await socialWorker()
      .post(`/api/cases/${c.caseId}/sa-ae`)
      .send({ kind: 'aktivitetsersattning', appliedOn: '2026-01-10' });
    expect([recorded.status, recorded.body.events]).toEqual([200, ['SaAeApplicationOpened']]);
    expect((await saAe()).open).toEqual({
      kind: 'aktivitetsersattning',
      label: 'Aktivitetsersättning',
      appliedOn: '2026-01-10',
    });
    expect(await commands()).toContain('RecordSaAeDecision');
    expect(await commands()).not.toContain('RecordSaAeApplication');
    const again = await socialWorker()
      .post(`/api/cases/${c.caseId}/sa-ae`)
      .send({ kind: 'sjukersattning', appliedOn: '2026-01-12' });
    expect([again.status, again.body.code]).toEqual([422, 'RULE.FAILED']);
  });

  it("given Försäkringskassan's decision, then the application closes and the history says both", async () => {
    const decided = await as(app, 'rehabansvarig')
      .post(`/api/cases/${c.caseId}/sa-ae/decision`)
      .send({ outcome: 'delvis-beviljad', decidedOn: '2026-01-14' });
    expect(decided.status).toBe(200);
    expect(await saAe()).toEqual({
      open: null,
      lastDecision: {
        kind: 'aktivitetsersattning',
        outcome: 'delvis-beviljad',
        decidedOn: '2026-01-14',
        label: 'Aktivitetsersättning: delvis beviljad',
      },
    });
    await eventually(async () => {
      const history = await socialWorker().get(`/api/cases/${c.caseId}/history`).expect(200);
      const labels = (history.body.entries as { label: string }[]).map((e) => e.label);
      expect(labels).toEqual(
        expect.arrayContaining([
          'Ansökan om aktivitetsersättning (inlämnad 2026-01-10)',
          'Försäkringskassans beslut om aktivitetsersättning: delvis beviljad (2026-01-14)',
        ]),
      );
    });
  });
});
