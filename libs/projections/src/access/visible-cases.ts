import type { AccessScope } from '@app/access';

/** Internal workers (the deadline worker) read every case; no person ever gets this. */
export const EVERY_CASE = 'everyCase';
export type ReadScope = AccessScope | typeof EVERY_CASE;

/**
 * `<column> IN visible cases`, the same rules as `canSee` in @app/access,
 * in SQL. Fixed text with JSON-array parameters, so no query is assembled
 * from caller input.
 */
export function visibleCases(column: string): string {
  return `(:acEvery = 1 OR ${column} IN (
    SELECT a.case_id FROM ac_cases a
    WHERE a.unit IN (SELECT value FROM json_each(:acWholeUnits))
       OR (a.referred_to_cm = 1 AND a.unit IN (SELECT value FROM json_each(:acCaseManagerUnits)))
       OR (a.unit IN (SELECT value FROM json_each(:acSocialWorkerUnits))
           AND EXISTS (SELECT 1 FROM ac_social_workers w WHERE w.user_id = :acUserId AND w.case_id = a.case_id))))`;
}

export function visibilityParams(scope: ReadScope): Record<string, unknown> {
  if (scope === EVERY_CASE) {
    return {
      acEvery: 1,
      acWholeUnits: '[]',
      acCaseManagerUnits: '[]',
      acSocialWorkerUnits: '[]',
      acUserId: null,
    };
  }
  return {
    acEvery: 0,
    acWholeUnits: JSON.stringify(scope.wholeUnits),
    acCaseManagerUnits: JSON.stringify(scope.caseManagerUnits),
    acSocialWorkerUnits: JSON.stringify(scope.socialWorkerUnits),
    acUserId: scope.userId,
  };
}
