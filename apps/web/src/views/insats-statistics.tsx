import { useId, useState, type FormEvent } from 'react';
import { api, describeError, serverNow } from '../api/client';
import type { CatalogueForm, InsatsReport } from '../api/types';
import { downloadFile } from '../api/download';
import { countOf, formatKronor } from '../format';
import { canSupervise } from '../roles';
import { useMe } from '../signed-in';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';
import { TableRegion } from '../components/table-region';

interface Choice {
  readonly report: string;
  readonly scope: 'unit' | 'city';
  readonly from: string;
  readonly to: string;
}

type Row = InsatsReport['rows'][number];
type Column = InsatsReport['columns'][number];

function formatCell(value: Row[string], kind: string): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (kind === 'share' || kind === 'publicShare') return `${(value * 100).toFixed(1).replace('.', ',')} %`;
  if (kind === 'days') return countOf(value, 'dag', 'dagar');
  if (kind === 'sek') return formatKronor(value);
  return new Intl.NumberFormat('sv-SE').format(value);
}

/** The report as a CSV file, saved under its name and period. */
const downloadCsv = (choice: Choice) =>
  downloadFile(
    `/api/statistics/insatser/${choice.report}/csv`,
    { scope: choice.scope, from: choice.from, to: choice.to },
    `${choice.report}-${choice.from}-${choice.to}.csv`,
  );

/**
 * Statistics of insatser, the figures no unit has today (seed 004): a
 * unit's own exactly, or the whole city with every cell of fewer than
 * five people withheld. Each report as a table, a chart of its first
 * measure, and a CSV file.
 */
export function InsatsStatisticsView() {
  usePageTitle('Statistik om insatser');
  const me = useMe();
  const id = useId();
  const today = serverNow().toISOString().slice(0, 10);
  const initial: Choice = {
    report: 'outcomes',
    scope: canSupervise(me) ? 'unit' : 'city',
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
  };
  const [draft, setDraft] = useState<Choice>(initial);
  const [choice, setChoice] = useState<Choice>(initial);
  const [downloadError, setDownloadError] = useState('');
  // The reports' Swedish names come from the server, with the catalogue's other names.
  const form = useResource((signal) => api<CatalogueForm>('/api/catalogue-form', { signal }), []);
  const report = useResource(
    (signal) =>
      api<InsatsReport>(`/api/statistics/insatser/${choice.report}`, {
        signal,
        query: { scope: choice.scope, from: choice.from, to: choice.to },
      }),
    [choice],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChoice(draft);
  };
  return (
    <>
      <h1>Statistik om insatser</h1>
      <form className="filters" onSubmit={submit} aria-label="Välj rapport">
        <div className="field">
          <label htmlFor={`${id}-report`}>Rapport</label>
          <select
            id={`${id}-report`}
            value={draft.report}
            onChange={(e) => setDraft({ ...draft, report: e.target.value })}
          >
            {Object.entries(form.data?.terms.reports ?? {}).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {canSupervise(me) && (
          <fieldset>
            <legend>Omfattning</legend>
            <label className="check">
              <input
                type="radio"
                name={`${id}-scope`}
                checked={draft.scope === 'unit'}
                onChange={() => setDraft({ ...draft, scope: 'unit' })}
              />
              Min enhet
            </label>
            <label className="check">
              <input
                type="radio"
                name={`${id}-scope`}
                checked={draft.scope === 'city'}
                onChange={() => setDraft({ ...draft, scope: 'city' })}
              />
              Hela staden
            </label>
          </fieldset>
        )}
        <div className="field">
          <label htmlFor={`${id}-from`}>Från</label>
          <input
            id={`${id}-from`}
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>Till</label>
          <input
            id={`${id}-to`}
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            Visa rapporten
          </button>
        </div>
      </form>
      {report.error !== undefined && <p role="alert">{describeError(report.error)}</p>}
      {report.data && (
        <section aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>{report.data.title}</h2>
          <p>
            {report.data.scope === 'city'
              ? 'Hela staden. Celler med färre än fem personer visas som ”<5”.'
              : 'Din enhet, exakta siffror.'}{' '}
            Period {report.data.from} – {report.data.to}.
          </p>
          <button
            type="button"
            onClick={() => {
              setDownloadError('');
              downloadCsv(choice).catch((error: unknown) => setDownloadError(describeError(error)));
            }}
          >
            Ladda ner som CSV
          </button>
          {downloadError && <p role="alert">{downloadError}</p>}
          <ReportChart report={report.data} />
          <ReportTable report={report.data} />
        </section>
      )}
    </>
  );
}

/** The first measure of each row as a bar; withheld cells get no bar. The numbers are in the table. */
function ReportChart({ report }: { readonly report: InsatsReport }) {
  const measure = report.columns.find((c) => c.kind !== 'text');
  const labels = report.columns.filter((c) => c.kind === 'text');
  if (!measure || report.rows.length === 0) return null;
  const values = report.rows.map((row) =>
    typeof row[measure.key] === 'number' ? (row[measure.key] as number) : 0,
  );
  const max = Math.max(1, ...values);
  const captionId = `diagram-${report.report}`;
  return (
    <figure className="chart">
      <svg width={520} height={report.rows.length * 26 + 10} role="img" aria-labelledby={captionId}>
        {report.rows.map((row, index) => (
          <g key={index}>
            <text x={0} y={index * 26 + 18} fontSize="12">
              {labels
                .map((c) => String(row[c.key] ?? ''))
                .join(' · ')
                .slice(0, 40)}
            </text>
            <rect x={260} y={index * 26 + 6} height={16} width={(values[index] / max) * 250} fill="#1f5fa8" />
          </g>
        ))}
      </svg>
      <figcaption id={captionId}>{measure.label} per rad. Siffrorna finns i tabellen nedan.</figcaption>
    </figure>
  );
}

function ReportTable({ report }: { readonly report: InsatsReport }) {
  if (report.rows.length === 0) return <p>Inga uppgifter för perioden.</p>;
  const [first, ...rest] = report.columns as Column[];
  return (
    <TableRegion label={report.title}>
      <table>
        <caption>{report.title}</caption>
        <thead>
          <tr>
            {report.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row, index) => (
            <tr key={index}>
              <th scope="row">{formatCell(row[first.key], first.kind)}</th>
              {rest.map((column) => (
                <td key={column.key}>{formatCell(row[column.key], column.kind)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
