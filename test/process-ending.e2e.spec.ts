import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { caseStream } from '@app/engine';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER } from './flows';

interface QueueTask {
  caseId: string;
  instanceId: string;
}

/** toolbox.md, "Ending a process early": over HTTP, from the form next-steps offers to retention. */
describe('ending a process early over HTTP', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-01-15T09:00:00.000Z');
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp(data.dir, { RETENTION_RULES: '{"default":"P1Y"}' }, clock);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  const socialWorker = () => as(app, 'socialsekreterare', SOCIAL_WORKER);
  const endOf = (c: CaseDriver, instanceId: string) => `/api/cases/${c.caseId}/processes/${instanceId}/end`;

  /** Förtroendeläkare accepted, waiting for documents that need the client's consent. */
  async function waitingForConsent(): Promise<{ c: CaseDriver; fl: string }> {
    const c = await CaseDriver.open(app);
    await c.rehabToCategory4();
    const fl = await c.instanceOf('fortroendelakare');
    await c.send('socialsekreterare', fl, 'ImpulsRegistered', {
      reason: 'Otydligt intyg',
      sickListingCareUnit: 'Danderyds vårdcentral',
    });
    await c.send('rehabansvarig', fl, 'ReferralAccepted', { preparation: 'Läkarintyg och samtycke' });
    return { c, fl };
  }

  it('offers each role only the reasons the spec gives it', async () => {
    const { c, fl } = await waitingForConsent();
    const reasonsOf = async (role: 'socialsekreterare' | 'rehabansvarig') => {
      const next = await as(app, role, c.userFor(role)).get(`/api/cases/${c.caseId}/next-steps`).expect(200);
      const ending = (
        next.body.instanceActions as {
          instanceId: string;
          command: string;
          schema: { properties: { reason: { enum: string[] } } };
        }[]
      ).find((e) => e.instanceId === fl && e.command === 'EndProcess');
      return ending?.schema.properties.reason.enum;
    };
    expect(await reasonsOf('socialsekreterare')).toEqual([
      'consent-declined',
      'offer-declined',
      'client-left-unit',
      'other',
    ]);
    expect(await reasonsOf('rehabansvarig')).toEqual([
      'assessment-no',
      'consent-declined',
      'other-tool',
      'other',
    ]);
  });

  it('refuses a reason that is not the role’s, or "other" with no description, and changes nothing', async () => {
    const { c, fl } = await waitingForConsent();
    const before = (await c.view()).revision;
    const wrongRole = await as(app, 'rehabansvarig', 'rehabansvarig-1')
      .post(endOf(c, fl))
      .send({ reason: 'client-left-unit' });
    expect(wrongRole.status).toBe(403);
    const noNote = await socialWorker().post(endOf(c, fl)).send({ reason: 'other' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.details.violations).toEqual([
      expect.objectContaining({ field: 'note', rule: 'requiredForOther' }),
    ]);
    const unknown = await socialWorker().post(endOf(c, fl)).send({ reason: 'trött' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('reason');
    expect((await c.view()).revision).toBe(before);
  });

  it('ends the process: its task leaves the queue, its next step is refused, the history says why and the note is sealed', async () => {
    const { c, fl } = await waitingForConsent();
    await eventually(async () => {
      const mine = (await socialWorker().get('/api/queues/mine').expect(200)).body.items as QueueTask[];
      expect(mine.some((t) => t.instanceId === fl)).toBe(true);
    });
    const note = 'Klienten vill inte att läkaren läser journalen';
    clock.advance('P3D');
    const ended = await socialWorker().post(endOf(c, fl)).send({ reason: 'consent-declined', note });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.events).toEqual(['ProcessEnded']);

    const view = await c.view();
    expect(view.processes.find((p) => p.instanceId === fl)).toMatchObject({
      status: 'ended',
      ended: {
        reason: 'consent-declined',
        label: 'Klienten samtycker inte eller har tagit tillbaka sitt samtycke',
        by: SOCIAL_WORKER,
        role: 'socialsekreterare',
      },
      steps: [],
    });
    const again = await socialWorker()
      .post(`/api/cases/${c.caseId}/processes/${fl}/events`)
      .send({ event: 'DocumentsHandedOver', payload: { consentForm: true, notificationForm: true } });
    expect(again.status).toBe(409);

    await eventually(async () => {
      const mine = (await socialWorker().get('/api/queues/mine').expect(200)).body.items as QueueTask[];
      expect(mine.some((t) => t.instanceId === fl)).toBe(false);
      const history = await socialWorker().get(`/api/cases/${c.caseId}/history`).expect(200);
      const entry = (history.body.entries as { type: string; label: string; data: { note: unknown } }[]).find(
        (e) => e.type === 'ProcessEnded',
      );
      expect(entry?.label).toBe(
        'Process avslutad i förtid: Förtroendeläkare (Klienten samtycker inte eller har tagit tillbaka sitt samtycke)',
      );
      expect(entry?.data.note).toBe(note);
    });
    // The three days it stood waiting for the consent count as that step's wait.
    await eventually(async () => {
      const waits = (
        await as(app, 'bitradande_enhetschef', 'bec-1').get('/api/statistics/step-waits').expect(200)
      ).body as { definitionId: string; step: string; passed: number; longestDays: number | null }[];
      expect(
        waits.find((w) => w.definitionId === 'fortroendelakare' && w.step === 'overlamning'),
      ).toMatchObject({
        passed: 1,
        longestDays: 3,
      });
    });
    const store = app.get<EventStore>(EVENT_STORE);
    const stored = [];
    for await (const event of store.readStream(caseStream(c.caseId))) stored.push(event);
    expect(JSON.stringify(stored.find((e) => e.type === 'ProcessEnded')?.data)).not.toContain('journalen');
  });

  it('keeps a case whose processes have ended until it is closed; closed, its unit’s retention erases it', async () => {
    const { c, fl } = await waitingForConsent();
    await socialWorker().post(endOf(c, fl)).send({ reason: 'client-left-unit' }).expect(200);
    const run = async () => (await as(app, 'operator').post('/api/admin/deadlines/run').expect(200)).body;
    await eventually(async () =>
      expect((await c.view()).processes.every((p) => p.status !== 'active')).toBe(true),
    );
    // Nothing runs, but the aid case goes on: no rule erases what no one closed.
    clock.advance('P2Y');
    expect((await run()).erased).not.toContainEqual(expect.objectContaining({ caseId: c.caseId }));
    await socialWorker().post(`/api/cases/${c.caseId}/close`).send({ reason: 'moved' }).expect(200);
    clock.advance('P11M');
    expect((await run()).erased).not.toContainEqual(expect.objectContaining({ caseId: c.caseId }));
    clock.advance('P2M');
    await eventually(async () =>
      expect((await run()).erased).toContainEqual(expect.objectContaining({ caseId: c.caseId, rule: 'P1Y' })),
    );
  });
});
