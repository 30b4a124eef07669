import { useId, useState, type ReactNode } from 'react';
import { api, describeError } from '../api/client';
import type { MyTasks, QueueTask, QueueTaskPage } from '../api/types';
import { countOf, dueText, formatDate, sinceText } from '../format';
import { isSocialWorker, roleName } from '../roles';
import { Link } from '../router';
import { useMe, useMyTasks } from '../signed-in';
import { useSocialWorkers } from '../staff';
import { usePageTitle } from './page-title';
import { TableRegion } from '../components/table-region';
import { TaskAssignment, type Outcome } from '../components/task-assignment';
import { PlanTasks } from '../components/plan-tasks';
import { firstViewLoading } from '../first-view';

/** The most urgent of each queue: the list draws fifty at a time, and the counts come from the whole queues. */
const QUEUE_LIMIT = 100;

/**
 * A task made because a tidsgräns passed (a reminder, an escalation) is as
 * late as that tidsgräns, though it has none of its own.
 */
export const isLate = (task: QueueTask) => task.overdue || task.missedDeadline !== null;
const dueOf = (task: QueueTask) => task.dueAt ?? task.missedDeadline?.dueAt ?? null;

/** Late first, then the earliest due, then the oldest: the order work should be done in. */
export function byUrgency(a: QueueTask, b: QueueTask): number {
  if (isLate(a) !== isLate(b)) return isLate(a) ? -1 : 1;
  const [dueA, dueB] = [dueOf(a), dueOf(b)];
  if (dueA !== dueB) return dueA === null ? 1 : dueB === null ? -1 : dueA.localeCompare(dueB);
  return a.since.localeCompare(b.since);
}

/** My tasks: those assigned to me and my roles' unassigned ones, once each. */
export async function loadMyTasks(signal: AbortSignal): Promise<MyTasks> {
  const early = prefetched;
  prefetched = undefined;
  if (early && Date.now() - early.at < PREFETCH_FRESH_MS) {
    const tasks = await early.tasks;
    if (tasks) return tasks;
  }
  return fetchMyTasks(signal);
}

/** A prefetch older than this is not used: the list shown is never staler than a reload would be. */
const PREFETCH_FRESH_MS = 5000;
let prefetched: { readonly at: number; readonly tasks: Promise<MyTasks | undefined> } | undefined;

/**
 * Starts loading the task list while the app asks who is signed in, so the
 * first page does not wait for one answer before asking the next
 * (bench/web). A caller without a task list (403) just finds none.
 */
export function prefetchMyTasks(): void {
  prefetched = {
    at: Date.now(),
    tasks: fetchMyTasks(new AbortController().signal).catch(() => undefined),
  };
  firstViewLoading(prefetched.tasks);
}

