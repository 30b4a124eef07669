import { describe, expect, it } from 'vitest';
import { shownCells, suppressed, WITHHELD_CELL, withheldCells, type ReportColumn } from './report-cells';

const COLUMNS: ReportColumn[] = [
  { key: 'unit', label: 'Enhet', kind: 'text' },
  { key: 'closures', label: 'Avslutade', kind: 'count' },
  { key: 'share', label: 'Andel', kind: 'share' },
  { key: 'places', label: 'Platser', kind: 'public' },
];

describe('withholding small cells in the city-wide statistics', () => {
  it('given a count of one to four, then it is withheld; zero and five or more are shown', () => {
    const rows = [0, 1, 4, 5].map((closures) => suppressed({ unit: 'a', closures, _n: 9 }, COLUMNS));
    expect(rows.map((row) => row.closures)).toEqual([0, WITHHELD_CELL, WITHHELD_CELL, 5]);
  });

  it('given a share worked out from fewer than five people, then it is withheld even when its count is not', () => {
    expect(suppressed({ unit: 'a', closures: 6, share: 0.75, _n: 4 }, COLUMNS)).toMatchObject({
      closures: 6,
      share: WITHHELD_CELL,
    });
    expect(suppressed({ unit: 'a', closures: 6, share: 0.75, _n: 5 }, COLUMNS).share).toBe(0.75);
  });

  it("given the catalogue's own figures and names, then they are never withheld", () => {
    expect(suppressed({ unit: 'a', places: 2, _n: 1 }, COLUMNS)).toMatchObject({ unit: 'a', places: 2 });
  });

  it('given rows before and after, then it counts the cells withheld', () => {
    const before = [{ unit: 'a', closures: 3, share: 0.5, _n: 3 }];
    expect(
      withheldCells(
        before,
        before.map((row) => suppressed(row, COLUMNS)),
        COLUMNS,
      ),
    ).toBe(2);
  });

  it('given a column that stands for fewer people than its row, then its own count decides, and no count behind a cell is answered', () => {
    const columns = [
      { key: 'started', label: 'Startade', kind: 'count' as const },
      { key: 'fromAktuell', label: 'Aktuell → start', kind: 'days' as const, basis: '_aktuell' },
    ];
    const row = { started: 7, fromAktuell: 40, _n: 7, _aktuell: 3 };
    expect(shownCells(suppressed(row, columns))).toEqual({ started: 7, fromAktuell: WITHHELD_CELL });
    expect(shownCells(suppressed({ ...row, _aktuell: 5 }, columns))).toEqual({ started: 7, fromAktuell: 40 });
  });
});
