import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@app/event-store';

/** About 400 bytes of realistic data and metadata, fresh ids each time. */
export function benchEvent(i: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'StepCompleted',
    data: {
      step: 'bedomning',
      category: (i % 5) + 1,
      note: 'Genomgång av dokumentation klar',
      items: [1, 2, 3],
    },
    metadata: {
      actorId: 'u-4711',
      role: 'rehabansvarig',
      occurredAt: '2026-11-23T10:00:00.000Z',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      processInstanceId: randomUUID(),
    },
  };
}
