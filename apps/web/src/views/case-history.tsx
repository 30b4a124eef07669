import { useId, useState } from 'react';
import { api, describeError } from '../api/client';
import type { CaseView, HistoryEntry, HistoryPage } from '../api/types';
import { formatDateTime } from '../format';
import { roleName } from '../roles';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { CaseFacts, DeadlineList, ProgressionsplanTable } from './case-summary';
import { usePageTitle } from './page-title';

/** A process state as the history shows it: "uppfoljning.atgarder" reads "uppfoljning › atgarder". */
function stateText(state: unknown): string {
  if (state === null || state === undefined) return '–';
  if (typeof state === 'string') return state;
  return Object.entries(state as Record<string, unknown>)
    .map(([key, inner]) => `${key} › ${stateText(inner)}`)
    .join(', ');
}

/** Identifiers and engine bookkeeping: in the log for the record, noise on the screen. */
const HIDDEN_DATA = new Set([
  'caseId',
  'instanceId',
  'definitionId',
  'version',
  'deadlineId',
  'machineEvent',
  'duration',
  'finalState',
]);

/** A step's answers are under `payload`; show them as the step's own fields. */
function shownData(data: Readonly<Record<string, unknown>>): [string, unknown][] {
  const { payload, ...rest } = data;
  const fields = { ...rest, ...(payload && typeof payload === 'object' ? payload : {}) };
  return Object.entries(fields).filter(([key]) => !HIDDEN_DATA.has(key));
}

function dataText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (Array.isArray(value)) return value.map(dataText).join('; ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${dataText(inner)}`)
      .join(', ');
  return String(value);
}

/** The first `pages` pages of the history, oldest first, and whether more follow. */
async function historyPages(path: string, pages: number, signal: AbortSignal) {
  let entries: HistoryEntry[] = [];
  let next: number | null = null;
  for (let page = 0; page < pages; page++) {
    const answer: HistoryPage = await api<HistoryPage>(`${path}/history`, {
      signal,
      query: { after: next ?? undefined },
    });
    entries = [...entries, ...answer.entries];
    next = answer.next;
    if (next === null) break;
  }
  return { entries, more: next !== null };
}

/** Every event of the case, oldest first, and the case as it was at any earlier moment. */
export function CaseHistoryView({ caseId }: { caseId: string }) {
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const [pages, setPages] = useState(1);
  const history = useResource((signal) => historyPages(path, pages, signal), [caseId, pages], caseId);
  const current = useResource((signal) => api<CaseView>(path, { signal }), [caseId]);
  const reference = current.data?.reference ?? '';
  usePageTitle(`Historik ${reference}`);
  const entries = history.data?.entries ?? [];

  return (
    <>
      <h1>Historik för ärende {reference}</h1>
      <p className="subnav">
        <Link href={`/arenden/${encodeURIComponent(caseId)}`}>Tillbaka till ärendet</Link>
      </p>
      <p>
        Historiken kan inte ändras i efterhand. Varje rad är ett steg som någon tog, eller systemet vid en
        tidsgräns.
      </p>
      {history.error !== undefined && <p role="alert">{describeError(history.error)}</p>}
      <div className="table-wrap">
        <table className="history">
          <caption>
            {history.data?.more
              ? `De första ${entries.length} händelserna i ärendet, äldst först`
              : `Alla händelser i ärendet, äldst först (${entries.length})`}
          </caption>
          <thead>
            <tr>
              <th scope="col">När</th>
              <th scope="col">Vem</th>
              <th scope="col">Roll</th>
              <th scope="col">Vad</th>
              <th scope="col">Läge före → efter</th>
              <th scope="col">Uppgifter</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.eventId}>
                <td>{formatDateTime(entry.occurredAt)}</td>
                <td>{entry.actor.id ?? '–'}</td>
                <td>{entry.actor.role ? roleName(entry.actor.role) : '–'}</td>
                <th scope="row">{entry.label}</th>
                <td>
                  {entry.process
                    ? `${stateText(entry.process.stateBefore)} → ${stateText(entry.process.stateAfter)}`
                    : '–'}
                </td>
                <td className="data">
                  {shownData(entry.data)
                    .map(([key, value]) => `${key}: ${dataText(value)}`)
                    .join(' · ') || '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.data?.more && (
        <button type="button" onClick={() => setPages((n) => n + 1)}>
          Visa fler händelser
        </button>
      )}
      <AsOf path={path} firstAt={entries[0]?.occurredAt} />
    </>
  );
}

/** datetime-local speaks local time without a zone; the API wants an instant. */
const toInstant = (local: string) => new Date(local).toISOString();

function AsOf({ path, firstAt }: { path: string; firstAt: string | undefined }) {
  const id = useId();
  const [at, setAt] = useState('');
  const [shown, setShown] = useState<{ at: string; view: CaseView } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = async () => {
    if (!at) return setError('Välj datum och tid.');
    try {
      const view = await api<CaseView>(`${path}/as-of`, { query: { at: toInstant(at) } });
      setShown({ at, view });
      setError(null);
    } catch (e) {
      setShown(null);
      setError(describeError(e));
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="as-of">
      <h2 id={`${id}-title`}>Ärendet vid en tidpunkt</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void show();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-at`}>Datum och tid</label>
          <p className="help" id={`${id}-help`}>
            {firstAt ? `Ärendet öppnades ${formatDateTime(firstAt)}.` : ''}
          </p>
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={at}
            aria-describedby={`${id}-help`}
            onChange={(e) => setAt(e.target.value)}
          />
        </div>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <button type="submit">Visa ärendet som det var då</button>
      </form>
      {shown && (
        <div className="as-of-result" aria-live="polite">
          <h3>Så här såg ärendet ut {shown.at.replace('T', ' ')}</h3>
          <CaseFacts view={shown.view} />
          <h4>Processer</h4>
          <ul>
            {shown.view.processes.map((p) => (
              <li key={p.instanceId}>
                {p.process}:{' '}
                {p.steps.map((s) => s.title).join(', ') || (p.status === 'completed' ? 'avslutad' : '–')}
              </li>
            ))}
          </ul>
          {shown.view.progressionsplan && <ProgressionsplanTable plan={shown.view.progressionsplan} />}
          <h4>Öppna tidsgränser då</h4>
          <DeadlineList deadlines={shown.view.deadlines} relative={false} />
        </div>
      )}
    </section>
  );
}
