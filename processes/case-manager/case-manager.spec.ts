import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffRecord } from '@app/engine';
import { EngineHarness } from '@app/engine/testing/engine-harness';
import { PROCESS_DEFINITIONS } from '../index';

const CM = 'cm-1';
const ALL_MET = {
  clearGoal: true,
  consentWithHealthcareAndAf: true,
  noOngoingSubstanceAbuse: true,
  noRiskOfThreatOrViolence: true,
  understandsWithoutInterpreter: true,
};
const FOLLOW_UP = {
  heldOn: '2026-01-31',
  present: 'CM, socialsekreterare, klient',
  summary: 'Arbetsträning påbörjad',
  mainGoalStatus: 'pagar',
  subGoals: [{ subGoal: 'Regelbunden sömn', status: 'uppnatt' }],
};

/** The målgrupp the remiss states: all three hold. */
const IN_TARGET_GROUP = { motivated: true, struggles: true, farFromLabourMarket: true };

async function givenAtRemiss(h: EngineHarness): Promise<string> {
  const caseId = await h.openCase();
  await h.run('socialsekreterare', {
    type: 'StartProcess',
    caseId,
    instanceId: CM,
    definitionId: 'case-manager',
  });
  return caseId;
}

async function givenReferred(h: EngineHarness): Promise<string> {
  const caseId = await givenAtRemiss(h);
  await h.send('socialsekreterare', caseId, CM, 'ReferralSubmitted', {
    goal: 'Arbetsträning inom sex månader',
    ...IN_TARGET_GROUP,
  });
  await h.send('bitradande_enhetschef', caseId, CM, 'CaseManagerAssigned', { caseManagerId: 'cm-anna' });
  return caseId;
}

async function givenStarted(h: EngineHarness, startDate = '2026-01-31'): Promise<string> {
  const caseId = await givenReferred(h);
  await h.send('case_manager', caseId, CM, 'CriteriaMet', ALL_MET);
  await h.send('socialsekreterare', caseId, CM, 'ClientAcceptedInformation');
  await h.send('case_manager', caseId, CM, 'InterventionAccepted', { startMeetingOn: '2026-02-03' });
  await h.send('case_manager', caseId, CM, 'StartMeetingHeld', {
    startDate,
    mainGoal: 'Arbetsträning 50 %',
    subGoals: ['Regelbunden sömn', 'Kontakt med vårdcentral'],
  });
  return caseId;
}

