import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { ProcessEvent, Role } from './process-definition';
import type { ProcessRegistry } from './process-registry';

/** Stored event types of the case stream that are not process steps. */
export const CASE_EVENTS = {
  opened: 'CaseOpened',
  processStarted: 'ProcessStarted',
  processCompleted: 'ProcessCompleted',
  deadlineScheduled: 'DeadlineScheduled',
  deadlineCancelled: 'DeadlineCancelled',
  deadlineReached: 'DeadlineReached',
  followUpOwnerChanged: 'FollowUpOwnerChanged',
  caseworkerChanged: 'CaseworkerChanged',
  progressionsplanRecorded: 'ProgressionsplanRecorded',
  erased: 'CaseErased',
} as const;

export interface InstanceState {
  readonly instanceId: string;
  readonly definitionId: string;
  readonly version: number;
  readonly snapshot: AnyMachineSnapshot;
}

export interface OpenDeadline {
  readonly deadlineId: string;
  readonly instanceId: string;
  readonly name: string;
  readonly dueAt: string;
  /** The delayed machine event (`xstate.after.<name>.<state path>`) that firing sends. */
  readonly machineEvent: string;
}

export interface CaseState {
  readonly caseId: string;
  readonly revision: number | 'no_stream';
  /** The last event's link in the stream's hash chain; the next event chains to it. */
  readonly chainHash?: string;
  readonly unit?: string;
  readonly reference?: string;
  readonly socialWorkerId?: string;
  /** Every social worker ever responsible, oldest first: they keep seeing the case. */
  readonly socialWorkers: readonly string[];
  readonly caseworkerChanges: number;
  /** When each handläggarbyte happened: two or more in twelve months is a risk signal (BIP). */
  readonly caseworkerChangedAt: readonly string[];
  readonly followUpOwner?: { readonly role: Role; readonly since: string; readonly reason?: string };
  readonly hasProgressionsplan: boolean;
  /** The latest BIP phase (0-4) recorded at a follow-up, and when. */
  readonly bipPhase?: { readonly phase: number; readonly recordedAt: string };
  readonly instances: ReadonlyMap<string, InstanceState>;
  readonly deadlines: ReadonlyMap<string, OpenDeadline>;
  /** The latest progressionsplan as recorded (category, follow-up owner, items), and when. */
  readonly progressionsplan?: Readonly<Record<string, unknown>> & { readonly recordedAt: string };
  /** Set once the case is erased: who, when, why; personal fields read `[raderad]` from then on. */
  readonly erased?: {
    readonly at: string;
    readonly by: string;
    readonly reason: string;
    readonly decision: string;
  };
  /** Command id → what it appended, so a repeated command returns its first result. */
  readonly applied: ReadonlyMap<string, AppliedCommand>;
}

export interface AppliedCommand {
  /** The case revision after the command's last event. */
  readonly revision: number;
  readonly events: readonly string[];
  /** Hash of the command as first sent; a key reused for a different command is refused. */
  readonly fingerprint?: string;
}

/** The slice of a stored event the fold needs; RecordedEvent and pending events both fit. */
export interface FoldableEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
  readonly revision: number;
}

export function initialCaseState(caseId: string): CaseState {
  return {
    caseId,
    revision: 'no_stream',
    socialWorkers: [],
    caseworkerChanges: 0,
    caseworkerChangedAt: [],
    hasProgressionsplan: false,
    instances: new Map(),
    deadlines: new Map(),
    applied: new Map(),
  };
}

function recordApplied(
  applied: ReadonlyMap<string, AppliedCommand>,
  event: FoldableEvent,
): ReadonlyMap<string, AppliedCommand> {
  const commandId = event.metadata.commandId;
  if (typeof commandId !== 'string') return applied;
  const earlier = applied.get(commandId);
  const fingerprint = event.metadata.commandFingerprint as string | undefined;
  return new Map(applied).set(commandId, {
    revision: event.revision,
    events: [...(earlier?.events ?? []), event.type],
    fingerprint: earlier?.fingerprint ?? fingerprint,
  });
}

export function startSnapshot(registry: ProcessRegistry, definitionId: string, version: number) {
  return initialTransition(registry.get(definitionId, version).machine, {});
}

function advance(registry: ProcessRegistry, instance: InstanceState, event: ProcessEvent): InstanceState {
  const machine = registry.get(instance.definitionId, instance.version).machine;
  const [snapshot] = transition(machine, instance.snapshot, event);
  return { ...instance, snapshot };
}

