import { useEffect, useRef } from 'react';
import { api, describeError } from '../api/client';
import type { CaseListItem, Page } from '../api/types';
import { CaseSearch } from '../components/case-search';
import { apiFilters, CaseFilters, FILTER_PARAMS, type CaseListFilters } from '../components/case-filters';
import { CaseTable } from '../components/case-table';
import { Pager, pageRange } from '../components/pager';
import { countOf } from '../format';
import { navigate, useLocation } from '../router';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';

const PAGE_SIZE = 50;

/** The search, filters and page live in the address (`?sok=…&sida=…`), so back, forward, reload and a shared link keep them. */
function listState(search: string): { query: string; page: number; filters: CaseListFilters } {
  const params = new URLSearchParams(search);
  const page = Number(params.get('sida'));
  const filters = Object.fromEntries(
    Object.entries(FILTER_PARAMS).map(([key, param]) => [key, params.get(param) ?? '']),
  ) as unknown as CaseListFilters;
  return {
    query: (params.get('sok') ?? '').trim(),
    page: Number.isInteger(page) && page > 1 ? page : 1,
    filters,
  };
}

function listAddress(pathname: string, query: string, page: number, filters: CaseListFilters): string {
  const params = new URLSearchParams();
  if (query) params.set('sok', query);
  for (const [key, param] of Object.entries(FILTER_PARAMS)) {
    const value = filters[key as keyof CaseListFilters];
    if (value) params.set(param, value);
  }
  if (page > 1) params.set('sida', String(page));
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}

/** A page of the cases, with the search it answers: the list says what it found for that search, not for what is typed since. */
type Answer = Page<CaseListItem> & { readonly query: string };

function hitsText(answer: Answer | undefined): string {
  if (!answer) return '';
  if (answer.total > 0) return countOf(answer.total, 'ärende', 'ärenden');
  return answer.query ? `Inga ärenden matchar ”${answer.query}”.` : 'Inga ärenden.';
}

/** Every case the signed-in user may see, most recently changed first, or those a search finds. */
export function CasesView() {
  usePageTitle('Ärenden');
  const { pathname, search } = useLocation();
  const { query, page, filters } = listState(search);
  const results = useRef<HTMLDivElement>(null);
  const paged = useRef(false);
  const cases = useResource<Answer>(
    (signal) =>
      api<Page<CaseListItem>>('/api/cases', {
        query: {
          search: query || undefined,
          ...apiFilters(filters),
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        },
        signal,
      }).then((answer) => ({ ...answer, query })),
    [query, page, JSON.stringify(filters)],
    'any',
  );
  const answer = cases.data;

  useEffect(() => {
    if (!answer) return;
    // A page past the end (cases erased since the link was made): the last page that has any.
    if (answer.items.length === 0 && answer.total > 0 && answer.offset > 0) {
      navigate(listAddress(pathname, answer.query, Math.ceil(answer.total / PAGE_SIZE), filters), {
        replace: true,
      });
      return;
    }
    // After Föregående or Nästa the reader starts at the top of the new page, not at a button below it.
    if (paged.current) results.current?.focus();
    paged.current = false;
  }, [answer]);

  const caption = answer?.query
    ? `Ärenden du får se som matchar ”${answer.query}”, exakta träffar först`
    : 'Ärenden du får se, senast ändrade först';
  const shown = answer?.items.length ?? 0;
  const paging = answer !== undefined && answer.total > shown;
  return (
    <>
      <h1>Ärenden</h1>
      <CaseSearch
        query={query}
        onSearch={(next) => navigate(listAddress(pathname, next, 1, filters), { replace: true })}
      />
      <CaseFilters
        filters={filters}
        searching={query !== ''}
        onChange={(next) => navigate(listAddress(pathname, query, 1, next))}
      />
      {cases.error !== undefined && <p role="alert">{describeError(cases.error)}</p>}
      <p role="status" aria-live="polite" className="hits">
        {hitsText(answer)}
      </p>
      {answer && shown > 0 && (
        <>
          <CaseTable
            cases={answer.items}
            caption={caption}
            label={paging ? `${caption}, ${pageRange(answer.offset, shown, answer.total)}` : caption}
            regionRef={results}
          />
          <Pager
            label="Sidor i ärendelistan"
            offset={answer.offset}
            shown={shown}
            total={answer.total}
            onPage={(step) => {
              paged.current = true;
              navigate(
                listAddress(
                  pathname,
                  answer.query,
                  Math.floor(answer.offset / PAGE_SIZE) + 1 + step,
                  filters,
                ),
              );
            }}
          />
        </>
      )}
    </>
  );
}
