import type { ReadModelDb } from '@app/read-model';
import { normalisedForSearch, searchToken, searchTokensOf, type SearchField } from './blind-index';

/**
 * The blind index of the case list's sealed fields: tokens, never text.
 * Not a projection: its tokens need the case's key to open the reference
 * once, which a projection never holds, so it follows the case list on its
 * own and keeps which cases it has indexed, and at which correction of
 * their reference. A rebuild of the read models leaves it as it is; a
 * corrected reference is indexed again, its old tokens gone; an erased case
 * drops out of every answer with its row in the case list.
 */
export const SEARCH_TABLES = [
  `CREATE TABLE IF NOT EXISTS cs_search_tokens (
     token TEXT NOT NULL, case_id TEXT NOT NULL, exact INTEGER NOT NULL, PRIMARY KEY (token, case_id))`,
  'CREATE TABLE IF NOT EXISTS cs_search_indexed (case_id TEXT PRIMARY KEY, erased INTEGER NOT NULL DEFAULT 0)',
  'CREATE INDEX IF NOT EXISTS cs_search_tokens_case ON cs_search_tokens (case_id)',
  // The revision of the reference's latest correction each case was indexed at.
  'CREATE TABLE IF NOT EXISTS cs_search_refreshed (case_id TEXT PRIMARY KEY, revision INTEGER NOT NULL)',
];

export interface Unindexed {
  readonly caseId: string;
  readonly unit: string;
  /** Sealed, as the case list keeps them. */
  readonly reference: string;
  readonly journalRef: string | null;
  /** The revision of the latest correction of its reference; null when never corrected. */
  readonly referenceRevision: number | null;
}

export function createSearchTables(db: ReadModelDb): void {
  for (const ddl of SEARCH_TABLES) db.sqlite.exec(ddl);
}

/** Cases in the case list the index has not seen, oldest first, then those whose reference was corrected since. */
export function unindexedCases(db: ReadModelDb, limit: number): Unindexed[] {
  const columns = `c.case_id AS caseId, c.unit, c.reference, c.journal_ref AS journalRef,
    c.reference_revision AS referenceRevision`;
  const unseen = db.all<Unindexed>(
    `SELECT ${columns} FROM cl_cases c
     WHERE c.erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM cs_search_indexed s WHERE s.case_id = c.case_id)
     ORDER BY c.opened_at, c.case_id LIMIT :limit`,
    { limit },
  );
  if (unseen.length === limit) return unseen;
  const corrected = db.all<Unindexed>(
    `SELECT ${columns} FROM cl_cases c INDEXED BY cl_cases_reference_changed
     WHERE c.reference_revision IS NOT NULL AND c.erased_at IS NULL
       AND EXISTS (SELECT 1 FROM cs_search_indexed s WHERE s.case_id = c.case_id)
       AND NOT EXISTS (SELECT 1 FROM cs_search_refreshed r
                       WHERE r.case_id = c.case_id AND r.revision >= c.reference_revision)
     LIMIT :limit`,
    { limit: limit - unseen.length },
  );
  return [...unseen, ...corrected];
}

/** A case's tokens for its opened fields, and the mark that it is indexed, in one transaction. */
export function indexCase(
  db: ReadModelDb,
  caseId: string,
  unitKey: Buffer,
  opened: Partial<Record<SearchField, string>>,
  referenceRevision: number | null = null,
): void {
  db.transaction(() => {
    if (referenceRevision !== null) {
      // Every token goes, the journal reference's too: it is indexed again from the case list's row.
      db.run('DELETE FROM cs_search_tokens WHERE case_id = :caseId', { caseId });
      db.run(
        `INSERT INTO cs_search_refreshed (case_id, revision) VALUES (:caseId, :referenceRevision)
         ON CONFLICT (case_id) DO UPDATE SET revision = excluded.revision`,
        { caseId, referenceRevision },
      );
    }
    for (const [field, value] of Object.entries(opened) as [SearchField, string][])
      for (const { token, exact } of searchTokensOf(unitKey, field, value))
        db.run(
          `INSERT INTO cs_search_tokens (token, case_id, exact) VALUES (:token, :caseId, :exact)
           ON CONFLICT (token, case_id) DO UPDATE SET exact = max(exact, excluded.exact)`,
          { token, caseId, exact: exact ? 1 : 0 },
        );
    db.run('INSERT OR IGNORE INTO cs_search_indexed (case_id) VALUES (:caseId)', { caseId });
  });
}

/**
 * The cases whose reference or journal reference is, or begins with, what
 * was typed, under each of the units' keys; exact matches marked. Visibility
 * is the case list's to apply.
 */
export function casesMatching(
  db: ReadModelDb,
  unitKeys: readonly Buffer[],
  typed: string,
): { readonly caseId: string; readonly exact: boolean }[] {
  const normalised = normalisedForSearch(typed);
  if (normalised.length === 0) return [];
  const tokens = unitKeys.flatMap((key) =>
    (['reference', 'journalRef'] as const).map((field) => searchToken(key, field, normalised)),
  );
  return db
    .all<{ case_id: string; exact: number }>(
      `SELECT case_id, max(exact) AS exact FROM cs_search_tokens
       WHERE token IN (SELECT value FROM json_each(:tokens)) GROUP BY case_id`,
      { tokens: JSON.stringify(tokens) },
    )
    .map((row) => ({ caseId: row.case_id, exact: row.exact === 1 }));
}

/** The social workers of the units whose name begins with, or has a word beginning with, what was typed (two letters or more). */
export function socialWorkersNamed(db: ReadModelDb, typed: string, units: readonly string[]): string[] {
  const words = typed.trim().toLocaleLowerCase('sv-SE');
  if (words.length < 2) return [];
  return db
    .all<{ user_id: string }>(
      `SELECT DISTINCT user_id FROM sf_members
       WHERE unit IN (SELECT value FROM json_each(:units)) AND role = 'socialsekreterare'
         AND (lower(name) LIKE :typed || '%' OR lower(name) LIKE '% ' || :typed || '%')`,
      { typed: words.replace(/[%_]/g, ''), units: JSON.stringify(units) },
    )
    .map((row) => row.user_id);
}

/** The tokens of cases erased since the last run: an erased case is found by nothing, not even its old reference. */
export function forgetErased(db: ReadModelDb): number {
  return db.transaction(() => {
    const erased = db.all<{ case_id: string }>(
      `SELECT c.case_id FROM cl_cases c JOIN cs_search_indexed s ON s.case_id = c.case_id
       WHERE c.erased_at IS NOT NULL AND s.erased = 0`,
    );
    for (const { case_id: caseId } of erased) {
      db.run('DELETE FROM cs_search_tokens WHERE case_id = :caseId', { caseId });
      db.run('UPDATE cs_search_indexed SET erased = 1 WHERE case_id = :caseId', { caseId });
    }
    return erased.length;
  });
}

/** Tokens of cases no longer in the case list at all (a read model rebuilt without them): gone, so not even a keyed digest of the reference stays. */
export function pruneErased(db: ReadModelDb): number {
  return db.transaction(() => {
    const gone = `SELECT s.case_id FROM cs_search_indexed s
      WHERE NOT EXISTS (SELECT 1 FROM cl_cases c WHERE c.case_id = s.case_id)`;
    db.run(`DELETE FROM cs_search_tokens WHERE case_id IN (${gone})`);
    return db.run(`DELETE FROM cs_search_indexed WHERE case_id IN (${gone})`).changes;
  });
}
