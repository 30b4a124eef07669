import { useId, useState } from 'react';
import { api, describeError, newAttemptKey } from '../api/client';
import type { JsonSchema, NextSteps, QueueTask } from '../api/types';
import { useMe } from '../signed-in';
import { useResource } from '../use-resource';
import { Disclosure } from './disclosure';

/** What the task list says after an action: done, or the refusal in Swedish. */
export interface Outcome {
  readonly text: string;
  readonly refused: boolean;
}

async function assign(task: QueueTask, to: string | null): Promise<void> {
  await api(
    `/api/cases/${encodeURIComponent(task.caseId)}/processes/${encodeURIComponent(task.instanceId)}/tasks/assign`,
    {
      method: 'POST',
      body: { statePath: task.step.statePath, to },
      headers: { 'Idempotency-Key': newAttemptKey() },
    },
  );
}

/**
 * Taking a task of my role's queue, putting it back or handing it on. The
 * social worker's tasks follow the case's responsible one, so they have none.
 */
export function TaskAssignment({
  task,
  onDone,
}: {
  readonly task: QueueTask;
  readonly onDone: (outcome: Outcome) => void;
}) {
  const me = useMe();
  const act = async (to: string | null, done: string) => {
    try {
      await assign(task, to);
      onDone({ text: done, refused: false });
    } catch (error) {
      onDone({ text: describeError(error), refused: true });
    }
  };
  if (task.lane === 'socialsekreterare') return null;
  if (task.assignee === null)
    return (
      <button type="button" onClick={() => void act(me.id, 'Uppgiften är din nu.')}>
        Ta uppgiften
      </button>
    );
  if (task.assignee !== me.id) return null;
  return (
    <div className="task-actions">
      <button type="button" onClick={() => void act(null, 'Uppgiften är tillbaka i kön.')}>
        Lämna tillbaka till kön
      </button>
      {task.lane === 'rehabansvarig' && (
        <Disclosure label="Lämna över till…">
          {(close) => (
            <HandOver
              task={task}
              onHandOver={async (to, name) => {
                await act(to, `Uppgiften är överlämnad till ${name}.`);
                close(false);
              }}
            />
          )}
        </Disclosure>
      )}
    </div>
  );
}

/**
 * The unit's other Rehabansvariga, by name: the API lists them only as the
 * choices of the case's own "Byt Rehabansvarig", so they are read from there.
 */
function HandOver({
  task,
  onHandOver,
}: {
  readonly task: QueueTask;
  readonly onHandOver: (to: string, name: string) => Promise<void>;
}) {
  const id = useId();
  const me = useMe();
  const [to, setTo] = useState('');
  const next = useResource(
    (signal) => api<NextSteps>(`/api/cases/${encodeURIComponent(task.caseId)}/next-steps`, { signal }),
    [task.caseId],
  );
  const action = next.data?.caseActions.find((a) => a.command === 'AssignRehabansvarig');
  const names =
    (action?.schema as JsonSchema | undefined)?.properties?.rehabansvarigId?.['x-enumLabels'] ?? {};
  const colleagues = Object.entries(names).filter(([colleague]) => colleague !== me.id);
  if (next.error !== undefined) return <p role="alert">{describeError(next.error)}</p>;
  if (!next.data) return <p>Hämtar kollegorna…</p>;
  if (colleagues.length === 0)
    return <p>Det finns ingen annan Rehabansvarig på enheten att lämna över till.</p>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (to) void onHandOver(to, names[to]);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-to`}>Lämna över till</label>
        <select id={`${id}-to`} value={to} required onChange={(e) => setTo(e.target.value)}>
          <option value="">Välj Rehabansvarig</option>
          {colleagues.map(([colleague, name]) => (
            <option key={colleague} value={colleague}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Lämna över</button>
    </form>
  );
}
