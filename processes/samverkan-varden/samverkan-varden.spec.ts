import { beforeEach, describe, expect, it } from 'vitest';
import { EngineHarness } from '@app/engine/testing/engine-harness';
import { PROCESS_DEFINITIONS } from '../index';

const SV = 'sv-1';

async function givenPlanningAgreed(h: EngineHarness): Promise<string> {
  const caseId = await h.openCase();
  await h.run('rehabansvarig', {
    type: 'StartProcess',
    caseId,
    instanceId: SV,
    definitionId: 'samverkan-varden',
  });
  await h.send('rehabansvarig', caseId, SV, 'ImpulsRegistered', {
    source: 'varden',
    reason: 'Rehabkoordinator hör av sig',
  });
  await h.send('rehabansvarig', caseId, SV, 'ContactPlanned', {
    contactMethod: 'rehabforfragan',
    progressionsplanNeeded: false,
  });
  await h.send('rehabansvarig', caseId, SV, 'PlanningAgreed', {
    agreedOn: '2026-01-31',
    summary: 'Arbetsträning 25 %',
  });
  return caseId;
}

describe('samverkan med vården', () => {
  let h: EngineHarness;
  let caseId: string;
  beforeEach(async () => {
    h = new EngineHarness(PROCESS_DEFINITIONS);
    caseId = await givenPlanningAgreed(h);
  });

  it('given the planning is agreed, then Rehabansvarig follows up and a 2-month deadline runs', async () => {
    expect((await h.engine.load(caseId)).followUps.get(SV)?.role).toBe('rehabansvarig');
    // 10:00 Swedish time two months on; summer time has begun in between.
    expect((await h.openDeadlines(caseId)).map((d) => d.dueAt)).toEqual(['2026-03-31T08:00:00.000Z']);
  });

  it('given the planning is not carried out in time, then follow-up passes to the biträdande enhetschef', async () => {
    const [deadline] = await h.openDeadlines(caseId);
    h.now = deadline.dueAt;
    const result = await h.run('system', {
      type: 'FireDeadline',
      caseId,
      deadlineId: deadline.deadlineId,
    });
    expect(result.events).toEqual(['DeadlineReached', 'FollowUpOwnerChanged']);
    expect((await h.engine.load(caseId)).followUps.get(SV)?.role).toBe('bitradande_enhetschef');
    expect(await h.stateOf(caseId, SV)).toEqual({ genomforande: 'escalated' });
    await h.send('socialsekreterare', caseId, SV, 'PlanningCarriedOut', { description: 'Sent men klart' });
    expect(await h.stateOf(caseId, SV)).toBe('uppfoljning');
  });

  it('given it is carried out in time, then the deadline is cancelled and follow-ups repeat until completion', async () => {
    const carried = await h.send('socialsekreterare', caseId, SV, 'PlanningCarriedOut', {
      description: 'Klart',
    });
    expect(carried.events).toEqual(['PlanningCarriedOut', 'DeadlineCancelled']);
    await h.send('rehabansvarig', caseId, SV, 'FollowUpRecorded', { bipPhase: 2, notes: 'Går framåt' });
    await h.send('rehabansvarig', caseId, SV, 'FollowUpRecorded', {
      bipPhase: 3,
      notes: 'Arbetsträning 50 %',
    });
    const done = await h.send('rehabansvarig', caseId, SV, 'CooperationCompleted', {
      bipPhase: 3,
      outcome: 'Hållbar plan',
    });
    expect(done.events).toEqual(['CooperationCompleted', 'ProcessCompleted']);
  });

  it('given a BIP phase outside 0-4, then it is refused', async () => {
    await h.send('socialsekreterare', caseId, SV, 'PlanningCarriedOut', { description: 'Klart' });
    const error = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, SV, 'FollowUpRecorded', { bipPhase: 5, notes: 'x' }),
    );
    expect(error).toMatchObject({ violations: [{ field: 'bipPhase', rule: 'isIn' }] });
  });
});
