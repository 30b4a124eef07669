import type {
  DeadlineSpec as WorkflowDeadlineSpec,
  StateMeta as WorkflowStateMeta,
  StepEvent as WorkflowStepEvent,
  WorkflowDefinition,
} from '@app/workflow';
import type { UnitSettings } from './unit-settings';
import type { NamedInsatser } from './catalogue-fields';

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

/**
 * Roles that hold a lane of an instance from the unit the instance names
 * (`partnerUnit`), not from the case's unit, and see nothing of the case
 * beyond what that lane's steps need: the providing unit of an insats
 * another unit places on (insatser.md, One unit using another unit's insats),
 * and the receiving unit of a referral (referral.md).
 */
export const PARTNER_ROLES = ['insatsansvarig', 'arbetsledare', 'mottagning', 'beredningsgrupp'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];
/** Who may hold a lane: the case's own roles, or a partner's. */
export type LaneRole = Role | PartnerRole;

export const LANE_LABELS: Readonly<Record<LaneRole, string>> = {
  ...ROLE_LABELS,
  insatsansvarig: 'Insatsansvarig (anordnande enhet)',
  arbetsledare: 'Arbetsledare (anordnande enhet)',
  mottagning: 'Mottagning (mottagande enhet)',
  beredningsgrupp: 'Beredningsgrupp (mottagande enhet)',
};

/** The BIP progression phases (Bilaga 7), as toolbox.md describes them. */
export const BIP_PHASE_LABELS: Readonly<Record<number, string>> = {
  0: 'Fas 0: tillbakagång, ingen insats',
  1: 'Fas 1: insatser, ingen arbetsinriktad',
  2: 'Fas 2: samordnade insatser, en arbetsinriktad',
  3: 'Fas 3: parallella insatser, på väg mot egen försörjning',
  4: 'Fas 4: egen försörjning',
};

export type { NodeKind, NamedRule, ProcessEvent } from '@app/workflow';

/** The workflow library's shapes with the toolbox's roles as lanes. */
export type StateMeta = WorkflowStateMeta<LaneRole>;
export type StepEvent = WorkflowStepEvent<LaneRole>;
export type DeadlineSpec = WorkflowDeadlineSpec<LaneRole>;

/** Typed identity for state `meta`, so a misspelt kind or lane fails the type check. */
export const stateMeta = (meta: StateMeta): StateMeta => meta;

/**
 * A toolbox process: a workflow whose lanes are the toolbox's roles and
 * whose start rules read case facts. `partnerUnit` names, from an
 * instance's context, the unit whose people hold its partner lanes; without
 * it (or before the context names one) no partner lane can be acted in.
 */
export type ProcessDefinition = WorkflowDefinition<LaneRole, CaseFacts> & {
  readonly partnerUnit?: (context: Readonly<Record<string, unknown>>) => string | undefined;
  /**
   * Where the partner's own list shows an instance, for a notice to the
   * partner: never the case, which its people cannot open.
   */
  readonly partnerPage?: (caseId: string, instanceId: string) => string;
};

export const isPartnerRole = (role: string): role is PartnerRole =>
  (PARTNER_ROLES as readonly string[]).includes(role);

/**
 * What a step rule may look at beyond its payload and its instance: the
 * case's facts and what its unit configured. A rule reads it as
 * `environment as StepEnvironment`, the workflow library knowing no case.
 */
export type StepEnvironment = {
  readonly facts: CaseFacts;
  readonly unit: UnitSettings;
  /** The catalogue's facts for the insatser the step names or its instance is placed on. */
  readonly insatser: NamedInsatser;
  /** The day the step is taken, on the Swedish calendar. */
  readonly today: string;
  /** The case's reference, opened only for a step that inspects what leaves the case. */
  readonly clientReference?: string;
};

/** What start rules may look at: case-level facts, never another process's internals. */
export interface CaseFacts {
  readonly hasProgressionsplan: boolean;
  /** The rows of the latest progressionsplan, when it was recorded with its count. */
  readonly progressionsplanRows?: number;
  /** An application for sjukersättning / aktivitetsersättning awaits Försäkringskassan's decision. */
  readonly saAeApplicationOpen: boolean;
  /** The processes with an instance still running in the case, by definition id. */
  readonly runningProcesses: readonly string[];
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
