import { CASE_EVENTS, type ProcessRegistry, type StateMeta } from '@app/engine';
import type { AnyStateNode, StateValue } from 'xstate';
import { caseFacts } from '../case-directory';
import {
  type Projection,
  type ProjectionFactory,
  ALL_MESSAGES,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';

/** The steps of a change's tasks, and the flag each clears. */
const HANDOVER_STEPS: Readonly<Record<string, string>> = {
  HandoverWritten: 'handover_missing',
  ClientInformed: 'client_uninformed',
};

/**
 * What supervisors analyse at group level: BIP phases recorded over time,
 * how many cases stand at each process step, and caseworker changes.
 */
class StatisticsProjection implements Projection {
  constructor(private readonly registry: ProcessRegistry) {}
  readonly handles = [...ALL_MESSAGES];
  readonly name = 'statistics';
  readonly tables = [
    {
      name: 'st_opened',
      ddl: [
        'CREATE TABLE st_opened (case_id TEXT PRIMARY KEY, unit TEXT NOT NULL, opened_at TEXT NOT NULL)',
        'CREATE INDEX st_opened_unit ON st_opened (unit)',
      ],
    },
    {
      name: 'st_bip_phases',
      ddl: [
        `CREATE TABLE st_bip_phases (
           case_id TEXT NOT NULL, revision INTEGER NOT NULL, unit TEXT NOT NULL, phase INTEGER NOT NULL,
           recorded_at TEXT NOT NULL, PRIMARY KEY (case_id, revision))`,
        'CREATE INDEX st_bip_unit ON st_bip_phases (unit, recorded_at)',
      ],
    },
    {
      name: 'st_instance_steps',
      ddl: [
        `CREATE TABLE st_instance_steps (
           case_id TEXT NOT NULL, instance_id TEXT NOT NULL, unit TEXT NOT NULL, definition_id TEXT NOT NULL,
           process_title TEXT NOT NULL, step TEXT NOT NULL, step_title TEXT NOT NULL, active INTEGER NOT NULL,
           PRIMARY KEY (case_id, instance_id))`,
        'CREATE INDEX st_instance_steps_unit ON st_instance_steps (unit, active)',
      ],
    },
    {
      name: 'st_caseworker_changes',
      ddl: [
        `CREATE TABLE st_caseworker_changes (
           case_id TEXT NOT NULL, revision INTEGER NOT NULL, unit TEXT NOT NULL, changed_at TEXT NOT NULL,
           reason TEXT, handover_missing INTEGER NOT NULL DEFAULT 0, client_uninformed INTEGER NOT NULL DEFAULT 0,
           PRIMARY KEY (case_id, revision))`,
        'CREATE INDEX st_caseworker_changes_unit ON st_caseworker_changes (unit)',
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { caseId, data } = message;
    const key = { caseId, revision: message.event.revision, at: message.occurredAt };
    switch (message.event.type) {
      case CASE_EVENTS.opened:
        db.run('INSERT INTO st_opened (case_id, unit, opened_at) VALUES (:caseId, :unit, :at)', {
          ...key,
          unit: data.unit,
        });
        return;
      case CASE_EVENTS.caseworkerChanged:
        db.run(
          `INSERT INTO st_caseworker_changes (case_id, revision, unit, changed_at, reason, handover_missing,
             client_uninformed)
           VALUES (:caseId, :revision, :unit, :at, :reason, :handoverMissing, :clientUninformed)`,
          {
            ...key,
            unit: caseFacts(db, caseId).unit,
            reason: data.reason ?? null,
            // Changes from before the hand-over was asked for are not counted as missing one.
            handoverMissing: data.reason !== undefined && data.handover === undefined ? 1 : 0,
            clientUninformed: data.reason !== undefined && data.clientInformed === undefined ? 1 : 0,
          },
        );
        return;
      case CASE_EVENTS.processCompleted:
      case CASE_EVENTS.processEnded:
        db.run(
          'UPDATE st_instance_steps SET active = 0 WHERE case_id = :caseId AND instance_id = :instanceId',
          { caseId, instanceId: data.instanceId },
        );
        return;
      default: {
        this.handoverDone(db, message);
        const payload = data.payload as Record<string, unknown> | undefined;
        if (typeof payload?.bipPhase === 'number') {
          db.run(
            `INSERT INTO st_bip_phases (case_id, revision, unit, phase, recorded_at)
             VALUES (:caseId, :revision, :unit, :phase, :at)`,
            { ...key, unit: caseFacts(db, caseId).unit, phase: payload.bipPhase },
          );
        }
        this.recordStep(db, message);
      }
    }
  }

  /** A change's missing part made good later: the hand-over written, the client told. */
  private handoverDone(db: ReadModelDb, message: StoredEventMessage): void {
    const column = HANDOVER_STEPS[message.event.type];
    if (column)
      db.run(`UPDATE st_caseworker_changes SET ${column} = 0 WHERE case_id = :caseId`, {
        caseId: message.caseId,
      });
  }

  /** The top-level step an instance stands at: what "cases per process step" counts. */
  private recordStep(db: ReadModelDb, message: StoredEventMessage): void {
    const instance = message.instance;
    if (!instance || instance.stateAfter === null) return;
    const definition = this.registry.get(instance.definitionId, instance.version);
    const value = instance.stateAfter as StateValue;
    const step = typeof value === 'string' ? value : Object.keys(value)[0];
    const node = (definition.machine.root as AnyStateNode).states[step];
    db.run(
      `INSERT INTO st_instance_steps (case_id, instance_id, unit, definition_id, process_title, step, step_title, active)
       VALUES (:caseId, :instanceId, :unit, :definitionId, :processTitle, :step, :stepTitle, 1)
       ON CONFLICT (case_id, instance_id) DO UPDATE SET step = excluded.step, step_title = excluded.step_title`,
      {
        caseId: message.caseId,
        instanceId: instance.instanceId,
        unit: caseFacts(db, message.caseId).unit,
        definitionId: definition.id,
        processTitle: definition.title,
        step,
        stepTitle: (node?.meta as StateMeta | undefined)?.title ?? step,
      },
    );
  }
}

export const statisticsProjection: ProjectionFactory = ({ registry }) => new StatisticsProjection(registry);
