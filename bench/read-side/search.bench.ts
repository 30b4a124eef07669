/**
 * Case search as the store grows (issue 18): a biträdande enhetschef whose
 * unit holds 1,000 cases searches by the beginning of a reference, by a
 * whole one, by a journal reference and by a social worker's name, while
 * other units hold the rest. Cases and their blind-index tokens go straight
 * into the tables (the projections' DDL and the index's own), tokens made by
 * the index's own function under each unit's key; the timed work is the
 * search the API does: the index lookup and the case-list query it filters.
 * Goal: under 100 ms at 100,000 cases, and within 1.5x of 1,000.
 */
import { createHash } from 'node:crypto';
import { ReadModelDb } from '@app/read-model';
import { caseAccessProjection, staffProjection } from '@app/access';
import { caseListProjection } from '@app/projections/case-list/case-list.projection';
import { ListCasesHandler, ListCasesQuery } from '@app/projections/case-list/case-list.queries';
import { searchTokensOf } from '@app/projections/search/blind-index';
import { casesMatching, createSearchTables, socialWorkersNamed } from '@app/projections/search/search-index';
import { createTablesOf, p50 } from './hot-queries';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const OWN_UNIT = 'jarva-1';
const OWN_CASES = 1000;
const NOW = '2026-12-01T10:00:00.000Z';
const keyOf = (unit: string) => createHash('sha256').update(`bench-search-key/${unit}`).digest();
const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVY';
/** Initials and birth year and month, as units write them: many share their beginning. */
const referenceOf = (n: number) =>
  `${LETTERS[n % 22]}${LETTERS[Math.floor(n / 22) % 22]} 19${String(40 + (n % 60)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}`;
const scope = {
  wholeUnits: [OWN_UNIT],
  caseManagerUnits: [],
  socialWorkerUnits: [],
  mentees: [],
  covered: [],
  userId: 'bec',
};

function seeded(cases: number): ReadModelDb {
  const db = new ReadModelDb(':memory:');
  createTablesOf(db, [caseListProjection, caseAccessProjection, staffProjection]);
  createSearchTables(db);
  db.sqlite.transaction(() => {
    const c = db.sqlite.prepare(
      `INSERT INTO cl_cases (case_id, reference, unit, social_worker_id, opened_at, updated_at, revision)
       VALUES (?, 'sealed', ?, ?, ?, ?, 3)`,
    );
    const a = db.sqlite.prepare('INSERT INTO ac_cases (case_id, unit, social_worker_id) VALUES (?, ?, ?)');
    const token = db.sqlite.prepare('INSERT OR IGNORE INTO cs_search_tokens VALUES (?, ?, ?)');
    const indexed = db.sqlite.prepare('INSERT INTO cs_search_indexed (case_id) VALUES (?)');
    const member = db.sqlite.prepare(
      "INSERT OR IGNORE INTO sf_members VALUES (?, ?, 'socialsekreterare', ?, '2026-01-01T00:00:00.000Z', NULL)",
    );
    for (let n = 0; n < cases; n++) {
      const caseId = `case-${n}`;
      const unit = n < OWN_CASES ? OWN_UNIT : `unit-${n % 99}`;
      const worker = `${unit}-ss-${n % 20}`;
      const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
      c.run(caseId, unit, worker, at, at);
      a.run(caseId, unit, worker);
      member.run(worker, unit, `Handläggare ${n % 20} ${unit}`);
      const key = keyOf(unit);
      for (const t of searchTokensOf(key, 'reference', referenceOf(n)))
        token.run(t.token, caseId, t.exact ? 1 : 0);
      for (const t of searchTokensOf(key, 'journalRef', `J-2026/${String(n).padStart(6, '0')}`))
        token.run(t.token, caseId, t.exact ? 1 : 0);
      indexed.run(caseId);
    }
  })();
  return db;
}

async function timed(db: ReadModelDb) {
  const list = new ListCasesHandler(db);
  const search = (typed: string) => async () => {
    const matches = casesMatching(db, [keyOf(OWN_UNIT)], typed);
    const found = {
      caseIds: matches.map((m) => m.caseId),
      exactCaseIds: matches.filter((m) => m.exact).map((m) => m.caseId),
      socialWorkerIds: socialWorkersNamed(db, typed, [OWN_UNIT]),
    };
    return list.execute(new ListCasesQuery({ found }, NOW, { limit: 50, offset: 0 }, scope));
  };
  return {
    prefix: await p50(search('AB 19')),
    whole: await p50(search(referenceOf(22 * 3))),
    journal: await p50(search('J-2026/000123')),
    name: await p50(search('Handläggare 7')),
  };
}

async function main(): Promise<void> {
  console.log(`search bench: ${OWN_CASES} cases in the caller's unit, the rest in 99 others; p50 in ms`);
  const rows: { cases: number; figures: Awaited<ReturnType<typeof timed>> }[] = [];
  for (const cases of SIZES) {
    const db = seeded(cases);
    rows.push({ cases, figures: await timed(db) });
    db.close();
  }
  const [base] = rows;
  const last = rows[rows.length - 1];
  console.log(
    `| search | ${rows.map((r) => r.cases.toLocaleString('en-US')).join(' | ')} | largest vs smallest |`,
  );
  console.log(`|---|${rows.map(() => '---|').join('')}---|`);
  for (const name of ['prefix', 'whole', 'journal', 'name'] as const)
    console.log(
      `| ${name} | ${rows.map((r) => r.figures[name].toFixed(2)).join(' | ')} | ${(last.figures[name] / base.figures[name]).toFixed(2)}x |`,
    );
}

void main();
