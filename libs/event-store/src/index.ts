export * from './event-store.port';
export * from './errors';
export { MAX_BATCH_BYTES, MAX_EVENT_BYTES } from './validation';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
export * from './hash-chain';
export * from './store-identity';
export * from './append-chained';
