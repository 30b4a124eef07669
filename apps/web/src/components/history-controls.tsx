import { useEffect, useId, useState } from 'react';
import { describeError } from '../api/client';
import { downloadFile } from '../api/download';
import type { HistoryPage } from '../api/types';

type Facets = HistoryPage['facets'];

/** What the reader narrowed the history to; empty strings are "all". */
export interface HistoryFilter {
  readonly process: string;
  readonly type: string;
  readonly actor: string;
  readonly from: string;
  readonly to: string;
}

export const NO_FILTER: HistoryFilter = { process: '', type: '', actor: '', from: '', to: '' };

/** The filter as query parameters: only those the reader chose. */
export const filterQuery = (filter: HistoryFilter): Record<string, string> =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== ''));

/** Narrows the history to one process, kind of event, person or period; applied when the reader asks. */
export function HistoryFilters({
  facets,
  filter,
  onChange,
}: {
  facets: Facets | undefined;
  filter: HistoryFilter;
  onChange: (filter: HistoryFilter) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(filter);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(filter), [filter]);
  const set = (key: keyof HistoryFilter) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));

  const choice = (key: 'process' | 'type' | 'actor', label: string, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={draft[key]} onChange={set(key)}>
        <option value="">Alla</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="history-filters no-print"
      aria-label="Urval i historiken"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.from && draft.to && draft.to < draft.from) {
          setError('”Till och med” kan inte vara före ”Från och med”.');
          return;
        }
        setError(null);
        onChange(draft);
      }}
    >
      {choice('process', 'Process', facets?.processes.map((p) => [p.id, p.title]) ?? [])}
      {choice('type', 'Händelse', facets?.types.map((t) => [t.type, t.label]) ?? [])}
      {choice('actor', 'Person', facets?.people.map((p) => [p.id, p.name]) ?? [])}
      <div className="field">
        <label htmlFor={`${id}-from`}>Från och med</label>
        <input id={`${id}-from`} type="date" value={draft.from} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Till och med</label>
        <input id={`${id}-to`} type="date" value={draft.to} onChange={set('to')} />
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit">Visa urvalet</button>
        <button type="button" className="secondary" onClick={() => onChange(NO_FILTER)}>
          Visa hela historiken
        </button>
      </div>
    </form>
  );
}

/** Print, or download the (filtered) history as PDF or CSV; each download is an export the access log records. */
export function HistoryExport({ path, filter }: { path: string; filter: HistoryFilter }) {
  const [status, setStatus] = useState('');
  const download = async (format: 'pdf' | 'csv') => {
    setStatus(`Hämtar ${format.toUpperCase()} …`);
    try {
      const day = new Date().toISOString().slice(0, 10);
      await downloadFile(
        `${path}/history/export`,
        { ...filterQuery(filter), format },
        `historik-${day}.${format}`,
      );
      setStatus(`Utdraget som ${format.toUpperCase()} är hämtat.`);
    } catch (e) {
      setStatus(describeError(e));
    }
  };
  return (
    <div className="history-export no-print">
      <p className="help">Utdrag för utlämnande eller tillsyn, med urvalet ovan. Varje utdrag loggas.</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => window.print()}>
          Skriv ut
        </button>
        <button type="button" className="secondary" onClick={() => void download('pdf')}>
          Ladda ner som PDF
        </button>
        <button type="button" className="secondary" onClick={() => void download('csv')}>
          Ladda ner som CSV
        </button>
      </div>
      <p aria-live="polite" className="status">
        {status}
      </p>
    </div>
  );
}
