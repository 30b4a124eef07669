import { describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { givenCase } from '../testing/case-spec';
import { caseDecider } from './case-decider';
import { caseEvent, type ProcessStepEvent } from './case-event';
import { CASE_EVENTS } from './case-events';
import type { PendingEvent, PendingMetadata } from './decide';
import { CaseAlreadyExistsError, DeadlineNotDueError, StepNotAllowedError, WrongRoleError } from './errors';

/**
 * The case's rules as given/when/then, through the Decider alone: no
 * SQLite, no key store, no HTTP. Samverkan med vården is the example
 * because one step in it sets the follow-up owner and starts a clock
 * whose breach escalates to the biträdande enhetschef.
 */
const decider = caseDecider({ registry: createProcessRegistry(), overrides: {} });

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
const step = (type: string, payload: Record<string, unknown>): ProcessStepEvent<PendingMetadata> => ({
  type,
  data: { instanceId: 'p1', payload },
  metadata: {},
});
const inSamverkan: PendingEvent[] = [
  opened,
  started,
  step('ImpulsRegistered', { source: 'varden', reason: 'Tbehov av samordning' }),
  step('ContactPlanned', { contactMethod: 'telefon', progressionsplanNeeded: false }),
];
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

  it('given an open case, when samverkan starts, then ProcessStarted names the definition version', () => {
    const outcome = givenCase(decider, [opened]).when(
      { type: 'StartProcess', caseId: 'case-spec-1', instanceId: 'p1', definitionId: 'samverkan-varden' },
      { roles: ['socialsekreterare'] },
    );
    expect(outcome.events).toEqual([
      { type: CASE_EVENTS.processStarted, data: started.data, role: 'socialsekreterare' },
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
    expect(outcome.state.followUpOwner?.role).toBe('rehabansvarig');
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
      expect(outcome.state.followUpOwner?.role).toBe('bitradande_enhetschef');
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
});
