import { CASE_EVENTS, FOLLOW_UP_LANES, type ProcessRegistry, type Role } from '@app/engine';
import { deadlineOwner } from '@app/workflow';
import { caseFacts, replaceReference } from '../case-directory';
import {
  type Projection,
  type ProjectionFactory,
  ALL_MESSAGES,
  type StoredEventMessage,
  type ReadModelDb,
} from '@app/read-model';
import { tasksAfter } from '../instance-state';

/** The lanes whose tasks follow the instance's follow-up owner. */
const FOLLOW_UP_LANES_SQL = FOLLOW_UP_LANES.map((lane) => `'${lane}'`).join(', ');

/** A task row's columns, shared by the open tasks and those a step took away. */
const TASK_COLUMNS = `case_id TEXT NOT NULL, instance_id TEXT NOT NULL, state_id TEXT NOT NULL,
  definition_id TEXT NOT NULL, process_title TEXT NOT NULL, state_path TEXT NOT NULL,
  title TEXT NOT NULL, kind TEXT NOT NULL, lane TEXT NOT NULL, definition_lane TEXT NOT NULL,
  unit TEXT NOT NULL, reference TEXT NOT NULL, assignee TEXT,
  since TEXT NOT NULL, due_at TEXT, deadline_id TEXT, deadline_title TEXT,
  escalated INTEGER NOT NULL DEFAULT 0, escalation_reason TEXT,
  missed_deadline_title TEXT, missed_deadline_due_at TEXT, created_by_command TEXT`;
const TASK_COLUMN_NAMES = TASK_COLUMNS.split(',')
  .map((column) => column.trim().split(/\s+/)[0])
  .join(', ');

/**
 * One row per open task: a node of a running process instance that waits on
 * a role. Tasks in the social worker's lane are assigned to the case's
 * responsible social worker; the other lanes are role queues.
 */
