import { api, describeError } from '../api/client';
import type { CatalogueItem, Page } from '../api/types';
import { useResource } from '../use-resource';

/**
 * A catalogue entry chosen by its name, anordnare and free places rather
 * than typed as an id: the active entries, as every unit sees them. An
 * entry another unit has not opened to this one is still listed; the
 * anvisning then says why it cannot be used.
 */
export function InsatsPicker({
  control,
  value,
  onChange,
}: {
  readonly control: Readonly<Record<string, unknown>> & { readonly id: string };
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
}) {
  const catalogue = useResource(
    (signal) =>
      api<Page<CatalogueItem>>('/api/insatser', { signal, query: { status: 'active', limit: 500 } }),
    [],
    'any',
  );
  const items = catalogue.data?.items ?? [];
  return (
    <>
      {catalogue.error !== undefined && <p role="alert">{describeError(catalogue.error)}</p>}
      <select
        {...control}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{catalogue.data ? 'Välj insats…' : 'Hämtar katalogen…'}</option>
        {items.map((item) => (
          <option key={item.insatsId} value={item.insatsId}>
            {item.name} ({item.providingUnit}), {freeText(item)}
          </option>
        ))}
      </select>
    </>
  );
}

function freeText(item: CatalogueItem): string {
  const free = item.placesFree === 1 ? '1 ledig plats' : `${item.placesFree} lediga platser`;
  return item.queued > 0 ? `${free}, ${item.queued} i kö` : free;
}
