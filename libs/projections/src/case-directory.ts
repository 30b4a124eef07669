import { CASE_EVENTS } from '@app/engine';
import type { ReadModelDb, TableSpec } from './read-model-db';
import type { StoredEventMessage } from './stored-event-message';

/**
 * The few case facts several read models join on (unit, responsible social
 * worker, revision), kept per projection so each owns all of its tables.
 */
export class CaseDirectory {
  constructor(
    private readonly db: ReadModelDb,
    private readonly table: string,
  ) {}

  spec(): TableSpec {
    return {
      name: this.table,
      ddl: [
        `CREATE TABLE ${this.table} (
           case_id TEXT PRIMARY KEY, unit TEXT NOT NULL, reference TEXT NOT NULL,
           social_worker_id TEXT NOT NULL, revision INTEGER NOT NULL)`,
      ],
    };
  }

  /** Call for every event: records the case on CaseOpened and keeps worker and revision current. */
  track(message: StoredEventMessage): void {
    const { data, caseId } = message;
    const revision = message.event.revision;
    if (message.event.type === CASE_EVENTS.opened) {
      this.db.run(
        `INSERT INTO ${this.table} (case_id, unit, reference, social_worker_id, revision)
         VALUES (:caseId, :unit, :reference, :socialWorkerId, :revision)`,
        { caseId, unit: data.unit, reference: data.reference, socialWorkerId: data.socialWorkerId, revision },
      );
    } else if (message.event.type === CASE_EVENTS.caseworkerChanged) {
      this.db.run(
        `UPDATE ${this.table} SET social_worker_id = :to, revision = :revision WHERE case_id = :caseId`,
        {
          caseId,
          to: data.to,
          revision,
        },
      );
    } else {
      this.db.run(`UPDATE ${this.table} SET revision = :revision WHERE case_id = :caseId`, {
        caseId,
        revision,
      });
    }
  }

  of(caseId: string): { unit: string; reference: string; social_worker_id: string; revision: number } {
    const row = this.db.get<{ unit: string; reference: string; social_worker_id: string; revision: number }>(
      `SELECT unit, reference, social_worker_id, revision FROM ${this.table} WHERE case_id = :caseId`,
      { caseId },
    );
    if (!row) throw new Error(`case ${caseId} has events but no CaseOpened`);
    return row;
  }
}
