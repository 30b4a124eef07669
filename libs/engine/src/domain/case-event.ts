import type { StateValue } from 'xstate';
import { CASE_EVENTS } from './case-events';
import type { ActorRole } from './commands';
import type { Role } from './process-definition';
import type { EndReason } from './process-ending';
import type { ChangeReason, ClientInformed } from './caseworker-change';
import type { SaAeKind, SaAeOutcome } from './sa-ae';
import type { WaitKind, WaitReason } from './step-wait';
import type { ClientFacts } from './client-facts';
import type { CaseNote, DocumentReference } from './case-notes';
import type { CloseReason } from './case-closing';

/**
 * What the engine stamps on every event it appends. The instance fields are
 * there when the event came from a process instance's step.
 */
export interface CaseEventMetadata {
  readonly occurredAt: string;
  readonly actorId?: string;
  readonly role?: ActorRole;
  readonly caseId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly commandId?: string;
  readonly commandFingerprint?: string;
  readonly chainHash?: string;
  readonly processInstanceId?: string;
  readonly definitionId?: string;
  readonly definitionVersion?: number;
  readonly stateBefore?: StateValue | null;
  /** Null once the instance has ended early: it stands at no step any more. */
  readonly stateAfter?: StateValue | null;
  /** The unit holding the instance's partner lanes after the step, when its definition names one. */
  readonly partnerUnit?: string;
}

/** The progressionsplan as it is recorded, by Rehabansvarig's command or by a shared plan step. */
export interface RecordedPlan {
  readonly category: number;
  readonly followUpOwner: string;
  readonly items: unknown;
  /**
   * How many rows it has, beside the rows sealed: what a placement entered
   * from a row checks its row number against. Absent on plans recorded before.
   */
  readonly rows?: number;
  /**
   * Each row's "När" and "Gjort" beside the sealed rows, so the rows can be
   * tasks with due dates without opening the plan. Absent on plans recorded before.
   */
  readonly due?: readonly string[];
  readonly done?: readonly boolean[];
  /** The instance whose step shared it; absent when Rehabansvarig recorded it directly. */
  readonly instanceId?: string;
}