describe('case manager', () => {
  let h: EngineHarness;
  beforeEach(() => {
    h = new EngineHarness(PROCESS_DEFINITIONS);
  });

  it('given the remiss says the client is not far from the labour market, then it is refused naming that condition of the målgrupp, and nothing is appended', async () => {
    const caseId = await givenAtRemiss(h);
    const error = await h.rejects(caseId, () =>
      h.send('socialsekreterare', caseId, CM, 'ReferralSubmitted', {
        goal: 'Arbete',
        ...IN_TARGET_GROUP,
        farFromLabourMarket: false,
      }),
    );
    expect(error).toMatchObject({
      code: 'RULE.FAILED',
      failed: [{ id: 'far-from-labour-market', field: 'farFromLabourMarket' }],
    });
    const missing = await h.rejects(caseId, () =>
      h.send('socialsekreterare', caseId, CM, 'ReferralSubmitted', { goal: 'Arbete' }),
    );
    expect(missing).toMatchObject({ code: 'PAYLOAD.INVALID' });
  });

  it('given a remiss within the målgrupp, then it goes to CM:s biträdande, who names the case manager, and then the case manager checks the criteria', async () => {
    const caseId = await givenAtRemiss(h);
    await h.send('socialsekreterare', caseId, CM, 'ReferralSubmitted', {
      goal: 'Arbete',
      ...IN_TARGET_GROUP,
    });
    expect(await h.stateOf(caseId, CM)).toBe('fordelning');
    await h.rejects(caseId, () =>
      h.send('case_manager', caseId, CM, 'CaseManagerAssigned', { caseManagerId: 'cm-anna' }),
    );
    await h.send('bitradande_enhetschef', caseId, CM, 'CaseManagerAssigned', { caseManagerId: 'cm-anna' });
    const instance = (await h.engine.load(caseId)).instances.get(CM);
    expect([instance?.snapshot.value, instance?.snapshot.context.caseManagerId]).toEqual([
      'kriterier',
      'cm-anna',
    ]);
  });

  it('given two criteria do not hold, then the rejection names exactly those two and nothing is appended', async () => {
    const caseId = await givenReferred(h);
    const error = await h.rejects(caseId, () =>
      h.send('case_manager', caseId, CM, 'CriteriaMet', {
        ...ALL_MET,
        noOngoingSubstanceAbuse: false,
        understandsWithoutInterpreter: false,
      }),
    );
    expect(error).toMatchObject({ code: 'RULE.FAILED' });
    // Each names the checkbox it judges, so the form shows the message next to it.
    expect((error as { failed: { id: string; message: string; field: string }[] }).failed).toEqual([
      {
        id: 'no-substance-abuse',
        message: 'Klienten har ett pågående missbruk.',
        field: 'noOngoingSubstanceAbuse',
      },
      {
        id: 'no-interpreter-needed',
        message: 'Klienten behöver tolk för att förstå och göra sig förstådd.',
        field: 'understandsWithoutInterpreter',
      },
    ]);
  });

  it('given the CM decides not to offer it, then the process ends', async () => {
    const caseId = await givenReferred(h);
    const result = await h.send('case_manager', caseId, CM, 'InterventionNotOffered', {
      reason: 'Inte i målgruppen',
    });
    expect(result.events).toEqual(['InterventionNotOffered', 'ProcessCompleted']);
  });

  it('given the client says yes, then the information meeting is due within a week, and flagged when missed', async () => {
    const caseId = await givenReferred(h);
    await h.send('case_manager', caseId, CM, 'CriteriaMet', ALL_MET);
    await h.send('socialsekreterare', caseId, CM, 'ClientAcceptedInformation');
    const [deadline] = await h.openDeadlines(caseId);
    expect([deadline.name, deadline.dueAt]).toEqual(['informationMeeting', '2026-02-07T09:00:00.000Z']);
    h.now = deadline.dueAt;
    await h.run('system', { type: 'FireDeadline', caseId, deadlineId: deadline.deadlineId });
    expect(await h.stateOf(caseId, CM)).toEqual({ informationsmote: 'overdue' });
  });

  it('given the client declines at the information meeting, then it ends as declined and the meeting deadline is cancelled', async () => {
    const caseId = await givenReferred(h);
    await h.send('case_manager', caseId, CM, 'CriteriaMet', ALL_MET);
    await h.send('socialsekreterare', caseId, CM, 'ClientAcceptedInformation');
    const result = await h.send('case_manager', caseId, CM, 'InterventionDeclined');
    expect(result.events).toEqual(['InterventionDeclined', 'DeadlineCancelled', 'ProcessCompleted']);
  });

  it('given the client declines at the call, then the process ends as declined', async () => {
    const caseId = await givenReferred(h);
    await h.send('case_manager', caseId, CM, 'CriteriaMet', ALL_MET);
    await h.send('socialsekreterare', caseId, CM, 'ClientDeclined', {});
    expect(await h.stateOf(caseId, CM)).toBe('declined');
  });

  it('given more than four delmål, then the start meeting is refused naming subGoals', async () => {
    const caseId = await givenReferred(h);
    await h.send('case_manager', caseId, CM, 'CriteriaMet', ALL_MET);
    await h.send('socialsekreterare', caseId, CM, 'ClientAcceptedInformation');
    await h.send('case_manager', caseId, CM, 'InterventionAccepted', { startMeetingOn: '2026-02-03' });
    const error = await h.rejects(caseId, () =>
      h.send('case_manager', caseId, CM, 'StartMeetingHeld', {
        startDate: '2026-01-31',
        mainGoal: 'Arbete',
        subGoals: ['a', 'b', 'c', 'd', 'e'],
      }),
    );
    expect(error).toMatchObject({ violations: [{ field: 'subGoals', rule: 'arrayMaxSize' }] });
  });

  it('given Start för insats entered a week after the day, then the 12-month limit runs from that day, not from the entry', async () => {
    const caseId = await givenStarted(h, '2026-01-24');
    expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toEqual([
      ['interventionLimit', '2027-01-24T09:00:00.000Z'],
    ]);
  });

  describe('given the intervention has started', () => {
    let caseId: string;
    beforeEach(async () => {
      caseId = await givenStarted(h);
      await h.send('case_manager', caseId, CM, 'PlanShared');
    });

    it('then the 12-month limit runs from the start meeting', async () => {
      expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toContainEqual([
        'interventionLimit',
        '2027-01-31T09:00:00.000Z',
      ]);
    });

    it('then the social worker is due to check in with the case manager within a month', async () => {
      expect((await h.openDeadlines(caseId)).map((d) => [d.name, d.dueAt])).toContainEqual([
        'checkIn',
        '2026-02-28T09:00:00.000Z',
      ]);
    });

    it('when the social worker checks in, then the next check-in is due a month after the day they did, whenever it was recorded', async () => {
      h.now = '2026-02-20T09:00:00.000Z';
      const result = await h.send('socialsekreterare', caseId, CM, 'SocialWorkerCheckedIn', {
        checkedInOn: '2026-02-16',
        note: 'Stämt av planen',
      });
      expect(result.events).toEqual(['SocialWorkerCheckedIn', 'DeadlineCancelled', 'DeadlineScheduled']);
      const checkIns = (await h.openDeadlines(caseId)).filter((d) => d.name === 'checkIn');
      expect(checkIns.map((d) => d.dueAt)).toEqual(['2026-03-16T09:00:00.000Z']);
    });

    it('when a month passes without a check-in, then the social worker has a reminder task, and a check-in clears it and starts the next month', async () => {
      const checkIn = (await h.openDeadlines(caseId)).find((d) => d.name === 'checkIn');
      h.now = checkIn!.dueAt;
      await h.run('system', { type: 'FireDeadline', caseId, deadlineId: checkIn!.deadlineId });
      expect(await h.stateOf(caseId, CM)).toEqual({ insats: { genomforande: 'avstamningForsenad' } });
      await h.send('socialsekreterare', caseId, CM, 'SocialWorkerCheckedIn', { checkedInOn: '2026-02-28' });
      expect(await h.stateOf(caseId, CM)).toEqual({ insats: { genomforande: 'avstamning' } });
      expect((await h.openDeadlines(caseId)).map((d) => d.name).sort()).toEqual([
        'checkIn',
        'interventionLimit',
      ]);
    });

    it('when a wait is recorded, then a follow-up meeting, which stays in the step, leaves it waiting', async () => {
      await h.run('case_manager', {
        type: 'RecordStepWait',
        caseId,
        instanceId: CM,
        wait: { reason: 'avbrott-ersattning', since: '2026-01-30' },
      });
      await h.send('case_manager', caseId, CM, 'FollowUpMeetingHeld', FOLLOW_UP);
      expect((await h.engine.load(caseId)).instances.get(CM)?.waiting?.reason).toBe('avbrott-ersattning');
    });

    it('when a follow-up meeting is recorded, then the check-in stays due when it was', async () => {
      const before = (await h.openDeadlines(caseId)).map((d) => d.dueAt);
      await h.send('case_manager', caseId, CM, 'FollowUpMeetingHeld', FOLLOW_UP);
      expect((await h.openDeadlines(caseId)).map((d) => d.dueAt)).toEqual(before);
    });

    it("when a fourth follow-up meeting is recorded, then it is kept like the first three: the template's three slots are no limit", async () => {
      for (let i = 0; i < 3; i++) await h.send('case_manager', caseId, CM, 'FollowUpMeetingHeld', FOLLOW_UP);
      const fourth = await h.send('case_manager', caseId, CM, 'FollowUpMeetingHeld', FOLLOW_UP);
      expect(fourth.events).toEqual(['FollowUpMeetingHeld']);
      const context = (await h.engine.load(caseId)).instances.get(CM)?.snapshot.context;
      expect([context?.followUps, context?.followUpMeetings.length]).toEqual([4, 4]);
    });

    it('when 12 months pass, then the intervention is closed automatically', async () => {
      const limit = (await h.openDeadlines(caseId)).find((d) => d.name === 'interventionLimit')!;
      h.now = limit.dueAt;
      const result = await h.run('system', {
        type: 'FireDeadline',
        caseId,
        deadlineId: limit.deadlineId,
      });
      expect(result.events).toEqual(['DeadlineReached', 'DeadlineCancelled', 'ProcessCompleted']);
      expect(await h.stateOf(caseId, CM)).toBe('closedAtTimeLimit');
    });

    it('when the goals are reached first, then it closes and the limit is cancelled', async () => {
      const result = await h.send('case_manager', caseId, CM, 'InterventionClosed', {
        reason: 'mal-uppnatt',
      });
      expect(result.events).toEqual([
        'InterventionClosed',
        'DeadlineCancelled',
        'DeadlineCancelled',
        'ProcessCompleted',
      ]);
      expect(await h.openDeadlines(caseId)).toEqual([]);
    });
  });
});