/**
 * Applies one stored event. Pure: the same events always give the same state,
 * and each instance folds with the definition version it started on.
 */
export function evolve(registry: ProcessRegistry, state: CaseState, event: FoldableEvent): CaseState {
  const next = {
    ...state,
    revision: event.revision,
    chainHash: event.metadata.chainHash as string | undefined,
  };
  const applied = recordApplied(state.applied, event);
  const data = event.data;
  const instanceId = data.instanceId as string | undefined;
  const withInstance = (instance: InstanceState) =>
    new Map(state.instances).set(instance.instanceId, instance);

  switch (event.type) {
    case CASE_EVENTS.opened:
      return {
        ...next,
        applied,
        unit: data.unit as string,
        reference: data.reference as string,
        socialWorkerId: data.socialWorkerId as string,
        socialWorkers: [data.socialWorkerId as string],
      };
    case CASE_EVENTS.caseworkerChanged:
      return {
        ...next,
        applied,
        socialWorkerId: data.to as string,
        socialWorkers: [...new Set([...state.socialWorkers, data.to as string])],
        caseworkerChanges: state.caseworkerChanges + 1,
        caseworkerChangedAt: [...state.caseworkerChangedAt, event.metadata.occurredAt as string],
      };
    case CASE_EVENTS.progressionsplanRecorded: {
      const { instanceId: _recordedBy, ...plan } = data;
      return {
        ...next,
        applied,
        hasProgressionsplan: true,
        progressionsplan: { ...plan, recordedAt: event.metadata.occurredAt as string },
      };
    }
    case CASE_EVENTS.followUpOwnerChanged:
      return {
        ...next,
        applied,
        followUpOwner: {
          role: data.owner as Role,
          since: event.metadata.occurredAt as string,
          reason: data.reason as string | undefined,
        },
      };
    case CASE_EVENTS.processStarted: {
      const [snapshot] = startSnapshot(registry, data.definitionId as string, data.version as number);
      const instance: InstanceState = {
        instanceId: instanceId as string,
        definitionId: data.definitionId as string,
        version: data.version as number,
        snapshot,
      };
      return { ...next, applied, instances: withInstance(instance) };
    }
    case CASE_EVENTS.processCompleted:
      return { ...next, applied };
    case CASE_EVENTS.erased:
      return {
        ...next,
        applied,
        erased: {
          at: event.metadata.occurredAt as string,
          by: event.metadata.actorId as string,
          reason: data.reason as string,
          decision: data.decision as string,
        },
      };
    case CASE_EVENTS.deadlineScheduled: {
      const deadline: OpenDeadline = {
        deadlineId: data.deadlineId as string,
        instanceId: instanceId as string,
        name: data.name as string,
        dueAt: data.dueAt as string,
        machineEvent: data.machineEvent as string,
      };
      return { ...next, applied, deadlines: new Map(state.deadlines).set(deadline.deadlineId, deadline) };
    }
    case CASE_EVENTS.deadlineCancelled: {
      const deadlines = new Map(state.deadlines);
      deadlines.delete(data.deadlineId as string);
      return { ...next, applied, deadlines };
    }
    case CASE_EVENTS.deadlineReached: {
      const deadline = state.deadlines.get(data.deadlineId as string);
      const deadlines = new Map(state.deadlines);
      deadlines.delete(data.deadlineId as string);
      const instance = deadline && state.instances.get(deadline.instanceId);
      if (!deadline || !instance) return { ...next, applied, deadlines };
      return {
        ...next,
        applied,
        deadlines,
        instances: withInstance(advance(registry, instance, { type: deadline.machineEvent })),
      };
    }
    default: {
      // Every other type is a process step, named after what happened.
      const instance = instanceId ? state.instances.get(instanceId) : undefined;
      if (!instance) return { ...next, applied };
      const payload = (data.payload ?? {}) as Record<string, unknown>;
      const bipPhase =
        typeof payload.bipPhase === 'number'
          ? { phase: payload.bipPhase, recordedAt: event.metadata.occurredAt as string }
          : state.bipPhase;
      return {
        ...next,
        applied,
        bipPhase,
        instances: withInstance(advance(registry, instance, { type: event.type, payload })),
      };
    }
  }
}

export function foldCase(
  registry: ProcessRegistry,
  caseId: string,
  events: Iterable<FoldableEvent>,
): CaseState {
  let state = initialCaseState(caseId);
  for (const event of events) state = evolve(registry, state, event);
  return state;
}
