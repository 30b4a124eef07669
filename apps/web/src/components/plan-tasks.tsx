import { useRef, useState } from 'react';
import { api, describeError, newAttemptKey } from '../api/client';
import type { PlanTask, PlanTaskPage } from '../api/types';
import { formatDate } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';

const LIMIT = 100;

const keyOf = (task: PlanTask) => `${task.caseId}/${task.row}`;

/**
 * The rows of the progressionsplans in my cases not yet done, the earliest
 * day first: each a task with its day, ticked done here. Loaded beside the
 * task list, never before it, and shown only when there is something to do.
 */
export function PlanTasks() {
  const plan = useResource(
    (signal) => api<PlanTaskPage>('/api/queues/plan', { query: { limit: LIMIT }, signal }),
    [],
    'any',
  );
  // The list is a read model, a moment behind: a row ticked here leaves at once, not when it catches up.
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState('');
  const [refusal, setRefusal] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  if (plan.error !== undefined && !plan.data) return <p role="alert">{describeError(plan.error)}</p>;
  if (!plan.data || (plan.data.items.length === 0 && ticked.size === 0)) return null;
  const rows = plan.data.items.filter((task) => !ticked.has(keyOf(task)));

  const tick = async (task: PlanTask) => {
    setRefusal('');
    try {
      await api(`/api/cases/${encodeURIComponent(task.caseId)}/progressionsplan/items/${task.row}`, {
        method: 'POST',
        body: { done: true },
        headers: { 'Idempotency-Key': newAttemptKey() },
      });
      setTicked((all) => new Set(all).add(keyOf(task)));
      setStatus(`Punkt ${task.row} i ${task.reference} är markerad som gjord.`);
      // The row and its button are gone, so focus goes to the confirmation rather than to nowhere.
      requestAnimationFrame(() => statusRef.current?.focus());
    } catch (error) {
      setRefusal(describeError(error));
    }
    plan.reload();
  };

  return (
    <section aria-labelledby="planens-punkter">
      <h2 id="planens-punkter">Punkter i progressionsplaner</h2>
      <p>Det som ska göras enligt progressionsplanerna i dina ärenden, tidigast först.</p>
      <p role="status" className="status-message" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
      {refusal && <p role="alert">{refusal}</p>}
      {plan.data.total > plan.data.items.length && (
        <p className="notice">
          Visar de {plan.data.items.length} första punkterna av {plan.data.total}.
        </p>
      )}
      {rows.length === 0 ? (
        <p>Inga fler punkter att göra.</p>
      ) : (
        <ul className="plan-tasks">
          {rows.map((task) => (
            <li key={keyOf(task)} className={task.late ? 'overdue' : undefined}>
              <p className="plan-task-head">
                <Link href={`/arenden/${encodeURIComponent(task.caseId)}`}>{task.reference}</Link> · Punkt{' '}
                {task.row} i progressionsplanen
                {task.late && <span className="tag tag-overdue">Försenad</span>}
              </p>
              {task.item && typeof task.item === 'object' ? (
                <>
                  <p>{task.item.vad}</p>
                  <p>Vem: {task.item.vem}</p>
                </>
              ) : (
                <p>Punkten är skyddad och visas inte här.</p>
              )}
              <p>Senast {formatDate(task.dueOn)}</p>
              <button
                type="button"
                aria-label={`Gjort: punkt ${task.row} i ${task.reference}`}
                onClick={() => void tick(task)}
              >
                Gjort
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
