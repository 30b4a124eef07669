/**
 * What an anvisning started from a progressionsplan row or the CM plan
 * fills in (insatser.md: a placement "can be entered from a progressionsplan
 * row, a CM plan or a case directly"); the social worker reads and changes
 * it before sending.
 */
export interface StepPrefill {
  readonly event: string;
  readonly values: Readonly<Record<string, unknown>>;
}

export const PLACEMENT_PROCESS = 'insats';
const ASSIGN = 'PlacementAssigned';

/** Row numbers count from 1, as the plan's reader counts them. */
export const fromPlanRow = (row: number, item: { vad: string; varfor: string }): StepPrefill => ({
  event: ASSIGN,
  values: { origin: 'progressionsplan', planRow: row, need: `${item.vad}. ${item.varfor}` },
});

export const fromCaseManagerPlan = (mainGoal: string | undefined): StepPrefill => ({
  event: ASSIGN,
  values: { origin: 'cm_plan', ...(mainGoal ? { need: mainGoal } : {}) },
});
