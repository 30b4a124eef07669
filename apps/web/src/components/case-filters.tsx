import { useId, useState } from 'react';
import { api, describeError } from '../api/client';
import type { ProcessSummary, SavedCaseFilters } from '../api/types';
import { useMe } from '../signed-in';
import { useSocialWorkers } from '../staff';
import { useResource } from '../use-resource';

/** The case list's filters and order, as the address carries them: empty is "all" (and the default order). */
export interface CaseListFilters {
  readonly socialWorkerId: string;
  readonly process: string;
  readonly overdue: string;
  readonly bipPhase: string;
  readonly sort: string;
  /** Open, closed or all cases; empty is the API's default, open ones without a search and all with one. */
  readonly status: string;
}

export const NO_FILTERS: CaseListFilters = {
  socialWorkerId: '',
  process: '',
  overdue: '',
  bipPhase: '',
  sort: '',
  status: '',
};

/** The address's names for the filters: Swedish, so a shared link reads. */
export const FILTER_PARAMS: Readonly<Record<keyof CaseListFilters, string>> = {
  socialWorkerId: 'handlaggare',
  process: 'process',
  overdue: 'forsenade',
  bipPhase: 'bipfas',
  sort: 'sortera',
  status: 'visa',
};

const SORTS: [string, string][] = [
  ['', 'Senast ändrade först'],
  ['opened', 'Senast öppnade först'],
  ['due', 'Närmast tidsgräns först'],
  ['socialWorker', 'Socialsekreterare, A–Ö'],
];

const STATUSES: [string, string][] = [
  ['open', 'Pågående'],
  ['closed', 'Avslutade'],
  ['all', 'Alla'],
];

/** The filters as the API's query: only those chosen. */
export function apiFilters(filters: CaseListFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

/** A saved filter as the list's filters, and back: the API keeps booleans and numbers as such. */
const fromSaved = (filter: Record<string, unknown>): CaseListFilters => ({
  ...NO_FILTERS,
  ...Object.fromEntries(
    Object.entries(filter)
      .filter(([key]) => key in NO_FILTERS)
      .map(([key, value]) => [key, String(value)]),
  ),
});
const toSaved = (filters: CaseListFilters) => ({
  ...(filters.socialWorkerId ? { socialWorkerId: filters.socialWorkerId } : {}),
  ...(filters.process ? { process: filters.process } : {}),
  ...(filters.overdue ? { overdue: filters.overdue === 'true' } : {}),
  ...(filters.bipPhase ? { bipPhase: Number(filters.bipPhase) } : {}),
  ...(filters.sort ? { sort: filters.sort } : {}),
});

/**
 * Open or closed, who, which process, only overdue, which BIP phase and the
 * order; and the reader's saved filters by name. A saved filter keeps no
 * open-or-closed choice: the API saves only the others.
 */
export function CaseFilters({
  filters,
  searching,
  onChange,
}: {
  filters: CaseListFilters;
  /** A search finds closed cases too unless told otherwise, so the choice shown follows it. */
  searching: boolean;
  onChange: (filters: CaseListFilters) => void;
}) {
  const id = useId();
  const me = useMe();
  const units = [...new Set(me.memberships.map((m) => m.unit))];
  const workers = useSocialWorkers(units);
  const processes = useResource((signal) => api<ProcessSummary[]>('/api/processes', { signal }), []);
  const set = (key: keyof CaseListFilters) => (event: { target: { value: string } }) =>
    onChange({ ...filters, [key]: event.target.value });
  const select = (
    key: keyof CaseListFilters,
    label: string,
    options: [string, string][],
    shown = filters[key],
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={shown} onChange={set(key)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="case-filters" aria-label="Urval och ordning">
      <div className="filter-row">
        {select('status', 'Visa', STATUSES, filters.status || (searching ? 'all' : 'open'))}
        {select('socialWorkerId', 'Socialsekreterare', [
          ['', 'Alla'],
          ...(workers.data ?? []).map((w): [string, string] => [w.id, w.name]),
        ])}
        {select('process', 'Pågående process', [
          ['', 'Alla'],
          ...(processes.data ?? []).map((p): [string, string] => [p.id, p.title]),
        ])}
        {select('overdue', 'Tidsgräns', [
          ['', 'Alla'],
          ['true', 'Passerad tidsgräns'],
          ['false', 'Ingen passerad tidsgräns'],
        ])}
        {select('bipPhase', 'BIP-fas', [
          ['', 'Alla'],
          ...[0, 1, 2, 3, 4].map((n): [string, string] => [String(n), `Fas ${n}`]),
        ])}
        {select('sort', 'Ordning', SORTS)}
      </div>
      <SavedFilters filters={filters} onApply={onChange} />
    </section>
  );
}

/** The reader's own filters by name: apply one, save the current one, or remove one. */
function SavedFilters({
  filters,
  onApply,
}: {
  filters: CaseListFilters;
  onApply: (f: CaseListFilters) => void;
}) {
  const id = useId();
  const saved = useResource((signal) => api<SavedCaseFilters>('/api/auth/me/case-filters', { signal }), []);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const list = saved.data?.filters ?? [];

  const store = async (next: SavedCaseFilters['filters'], done: string) => {
    try {
      await api<SavedCaseFilters>('/api/auth/me/case-filters', { method: 'PUT', body: { filters: next } });
      setStatus(done);
      saved.reload();
    } catch (e) {
      setStatus(describeError(e));
    }
  };

  return (
    <div className="saved-filters">
      {list.length > 0 && (
        <ul aria-label="Sparade urval">
          {list.map((entry) => (
            <li key={entry.name}>
              <button type="button" className="secondary" onClick={() => onApply(fromSaved(entry.filter))}>
                {entry.name}
              </button>
              <button
                type="button"
                className="link"
                aria-label={`Ta bort urvalet ${entry.name}`}
                onClick={() =>
                  void store(
                    list.filter((other) => other.name !== entry.name),
                    `Urvalet ”${entry.name}” är borttaget.`,
                  )
                }
              >
                Ta bort
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="save-filter"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = name.trim();
          if (!trimmed) return setStatus('Ge urvalet ett namn.');
          void store(
            [
              ...list.filter((other) => other.name.toLowerCase() !== trimmed.toLowerCase()),
              { name: trimmed, filter: toSaved(filters) },
            ],
            `Urvalet ”${trimmed}” är sparat.`,
          ).then(() => setName(''));
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Spara urvalet som</label>
          <input id={`${id}-name`} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="secondary">
          Spara urvalet
        </button>
      </form>
      <p aria-live="polite" className="status">
        {status}
      </p>
    </div>
  );
}
