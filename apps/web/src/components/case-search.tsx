import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

/** Long enough that a word typed at normal speed is one search, short enough to feel immediate. */
const TYPING_PAUSE_MS = 250;
/** The API refuses a longer search (400 on `search`); the field stops there instead. */
const MAX_LENGTH = 64;

/**
 * The search of Ärenden: searches when the user pauses typing, or at once
 * on Enter. `query` is the search the list shows (from the address), so
 * back and forward put their own search back in the field; what is being
 * typed is kept as typed (a trailing space included) until it is searched.
 */
export function CaseSearch({ query, onSearch }: { query: string; onSearch: (query: string) => void }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState(query);
  const search = useRef(onSearch);
  search.current = onSearch;

  useEffect(() => setTyped((current) => (current.trim() === query ? current : query)), [query]);
  useEffect(() => {
    if (typed.trim() === query) return undefined;
    const timer = setTimeout(() => search.current(typed.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    search.current(typed.trim());
  };
  const clear = () => {
    setTyped('');
    search.current('');
    field.current?.focus();
  };
  return (
    <form role="search" className="case-search" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-text`}>Sök ärende</label>
        <p className="help" id={`${id}-hint`}>
          Initialer och födelseår, journalreferens eller socialsekreterarens namn
        </p>
        <div className="search-row">
          <input
            ref={field}
            id={`${id}-text`}
            type="search"
            value={typed}
            maxLength={MAX_LENGTH}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setTyped(event.target.value)}
          />
          <button type="submit" className="primary">
            Sök
          </button>
          {typed !== '' && (
            <button type="button" onClick={clear}>
              Rensa
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
