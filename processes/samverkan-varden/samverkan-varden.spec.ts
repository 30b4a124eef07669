import { beforeEach, describe, expect, it } from 'vitest';
import { EngineHarness } from '@app/engine/testing/engine-harness';
import { PROCESS_DEFINITIONS } from '../index';

const SV = 'sv-1';

async function givenStarted(h: EngineHarness): Promise<string> {
  const caseId = await h.openCase();
  await h.run('rehabansvarig', {
    type: 'StartProcess',
    caseId,
    instanceId: SV,
    definitionId: 'samverkan-varden',
  });
  return caseId;
}

async function givenAssessed(
  h: EngineHarness,
  assessment: { contactMethod: string; progressionsplanNeeded: boolean },
): Promise<string> {
  const caseId = await givenStarted(h);
  await h.send('socialsekreterare', caseId, SV, 'ImpulsRegistered', {
    source: 'socialsekreterare',
    reason: 'Sjukskriven, behöver stöd i kontakten med vården',
  });
  await h.send('rehabansvarig', caseId, SV, 'ContactPlanned', assessment);
  return caseId;
}

const AGREED = { agreedOn: '2026-01-31', summary: 'Arbetsträning 25 %' };

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
    consentToInformationExchange: true,
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
    expect(await h.stateOf(caseId, SV)).toEqual({
      genomforande: { planering: 'escalated', sip: 'ingenSip' },
    });
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

/** Version 2 as its instances in the log run: a registry whose latest samverkan is version 2. */
const UP_TO_VERSION_2 = PROCESS_DEFINITIONS.filter((d) => d.id !== 'samverkan-varden' || d.version <= 2);

describe('samverkan med vården, version 2', () => {
  let h: EngineHarness;
  beforeEach(() => {
    h = new EngineHarness(UP_TO_VERSION_2);
  });

  it('given an impuls from vården without recorded consent to information exchange, then it is refused naming the consent, and nothing is appended', async () => {
    const caseId = await givenStarted(h);
    const error = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, SV, 'ImpulsRegistered', {
        source: 'varden',
        reason: 'Vårdcentralen ringer',
      }),
    );
    expect(error).toMatchObject({
      code: 'RULE.FAILED',
      failed: [{ id: 'consent-to-information-exchange', field: 'consentToInformationExchange' }],
    });
  });

  it('given an impuls from the Jobbtorg vuxen contact, then no consent is asked for (the seed sets none)', async () => {
    const caseId = await givenStarted(h);
    await h.send('rehabansvarig', caseId, SV, 'ImpulsRegistered', {
      source: 'jobbtorg-vuxen',
      reason: 'Kontaktpersonen hör av sig',
    });
    expect(await h.stateOf(caseId, SV)).toBe('bedomning');
  });

  it('given Rehabansvarig judged a progressionsplan needed, then the planning cannot be agreed until one exists', async () => {
    const caseId = await givenAssessed(h, { contactMethod: 'telefon', progressionsplanNeeded: true });
    const error = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, SV, 'PlanningAgreed', AGREED),
    );
    expect(error).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: 'progressionsplan-needed' }] });
    await h.recordPlan(caseId, 3);
    await h.send('rehabansvarig', caseId, SV, 'PlanningAgreed', AGREED);
    expect(await h.stateOf(caseId, SV)).toEqual({ genomforande: 'inTime' });
  });

  it('given no plan was judged needed, then the planning is agreed without one', async () => {
    const caseId = await givenAssessed(h, { contactMethod: 'telefon', progressionsplanNeeded: false });
    await h.send('rehabansvarig', caseId, SV, 'PlanningAgreed', AGREED);
    expect(await h.stateOf(caseId, SV)).toEqual({ genomforande: 'inTime' });
  });

  it('given healthcare was contacted by phone, then the SIP-stödjare cannot be called in: a SIP meeting must follow a rehabförfrågan', async () => {
    const caseId = await givenAssessed(h, { contactMethod: 'telefon', progressionsplanNeeded: false });
    await h.recordPlan(caseId, 3);
    await h.send('rehabansvarig', caseId, SV, 'PlanningAgreed', AGREED);
    const error = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, SV, 'SipStodjareCalledIn', { need: 'SIP-möte med vårdcentralen' }),
    );
    expect(error).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: 'sip-after-rehabforfragan' }] });
  });

  it('given a rehabförfrågan but no progressionsplan, then the SIP-stödjare cannot be called in', async () => {
    const caseId = await givenAssessed(h, { contactMethod: 'rehabforfragan', progressionsplanNeeded: false });
    await h.send('rehabansvarig', caseId, SV, 'PlanningAgreed', AGREED);
    const error = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, SV, 'SipStodjareCalledIn', { need: 'SIP-möte' }),
    );
    expect(error).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: 'sip-needs-progressionsplan' }] });
  });

  it('given a rehabförfrågan and a progressionsplan, then Rehabansvarig calls in the SIP-stödjare and the planning and its deadline run on', async () => {
    const caseId = await givenAssessed(h, { contactMethod: 'rehabforfragan', progressionsplanNeeded: false });
    await h.recordPlan(caseId, 3);
    await h.send('rehabansvarig', caseId, SV, 'PlanningAgreed', AGREED);
    const before = await h.openDeadlines(caseId);
    const wrongRole = await h.rejects(caseId, () =>
      h.send('socialsekreterare', caseId, SV, 'SipStodjareCalledIn', { need: 'SIP-möte' }),
    );
    expect(wrongRole).toMatchObject({ code: 'STEP.WRONG_ROLE' });
    const called = await h.send('rehabansvarig', caseId, SV, 'SipStodjareCalledIn', { need: 'SIP-möte' });
    expect(called.events).toEqual(['SipStodjareCalledIn']);
    expect(await h.stateOf(caseId, SV)).toEqual({ genomforande: 'inTime' });
    expect(await h.openDeadlines(caseId)).toEqual(before);
  });

  it('given follow-up in fas 0-1, then samverkan cannot be closed: it closes once the client has parallel coordinated interventions', async () => {
    const caseId = await givenPlanningAgreed(h);
    await h.send('socialsekreterare', caseId, SV, 'PlanningCarriedOut', { description: 'Klart' });
    const error = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, SV, 'CooperationCompleted', {
        bipPhase: 1,
        outcome: 'Ingen arbetsinriktad',
      }),
    );
    expect(error).toMatchObject({
      code: 'RULE.FAILED',
      failed: [{ id: 'parallel-coordinated-interventions', field: 'bipPhase' }],
    });
  });

  describe('given an application for sjukersättning or aktivitetsersättning is open', () => {
    let caseId: string;
    beforeEach(async () => {
      caseId = await givenPlanningAgreed(h);
      await h.run('socialsekreterare', {
        type: 'RecordSaAeApplication',
        caseId,
        application: { kind: 'aktivitetsersattning', appliedOn: '2026-01-20' },
      });
    });

    it('when the planning deadline passes, then the breach is recorded but follow-up stays with Rehabansvarig', async () => {
      const [deadline] = await h.openDeadlines(caseId);
      h.now = deadline.dueAt;
      const result = await h.run('system', { type: 'FireDeadline', caseId, deadlineId: deadline.deadlineId });
      expect(result.events).toEqual(['DeadlineReached', 'FollowUpOwnerChanged']);
      const followUp = (await h.engine.load(caseId)).followUps.get(SV);
      expect(followUp).toMatchObject({ role: 'rehabansvarig', escalated: false });
      expect(followUp?.reason).toContain('Rehabansvarig behåller uppföljningen');
    });

    it('when Rehabansvarig closes samverkan, then it is refused until Försäkringskassan has decided', async () => {
      await h.send('socialsekreterare', caseId, SV, 'PlanningCarriedOut', { description: 'Klart' });
      const error = await h.rejects(caseId, () =>
        h.send('rehabansvarig', caseId, SV, 'CooperationCompleted', { bipPhase: 3, outcome: 'Hållbar plan' }),
      );
      expect(error).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: 'sa-ae-open' }] });
      await h.run('rehabansvarig', {
        type: 'RecordSaAeDecision',
        caseId,
        decision: { outcome: 'beviljad', decidedOn: '2026-01-30' },
      });
      const done = await h.send('rehabansvarig', caseId, SV, 'CooperationCompleted', {
        bipPhase: 3,
        outcome: 'Hållbar plan',
      });
      expect(done.events).toEqual(['CooperationCompleted', 'ProcessCompleted']);
    });
  });
});

