import type { LaneRole } from './process-definition';

/** The actor of commands no person sends, such as the deadline worker firing a due deadline. */
export const SYSTEM_ROLE = 'system';
export type ActorRole = LaneRole | typeof SYSTEM_ROLE;

/** Who, when and why: arrives from the edge with every command; the engine never invents it. */
export interface CommandMetadata {
  readonly actorId: string;
  /**
   * The roles the actor holds in the case's unit. The engine acts in the one
   * the step's lane names and records it; holding none of them is refused.
   */
  readonly roles: readonly ActorRole[];
  /** ISO-8601 UTC timestamp, normalised by the engine before `decide` sees it. */
  readonly now: string;
  readonly correlationId: string;
  /** Also the idempotency key: a command id already applied to the case returns its first result. */
  readonly commandId: string;
  /** If given, the case must be exactly at this revision (HTTP If-Match); no retry on mismatch. */
  readonly expectedRevision?: number;
}

/** Who may do the case-level commands that belong to no process lane. */
export const CASE_COMMAND_ROLES = {
  OpenCase: ['socialsekreterare', 'bitradande_enhetschef'],
  ChangeCaseworker: ['bitradande_enhetschef', 'socialsekreterare'],
  RecordProgressionsplan: ['rehabansvarig'],
  RecordSaAeApplication: ['socialsekreterare', 'rehabansvarig'],
  RecordSaAeDecision: ['socialsekreterare', 'rehabansvarig'],
  RecordClientFacts: ['socialsekreterare', 'bitradande_enhetschef'],
  RecordCaseNote: ['socialsekreterare', 'rehabansvarig', 'case_manager', 'bitradande_enhetschef'],
  RecordDocumentReference: ['socialsekreterare', 'rehabansvarig', 'case_manager', 'bitradande_enhetschef'],
  HandBackFollowUp: ['bitradande_enhetschef'],
  AssignRehabansvarig: ['bitradande_enhetschef', 'rehabansvarig'],
  /** Besides these, whoever holds the task's own lane; the biträdande enhetschef hands out any. */
  AssignTask: ['bitradande_enhetschef'],
  RecordStepWait: ['socialsekreterare', 'rehabansvarig', 'case_manager', 'bitradande_enhetschef'],
  CloseCase: ['socialsekreterare', 'bitradande_enhetschef'],
  ReopenCase: ['socialsekreterare', 'bitradande_enhetschef'],
  ChangeReference: ['socialsekreterare', 'bitradande_enhetschef'],
  /** Besides the person who recorded the step, in the role they recorded it in. */
  CorrectStep: ['bitradande_enhetschef'],
  /** The social worker carries the plan out; Rehabansvarig and the biträdande follow it up. */
  CheckPlanItem: ['socialsekreterare', 'rehabansvarig', 'bitradande_enhetschef'],
  RemindPlanItem: [SYSTEM_ROLE],
  FireDeadline: [SYSTEM_ROLE],
  EraseCase: ['bitradande_enhetschef', SYSTEM_ROLE],
} as const satisfies Record<string, readonly ActorRole[]>;

export type CaseCommand =
  | {
      readonly type: 'OpenCase';
      readonly caseId: string;
      /** Pseudonym as the unit uses it (initials + birth year and month), never a name. */
      readonly reference: string;
      readonly journalRef?: string;
      readonly unit: string;
      readonly socialWorkerId: string;
    }
  | {
      readonly type: 'ChangeCaseworker';
      readonly caseId: string;
      readonly socialWorkerId: string;
      /** Reason, how the client was told, the hand-over summary: validated against CaseworkerChange. */
      readonly change: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'RecordProgressionsplan';
      readonly caseId: string;
      readonly plan: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'RecordSaAeApplication';
      readonly caseId: string;
      /** Kind and date applied: validated against SaAeApplication. */
      readonly application: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'RecordSaAeDecision';
      readonly caseId: string;
      /** Outcome and date decided: validated against SaAeDecision. */
      readonly decision: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'RecordClientFacts';
      readonly caseId: string;
      /** Kön, age band, aktuell på bistånd, reason and target group: validated against ClientFacts. */
      readonly facts: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'RecordCaseNote';
      readonly caseId: string;
      /** The day and the text: validated against CaseNote. */
      readonly note: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'RecordDocumentReference';
      readonly caseId: string;
      /** Kind, date, id in the journal system: validated against DocumentReference. */
      readonly document: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'StartProcess';
      readonly caseId: string;
      readonly instanceId: string;
      readonly definitionId: string;
    }
  | {
      readonly type: 'SendProcessEvent';
      readonly caseId: string;
      readonly instanceId: string;
      readonly event: string;
      readonly payload?: unknown;
    }
  | {
      readonly type: 'EndProcess';
      readonly caseId: string;
      readonly instanceId: string;
      /** Reason and note as sent; validated against EndProcessPayload. */
      readonly ending: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'HandBackFollowUp';
      readonly caseId: string;
      readonly instanceId: string;
      /** One of HAND_BACK_REASONS; its Swedish label is what the history and Rehabansvarig see. */
      readonly reason: string;
    }
  | {
      readonly type: 'AssignTask';
      readonly caseId: string;
      readonly instanceId: string;
      readonly statePath: string;
      /** A person of the task's role in the case's unit (checked against the staff directory), or null for the role's queue. */
      readonly to: string | null;
    }
  | {
      readonly type: 'AssignRehabansvarig';
      readonly caseId: string;
      readonly rehabansvarigId: string;
      /** For a change from one Rehabansvarig to another: validated against ContactChange. */
      readonly change?: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'RecordStepWait';
      readonly caseId: string;
      readonly instanceId: string;
      /** Reason, since when, a note: validated against StepWait. */
      readonly wait: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'CloseCase';
      readonly caseId: string;
      /** Reason and comment: validated against CaseClosing. */
      readonly closing: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'ReopenCase';
      readonly caseId: string;
      /** Why: validated against CaseReopening. */
      readonly reopening: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'ChangeReference';
      readonly caseId: string;
      /** The new reference and/or journal reference: validated against ReferenceChange. */
      readonly change: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'CorrectStep';
      readonly caseId: string;
      readonly instanceId: string;
      /** The revision of the step's event as the person saw it: a later step is never corrected by mistake. */
      readonly stepRevision: number;
      /** Why: validated against StepCorrection. */
      readonly correction: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'CheckPlanItem';
      readonly caseId: string;
      /** From 1, as the plan numbers its rows. */
      readonly row: number;
      readonly done: boolean;
    }
  | {
      readonly type: 'RemindPlanItem';
      readonly caseId: string;
      readonly row: number;
      /** The row's day as the reminder run read it: a plan adjusted since is not reminded of by it. */
      readonly dueOn: string;
    }
  | { readonly type: 'FireDeadline'; readonly caseId: string; readonly deadlineId: string }
  | {
      readonly type: 'EraseCase';
      readonly caseId: string;
      readonly reason: ErasureReason;
      /** The decision's reference in the diary (diarienummer), never personal data. */
      readonly decision: string;
      /**
       * For a retention rule: when the case was closed, as the rule's read model
       * saw it. A case reopened (or closed again) since is not erased by the rule.
       */
      readonly closedAt?: string;
    };

/** Why a case is erased (gallras); kept readable after erasure, so it names no one. */
export const ERASURE_REASONS = ['retention-expired', 'gallringsbeslut', 'registrerads-begaran'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];