describe('case manager, with the staff directory', () => {
  const people: Record<string, StaffRecord | undefined> = {
    'cm-anna': { name: 'CM Anna', memberships: [{ unit: 'järva-1', roles: ['case_manager'] }] },
    'cm-rinkeby': { name: 'CM Rinkeby', memberships: [{ unit: 'rinkeby-2', roles: ['case_manager'] }] },
    'ss-bo': { name: 'SS Bo', memberships: [{ unit: 'järva-1', roles: ['socialsekreterare'] }] },
  };
  let h: EngineHarness;
  beforeEach(() => {
    h = new EngineHarness(PROCESS_DEFINITIONS, { staff: async (id) => people[id] });
  });

  it.each([
    ['nobody has signed in as', 'cm-okand', 'unknown-user'],
    ['a case manager of another unit', 'cm-rinkeby', 'not-staff-of-the-unit'],
    ['a social worker of the unit', 'ss-bo', 'not-staff-of-the-unit'],
  ])(
    'given CM:s biträdande names %s, then it is refused naming caseManagerId, and nothing is appended',
    async (_who, caseManagerId, rule) => {
      const caseId = await givenAtRemiss(h);
      await h.send('socialsekreterare', caseId, CM, 'ReferralSubmitted', {
        goal: 'Arbete',
        ...IN_TARGET_GROUP,
      });
      const error = await h.rejects(caseId, () =>
        h.send('bitradande_enhetschef', caseId, CM, 'CaseManagerAssigned', { caseManagerId }),
      );
      expect(error).toMatchObject({ code: 'RULE.FAILED', failed: [{ id: rule, field: 'caseManagerId' }] });
    },
  );

  describe('given a case manager is named', () => {
    const CHANGE = {
      caseManagerId: 'cm-bo',
      reason: 'franvaro',
      clientInformed: true,
      handover: 'Nuläge: arbetsträning två dagar i veckan.',
    };
    let caseId: string;
    beforeEach(async () => {
      people['cm-bo'] = { name: 'CM Bo', memberships: [{ unit: 'järva-1', roles: ['case_manager'] }] };
      caseId = await givenReferred(h);
      await h.send('case_manager', caseId, CM, 'CriteriaMet', ALL_MET);
    });

    it('when CM:s biträdande changes the case manager, with a reason and a hand-over, then the new one is named and the step stays where it was', async () => {
      const result = await h.send('bitradande_enhetschef', caseId, CM, 'CaseManagerChanged', CHANGE);
      expect(result.events).toEqual(['CaseManagerChanged']);
      const instance = (await h.engine.load(caseId)).instances.get(CM);
      expect([instance?.snapshot.value, instance?.snapshot.context.caseManagerId]).toEqual([
        'kontaktKlient',
        'cm-bo',
      ]);
    });

    it('when the same case manager is named again, then it is refused: it is no change', async () => {
      const error = await h.rejects(caseId, () =>
        h.send('bitradande_enhetschef', caseId, CM, 'CaseManagerChanged', {
          ...CHANGE,
          caseManagerId: 'cm-anna',
        }),
      );
      expect(error).toMatchObject({ failed: [{ id: 'same-case-manager', field: 'caseManagerId' }] });
    });

    it('when the reason is annat with nothing said, or the hand-over is missing, then it is refused naming the field', async () => {
      const annat = await h.rejects(caseId, () =>
        h.send('bitradande_enhetschef', caseId, CM, 'CaseManagerChanged', { ...CHANGE, reason: 'annat' }),
      );
      expect(annat).toMatchObject({ failed: [{ id: 'reason-note-for-annat', field: 'reasonNote' }] });
      const { handover: _none, ...withoutHandover } = CHANGE;
      const missing = await h.rejects(caseId, () =>
        h.send('bitradande_enhetschef', caseId, CM, 'CaseManagerChanged', withoutHandover),
      );
      expect(missing).toMatchObject({
        violations: expect.arrayContaining([expect.objectContaining({ field: 'handover' })]),
      });
    });
  });

  it("given a case manager of the case's unit, then they are named", async () => {
    const caseId = await givenAtRemiss(h);
    await h.send('socialsekreterare', caseId, CM, 'ReferralSubmitted', {
      goal: 'Arbete',
      ...IN_TARGET_GROUP,
    });
    await h.send('bitradande_enhetschef', caseId, CM, 'CaseManagerAssigned', { caseManagerId: 'cm-anna' });
    expect(await h.stateOf(caseId, CM)).toBe('kriterier');
  });
});
