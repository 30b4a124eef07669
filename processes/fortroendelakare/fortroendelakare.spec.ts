import { beforeEach, describe, expect, it } from 'vitest';
import { unitSettingsFrom } from '@app/engine';
import { EngineHarness } from '@app/engine/testing/engine-harness';
import { fortroendelakareV1 } from './fortroendelakare.machine';

const INSTANCE = 'fl-1';

async function givenCaseWithPlan(h: EngineHarness): Promise<string> {
  const caseId = await h.openCase();
  await h.recordPlan(caseId, 4);
  return caseId;
}

async function givenStarted(h: EngineHarness): Promise<string> {
  const caseId = await givenCaseWithPlan(h);
  await h.run('socialsekreterare', {
    type: 'StartProcess',
    caseId,
    instanceId: INSTANCE,
    definitionId: 'fortroendelakare',
  });
  return caseId;
}

async function givenRecommendationsReceived(h: EngineHarness, receivedOn = '2026-01-31'): Promise<string> {
  const caseId = await givenStarted(h);
  await h.send('socialsekreterare', caseId, INSTANCE, 'ImpulsRegistered', {
    reason: 'Sjukskriven, otydligt intyg',
    sickListingCareUnit: 'Danderyds vårdcentral',
  });
  await h.send('rehabansvarig', caseId, INSTANCE, 'ReferralAccepted', {
    preparation: 'Läkarintyg och samtycke',
  });
  await h.send('socialsekreterare', caseId, INSTANCE, 'DocumentsHandedOver', {
    consentForm: true,
    notificationForm: true,
  });
  await h.send('rehabansvarig', caseId, INSTANCE, 'ConsultationHeld', { heldOn: '2026-01-20' });
  await h.send('rehabansvarig', caseId, INSTANCE, 'RecommendationsReceived', {
    receivedOn,
    summary: 'Utred arbetsförmåga; kontakt med vårdcentral',
  });
  return caseId;
}

describe('förtroendeläkare on a unit with its own fördjupad-samverkan list', () => {
  it("given the unit lists another care unit, then that one is refused and Järva's are not", async () => {
    const h = new EngineHarness([fortroendelakareV1], {
      unitSettings: unitSettingsFrom({ 'norr-1': ['Vårdcentralen Norr'] }),
    });
    const caseId = await h.openCase(undefined, 'norr-1');
    await h.recordPlan(caseId, 4);
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: INSTANCE,
      definitionId: 'fortroendelakare',
    });
    const refused = await h.rejects(caseId, () =>
      h.send('socialsekreterare', caseId, INSTANCE, 'ImpulsRegistered', {
        reason: 'Står still',
        sickListingCareUnit: 'vårdcentralen norr',
      }),
    );
    expect(refused).toMatchObject({ failed: [{ id: 'samverkan-care-unit' }] });
    await h.send('socialsekreterare', caseId, INSTANCE, 'ImpulsRegistered', {
      reason: 'Står still',
      sickListingCareUnit: 'Kista vårdcentral',
    });
  });
});