class WorkQueueProjection implements Projection {
  constructor(private readonly registry: ProcessRegistry) {}
  readonly handles = [...ALL_MESSAGES];
  readonly name = 'workQueue';
  readonly tables = [
    {
      name: 'wq_tasks',
      ddl: [
        `CREATE TABLE wq_tasks (${TASK_COLUMNS}, PRIMARY KEY (case_id, instance_id, state_id))`,
        'CREATE INDEX wq_tasks_assignee ON wq_tasks (assignee)',
        // A role queue is the unassigned tasks of (lane, unit) pairs: one seek per pair.
        'CREATE INDEX wq_tasks_lane ON wq_tasks (lane, unit, assignee)',
        'CREATE INDEX wq_tasks_unit ON wq_tasks (unit)',
      ],
    },
    {
      // The tasks an instance's latest step took away, as they were: a correction of that step gives them back.
      name: 'wq_tasks_left',
      ddl: [
        `CREATE TABLE wq_tasks_left (${TASK_COLUMNS}, left_revision INTEGER NOT NULL)`,
        'CREATE INDEX wq_tasks_left_instance ON wq_tasks_left (case_id, instance_id, left_revision)',
      ],
    },
    {
      name: 'wq_follow_ups',
      ddl: [
        `CREATE TABLE wq_follow_ups (
           case_id TEXT NOT NULL, instance_id TEXT NOT NULL, owner TEXT NOT NULL, escalated INTEGER NOT NULL,
           reason TEXT, PRIMARY KEY (case_id, instance_id))`,
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data, caseId } = message;
    switch (message.event.type) {
      case CASE_EVENTS.caseworkerChanged:
        db.run(`UPDATE wq_tasks SET assignee = :to WHERE case_id = :caseId AND lane = 'socialsekreterare'`, {
          caseId,
          to: data.to,
        });
        return;
      case CASE_EVENTS.deadlineScheduled:
        this.attachDeadline(db, message);
        return;
      case CASE_EVENTS.taskAssigned:
        db.run(
          `UPDATE wq_tasks SET assignee = :to
           WHERE case_id = :caseId AND instance_id = :instanceId AND state_path = :statePath`,
          { caseId, to: data.to, instanceId: data.instanceId, statePath: data.statePath },
        );
        return;
      case CASE_EVENTS.erased:
        db.run('DELETE FROM wq_tasks WHERE case_id = :caseId', { caseId });
        db.run('DELETE FROM wq_tasks_left WHERE case_id = :caseId', { caseId });
        return;
      case CASE_EVENTS.referenceChanged:
        replaceReference(db, 'wq_tasks', message);
        return;
      case CASE_EVENTS.deadlineCancelled:
        db.run(
          `UPDATE wq_tasks SET due_at = NULL, deadline_id = NULL, deadline_title = NULL
           WHERE case_id = :caseId AND deadline_id = :id`,
          { caseId, id: data.deadlineId },
        );
        return;
      case CASE_EVENTS.followUpOwnerChanged:
        this.followUpChanged(db, message);
        return;
      case CASE_EVENTS.processCompleted:
      case CASE_EVENTS.processEnded:
        db.run('DELETE FROM wq_follow_ups WHERE case_id = :caseId AND instance_id = :instanceId', {
          caseId,
          instanceId: data.instanceId,
        });
        this.syncTasks(db, message);
        return;
      default:
        this.syncTasks(db, message);
    }
  }

  /**
   * The instance's follow-up tasks (Rehabansvarig's and the biträdande's
   * lanes) go to whoever owns its follow-up now: an escalation moves them
   * into the biträdande enhetschef's queue, a hand-back moves them back.
   */
  private followUpChanged(db: ReadModelDb, message: StoredEventMessage): void {
    const { data, caseId } = message;
    const followUp = {
      caseId,
      instanceId: data.instanceId,
      owner: data.owner,
      escalated: data.escalated ? 1 : 0,
      reason: data.escalated ? (data.reason ?? null) : null,
    };
    db.run(
      `INSERT INTO wq_follow_ups (case_id, instance_id, owner, escalated, reason)
       VALUES (:caseId, :instanceId, :owner, :escalated, :reason)
       ON CONFLICT (case_id, instance_id) DO UPDATE SET
         owner = excluded.owner, escalated = excluded.escalated, reason = excluded.reason`,
      followUp,
    );
    db.run(
      `UPDATE wq_tasks SET lane = :owner, assignee = NULL, escalated = :escalated, escalation_reason = :reason
       WHERE case_id = :caseId AND instance_id = :instanceId AND definition_lane IN (${FOLLOW_UP_LANES_SQL})`,
      followUp,
    );
  }

  private syncTasks(db: ReadModelDb, message: StoredEventMessage): void {
    const tasks = tasksAfter(this.registry, message);
    const instance = message.instance;
    if (!tasks || !instance) return;
    const key = { caseId: message.caseId, instanceId: instance.instanceId };
    const open = db
      .all<{ state_id: string }>(
        'SELECT state_id FROM wq_tasks WHERE case_id = :caseId AND instance_id = :instanceId',
        key,
      )
      .map((row) => row.state_id);
    const stays = new Set(tasks.map((task) => task.stateId));
    const revision = message.event.revision;
    for (const stateId of open.filter((id) => !stays.has(id))) {
      const row = { ...key, stateId, revision };
      db.run(
        `INSERT INTO wq_tasks_left SELECT *, :revision FROM wq_tasks
         WHERE case_id = :caseId AND instance_id = :instanceId AND state_id = :stateId`,
        row,
      );
      db.run(
        'DELETE FROM wq_tasks WHERE case_id = :caseId AND instance_id = :instanceId AND state_id = :stateId',
        row,
      );
    }
    if (message.event.type === CASE_EVENTS.stepCorrected) {
      // The step never happened: its tasks come back as they were (since, assignee, a missed tidsgräns).
      db.run(
        `INSERT OR IGNORE INTO wq_tasks SELECT ${TASK_COLUMN_NAMES} FROM wq_tasks_left
         WHERE case_id = :caseId AND instance_id = :instanceId AND left_revision = :corrected
           AND state_id IN (SELECT value FROM json_each(:stays))`,
        { ...key, corrected: message.data.correctedRevision, stays: JSON.stringify([...stays]) },
      );
      open.push(
        ...db
          .all<{ state_id: string }>(
            'SELECT state_id FROM wq_tasks WHERE case_id = :caseId AND instance_id = :instanceId',
            key,
          )
          .map((row) => row.state_id),
      );
    }
    // Only the latest step can be corrected: what earlier steps took away is not kept.
    db.run(
      'DELETE FROM wq_tasks_left WHERE case_id = :caseId AND instance_id = :instanceId AND left_revision < :revision',
      { ...key, revision },
    );
    const theCase = caseFacts(db, message.caseId);
    const definition = this.registry.get(instance.definitionId, instance.version);
    const missed =
      message.event.type === CASE_EVENTS.deadlineReached
        ? {
            title: definition.deadlines[String(message.data.name)]?.title ?? String(message.data.name),
            dueAt: String(message.data.dueAt),
          }
        : undefined;
    const followUp = db.get<{ owner: string; escalated: number; reason: string | null }>(
      'SELECT owner, escalated, reason FROM wq_follow_ups WHERE case_id = :caseId AND instance_id = :instanceId',
      key,
    );
    for (const task of tasks.filter((t) => !open.includes(t.stateId))) {
      const followedUp = followUp !== undefined && FOLLOW_UP_LANES.includes(task.lane as Role);
      db.run(
        `INSERT INTO wq_tasks (case_id, instance_id, state_id, definition_id, process_title, state_path, title, kind,
           lane, definition_lane, unit, reference, assignee, since, escalated, escalation_reason,
           missed_deadline_title, missed_deadline_due_at, created_by_command)
         VALUES (:caseId, :instanceId, :stateId, :definitionId, :processTitle, :statePath, :title, :kind,
           :lane, :definitionLane, :unit, :reference, :assignee, :since, :escalated, :escalationReason,
           :missedTitle, :missedDueAt, :commandId)`,
        {
          ...key,
          stateId: task.stateId,
          definitionId: definition.id,
          processTitle: definition.title,
          statePath: task.statePath,
          title: task.title,
          kind: task.kind,
          lane: followedUp ? followUp.owner : task.lane,
          definitionLane: task.lane,
          escalated: followedUp ? followUp.escalated : 0,
          escalationReason: followedUp ? followUp.reason : null,
          unit: theCase.unit,
          reference: theCase.reference,
          assignee: task.lane === 'socialsekreterare' ? theCase.social_worker_id : null,
          since: message.occurredAt,
          missedTitle: missed?.title ?? null,
          missedDueAt: missed?.dueAt ?? null,
          commandId: (message.event.metadata.commandId as string | undefined) ?? null,
        },
      );
    }
  }

  private attachDeadline(db: ReadModelDb, message: StoredEventMessage): void {
    const instance = message.instance;
    if (!instance) return;
    const definition = this.registry.get(instance.definitionId, instance.version);
    const owner = deadlineOwner(definition, String(message.data.machineEvent));
    db.run(
      `UPDATE wq_tasks SET due_at = :dueAt, deadline_id = :deadlineId, deadline_title = :title
       WHERE case_id = :caseId AND instance_id = :instanceId AND state_id = :stateId`,
      {
        caseId: message.caseId,
        instanceId: instance.instanceId,
        stateId: owner.stateId,
        dueAt: message.data.dueAt,
        deadlineId: message.data.deadlineId,
        title: message.data.title,
      },
    );
  }
}

export const workQueueProjection: ProjectionFactory = ({ registry }) => new WorkQueueProjection(registry);
