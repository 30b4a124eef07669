import { CASE_EVENTS } from '@app/engine';
import { CASE_MANAGER_PROCESS } from '../rules/case-visibility';
import {
  type Projection,
  type ProjectionFactory,
  CaseClosed,
  CaseErased,
  CaseOpened,
  CaseReopened,
  CaseworkerChanged,
  ProcessStarted,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

/**
 * What case visibility turns on (unit, every social worker ever
 * responsible, referral to CM), for filtering every other read model; and
 * when the case was closed ("Avsluta ärendet"), for retention. A case
 * whose processes have all ended is not closed: the aid case goes on, and
 * erasing it by a rule would lose it (ADR 0034).
 * All projections commit in one transaction per batch, so this table is
 * never behind or ahead of the rows it filters.
 */
class CaseAccessProjection implements Projection {
  readonly handles = [CaseOpened, CaseworkerChanged, ProcessStarted, CaseClosed, CaseReopened, CaseErased];
  readonly name = 'caseAccess';
  readonly tables = [
    {
      name: 'ac_cases',
      ddl: [
        `CREATE TABLE ac_cases (
           case_id TEXT PRIMARY KEY, unit TEXT NOT NULL, referred_to_cm INTEGER NOT NULL DEFAULT 0,
           closed_at TEXT, erased INTEGER NOT NULL DEFAULT 0,
           social_worker_id TEXT NOT NULL)`,
        'CREATE INDEX ac_cases_unit ON ac_cases (unit, referred_to_cm)',
        'CREATE INDEX ac_cases_social_worker ON ac_cases (social_worker_id, unit)',
        'CREATE INDEX ac_cases_closed ON ac_cases (closed_at) WHERE closed_at IS NOT NULL AND erased = 0',
      ],
    },
    {
      name: 'ac_social_workers',
      ddl: [
        `CREATE TABLE ac_social_workers (
           user_id TEXT NOT NULL, case_id TEXT NOT NULL, PRIMARY KEY (user_id, case_id))`,
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data, caseId } = message;
    switch (message.event.type) {
      case CASE_EVENTS.opened:
        db.run(
          'INSERT INTO ac_cases (case_id, unit, social_worker_id) VALUES (:caseId, :unit, :socialWorkerId)',
          {
            caseId,
            unit: data.unit,
            socialWorkerId: data.socialWorkerId,
          },
        );
        this.worker(db, caseId, data.socialWorkerId);
        return;
      case CASE_EVENTS.caseworkerChanged:
        this.worker(db, caseId, data.to);
        db.run('UPDATE ac_cases SET social_worker_id = :to WHERE case_id = :caseId', { caseId, to: data.to });
        return;
      case CASE_EVENTS.closed:
        db.run('UPDATE ac_cases SET closed_at = :at WHERE case_id = :caseId', {
          caseId,
          at: message.occurredAt,
        });
        return;
      case CASE_EVENTS.reopened:
        db.run('UPDATE ac_cases SET closed_at = NULL WHERE case_id = :caseId', { caseId });
        return;
      case CASE_EVENTS.erased:
        db.run('UPDATE ac_cases SET erased = 1 WHERE case_id = :caseId', { caseId });
        return;
      default:
        db.run('UPDATE ac_cases SET referred_to_cm = referred_to_cm OR :cm WHERE case_id = :caseId', {
          caseId,
          cm: data.definitionId === CASE_MANAGER_PROCESS ? 1 : 0,
        });
    }
  }

  private worker(db: ReadModelDb, caseId: string, userId: unknown): void {
    db.run('INSERT OR IGNORE INTO ac_social_workers (user_id, case_id) VALUES (:userId, :caseId)', {
      userId,
      caseId,
    });
  }
}

export const caseAccessProjection: ProjectionFactory = () => new CaseAccessProjection();
