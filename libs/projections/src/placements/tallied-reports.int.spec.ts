import type { TestingModule } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SqliteEventStore } from '@app/event-store';
import { ReadModelDb } from '@app/read-model';
import { startReadModels } from '../testing/read-models-module';
import { cost, followUps, leadTimes, outcomes, participants, unmetNeeds, waiting } from './tallied-reports';
import { AGE_BANDS, KON } from '@app/engine';
import { participantsByGroup, targetGroups } from './client-fact-reports';
import { recordParticipation } from './participation';
import { placesQueued, placesTaken } from './occupancy';

/**
 * The reports read from the tallies the triggers keep (ADR 0036) must say
 * what counting the placements' rows directly says, for any rows, any
 * changes to them and any period: the oracle below reads the rows in
 * plain code, one placement at a time.
 */
const UNITS = ['a', 'b', 'c'];
const INSATSER = [
  { id: 'i1', provider: 'a' },
  { id: 'i2', provider: 'b' },
  { id: 'i3', provider: 'c' },
];
const CASES = 12;
const MISSING = 'Uppgift saknas';
const PHASES = ['anvisning', 'ko', 'forberedelse', 'pagar', 'avslutad', 'avbruten'];
const DAY_MS = 86_400_000;
const dayOf = (n: number) => new Date(Date.UTC(2025, 10, 1) + n * DAY_MS).toISOString().slice(0, 10);
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

