import { AGE_BANDS, KON, REASON_CODES, TARGET_GROUPS } from '@app/engine';
import type { ReadModelDb } from '@app/read-model';
import { tallyThrough } from '../tallies/calendar-tallies';
import { CLIENT_FACT_TALLIES } from './client-facts.projection';
import type { Built, ReportPeriod } from './tallied-reports';

type Row = Record<string, unknown>;
const MISSING = 'Uppgift saknas';
const named = (terms: Readonly<Record<string, string>>, key: unknown) =>
  typeof key === 'string' ? (terms[key] ?? key) : MISSING;

/**
 * People in a placement during the period by kön and age band [004, 001]:
 * each person once per unit, however many placements they had; those
 * whose facts were never recorded counted as "uppgift saknas", so the
 * total still matches.
 */
export function participantsByGroup(db: ReadModelDb, { units, from, to }: ReportPeriod): Built {
  // Two fixed texts rather than `:all = 1 OR ...`, which would keep SQLite from the unit index.
  const inUnits = units === undefined ? '1 = 1' : 'p.unit IN (SELECT value FROM json_each(:units))';
  return {
    columns: [
      { key: 'unit', label: 'Placerande enhet', kind: 'text' },
      { key: 'kon', label: 'Kön', kind: 'text' },
      { key: 'ageBand', label: 'Åldersgrupp (som registrerad)', kind: 'text' },
      { key: 'participants', label: 'Deltagare', kind: 'count' },
    ],
    rows: db
      .all<Row>(
        `SELECT p.unit, f.kon, f.age_band, count(DISTINCT p.case_id) AS n
         FROM pl_placements p LEFT JOIN pl_client_facts f ON f.case_id = p.case_id
         WHERE p.started_on IS NOT NULL AND p.started_on <= :to AND (p.ended_on IS NULL OR p.ended_on >= :from)
           AND ${inUnits}
         GROUP BY p.unit, f.kon, f.age_band ORDER BY p.unit, f.kon, f.age_band`,
        { from, to, units: JSON.stringify(units ?? []) },
      )
      .map((r) => ({
        unit: r.unit as string,
        kon: named(KON, r.kon),
        ageBand: named(AGE_BANDS, r.age_band),
        participants: r.n as number,
      })),
  };
}

/**
 * The cases of each unit by target group and main reason for bistånd,
 * aktuell by the end of the period [001]: how many the insatser are for,
 * and how many are in the other groups.
 */
export function targetGroups(db: ReadModelDb, { units, to }: ReportPeriod): Built {
  const byText = (a: unknown, b: unknown) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
  return {
    columns: [
      { key: 'unit', label: 'Enhet', kind: 'text' },
      { key: 'targetGroup', label: 'Målgrupp', kind: 'text' },
      { key: 'reasonCode', label: 'Huvudsaklig orsak till bistånd', kind: 'text' },
      { key: 'cases', label: 'Ärenden', kind: 'count' },
    ],
    rows: [...tallyThrough(db, CLIENT_FACT_TALLIES, 'targetGroups', to, units).values()]
      .filter((t) => t.n !== 0)
      .sort((a, b) => byText(a.keys[0], b.keys[0]) || byText(a.keys[1], b.keys[1]) || b.n - a.n)
      .map(({ keys: [unit, targetGroup, reasonCode], n }) => ({
        unit: String(unit),
        targetGroup: named(TARGET_GROUPS, targetGroup),
        reasonCode: named(REASON_CODES, reasonCode),
        cases: n,
      })),
  };
}
