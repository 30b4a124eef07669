import { describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { CaseFold, foldCase, initialCaseState, type FoldableEvent } from './case-state';

const registry = createProcessRegistry();
let revision = 0;
const event = (type: string, data: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) =>
  ({
    type,
    data,
    revision: revision++,
    metadata: { occurredAt: '2026-01-15T09:00:00.000Z', ...metadata },
  }) as FoldableEvent;
const opened = () => event('CaseOpened', { unit: 'jarva-1', reference: 'AB 6303', socialWorkerId: 'ss-1' });

describe('folding a case', () => {
  it('given an event type the fold does not know, then only the revision and the command moves on', () => {
    revision = 0;
    const before = foldCase(registry, 'c1', [opened()]);
    const after = new CaseFold(registry, before).apply(
      event('SomethingNew', { x: 1 }, { commandId: 'k1' }),
    ).state;
    expect(after.revision).toBe(1);
    expect(after.applied.get('k1')).toEqual({
      revision: 1,
      events: ['SomethingNew'],
      fingerprint: undefined,
    });
    expect({ ...after, revision: before.revision, applied: before.applied, chainHash: undefined }).toEqual({
      ...before,
      chainHash: undefined,
    });
  });

  it('given a step for an instance that never started, or a deadline that was never scheduled, then nothing changes but the revision', () => {
    revision = 0;
    const state = foldCase(registry, 'c2', [
      opened(),
      event('ImpulsRegistered', { instanceId: 'nowhere', payload: { bipPhase: 2 } }),
      event('DeadlineReached', { instanceId: 'nowhere', deadlineId: 'never' }),
      event('DeadlineCancelled', { instanceId: 'nowhere', deadlineId: 'never' }),
    ]);
    expect(state.revision).toBe(3);
    expect(state.instances.size).toBe(0);
    expect(state.deadlines.size).toBe(0);
    expect(state.bipPhase).toBeUndefined();
  });

  it('given a state handed out, then folding on from it never changes it', () => {
    revision = 0;
    const fold = new CaseFold(registry, initialCaseState('c3')).apply(opened());
    const handedOut = fold.state;
    fold.apply(event('CaseworkerChanged', { from: 'ss-1', to: 'ss-2' }));
    expect(handedOut.socialWorkers).toEqual(['ss-1']);
    expect(handedOut.caseworkerChanges).toBe(0);
    expect(fold.state.socialWorkers).toEqual(['ss-1', 'ss-2']);
  });
});
