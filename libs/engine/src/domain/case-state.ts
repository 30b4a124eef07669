import type { AnyMachineSnapshot } from 'xstate';
import { initialSnapshot, nextSnapshot } from '@app/workflow';
import type { DecidedStep } from './decided-snapshots';
import type { ProcessEvent, Role } from './process-definition';
import type { ActorRole } from './commands';
import type { EndReason } from './process-ending';
import type { ProcessRegistry } from './process-registry';
import { CASE_EVENTS } from './case-events';
import { topStepOf } from './step-wait';
import type { CaseEffects } from './case-effects';
import { TOOLBOX_EFFECTS } from './toolbox-effects';
import { completedChange } from './caseworker-change';
import type { CloseReason } from './case-closing';
import { corrected, trackLastStep, type LastStep, type StepTouch } from './step-correction';
import {
  asCaseEvent,
  isOwnCaseEvent,
  type CaseEvent,
  type CaseEventData,
  type CaseOwnEvent,
  type ProcessStepEvent,
  type RecordedPlan,
} from './case-event';

export interface InstanceState {
  readonly instanceId: string;
  readonly definitionId: string;
  readonly version: number;
  readonly snapshot: AnyMachineSnapshot;
  /** Set when the instance ended before its last step: why, when, by whom. */
  readonly ended?: {
    readonly reason: EndReason;
    readonly at: string;
    readonly by: string;
    readonly role?: ActorRole;
  };
  /** Why its current step waits, when someone recorded that it waits for a reason other than the need; its next step ends it. */
  readonly waiting?: CaseEventData[typeof CASE_EVENTS.stepWaitRecorded] & { readonly recordedAt: string };
  /** Its latest step while nothing else has moved it since: what a correction undoes. */
  readonly lastStep?: LastStep;
  /** The command that started it: a step of the same command is its entry, handed over from another process. */
  readonly startedBy?: string;
}

export interface FollowUp {
  readonly instanceId: string;
  readonly role: Role;
  readonly since: string;
  readonly reason?: string;
  /** Passed to the biträdande enhetschef by a missed deadline; stays there until they resolve it. */
  readonly escalated: boolean;
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
  /** The id in the journal system (dok.hant), sealed like the reference; absent when the unit links none. */
  readonly journalRef?: string;
  readonly socialWorkerId?: string;
  /** Every social worker ever responsible, oldest first: they keep seeing the case. */
  readonly socialWorkers: readonly string[];
  readonly caseworkerChanges: number;
  /** When each handläggarbyte happened: two or more in twelve months is a risk signal (BIP). */
  readonly caseworkerChangedAt: readonly string[];
  /** The latest handläggarbyte as recorded, for the new social worker to read (seed 002). */
  readonly lastCaseworkerChange?: CaseEventData[typeof CASE_EVENTS.caseworkerChanged] & {
    readonly at: string;
    readonly by: string;
  };
  /**
   * Follow-up responsibility per process instance (uppföljningsansvar): a
   * case may have several, each with its own owner; it ends with its instance.
   */
  readonly followUps: ReadonlyMap<string, FollowUp>;
  readonly hasProgressionsplan: boolean;
  /** The Rehabansvarig named for the case, and the latest change from another, as the new one reads it. */
  readonly rehabansvarigId?: string;
  readonly lastRehabansvarigChange?: CaseEventData[typeof CASE_EVENTS.rehabansvarigAssigned] & {
    readonly at: string;
    readonly by: string;
  };
  /** An application for sjukersättning / aktivitetsersättning awaiting Försäkringskassan's decision. */
  readonly saAeApplication?: CaseEventData[typeof CASE_EVENTS.saAeApplicationOpened] & {
    readonly openedAt: string;
  };
  /** The latest facts recorded for the statistics of insatser, and when. */
  readonly clientFacts?: CaseEventData[typeof CASE_EVENTS.clientFactsRecorded] & {
    readonly recordedAt: string;
  };
  /** Försäkringskassan's decision on the latest application. */
  readonly lastSaAeDecision?: CaseEventData[typeof CASE_EVENTS.saAeApplicationClosed];
  /** The latest BIP phase (0-4) recorded at a follow-up, and when. */
  readonly bipPhase?: { readonly phase: number; readonly recordedAt: string };
  readonly instances: ReadonlyMap<string, InstanceState>;
  readonly deadlines: ReadonlyMap<string, OpenDeadline>;
  /** The latest progressionsplan as recorded (category, follow-up owner, items), and when. */
  readonly progressionsplan?: Omit<RecordedPlan, 'instanceId'> & { readonly recordedAt: string };
  /** Set while the case is closed (avslutat): why, when, by whom; the comment sealed. */
  readonly closed?: {
    readonly at: string;
    readonly by: string;
    readonly reason: CloseReason;
    readonly note?: string;
  };
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
    followUps: new Map(),
    applied: new Map(),
  };
}

