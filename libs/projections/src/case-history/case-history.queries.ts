import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModelDb } from '../read-model-db';

export interface HistoryEntry {
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  /** Swedish: what happened. */
  readonly label: string;
  readonly actor: { readonly id: string | null; readonly role: string | null };
  readonly occurredAt: string;
  readonly process: {
    readonly instanceId: string;
    readonly definitionId: string;
    readonly version: number;
    readonly stateBefore: unknown;
    readonly stateAfter: unknown;
  } | null;
  readonly data: unknown;
  readonly correlationId: string | null;
  readonly commandId: string | null;
}

/** The full timeline of one case, oldest first; undefined when the read model has no such case. */
export class CaseHistoryQuery extends Query<HistoryEntry[] | undefined> {
  constructor(readonly caseId: string) {
    super();
  }
}

interface Row {
  revision: number;
  event_id: string;
  type: string;
  label: string;
  actor_id: string | null;
  role: string | null;
  occurred_at: string;
  instance_id: string | null;
  definition_id: string | null;
  definition_version: number | null;
  state_before: string | null;
  state_after: string | null;
  data: string;
  correlation_id: string | null;
  command_id: string | null;
}

@QueryHandler(CaseHistoryQuery)
export class CaseHistoryHandler implements IQueryHandler<CaseHistoryQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ caseId }: CaseHistoryQuery): Promise<HistoryEntry[] | undefined> {
    const rows = this.db.all<Row>('SELECT * FROM ch_events WHERE case_id = :caseId ORDER BY revision', {
      caseId,
    });
    if (rows.length === 0) return Promise.resolve(undefined);
    return Promise.resolve(
      rows.map((row) => ({
        revision: row.revision,
        eventId: row.event_id,
        type: row.type,
        label: row.label,
        actor: { id: row.actor_id, role: row.role },
        occurredAt: row.occurred_at,
        process:
          row.instance_id !== null
            ? {
                instanceId: row.instance_id,
                definitionId: row.definition_id ?? '',
                version: row.definition_version ?? 0,
                stateBefore: JSON.parse(row.state_before ?? 'null') as unknown,
                stateAfter: JSON.parse(row.state_after ?? 'null') as unknown,
              }
            : null,
        data: JSON.parse(row.data) as unknown,
        correlationId: row.correlation_id,
        commandId: row.command_id,
      })),
    );
  }
}
