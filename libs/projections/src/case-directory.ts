import { CASE_EVENTS } from '@app/engine';
import {
  type Projection,
  type ProjectionFactory,
  type ReadModelDb,
  ALL_MESSAGES,
  type StoredEventMessage,
} from '@app/read-model';

/** The one table of case facts the read models join on. */
export const CASES_TABLE = 'rm_cases';

/**
 * The few case facts several read models join on (unit, pseudonym,
 * responsible social worker, revision), kept once for all of them. The
 * runner calls it before the others for every event, so a read model
 * applying CaseOpened already finds the case here.
 */
class CaseDirectoryProjection implements Projection {
  readonly handles = [...ALL_MESSAGES];
  readonly name = 'caseDirectory';
  readonly tables = [
    {
      name: CASES_TABLE,
      ddl: [
        `CREATE TABLE ${CASES_TABLE} (
           case_id TEXT PRIMARY KEY, unit TEXT NOT NULL, reference TEXT NOT NULL,
           social_worker_id TEXT NOT NULL, revision INTEGER NOT NULL)`,
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data, caseId } = message;
    const revision = message.event.revision;
    if (message.event.type === CASE_EVENTS.opened) {
      db.run(
        `INSERT INTO ${CASES_TABLE} (case_id, unit, reference, social_worker_id, revision)
         VALUES (:caseId, :unit, :reference, :socialWorkerId, :revision)`,
        { caseId, unit: data.unit, reference: data.reference, socialWorkerId: data.socialWorkerId, revision },
      );
    } else if (message.event.type === CASE_EVENTS.caseworkerChanged) {
      db.run(
        `UPDATE ${CASES_TABLE} SET social_worker_id = :to, revision = :revision WHERE case_id = :caseId`,
        { caseId, to: data.to, revision },
      );
    } else {
      if (message.event.type === CASE_EVENTS.referenceChanged) replaceReference(db, CASES_TABLE, message);
      db.run(`UPDATE ${CASES_TABLE} SET revision = :revision WHERE case_id = :caseId`, {
        caseId,
        revision,
      });
    }
  }
}

/** A read model's sealed copies of the case's reference, replaced by a corrected one (a journal reference alone changes none). */
export function replaceReference(db: ReadModelDb, table: string, message: StoredEventMessage): void {
  if (message.data.reference === undefined) return;
  db.run(`UPDATE ${table} SET reference = :reference WHERE case_id = :caseId`, {
    caseId: message.caseId,
    reference: message.data.reference,
  });
}

/** The shared case facts, for the read models that copy them into their rows. */
export function caseFacts(
  db: ReadModelDb,
  caseId: string,
): { unit: string; reference: string; social_worker_id: string; revision: number } {
  const row = db.get<{ unit: string; reference: string; social_worker_id: string; revision: number }>(
    `SELECT unit, reference, social_worker_id, revision FROM ${CASES_TABLE} WHERE case_id = :caseId`,
    { caseId },
  );
  if (!row) throw new Error(`case ${caseId} has events but no CaseOpened`);
  return row;
}

export const caseDirectoryProjection: ProjectionFactory = () => new CaseDirectoryProjection();
