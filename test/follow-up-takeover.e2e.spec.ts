import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, SOCIAL_WORKER, UNIT } from './flows';

interface Task {
  caseId: string;
  instanceId: string;
  step: { title: string };
  escalated: boolean;
}
interface FollowUpRow {
  caseId: string;
  instanceId: string;
  owner: string;
  escalated: boolean;
  reason: string | null;
}

/**
 * toolbox.md, "follow-up responsibility": per process instance, and an
 * escalated one stays with the biträdande enhetschef, who acts in the
 * process until they hand it back. Over HTTP, with the deadline worker.
 */
describe('the biträdande enhetschef takes over an escalated follow-up', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-01-15T09:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  let fl: string;
  let sv: string;
  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    c = await CaseDriver.open(app);
    await c.rehabToCategory4();
    fl = await c.fortroendelakareToRecommendations();
    sv = await c.start('samverkan-varden');
    await c.send('socialsekreterare', sv, 'ImpulsRegistered', {
      source: 'varden',
      reason: 'Samordning',
      consentToInformationExchange: true,
    });
    await c.send('rehabansvarig', sv, 'ContactPlanned', {
      contactMethod: 'telefon',
      progressionsplanNeeded: false,
    });
    clock.advance('P2M');
    expect((await as(app, 'operator').post('/api/admin/deadlines/run').expect(200)).body.fired).toHaveLength(
      2,
    );
    // A later process naming its own follow-up owner after the escalation must leave the escalation alone.
    await c.send('rehabansvarig', sv, 'PlanningAgreed', { agreedOn: '2026-03-15', summary: 'Planering' });
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  const supervisor = () => as(app, 'bitradande_enhetschef', 'bec-1');
  const rehab = () => as(app, 'rehabansvarig', 'rehabansvarig-1');
  const handBack = (agent = supervisor(), reason = 'actions-taken') =>
    agent.post(`/api/cases/${c.caseId}/processes/${fl}/follow-up/hand-back`).send({ reason });
  const followUps = async () =>
    ((await supervisor().get(`/api/follow-up?unit=${UNIT}`).expect(200)).body.items as FollowUpRow[]).filter(
      (row) => row.caseId === c.caseId,
    );
  const roleQueue = async (agent: ReturnType<typeof supervisor>) =>
    ((await agent.get('/api/queues/role').expect(200)).body.items as Task[]).filter(
      (task) => task.caseId === c.caseId && task.instanceId === fl,
    );

  it('keeps one follow-up per process: the escalated förtroendeläkare and samverkan’s own, side by side', async () => {
    await eventually(async () =>
      expect(await followUps()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ instanceId: fl, owner: 'bitradande_enhetschef', escalated: true }),
          expect.objectContaining({ instanceId: sv, owner: 'rehabansvarig', escalated: false }),
        ]),
      ),
    );
  });

  it('offers the biträdande Rehabansvarig’s steps in the process and the hand-back, and lets them record a check-in', async () => {
    const next = (await supervisor().get(`/api/cases/${c.caseId}/next-steps`).expect(200)).body;
    const mine = (next.steps as { instanceId: string; event: string }[]).filter((s) => s.instanceId === fl);
    expect(mine.map((s) => s.event)).toEqual(expect.arrayContaining(['CheckInHeld', 'FollowUpCompleted']));
    expect(next.instanceActions).toContainEqual(
      expect.objectContaining({ instanceId: fl, command: 'HandBackFollowUp' }),
    );
    await c.send('bitradande_enhetschef', fl, 'CheckInHeld', { notes: 'Avstämt med socialsekreteraren' });
    await eventually(async () => {
      const history = (await supervisor().get(`/api/cases/${c.caseId}/history`).expect(200)).body.entries as {
        type: string;
        actor: { role: string };
      }[];
      expect(history.at(-1)).toMatchObject({ type: 'CheckInHeld', actor: { role: 'bitradande_enhetschef' } });
    });
  });

  it('refuses a hand-back by Rehabansvarig, and one with a reason off the list, changing nothing', async () => {
    const before = (await c.view()).revision;
    expect((await handBack(rehab())).status).toBe(403);
    const off = await handBack(supervisor(), 'orkar inte');
    expect(off.status).toBe(400);
    expect(JSON.stringify(off.body)).toContain('reason');
    expect((await c.view()).revision).toBe(before);
  });

  it('hands it back: Rehabansvarig owns it again, gets the tasks and the word, and it cannot be handed back twice', async () => {
    const response = await handBack();
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.events).toEqual(['FollowUpOwnerChanged']);
    await eventually(async () => {
      expect(await followUps()).toContainEqual(
        expect.objectContaining({
          instanceId: fl,
          owner: 'rehabansvarig',
          escalated: false,
          reason: 'Åtgärderna är vidtagna',
        }),
      );
      expect((await roleQueue(rehab())).length).toBeGreaterThan(0);
      expect(await roleQueue(supervisor())).toEqual([]);
      const notes = (await rehab().get('/api/notifications').expect(200)).body.items as { kind: string }[];
      expect(notes.map((n) => n.kind)).toContain('hand-back');
      const swNotes = (await as(app, 'socialsekreterare', SOCIAL_WORKER).get('/api/notifications')).body
        .items as { kind: string }[];
      expect(swNotes.map((n) => n.kind)).toContain('hand-back');
    });
    const twice = await handBack();
    expect(twice.status).toBe(422);
    expect(twice.body.details.failed).toEqual([expect.objectContaining({ id: 'not-escalated' })]);
  });
});
