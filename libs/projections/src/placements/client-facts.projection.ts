import { CASE_EVENTS } from '@app/engine';
import {
  CaseErased,
  ClientFactsRecorded,
  type Projection,
  type ProjectionFactory,
  type ReadModelDb,
  type StoredEventMessage,
} from '@app/read-model';
import { caseFacts } from '../case-directory';
import { tallyTable, tallyTriggers } from '../tallies/calendar-tallies';

/** The cases by unit, target group and reason, by the day each became aktuell på bistånd (ADR 0036). */
export const CLIENT_FACT_TALLIES = 'pl_client_fact_tallies';
const TARGET_GROUPS_TALLY = {
  tally: 'targetGroups',
  on: 'pl_client_facts',
  day: '$.aktuell_sedan',
  keys: ['$.unit', '$.target_group', '$.reason_code'],
  when: 'true',
};

/**
 * The latest facts recorded for the target groups of each case (aktuell
 * på bistånd, reason, target group), by unit, and the tally the report
 * counts them with. Kön and age band are kept by the placements
 * projection, beside the runs they break participants down by. Gone with
 * the case.
 */
class ClientFactsProjection implements Projection {
  readonly handles = [ClientFactsRecorded, CaseErased];
  readonly name = 'clientFacts';
  readonly tables = [
    tallyTable(CLIENT_FACT_TALLIES),
    {
      name: 'pl_client_facts',
      ddl: [
        `CREATE TABLE pl_client_facts (
           case_id TEXT PRIMARY KEY, unit TEXT NOT NULL, aktuell_sedan TEXT NOT NULL, reason_code TEXT NOT NULL, target_group TEXT NOT NULL)`,
        ...tallyTriggers(CLIENT_FACT_TALLIES, 'pl_client_facts', [TARGET_GROUPS_TALLY]),
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { caseId, data } = message;
    if (message.event.type === CASE_EVENTS.erased) {
      db.run('DELETE FROM pl_client_facts WHERE case_id = :caseId', { caseId });
      return;
    }
    db.run(
      `INSERT INTO pl_client_facts (case_id, unit, aktuell_sedan, reason_code, target_group)
       VALUES (:caseId, :unit, :aktuellSedan, :reasonCode, :targetGroup)
       ON CONFLICT (case_id) DO UPDATE SET aktuell_sedan = excluded.aktuell_sedan, reason_code = excluded.reason_code,
         target_group = excluded.target_group`,
      {
        caseId,
        unit: caseFacts(db, caseId).unit,
        aktuellSedan: data.aktuellSedan,
        reasonCode: data.reasonCode,
        targetGroup: data.targetGroup,
      },
    );
  }
}

export const clientFactsProjection: ProjectionFactory = () => new ClientFactsProjection();