/**
 * The instance after an event, by a step or a timer. A wait recorded for
 * its step ends when it leaves that step (the top-level one, as the
 * statistics count steps); a step that stays, such as a check-in, leaves
 * it waiting.
 */
function advance(
  registry: ProcessRegistry,
  instance: InstanceState,
  event: ProcessEvent,
  decided?: DecidedStep,
): InstanceState {
  const snapshot =
    decided?.from === instance.snapshot
      ? decided.next
      : nextSnapshot(registry.get(instance.definitionId, instance.version), instance.snapshot, event);
  const waiting =
    instance.waiting && topStepOf(snapshot.value) === topStepOf(instance.waiting.step)
      ? instance.waiting
      : undefined;
  return { ...instance, snapshot, waiting };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The fold's working copy: its own maps and lists, changed in place. */
interface Draft extends Mutable<
  Omit<
    CaseState,
    'instances' | 'deadlines' | 'followUps' | 'applied' | 'socialWorkers' | 'caseworkerChangedAt'
  >
> {
  instances: Map<string, InstanceState>;
  deadlines: Map<string, OpenDeadline>;
  followUps: Map<string, FollowUp>;
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
    private readonly effects: CaseEffects = TOOLBOX_EFFECTS,
  ) {
    this.draft = from as Draft;
  }

  /** The case as folded so far; immutable from here on. */
  get state(): CaseState {
    this.shared = true;
    return this.draft;
  }

  /** `decided`: the step's next state as `decide` worked it out, when the engine folds what it has just appended. */
  apply(stored: FoldableEvent, decided?: DecidedStep): this {
    if (this.shared) this.unshare();
    const event = asCaseEvent(stored);
    this.draft.revision = event.revision;
    this.draft.chainHash = event.metadata.chainHash;
    this.recordApplied(event);
    if (event.type === CASE_EVENTS.stepCorrected) this.correct(String(event.data.instanceId));
    else this.trackLastSteps(event);
    if (this.effects.has(event.type))
      Object.assign(
        this.draft,
        this.effects.evolve(event.type, event.data, event.metadata.occurredAt, this.draft),
      );
    else if (isOwnCaseEvent(event)) this.applyOwn(event);
    else this.applyStep(event, decided);
    return this;
  }

  private applyOwn(event: CaseOwnEvent): void {
    const draft = this.draft;
    const at = event.metadata.occurredAt;
    switch (event.type) {
      case CASE_EVENTS.opened:
        draft.unit = event.data.unit;
        draft.reference = event.data.reference;
        if (event.data.journalRef !== undefined) draft.journalRef = event.data.journalRef;
        draft.socialWorkerId = event.data.socialWorkerId;
        draft.socialWorkers = [event.data.socialWorkerId];
        return;
      case CASE_EVENTS.caseworkerChanged:
        draft.socialWorkerId = event.data.to;
        if (!draft.socialWorkers.includes(event.data.to)) draft.socialWorkers.push(event.data.to);
        draft.caseworkerChanges += 1;
        draft.caseworkerChangedAt.push(at);
        draft.lastCaseworkerChange = { ...event.data, at, by: event.metadata.actorId ?? '' };
        return;
      case CASE_EVENTS.processStarted: {
        const { instanceId, definitionId, version } = event.data;
        const snapshot = initialSnapshot(this.registry.get(definitionId, version));
        const startedBy = event.metadata.commandId;
        draft.instances.set(instanceId, {
          instanceId,
          definitionId,
          version,
          snapshot,
          ...(startedBy !== undefined ? { startedBy } : {}),
        });
        return;
      }
      case CASE_EVENTS.processCompleted:
        draft.followUps.delete(event.data.instanceId);
        return;
      case CASE_EVENTS.processEnded: {
        draft.followUps.delete(event.data.instanceId);
        const instance = draft.instances.get(event.data.instanceId);
        if (!instance) return;
        draft.instances.set(instance.instanceId, {
          ...instance,
          ended: {
            reason: event.data.reason,
            at,
            by: event.metadata.actorId ?? '',
            ...(event.metadata.role ? { role: event.metadata.role } : {}),
          },
        });
        return;
      }
      case CASE_EVENTS.rehabansvarigAssigned:
        draft.rehabansvarigId = event.data.to;
        if (event.data.from !== undefined)
          draft.lastRehabansvarigChange = { ...event.data, at, by: event.metadata.actorId ?? '' };
        return;
      case CASE_EVENTS.stepWaitRecorded: {
        const instance = draft.instances.get(event.data.instanceId);
        if (instance)
          draft.instances.set(instance.instanceId, {
            ...instance,
            waiting: { ...event.data, recordedAt: at },
          });
        return;
      }
      case CASE_EVENTS.saAeApplicationOpened:
        draft.saAeApplication = { ...event.data, openedAt: at };
        return;
      case CASE_EVENTS.saAeApplicationClosed:
        draft.saAeApplication = undefined;
        draft.lastSaAeDecision = event.data;
        return;
      case CASE_EVENTS.clientFactsRecorded:
        draft.clientFacts = { ...event.data, recordedAt: at };
        return;
      case CASE_EVENTS.closed:
        draft.closed = {
          at,
          by: event.metadata.actorId ?? '',
          reason: event.data.reason,
          ...(event.data.note !== undefined ? { note: event.data.note } : {}),
        };
        return;
      case CASE_EVENTS.reopened:
        draft.closed = undefined;
        return;
      case CASE_EVENTS.referenceChanged:
        if (event.data.reference !== undefined) draft.reference = event.data.reference;
        if (event.data.journalRef !== undefined) draft.journalRef = event.data.journalRef;
        return;
      case CASE_EVENTS.planItemChecked: {
        const plan = draft.progressionsplan;
        if (!plan?.done || event.data.row > plan.done.length) return;
        const done = [...plan.done];
        done[event.data.row - 1] = event.data.done;
        draft.progressionsplan = { ...plan, done };
        return;
      }
      case CASE_EVENTS.erased:
        draft.erased = {
          at,
          by: event.metadata.actorId ?? '',
          reason: event.data.reason,
          decision: event.data.decision,
        };
        return;
      case CASE_EVENTS.deadlineScheduled: {
        const { deadlineId, instanceId, name, dueAt, machineEvent } = event.data;
        draft.deadlines.set(deadlineId, { deadlineId, instanceId, name, dueAt, machineEvent });
        return;
      }
      case CASE_EVENTS.deadlineCancelled:
        draft.deadlines.delete(event.data.deadlineId);
        return;
      case CASE_EVENTS.deadlineReached: {
        const deadline = draft.deadlines.get(event.data.deadlineId);
        draft.deadlines.delete(event.data.deadlineId);
        const instance = deadline && draft.instances.get(deadline.instanceId);
        if (deadline && instance) {
          draft.instances.set(
            instance.instanceId,
            advance(this.registry, instance, { type: deadline.machineEvent }),
          );
        }
        return;
      }
    }
  }

  /** Every other type is a process step, named after what happened. */
  private applyStep(event: ProcessStepEvent, decided: DecidedStep | undefined): void {
    const instance = this.draft.instances.get(event.data.instanceId);
    if (!instance) return;
    const payload = event.data.payload ?? {};
    const bipPhaseBefore = this.draft.bipPhase ?? null;
    if (typeof payload.bipPhase === 'number')
      this.draft.bipPhase = { phase: payload.bipPhase, recordedAt: event.metadata.occurredAt };
    if (this.draft.lastCaseworkerChange)
      this.draft.lastCaseworkerChange = completedChange(
        this.draft.lastCaseworkerChange,
        instance.definitionId,
        event.type,
        payload,
      );
    const lastStep: LastStep = {
      revision: (event as ProcessStepEvent & { revision: number }).revision,
      type: event.type,
      ...(event.metadata.commandId !== undefined ? { commandId: event.metadata.commandId } : {}),
      actorId: event.metadata.actorId ?? '',
      ...(event.metadata.role !== undefined ? { role: event.metadata.role } : {}),
      at: event.metadata.occurredAt,
      before: { snapshot: instance.snapshot, ...(instance.waiting ? { waiting: instance.waiting } : {}) },
      scheduled: [],
      cancelled: [],
      ...(typeof payload.bipPhase === 'number' ? { bipPhaseBefore } : {}),
      ...(instance.startedBy !== undefined && instance.startedBy === event.metadata.commandId
        ? { reached: 'handed-over' as const }
        : {}),
    };
    this.draft.instances.set(instance.instanceId, {
      ...advance(this.registry, instance, { type: event.type, payload: { ...payload } }, decided),
      lastStep,
    });
  }

  /** Every instance's last step hears of the event before it is folded: what its command did, or that something else moved it. */
  private trackLastSteps(event: CaseEvent): void {
    const touch = touchOf(event.type);
    for (const instance of this.draft.instances.values()) {
      if (!instance.lastStep) continue;
      const tracked = trackLastStep(
        instance,
        event as { type: string; data: Readonly<Record<string, unknown>>; metadata: { commandId?: string } },
        touch,
        this.draft.deadlines,
      );
      if (tracked !== instance) this.draft.instances.set(instance.instanceId, tracked);
    }
  }

  private correct(instanceId: string): void {
    const instance = this.draft.instances.get(instanceId);
    if (!instance) return;
    const bipPhaseBefore = instance.lastStep?.bipPhaseBefore;
    if (bipPhaseBefore !== undefined) this.draft.bipPhase = bipPhaseBefore ?? undefined;
    this.draft.instances.set(instanceId, corrected(instance));
  }

  private unshare(): void {
    const from = this.draft;
    this.draft = {
      ...from,
      instances: new Map(from.instances),
      deadlines: new Map(from.deadlines),
      followUps: new Map(from.followUps),
      applied: new Map(from.applied),
      socialWorkers: [...from.socialWorkers],
      caseworkerChangedAt: [...from.caseworkerChangedAt],
    };
    this.shared = false;
  }

  private recordApplied(event: CaseEvent & { revision: number }): void {
    const commandId = event.metadata.commandId;
    if (commandId === undefined) return;
    const earlier = this.draft.applied.get(commandId);
    this.draft.applied.set(commandId, {
      revision: event.revision,
      events: [...(earlier?.events ?? []), event.type],
      fingerprint: earlier?.fingerprint ?? event.metadata.commandFingerprint,
    });
  }
}

/** How an event of the case touches an instance's last step (see `trackLastStep`). */
function touchOf(type: string): StepTouch {
  switch (type) {
    case CASE_EVENTS.deadlineScheduled:
      return 'scheduled';
    case CASE_EVENTS.deadlineCancelled:
      return 'cancelled';
    case CASE_EVENTS.processCompleted:
      return 'completed';
    case CASE_EVENTS.processStarted:
      return 'started-process';
    case CASE_EVENTS.progressionsplanRecorded:
      return 'plan';
    case CASE_EVENTS.followUpOwnerChanged:
      return 'follow-up';
    case CASE_EVENTS.deadlineReached:
    case CASE_EVENTS.stepWaitRecorded:
    case CASE_EVENTS.processEnded:
      return 'moves';
    default:
      return 'neutral';
  }
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
