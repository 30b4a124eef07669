import type { AnyStateMachine } from 'xstate';

/**
 * A process definition as the workflow library knows it: an XState machine
 * with BPMN-like metadata (lanes, user tasks, gateways, timers). It knows
 * nothing of who the lanes are (`L`) or what a case is (`F`, the facts a
 * start rule may look at): the case model fills both in.
 */

/** BPMN-like node kinds, carried in each state's `meta` for the UI and the BPMN export. */
export type NodeKind = 'userTask' | 'exclusiveGateway' | 'timer' | 'end';

export interface StateMeta<L extends string = string> {
  readonly kind: NodeKind;
  /** The lane (role) the node sits in; absent on end events. */
  readonly lane?: L;
  /** As the people in the lanes read it. */
  readonly title: string;
  readonly description?: string;
}

/** A business rule with a message for the user; a failing rule rejects the step and names itself. */
export interface NamedRule<P = unknown> {
  readonly id: string;
  readonly message: string;
  /** The payload field the rule judges, so a form can show the message next to it. */
  readonly field?: string;
  /**
   * A warning, not a refusal: the step is taken once the sender has read
   * it, by naming its id in the payload's `acknowledgedWarnings`.
   */
  readonly warning?: true;
  /**
   * `context` is the instance's machine context, for rules that count or
   * compare with earlier steps; `environment` what the case model tells of
   * the step's surroundings (for the toolbox: the case's facts and its
   * unit's settings).
   */
  readonly holds: (
    payload: P,
    context: Readonly<Record<string, unknown>>,
    environment: Readonly<Record<string, unknown>>,
  ) => boolean;
}

export interface StepEvent<L extends string = string> {
  /** The label of the action that sends it, e.g. "Registrera impuls". */
  readonly label: string;
  readonly lanes: readonly L[];
  /** class-validator DTO; absent when the step carries no data. */
  readonly payload?: new () => object;
  readonly rules?: readonly NamedRule<never>[];
  /** Who is told when the step is recorded, and what: a hand-over the spec says someone must hear of. */
  readonly inform?: {
    readonly lanes: readonly L[];
    readonly message: string;
    /** A payload field naming a person who is told in person, beside those of `lanes`. */
    readonly person?: string;
    /** What kind of thing waits, for an e-mail that may say no more than that; a step by default. */
    readonly kind?: string;
  };
  /**
   * Checks a rule list cannot say: findings that name a field inside the
   * payload (a referral's `answers.socialNetwork`), refused as bad input, and
   * warnings found in its text, each with an id the sender acknowledges in
   * `acknowledgedWarnings` as with a rule's warning.
   */
  readonly inspect?: (
    payload: never,
    context: Readonly<Record<string, unknown>>,
    environment: Readonly<Record<string, unknown>>,
  ) => {
    readonly violations?: readonly {
      readonly field: string;
      readonly rule: string;
      readonly message: string;
    }[];
    readonly warnings?: readonly { readonly id: string; readonly field: string; readonly message: string }[];
    /** What the step keeps when it is taken, in place of the payload as sent: the answers as the form keeps them. */
    readonly kept?: Readonly<Record<string, unknown>>;
  };
  /**
   * What the step's form starts from, out of what the instance already
   * knows (the plan of the placement it continues, the attendance reported
   * since the last follow-up); `earlier` gives another instance's context
   * in the same case. Only a starting point: what is sent is validated as
   * any payload is.
   */
  readonly suggest?: (
    context: Readonly<Record<string, unknown>>,
    earlier: (instanceId: string) => Readonly<Record<string, unknown>> | undefined,
  ) => Readonly<Record<string, unknown>> | undefined;
}

export interface DeadlineSpec<L extends string = string> {
  /** ISO-8601 default, e.g. P1M; a deployment may override it. */
  readonly duration: string;
  /**
   * The field of the starting step's payload that holds the business date
   * the period runs from (recommendations received, Start för insats). The
   * time the step is recorded when absent, or when the step has no such date.
   */
  readonly from?: string;
  readonly title: string;
  /** Who is told when it passes; the timer's own lane when absent. */
  readonly notify?: readonly L[];
}

/**
 * Machine event shape every process uses: the stored event's type plus its
 * validated payload. Delayed events (`xstate.after.*`) carry no payload.
 */
export interface ProcessEvent {
  readonly type: string;
  readonly payload?: Record<string, unknown>;
}

export interface WorkflowDefinition<L extends string = string, F = never> {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly description: string;
  readonly machine: AnyStateMachine;
  /** Every event a user may send, keyed by its (past-tense) type. */
  readonly events: Readonly<Record<string, StepEvent<L>>>;
  /** Keyed by the delay name used in the machine's `after`. */
  readonly deadlines: Readonly<Record<string, DeadlineSpec<L>>>;
  /** Facts that must hold before an instance may start. */
  readonly startRules?: readonly NamedRule<F>[];
  /** Lanes that may start it. */
  readonly startLanes: readonly L[];
  /** Whether a second instance may start while one runs in the same case; by default it may not. */
  readonly parallelInstances?: boolean;
  /** Names of routing guards, for the outcomes of a gateway in diagrams; an unguarded fallback reads "annars". */
  readonly guardLabels?: Readonly<Record<string, string>>;
}