/** The data of each of the case's own events, by type. */
export interface CaseEventData {
  [CASE_EVENTS.opened]: {
    readonly caseId: string;
    readonly reference: string;
    readonly journalRef?: string;
    readonly unit: string;
    readonly socialWorkerId: string;
  };
  [CASE_EVENTS.caseworkerChanged]: {
    readonly from?: string;
    readonly to: string;
    /** Absent in changes recorded before the reason was asked for. */
    readonly reason?: ChangeReason;
    /** Personal, sealed. */
    readonly reasonNote?: string;
    readonly clientInformed?: ClientInformed;
    /** The hand-over summary for the new worker; personal, sealed. */
    readonly handover?: string;
  };
  [CASE_EVENTS.progressionsplanRecorded]: RecordedPlan;
  [CASE_EVENTS.saAeApplicationOpened]: { readonly kind: SaAeKind; readonly appliedOn: string };
  [CASE_EVENTS.saAeApplicationClosed]: {
    readonly kind: SaAeKind;
    readonly outcome: SaAeOutcome;
    readonly decidedOn: string;
  };
  /** Coarse categories for the statistics, not sealed: the reports count them (ADR 0027). */
  [CASE_EVENTS.clientFactsRecorded]: ClientFacts;
  [CASE_EVENTS.noteRecorded]: CaseNote;
  [CASE_EVENTS.documentReferenced]: DocumentReference;
  [CASE_EVENTS.rehabansvarigAssigned]: {
    /** Absent for the first Rehabansvarig named; then the change records why, and the hand-over. */
    readonly from?: string;
    readonly to: string;
    readonly reason?: ChangeReason;
    /** Personal, sealed. */
    readonly reasonNote?: string;
    readonly clientInformed?: boolean;
    /** Personal, sealed. */
    readonly handover?: string;
  };
  [CASE_EVENTS.stepWaitRecorded]: {
    readonly instanceId: string;
    readonly reason: WaitReason;
    readonly kind: WaitKind;
    /** The day the step began to wait for that reason. */
    readonly since: string;
    /** Free text, personal and so sealed. */
    readonly note?: string;
    /** The step that waits: where the instance stood when it was recorded. */
    readonly step: StateValue;
  };
  [CASE_EVENTS.followUpOwnerChanged]: {
    readonly instanceId: string;
    readonly owner: Role;
    readonly escalated: boolean;
    readonly reason?: string;
    /** The biträdande enhetschef handed an escalated follow-up back to Rehabansvarig. */
    readonly handedBack?: boolean;
  };
  [CASE_EVENTS.processStarted]: {
    readonly instanceId: string;
    readonly definitionId: string;
    readonly version: number;
  };
  [CASE_EVENTS.processCompleted]: { readonly instanceId: string; readonly finalState: StateValue };
  [CASE_EVENTS.processEnded]: {
    readonly instanceId: string;
    readonly reason: EndReason;
    /** Free text, personal and so sealed; required for the reason `other`. */
    readonly note?: string;
    /** The step the instance stood at when it ended. */
    readonly endedAt: StateValue;
  };
  [CASE_EVENTS.deadlineScheduled]: {
    readonly instanceId: string;
    readonly deadlineId: string;
    readonly name: string;
    readonly title: string;
    readonly duration: string;
    readonly dueAt: string;
    /** The business date (YYYY-MM-DD) the period runs from, when the step gave one; else from its recording. */
    readonly runsFrom?: string;
    /** The delayed machine event (`xstate.after.<name>.<state path>`) that firing sends. */
    readonly machineEvent: string;
  };
  [CASE_EVENTS.deadlineCancelled]: {
    readonly instanceId: string;
    readonly deadlineId: string;
    readonly name: string;
  };
  [CASE_EVENTS.deadlineReached]: {
    readonly instanceId: string;
    readonly deadlineId: string;
    readonly name: string;
    readonly dueAt: string;
    readonly machineEvent: string;
  };
  [CASE_EVENTS.taskAssigned]: {
    readonly instanceId: string;
    /** The task's step, as the work queue names it. */
    readonly statePath: string;
    /** Who has it now; null puts it back in the role's queue. */
    readonly to: string | null;
  };
  [CASE_EVENTS.closed]: {
    readonly reason: CloseReason;
    /** Personal, sealed. */
    readonly note?: string;
  };
  /** The note is personal, sealed. */
  [CASE_EVENTS.reopened]: { readonly note: string };
  /** Each given field replaces the one before; both personal, sealed. A journal reference of "" removes it. */
  [CASE_EVENTS.referenceChanged]: { readonly reference?: string; readonly journalRef?: string };
  [CASE_EVENTS.stepCorrected]: {
    readonly instanceId: string;
    /** The corrected step's event: its revision in the case and its type. */
    readonly correctedRevision: number;
    readonly step: string;
    /** Why; personal, sealed. */
    readonly reason: string;
    /** When the step recorded a BIP phase: the phase before it (null for none), for the read models to restore. */
    readonly bipPhaseBefore?: number | null;
  };
  /** Rows count from 1, as the plan numbers them. */
  [CASE_EVENTS.planItemChecked]: { readonly row: number; readonly done: boolean };
  [CASE_EVENTS.planItemReminded]: { readonly row: number; readonly dueOn: string; readonly late: boolean };
  [CASE_EVENTS.erased]: { readonly reason: string; readonly decision: string };
}

export type CaseOwnEventType = keyof CaseEventData;

/** One of the case's own events, typed by its `type`. */
export type CaseOwnEvent<M = CaseEventMetadata> = {
  [K in CaseOwnEventType]: { readonly type: K; readonly data: CaseEventData[K]; readonly metadata: M };
}[CaseOwnEventType];

/** A process step: named by its definition (`ImpulsRegistered`), carrying the validated payload. */
export interface ProcessStepEvent<M = CaseEventMetadata> {
  readonly type: string;
  readonly data: { readonly instanceId: string; readonly payload: Readonly<Record<string, unknown>> };
  readonly metadata: M;
}

export type CaseEvent<M = CaseEventMetadata> = CaseOwnEvent<M> | ProcessStepEvent<M>;

const OWN_TYPES: ReadonlySet<string> = new Set(Object.values(CASE_EVENTS));

export function isOwnCaseEvent<M>(event: CaseEvent<M>): event is CaseOwnEvent<M> {
  return OWN_TYPES.has(event.type);
}

/**
 * A stored event read as the case event it is. The one place the log's
 * untyped JSON is taken at its word: only `decide` writes case streams, and
 * its outputs are typed, so a stored shape is one of these. Should a shape
 * ever change, the upcast belongs here.
 */
export function asCaseEvent<E extends { type: string; data: unknown; metadata: unknown }>(
  stored: E,
): CaseEvent & Omit<E, 'type' | 'data' | 'metadata'> {
  return stored as never;
}

/** Builds a case event whose data the compiler checks against its type. */
export function caseEvent<K extends CaseOwnEventType, M>(
  type: K,
  data: CaseEventData[K],
  metadata: M,
): { type: K; data: CaseEventData[K]; metadata: M } {
  return { type, data, metadata };
}
