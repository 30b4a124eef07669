import { randomUUID } from 'node:crypto';
import { eventStoreContract } from '../testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTOREDB_CONNECTION_STRING;

eventStoreContract({
  name: 'EventStoreDB',
  skipReason: connectionString ? undefined : 'EVENTSTOREDB_CONNECTION_STRING is not set',
  // A fresh log per test on one server: its own stream prefix, so reading the log from the start stays this test's.
  newLog: async () => {
    const streamPrefix = `contract-${randomUUID().slice(0, 8)}-`;
    return async () => new EventStoreDbEventStore(connectionString ?? '', { streamPrefix });
  },
});
