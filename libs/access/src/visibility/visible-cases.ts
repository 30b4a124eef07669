import type { AccessScope } from '../rules/case-visibility';

/** Internal workers (the deadline worker) read every case; no person ever gets this. */
export const EVERY_CASE = 'everyCase';
export type ReadScope = AccessScope | typeof EVERY_CASE;

/**
 * `<column> IN visible cases`, the same rules as `canSee` in @app/access,
 * in SQL. Fixed text with JSON-array parameters, so no query is assembled
 * from caller input.
 */
export function visibleCases(column: string): string {
  // One branch per rule, each a search of the unit index: an OR across them makes SQLite scan every case.
  return `(:acEvery = 1 OR ${column} IN (
    SELECT a.case_id FROM ac_cases a WHERE a.unit IN (SELECT value FROM json_each(:acWholeUnits))
    UNION ALL
    SELECT a.case_id FROM ac_cases a
    WHERE a.unit IN (SELECT value FROM json_each(:acCaseManagerUnits)) AND a.referred_to_cm = 1
    UNION ALL
    SELECT w.case_id FROM ac_social_workers w JOIN ac_cases a ON a.case_id = w.case_id
    WHERE w.user_id = :acUserId AND a.unit IN (SELECT value FROM json_each(:acSocialWorkerUnits))
    UNION ALL
    SELECT a.case_id FROM json_each(:acMentees) m JOIN ac_cases a
      ON a.social_worker_id = json_extract(m.value, '$.menteeId') AND a.unit = json_extract(m.value, '$.unit')))`;
}

export function visibilityParams(scope: ReadScope): Record<string, unknown> {
  if (scope === EVERY_CASE) {
    return {
      acEvery: 1,
      acWholeUnits: '[]',
      acCaseManagerUnits: '[]',
      acSocialWorkerUnits: '[]',
      acMentees: '[]',
      acUserId: null,
    };
  }
  return {
    acEvery: 0,
    acWholeUnits: JSON.stringify(scope.wholeUnits),
    acCaseManagerUnits: JSON.stringify(scope.caseManagerUnits),
    acSocialWorkerUnits: JSON.stringify(scope.socialWorkerUnits),
    // A cover sees the absent worker's current cases as a mentor sees a mentee's: one rule, one index search.
    acMentees: JSON.stringify([
      ...scope.mentees,
      ...scope.covered.map((c) => ({ menteeId: c.absentId, unit: c.unit })),
    ]),
    acUserId: scope.userId,
  };
}
