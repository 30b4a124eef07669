import { describe, expect, it } from 'vitest';
import { createProcessRegistry } from '@app/processes';
import { activeStatePaths, activeTasks, deadlineOwner } from './active-tasks';

const registry = createProcessRegistry();
const fortroendelakare = registry.latest('fortroendelakare');

describe('active tasks', () => {
  it('given a plain step, then it is one task in its lane', () => {
    expect(activeTasks(fortroendelakare, 'bedomning')).toEqual([
      {
        stateId: 'fortroendelakare.bedomning',
        statePath: 'bedomning',
        lane: 'rehabansvarig',
        title: 'Bedömning',
        kind: 'exclusiveGateway',
      },
    ]);
  });

  it('given a parallel step with both clocks running, then each region is its own task', () => {
    const tasks = activeTasks(fortroendelakare, {
      uppfoljning: { avstamning: 'pending', atgarder: 'awaiting' },
    });
    expect(tasks.map((t) => [t.statePath, t.lane])).toEqual([
      ['uppfoljning.avstamning.pending', 'rehabansvarig'],
      ['uppfoljning.atgarder.awaiting', 'socialsekreterare'],
    ]);
  });

  it('given every region has reached a node without a lane, then the step itself is the task', () => {
    const tasks = activeTasks(fortroendelakare, { uppfoljning: { avstamning: 'held', atgarder: 'taken' } });
    expect(tasks.map((t) => t.statePath)).toEqual(['uppfoljning']);
  });

  it('given a final state or no state, then there is no task', () => {
    expect(activeTasks(fortroendelakare, 'completed')).toEqual([]);
    expect(activeTasks(fortroendelakare, null)).toEqual([]);
  });

  it('lists every active path, parents first', () => {
    expect(
      activeStatePaths(fortroendelakare, { uppfoljning: { avstamning: 'held', atgarder: 'escalated' } }),
    ).toEqual([
      'uppfoljning',
      'uppfoljning.avstamning',
      'uppfoljning.avstamning.held',
      'uppfoljning.atgarder',
      'uppfoljning.atgarder.escalated',
    ]);
  });

  it('finds the state, lane and spec a delayed event belongs to', () => {
    expect(
      deadlineOwner(
        fortroendelakare,
        'xstate.after.actionDeadline.fortroendelakare.uppfoljning.atgarder.awaiting',
      ),
    ).toEqual({
      stateId: 'fortroendelakare.uppfoljning.atgarder.awaiting',
      lane: 'socialsekreterare',
      spec: fortroendelakare.deadlines.actionDeadline,
    });
  });
});