async function fetchMyTasks(signal: AbortSignal): Promise<MyTasks> {
  const [mine, roles] = await Promise.all([
    api<QueueTaskPage>('/api/queues/mine', { query: { limit: QUEUE_LIMIT }, signal }),
    api<QueueTaskPage>('/api/queues/role', { query: { limit: QUEUE_LIMIT }, signal }),
  ]);
  // Assigned and unassigned tasks are apart, so the totals add up.
  const total = mine.total + roles.total;
  const seen = new Set<string>();
  const items = [...mine.items, ...roles.items].filter((task) => {
    const key = `${task.caseId}/${task.instanceId}/${task.step.statePath}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { items: items.sort(byUrgency), total, late: mine.late + roles.late };
}

/** The most urgent first, a page at a time: a list of a thousand rows is slow to draw and to read. */
const ROWS = 50;

const STATUS_FILTERS = {
  alla: { label: 'Alla', keep: () => true },
  forsenade: { label: 'Försenade', keep: isLate },
  eskalerade: { label: 'Eskalerade', keep: (t: QueueTask) => t.escalated },
  'i-tid': { label: 'I tid', keep: (t: QueueTask) => !isLate(t) && !t.escalated },
} as const;
type StatusFilter = keyof typeof STATUS_FILTERS;

export function MyTasksView() {
  usePageTitle('Mina uppgifter');
  const me = useMe();
  const tasks = useMyTasks();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [process, setProcess] = useState('');
  const [status, setStatus] = useState<StatusFilter>('alla');
  const [rows, setRows] = useState(ROWS);
  const id = useId();
  const all = tasks.data?.items ?? [];
  const processes = [...new Map(all.map((task) => [task.definitionId, task.process])).entries()];
  const shown = all.filter(
    (task) => (!process || task.definitionId === process) && STATUS_FILTERS[status].keep(task),
  );
  const late = tasks.data?.late ?? 0;
  // My queue holds others' tasks only where I cover for them, so any other assignee is the absent one.
  const covered = all.filter((task) => task.assignee !== null && task.assignee !== me.id);
  const workers = useSocialWorkers([...new Set(covered.map((task) => task.unit))].sort());
  const absentName = (id: string) =>
    `${workers.data?.find((worker) => worker.id === id)?.name ?? 'En kollega'} (du är vikarie)`;
  const done = (next: Outcome) => {
    setOutcome(next);
    tasks.reload();
  };

  return (
    <>
      <h1>Mina uppgifter</h1>
      <p className="lead" aria-live="polite">
        {tasks.data
          ? `${countOf(tasks.data.total, 'uppgift', 'uppgifter')}, varav ${countOf(late, 'försenad', 'försenade')}.`
          : 'Hämtar uppgifter…'}
      </p>
      {tasks.data && tasks.data.total > all.length && (
        <p className="notice">
          Visar de {all.length} mest brådskande uppgifterna av {tasks.data.total}. Resten visas när de här är
          gjorda.
        </p>
      )}
      {tasks.error !== undefined && <p role="alert">{describeError(tasks.error)}</p>}
      <div className="filters" role="group" aria-label="Filtrera uppgifterna">
        <div className="field">
          <label htmlFor={`${id}-process`}>Process</label>
          <select
            id={`${id}-process`}
            value={process}
            onChange={(e) => {
              setRows(ROWS);
              setProcess(e.target.value);
            }}
          >
            <option value="">Alla processer</option>
            {processes.map(([definitionId, title]) => (
              <option key={definitionId} value={definitionId}>
                {title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => {
              setRows(ROWS);
              setStatus(e.target.value as StatusFilter);
            }}
          >
            {Object.entries(STATUS_FILTERS).map(([value, filter]) => (
              <option key={value} value={value}>
                {filter.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="status">
        {outcome && !outcome.refused ? outcome.text : ''}
      </p>
      {outcome?.refused && <p role="alert">{outcome.text}</p>}
      <TaskTable
        tasks={shown.slice(0, rows)}
        caption="Uppgifter, försenade först och sedan efter tidsgräns"
        nameOf={absentName}
        actions={(task) => <TaskAssignment task={task} onDone={done} />}
      />
      {shown.length > rows && (
        <button type="button" onClick={() => setRows((n) => n + ROWS)}>
          Visa {Math.min(ROWS, shown.length - rows)} till av {shown.length - rows} återstående
        </button>
      )}
      {isSocialWorker(me) && <PlanTasks />}
    </>
  );
}

export function TaskTable({
  tasks,
  caption,
  showLane = true,
  nameOf = () => undefined,
  actions,
}: {
  tasks: QueueTask[];
  caption: string;
  showLane?: boolean;
  /** A colleague's name by id, where the table lists others' tasks (the team's queue). */
  nameOf?: (id: string) => string | undefined;
  /** What the user can do with a task (take it, hand it on), where the table lists their own. */
  actions?: (task: QueueTask) => ReactNode;
}) {
  const me = useMe();
  if (tasks.length === 0) return <p>Inga uppgifter.</p>;
  const who = (task: QueueTask) =>
    task.assignee === me.id ? 'Du' : ((task.assignee && nameOf(task.assignee)) ?? roleName(task.lane));
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            <th scope="col">Process</th>
            <th scope="col">Steg</th>
            {showLane && <th scope="col">Ansvarig</th>}
            <th scope="col">Sedan</th>
            <th scope="col">Tidsgräns</th>
            <th scope="col">Status</th>
            {actions && <th scope="col">Åtgärd</th>}
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr
              key={`${task.caseId}/${task.instanceId}/${task.step.statePath}`}
              className={isLate(task) ? 'overdue' : undefined}
            >
              <th scope="row">
                <Link href={`/arenden/${encodeURIComponent(task.caseId)}`}>{task.reference}</Link>
              </th>
              <td>{task.process}</td>
              <td>{task.step.title}</td>
              {showLane && <td>{who(task)}</td>}
              <td>
                {formatDate(task.since)} <span className="muted">({sinceText(task.since)})</span>
              </td>
              <td>
                <DueCell due={dueOf(task)} />
              </td>
              <td>
                {task.escalated ? (
                  <span className="tag tag-escalated">
                    Eskalerad{task.escalationReason ? `: ${task.escalationReason}` : ''}
                  </span>
                ) : isLate(task) ? (
                  <span className="tag tag-overdue">Försenad</span>
                ) : (
                  <span className="tag">I tid</span>
                )}
              </td>
              {actions && <td>{actions(task)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

const DueCell = ({ due }: { due: string | null }) =>
  due ? (
    <>
      senast {formatDate(due)} <span className="muted">({dueText(due)})</span>
    </>
  ) : (
    'Ingen tidsgräns'
  );
