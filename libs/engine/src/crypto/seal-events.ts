import { CASE_EVENTS } from '../domain/case-state';
import type { PendingEvent } from '../domain/decide';
import { personalFieldsOf } from '../domain/fields';
import type { ProcessRegistry } from '../domain/process-registry';
import { seal } from './sealing';

/** Personal fields of the case's own events; process steps declare theirs on their payload classes. */
const CASE_EVENT_PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [CASE_EVENTS.opened]: ['reference', 'journalRef'],
  [CASE_EVENTS.progressionsplanRecorded]: ['items'],
};

function sealFields(
  record: Record<string, unknown>,
  fields: readonly string[],
  key: Buffer,
  caseId: string,
): Record<string, unknown> {
  const sealed = { ...record };
  for (const field of fields) {
    if (sealed[field] !== undefined) sealed[field] = seal(key, caseId, sealed[field]);
  }
  return sealed;
}

function stepFields(registry: ProcessRegistry, event: PendingEvent): readonly string[] {
  const { definitionId, definitionVersion } = event.metadata;
  if (typeof definitionId !== 'string' || typeof definitionVersion !== 'number') return [];
  const payload = registry.get(definitionId, definitionVersion).events[event.type]?.payload;
  return payload ? personalFieldsOf(payload) : [];
}

/**
 * Encrypts the personal fields of events about to be stored, in place of
 * their values. Only ciphertext reaches the log and the read models; erasing
 * the case's key makes it unreadable everywhere at once.
 */
export function sealPersonalData(
  registry: ProcessRegistry,
  caseId: string,
  key: Buffer,
  events: readonly PendingEvent[],
): PendingEvent[] {
  return events.map((event) => {
    const own = CASE_EVENT_PERSONAL_FIELDS[event.type];
    if (own) return { ...event, data: sealFields(event.data, own, key, caseId) };
    const payload = event.data.payload;
    if (payload === null || typeof payload !== 'object') return event;
    const fields = stepFields(registry, event);
    if (fields.length === 0) return event;
    return {
      ...event,
      data: { ...event.data, payload: sealFields(payload as Record<string, unknown>, fields, key, caseId) },
    };
  });
}
