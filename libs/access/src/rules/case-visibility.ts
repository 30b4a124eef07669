import { unitsWhere, type Principal } from './principal';

/**
 * Which cases a principal may see, by rule (toolbox.md, issue 5):
 * a social worker the cases they are or were responsible for; Rehabansvarig
 * and SIP-stödjare the toolbox cases of their unit; a case manager the cases
 * referred to CM; a biträdande enhetschef and an auditor every case of their
 * unit; a mentor the cases of the social workers they mentor in the
 * introduktionsprogram, while those are responsible; a social worker
 * covering for an absent colleague that colleague's current cases, while
 * the biträdande enhetschef's grant runs. Never another unit's.
 */
export interface AccessScope {
  readonly userId: string;
  readonly wholeUnits: readonly string[];
  readonly caseManagerUnits: readonly string[];
  readonly socialWorkerUnits: readonly string[];
  /** The social workers this person mentors, each in the unit where they hold the mentor role. */
  readonly mentees: readonly { readonly menteeId: string; readonly unit: string }[];
  /** The absent social workers this person covers for today, in units where they are socialsekreterare themselves. */
  readonly covered: readonly { readonly absentId: string; readonly unit: string }[];
}

export const WHOLE_UNIT_ROLES = [
  'rehabansvarig',
  'sip_stodjare',
  'bitradande_enhetschef',
  'auditor',
] as const;

export function scopeOf(principal: Principal): AccessScope {
  const mentorUnits = unitsWhere(principal, ['mentor']);
  return {
    userId: principal.id,
    wholeUnits: unitsWhere(principal, WHOLE_UNIT_ROLES),
    caseManagerUnits: unitsWhere(principal, ['case_manager']),
    socialWorkerUnits: unitsWhere(principal, ['socialsekreterare']),
    mentees: (principal.mentees ?? []).filter((m) => mentorUnits.includes(m.unit)),
    covered: (principal.covering ?? []).filter((c) =>
      unitsWhere(principal, ['socialsekreterare']).includes(c.unit),
    ),
  };
}

/** The process whose start refers a case to CM, and so opens it to the unit's case managers. */
export const CASE_MANAGER_PROCESS = 'case-manager';

/** What the rules look at; the case stream and the read models both can say it. */
export interface CaseAccessFacts {
  readonly unit: string;
  /** Every social worker ever responsible, the current one included. */
  readonly socialWorkers: readonly string[];
  /** The one responsible now: a mentor follows their mentee's current cases only. */
  readonly socialWorkerId: string;
  readonly referredToCaseManager: boolean;
}

export function canSee(scope: AccessScope, facts: CaseAccessFacts): boolean {
  return (
    scope.wholeUnits.includes(facts.unit) ||
    (facts.referredToCaseManager && scope.caseManagerUnits.includes(facts.unit)) ||
    (scope.socialWorkerUnits.includes(facts.unit) && facts.socialWorkers.includes(scope.userId)) ||
    scope.mentees.some((m) => m.unit === facts.unit && m.menteeId === facts.socialWorkerId) ||
    scope.covered.some((c) => c.unit === facts.unit && c.absentId === facts.socialWorkerId)
  );
}