describe('förtroendeläkare', () => {
  let h: EngineHarness;
  beforeEach(() => {
    h = new EngineHarness([fortroendelakareV1]);
  });

  describe('given a case without a progressionsplan', () => {
    it('when the process is started, then it is refused naming the rule and nothing is appended', async () => {
      const caseId = await h.openCase();
      const error = await h.rejects(caseId, () =>
        h.run('socialsekreterare', {
          type: 'StartProcess',
          caseId,
          instanceId: INSTANCE,
          definitionId: 'fortroendelakare',
        }),
      );
      expect(error).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: 'progressionsplan-required' }] });
    });
  });

  describe('given a started instance at impuls', () => {
    let caseId: string;
    beforeEach(async () => {
      caseId = await givenStarted(h);
    });

    it('when a later step is sent, then it is not allowed and the allowed events are named', async () => {
      const error = await h.rejects(caseId, () =>
        h.send('rehabansvarig', caseId, INSTANCE, 'ConsultationHeld', { heldOn: '2026-01-20' }),
      );
      expect(error).toMatchObject({ code: 'STEP.NOT_ALLOWED', details: { allowed: ['ImpulsRegistered'] } });
    });

    it('when Rehabansvarig registers the impuls, then it is the wrong role', async () => {
      const error = await h.rejects(caseId, () =>
        h.send('rehabansvarig', caseId, INSTANCE, 'ImpulsRegistered', {
          reason: 'x',
          sickListingCareUnit: 'y',
        }),
      );
      expect(error).toMatchObject({ code: 'STEP.WRONG_ROLE', details: { lanes: ['socialsekreterare'] } });
    });

    it('when the reason is missing or an unknown field is sent, then the payload is refused naming the fields', async () => {
      const error = await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, INSTANCE, 'ImpulsRegistered', { reasn: 'typo' }),
      );
      expect(error).toMatchObject({ code: 'PAYLOAD.INVALID' });
      const fields = (error as { violations: { field: string; rule: string }[] }).violations.map(
        (v) => `${v.field}:${v.rule}`,
      );
      expect(fields).toEqual(expect.arrayContaining(['reason:isNotEmpty', 'reasn:whitelistValidation']));
    });

    it('when the client is sick-listed at a care unit the unit has fördjupad samverkan with, then the impuls is refused pointing to samverkan and nothing is appended', async () => {
      for (const careUnit of ['Kista VC', 'rinkeby  vårdcentralen', 'Aleris psykiatri Spånga']) {
        const error = await h.rejects(caseId, () =>
          h.send('socialsekreterare', caseId, INSTANCE, 'ImpulsRegistered', {
            reason: 'Sjukskriven, står still',
            sickListingCareUnit: careUnit,
          }),
        );
        expect(error).toMatchObject({
          code: 'RULE.FAILED',
          failed: [{ id: 'samverkan-care-unit', field: 'sickListingCareUnit' }],
        });
      }
    });

    it('when the sick-listing care unit is missing, then the payload is refused naming it', async () => {
      const error = await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, INSTANCE, 'ImpulsRegistered', { reason: 'Sjukskriven' }),
      );
      expect(error).toMatchObject({
        code: 'PAYLOAD.INVALID',
        violations: expect.arrayContaining([expect.objectContaining({ field: 'sickListingCareUnit' })]),
      });
    });

    it('when the client is sick-listed elsewhere, then the impuls is registered and the care unit kept with it', async () => {
      await h.send('socialsekreterare', caseId, INSTANCE, 'ImpulsRegistered', {
        reason: 'Sjukskriven, står still',
        sickListingCareUnit: 'Kista närakut',
      });
      const state = await h.engine.load(caseId);
      expect(state.instances.get(INSTANCE)?.snapshot.value).toBe('bedomning');
    });

    it('when an event the process does not know is sent, then it says so', async () => {
      const error = await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, INSTANCE, 'Teleported', {}),
      );
      expect(error).toMatchObject({ code: 'STEP.UNKNOWN_EVENT' });
    });

    it('when the same command is sent twice, then the second returns the first result (same revision and events) and appends nothing', async () => {
      const command = {
        type: 'SendProcessEvent' as const,
        caseId,
        instanceId: INSTANCE,
        event: 'ImpulsRegistered',
        payload: { reason: 'Sjukskriven', sickListingCareUnit: 'Danderyds vårdcentral' },
      };
      const first = await h.run('socialsekreterare', command, {
        commandId: '7d0e1c4a-7a43-4b8e-9b1b-0c5c8f7f0d01',
      });
      const again = await h.run('socialsekreterare', command, {
        commandId: '7d0e1c4a-7a43-4b8e-9b1b-0c5c8f7f0d01',
      });
      expect(again).toEqual({ ...first, replayed: true });
      expect((await h.eventTypes(caseId)).filter((t) => t === 'ImpulsRegistered')).toHaveLength(1);
    });
  });

  describe('given Rehabansvarig declines in bedömning', () => {
    it('then the process ends as not taken, with the reason stored', async () => {
      const caseId = await givenStarted(h);
      await h.send('socialsekreterare', caseId, INSTANCE, 'ImpulsRegistered', {
        reason: 'Sjukskriven',
        sickListingCareUnit: 'Danderyds vårdcentral',
      });
      const result = await h.send('rehabansvarig', caseId, INSTANCE, 'ReferralDeclined', {
        reason: 'Samverkan med vårdcentralen räcker',
      });
      expect(result.events).toEqual(['ReferralDeclined', 'ProcessCompleted']);
      expect(await h.stateOf(caseId, INSTANCE)).toBe('notTaken');
    });
  });

  describe('given documents are handed over without the consent form', () => {
    it('then the failed rule is named and nothing is appended', async () => {
      const caseId = await givenStarted(h);
      await h.send('socialsekreterare', caseId, INSTANCE, 'ImpulsRegistered', {
        reason: 'Sjukskriven',
        sickListingCareUnit: 'Danderyds vårdcentral',
      });
      await h.send('rehabansvarig', caseId, INSTANCE, 'ReferralAccepted', { preparation: 'Samtycke' });
      const error = await h.rejects(caseId, () =>
        h.send('socialsekreterare', caseId, INSTANCE, 'DocumentsHandedOver', {
          consentForm: false,
          notificationForm: true,
        }),
      );
      expect(error).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: 'consent-form-required' }] });
    });
  });

  describe('given recommendations that arrived on 22 October and were recorded on 1 December', () => {
    it('then both clocks run from their arrival: the check-in was due 22 November and fires at once, the actions are due 22 December', async () => {
      h.now = '2026-12-01T09:00:00.000Z';
      const caseId = await givenRecommendationsReceived(h, '2026-10-22');
      const deadlines = await h.openDeadlines(caseId);
      expect(Object.fromEntries(deadlines.map((d) => [d.name, d.dueAt]))).toEqual({
        checkIn: '2026-11-22T09:00:00.000Z',
        actionDeadline: '2026-12-22T09:00:00.000Z',
      });
      const checkIn = deadlines.find((d) => d.name === 'checkIn')!;
      const fired = await h.run('system', { type: 'FireDeadline', caseId, deadlineId: checkIn.deadlineId });
      expect(fired.events).toEqual(['DeadlineReached']);
    });
  });

  describe('given the written recommendations arrived on 31 January', () => {
    let caseId: string;
    beforeEach(async () => {
      caseId = await givenRecommendationsReceived(h);
    });

    it('then Rehabansvarig owns follow-up and two deadlines run by calendar: end of February and 31 March', async () => {
      const state = await h.engine.load(caseId);
      expect(state.followUps.get(INSTANCE)?.role).toBe('rehabansvarig');
      const due = Object.fromEntries((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt]));
      expect(due).toEqual({
        checkIn: '2026-02-28T09:00:00.000Z',
        // 10:00 Swedish time, winter then summer: the same wall-clock hour, an hour earlier in UTC.
        actionDeadline: '2026-03-31T08:00:00.000Z',
      });
    });

    it('when the check-in is fired before it is due, then it is refused', async () => {
      const [checkIn] = (await h.openDeadlines(caseId)).filter((d) => d.name === 'checkIn');
      h.now = '2026-02-28T08:59:59.999Z';
      const error = await h.rejects(caseId, () =>
        h.run('system', { type: 'FireDeadline', caseId, deadlineId: checkIn.deadlineId }),
      );
      expect(error).toMatchObject({ code: 'DEADLINE.NOT_DUE' });
    });

    it('when the check-in is fired at its due time, then the reminder state is reached, and it cannot fire twice', async () => {
      const [checkIn] = (await h.openDeadlines(caseId)).filter((d) => d.name === 'checkIn');
      h.now = checkIn.dueAt;
      const result = await h.run('system', {
        type: 'FireDeadline',
        caseId,
        deadlineId: checkIn.deadlineId,
      });
      expect(result.events).toEqual(['DeadlineReached']);
      expect(await h.stateOf(caseId, INSTANCE)).toEqual({
        uppfoljning: { avstamning: 'reminded', atgarder: 'awaiting' },
      });
      const error = await h.rejects(caseId, () =>
        h.run('system', { type: 'FireDeadline', caseId, deadlineId: checkIn.deadlineId }),
      );
      expect(error).toMatchObject({ code: 'DEADLINE.NOT_FOUND' });
    });

    it('when no action is taken for 2 months and the deadline fires late, then follow-up passes to the biträdande enhetschef', async () => {
      const [actions] = (await h.openDeadlines(caseId)).filter((d) => d.name === 'actionDeadline');
      h.now = '2026-04-15T07:00:00.000Z'; // the server was down at the due time
      const result = await h.run('system', {
        type: 'FireDeadline',
        caseId,
        deadlineId: actions.deadlineId,
      });
      expect(result.events).toEqual(['DeadlineReached', 'FollowUpOwnerChanged']);
      const state = await h.engine.load(caseId);
      expect(state.followUps.get(INSTANCE)).toMatchObject({
        role: 'bitradande_enhetschef',
        since: '2026-04-15T07:00:00.000Z',
      });
      expect(state.followUps.get(INSTANCE)?.reason).toMatch(/2 månader/);
      const events = await h.events(caseId);
      expect(events.at(-1)?.data).toMatchObject({ owner: 'bitradande_enhetschef', escalated: true });
    });

    it('when check-in and actions happen in time, then both deadlines are cancelled and the process can complete', async () => {
      h.now = '2026-02-10T10:00:00.000Z';
      expect(
        (await h.send('rehabansvarig', caseId, INSTANCE, 'CheckInHeld', { notes: 'Avstämt' })).events,
      ).toEqual(['CheckInHeld', 'DeadlineCancelled']);
      expect(
        (
          await h.send('socialsekreterare', caseId, INSTANCE, 'ActionsTaken', {
            description: 'Kontakt med VC',
          })
        ).events,
      ).toEqual(['ActionsTaken', 'DeadlineCancelled']);
      expect(await h.openDeadlines(caseId)).toEqual([]);
      const done = await h.send('rehabansvarig', caseId, INSTANCE, 'FollowUpCompleted', {
        bipPhase: 2,
        outcome: 'Parallella insatser',
      });
      expect(done.events).toEqual(['FollowUpCompleted', 'ProcessCompleted']);
      expect(await h.stateOf(caseId, INSTANCE)).toBe('completed');
    });

    it('when follow-up is closed before the check-in, then it is refused naming the rule and nothing is appended', async () => {
      const error = await h.rejects(caseId, () =>
        h.send('rehabansvarig', caseId, INSTANCE, 'FollowUpCompleted', {
          bipPhase: 1,
          outcome: 'Avslutat tidigt',
        }),
      );
      expect(error).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: 'check-in-first' }] });
    });

    it('when follow-up completes after the check-in with the actions deadline still open, then it is cancelled with it', async () => {
      await h.send('rehabansvarig', caseId, INSTANCE, 'CheckInHeld', { notes: 'Avstämt' });
      const done = await h.send('rehabansvarig', caseId, INSTANCE, 'FollowUpCompleted', {
        bipPhase: 1,
        outcome: 'Avslutat tidigt',
      });
      expect(done.events).toEqual(['FollowUpCompleted', 'DeadlineCancelled', 'ProcessCompleted']);
      expect(await h.openDeadlines(caseId)).toEqual([]);
    });

    it('then every stored event carries the metadata the history needs', async () => {
      const events = await h.events(caseId);
      const step = events.find((e) => e.type === 'RecommendationsReceived');
      expect(step?.metadata).toMatchObject({
        caseId,
        processInstanceId: INSTANCE,
        definitionId: 'fortroendelakare',
        definitionVersion: 1,
        stateBefore: 'rekommendationer',
        stateAfter: { uppfoljning: { avstamning: 'pending', atgarder: 'awaiting' } },
        actorId: 'user-rehabansvarig',
        role: 'rehabansvarig',
        occurredAt: '2026-01-31T09:00:00.000Z',
      });
      expect(step?.metadata.correlationId).toEqual(expect.any(String));
      expect(step?.metadata.causationId).toEqual(expect.any(String));
    });
  });

  describe('given a misconfigured deadline override', () => {
    it.each([
      [{ 'järva-1': { fortroendelakare: { actionDeadline: 'two months' } } }, /not an ISO-8601 duration/],
      [{ 'järva-1': { fortroendelakare: { actionDeadlin: 'P2M' } } }, /has no deadline 'actionDeadlin'/],
      [{ 'järva-1': { 'no-such-process': { x: 'P2M' } } }, /No process definition no-such-process/],
    ])('then the engine refuses to start, naming the override', (deadlineOverrides, message) => {
      expect(() => new EngineHarness([fortroendelakareV1], { deadlineOverrides })).toThrow(message);
    });
  });

  describe('given a unit that sets its own deadline', () => {
    it('then the override is used instead of the default', async () => {
      h = new EngineHarness([fortroendelakareV1], {
        deadlineOverrides: { 'järva-1': { fortroendelakare: { actionDeadline: 'P6W' } } },
      });
      const caseId = await givenRecommendationsReceived(h);
      const due = Object.fromEntries((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt]));
      expect(due.actionDeadline).toBe('2026-03-14T09:00:00.000Z');
    });
  });
});
