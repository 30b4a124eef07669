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
