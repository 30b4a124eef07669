/**
 * Child process for the crash test: appends until killed, printing
 * `ack <stream> <eventId>` only after each append has returned. Linux pipes
 * are written synchronously, so every printed ack left the process before
 * the next append started.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqlite-event-store';

async function main(filename: string): Promise<void> {
  const store = new SqliteEventStore({ filename });
  const revisions = new Map<string, number>();
  for (let i = 0; ; i++) {
    const stream = `case-crash-${i % 7}`;
    const size = (i % 3) + 1;
    const events = Array.from({ length: size }, () => ({ id: randomUUID(), type: 'Noted', data: { i } }));
    const before = revisions.get(stream);
    const result = await store.appendToStream(stream, events, { expectedRevision: before ?? 'no_stream' });
    revisions.set(stream, result.nextExpectedRevision);
    process.stdout.write(events.map((e) => `ack ${stream} ${e.id}\n`).join(''));
  }
}

void main(process.argv[2]);
