import { INSATS_EVENTS } from '@app/engine';
import {
  INSATS_MESSAGES,
  type Projection,
  type ProjectionFactory,
  type ReadModelDb,
  type StoredEventMessage,
} from '@app/read-model';

/** The catalogue entry as events carry it: the fields the read model filters and prices on. */
interface EntryData {
  name: string;
  kind: string;
  trappsteg: string;
  bipType: string;
  branschomrade?: string;
  places: number;
  openTo: string;
  openToUnits?: string[];
  priceForOtherUnitsSek?: number;
  cost: { amountSek: number; period: string };
  adaptations: string[];
}

/**
 * The shared catalogue of insatser: the newest version of each entry with
 * the columns its filters search, every earlier version beside it, and
 * which adaptations and units each names. Not case data: no case, no
 * person, so no visibility filter reads it.
 */
class CatalogueProjection implements Projection {
  readonly handles = INSATS_MESSAGES;
  readonly name = 'catalogue';
  readonly tables = [
    {
      name: 'ic_insatser',
      ddl: [
        `CREATE TABLE ic_insatser (
           insats_id TEXT PRIMARY KEY, providing_unit TEXT NOT NULL, version INTEGER NOT NULL,
           status TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, trappsteg TEXT NOT NULL,
           bip_type TEXT NOT NULL, branschomrade TEXT, places INTEGER NOT NULL, open_to TEXT NOT NULL,
           price_sek INTEGER NOT NULL, price_period TEXT NOT NULL, price_other_units_sek INTEGER,
           entry TEXT NOT NULL, status_reason TEXT, registered_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
        'CREATE INDEX ic_insatser_unit ON ic_insatser (providing_unit, status)',
        'CREATE INDEX ic_insatser_kind ON ic_insatser (kind, status)',
        'CREATE INDEX ic_insatser_trappsteg ON ic_insatser (trappsteg, status)',
      ],
    },
    {
      name: 'ic_versions',
      ddl: [
        `CREATE TABLE ic_versions (
           insats_id TEXT NOT NULL, version INTEGER NOT NULL, entry TEXT NOT NULL, recorded_at TEXT NOT NULL,
           actor_id TEXT NOT NULL, PRIMARY KEY (insats_id, version))`,
      ],
    },
    {
      name: 'ic_adaptations',
      ddl: [
        'CREATE TABLE ic_adaptations (insats_id TEXT NOT NULL, adaptation TEXT NOT NULL, PRIMARY KEY (insats_id, adaptation))',
        'CREATE INDEX ic_adaptations_by ON ic_adaptations (adaptation, insats_id)',
      ],
    },
    {
      name: 'ic_open_units',
      ddl: [
        'CREATE TABLE ic_open_units (insats_id TEXT NOT NULL, unit TEXT NOT NULL, PRIMARY KEY (insats_id, unit))',
        'CREATE INDEX ic_open_units_by ON ic_open_units (unit, insats_id)',
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data } = message;
    const insatsId = String(data.insatsId);
    const at = message.occurredAt;
    switch (message.event.type) {
      case INSATS_EVENTS.registered:
      case INSATS_EVENTS.revised:
        this.version(db, message, insatsId, data.entry as EntryData);
        return;
      case INSATS_EVENTS.paused:
        db.run(
          `UPDATE ic_insatser SET status = 'paused', status_reason = :reason, updated_at = :at WHERE insats_id = :insatsId`,
          { insatsId, reason: data.reason ?? null, at },
        );
        return;
      case INSATS_EVENTS.resumed:
        db.run(
          `UPDATE ic_insatser SET status = 'active', status_reason = NULL, updated_at = :at WHERE insats_id = :insatsId`,
          { insatsId, at },
        );
        return;
      case INSATS_EVENTS.closed:
        db.run(
          `UPDATE ic_insatser SET status = 'closed', status_reason = NULL, updated_at = :at WHERE insats_id = :insatsId`,
          { insatsId, at },
        );
    }
  }

  private version(db: ReadModelDb, message: StoredEventMessage, insatsId: string, entry: EntryData): void {
    const at = message.occurredAt;
    const version = Number(message.data.version);
    const row = {
      insatsId,
      providingUnit: message.data.providingUnit ?? null,
      version,
      name: entry.name,
      kind: entry.kind,
      trappsteg: entry.trappsteg,
      bipType: entry.bipType,
      branschomrade: entry.branschomrade ?? null,
      places: entry.places,
      openTo: entry.openTo,
      priceSek: entry.cost.amountSek,
      pricePeriod: entry.cost.period,
      priceOtherUnitsSek: entry.priceForOtherUnitsSek ?? null,
      entry: JSON.stringify(entry),
      at,
    };
    // A revision keeps the providing unit and status: only registering sets them.
    if (message.event.type === INSATS_EVENTS.registered)
      db.run(
        `INSERT INTO ic_insatser (insats_id, providing_unit, version, status, name, kind, trappsteg, bip_type,
           branschomrade, places, open_to, price_sek, price_period, price_other_units_sek, entry, registered_at,
           updated_at)
         VALUES (:insatsId, :providingUnit, :version, 'active', :name, :kind, :trappsteg, :bipType,
           :branschomrade, :places, :openTo, :priceSek, :pricePeriod, :priceOtherUnitsSek, :entry, :at, :at)`,
        row,
      );
    else
      db.run(
        `UPDATE ic_insatser SET version = :version, name = :name, kind = :kind, trappsteg = :trappsteg,
           bip_type = :bipType, branschomrade = :branschomrade, places = :places, open_to = :openTo,
           price_sek = :priceSek, price_period = :pricePeriod, price_other_units_sek = :priceOtherUnitsSek,
           entry = :entry, updated_at = :at
         WHERE insats_id = :insatsId`,
        row,
      );
    db.run(
      `INSERT INTO ic_versions (insats_id, version, entry, recorded_at, actor_id)
       VALUES (:insatsId, :version, :entry, :at, :actorId)`,
      { insatsId, version, entry: row.entry, at, actorId: String(message.event.metadata.actorId ?? '') },
    );
    db.run('DELETE FROM ic_adaptations WHERE insats_id = :insatsId', { insatsId });
    for (const adaptation of entry.adaptations)
      db.run('INSERT INTO ic_adaptations (insats_id, adaptation) VALUES (:insatsId, :adaptation)', {
        insatsId,
        adaptation,
      });
    db.run('DELETE FROM ic_open_units WHERE insats_id = :insatsId', { insatsId });
    for (const unit of entry.openToUnits ?? [])
      db.run('INSERT INTO ic_open_units (insats_id, unit) VALUES (:insatsId, :unit)', { insatsId, unit });
  }
}

export const catalogueProjection: ProjectionFactory = () => new CatalogueProjection();