describe('samverkan med vården, version 3: the SIP-stödjare', () => {
  let h: EngineHarness;
  let caseId: string;
  beforeEach(async () => {
    h = new EngineHarness(PROCESS_DEFINITIONS);
    caseId = await givenAssessed(h, { contactMethod: 'rehabforfragan', progressionsplanNeeded: false });
    await h.recordPlan(caseId, 3);
    await h.send('rehabansvarig', caseId, SV, 'PlanningAgreed', AGREED);
    await h.send('rehabansvarig', caseId, SV, 'SipStodjareCalledIn', { need: 'SIP-möte med vårdcentralen' });
  });

  it('given Rehabansvarig called them in, then the SIP-stödjare has the task of preparing for and supporting the meeting, and no one else may record it', async () => {
    const wrongRole = await h.rejects(caseId, () =>
      h.send('rehabansvarig', caseId, SV, 'SipMeetingSupported', { heldOn: '2026-01-30' }),
    );
    expect(wrongRole).toMatchObject({ code: 'STEP.WRONG_ROLE' });
    const held = await h.send('sip_stodjare', caseId, SV, 'SipMeetingSupported', {
      heldOn: '2026-01-30',
      summary: 'Samordnad plan med vårdcentralen',
    });
    expect(held.events).toEqual(['SipMeetingSupported']);
    expect(await h.stateOf(caseId, SV)).toEqual({ genomforande: { planering: 'inTime', sip: 'sipHallet' } });
  });

  it('given a SIP meeting held, then Rehabansvarig may call them in again for the next one', async () => {
    await h.send('sip_stodjare', caseId, SV, 'SipMeetingSupported', { heldOn: '2026-01-30' });
    await h.send('rehabansvarig', caseId, SV, 'SipStodjareCalledIn', { need: 'Uppföljande SIP-möte' });
    expect(await h.stateOf(caseId, SV)).toEqual({
      genomforande: { planering: 'inTime', sip: 'sipForberedelse' },
    });
  });

  it('given the SIP-stödjare is preparing, when the planning is carried out, then the process moves to follow-up and the SIP task closes with the planning', async () => {
    await h.send('socialsekreterare', caseId, SV, 'PlanningCarriedOut', { description: 'Klart' });
    expect(await h.stateOf(caseId, SV)).toBe('uppfoljning');
  });

  it('given a meeting date after today, then it is refused naming heldOn', async () => {
    const error = await h.rejects(caseId, () =>
      h.send('sip_stodjare', caseId, SV, 'SipMeetingSupported', { heldOn: '2026-03-01' }),
    );
    expect(error).toMatchObject({
      violations: [expect.objectContaining({ field: 'heldOn', rule: 'notAfterToday' })],
    });
  });
});
