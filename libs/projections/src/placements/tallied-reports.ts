import type { ReadModelDb } from '@app/read-model';
import { TRAPPSTEG } from '@app/insatser/domain/catalogue-terms';
import { CLOSURE_OUTCOMES, UNMET_NEED_CATEGORIES } from '@app/insatser/domain/placement-terms';
import {
  dayBefore,
  dayNumber,
  tallyBetween,
  tallyNow,
  tallyRunning,
  tallyThrough,
  type Tallied,
  type TallyUnits,
} from '../tallies/tally-reads';
import { PLACEMENT_TALLIES } from './placement-tallies';
import type { ReportColumn, ReportRow } from './report-cells';

export type Built = { columns: ReportColumn[]; rows: ReportRow[] };
/** Who and when a report is over: the caller's units (undefined for the city) and the days from and to. */
export interface ReportPeriod {
  readonly units: TallyUnits;
  readonly from: string;
  readonly to: string;
}

/** A term's Swedish label, or a dash where the key is missing. */
export const label = (terms: Readonly<Record<string, string>>, key: unknown) =>
  typeof key === 'string' && key !== '' ? (terms[key] ?? key) : '–';
/** SQLite's own order of text, which the reports kept when they were sorted by SQL. */
export const byText = (a: unknown, b: unknown) =>
  String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
const between = (db: ReadModelDb, tally: string, { units, from, to }: ReportPeriod) =>
  tallyBetween(db, PLACEMENT_TALLIES, tally, from, to, units);

/** The catalogue's name, provider and trappsteg of each insats named. */
function insatser(db: ReadModelDb, ids: readonly unknown[]) {
  const rows = db.all<{ insats_id: string; name: string; providing_unit: string; trappsteg: string }>(
    `SELECT insats_id, name, providing_unit, trappsteg FROM ic_insatser
     WHERE insats_id IN (SELECT value FROM json_each(:ids))`,
    { ids: JSON.stringify([...new Set(ids)]) },
  );
  return new Map(rows.map((r) => [r.insats_id, r]));
}

/** The value below which `share` of the counted values lie (nearest rank), from how often each occurs. */
function percentile(counts: readonly { value: number; n: number }[], share: number): number | null {
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  if (total === 0) return null;
  const rank = Math.max(0, Math.ceil(share * total) - 1);
  let seen = 0;
  for (const c of [...counts].sort((a, b) => a.value - b.value)) {
    seen += c.n;
    if (rank < seen) return c.value;
  }
  return null;
}

/** A tally's counts per value of one key (`value`), for each value of another (`by`). */
function histograms(
  rows: readonly Tallied[],
  by: 0 | 1,
  value: 1 | 2,
): Map<string, { value: number; n: number }[]> {
  const grouped = new Map<string, { value: number; n: number }[]>();
  for (const { keys, n } of rows) {
    const group = String(keys[by]);
    grouped.set(group, [...(grouped.get(group) ?? []), { value: Number(keys[value] || 0), n }]);
  }
  return grouped;
}
const countOf = (counts: readonly { n: number }[] | undefined) => (counts ?? []).reduce((s, c) => s + c.n, 0);

export function participants(db: ReadModelDb, period: ReportPeriod): Built {
  // Placements running at some time in the period, per placing unit and insats.
  const rows = [
    ...tallyRunning(
      db,
      PLACEMENT_TALLIES,
      { started: 'started', ended: 'ended' },
      period.from,
      period.to,
      period.units,
    ).values(),
  ];
  const names = insatser(
    db,
    rows.map((r) => r.keys[1]),
  );
  return {
    columns: [
      { key: 'unit', label: 'Placerande enhet', kind: 'text' },
      { key: 'insats', label: 'Insats', kind: 'text' },
      { key: 'providingUnit', label: 'Anordnare', kind: 'text' },
      { key: 'trappsteg', label: 'Trappsteg', kind: 'text' },
      { key: 'participants', label: 'Deltagare', kind: 'count' },
    ],
    rows: rows
      .map(({ keys: [unit, insatsId, providingUnit], n }) => {
        const insats = names.get(String(insatsId));
        return {
          unit: String(unit),
          insats: insats?.name ?? String(insatsId),
          providingUnit: String(providingUnit),
          trappsteg: label(TRAPPSTEG, insats?.trappsteg),
          participants: n,
        };
      })
      .sort((a, b) => byText(a.unit, b.unit) || byText(a.insats, b.insats)),
  };
}

