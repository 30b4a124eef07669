import { useId, useState } from 'react';
import { api, describeError } from '../api/client';
import type { MyTasks, Page, QueueTask } from '../api/types';
import { dueText, formatDate, sinceText } from '../format';
import { roleName } from '../roles';
import { Link } from '../router';
import { useMyTasks } from '../signed-in';
import { usePageTitle } from './page-title';

const QUEUE_LIMIT = 500;

/** Overdue first, then the earliest due, then the oldest: the order work should be done in. */
export function byUrgency(a: QueueTask, b: QueueTask): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt !== b.dueAt)
    return a.dueAt === null ? 1 : b.dueAt === null ? -1 : a.dueAt.localeCompare(b.dueAt);
  return a.since.localeCompare(b.since);
}

/** My tasks: those assigned to me and my roles' unassigned ones, once each. */
export async function loadMyTasks(signal: AbortSignal): Promise<MyTasks> {
  const [mine, roles] = await Promise.all([
    api<Page<QueueTask>>('/api/queues/mine', { query: { limit: QUEUE_LIMIT }, signal }),
    api<Page<QueueTask>>('/api/queues/role', { query: { limit: QUEUE_LIMIT }, signal }),
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
  return { items: items.sort(byUrgency), total };
}

const STATUS_FILTERS = {
  alla: { label: 'Alla', keep: () => true },
  forsenade: { label: 'Försenade', keep: (t: QueueTask) => t.overdue },
  eskalerade: { label: 'Eskalerade', keep: (t: QueueTask) => t.escalated },
  'i-tid': { label: 'I tid', keep: (t: QueueTask) => !t.overdue && !t.escalated },
} as const;
type StatusFilter = keyof typeof STATUS_FILTERS;

export function MyTasksView() {
  usePageTitle('Mina uppgifter');
  const tasks = useMyTasks();
  const [process, setProcess] = useState('');
  const [status, setStatus] = useState<StatusFilter>('alla');
  const id = useId();
  const all = tasks.data?.items ?? [];
  const processes = [...new Map(all.map((task) => [task.definitionId, task.process])).entries()];
  const shown = all.filter(
    (task) => (!process || task.definitionId === process) && STATUS_FILTERS[status].keep(task),
  );
  const overdue = all.filter((task) => task.overdue).length;

  return (
    <>
      <h1>Mina uppgifter</h1>
      <p className="lead" aria-live="polite">
        {tasks.data ? `${tasks.data.total} uppgifter, varav ${overdue} försenade.` : 'Hämtar uppgifter…'}
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
          <select id={`${id}-process`} value={process} onChange={(e) => setProcess(e.target.value)}>
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
            onChange={(e) => setStatus(e.target.value as StatusFilter)}
          >
            {Object.entries(STATUS_FILTERS).map(([value, filter]) => (
              <option key={value} value={value}>
                {filter.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TaskTable tasks={shown} caption="Uppgifter, försenade först och sedan efter förfallodag" />
    </>
  );
}

export function TaskTable({
  tasks,
  caption,
  showLane = true,
}: {
  tasks: QueueTask[];
  caption: string;
  showLane?: boolean;
}) {
  if (tasks.length === 0) return <p>Inga uppgifter.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            <th scope="col">Process</th>
            <th scope="col">Steg</th>
            {showLane && <th scope="col">Roll</th>}
            <th scope="col">Sedan</th>
            <th scope="col">Förfaller</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr
              key={`${task.caseId}/${task.instanceId}/${task.step.statePath}`}
              className={task.overdue ? 'overdue' : undefined}
            >
              <th scope="row">
                <Link href={`/arenden/${encodeURIComponent(task.caseId)}`}>{task.reference}</Link>
              </th>
              <td>{task.process}</td>
              <td>{task.step.title}</td>
              {showLane && <td>{task.assignee ? 'Dig' : roleName(task.lane)}</td>}
              <td>
                {formatDate(task.since)} <span className="muted">({sinceText(task.since)})</span>
              </td>
              <td>
                {task.dueAt ? (
                  <>
                    {formatDate(task.dueAt)} <span className="muted">({dueText(task.dueAt)})</span>
                  </>
                ) : (
                  'Ingen tidsgräns'
                )}
              </td>
              <td>
                {task.escalated ? (
                  <span className="tag tag-escalated">
                    Eskalerad{task.escalationReason ? `: ${task.escalationReason}` : ''}
                  </span>
                ) : task.overdue ? (
                  <span className="tag tag-overdue">Försenad</span>
                ) : (
                  <span className="tag">I tid</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