interface Placement {
  case_id: string;
  unit: string;
  phase: string;
  insats_id: string | null;
  providing_unit: string | null;
  price_sek: number;
  price_period: string;
  decided_on: string | null;
  assigned_on: string | null;
  queued_at: string | null;
  started_on: string | null;
  ended_on: string | null;
  outcome: string | null;
  offered_on: string | null;
  aktuell_sedan: string | null;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const placement = fc
  .record({
    unit: fc.constantFrom(...UNITS),
    phase: fc.constantFrom(...PHASES),
    insats: maybe(fc.constantFrom(...INSATSER)),
    price: fc.integer({ min: 0, max: 60_000 }),
    yearly: fc.boolean(),
    decided: maybe(fc.integer({ min: 0, max: 30 })),
    assigned: maybe(fc.integer({ min: 0, max: 30 })),
    queued: maybe(fc.integer({ min: 0, max: 30 })),
    started: maybe(fc.integer({ min: 0, max: 500 })),
    ended: maybe(fc.integer({ min: 0, max: 400 })),
    outcome: maybe(fc.constantFrom('arbete', 'studier', 'annan_insats')),
    offered: maybe(fc.integer({ min: 0, max: 60 })),
    aktuell: maybe(fc.integer({ min: -200, max: 500 })),
  })
  .map((p): Omit<Placement, 'case_id'> => {
    const decided = p.decided === null ? null : dayOf(p.decided);
    const assigned = p.assigned === null ? null : dayOf((p.decided ?? 0) + p.assigned);
    const started = p.started === null ? null : dayOf(p.started);
    return {
      unit: p.unit,
      phase: p.phase,
      insats_id: p.insats?.id ?? null,
      providing_unit: p.insats?.provider ?? null,
      price_sek: p.price,
      price_period: p.yearly ? 'year' : 'month',
      decided_on: decided,
      assigned_on: assigned,
      queued_at: p.queued === null ? null : `${dayOf(p.queued)}T09:30:00.000Z`,
      started_on: started,
      ended_on: started && p.ended !== null ? dayOf((p.started ?? 0) + p.ended) : null,
      outcome: started && p.ended !== null ? p.outcome : null,
      offered_on: p.queued !== null && p.offered !== null ? dayOf(p.queued + p.offered) : null,
      aktuell_sedan: p.aktuell === null ? null : dayOf(p.aktuell),
    };
  });
const followUp = fc.record({
  unit: fc.constantFrom(...UNITS),
  held: fc.integer({ min: 0, max: 500 }).map(dayOf),
  onTime: fc.boolean(),
});
const unmet = fc.record({
  unit: fc.constantFrom(...UNITS),
  category: fc.constantFrom('kommunikativ_svenska', 'annat'),
  recorded: fc.integer({ min: 0, max: 500 }).map(dayOf),
});
const facts = fc.record({
  unit: fc.constantFrom(...UNITS),
  group: fc.constantFrom('ekonomiskt_bistand', 'annan'),
  reason: fc.constantFrom('arbetsloshet', 'sjukdom'),
  aktuell: fc.integer({ min: -200, max: 500 }).map(dayOf),
});
const person = fc.record({
  caseNo: fc.nat(CASES - 1),
  kon: fc.constantFrom(...(Object.keys(KON) as (keyof typeof KON)[])),
  ageBand: fc.constantFrom(...(Object.keys(AGE_BANDS) as (keyof typeof AGE_BANDS)[])),
});
const period = fc
  .tuple(fc.integer({ min: -40, max: 540 }), fc.integer({ min: 0, max: 540 }))
  .map(([from, length]) => ({ from: dayOf(from), to: dayOf(from + length) }));
const scope = fc.option(fc.subarray(UNITS, { minLength: 1 }), { nil: undefined });

const canonical = (rows: readonly object[]) =>
  rows.map((row) => JSON.stringify(Object.entries(row).filter(([k]) => !k.startsWith('_')))).sort();
const nearestRank = (values: number[], share: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
};
const groupCount = <T>(rows: readonly T[], key: (row: T) => string) => {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
};

describe('insats reports from the tallies', () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  let module: TestingModule;
  let db: ReadModelDb;

  beforeAll(async () => {
    module = await startReadModels(store, { filename: ':memory:' });
    db = module.get(ReadModelDb);
    for (const { id, provider } of INSATSER)
      db.run(
        `INSERT INTO ic_insatser (insats_id, providing_unit, version, status, name, kind, trappsteg, bip_type,
           places, open_to, price_sek, price_period, entry, registered_at, updated_at)
         VALUES (:id, :provider, 1, 'active', :name, 'arbetstraning', 'arbetsinriktad_rehabilitering',
           'jobbfokuserande', 10, 'egen_enhet', 1, 'month', '{}', '2025-01-01', '2025-01-01')`,
        { id, provider, name: `Insats ${id}` },
      );
  });
  afterAll(async () => {
    await module.close();
    await store.close();
  });

  const reset = () => {
    for (const table of [
      'pl_placements',
      'pl_follow_ups',
      'pl_unmet_needs',
      'pl_client_facts',
      'pl_case_facts',
    ])
      db.run(`DELETE FROM ${table}`);
  };
  const insert = (p: Placement & { instance_id: string }) =>
    db.run(
      `INSERT INTO pl_placements (case_id, instance_id, unit, phase, insats_id, insats_name, providing_unit,
         price_sek, price_period, decided_on, assigned_on, queued_at, started_on, ended_on, outcome, offered_on,
         aktuell_sedan, started_at, placement_id)
       VALUES (:case_id, :instance_id, :unit, :phase, :insats_id, 'snapshot', :providing_unit, :price_sek, :price_period,
         :decided_on, :assigned_on, :queued_at, :started_on, :ended_on, :outcome, :offered_on, :aktuell_sedan,
         '2025-01-01T00:00:00.000Z', :instance_id)`,
      { ...p },
    );

  it('say what the rows say, after any placements, changes, erasures and for any period', () => {
    fc.assert(
      fc.property(
        fc.array(placement, { minLength: 8, maxLength: 40, size: 'large' }),
        fc.array(fc.tuple(fc.nat(39), placement), { maxLength: 15 }),
        fc.array(fc.nat(CASES - 1), { maxLength: 3 }),
        fc.array(followUp, { maxLength: 15 }),
        fc.array(unmet, { maxLength: 10 }),
        fc.array(facts, { maxLength: 15 }),
        fc.array(fc.tuple(period, scope), { minLength: 1, maxLength: 4 }),
        fc.array(person, { maxLength: CASES }),
        (placements, changes, erased, held, needs, clientFacts, periods, people) => {
          reset();
          // A case can have several placements, in one unit or more: people are counted once per unit.
          placements.forEach((p, i) => insert({ ...p, case_id: `c${i % CASES}`, instance_id: `p${i}` }));
          for (const [i, changed] of changes)
            db.run(
              `UPDATE pl_placements SET unit = :unit, phase = :phase, insats_id = :insats_id,
                 providing_unit = :providing_unit, price_sek = :price_sek, price_period = :price_period,
                 decided_on = :decided_on, assigned_on = :assigned_on, queued_at = :queued_at,
                 started_on = :started_on, ended_on = :ended_on, outcome = :outcome, offered_on = :offered_on,
                 aktuell_sedan = :aktuell_sedan
               WHERE instance_id = :instance_id`,
              { ...changed, instance_id: `p${i}` },
            );
          for (const i of erased) db.run('DELETE FROM pl_placements WHERE case_id = :id', { id: `c${i}` });
          held.forEach((f, i) =>
            db.run(`INSERT INTO pl_follow_ups VALUES (:id, 'p', :unit, :held, :onTime)`, {
              ...f,
              id: `c${i}`,
              onTime: f.onTime ? 1 : 0,
            }),
          );
          needs.forEach((u, i) =>
            db.run(`INSERT INTO pl_unmet_needs VALUES (:id, 'p', :unit, :category, :recorded)`, {
              ...u,
              id: `c${i}`,
            }),
          );
          clientFacts.forEach((f, i) =>
            db.run(`INSERT INTO pl_client_facts VALUES (:id, :unit, :aktuell, :reason, :group)`, {
              ...f,
              id: `c${i}`,
            }),
          );
          for (const { caseNo, kon, ageBand } of people)
            db.run(
              `INSERT INTO pl_case_facts VALUES (:id, '2025-01-01', :kon, :ageBand)
               ON CONFLICT (case_id) DO UPDATE SET kon = excluded.kon, age_band = excluded.age_band`,
              { id: `c${caseNo}`, kon, ageBand },
            );
          for (let i = 0; i < CASES; i++) recordParticipation(db, `c${i}`);
          const factsOf = new Map(people.map((p) => [`c${p.caseNo}`, p]));
          const rows = db.all<Placement>('SELECT * FROM pl_placements');
          for (const [{ from, to }, units] of periods) {
            const mine = <T extends { unit: string }>(r: T) => units === undefined || units.includes(r.unit);
            const inPeriod = (day: string | null) => day !== null && day >= from && day <= to;
            const report = { units, from, to };
            const running = rows.filter(
              (r) =>
                mine(r) &&
                r.started_on !== null &&
                r.started_on <= to &&
                (r.ended_on === null || r.ended_on >= from),
            );

            expect(canonical(participants(db, report).rows)).toEqual(
              canonical(
                [...groupCount(running, (r) => `${r.unit}/${r.insats_id}/${r.providing_unit}`)].map(
                  ([key, n]) => {
                    const [unit, insats, provider] = key.split('/');
                    return {
                      unit,
                      insats: insats === 'null' ? '' : `Insats ${insats}`,
                      providingUnit: provider === 'null' ? '' : provider,
                      trappsteg: insats === 'null' ? '–' : 'Arbetsinriktad rehabilitering',
                      participants: n,
                    };
                  },
                ),
              ),
            );

            const people = new Map<string, Set<string>>();
            for (const r of running) {
              const f = factsOf.get(r.case_id);
              const key = JSON.stringify([
                r.unit,
                f ? KON[f.kon] : MISSING,
                f ? AGE_BANDS[f.ageBand] : MISSING,
              ]);
              people.set(key, (people.get(key) ?? new Set()).add(r.case_id));
            }
            expect(
              participantsByGroup(db, report)
                .rows.map((r) => [JSON.stringify([r.unit, r.kon, r.ageBand]), r.participants])
                .sort(),
            ).toEqual([...people].map(([key, cases]) => [key, cases.size]).sort());

            const closed = rows.filter((r) => mine(r) && r.outcome !== null && inPeriod(r.ended_on));
            expect(
              outcomes(db, report)
                .rows.map((r) => [r.unit, r.closures, r.share])
                .sort(),
            ).toEqual(
              [...groupCount(closed, (r) => `${r.unit}/${r.outcome}`)]
                .map(([key, n]) => {
                  const unit = key.split('/')[0];
                  return [unit, n, n / closed.filter((r) => r.unit === unit).length];
                })
                .sort(),
            );

            const started = rows.filter((r) => mine(r) && inPeriod(r.started_on));
            expect(canonical(leadTimes(db, report).rows)).toEqual(
              canonical(
                [...new Set(started.map((r) => r.unit))].map((unit) => {
                  const own = started.filter((r) => r.unit === unit);
                  const toAssigned = own
                    .filter((r) => r.decided_on && r.assigned_on)
                    .map((r) => days(r.decided_on!, r.assigned_on!));
                  const toStart = own
                    .filter((r) => r.assigned_on)
                    .map((r) => days(r.assigned_on!, r.started_on!));
                  const fromAktuell = own
                    .filter((r) => r.aktuell_sedan && r.aktuell_sedan <= r.started_on!)
                    .map((r) => days(r.aktuell_sedan!, r.started_on!));
                  return {
                    unit,
                    started: toStart.length,
                    decisionToAssignmentMedian: nearestRank(toAssigned, 0.5),
                    decisionToAssignmentP80: nearestRank(toAssigned, 0.8),
                    assignmentToStartMedian: nearestRank(toStart, 0.5),
                    assignmentToStartP80: nearestRank(toStart, 0.8),
                    aktuellToStartMedian: nearestRank(fromAktuell, 0.5),
                    aktuellToStartP80: nearestRank(fromAktuell, 0.8),
                  };
                }),
              ),
            );

            const queued = rows.filter((r) => mine(r) && r.queued_at !== null && r.insats_id !== null);
            expect(canonical(waiting(db, report).rows)).toEqual(
              canonical(
                [...new Set(queued.map((r) => r.insats_id!))].map((insats) => {
                  const own = queued.filter((r) => r.insats_id === insats);
                  const waits = own
                    .filter((r) => inPeriod(r.offered_on))
                    .map((r) => days(r.queued_at!.slice(0, 10), r.offered_on!));
                  return {
                    insats: `Insats ${insats}`,
                    providingUnit: INSATSER.find((i) => i.id === insats)!.provider,
                    queued: own.filter((r) => r.phase === 'ko').length,
                    offered: waits.length,
                    waitMedian: nearestRank(waits, 0.5),
                  };
                }),
              ),
            );

            const heldIn = held.filter((f) => mine(f) && inPeriod(f.held));
            expect(canonical(followUps(db, report).rows)).toEqual(
              canonical(
                [...groupCount(heldIn, (f) => f.unit)].map(([unit, n]) => {
                  const onTime = heldIn.filter((f) => f.unit === unit && f.onTime).length;
                  return { unit, held: n, onTime, shareOnTime: onTime / n };
                }),
              ),
            );

            expect(
              canonical(unmetNeeds(db, report).rows.map((r) => ({ unit: r.unit, needs: r.needs }))),
            ).toEqual(
              canonical(
                [
                  ...groupCount(
                    needs.filter((u) => mine(u) && inPeriod(u.recorded)),
                    (u) => `${u.unit}/${u.category}`,
                  ),
                ].map(([key, n]) => ({ unit: key.split('/')[0], needs: n })),
              ),
            );

            const counted = new Map<string, number>();
            clientFacts
              .map((f, i) => ({ ...f, i }))
              .filter((f) => mine(f) && f.aktuell <= to)
              .forEach((f) =>
                counted.set(
                  `${f.unit}/${f.group}/${f.reason}`,
                  (counted.get(`${f.unit}/${f.group}/${f.reason}`) ?? 0) + 1,
                ),
              );
            expect(
              targetGroups(db, report)
                .rows.map((r) => r.cases)
                .reduce((s: number, n) => s + Number(n), 0),
            ).toBe([...counted.values()].reduce((s, n) => s + n, 0));
            expect(targetGroups(db, report).rows).toHaveLength(counted.size);

            const costs = new Map<string, { placements: number; sek: number }>();
            for (const r of running) {
              const first = r.started_on! > from ? r.started_on! : from;
              const last = r.ended_on && r.ended_on < to ? r.ended_on : to;
              const perMonth = r.price_period === 'year' ? r.price_sek / 12 : r.price_sek;
              const key = `${r.unit}/${r.providing_unit ?? ''}`;
              const sum = costs.get(key) ?? { placements: 0, sek: 0 };
              costs.set(key, {
                placements: sum.placements + 1,
                sek: sum.sek + ((days(first, last) + 1) / (365.25 / 12)) * perMonth,
              });
            }
            const answered = cost(db, report).rows;
            expect(answered.map((r) => `${r.unit}/${r.providingUnit}:${r.placements}`).sort()).toEqual(
              [...costs].map(([key, c]) => `${key}:${c.placements}`).sort(),
            );
            for (const r of answered)
              expect(
                Math.abs(Number(r.costSek) - costs.get(`${r.unit}/${r.providingUnit}`)!.sek),
              ).toBeLessThanOrEqual(0.51);
          }
          for (const { id } of INSATSER) {
            const [taken, waitingFor] = [placesTaken(':id'), placesQueued(':id')].map(
              (sql) => db.get<{ n: number }>(`SELECT ${sql} AS n`, { id })!.n,
            );
            expect([taken, waitingFor]).toEqual([
              rows.filter((r) => r.insats_id === id && ['forberedelse', 'pagar'].includes(r.phase)).length,
              rows.filter((r) => r.insats_id === id && r.phase === 'ko').length,
            ]);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