export function outcomes(db: ReadModelDb, period: ReportPeriod): Built {
  const rows = between(db, 'outcome', period);
  const totals = new Map<string, number>();
  for (const { keys, n } of rows) totals.set(String(keys[0]), (totals.get(String(keys[0])) ?? 0) + n);
  return {
    columns: [
      { key: 'unit', label: 'Enhet', kind: 'text' },
      { key: 'outcome', label: 'Utfall', kind: 'text' },
      { key: 'closures', label: 'Avslutade', kind: 'count' },
      { key: 'share', label: 'Andel av enhetens avslut', kind: 'share' },
    ],
    rows: rows
      .sort((a, b) => byText(a.keys[0], b.keys[0]) || b.n - a.n)
      .map(({ keys: [unit, outcome], n }) => {
        const total = totals.get(String(unit)) as number;
        return {
          unit: String(unit),
          outcome: label(CLOSURE_OUTCOMES, outcome),
          closures: n,
          share: n / total,
          // A share of a unit with fewer than five closures tells of too few people.
          _n: Math.min(n, total),
        };
      }),
  };
}

export function leadTimes(db: ReadModelDb, period: ReportPeriod): Built {
  const startedUnits = [
    ...new Set(
      between(db, 'started', period)
        .map((r) => String(r.keys[0]))
        .sort(byText),
    ),
  ];
  const [toAssigned, toStart, fromAktuell] = ['toAssigned', 'toStart', 'fromAktuell'].map((tally) =>
    histograms(between(db, tally, period), 0, 1),
  );
  return {
    columns: [
      { key: 'unit', label: 'Enhet', kind: 'text' },
      { key: 'started', label: 'Startade', kind: 'count' },
      { key: 'decisionToAssignmentMedian', label: 'Beslut → anvisning, median', kind: 'days' },
      { key: 'decisionToAssignmentP80', label: 'Beslut → anvisning, 80:e percentilen', kind: 'days' },
      { key: 'assignmentToStartMedian', label: 'Anvisning → start, median', kind: 'days' },
      { key: 'assignmentToStartP80', label: 'Anvisning → start, 80:e percentilen', kind: 'days' },
      {
        key: 'aktuellToStartMedian',
        label: 'Aktuell på bistånd → start, median',
        kind: 'days',
        basis: '_aktuell',
      },
      {
        key: 'aktuellToStartP80',
        label: 'Aktuell på bistånd → start, 80:e percentilen',
        kind: 'days',
        basis: '_aktuell',
      },
    ],
    rows: startedUnits.map((unit) => {
      const [assigned, start, aktuell] = [toAssigned, toStart, fromAktuell].map((h) => h.get(unit) ?? []);
      return {
        unit,
        started: countOf(start),
        decisionToAssignmentMedian: percentile(assigned, 0.5),
        decisionToAssignmentP80: percentile(assigned, 0.8),
        assignmentToStartMedian: percentile(start, 0.5),
        assignmentToStartP80: percentile(start, 0.8),
        aktuellToStartMedian: percentile(aktuell, 0.5),
        aktuellToStartP80: percentile(aktuell, 0.8),
        // Fewer people have the date recorded than started: city-wide, their own count decides.
        _aktuell: countOf(aktuell),
        _n: countOf(start),
      };
    }),
  };
}

export function waiting(db: ReadModelDb, period: ReportPeriod): Built {
  const perInsats = (rows: readonly Tallied[]) => histograms(rows, 1, 2);
  // A placement declined after it was queued names no insats any longer: nothing to list it under.
  const ever = perInsats(
    tallyNow(db, PLACEMENT_TALLIES, 'everQueued', period.units).filter((r) => r.keys[1] !== ''),
  );
  const now = perInsats(tallyNow(db, PLACEMENT_TALLIES, 'queuedNow', period.units));
  const waited = perInsats(between(db, 'waited', period));
  const names = insatser(db, [...ever.keys()]);
  return {
    columns: [
      { key: 'insats', label: 'Insats', kind: 'text' },
      { key: 'providingUnit', label: 'Anordnare', kind: 'text' },
      { key: 'queued', label: 'I kö nu', kind: 'count' },
      { key: 'offered', label: 'Erbjudna plats under perioden', kind: 'count' },
      { key: 'waitMedian', label: 'Tid i kö, median', kind: 'days' },
    ],
    rows: [...ever.keys()]
      .map((insatsId) => {
        const waits = waited.get(insatsId) ?? [];
        return {
          insats: names.get(insatsId)?.name ?? insatsId,
          providingUnit: names.get(insatsId)?.providing_unit ?? '–',
          queued: countOf(now.get(insatsId)),
          offered: countOf(waits),
          waitMedian: percentile(waits, 0.5),
          _n: countOf(waits),
        };
      })
      .sort((a, b) => byText(a.insats, b.insats)),
  };
}

