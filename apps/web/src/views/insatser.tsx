import { useId, useState, type FormEvent } from 'react';
import { api, describeError } from '../api/client';
import type { CatalogueForm, CatalogueItem, Page } from '../api/types';
import { SchemaForm } from '../forms/schema-form';
import { formatKronor } from '../format';
import { catalogueUnits } from '../roles';
import { useMe } from '../signed-in';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';
import { TableRegion } from '../components/table-region';

type Terms = CatalogueForm['terms'];
interface Filter {
  readonly kind: string;
  readonly trappsteg: string;
  readonly adaptations: readonly string[];
  readonly freePlaces: boolean;
  readonly text: string;
}
const NO_FILTER: Filter = { kind: '', trappsteg: '', adaptations: [], freePlaces: false, text: '' };

/**
 * The shared catalogue of insatser: every unit's measures, searchable by
 * inriktning, trappsteg, anpassningar and free places, with occupancy and
 * the waiting list counted from the placements. The unit's insatsansvarig
 * registers its own entries here.
 */
export function InsatserView() {
  usePageTitle('Insatskatalog');
  const me = useMe();
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const form = useResource((signal) => api<CatalogueForm>('/api/catalogue-form', { signal }), []);
  const entries = useResource(
    (signal) =>
      api<Page<CatalogueItem>>('/api/insatser', {
        signal,
        query: {
          limit: 200,
          kind: filter.kind || undefined,
          trappsteg: filter.trappsteg || undefined,
          adaptations: filter.adaptations.length > 0 ? filter.adaptations.join(',') : undefined,
          freePlaces: filter.freePlaces || undefined,
          text: filter.text.trim() || undefined,
        },
      }),
    [filter],
  );
  const keeps = catalogueUnits(me);
  return (
    <>
      <h1>Insatskatalog</h1>
      <p className="lead">Alla enheters arbetsmarknadsinsatser, med lediga platser och kö just nu.</p>
      {form.error !== undefined && <p role="alert">{describeError(form.error)}</p>}
      {form.data && <CatalogueFilter terms={form.data.terms} onSearch={setFilter} />}
      {entries.error !== undefined && <p role="alert">{describeError(entries.error)}</p>}
      {form.data && entries.data && <CatalogueTable terms={form.data.terms} items={entries.data.items} />}
      {form.data && keeps.length > 0 && (
        <RegisterInsats form={form.data} units={keeps} onRegistered={entries.reload} />
      )}
    </>
  );
}

function CatalogueFilter({ terms, onSearch }: { terms: Terms; onSearch: (filter: Filter) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };
  const toggle = (adaptation: string, on: boolean) =>
    setDraft({
      ...draft,
      adaptations: on
        ? [...draft.adaptations, adaptation]
        : draft.adaptations.filter((a) => a !== adaptation),
    });
  return (
    <form className="filters" onSubmit={submit} aria-label="Sök i katalogen">
      <div className="field">
        <label htmlFor={`${id}-text`}>Sök på namn eller målgrupp</label>
        <input
          id={`${id}-text`}
          type="search"
          value={draft.text}
          onChange={(e) => setDraft({ ...draft, text: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Inriktning</label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
        >
          <option value="">Alla</option>
          {Object.entries(terms.kinds).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-trappsteg`}>Trappsteg</label>
        <select
          id={`${id}-trappsteg`}
          value={draft.trappsteg}
          onChange={(e) => setDraft({ ...draft, trappsteg: e.target.value })}
        >
          <option value="">Alla</option>
          {Object.entries(terms.trappsteg).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Anpassningar</legend>
        {Object.entries(terms.adaptations).map(([value, label]) => (
          <label key={value} className="check">
            <input
              type="checkbox"
              checked={draft.adaptations.includes(value)}
              onChange={(e) => toggle(value, e.target.checked)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.freePlaces}
          onChange={(e) => setDraft({ ...draft, freePlaces: e.target.checked })}
        />
        Bara insatser med lediga platser
      </label>
      <div className="form-actions">
        <button type="submit" className="primary">
          Sök
        </button>
      </div>
    </form>
  );
}

function CatalogueTable({ terms, items }: { terms: Terms; items: readonly CatalogueItem[] }) {
  if (items.length === 0) return <p role="status">Inga insatser matchar sökningen.</p>;
  return (
    <TableRegion label="Insatser i katalogen">
      <table>
        <caption>Insatser ({items.length}), med beläggning räknad från pågående placeringar</caption>
        <thead>
          <tr>
            <th scope="col">Insats</th>
            <th scope="col">Anordnare</th>
            <th scope="col">Trappsteg</th>
            <th scope="col">Platser</th>
            <th scope="col">Lediga</th>
            <th scope="col">I kö</th>
            <th scope="col">Kostnad per plats</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const cost = item.entry.cost as { amountSek: number; period: string } | undefined;
            return (
              <tr key={item.insatsId}>
                <th scope="row">
                  {item.name}
                  <div className="muted">{terms.kinds[item.kind] ?? item.kind}</div>
                </th>
                <td>{item.providingUnit}</td>
                <td>{terms.trappsteg[item.trappsteg] ?? item.trappsteg}</td>
                <td>{item.places}</td>
                <td>{item.placesFree}</td>
                <td>{item.queued}</td>
                <td>
                  {cost
                    ? `${formatKronor(cost.amountSek)} ${terms.costPeriods[cost.period] ?? cost.period}`
                    : '–'}
                </td>
                <td>
                  {terms.statuses[item.status] ?? item.status}
                  {item.statusReason && <div className="muted">{item.statusReason}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

function RegisterInsats({
  form,
  units,
  onRegistered,
}: {
  form: CatalogueForm;
  units: readonly string[];
  onRegistered: () => void;
}) {
  const id = useId();
  const [unit, setUnit] = useState(units[0]);
  const [done, setDone] = useState('');
  return (
    <section aria-labelledby={`${id}-rubrik`}>
      <h2 id={`${id}-rubrik`}>Registrera en insats</h2>
      {units.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-unit`}>Anordnande enhet</label>
          <select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value)}>
            {units.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </div>
      )}
      <p role="status" className="status-message">
        {done}
      </p>
      <SchemaForm
        schema={form.schema}
        submitLabel="Registrera insatsen"
        onSubmit={async (values) => {
          await api('/api/insatser', { method: 'POST', body: { ...values, providingUnit: unit } });
          setDone(`${String(values.name)} finns nu i katalogen.`);
          onRegistered();
        }}
      />
    </section>
  );
}
