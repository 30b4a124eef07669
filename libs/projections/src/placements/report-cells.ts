/** A report's cell: a name, a number, null when there is nothing to show, or `<5` when withheld. */
export type Cell = string | number | null;

export interface ReportColumn {
  readonly key: string;
  readonly label: string;
  /**
   * `count`s of people and the `share`s, `days` and `sek` worked out from
   * them are withheld city-wide when small; `text` and the catalogue's own
   * `public` figures never are.
   */
  readonly kind: 'text' | 'count' | 'share' | 'days' | 'sek' | 'public' | 'publicShare';
  /** The row field (`_` and a name) holding how many people this column stands for, where fewer than the row's `_n`. */
  readonly basis?: string;
}

/** `_n`: how many people the row's derived cells (shares, medians, sums) stand for. */
export type ReportRow = Readonly<Record<string, Cell>> & { readonly _n?: number };

/** Fewer than this many people in a cell, and the city-wide view withholds it (insatser.md, Statistics). */
export const MIN_CELL = 5;
/** What a withheld cell shows instead of its value, so it is never read as zero or as missing. */
export const WITHHELD_CELL = '<5';

const small = (n: number) => n > 0 && n < MIN_CELL;

/** The row as the city-wide view may show it: every cell that stands for one to four people withheld. */
export function suppressed(row: ReportRow, columns: readonly ReportColumn[]): ReportRow {
  const out: Record<string, Cell> & { _n?: number } = { ...row };
  for (const { key, kind, basis } of columns) {
    const value = row[key];
    if (typeof value !== 'number') continue;
    const people = basis === undefined ? (row._n ?? 0) : Number(row[basis] ?? 0);
    if (kind === 'count' && small(value)) out[key] = WITHHELD_CELL;
    if ((kind === 'share' || kind === 'days' || kind === 'sek') && people < MIN_CELL)
      out[key] = WITHHELD_CELL;
  }
  return out;
}

/** The row as answered: the counts behind its cells (`_n`, `_…`) are for the server only. */
export const shownCells = (row: ReportRow): ReportRow =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('_'))) as ReportRow;

/** Cells shown in `before` that `after` withholds. */
export function withheldCells(
  before: readonly ReportRow[],
  after: readonly ReportRow[],
  columns: readonly ReportColumn[],
) {
  return before.reduce(
    (n, row, i) =>
      n + columns.filter(({ key }) => row[key] !== WITHHELD_CELL && after[i][key] === WITHHELD_CELL).length,
    0,
  );
}
