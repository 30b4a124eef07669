import { CASE_EVENTS, type ProcessRegistry } from '@app/engine';
import { activeStatePaths, activeTasks } from '@app/workflow';
import type { StateValue } from 'xstate';
import {
  type Projection,
  type ProjectionFactory,
  ALL_MESSAGES,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

/** One row per case with what the case list filters on, plus its instances and open deadlines. */
class CaseListProjection implements Projection {
  constructor(private readonly registry: ProcessRegistry) {}
  readonly handles = [...ALL_MESSAGES];
  readonly name = 'caseList';
  readonly tables = [
    {
      name: 'cl_cases',
      ddl: [
        `CREATE TABLE cl_cases (
           case_id TEXT PRIMARY KEY, reference TEXT NOT NULL, unit TEXT NOT NULL, social_worker_id TEXT NOT NULL,
           opened_at TEXT NOT NULL, updated_at TEXT NOT NULL, revision INTEGER NOT NULL,
           bip_phase INTEGER, caseworker_changes INTEGER NOT NULL DEFAULT 0,
           has_progressionsplan INTEGER NOT NULL DEFAULT 0, journal_ref TEXT, erased_at TEXT,
           closed_at TEXT, close_reason TEXT, reference_revision INTEGER)`,
        // The few cases whose reference was corrected, for the search index to index them again.
        'CREATE INDEX cl_cases_reference_changed ON cl_cases (reference_revision) WHERE reference_revision IS NOT NULL',
        // The few erased cases, for the search index to forget them at once.
        'CREATE INDEX cl_cases_erased ON cl_cases (erased_at) WHERE erased_at IS NOT NULL',
        'CREATE INDEX cl_cases_unit ON cl_cases (unit, updated_at)',
        'CREATE INDEX cl_cases_worker ON cl_cases (social_worker_id)',
      ],
    },
    {
      name: 'cl_instances',
      ddl: [
        `CREATE TABLE cl_instances (
           case_id TEXT NOT NULL, instance_id TEXT NOT NULL, definition_id TEXT NOT NULL, version INTEGER NOT NULL,
           process_title TEXT NOT NULL, state_value TEXT NOT NULL, steps TEXT NOT NULL, status TEXT NOT NULL,
           follow_up_owner TEXT,
           started_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (case_id, instance_id))`,
        // With case_id last, "has this case an active instance of X" is one index seek, not a walk over every unit's.
        'CREATE INDEX cl_instances_definition ON cl_instances (definition_id, status, case_id)',
      ],
    },
    {
      name: 'cl_instance_paths',
      ddl: [
        `CREATE TABLE cl_instance_paths (
           case_id TEXT NOT NULL, instance_id TEXT NOT NULL, state_path TEXT NOT NULL,
           PRIMARY KEY (case_id, instance_id, state_path))`,
        'CREATE INDEX cl_instance_paths_path ON cl_instance_paths (state_path)',
      ],
    },
    {
      name: 'cl_deadlines',
      ddl: [
        `CREATE TABLE cl_deadlines (deadline_id TEXT NOT NULL, case_id TEXT NOT NULL, due_at TEXT NOT NULL,
           PRIMARY KEY (case_id, deadline_id))`,
        'CREATE INDEX cl_deadlines_case ON cl_deadlines (case_id, due_at)',
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data, caseId } = message;
    const at = { caseId, at: message.occurredAt, revision: message.event.revision };
    if (message.event.type === CASE_EVENTS.opened) {
      db.run(
        `INSERT INTO cl_cases (case_id, reference, unit, social_worker_id, opened_at, updated_at, revision,
           journal_ref)
         VALUES (:caseId, :reference, :unit, :socialWorkerId, :at, :at, :revision, :journalRef)`,
        {
          ...at,
          reference: data.reference,
          unit: data.unit,
          socialWorkerId: data.socialWorkerId,
          journalRef: data.journalRef ?? null,
        },
      );
      return;
    }
    db.run('UPDATE cl_cases SET updated_at = :at, revision = :revision WHERE case_id = :caseId', at);
    switch (message.event.type) {
      case CASE_EVENTS.caseworkerChanged:
        db.run(
          `UPDATE cl_cases SET social_worker_id = :to, caseworker_changes = caseworker_changes + 1
           WHERE case_id = :caseId`,
          { caseId, to: data.to },
        );
        return;
      case CASE_EVENTS.erased:
        db.run('UPDATE cl_cases SET erased_at = :at WHERE case_id = :caseId', at);
        return;
      case CASE_EVENTS.closed:
        db.run('UPDATE cl_cases SET closed_at = :at, close_reason = :reason WHERE case_id = :caseId', {
          ...at,
          reason: data.reason,
        });
        return;
      case CASE_EVENTS.reopened:
        db.run('UPDATE cl_cases SET closed_at = NULL, close_reason = NULL WHERE case_id = :caseId', at);
        return;
      case CASE_EVENTS.referenceChanged:
        db.run(
          `UPDATE cl_cases SET reference = coalesce(:reference, reference),
             journal_ref = coalesce(:journalRef, journal_ref), reference_revision = :revision
           WHERE case_id = :caseId`,
          { ...at, reference: data.reference ?? null, journalRef: data.journalRef ?? null },
        );
        return;
      case CASE_EVENTS.progressionsplanRecorded:
        db.run('UPDATE cl_cases SET has_progressionsplan = 1 WHERE case_id = :caseId', { caseId });
        return;
      case CASE_EVENTS.followUpOwnerChanged:
        db.run(
          'UPDATE cl_instances SET follow_up_owner = :owner WHERE case_id = :caseId AND instance_id = :instanceId',
          { caseId, instanceId: data.instanceId, owner: data.owner },
        );
        return;
      case CASE_EVENTS.deadlineScheduled:
        db.run('INSERT INTO cl_deadlines (deadline_id, case_id, due_at) VALUES (:id, :caseId, :dueAt)', {
          id: data.deadlineId,
          caseId,
          dueAt: data.dueAt,
        });
        return;
      case CASE_EVENTS.deadlineCancelled:
      case CASE_EVENTS.deadlineReached:
        db.run('DELETE FROM cl_deadlines WHERE case_id = :caseId AND deadline_id = :id', {
          caseId,
          id: data.deadlineId,
        });
        this.updateInstance(db, message);
        return;
      case CASE_EVENTS.stepCorrected:
        // The phase the corrected step recorded is taken back with it.
        if (data.bipPhaseBefore !== undefined)
          db.run('UPDATE cl_cases SET bip_phase = :phase WHERE case_id = :caseId', {
            caseId,
            phase: data.bipPhaseBefore,
          });
        this.updateInstance(db, message);
        return;
      case CASE_EVENTS.processCompleted:
        db.run(
          `UPDATE cl_instances SET status = 'completed', follow_up_owner = NULL
           WHERE case_id = :caseId AND instance_id = :instanceId`,
          { caseId, instanceId: data.instanceId },
        );
        return;
      case CASE_EVENTS.processEnded:
        db.run(
          `UPDATE cl_instances SET status = 'ended', steps = '[]', follow_up_owner = NULL, updated_at = :at
           WHERE case_id = :caseId AND instance_id = :instanceId`,
          { caseId, instanceId: data.instanceId, at: message.occurredAt },
        );
        db.run('DELETE FROM cl_instance_paths WHERE case_id = :caseId AND instance_id = :instanceId', {
          caseId,
          instanceId: data.instanceId,
        });
        return;
      default: {
        const payload = data.payload as Record<string, unknown> | undefined;
        if (typeof payload?.bipPhase === 'number') {
          db.run('UPDATE cl_cases SET bip_phase = :phase WHERE case_id = :caseId', {
            caseId,
            phase: payload.bipPhase,
          });
        }
        this.updateInstance(db, message);
      }
    }
  }

  private updateInstance(db: ReadModelDb, message: StoredEventMessage): void {
    const instance = message.instance;
    if (!instance) return;
    const definition = this.registry.get(instance.definitionId, instance.version);
    const value = instance.stateAfter as StateValue | null;
    const key = { caseId: message.caseId, instanceId: instance.instanceId };
    const steps = activeTasks(definition, value).map((task) => task.title);
    db.run(
      `INSERT INTO cl_instances (case_id, instance_id, definition_id, version, process_title, state_value, steps,
         status, started_at, updated_at)
       VALUES (:caseId, :instanceId, :definitionId, :version, :title, :value, :steps, 'active', :at, :at)
       ON CONFLICT (case_id, instance_id) DO UPDATE SET
         state_value = excluded.state_value, steps = excluded.steps, updated_at = excluded.updated_at`,
      {
        ...key,
        definitionId: definition.id,
        version: definition.version,
        title: definition.title,
        value: JSON.stringify(value),
        steps: JSON.stringify(steps),
        at: message.occurredAt,
      },
    );
    db.run('DELETE FROM cl_instance_paths WHERE case_id = :caseId AND instance_id = :instanceId', key);
    for (const path of activeStatePaths(definition, value)) {
      db.run(
        'INSERT INTO cl_instance_paths (case_id, instance_id, state_path) VALUES (:caseId, :instanceId, :path)',
        { ...key, path },
      );
    }
  }
}

export const caseListProjection: ProjectionFactory = ({ registry }) => new CaseListProjection(registry);
