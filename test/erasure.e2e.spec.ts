import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, PLAN, SOCIAL_WORKER, FULL_CHANGE, CM_TARGET_GROUP } from './flows';

const SECRETS = {
  reference: 'QZ 5807-03',
  reason: 'MARKER-reason-7731',
  advice: 'MARKER-advice-8842',
  summary: 'MARKER-summary-9953',
  plan: 'MARKER-plan-1164',
};

/** Every byte the app keeps on disk: the log, the read models, the key store, their journals. */
function filesContaining(dir: string, text: string): string[] {
  return readdirSync(dir).filter((file) => readFileSync(join(dir, file)).includes(Buffer.from(text, 'utf8')));
}

/** A case taken through skriftliga rekommendationer to its end, with recognisable personal text. */
async function closedCase(app: INestApplication): Promise<CaseDriver> {
  const c = await CaseDriver.open(app, SECRETS.reference);
  const rehab = as(app, 'rehabansvarig');
  const plan = {
    category: 5,
    followUpOwner: 'rehabansvarig',
    items: [{ ...PLAN.items[0], vad: SECRETS.plan }],
  };
  await rehab.post(`/api/cases/${c.caseId}/progressionsplan`).send(plan).expect(200);
  const sr = await c.start('skriftliga-rekommendationer', 'rehabansvarig');
  await c.send('socialsekreterare', sr, 'ImpulsRegistered', { reason: SECRETS.reason });
  await c.send('rehabansvarig', sr, 'ContactAssessed', { assessment: 'Leverantören kontaktas' });
  await c.send('socialsekreterare', sr, 'ConsentRecorded', { oral: true, written: true });
  await c.send('rehabansvarig', sr, 'RecommendationsOrdered', {
    kind: 'bada',
    supplierAdvice: SECRETS.advice,
  });
  await c.send('rehabansvarig', sr, 'OrderSent', {
    sentOn: '2026-02-01',
    consentForm: true,
    powerOfAttorney: true,
  });
  await c.send('rehabansvarig', sr, 'RecommendationsReceived', {
    receivedOn: '2026-03-01',
    summary: SECRETS.summary,
    referralToOtherCare: true,
  });
  await c.send('rehabansvarig', sr, 'FollowUpCompleted', { bipPhase: 2, outcome: 'Remiss följd upp' });
  return c;
}

