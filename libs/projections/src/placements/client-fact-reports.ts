import { AGE_BANDS, KON, REASON_CODES, TARGET_GROUPS } from '@app/engine';
import type { ReadModelDb } from '@app/read-model';
import { dayBefore, tallyRunning, tallyThrough, tallyThroughBoth } from '../tallies/tally-reads';
import { PLACEMENT_TALLIES } from './placement-tallies';
import { CLIENT_FACT_TALLIES } from './client-facts.projection';
import { byText, type Built, type ReportPeriod } from './tallied-reports';

const MISSING = 'Uppgift saknas';
/** Keys of the tallies hold a missing fact as ''. */
const named = (terms: Readonly<Record<string, string>>, key: unknown) =>
  typeof key === 'string' && key !== '' ? (terms[key] ?? key) : MISSING;

/**
 * People in a placement during the period by kön and age band [004, 001]:
 * each person once per unit, however many placements they had; those
 * whose facts were never recorded counted as "uppgift saknas", so the
 * total still matches. Runs that reach into the period, less the gaps
 * between two runs that both do (participation.ts).
 */
export function participantsByGroup(db: ReadModelDb, { units, from, to }: ReportPeriod): Built {
  const before = dayBefore(from);
  const gaps = (day: string) => tallyThroughBoth(db, PLACEMENT_TALLIES, 'runGap', day, to, units);
  const [gapsTo, gapsBefore] = [gaps(to), gaps(before)];
  const runs = tallyRunning(
    db,
    PLACEMENT_TALLIES,
    { started: 'runStarted', ended: 'runEnded' },
    from,
    to,
    units,
  );
  const rows = [...runs]
    .map(([key, run]) => ({
      keys: run.keys,
      n: run.n - ((gapsTo.get(key)?.n ?? 0) - (gapsBefore.get(key)?.n ?? 0)),
    }))
    .filter((r) => r.n !== 0);
  return {
    columns: [
      { key: 'unit', label: 'Placerande enhet', kind: 'text' },
      { key: 'kon', label: 'Kön', kind: 'text' },
      { key: 'ageBand', label: 'Åldersgrupp (som registrerad)', kind: 'text' },
      { key: 'participants', label: 'Deltagare', kind: 'count' },
    ],
    rows: rows
      .sort(
        (a, b) =>
          byText(a.keys[0], b.keys[0]) || byText(a.keys[1], b.keys[1]) || byText(a.keys[2], b.keys[2]),
      )
      .map(({ keys: [unit, kon, ageBand], n }) => ({
        unit: String(unit),
        kon: named(KON, kon),
        ageBand: named(AGE_BANDS, ageBand),
        participants: n,
      })),
  };
}

/**
 * The cases of each unit by target group and main reason for bistånd,
 * aktuell by the end of the period [001]: how many the insatser are for,
 * and how many are in the other groups.
 */
export function targetGroups(db: ReadModelDb, { units, to }: ReportPeriod): Built {
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