export function followUps(db: ReadModelDb, period: ReportPeriod): Built {
  return {
    columns: [
      { key: 'unit', label: 'Enhet', kind: 'text' },
      { key: 'held', label: 'Hållna uppföljningar', kind: 'count' },
      { key: 'onTime', label: 'I tid', kind: 'count' },
      { key: 'shareOnTime', label: 'Andel i tid', kind: 'share' },
    ],
    rows: between(db, 'followUps', period)
      .sort((a, b) => byText(a.keys[0], b.keys[0]))
      .map(({ keys: [unit], n, w }) => ({
        unit: String(unit),
        held: n,
        onTime: Math.round(w),
        shareOnTime: Math.round(w) / n,
        _n: n,
      })),
  };
}

export function unmetNeeds(db: ReadModelDb, period: ReportPeriod): Built {
  return {
    columns: [
      { key: 'unit', label: 'Enhet', kind: 'text' },
      { key: 'category', label: 'Behov', kind: 'text' },
      { key: 'needs', label: 'Antal', kind: 'count' },
    ],
    rows: between(db, 'unmetNeeds', period)
      .sort((a, b) => byText(a.keys[0], b.keys[0]) || b.n - a.n)
      .map(({ keys: [unit, category], n }) => ({
        unit: String(unit),
        category: label(UNMET_NEED_CATEGORIES, category),
        needs: n,
      })),
  };
}

/**
 * Each placement's days within the period at its snapshotted price,
 * summed per placing and providing unit, from the prices per day of the
 * placements by start and end day and those prices times the day (ADR
 * 0036 gives the sum): no placement is read.
 */
export function cost(db: ReadModelDb, { units, from, to }: ReportPeriod): Built {
  const through = (tally: string, day: string) => tallyThrough(db, PLACEMENT_TALLIES, tally, day, units);
  const before = dayBefore(from);
  const [startedTo, startedBefore, endedTo, endedBefore] = [
    through('started', to),
    through('started', before),
    through('ended', to),
    through('ended', before),
  ];
  const none = { n: 0, w: 0, wd: 0 };
  const [first, last] = [dayNumber(from), dayNumber(to)];
  const sums = new Map<string, { unit: string; providingUnit: string; placements: number; sek: number }>();
  for (const [key, s] of startedTo) {
    const [sb, et, eb] = [startedBefore, endedTo, endedBefore].map((m) => m.get(key) ?? none);
    const placements = s.n - eb.n;
    if (placements === 0) continue;
    const sek = et.wd - eb.wd + last * (s.w - et.w) + (s.w - eb.w) - (s.wd - sb.wd) - first * (sb.w - eb.w);
    const [unit, , providingUnit] = s.keys.map(String);
    const sum = sums.get(`${unit}/${providingUnit}`) ?? { unit, providingUnit, placements: 0, sek: 0 };
    sum.placements += placements;
    sum.sek += sek;
    sums.set(`${unit}/${providingUnit}`, sum);
  }
  return {
    columns: [
      { key: 'unit', label: 'Placerande enhet', kind: 'text' },
      { key: 'providingUnit', label: 'Anordnare', kind: 'text' },
      { key: 'billed', label: 'Internfaktureras', kind: 'text' },
      { key: 'placements', label: 'Placeringar', kind: 'count' },
      { key: 'costSek', label: 'Kostnad (kr)', kind: 'sek' },
    ],
    rows: [...sums.values()]
      .sort((a, b) => a.unit.localeCompare(b.unit) || a.providingUnit.localeCompare(b.providingUnit))
      .map((s) => ({
        unit: s.unit,
        providingUnit: s.providingUnit,
        // Another unit's insats is paid for by the placing unit [004]: the billing basis lists each month.
        billed: s.unit === s.providingUnit ? 'Nej' : 'Ja',
        placements: s.placements,
        costSek: Math.round(s.sek),
        _n: s.placements,
      })),
  };
}
