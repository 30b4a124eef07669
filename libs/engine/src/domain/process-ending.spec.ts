import { describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { givenCase } from '../testing/case-spec';
import { caseDecider } from './case-decider';
import { caseEvent, type ProcessStepEvent } from './case-event';
import { CASE_EVENTS } from './case-events';
import type { CaseCommand } from './commands';
import type { PendingEvent, PendingMetadata } from './decide';
import { InvalidPayloadError, StepNotAllowedError, WrongRoleError } from './errors';
import { isRunning } from './process-ending';

/**
 * Ending a process early (toolbox.md): any instance, before its last step,
 * with a reason, by the role the spec names; its deadlines close with it
 * and the case's other instances go on.
 */
const decider = caseDecider({ registry: createProcessRegistry(), overrides: {} });

const opened = caseEvent(
  CASE_EVENTS.opened,
  { caseId: 'case-spec-1', reference: 'man född -71', unit: 'jarva-1', socialWorkerId: 'ss-1' },
  {},
);
const plan = caseEvent(
  CASE_EVENTS.progressionsplanRecorded,
  {
    category: 4,
    followUpOwner: 'rehabansvarig',
    items: [{ vad: 'Förtroendeläkare', vem: 'Rehabansvarig', nar: '2026-02-15', varfor: 'T', gjort: false }],
  },
  {},
);
const started = (instanceId: string, definitionId: string) =>
  caseEvent(CASE_EVENTS.processStarted, { instanceId, definitionId, version: 1 }, {});
const step = (
  instanceId: string,
  type: string,
  payload: Record<string, unknown>,
): ProcessStepEvent<PendingMetadata> => ({ type, data: { instanceId, payload }, metadata: {} });

/** Förtroendeläkare accepted and waiting for the documents, which need the client's consent. */
const waitingForConsent: PendingEvent[] = [
  opened,
  plan,
  started('fl', 'fortroendelakare'),
  step('fl', 'ImpulsRegistered', {
    reason: 'Sjukskriven, otydligt intyg',
    sickListingCareUnit: 'Danderyds vårdcentral',
  }),
  step('fl', 'ReferralAccepted', { preparation: 'Läkarintyg och samtycke' }),
];
const end = (instanceId: string, ending: Record<string, unknown>): CaseCommand => ({
  type: 'EndProcess',
  caseId: 'case-spec-1',
  instanceId,
  ending,
});

describe('ending a process early', () => {
  describe('given förtroendeläkare waiting for documents the client has not consented to', () => {
    it('when the social worker ends it because consent is declined, then it ends with that reason and stands at no step', () => {
      const outcome = givenCase(decider, waitingForConsent).when(end('fl', { reason: 'consent-declined' }), {
        roles: ['socialsekreterare'],
        actorId: 'ss-1',
      });
      expect(outcome.error).toBeUndefined();
      expect(outcome.events).toEqual([
        {
          type: CASE_EVENTS.processEnded,
          data: { instanceId: 'fl', reason: 'consent-declined', endedAt: 'overlamning' },
          role: 'socialsekreterare',
        },
      ]);
      expect(outcome.decided[0].metadata).toMatchObject({ stateBefore: 'overlamning', stateAfter: null });
      const instance = outcome.state.instances.get('fl')!;
      expect(instance.ended).toMatchObject({
        reason: 'consent-declined',
        by: 'ss-1',
        role: 'socialsekreterare',
      });
      expect(isRunning(instance)).toBe(false);
    });

    it('when it has ended, then its next step is refused and so is ending it again', () => {
      const ended = givenCase(decider, waitingForConsent).when(end('fl', { reason: 'consent-declined' }), {
        roles: ['socialsekreterare'],
      });
      const after = givenCase(decider, [...waitingForConsent, ...ended.decided]);
      const handOver = after.when(
        {
          type: 'SendProcessEvent',
          caseId: 'case-spec-1',
          instanceId: 'fl',
          event: 'DocumentsHandedOver',
          payload: { consentForm: true, notificationForm: true },
        },
        { roles: ['socialsekreterare'] },
      );
      expect(handOver.error).toBeInstanceOf(StepNotAllowedError);
      expect(
        after.when(end('fl', { reason: 'other', note: 'T' }), { roles: ['socialsekreterare'] }).error,
      ).toBeInstanceOf(StepNotAllowedError);
    });

    it('when it has ended, then the process can be started again in the case', () => {
      const ended = givenCase(decider, waitingForConsent).when(end('fl', { reason: 'consent-declined' }), {
        roles: ['socialsekreterare'],
      });
      const again = givenCase(decider, [...waitingForConsent, ...ended.decided]).when(
        { type: 'StartProcess', caseId: 'case-spec-1', instanceId: 'fl-2', definitionId: 'fortroendelakare' },
        { roles: ['socialsekreterare'] },
      );
      expect(again.error).toBeUndefined();
      expect(again.state.instances.get('fl-2')?.snapshot.value).toBe('impuls');
    });

    it('when the mentor tries to end it, then no reason is theirs to give', () => {
      const outcome = givenCase(decider, waitingForConsent).when(end('fl', { reason: 'consent-declined' }), {
        roles: ['mentor'],
      });
      expect(outcome.error).toBeInstanceOf(WrongRoleError);
      expect(outcome.events).toEqual([]);
    });

    it('when the reason is "other" with no description, then it is refused naming note and the rule', () => {
      const outcome = givenCase(decider, waitingForConsent).when(end('fl', { reason: 'other' }), {
        roles: ['rehabansvarig'],
      });
      expect((outcome.error as InvalidPayloadError).violations).toEqual([
        expect.objectContaining({ field: 'note', rule: 'requiredForOther' }),
      ]);
    });

    it('when the reason is not one of the list, then it is refused naming reason', () => {
      const outcome = givenCase(decider, waitingForConsent).when(end('fl', { reason: 'tired' }), {
        roles: ['rehabansvarig'],
      });
      expect((outcome.error as InvalidPayloadError).violations).toEqual([
        expect.objectContaining({ field: 'reason', rule: 'isIn' }),
      ]);
    });
  });

  describe('given samverkan with its planning clock running beside a case manager intervention', () => {
    const running: PendingEvent[] = [
      opened,
      started('sv', 'samverkan-varden'),
      step('sv', 'ImpulsRegistered', { source: 'varden', reason: 'Tbehov av samordning' }),
      step('sv', 'ContactPlanned', { contactMethod: 'telefon', progressionsplanNeeded: false }),
      started('cm', 'case-manager'),
    ];
    const agreed = givenCase(decider, running).when(
      {
        type: 'SendProcessEvent',
        caseId: 'case-spec-1',
        instanceId: 'sv',
        event: 'PlanningAgreed',
        payload: { agreedOn: '2026-03-01', summary: 'Tgemensam planering' },
      },
      { roles: ['rehabansvarig'] },
    );
    const history = [...running, ...agreed.decided];

    it('when the client leaves the unit, then Rehabansvarig may not close it for that reason', () => {
      const outcome = givenCase(decider, history).when(end('sv', { reason: 'client-left-unit' }), {
        roles: ['rehabansvarig'],
      });
      expect(outcome.error).toBeInstanceOf(WrongRoleError);
    });

    it('when the social worker ends it because the client left, then its clock closes first and CM goes on', () => {
      const outcome = givenCase(decider, history).when(end('sv', { reason: 'client-left-unit' }), {
        roles: ['socialsekreterare'],
      });
      expect(outcome.events.map((e) => e.type)).toEqual([
        CASE_EVENTS.deadlineCancelled,
        CASE_EVENTS.processEnded,
      ]);
      expect(outcome.state.deadlines.size).toBe(0);
      expect(isRunning(outcome.state.instances.get('cm')!)).toBe(true);
    });

    it('when the assessment says no in CM, then the case manager ends it and Rehabansvarig may not', () => {
      const byRehab = givenCase(decider, history).when(end('cm', { reason: 'assessment-no' }), {
        roles: ['rehabansvarig'],
      });
      expect(byRehab.error).toBeInstanceOf(WrongRoleError);
      const byCm = givenCase(decider, history).when(end('cm', { reason: 'assessment-no' }), {
        roles: ['case_manager'],
      });
      expect(byCm.events.map((e) => e.type)).toEqual([CASE_EVENTS.processEnded]);
      expect(isRunning(byCm.state.instances.get('sv')!)).toBe(true);
    });
  });
});
