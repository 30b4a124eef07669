import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModelDb } from '@app/read-model';

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

/** Where a page of history starts: after this revision (none: from the first event), at most `limit` entries. */
export interface HistoryCursor {
  readonly after?: number;
  /** Absent: every entry from the cursor on, for the full export. */
  readonly limit?: number;
  /**
   * The case's revision as the log says now: the answer waits (briefly) for
   * the read model to reach it, so a client always sees its own last step.
   */
  readonly throughRevision?: number;
  /** Only the entries that match every filter given; the cursor still counts revisions. */
  readonly filter?: HistoryFilter;
}

/** What a reader narrows the history to: one process, one kind of event, one person, a period. */
export interface HistoryFilter {
  readonly definitionId?: string;
  readonly instanceId?: string;
  readonly type?: string;
  readonly actorId?: string;
  /** Instants, inclusive and exclusive: the period the reader chose, on the Swedish clock. */
  readonly since?: string;
  readonly before?: string;
}

/** What the case's history holds to filter by: its processes, kinds of event and people. */
export interface HistoryFacets {
  readonly processes: readonly { readonly definitionId: string; readonly version: number }[];
  readonly types: readonly {
    readonly type: string;
    readonly definitionId: string | null;
    readonly version: number | null;
  }[];
  readonly actorIds: readonly string[];
}

/** How long a history waits for the read model to reach the case's revision before it answers as it is. */
const READ_YOUR_WRITES_MS = 3000;

export interface HistoryPage {
  readonly entries: HistoryEntry[];
  /** The cursor for the next page (`after`), or null when this page reaches the newest event. */
  readonly next: number | null;
}

/** One case's timeline, oldest first, a page at a time; undefined when the read model has no such case. */
export class CaseHistoryQuery extends Query<HistoryPage | undefined> {
  constructor(
    readonly caseId: string,
    readonly cursor: HistoryCursor = {},
  ) {
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

  async execute({ caseId, cursor }: CaseHistoryQuery): Promise<HistoryPage | undefined> {
    if (cursor.throughRevision !== undefined) await this.reached(caseId, cursor.throughRevision);
    const known = this.db.get<{ n: number }>('SELECT 1 AS n FROM ch_events WHERE case_id = :caseId LIMIT 1', {
      caseId,
    });
    if (!known) return undefined;
    const filter = cursor.filter ?? {};
    // One row more than asked shows whether another page follows.
    const rows = this.db.all<Row>(
      `SELECT * FROM ch_events WHERE case_id = :caseId AND revision > :after
         AND (:definitionId IS NULL OR definition_id = :definitionId)
         AND (:instanceId IS NULL OR instance_id = :instanceId)
         AND (:type IS NULL OR type = :type)
         AND (:actorId IS NULL OR actor_id = :actorId)
         AND (:since IS NULL OR occurred_at >= :since)
         AND (:before IS NULL OR occurred_at < :before)
       ORDER BY revision LIMIT :limit`,
      {
        caseId,
        after: cursor.after ?? -1,
        limit: cursor.limit === undefined ? -1 : cursor.limit + 1,
        definitionId: filter.definitionId ?? null,
        instanceId: filter.instanceId ?? null,
        type: filter.type ?? null,
        actorId: filter.actorId ?? null,
        since: filter.since ?? null,
        before: filter.before ?? null,
      },
    );
    const more = cursor.limit !== undefined && rows.length > cursor.limit;
    const page = more ? rows.slice(0, cursor.limit) : rows;
    return {
      next: more ? page[page.length - 1].revision : null,
      entries: page.map((row) => ({
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
    };
  }

  private async reached(caseId: string, revision: number): Promise<void> {
    const until = Date.now() + READ_YOUR_WRITES_MS;
    while (Date.now() < until) {
      const newest = this.db.get<{ revision: number | null }>(
        'SELECT max(revision) AS revision FROM ch_events WHERE case_id = :caseId',
        { caseId },
      )?.revision;
      if (newest != null && newest >= revision) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** The processes, kinds of event and people in one case's history, for its filters; undefined for an unknown case. */
export class CaseHistoryFacetsQuery extends Query<HistoryFacets | undefined> {
  constructor(readonly caseId: string) {
    super();
  }
}

@QueryHandler(CaseHistoryFacetsQuery)
export class CaseHistoryFacetsHandler implements IQueryHandler<CaseHistoryFacetsQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ caseId }: CaseHistoryFacetsQuery): Promise<HistoryFacets | undefined> {
    const types = this.db.all<{
      type: string;
      definition_id: string | null;
      definition_version: number | null;
    }>(
      `SELECT type, definition_id, max(definition_version) AS definition_version FROM ch_events
        WHERE case_id = :caseId GROUP BY type, definition_id ORDER BY min(revision)`,
      { caseId },
    );
    if (types.length === 0) return Promise.resolve(undefined);
    const actors = this.db.all<{ actor_id: string }>(
      `SELECT DISTINCT actor_id FROM ch_events WHERE case_id = :caseId AND actor_id IS NOT NULL`,
      { caseId },
    );
    const processes = new Map<string, number>();
    for (const row of types) {
      if (row.definition_id !== null) processes.set(row.definition_id, row.definition_version ?? 1);
    }
    return Promise.resolve({
      processes: [...processes].map(([definitionId, version]) => ({ definitionId, version })),
      types: types.map((row) => ({
        type: row.type,
        definitionId: row.definition_id,
        version: row.definition_version,
      })),
      actorIds: actors.map((row) => row.actor_id),
    });
  }
}
