/** Every list query pages; the caller's limit is clamped so one request cannot read a whole table. */
export interface Page {
  readonly limit: number;
  readonly offset: number;
}

export const DEFAULT_PAGE: Page = { limit: 50, offset: 0 };
export const MAX_LIMIT = 500;

export interface PageOf<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

interface Pageable {
  all<T>(sql: string, params: Record<string, unknown>): T[];
  get<T>(sql: string, params: Record<string, unknown>): T | undefined;
}

/**
 * One page of `SELECT <columns> <from> ORDER BY <orderBy>`, and how many
 * rows `<from>` matches in all, so a list can say "51-100 of 312".
 */
export function selectPage<Row, Item>(
  db: Pageable,
  sql: { readonly columns: string; readonly from: string; readonly orderBy: string },
  params: Record<string, unknown>,
  page: Page,
  toItem: (row: Row) => Item,
): PageOf<Item> {
  const all = { ...params, limit: page.limit, offset: page.offset };
  const rows = db.all<Row>(
    `SELECT ${sql.columns} ${sql.from} ORDER BY ${sql.orderBy} LIMIT :limit OFFSET :offset`,
    all,
  );
  const total = db.get<{ n: number }>(`SELECT count(*) AS n ${sql.from}`, all)?.n ?? 0;
  return { items: rows.map(toItem), total, limit: page.limit, offset: page.offset };
}
