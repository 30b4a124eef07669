import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { ProcessEvent, Role } from './process-definition';
import type { ProcessRegistry } from './process-registry';
import { CASE_EVENTS } from './case-events';

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

export function startSnapshot(registry: ProcessRegistry, definitionId: string, version: number) {
  return initialTransition(registry.get(definitionId, version).machine, {});
}

function advance(registry: ProcessRegistry, instance: InstanceState, event: ProcessEvent): InstanceState {
  const machine = registry.get(instance.definitionId, instance.version).machine;
  const [snapshot] = transition(machine, instance.snapshot, event);
  return { ...instance, snapshot };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The fold's working copy: its own maps and lists, changed in place. */
interface Draft extends Mutable<
  Omit<CaseState, 'instances' | 'deadlines' | 'applied' | 'socialWorkers' | 'caseworkerChangedAt'>
> {
  instances: Map<string, InstanceState>;
  deadlines: Map<string, OpenDeadline>;
  applied: Map<string, AppliedCommand>;
  socialWorkers: string[];
  caseworkerChangedAt: string[];
}

/**
 * Folds events into a case. Pure: the same events always give the same
 * state, and each instance folds with the definition version it started on.
 * The maps are copied once when folding starts (or resumes after `state`
 * was taken), not per event, so folding a long case costs what its events
 * cost; a state handed out is never changed afterwards.
 */
export class CaseFold {
  private draft: Draft;
  private shared = true;

  constructor(
    private readonly registry: ProcessRegistry,
    from: CaseState,
  ) {
    this.draft = from as Draft;
  }

  /** The case as folded so far; immutable from here on. */
  get state(): CaseState {
    this.shared = true;
    return this.draft;
  }

  apply(event: FoldableEvent): this {
    if (this.shared) this.unshare();
    const draft = this.draft;
    draft.revision = event.revision;
    draft.chainHash = event.metadata.chainHash as string | undefined;
    this.recordApplied(event);
    const data = event.data;
    const instanceId = data.instanceId as string | undefined;
    const at = event.metadata.occurredAt as string;
    switch (event.type) {
      case CASE_EVENTS.opened:
        draft.unit = data.unit as string;
        draft.reference = data.reference as string;
        draft.socialWorkerId = data.socialWorkerId as string;
        draft.socialWorkers = [data.socialWorkerId as string];
        return this;
      case CASE_EVENTS.caseworkerChanged:
        draft.socialWorkerId = data.to as string;
        if (!draft.socialWorkers.includes(data.to as string)) draft.socialWorkers.push(data.to as string);
        draft.caseworkerChanges += 1;
        draft.caseworkerChangedAt.push(at);
        return this;
      case CASE_EVENTS.progressionsplanRecorded: {
        const { instanceId: _recordedBy, ...plan } = data;
        draft.hasProgressionsplan = true;
        draft.progressionsplan = { ...plan, recordedAt: at };
        return this;
      }
      case CASE_EVENTS.followUpOwnerChanged:
        draft.followUpOwner = {
          role: data.owner as Role,
          since: at,
          reason: data.reason as string | undefined,
        };
        return this;
      case CASE_EVENTS.processStarted: {
        const [snapshot] = startSnapshot(this.registry, data.definitionId as string, data.version as number);
        draft.instances.set(instanceId as string, {
          instanceId: instanceId as string,
          definitionId: data.definitionId as string,
          version: data.version as number,
          snapshot,
        });
        return this;
      }
      case CASE_EVENTS.processCompleted:
        return this;
      case CASE_EVENTS.erased:
        draft.erased = {
          at,
          by: event.metadata.actorId as string,
          reason: data.reason as string,
          decision: data.decision as string,
        };
        return this;
      case CASE_EVENTS.deadlineScheduled:
        draft.deadlines.set(data.deadlineId as string, {
          deadlineId: data.deadlineId as string,
          instanceId: instanceId as string,
          name: data.name as string,
          dueAt: data.dueAt as string,
          machineEvent: data.machineEvent as string,
        });
        return this;
      case CASE_EVENTS.deadlineCancelled:
        draft.deadlines.delete(data.deadlineId as string);
        return this;
      case CASE_EVENTS.deadlineReached: {
        const deadline = draft.deadlines.get(data.deadlineId as string);
        draft.deadlines.delete(data.deadlineId as string);
        const instance = deadline && draft.instances.get(deadline.instanceId);
        if (deadline && instance) {
          draft.instances.set(
            instance.instanceId,
            advance(this.registry, instance, { type: deadline.machineEvent }),
          );
        }
        return this;
      }
      default: {
        // Every other type is a process step, named after what happened.
        const instance = instanceId ? draft.instances.get(instanceId) : undefined;
        if (!instance) return this;
        const payload = (data.payload ?? {}) as Record<string, unknown>;
        if (typeof payload.bipPhase === 'number')
          draft.bipPhase = { phase: payload.bipPhase, recordedAt: at };
        draft.instances.set(
          instance.instanceId,
          advance(this.registry, instance, { type: event.type, payload }),
        );
        return this;
      }
    }
  }

  private unshare(): void {
    const from = this.draft;
    this.draft = {
      ...from,
      instances: new Map(from.instances),
      deadlines: new Map(from.deadlines),
      applied: new Map(from.applied),
      socialWorkers: [...from.socialWorkers],
      caseworkerChangedAt: [...from.caseworkerChangedAt],
    };
    this.shared = false;
  }

  private recordApplied(event: FoldableEvent): void {
    const commandId = event.metadata.commandId;
    if (typeof commandId !== 'string') return;
    const earlier = this.draft.applied.get(commandId);
    this.draft.applied.set(commandId, {
      revision: event.revision,
      events: [...(earlier?.events ?? []), event.type],
      fingerprint: earlier?.fingerprint ?? (event.metadata.commandFingerprint as string | undefined),
    });
  }
}

/** Applies one stored event. */
export function evolve(registry: ProcessRegistry, state: CaseState, event: FoldableEvent): CaseState {
  return new CaseFold(registry, state).apply(event).state;
}

export function foldCase(
  registry: ProcessRegistry,
  caseId: string,
  events: Iterable<FoldableEvent>,
): CaseState {
  const fold = new CaseFold(registry, initialCaseState(caseId));
  for (const event of events) fold.apply(event);
  return fold.state;
}
