import { describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { FULL_CHANGE } from '../testing/engine-harness';
import { givenCase } from '../testing/case-spec';
import { caseDecider } from './case-decider';
import { caseEvent } from './case-event';
import { CASE_EVENTS } from './case-events';
import { completedChange, HANDOVER_PROCESSES } from './caseworker-change';
import type { CaseCommand } from './commands';
import { InvalidPayloadError } from './errors';

/** Continuity (seed 002): every change of social worker records why, whether the client knows, and the hand-over. */
const decider = caseDecider({ registry: createProcessRegistry(), overrides: {} });
const opened = caseEvent(
  CASE_EVENTS.opened,
  { caseId: 'case-spec-1', reference: 'man född -90', unit: 'jarva-1', socialWorkerId: 'ss-1' },
  {},
);
const change = (details: Record<string, unknown>): CaseCommand => ({
  type: 'ChangeCaseworker',
  caseId: 'case-spec-1',
  socialWorkerId: 'ss-2',
  change: details,
});
const chef = { roles: ['bitradande_enhetschef' as const] };
const violations = (error: unknown) =>
  (error as InvalidPayloadError).violations.map(({ field, rule }) => [field, rule]);

describe('a change of responsible social worker', () => {
  it('given everything told and written, when it is recorded, then it is one event and leaves no task', () => {
    const outcome = givenCase(decider, [opened]).when(change(FULL_CHANGE), chef);
    expect(outcome.events.map((e) => e.type)).toEqual([CASE_EVENTS.caseworkerChanged]);
    expect(outcome.state.lastCaseworkerChange).toMatchObject({
      from: 'ss-1',
      to: 'ss-2',
      reason: 'omfordelning',
    });
  });

  it('given the client not told and the outgoing worker gone, then the new worker must inform within a week and the biträdande writes the hand-over', () => {
    const outcome = givenCase(decider, [opened]).when(change({ reason: 'slutat-bytt-tjanst' }), chef);
    expect(outcome.events.map((e) => e.type)).toEqual([
      CASE_EVENTS.caseworkerChanged,
      CASE_EVENTS.processStarted,
      CASE_EVENTS.deadlineScheduled,
      CASE_EVENTS.processStarted,
    ]);
    const started = [...outcome.state.instances.values()].map((i) => i.definitionId);
    expect(started).toEqual([HANDOVER_PROCESSES.informClient, HANDOVER_PROCESSES.writeHandover]);
    expect(outcome.events[2].data).toMatchObject({ name: 'informClient', duration: 'P1W' });
  });

  it('given the reason "annat" with no description, then it is refused naming reasonNote', () => {
    const outcome = givenCase(decider, [opened]).when(change({ ...FULL_CHANGE, reason: 'annat' }), chef);
    expect(violations(outcome.error)).toEqual([['reasonNote', 'requiredForAnnat']]);
  });

  it('given no reason, then it is refused naming reason, and nothing is counted', () => {
    const { reason: _none, ...rest } = FULL_CHANGE;
    const outcome = givenCase(decider, [opened]).when(change(rest), chef);
    expect(violations(outcome.error)).toEqual([['reason', 'isIn']]);
    expect(outcome.state.caseworkerChanges).toBe(0);
  });

  it('given the client told on a later day than today, or without the new contact details, then each is refused by its field', () => {
    const informed = FULL_CHANGE.clientInformed;
    const later = givenCase(decider, [opened]).when(
      change({ ...FULL_CHANGE, clientInformed: { ...informed, on: '2026-03-03' } }),
      { ...chef, now: '2026-03-02T08:00:00.000Z' },
    );
    expect(violations(later.error)).toEqual([['clientInformed.on', 'notAfterToday']]);
    const noContact = givenCase(decider, [opened]).when(
      change({ ...FULL_CHANGE, clientInformed: { ...informed, contactGiven: false } }),
      chef,
    );
    expect(violations(noContact.error)).toEqual([['clientInformed.contactGiven', 'equals']]);
  });
});

describe('a change made good later', () => {
  const change: { to: string; reason: string; handover?: string; clientInformed?: object } = {
    to: 'ss-bertil',
    reason: 'slutat',
  };

  it('given the hand-over written in its process, then the change carries it; a second one does not replace it', () => {
    const written = completedChange(change, HANDOVER_PROCESSES.writeHandover, 'HandoverWritten', {
      summary: 'Nuläge: arbetsträning',
    });
    expect(written).toEqual({ ...change, handover: 'Nuläge: arbetsträning' });
    expect(
      completedChange(written, HANDOVER_PROCESSES.writeHandover, 'HandoverWritten', { summary: 'Annat' }),
    ).toBe(written);
  });

  it('given the client told in its process, then the change says who told them, when and how', () => {
    expect(
      completedChange(change, HANDOVER_PROCESSES.informClient, 'ClientInformed', FULL_CHANGE.clientInformed),
    ).toEqual({ ...change, clientInformed: FULL_CHANGE.clientInformed });
  });

  it('given a step of any other process, then the change is left as it is', () => {
    expect(completedChange(change, 'afu', 'HandoverWritten', { summary: 'x' })).toBe(change);
  });
});
