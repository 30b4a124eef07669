import { describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { givenCase } from '../testing/case-spec';
import { caseDecider } from './case-decider';
import { caseEvent, type ProcessStepEvent } from './case-event';
import { CASE_EVENTS } from './case-events';
import type { CaseCommand } from './commands';
import type { PendingEvent, PendingMetadata } from './decide';
import { BusinessRuleError, WrongRoleError } from './errors';

/**
 * Follow-up responsibility belongs to the process instance (toolbox.md):
 * an escalated follow-up stays with the biträdande enhetschef, who acts in
 * the process as Rehabansvarig would until they hand it back.
 */
const decider = caseDecider({ registry: createProcessRegistry(), overrides: {} });

const step = (
  instanceId: string,
  type: string,
  payload: Record<string, unknown> = {},
): ProcessStepEvent<PendingMetadata> => ({ type, data: { instanceId, payload }, metadata: {} });
const send = (instanceId: string, event: string, payload: Record<string, unknown>): CaseCommand => ({
  type: 'SendProcessEvent',
  caseId: 'case-spec-1',
  instanceId,
  event,
  payload,
});

const atRecommendations: PendingEvent[] = [
  caseEvent(
    CASE_EVENTS.opened,
    { caseId: 'case-spec-1', reference: 'kvinna född -80', unit: 'jarva-1', socialWorkerId: 'ss-1' },
    {},
  ),
  caseEvent(
    CASE_EVENTS.progressionsplanRecorded,
    {
      category: 4,
      followUpOwner: 'rehabansvarig',
      items: [{ vad: 'Läkare', vem: 'Rehabansvarig', nar: '2026-02-01', varfor: 'T', gjort: false }],
    },
    {},
  ),
  caseEvent(
    CASE_EVENTS.processStarted,
    { instanceId: 'fl', definitionId: 'fortroendelakare', version: 1 },
    {},
  ),
  step('fl', 'ImpulsRegistered', { reason: 'Otydligt intyg', sickListingCareUnit: 'Danderyds vårdcentral' }),
  step('fl', 'ReferralAccepted', { preparation: 'Läkarintyg' }),
  step('fl', 'DocumentsHandedOver', { consentForm: true, notificationForm: true }),
  step('fl', 'ConsultationHeld', { heldOn: '2026-01-10' }),
];

/** Recommendations received 15 January, and no actions by the 15 March deadline: escalated. */
function escalated(): PendingEvent[] {
  const received = givenCase(decider, atRecommendations).when(
    send('fl', 'RecommendationsReceived', { receivedOn: '2026-01-15', summary: 'Utred arbetsförmåga' }),
    { roles: ['rehabansvarig'] },
  );
  const history = [...atRecommendations, ...received.decided];
  const actions = [...received.state.deadlines.values()].find((d) => d.name === 'actionDeadline')!;
  const fired = givenCase(decider, history).when(
    { type: 'FireDeadline', caseId: 'case-spec-1', deadlineId: actions.deadlineId },
    { roles: ['system'], now: actions.dueAt },
  );
  return [...history, ...fired.decided];
}

const handBack = (reason: string): CaseCommand => ({
  type: 'HandBackFollowUp',
  caseId: 'case-spec-1',
  instanceId: 'fl',
  reason,
});

describe('follow-up responsibility per process instance', () => {
  it('given the actions deadline passed, then the instance’s follow-up is the biträdande enhetschef’s, by escalation', () => {
    const { state } = givenCase(decider, escalated());
    expect(state.followUps.get('fl')).toMatchObject({ role: 'bitradande_enhetschef', escalated: true });
  });

  it('given it is escalated, when the biträdande records the check-in, Rehabansvarig’s step, then it is theirs to record', () => {
    const outcome = givenCase(decider, escalated()).when(send('fl', 'CheckInHeld', { notes: 'Avstämt' }), {
      roles: ['bitradande_enhetschef'],
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.events[0]).toMatchObject({ type: 'CheckInHeld', role: 'bitradande_enhetschef' });
  });

  it('given it is escalated, when another process sets its own follow-up owner, then the escalation stays as it is', () => {
    const history = [
      ...escalated(),
      caseEvent(
        CASE_EVENTS.processStarted,
        { instanceId: 'sv', definitionId: 'samverkan-varden', version: 1 },
        {},
      ),
      step('sv', 'ImpulsRegistered', { source: 'varden', reason: 'Samordning' }),
      step('sv', 'ContactPlanned', { contactMethod: 'telefon', progressionsplanNeeded: false }),
    ];
    const outcome = givenCase(decider, history).when(
      send('sv', 'PlanningAgreed', { agreedOn: '2026-03-01', summary: 'Gemensam planering' }),
      { roles: ['rehabansvarig'] },
    );
    expect(outcome.state.followUps.get('sv')).toMatchObject({ role: 'rehabansvarig', escalated: false });
    expect(outcome.state.followUps.get('fl')).toMatchObject({
      role: 'bitradande_enhetschef',
      escalated: true,
    });
  });

  it('given it is escalated, when Rehabansvarig tries to take it back, then only the biträdande may hand it back', () => {
    const outcome = givenCase(decider, escalated()).when(handBack('actions-taken'), {
      roles: ['rehabansvarig'],
    });
    expect(outcome.error).toBeInstanceOf(WrongRoleError);
  });

  it('given it is escalated, when the biträdande hands it back, then Rehabansvarig owns it again and the biträdande no longer does its steps', () => {
    const handed = givenCase(decider, escalated()).when(handBack('actions-taken'), {
      roles: ['bitradande_enhetschef'],
    });
    expect(handed.events).toEqual([
      {
        type: CASE_EVENTS.followUpOwnerChanged,
        data: {
          instanceId: 'fl',
          owner: 'rehabansvarig',
          escalated: false,
          reason: 'Åtgärderna är vidtagna',
          handedBack: true,
        },
        role: 'bitradande_enhetschef',
      },
    ]);
    expect(handed.state.followUps.get('fl')).toMatchObject({ role: 'rehabansvarig', escalated: false });
    const after = givenCase(decider, [...escalated(), ...handed.decided]);
    expect(
      after.when(send('fl', 'CheckInHeld', { notes: 'Avstämt' }), { roles: ['bitradande_enhetschef'] }).error,
    ).toBeInstanceOf(WrongRoleError);
    expect(after.when(handBack('actions-taken'), { roles: ['bitradande_enhetschef'] }).error).toBeInstanceOf(
      BusinessRuleError,
    );
  });

  it('given a hand-back reason off the list, then it is refused naming reason', () => {
    const outcome = givenCase(decider, escalated()).when(handBack('orkar inte'), {
      roles: ['bitradande_enhetschef'],
    });
    expect(outcome.error).toMatchObject({
      violations: [expect.objectContaining({ field: 'reason', rule: 'isIn' })],
    });
  });

  it('given it is escalated, when the biträdande closes the follow-up, then the process completes and its follow-up ends with it', () => {
    const checked = givenCase(decider, escalated()).when(send('fl', 'CheckInHeld', { notes: 'Avstämt' }), {
      roles: ['bitradande_enhetschef'],
    });
    const closed = givenCase(decider, [...escalated(), ...checked.decided]).when(
      send('fl', 'FollowUpCompleted', { bipPhase: 2, outcome: 'Arbetsträning påbörjad' }),
      { roles: ['bitradande_enhetschef'] },
    );
    expect(closed.events.map((e) => e.type)).toContain(CASE_EVENTS.processCompleted);
    expect(closed.state.followUps.has('fl')).toBe(false);
  });
});
