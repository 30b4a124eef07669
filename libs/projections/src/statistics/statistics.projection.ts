import { CASE_EVENTS, topStepOf, type ProcessRegistry, type StateMeta } from '@app/engine';
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
           entered_at TEXT NOT NULL, wait_reason TEXT, PRIMARY KEY (case_id, instance_id))`,
        'CREATE INDEX st_instance_steps_unit ON st_instance_steps (unit, active)',
      ],
    },
    {
      name: 'st_step_waits',
      ddl: [
        `CREATE TABLE st_step_waits (
           case_id TEXT NOT NULL, instance_id TEXT NOT NULL, unit TEXT NOT NULL, definition_id TEXT NOT NULL,
           process_title TEXT NOT NULL, step TEXT NOT NULL, step_title TEXT NOT NULL,
           entered_at TEXT NOT NULL, left_at TEXT NOT NULL, left_revision INTEGER NOT NULL, wait_reason TEXT,
           PRIMARY KEY (case_id, left_revision))`,
        'CREATE INDEX st_step_waits_unit ON st_step_waits (unit)',
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
        this.deactivate(db, caseId, String(data.instanceId));
        return;
      case CASE_EVENTS.stepCorrected:
        this.undoStep(db, message);
        return;
      case CASE_EVENTS.stepWaitRecorded:
        db.run(
          `UPDATE st_instance_steps SET wait_reason = :reason
           WHERE case_id = :caseId AND instance_id = :instanceId AND active = 1`,
          { caseId, instanceId: data.instanceId, reason: data.reason },
        );
        return;
      case CASE_EVENTS.processEnded:
        // Ended early: the step it stood at was waited in until now.
        this.leaveStep(db, message, String(data.instanceId));
        this.deactivate(db, caseId, String(data.instanceId));
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

  /**
   * A step recorded by mistake and corrected never happened for the
   * statistics: the wait it closed is open again from when it began, and the
   * BIP phase it recorded is gone.
   */
  private undoStep(db: ReadModelDb, message: StoredEventMessage): void {
    const key = {
      caseId: message.caseId,
      instanceId: String(message.data.instanceId),
      revision: Number(message.data.correctedRevision),
    };
    db.run('DELETE FROM st_bip_phases WHERE case_id = :caseId AND revision = :revision', key);
    const left = db.get<{ step: string; step_title: string; entered_at: string; wait_reason: string | null }>(
      `SELECT step, step_title, entered_at, wait_reason FROM st_step_waits
       WHERE case_id = :caseId AND left_revision = :revision AND instance_id = :instanceId`,
      key,
    );
    if (!left) return;
    db.run('DELETE FROM st_step_waits WHERE case_id = :caseId AND left_revision = :revision', key);
    db.run(
      `UPDATE st_instance_steps SET step = :step, step_title = :stepTitle, active = 1, entered_at = :enteredAt,
         wait_reason = :waitReason
       WHERE case_id = :caseId AND instance_id = :instanceId`,
      {
        ...key,
        step: left.step,
        stepTitle: left.step_title,
        enteredAt: left.entered_at,
        waitReason: left.wait_reason,
      },
    );
  }

  /** A change's missing part made good later: the hand-over written, the client told. */
  private handoverDone(db: ReadModelDb, message: StoredEventMessage): void {
    const column = HANDOVER_STEPS[message.event.type];
    if (column)
      db.run(`UPDATE st_caseworker_changes SET ${column} = 0 WHERE case_id = :caseId`, {
        caseId: message.caseId,
      });
  }

  private deactivate(db: ReadModelDb, caseId: string, instanceId: string): void {
    db.run('UPDATE st_instance_steps SET active = 0 WHERE case_id = :caseId AND instance_id = :instanceId', {
      caseId,
      instanceId,
    });
  }

  /** The instance leaves the step it stood at: the time it stood there is one wait of that step. */
  private leaveStep(db: ReadModelDb, message: StoredEventMessage, instanceId: string): void {
    db.run(
      `INSERT OR IGNORE INTO st_step_waits (case_id, instance_id, unit, definition_id, process_title, step, step_title,
         entered_at, left_at, left_revision, wait_reason)
       SELECT case_id, instance_id, unit, definition_id, process_title, step, step_title, entered_at, :at, :revision,
         wait_reason
       FROM st_instance_steps WHERE case_id = :caseId AND instance_id = :instanceId AND active = 1`,
      { caseId: message.caseId, instanceId, at: message.occurredAt, revision: message.event.revision },
    );
  }

  /**
   * The top-level step an instance stands at, and since when: what "cases per
   * process step" counts and what a step's waiting time is measured from.
   * Moving to another step closes the wait in the one it left; a final
   * state is no step anyone waits in.
   */
  private recordStep(db: ReadModelDb, message: StoredEventMessage): void {
    const instance = message.instance;
    if (!instance || instance.stateAfter === null) return;
    const definition = this.registry.get(instance.definitionId, instance.version);
    const value = instance.stateAfter as StateValue;
    const step = topStepOf(value);
    const current = db.get<{ step: string }>(
      'SELECT step FROM st_instance_steps WHERE case_id = :caseId AND instance_id = :instanceId',
      { caseId: message.caseId, instanceId: instance.instanceId },
    );
    if (current?.step === step) return;
    if (current) this.leaveStep(db, message, instance.instanceId);
    const node = (definition.machine.root as AnyStateNode).states[step];
    db.run(
      `INSERT INTO st_instance_steps (case_id, instance_id, unit, definition_id, process_title, step, step_title,
         active, entered_at)
       VALUES (:caseId, :instanceId, :unit, :definitionId, :processTitle, :step, :stepTitle, :active, :at)
       ON CONFLICT (case_id, instance_id) DO UPDATE SET step = excluded.step, step_title = excluded.step_title,
         active = excluded.active, entered_at = excluded.entered_at, wait_reason = NULL`,
      {
        caseId: message.caseId,
        instanceId: instance.instanceId,
        unit: caseFacts(db, message.caseId).unit,
        definitionId: definition.id,
        processTitle: definition.title,
        step,
        stepTitle: (node?.meta as StateMeta | undefined)?.title ?? step,
        active: node?.type === 'final' ? 0 : 1,
        at: message.occurredAt,
      },
    );
  }
}

export const statisticsProjection: ProjectionFactory = ({ registry }) => new StatisticsProjection(registry);
