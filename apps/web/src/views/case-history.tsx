import { useId, useState } from 'react';
import { api, describeError } from '../api/client';
import type { CaseView, HistoryEntry, HistoryPage } from '../api/types';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { CaseFacts, DeadlineList, ProgressionsplanTable } from './case-summary';
import { usePageTitle } from './page-title';
import { TableRegion } from '../components/table-region';
import {
  filterQuery,
  HistoryExport,
  HistoryFilters,
  NO_FILTER,
  type HistoryFilter,
} from '../components/history-controls';

/** The first `pages` pages of the history, oldest first, whether more follow, and what it can be filtered by. */
async function historyPages(path: string, pages: number, filter: HistoryFilter, signal: AbortSignal) {
  let entries: HistoryEntry[] = [];
  let next: number | null = null;
  let facets: HistoryPage['facets'] | undefined;
  for (let page = 0; page < pages; page++) {
    const answer: HistoryPage = await api<HistoryPage>(`${path}/history`, {
      signal,
      query: { ...filterQuery(filter), after: next ?? undefined },
    });
    entries = [...entries, ...answer.entries];
    facets ??= answer.facets;
    next = answer.next;
    if (next === null) break;
  }
  return { entries, more: next !== null, facets };
}

const stepsText = (process: HistoryEntry['process']) =>
  process ? `${process.title}: ${process.stepBefore ?? '–'} → ${process.stepAfter ?? '–'}` : '–';

/** Every event of the case, oldest first, and the case as it was at any earlier moment. */
export function CaseHistoryView({ caseId }: { caseId: string }) {
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const [pages, setPages] = useState(1);
  const [filter, setFilter] = useState<HistoryFilter>(NO_FILTER);
  const history = useResource(
    (signal) => historyPages(path, pages, filter, signal),
    [caseId, pages, JSON.stringify(filter)],
    caseId,
  );
  const current = useResource((signal) => api<CaseView>(path, { signal }), [caseId]);
  const reference = current.data?.reference ?? '';
  usePageTitle(`Historik ${reference}`);
  const entries = history.data?.entries ?? [];
  const filtered = Object.values(filter).some((value) => value !== '');

  return (
    <>
      <h1>Historik för ärende {reference}</h1>
      <p className="subnav no-print">
        <Link href={`/arenden/${encodeURIComponent(caseId)}`}>Tillbaka till ärendet</Link>
      </p>
      <p>
        Historiken kan inte ändras i efterhand. Varje rad är ett steg som någon tog, eller systemet vid en
        tidsgräns.
      </p>
      <HistoryFilters
        facets={history.data?.facets}
        filter={filter}
        onChange={(next) => {
          setPages(1);
          setFilter(next);
        }}
      />
      <HistoryExport path={path} filter={filter} />
      {history.error !== undefined && <p role="alert">{describeError(history.error)}</p>}
      <TableRegion label="Händelser i ärendet">
        <table className="history">
          <caption>
            {history.data?.more
              ? `De första ${entries.length} händelserna${filtered ? ' i urvalet' : ' i ärendet'}, äldst först`
              : `${filtered ? 'Händelserna i urvalet' : 'Alla händelser i ärendet'}, äldst först (${entries.length})`}
          </caption>
          <thead>
            <tr>
              <th scope="col">När</th>
              <th scope="col">Vem</th>
              <th scope="col">Vad</th>
              <th scope="col">Process och steg</th>
              <th scope="col">Uppgifter</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.eventId}>
                <td>{formatDateTime(entry.occurredAt)}</td>
                <td>
                  {entry.actor.name ?? entry.actor.id ?? '–'}
                  {entry.actor.roleLabel && <span className="muted">, {entry.actor.roleLabel}</span>}
                </td>
                <th scope="row">{entry.label}</th>
                <td>{stepsText(entry.process)}</td>
                <td className="data">
                  {entry.details.length === 0 ? (
                    '–'
                  ) : (
                    <ul className="details">
                      {entry.details.map((detail, i) => (
                        <li key={i}>
                          <span className="detail-label">{detail.label}:</span> {detail.value}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {history.data?.more && (
        <button type="button" className="no-print" onClick={() => setPages((n) => n + 1)}>
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
    <section aria-labelledby={`${id}-title`} className="as-of no-print">
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
          {shown.view.progressionsplan && (
            <ProgressionsplanTable plan={shown.view.progressionsplan} followUps={shown.view.followUps} />
          )}
          <h4>Öppna tidsgränser då</h4>
          <DeadlineList deadlines={shown.view.deadlines} relative={false} />
        </div>
      )}
    </section>
  );
}
