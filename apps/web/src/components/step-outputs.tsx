import { api, describeError } from '../api/client';
import type { HistoryPage } from '../api/types';
import { formatDateTime } from '../format';
import { useResource } from '../use-resource';

/** Deadlines set and passed say when, not what someone recorded: the process panel has its own list of those. */
const BOOKKEEPING = new Set(['DeadlineScheduled', 'DeadlineCancelled', 'DeadlineReached', 'ProcessStarted']);

/**
 * What the process's steps recorded, newest first, where the next person
 * needs it: Rehabansvarig's preparations for the social worker, the
 * impuls's note, the recommendations' summary. The same words as the
 * history, from the same answer.
 */
export function StepOutputs({ caseId, instanceId }: { caseId: string; instanceId: string }) {
  const outputs = useResource(
    (signal) =>
      api<HistoryPage>(`/api/cases/${encodeURIComponent(caseId)}/history`, {
        signal,
        query: { instance: instanceId, limit: 100 },
      }),
    [caseId, instanceId],
    caseId,
  );
  const recorded = (outputs.data?.entries ?? [])
    .filter((entry) => !BOOKKEEPING.has(entry.type) && entry.details.length > 0)
    .reverse();
  return (
    <div className="step-outputs">
      <h4>Det som registrerats</h4>
      {outputs.error !== undefined && <p role="alert">{describeError(outputs.error)}</p>}
      {outputs.data && recorded.length === 0 && <p>Inget registrerat i processen ännu.</p>}
      <ol className="outputs">
        {recorded.map((entry) => (
          <li key={entry.eventId}>
            <p>
              <strong>{entry.label}</strong>{' '}
              <span className="muted">
                {formatDateTime(entry.occurredAt)} · {entry.actor.name ?? entry.actor.id ?? 'Systemet'}
              </span>
            </p>
            <dl className="details">
              {entry.details.map((detail, i) => (
                <div key={i}>
                  <dt>{detail.label}</dt>
                  <dd className="prewrap">{detail.value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
