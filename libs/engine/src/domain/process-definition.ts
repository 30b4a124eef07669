import type { AnyStateMachine } from 'xstate';
import type { RecordedPlan } from './case-event';

export const ROLES = [
  'socialsekreterare',
  'rehabansvarig',
  'case_manager',
  'sip_stodjare',
  'bitradande_enhetschef',
  'mentor',
] as const;
export type Role = (typeof ROLES)[number];

/** Role names as users say them: lane titles in diagrams and labels in the UI. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  socialsekreterare: 'Socialsekreterare',
  rehabansvarig: 'Rehabansvarig',
  case_manager: 'Case manager',
  sip_stodjare: 'SIP-stödjare',
  bitradande_enhetschef: 'Biträdande enhetschef',
  mentor: 'Mentor',
};

/** The BIP progression phases (Bilaga 7), as toolbox.md describes them. */
export const BIP_PHASE_LABELS: Readonly<Record<number, string>> = {
  0: 'Fas 0: tillbakagång, ingen insats',
  1: 'Fas 1: insatser, ingen arbetsinriktad',
  2: 'Fas 2: samordnade insatser, en arbetsinriktad',
  3: 'Fas 3: parallella insatser, på väg mot egen försörjning',
  4: 'Fas 4: egen försörjning',
};

/** BPMN-like node kinds, carried in each state's `meta` for the UI and the BPMN export. */
export type NodeKind = 'userTask' | 'exclusiveGateway' | 'timer' | 'end';

export interface StateMeta {
  readonly kind: NodeKind;
  /** The role whose lane the node sits in; absent on end events. */
  readonly lane?: Role;
  /** Swedish, as the caseworker reads it. */
  readonly title: string;
  readonly description?: string;
}

/** A business rule with a Swedish message; a failing rule rejects the step with 422 and its id. */
export interface NamedRule<P = unknown> {
  readonly id: string;
  readonly message: string;
  /** The payload field the rule judges, so a form can show the message next to it. */
  readonly field?: string;
  /** `context` is the instance's machine context, for rules that count or compare with earlier steps. */
  readonly holds: (payload: P, context: Readonly<Record<string, unknown>>) => boolean;
}

export interface StepEvent {
  /** Swedish label of the action that sends it, e.g. "Registrera impuls". */
  readonly label: string;
  readonly lanes: readonly Role[];
  /** class-validator DTO; absent when the step carries no data. */
  readonly payload?: new () => object;
  readonly rules?: readonly NamedRule<never>[];
}

export interface DeadlineSpec {
  /** ISO-8601 default, e.g. P1M; a unit may override it in configuration. */
  readonly duration: string;
  readonly title: string;
  /** Who is told when it passes (toolbox.md, "on breach"); the timer's own lane when absent. */
  readonly notify?: readonly Role[];
}

/**
 * Machine event shape every process uses: the stored event's type plus its
 * validated payload. Delayed events (`xstate.after.*`) carry no payload.
 */
export interface ProcessEvent {
  readonly type: string;
  readonly payload?: Record<string, unknown>;
}

/**
 * Intents a machine may return as named actions. They are never executed
 * inside the fold; the engine turns them into case-level events.
 */
export type Intent =
  | { readonly type: 'escalateFollowUp'; readonly params: { readonly reason: string } }
  | { readonly type: 'setFollowUpOwner'; readonly params: { readonly owner: Role } }
  | { readonly type: 'startProcess'; readonly params: { readonly definitionId: string } }
  | { readonly type: 'recordProgressionsplan'; readonly params: Omit<RecordedPlan, 'instanceId'> };

/** Typed identity for state `meta`, so a misspelt kind or lane fails the type check. */
export const stateMeta = (meta: StateMeta): StateMeta => meta;

export interface ProcessDefinition {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly description: string;
  readonly machine: AnyStateMachine;
  /** Every event a user may send, keyed by its (past-tense) type. */
  readonly events: Readonly<Record<string, StepEvent>>;
  /** Keyed by the delay name used in the machine's `after`. */
  readonly deadlines: Readonly<Record<string, DeadlineSpec>>;
  /** Case facts that must hold before an instance may start (e.g. a progressionsplan exists). */
  readonly startRules?: readonly NamedRule<CaseFacts>[];
  /** Roles that may start it. */
  readonly startLanes: readonly Role[];
  /** Swedish names of routing guards, for the outcomes of a gateway in diagrams; an unguarded fallback reads "annars". */
  readonly guardLabels?: Readonly<Record<string, string>>;
}

/** What start rules may look at: case-level facts, never another process's internals. */
export interface CaseFacts {
  readonly hasProgressionsplan: boolean;
}

/**
 * Machines list these in `setup({ actions })` so XState accepts the names.
 * They never run: the engine folds with `transition()`, which returns actions
 * instead of executing them, and turns each intent into events itself.
 */
export const intentActions = {
  escalateFollowUp: () => undefined,
  setFollowUpOwner: () => undefined,
  startProcess: () => undefined,
  recordProgressionsplan: () => undefined,
} as const;
