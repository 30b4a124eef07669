import {
  createActor,
  type ActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type StateValue,
} from 'xstate';
import type { ProcessEvent, WorkflowDefinition } from './definition';

/** The action a machine names to start another process; its params name the definition. */
export const START_PROCESS = 'startProcess';

/**
 * What a step of a process instance asks for, as data. Nothing is executed:
 * the case model records each as the event it stands for.
 */
export type InstanceOutput =
  /** A delayed transition began: its timer, by delay name and the machine event that fires it. */
  | { readonly kind: 'schedule'; readonly delay: string; readonly machineEvent: string }
  /** A timer was left before it fired. */
  | { readonly kind: 'cancel'; readonly machineEvent: string }
  /**
   * Another process should start. With `entry`, the new instance at once
   * takes that event of its own, naming this instance: a hand-over that
   * continues past the steps this process already took.
   */
  | { readonly kind: 'start'; readonly definitionId: string; readonly entry?: string }
  /** A named action for the case model (an effect such as an escalation). */
  | { readonly kind: 'emit'; readonly action: string; readonly params: unknown }
  /** The instance reached a final state. */
  | { readonly kind: 'complete'; readonly finalState: StateValue };

export interface InstanceStep {
  readonly snapshot: AnyMachineSnapshot;
  readonly outputs: InstanceOutput[];
}

function outputsOf(
  actions: readonly { type: string; params?: unknown }[],
  snapshot: AnyMachineSnapshot,
): InstanceOutput[] {
  const outputs: InstanceOutput[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    if (action.type === 'xstate.raise' && typeof params.delay === 'number') {
      const machineEvent = String(params.id);
      outputs.push({ kind: 'schedule', delay: machineEvent.split('.')[2], machineEvent });
    } else if (action.type === 'xstate.cancel') {
      outputs.push({ kind: 'cancel', machineEvent: String(params.sendId) });
    } else if (action.type === START_PROCESS) {
      outputs.push({
        kind: 'start',
        definitionId: String(params.definitionId),
        ...(typeof params.entry === 'string' ? { entry: params.entry } : {}),
      });
    } else if (!action.type.startsWith('xstate.')) {
      outputs.push({ kind: 'emit', action: action.type, params: action.params ?? {} });
    }
  }
  if (snapshot.status === 'done') outputs.push({ kind: 'complete', finalState: snapshot.value });
  return outputs;
}

type Action = { type: string; params?: unknown };
type Scope = ActorScope<AnyMachineSnapshot, { type: string }> & { actionExecutor: (action: Action) => void };

/**
 * What `transition()` and `initialTransition()` build on every call, built
 * once per machine: they create an actor each time, and its constructor
 * works out the machine's first state, which was two fifths of a step's
 * cost. Sharing it is safe because no process invokes or spawns an actor
 * (so nothing registers in its system) and a step runs synchronously,
 * collecting its actions before the next can begin.
 */
const scopes = new WeakMap<AnyStateMachine, Scope>();
function inertScope(machine: AnyStateMachine): Scope {
  const known = scopes.get(machine);
  if (known) return known;
  const self = createActor(machine);
  const scope = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    defer: () => {},
    logger: () => {},
    stopChild: () => {},
    emit: () => {},
    actionExecutor: () => {},
  } as unknown as Scope;
  scopes.set(machine, scope);
  return scope;
}

function run<T>(machine: AnyStateMachine, step: (scope: Scope) => T): [T, Action[]] {
  const scope = inertScope(machine);
  const actions: Action[] = [];
  scope.actionExecutor = (action) => actions.push(action);
  try {
    return [step(scope), actions];
  } finally {
    scope.actionExecutor = () => {};
  }
}

const firstState = (machine: AnyStateMachine) =>
  run(machine, (scope) => machine.getInitialSnapshot(scope, {}) as AnyMachineSnapshot);
const nextState = (machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: ProcessEvent) =>
  run(machine, (scope) => machine.transition(snapshot, event, scope) as AnyMachineSnapshot);

/** A new instance of the definition: its first state and what entering it asks for. */
export function startInstance(definition: WorkflowDefinition): InstanceStep {
  const [snapshot, actions] = firstState(definition.machine);
  return { snapshot, outputs: outputsOf(actions, snapshot) };
}

/** One event on an instance: the next state and what the step asks for. */
export function stepInstance(
  definition: WorkflowDefinition,
  snapshot: AnyMachineSnapshot,
  event: ProcessEvent,
): InstanceStep {
  const [next, actions] = nextState(definition.machine, snapshot, event);
  return { snapshot: next, outputs: outputsOf(actions, next) };
}

/** The first state alone, for folding a log: what it asked for is already in the log. */
export const initialSnapshot = (definition: WorkflowDefinition): AnyMachineSnapshot =>
  firstState(definition.machine)[0];

/** The next state alone, for folding a log. */
export const nextSnapshot = (
  definition: WorkflowDefinition,
  snapshot: AnyMachineSnapshot,
  event: ProcessEvent,
): AnyMachineSnapshot => nextState(definition.machine, snapshot, event)[0];
