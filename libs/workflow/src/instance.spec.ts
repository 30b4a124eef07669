import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { ProcessEvent, WorkflowDefinition } from './definition';
import { startInstance, stepInstance } from './instance';

/** A process with a timer, a named action, a start of another process and an end; lanes are plain strings. */
const definition: WorkflowDefinition = {
  id: 'ping',
  version: 1,
  title: 'Ping',
  description: 'Testprocess',
  startLanes: ['a'],
  events: { Answered: { label: 'Svara', lanes: ['a'] }, Closed: { label: 'Stäng', lanes: ['b'] } },
  deadlines: { reply: { duration: 'P1W', title: 'Svar inom en vecka' } },
  machine: setup({
    types: { events: {} as ProcessEvent },
    actions: { notifyOwner: () => undefined, startProcess: () => undefined },
    delays: { reply: 0 },
  }).createMachine({
    id: 'ping',
    initial: 'waiting',
    states: {
      waiting: {
        after: { reply: { target: 'late', actions: { type: 'notifyOwner', params: { why: 'sent' } } } },
        on: {
          Answered: { target: 'done', actions: { type: 'startProcess', params: { definitionId: 'pong' } } },
        },
      },
      late: { on: { Closed: 'done' } },
      done: { type: 'final' },
    },
  }),
};

describe('a process instance, decided through XState alone', () => {
  it('given a new instance, then entering its first state schedules its timer by delay name', () => {
    const { snapshot, outputs } = startInstance(definition);
    expect(snapshot.value).toBe('waiting');
    expect(outputs).toEqual([
      { kind: 'schedule', delay: 'reply', machineEvent: 'xstate.after.reply.ping.waiting' },
    ]);
  });

  it('given the timer running, when the step is taken, then the timer is cancelled, the start asked for and the end reached', () => {
    const { snapshot } = startInstance(definition);
    const step = stepInstance(definition, snapshot, { type: 'Answered' });
    expect(step.snapshot.status).toBe('done');
    expect(step.outputs).toEqual([
      { kind: 'cancel', machineEvent: 'xstate.after.reply.ping.waiting' },
      { kind: 'start', definitionId: 'pong' },
      { kind: 'complete', finalState: 'done' },
    ]);
  });

  it('given the timer fires, then leaving the state cancels it and its named action is emitted with its params', () => {
    const { snapshot } = startInstance(definition);
    const step = stepInstance(definition, snapshot, { type: 'xstate.after.reply.ping.waiting' });
    expect(step.snapshot.value).toBe('late');
    // Leaving the state cancels its timer even when that timer is what fired: the case model drops the
    // deadline it just reached before it looks at the cancels.
    expect(step.outputs).toEqual([
      { kind: 'cancel', machineEvent: 'xstate.after.reply.ping.waiting' },
      { kind: 'emit', action: 'notifyOwner', params: { why: 'sent' } },
    ]);
  });
});
