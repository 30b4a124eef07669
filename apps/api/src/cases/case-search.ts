import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ERASED, unseal, type KeyStore } from '@app/engine';
import { ReadModelDb } from '@app/read-model';
import {
  casesMatching,
  createSearchTables,
  forgetErased,
  indexCase,
  pruneErased,
  socialWorkersNamed,
  unindexedCases,
  type CaseListFilter,
} from '@app/projections';
import { KEY_STORE } from '../crypto/key-store.token';

const BATCH = 1000;
const INTERVAL_MS = 1000;
/** Erased cases' tokens go within a minute; looking every second would cost a walk over the index each time. */
const PRUNE_EVERY_MS = 60_000;
/** Each unit's own search key, in the key store beside the cases' keys and wrapped by the same master key. */
const unitKeyId = (unit: string) => `$unit-search-key/${unit}`;

/**
 * Search by reference, journal reference or social worker without opening a
 * single case to search (ADR 0031): a keyed blind index, HMAC tokens of
 * each prefix under the unit's key. New cases are indexed as the case list
 * learns of them, every second and before each search, opening each
 * reference once with its case's key; an erased case is never indexed.
 */
@Injectable()
export class CaseSearch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('CaseSearch');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private prunedAt = 0;

  constructor(
    private readonly db: ReadModelDb,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {
    createSearchTables(db);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.catchUp().catch((error: unknown) => this.logger.error(`indexing failed: ${String(error)}`));
    }, INTERVAL_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): Promise<unknown> | undefined {
    clearInterval(this.timer);
    return this.running;
  }

  /** Indexes the cases the index has not seen; one run at a time. */
  catchUp(): Promise<number> {
    this.running ??= this.indexPending().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** The case-list filter for what was typed, among the cases of the given units. */
  async filterFor(units: readonly string[], typed: string): Promise<NonNullable<CaseListFilter['found']>> {
    await this.catchUp();
    const unitKeys = await Promise.all(units.map((unit) => this.unitKey(unit)));
    const matches = casesMatching(this.db, unitKeys, typed);
    return {
      caseIds: matches.map((m) => m.caseId),
      exactCaseIds: matches.filter((m) => m.exact).map((m) => m.caseId),
      socialWorkerIds: socialWorkersNamed(this.db, typed, units),
    };
  }

  private async indexPending(): Promise<number> {
    forgetErased(this.db);
    if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
      pruneErased(this.db);
      this.prunedAt = Date.now();
    }
    let indexed = 0;
    for (;;) {
      const pending = unindexedCases(this.db, BATCH);
      for (const found of pending) {
        const key = await this.keys.findKey(found.caseId);
        const open = (sealed: string | null) => {
          const value = sealed === null ? undefined : unseal(key, sealed);
          return typeof value === 'string' && value !== ERASED ? value : undefined;
        };
        const reference = open(found.reference);
        const journalRef = open(found.journalRef);
        // An erased case keeps no tokens: it is marked seen, so it is not opened again.
        indexCase(
          this.db,
          found.caseId,
          await this.unitKey(found.unit),
          {
            ...(reference === undefined ? {} : { reference }),
            ...(journalRef === undefined ? {} : { journalRef }),
          },
          found.referenceRevision,
        );
        indexed += 1;
      }
      if (pending.length < BATCH) return indexed;
    }
  }

  private async unitKey(unit: string): Promise<Buffer> {
    const key = await this.keys.dataKey(unitKeyId(unit));
    if (!key) throw new Error(`the search key of ${unit} was destroyed`);
    return key;
  }
}
