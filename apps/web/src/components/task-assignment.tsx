import { useId, useState } from 'react';
import { api, describeError, newAttemptKey } from '../api/client';
import type { ColleagueList, QueueTask } from '../api/types';
import { roleName } from '../roles';
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
    </div>
  );
}

/** The unit's other people in the task's role, by name: whom it can be handed to. */
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
  const listed = useResource(
    (signal) =>
      api<ColleagueList>(
        `/api/units/${encodeURIComponent(task.unit)}/colleagues/${encodeURIComponent(task.lane)}`,
        { signal },
      ),
    [task.unit, task.lane],
  );
  const colleagues = (listed.data?.people ?? []).filter((person) => person.id !== me.id);
  const role = roleName(task.lane);
  if (listed.error !== undefined) return <p role="alert">{describeError(listed.error)}</p>;
  if (!listed.data) return <p>Hämtar kollegorna…</p>;
  if (colleagues.length === 0)
    return <p>Det finns ingen annan med rollen {role} på enheten att lämna över till.</p>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const person = colleagues.find((colleague) => colleague.id === to);
        if (person) void onHandOver(person.id, person.name);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-to`}>Lämna över till</label>
        <select id={`${id}-to`} value={to} required onChange={(e) => setTo(e.target.value)}>
          <option value="">Välj kollega</option>
          {colleagues.map((colleague) => (
            <option key={colleague.id} value={colleague.id}>
              {colleague.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Lämna över</button>
    </form>
  );
}
