import { describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { givenCase } from '../testing/case-spec';
import { FULL_CHANGE } from '../testing/engine-harness';
import { caseDecider } from './case-decider';
import { caseEvent, type ProcessStepEvent } from './case-event';
import { CASE_EVENTS } from './case-events';
import type { PendingEvent, PendingMetadata } from './decide';
import {
  BusinessRuleError,
  CaseAlreadyExistsError,
  InvalidPayloadError,
  DeadlineNotDueError,
  StepNotAllowedError,
  WrongRoleError,
} from './errors';

/**
 * The case's rules as given/when/then, through the Decider alone: no
 * SQLite, no key store, no HTTP. Samverkan med vården is the example
 * because one step in it sets the follow-up owner and starts a clock
 * whose breach escalates to the biträdande enhetschef.
 */
const registry = createProcessRegistry();
const decider = caseDecider({ registry, overrides: {} });

const opened = caseEvent(
  CASE_EVENTS.opened,
  { caseId: 'case-spec-1', reference: 'kvinna född -63', unit: 'jarva-1', socialWorkerId: 'ss-1' },
  {},
);
const started = caseEvent(
  CASE_EVENTS.processStarted,
  { instanceId: 'p1', definitionId: 'samverkan-varden', version: 1 },
  {},
);
const step = (
  type: string,
  payload: Record<string, unknown>,
  instanceId = 'p1',
): ProcessStepEvent<PendingMetadata> => ({ type, data: { instanceId, payload }, metadata: {} });
const inSamverkan: PendingEvent[] = [
  opened,
  started,
  step('ImpulsRegistered', { source: 'varden', reason: 'Tbehov av samordning' }),
  step('ContactPlanned', { contactMethod: 'telefon', progressionsplanNeeded: false }),
];
const PLAN_ROW = {
  category: 5,
  followUpOwner: 'rehabansvarig',
  items: [{ vad: 'AFU', vem: 'Rehabansvarig', nar: '2026-03-15', varfor: 'Tutreda förmågan', gjort: false }],
};
const agreePlanning = {
  type: 'SendProcessEvent',
  caseId: 'case-spec-1',
  instanceId: 'p1',
  event: 'PlanningAgreed',
  payload: { agreedOn: '2026-03-01', summary: 'Tgemensam planering' },
} as const;

describe('the case Decider', () => {
  it('given no case, when a social worker opens one, then CaseOpened is decided in their role', () => {
    const outcome = givenCase(decider, []).when(
      {
        type: 'OpenCase',
        caseId: 'case-spec-1',
        reference: 'kvinna född -63',
        unit: 'jarva-1',
        socialWorkerId: 'ss-1',
      },
      { roles: ['socialsekreterare'] },
    );
    expect(outcome.events).toEqual([
      { type: CASE_EVENTS.opened, data: opened.data, role: 'socialsekreterare' },
    ]);
    expect(outcome.state.unit).toBe('jarva-1');
    expect(outcome.state.socialWorkers).toEqual(['ss-1']);
  });

  it('given an open case, when it is opened again, then it is refused', () => {
    const outcome = givenCase(decider, [opened]).when(
      { type: 'OpenCase', caseId: 'case-spec-1', reference: 'x', unit: 'jarva-1', socialWorkerId: 'ss-2' },
      { roles: ['socialsekreterare'] },
    );
    expect(outcome.error).toBeInstanceOf(CaseAlreadyExistsError);
    expect(outcome.events).toEqual([]);
  });

  it('given an open case, when samverkan starts, then ProcessStarted names the latest definition version', () => {
    const outcome = givenCase(decider, [opened]).when(
      { type: 'StartProcess', caseId: 'case-spec-1', instanceId: 'p1', definitionId: 'samverkan-varden' },
      { roles: ['socialsekreterare'] },
    );
    const latest = Math.max(...registry.versions('samverkan-varden'));
    expect(latest).toBeGreaterThan(1);
    expect(outcome.events).toEqual([
      {
        type: CASE_EVENTS.processStarted,
        data: { ...started.data, version: latest },
        role: 'socialsekreterare',
      },
    ]);
    expect(outcome.state.instances.get('p1')?.snapshot.value).toBe('impuls');
  });

  it('given a started samverkan, when a later step is sent first, then it is not allowed and names what is', () => {
    const outcome = givenCase(decider, [opened, started]).when(
      {
        ...agreePlanning,
        event: 'ContactPlanned',
        payload: { contactMethod: 'mejl', progressionsplanNeeded: true },
      },
      { roles: ['rehabansvarig'] },
    );
    expect(outcome.error).toBeInstanceOf(StepNotAllowedError);
    expect((outcome.error as StepNotAllowedError).message).toContain('ImpulsRegistered');
  });

  it('given samverkan at its step, when someone outside the lane sends it, then the role is refused', () => {
    const outcome = givenCase(decider, inSamverkan).when(agreePlanning, { roles: ['mentor'] });
    expect(outcome.error).toBeInstanceOf(WrongRoleError);
  });

  it('given samverkan at its step, when the planning is agreed, then the step, the new follow-up owner and its clock are decided', () => {
    const outcome = givenCase(decider, inSamverkan).when(agreePlanning, { roles: ['rehabansvarig'] });
    expect(outcome.error).toBeUndefined();
    expect(outcome.events.map((e) => e.type)).toEqual([
      'PlanningAgreed',
      CASE_EVENTS.followUpOwnerChanged,
      CASE_EVENTS.deadlineScheduled,
    ]);
    expect(outcome.events[1].data).toEqual({ instanceId: 'p1', owner: 'rehabansvarig', escalated: false });
    expect(outcome.events[2].data).toMatchObject({
      instanceId: 'p1',
      name: 'planningDeadline',
      duration: 'P2M',
      // Two calendar months in Swedish time: 09:00 in winter is 09:00 in May, an hour earlier in UTC.
      dueAt: '2026-05-02T07:00:00.000Z',
    });
    expect(outcome.state.followUps.get('p1')?.role).toBe('rehabansvarig');
    expect(outcome.state.deadlines.size).toBe(1);
  });

  describe('given the planning clock is running', () => {
    const agreed = givenCase(decider, inSamverkan).when(agreePlanning, { roles: ['rehabansvarig'] });
    const history = [...inSamverkan, ...agreed.decided];
    const [deadline] = agreed.state.deadlines.values();
    const fire = { type: 'FireDeadline', caseId: 'case-spec-1', deadlineId: deadline.deadlineId } as const;

    it('when the deadline worker fires it early, then it is not due', () => {
      const outcome = givenCase(decider, history).when(fire, {
        roles: ['system'],
        now: '2026-05-01T08:00:00.000Z',
      });
      expect(outcome.error).toBeInstanceOf(DeadlineNotDueError);
    });

    it('when it fires at its due time, then follow-up moves to the biträdande enhetschef with the reason', () => {
      const outcome = givenCase(decider, history).when(fire, { roles: ['system'], now: deadline.dueAt });
      expect(outcome.events).toEqual([
        {
          type: CASE_EVENTS.deadlineReached,
          data: expect.objectContaining({ deadlineId: deadline.deadlineId, name: 'planningDeadline' }),
          role: 'system',
        },
        {
          type: CASE_EVENTS.followUpOwnerChanged,
          data: {
            instanceId: 'p1',
            owner: 'bitradande_enhetschef',
            escalated: true,
            reason: 'Planeringen med vården har inte genomförts inom rimlig tid',
          },
          role: 'system',
        },
      ]);
      expect(outcome.state.followUps.get('p1')?.role).toBe('bitradande_enhetschef');
      expect(outcome.state.deadlines.size).toBe(0);
    });

    it('when the case is erased, then its clock is cancelled before the erasure', () => {
      const outcome = givenCase(decider, history).when(
        { type: 'EraseCase', caseId: 'case-spec-1', reason: 'gallringsbeslut', decision: 'SN 2026/14' },
        { roles: ['bitradande_enhetschef'] },
      );
      expect(outcome.events.map((e) => e.type)).toEqual([CASE_EVENTS.deadlineCancelled, CASE_EVENTS.erased]);
      expect(outcome.state.erased).toMatchObject({ reason: 'gallringsbeslut', decision: 'SN 2026/14' });
      expect(outcome.state.deadlines.size).toBe(0);
    });
  });

  describe('given samverkan med vården already running', () => {
    const startAgain = {
      type: 'StartProcess',
      caseId: 'case-spec-1',
      instanceId: 'p2',
      definitionId: 'samverkan-varden',
    } as const;

    it('when it is started a second time, then the start is refused by name and nothing is decided', () => {
      const outcome = givenCase(decider, inSamverkan).when(startAgain, { roles: ['socialsekreterare'] });
      expect(outcome.error).toBeInstanceOf(BusinessRuleError);
      expect((outcome.error as BusinessRuleError).failed).toEqual([
        {
          id: 'already-running',
          message:
            'Samverkan med vården / Jobbtorg vuxen pågår redan i ärendet. En ny kan startas när den pågående har avslutats.',
        },
      ]);
      expect(outcome.events).toEqual([]);
    });

    it('when another process starts beside it, then that start is not held back', () => {
      const outcome = givenCase(decider, inSamverkan).when(
        { type: 'StartProcess', caseId: 'case-spec-1', instanceId: 'cm', definitionId: 'case-manager' },
        { roles: ['socialsekreterare'] },
      );
      expect(outcome.error).toBeUndefined();
      expect(outcome.events[0]).toMatchObject({ type: CASE_EVENTS.processStarted });
    });
  });

  it('given an AFU that ended as not relevant, when AFU is started again, then a new instance starts', () => {
    const ended: PendingEvent[] = [
      opened,
      caseEvent(CASE_EVENTS.progressionsplanRecorded, PLAN_ROW, {}),
      caseEvent(CASE_EVENTS.processStarted, { instanceId: 'afu-1', definitionId: 'afu', version: 1 }, {}),
      step('ImpulsRegistered', { reason: 'Toklart vad klienten kan' }, 'afu-1'),
      step('AfuRejected', { reason: 'Ttidigare utredning räcker' }, 'afu-1'),
    ];
    const again = {
      type: 'StartProcess',
      caseId: 'case-spec-1',
      instanceId: 'afu-2',
      definitionId: 'afu',
    } as const;
    const outcome = givenCase(decider, ended).when(again, { roles: ['socialsekreterare'] });
    expect(outcome.error).toBeUndefined();
    expect(outcome.state.instances.get('afu-2')?.snapshot.status).toBe('active');
  });

  describe('given a case whose responsible social worker is ss-1', () => {
    const changeTo = (socialWorkerId: string) =>
      ({ type: 'ChangeCaseworker', caseId: 'case-spec-1', socialWorkerId, change: FULL_CHANGE }) as const;

    it('when the same social worker is assigned again, then it is refused naming the field, and no change is counted', () => {
      const outcome = givenCase(decider, [opened]).when(changeTo('ss-1'), {
        roles: ['bitradande_enhetschef'],
      });
      expect(outcome.error).toBeInstanceOf(BusinessRuleError);
      expect((outcome.error as BusinessRuleError).failed).toEqual([
        expect.objectContaining({ id: 'caseworker-unchanged', field: 'socialWorkerId' }),
      ]);
      expect(outcome.events).toEqual([]);
      expect(outcome.state.socialWorkers).toEqual(['ss-1']);
    });

    it('when another social worker takes over, then the change is decided from ss-1 to them', () => {
      const outcome = givenCase(decider, [opened]).when(changeTo('ss-2'), {
        roles: ['bitradande_enhetschef'],
      });
      expect(outcome.events).toEqual([
        {
          type: CASE_EVENTS.caseworkerChanged,
          data: { from: 'ss-1', to: 'ss-2', ...FULL_CHANGE },
          role: 'bitradande_enhetschef',
        },
      ]);
      expect(outcome.state.socialWorkers).toEqual(['ss-1', 'ss-2']);
    });
  });

  describe('given samverkan waiting for the planning, whose date records that it took place', () => {
    const agreeOn = (agreedOn: string) => ({
      ...agreePlanning,
      payload: { ...agreePlanning.payload, agreedOn },
    });

    it('when the planning is dated after today, then the payload is refused naming agreedOn and the rule', () => {
      const outcome = givenCase(decider, inSamverkan).when(agreeOn('2026-03-03'), {
        roles: ['rehabansvarig'],
        now: '2026-03-02T08:00:00.000Z',
      });
      expect(outcome.error).toBeInstanceOf(InvalidPayloadError);
      expect((outcome.error as InvalidPayloadError).violations).toEqual([
        expect.objectContaining({ field: 'agreedOn', rule: 'notAfterToday' }),
      ]);
      expect(outcome.events).toEqual([]);
    });

    it('when it is dated today on the Swedish calendar, then it is accepted, even where UTC is still yesterday', () => {
      const outcome = givenCase(decider, inSamverkan).when(agreeOn('2026-03-02'), {
        roles: ['rehabansvarig'],
        now: '2026-03-01T23:30:00.000Z',
      });
      expect(outcome.error).toBeUndefined();
      expect(outcome.events[0]).toMatchObject({ type: 'PlanningAgreed' });
    });
  });

  describe('the facts the statistics of insatser count', () => {
    const FACTS = {
      kon: 'kvinna',
      ageBand: '50-59',
      aktuellSedan: '2026-01-15',
      reasonCode: 'arbetslos',
      targetGroup: 'arbetsmarknadsinsatser',
    };
    const record = (facts: Record<string, unknown>) =>
      ({ type: 'RecordClientFacts', caseId: 'case-spec-1', facts }) as const;
    const recorded = caseEvent(CASE_EVENTS.clientFactsRecorded, FACTS as never, {});

    it('given an open case, when the social worker records them, then they are one event, as given', () => {
      const outcome = givenCase(decider, [opened]).when(record(FACTS), { roles: ['socialsekreterare'] });
      expect(outcome.events).toEqual([expect.objectContaining({ type: 'ClientFactsRecorded', data: FACTS })]);
    });

    it('given them recorded, when the same are recorded again, then it is refused as no change', () => {
      const outcome = givenCase(decider, [opened, recorded]).when(record({ ...FACTS }), {
        roles: ['socialsekreterare'],
      });
      expect((outcome.error as BusinessRuleError).failed.map((f) => f.id)).toEqual([
        'client-facts-unchanged',
      ]);
      expect(outcome.events).toEqual([]);
    });

    it('given them recorded, when the age band changes, then the new facts are recorded', () => {
      const outcome = givenCase(decider, [opened, recorded]).when(record({ ...FACTS, ageBand: '60-' }), {
        roles: ['socialsekreterare'],
      });
      expect(outcome.events).toEqual([expect.objectContaining({ data: { ...FACTS, ageBand: '60-' } })]);
    });

    it('when a choice is not on its list or aktuell is in the future, then each field is named', () => {
      const outcome = givenCase(decider, [opened]).when(
        record({ ...FACTS, kon: 'k', aktuellSedan: '2027-01-01' }),
        { roles: ['socialsekreterare'], now: '2026-03-02T08:00:00.000Z' },
      );
      expect((outcome.error as InvalidPayloadError).violations.map((v) => v.field).sort()).toEqual([
        'aktuellSedan',
        'kon',
      ]);
    });

    it('when Rehabansvarig records them, then it is refused: the social worker knows the case', () => {
      const outcome = givenCase(decider, [opened]).when(record(FACTS), { roles: ['rehabansvarig'] });
      expect(outcome.error).toBeInstanceOf(WrongRoleError);
    });
  });
});
