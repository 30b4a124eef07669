import { eventStoreContract } from '../testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTOREDB_CONNECTION_STRING;

eventStoreContract({
  name: 'EventStoreDB',
  skipReason: connectionString ? undefined : 'EVENTSTOREDB_CONNECTION_STRING is not set',
  // One server, one shared log: the contract keeps to streams it names itself.
  newLog: async () => async () => new EventStoreDbEventStore(connectionString ?? ''),
});
