/** The shapes the UI reads from the API (only the fields it uses). */

export type JsonSchema = {
  readonly type?: string;
  readonly title?: string;
  readonly description?: string;
  readonly format?: string;
  readonly enum?: readonly (string | number)[];
  readonly 'x-enumLabels'?: Readonly<Record<string, string>>;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
};

export interface Membership {
  readonly unit: string;
  readonly roles: readonly string[];
}

export interface Me {
  readonly id: string;
  readonly name: string;
  readonly memberships: readonly Membership[];
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

export interface QueueTask {
  readonly caseId: string;
  readonly reference: string;
  readonly unit: string;
  readonly instanceId: string;
  readonly definitionId: string;
  readonly process: string;
  readonly step: { readonly statePath: string; readonly title: string; readonly kind: string };
  readonly lane: string;
  readonly assignee: string | null;
  readonly since: string;
  readonly dueAt: string | null;
  readonly deadline: string | null;
  readonly overdue: boolean;
  readonly escalated: boolean;
  readonly escalationReason: string | null;
  readonly missedDeadline: { readonly title: string; readonly dueAt: string } | null;
}

export interface PlanItem {
  readonly vad: string;
  readonly vem: string;
  readonly nar: string;
  readonly varfor: string;
  readonly gjort: boolean;
}

export interface CaseView {
  readonly caseId: string;
  readonly revision: number;
  readonly reference: string;
  readonly unit: string;
  readonly socialWorkerId: string;
  readonly caseworkerChanges: number;
  readonly caseworkerChangesLastTwelveMonths: number;
  readonly followUpOwner: { role: string; label: string; since: string; reason?: string } | null;
  readonly bipPhase: { phase: number; label: string; recordedAt: string } | null;
  readonly progressionsplan: {
    category: number;
    followUpOwner: string;
    items: PlanItem[];
    recordedAt: string;
  } | null;
  readonly processes: readonly ProcessInstanceView[];
  readonly deadlines: readonly {
    deadlineId: string;
    instanceId: string;
    title: string;
    dueAt: string;
    overdue: boolean;
  }[];
}

export interface ProcessInstanceView {
  readonly instanceId: string;
  readonly definitionId: string;
  readonly version: number;
  readonly process: string;
  readonly status: 'active' | 'completed';
  readonly bpmnElementIds: readonly string[];
  readonly context: Readonly<Record<string, unknown>>;
  readonly steps: readonly { statePath: string; title: string; lane: string; laneLabel: string }[];
}

export interface NextStep {
  readonly instanceId: string;
  readonly definitionId: string;
  readonly process: string;
  readonly event: string;
  readonly label: string;
  readonly lanes: readonly string[];
  readonly schema: JsonSchema;
}

export interface NextSteps {
  readonly revision: number;
  readonly roles: readonly { role: string; label: string }[];
  readonly steps: readonly NextStep[];
  readonly startable: readonly {
    definitionId: string;
    process: string;
    label: string;
    blockedBy: readonly { id: string; message: string }[];
  }[];
  readonly caseActions: readonly { command: string; label: string; schema?: JsonSchema }[];
}

export interface HistoryEntry {
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly label: string;
  readonly actor: { id: string; role: string };
  readonly occurredAt: string;
  readonly process: {
    instanceId: string;
    definitionId: string;
    stateBefore: unknown;
    stateAfter: unknown;
  } | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A page of history: `next` is the cursor for the following page, null at the newest event. */
export interface HistoryPage {
  readonly entries: readonly HistoryEntry[];
  readonly next: number | null;
}

export interface CaseListItem {
  readonly caseId: string;
  readonly reference: string;
  readonly unit: string;
  readonly socialWorkerId: string;
  readonly updatedAt: string;
  readonly bipPhase: number | null;
  readonly caseworkerChanges: number;
  readonly overdue: boolean;
  readonly processes: readonly { process: string; status: string }[];
}

export interface ProcessSummary {
  readonly id: string;
  readonly title: string;
}

export interface Viewing {
  readonly caseId: string;
  readonly at: string;
  readonly userId: string;
  readonly roles: readonly string[];
  readonly view: string;
}
