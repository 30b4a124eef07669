import { Injectable } from '@nestjs/common';
import { CaseEffects, ProcessRegistry } from '@app/engine';
import { ReadModelDb } from '../read-model-db';
import { Projection } from '../projection';
import { historyLabel } from '../labels';
import { ALL_MESSAGES, type StoredEventMessage } from '../stored-event-message';

/** Every event of every case, in order, with who, when, what (in Swedish) and the state before and after. */
@Injectable()
export class CaseHistoryProjection extends Projection {
  readonly handles = [...ALL_MESSAGES];
  readonly name = 'caseHistory';

  constructor(
    db: ReadModelDb,
    registry: ProcessRegistry,
    private readonly effects: CaseEffects,
  ) {
    super(db, registry);
  }

  readonly tables = [
    {
      name: 'ch_events',
      ddl: [
        `CREATE TABLE ch_events (
           case_id TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL,
           label TEXT NOT NULL, actor_id TEXT, role TEXT, occurred_at TEXT NOT NULL,
           instance_id TEXT, definition_id TEXT, definition_version INTEGER,
           state_before TEXT, state_after TEXT, data TEXT NOT NULL, correlation_id TEXT, command_id TEXT,
           PRIMARY KEY (case_id, revision))`,
      ],
    },
  ];

  protected apply(message: StoredEventMessage): void {
    const { event } = message;
    const instance = message.instance;
    this.db.run(
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
