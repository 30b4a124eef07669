import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PersonalValue } from '@app/engine';
import { visibilityParams, visibleCases, type ReadScope } from '@app/access';
import { ReadModelDb, type Page, type PageOf } from '@app/read-model';

export type QueueScope =
  /** A person's own tasks, and those of the absent colleagues they cover for. */
  | { readonly kind: 'person'; readonly personId: string; readonly coveringFor?: readonly string[] }
  /** `<unit>:<role>` pairs the person holds; a role's tasks reach them only in units where they hold it. */
  | { readonly kind: 'role'; readonly unitRoles: readonly string[]; readonly unit?: string }
  | { readonly kind: 'team'; readonly unit: string };

export interface QueueTask {
  readonly caseId: string;
  /** The pseudonym, sealed until the disclosure step opens it for a reader cleared to see the case. */
  readonly reference: PersonalValue;
  readonly unit: string;
  readonly instanceId: string;
  readonly definitionId: string;
  readonly process: string;
  readonly step: { readonly statePath: string; readonly title: string; readonly kind: string };
  readonly lane: string;
  readonly assignee: string | null;
  readonly since: string;
  readonly dueAt: string | null;
  readonly deadline: string | null;
  readonly overdue: boolean;
  readonly escalated: boolean;
  readonly escalationReason: string | null;
  readonly missedDeadline: { readonly title: string; readonly dueAt: string } | null;
}

/** A page of a queue, and how many of all its tasks are late: past their tidsgräns, or made by one that passed. */
export type QueuePage = PageOf<QueueTask> & { readonly late: number };

/** Open tasks for a person, a role's unassigned tasks, or a unit's tasks: overdue first, then by due date. */
export class WorkQueueQuery extends Query<QueuePage> {
  constructor(
    readonly scope: QueueScope,
    readonly now: string,
    readonly page: Page,
    readonly access: ReadScope,
  ) {
    super();
  }
}

interface TaskRow {
  case_id: string;
  reference: string;
  unit: string;
  instance_id: string;
  definition_id: string;
  process_title: string;
  state_path: string;
  title: string;
  kind: string;
  lane: string;
  assignee: string | null;
  since: string;
  due_at: string | null;
  deadline_title: string | null;
  escalated: number;
  escalation_reason: string | null;
  missed_deadline_title: string | null;
  missed_deadline_due_at: string | null;
}

const WHERE: Record<QueueScope['kind'], string> = {
  person: 'assignee IN (SELECT value FROM json_each(:personIds))',
  // Pairs as a row value, so the (lane, unit) index serves it; `unit || ':' || lane` no index can.
  role: `(unit, lane) IN (SELECT value ->> 0, value ->> 1 FROM json_each(:unitRoles)) AND assignee IS NULL`,
  team: 'unit = :unit',
};

/** `<unit>:<role>` as `[unit, role]`; a unit id holds no colon, a role name neither. */
const asPair = (unitRole: string) => {
  const at = unitRole.indexOf(':');
  return [unitRole.slice(0, at), unitRole.slice(at + 1)];
};

/** The queue's rows; a role queue narrowed to one unit says so in the SQL, where an index can use it. */
export function workQueueFrom(scope: QueueScope): string {
  const unit = scope.kind === 'role' && scope.unit !== undefined ? ' AND unit = :unit' : '';
  return `FROM wq_tasks WHERE ${WHERE[scope.kind]}${unit} AND ${visibleCases('case_id')}`;
}

@QueryHandler(WorkQueueQuery)
export class WorkQueueHandler implements IQueryHandler<WorkQueueQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ scope, now, page, access }: WorkQueueQuery): Promise<QueuePage> {
    const params = {
      personId: null,
      unit: null,
      ...scope,
      unitRoles: JSON.stringify(scope.kind === 'role' ? scope.unitRoles.map(asPair) : []),
      personIds: JSON.stringify(
        scope.kind === 'person' ? [scope.personId, ...(scope.coveringFor ?? [])] : [],
      ),
      coveringFor: null,
      now,
      ...visibilityParams(access),
    };
    // Both counts in one pass over the queue: with the page's own, a large queue is read twice, not three times.
    const counts = this.db.get<{ total: number; late: number | null }>(
      `SELECT count(*) AS total,
         sum((due_at IS NOT NULL AND due_at < :now) OR missed_deadline_title IS NOT NULL) AS late
       ${workQueueFrom(scope)}`,
      params,
    );
    const rows = this.db.all<TaskRow>(
      `SELECT * ${workQueueFrom(scope)}
       ORDER BY (due_at IS NOT NULL AND due_at < :now) DESC, escalated DESC, due_at IS NULL, due_at, since,
         case_id, state_id
       LIMIT :limit OFFSET :offset`,
      { ...params, limit: page.limit, offset: page.offset },
    );
    return Promise.resolve({
      late: counts?.late ?? 0,
      items: rows.map((row) => toTask(row, now)),
      total: counts?.total ?? 0,
      limit: page.limit,
      offset: page.offset,
    });
  }
}

function toTask(row: TaskRow, now: string): QueueTask {
  return {
    caseId: row.case_id,
    reference: new PersonalValue(row.case_id, row.reference),
    unit: row.unit,
    instanceId: row.instance_id,
    definitionId: row.definition_id,
    process: row.process_title,
    step: { statePath: row.state_path, title: row.title, kind: row.kind },
    lane: row.lane,
    assignee: row.assignee,
    since: row.since,
    dueAt: row.due_at,
    deadline: row.deadline_title,
    overdue: row.due_at !== null && row.due_at < now,
    escalated: row.escalated === 1,
    escalationReason: row.escalation_reason,
    missedDeadline:
      row.missed_deadline_title !== null
        ? { title: row.missed_deadline_title, dueAt: row.missed_deadline_due_at ?? '' }
        : null,
  };
}
