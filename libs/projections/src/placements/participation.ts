import type { ReadModelDb } from '@app/read-model';

/**
 * Each client's time in placements, per placing unit, as runs: placements
 * that overlap are one run, and the gap to the next run is kept on the row
 * before it. From these a person can be counted once over any period
 * (ADR 0036): runs that reach into it, less the gaps between two of them
 * that both do.
 */
export const participationTable = {
  name: 'pl_participation',
  ddl: [
    `CREATE TABLE pl_participation (
       case_id TEXT NOT NULL, unit TEXT NOT NULL, run INTEGER NOT NULL, kon TEXT, age_band TEXT,
       started_on TEXT NOT NULL, ended_on TEXT, next_started_on TEXT, PRIMARY KEY (case_id, unit, run))`,
  ],
};

interface Run {
  unit: string;
  started_on: string;
  ended_on: string | null;
}

function runsOf(placements: readonly Run[]): Run[] {
  const runs: Run[] = [];
  for (const p of placements) {
    const last = runs[runs.length - 1];
    if (last && last.unit === p.unit && (last.ended_on === null || p.started_on <= last.ended_on))
      last.ended_on = last.ended_on === null || p.ended_on === null ? null : max(last.ended_on, p.ended_on);
    else runs.push({ ...p });
  }
  return runs;
}
const max = (a: string, b: string) => (a > b ? a : b);

/** Works the case's runs out again from its started placements and its latest facts. */
export function recordParticipation(db: ReadModelDb, caseId: string): void {
  db.run('DELETE FROM pl_participation WHERE case_id = :caseId', { caseId });
  const placements = db.all<Run>(
    `SELECT unit, started_on, ended_on FROM pl_placements
     WHERE case_id = :caseId AND started_on IS NOT NULL ORDER BY unit, started_on`,
    { caseId },
  );
  const facts = db.get<{ kon: string | null; age_band: string | null }>(
    'SELECT kon, age_band FROM pl_case_facts WHERE case_id = :caseId',
    { caseId },
  );
  const runs = runsOf(placements);
  runs.forEach((run, i) => {
    const next = runs[i + 1];
    db.run(
      `INSERT INTO pl_participation (case_id, unit, run, kon, age_band, started_on, ended_on, next_started_on)
       VALUES (:caseId, :unit, :i, :kon, :ageBand, :started_on, :ended_on, :next)`,
      {
        ...run,
        caseId,
        i,
        kon: facts?.kon ?? null,
        ageBand: facts?.age_band ?? null,
        next: next?.unit === run.unit ? next.started_on : null,
      },
    );
  });
}
