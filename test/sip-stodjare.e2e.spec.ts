import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, PLAN } from './flows';

interface Task {
  caseId: string;
  lane: string;
  step: { title: string; statePath: string };
}

/**
 * The SIP-stödjare called in by Rehabansvarig in samverkan med vården has
 * a task of their own in their queue, and records the SIP meeting held
 * (toolbox.md, Roles and process 2).
 */
describe('the SIP-stödjare in samverkan med vården', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-02-02T09:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  let sv: string;
  const sip = () => as(app, 'sip_stodjare', 'sip-1');
  const queue = async () =>
    ((await sip().get('/api/queues/role').expect(200)).body.items as Task[]).filter(
      (t) => t.caseId === c.caseId,
    );

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    c = await CaseDriver.open(app, 'SP 7311');
    await as(app, 'rehabansvarig')
      .post(`/api/cases/${c.caseId}/progressionsplan`)
      .send({ category: 3, followUpOwner: 'rehabansvarig', ...PLAN })
      .expect(200);
    sv = await c.start('samverkan-varden', 'rehabansvarig');
    await c.send('socialsekreterare', sv, 'ImpulsRegistered', {
      source: 'socialsekreterare',
      reason: 'Sjukskriven, behöver stöd i kontakten med vården',
    });
    await c.send('rehabansvarig', sv, 'ContactPlanned', {
      contactMethod: 'rehabforfragan',
      progressionsplanNeeded: false,
    });
    await c.send('rehabansvarig', sv, 'PlanningAgreed', {
      agreedOn: '2026-02-02',
      summary: 'Arbetsträning 25 %',
    });
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given Rehabansvarig calls in the SIP-stödjare, then the SIP-stödjare has the task in their queue, and recording the meeting clears it', async () => {
    expect(await queue()).toEqual([]);
    await c.send('rehabansvarig', sv, 'SipStodjareCalledIn', { need: 'SIP-möte med vårdcentralen' });
    await eventually(async () =>
      expect(await queue()).toEqual([
        expect.objectContaining({
          lane: 'sip_stodjare',
          step: expect.objectContaining({ title: 'Förbered och stöd SIP-mötet' }),
        }),
      ]),
    );
    const held = await sip()
      .post(`/api/cases/${c.caseId}/processes/${sv}/events`)
      .send({ event: 'SipMeetingSupported', payload: { heldOn: '2026-02-02' } });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    await eventually(async () => expect(await queue()).toEqual([]));
  });
});