describe('personal data at rest, and erasure by crypto-shredding', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  const chef = () => as(app, 'bitradande_enhetschef', 'bec-eva');

  beforeAll(async () => {
    app = await startApp(data.dir, { RETENTION_RULES: '{"rinkeby-2":"P1Y"}' }, clock);
    c = await closedCase(app);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('stores personal fields only as ciphertext, and shows them in plaintext to those who may see the case', async () => {
    await eventually(async () => {
      const list = await chef().get('/api/cases').expect(200);
      expect(list.body.items.find((x: { caseId: string }) => x.caseId === c.caseId).reference).toBe(
        SECRETS.reference,
      );
    });
    const history = await chef().get(`/api/cases/${c.caseId}/history`).expect(200);
    expect(JSON.stringify(history.body)).toContain(SECRETS.summary);
    const view = await chef().get(`/api/cases/${c.caseId}`).expect(200);
    expect(view.body.reference).toBe(SECRETS.reference);
    for (const secret of Object.values(SECRETS)) expect(filesContaining(data.dir, secret)).toEqual([]);
  });

  it('refuses an erasure without a lawful reason, with a decision that is not a diary number (a name), or by a social worker', async () => {
    const noReason = await chef().post(`/api/cases/${c.caseId}/erasure`).send({ decision: 'SN 2026/0412' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.violations).toEqual([
      expect.objectContaining({ field: 'reason', rule: 'isIn' }),
    ]);
    const personal = await chef()
      .post(`/api/cases/${c.caseId}/erasure`)
      .send({ reason: 'gallringsbeslut', decision: 'Anna Andersson' });
    expect(personal.status).toBe(400);
    // The diary-number grammar is what keeps a name (or a personnummer) out of a field that outlives erasure.
    expect(personal.body.details.violations).toEqual([
      expect.objectContaining({ field: 'decision', rule: 'matches' }),
    ]);
    const socialWorker = await as(app, 'socialsekreterare', SOCIAL_WORKER)
      .post(`/api/cases/${c.caseId}/erasure`)
      .send({ reason: 'gallringsbeslut', decision: 'SN 2026/0412' });
    expect([socialWorker.status, socialWorker.body.code]).toEqual([403, 'ACCESS.DENIED']);
  });

  it('erases on a decision: personal fields read [raderad]; steps, dates, roles and who erased why remain', async () => {
    await chef()
      .post(`/api/cases/${c.caseId}/erasure`)
      .send({ reason: 'gallringsbeslut', decision: 'SN 2026/0412' })
      .expect(200);

    const view = await chef().get(`/api/cases/${c.caseId}`).expect(200);
    expect(view.body.reference).toBe('[raderad]');
    const history = (await chef().get(`/api/cases/${c.caseId}/history`).expect(200)).body.entries as {
      type: string;
      at: string;
      actor: { id: string; role: string };
      data: Record<string, unknown>;
    }[];
    const steps = history.map((entry) => entry.type);
    expect(steps).toContain('RecommendationsReceived');
    expect(steps.at(-1)).toBe('CaseErased');
    expect(history.at(-1)).toMatchObject({
      actor: { id: 'bec-eva', role: 'bitradande_enhetschef' },
      data: { reason: 'gallringsbeslut', decision: 'SN 2026/0412' },
    });
    const received = history.find((entry) => entry.type === 'RecommendationsReceived');
    expect(received).toMatchObject({
      actor: { role: 'rehabansvarig' },
      data: { payload: { summary: '[raderad]', receivedOn: '2026-03-01', referralToOtherCare: true } },
    });
    expect(JSON.stringify(history)).not.toMatch(/MARKER/);
  });

  it('takes no more commands (410), rebuilds its read models cleanly, and the raw files hold no plaintext', async () => {
    const late = await as(app, 'socialsekreterare', SOCIAL_WORKER)
      .post(`/api/cases/${c.caseId}/caseworker`)
      .send({ socialWorkerId: 'ss-bertil', ...FULL_CHANGE });
    expect([late.status, late.body.code]).toEqual([410, 'CASE.ERASED']);

    await as(app, 'operator').post('/api/admin/projections/rebuild').expect(202);
    await eventually(async () => {
      const status = await chef().get('/api/admin/projections').expect(200);
      expect(status.body.state).toBe('live');
      const list = await chef().get('/api/cases').expect(200);
      expect(list.body.items.find((x: { caseId: string }) => x.caseId === c.caseId).reference).toBe(
        '[raderad]',
      );
    });
    expect((await chef().get('/api/admin/audit/verify').expect(200)).body.ok).toBe(true);
    for (const secret of Object.values(SECRETS)) expect(filesContaining(data.dir, secret)).toEqual([]);
  });

  it('erases cases closed with a reason by the retention rule of their unit, from the deadline worker', async () => {
    const rinkebyChef = () => as(app, 'bitradande_enhetschef', 'bec-rinkeby', 'rinkeby-2');
    const opened = await as(app, 'socialsekreterare', 'ss-rinkeby', 'rinkeby-2')
      .post('/api/cases')
      .send({ reference: 'ST 6109', unit: 'rinkeby-2', socialWorkerId: 'ss-rinkeby' })
      .expect(201);
    const caseId = opened.body.caseId as string;
    const cm = (
      await as(app, 'socialsekreterare', 'ss-rinkeby', 'rinkeby-2')
        .post(`/api/cases/${caseId}/processes`)
        .send({ definitionId: 'case-manager' })
        .expect(201)
    ).body.instanceId as string;
    await as(app, 'socialsekreterare', 'ss-rinkeby', 'rinkeby-2')
      .post(`/api/cases/${caseId}/processes/${cm}/events`)
      .send({ event: 'ReferralSubmitted', payload: { goal: 'Arbetsträning', ...CM_TARGET_GROUP } })
      .expect(200);
    await as(app, 'bitradande_enhetschef', 'bec-rinkeby', 'rinkeby-2')
      .post(`/api/cases/${caseId}/processes/${cm}/events`)
      .send({ event: 'CaseManagerAssigned', payload: { caseManagerId: 'rinkeby-2-cm' } })
      .expect(200);
    await as(app, 'case_manager', 'cm-rinkeby', 'rinkeby-2')
      .post(`/api/cases/${caseId}/processes/${cm}/events`)
      .send({ event: 'InterventionNotOffered', payload: { reason: 'Kriterierna uppfylls inte' } })
      .then((response) => expect(response.status, JSON.stringify(response.body)).toBe(200));

    const run = async () =>
      (await as(app, 'operator', 'drift-rinkeby', 'rinkeby-2').post('/api/admin/deadlines/run').expect(200))
        .body;
    await eventually(async () =>
      expect((await rinkebyChef().get(`/api/cases/${caseId}`)).body.processes[0].status).not.toBe('active'),
    );
    await rinkebyChef().post(`/api/cases/${caseId}/close`).send({ reason: 'no-longer-applies' }).expect(200);
    clock.advance('P11M');
    expect((await run()).erased).toEqual([]);
    clock.advance('P2M');
    await eventually(async () =>
      expect((await run()).erased).toEqual([expect.objectContaining({ caseId, rule: 'P1Y' })]),
    );
    const view = await rinkebyChef().get(`/api/cases/${caseId}`).expect(200);
    expect(view.body.reference).toBe('[raderad]');
  });
});
