import type { CaseEffects, ProcessRegistry } from '@app/engine';
import {
  type ReadModelDb,
  type Projection,
  type ProjectionFactory,
  ALL_MESSAGES,
  type StoredEventMessage,
} from '@app/read-model';
import { historyLabel } from '../labels';

/** Every event of every case, in order, with who, when, what (in Swedish) and the state before and after. */
class CaseHistoryProjection implements Projection {
  constructor(
    private readonly registry: ProcessRegistry,
    private readonly effects: CaseEffects,
  ) {}
  readonly handles = [...ALL_MESSAGES];
  readonly name = 'caseHistory';

  readonly tables = [
    {
      name: 'ch_events',
      ddl: [
        `CREATE TABLE ch_events (
           case_id TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL,
           label TEXT NOT NULL, actor_id TEXT, role TEXT, occurred_at TEXT NOT NULL,
           instance_id TEXT, definition_id TEXT, definition_version INTEGER,
           state_before TEXT, state_after TEXT, data TEXT NOT NULL, correlation_id TEXT, command_id TEXT,
           PRIMARY KEY (case_id, revision))
         -- labels say "tidsgräns" (issue 18): a changed table rebuilds, so stored labels follow`,
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { event } = message;
    const instance = message.instance;
    db.run(
      `INSERT INTO ch_events (case_id, revision, event_id, type, label, actor_id, role, occurred_at, instance_id,
         definition_id, definition_version, state_before, state_after, data, correlation_id, command_id)
       VALUES (:caseId, :revision, :eventId, :type, :label, :actorId, :role, :occurredAt, :instanceId,
         :definitionId, :definitionVersion, :stateBefore, :stateAfter, :data, :correlationId, :commandId)`,
      {
        caseId: message.caseId,
        revision: event.revision,
        eventId: event.id,
        type: event.type,
        label: historyLabel(this.registry, message, this.effects),
        actorId: event.metadata.actorId ?? null,
        role: event.metadata.role ?? null,
        occurredAt: message.occurredAt,
        instanceId: instance?.instanceId ?? null,
        definitionId: instance?.definitionId ?? null,
        definitionVersion: instance?.version ?? null,
        stateBefore: instance ? JSON.stringify(instance.stateBefore) : null,
        stateAfter: instance ? JSON.stringify(instance.stateAfter) : null,
        data: JSON.stringify(event.data),
        correlationId: event.metadata.correlationId ?? null,
        commandId: event.metadata.commandId ?? null,
      },
    );
  }
}

export const caseHistoryProjection: ProjectionFactory = ({ registry, effects }) =>
  new CaseHistoryProjection(registry, effects);
