import { CASE_EVENTS } from '../domain/case-events';
import type { CaseEffects } from '../domain/case-effects';
import { TOOLBOX_EFFECTS } from '../domain/toolbox-effects';
import type { PendingEvent } from '../domain/decide';
import { personalFieldsOf } from '../domain/fields';
import type { ProcessRegistry } from '../domain/process-registry';
import { personal } from './personal-value';
import { seal } from './sealing';

/**
 * Personal fields of the case's own events; effects name theirs in their
 * definitions and process steps on their payload classes.
 */
const CASE_EVENT_PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [CASE_EVENTS.opened]: ['reference', 'journalRef'],
  [CASE_EVENTS.processEnded]: ['note'],
  [CASE_EVENTS.stepWaitRecorded]: ['note'],
  [CASE_EVENTS.rehabansvarigAssigned]: ['reasonNote', 'handover'],
  [CASE_EVENTS.caseworkerChanged]: ['reasonNote', 'handover'],
  [CASE_EVENTS.noteRecorded]: ['text'],
  [CASE_EVENTS.documentReferenced]: ['documentId', 'comment'],
  [CASE_EVENTS.closed]: ['note'],
  [CASE_EVENTS.reopened]: ['note'],
  [CASE_EVENTS.referenceChanged]: ['reference', 'journalRef'],
  [CASE_EVENTS.stepCorrected]: ['reason'],
};

/** Where an event keeps its personal fields: on its data (case events) or on its step's payload. */
interface PersonalFields {
  readonly inPayload: boolean;
  readonly fields: readonly string[];
}

const NONE: PersonalFields = { inPayload: false, fields: [] };

/** The one place that says which fields of a stored event are personal: sealing and disclosure both ask it. */
export function personalFieldsOfEvent(
  registry: ProcessRegistry,
  type: string,
  metadata: Readonly<Record<string, unknown>>,
  effects: CaseEffects = TOOLBOX_EFFECTS,
): PersonalFields {
  const own = CASE_EVENT_PERSONAL_FIELDS[type] ?? effects.personal(type);
  if (own) return { inPayload: false, fields: own };
  const { definitionId, definitionVersion } = metadata;
  if (typeof definitionId !== 'string' || typeof definitionVersion !== 'number') return NONE;
  if (!registry.versions(definitionId).includes(definitionVersion)) return NONE;
  const payload = registry.get(definitionId, definitionVersion).events[type]?.payload;
  return payload ? { inPayload: true, fields: personalFieldsOf(payload) } : NONE;
}

function mapFields(
  record: Record<string, unknown>,
  fields: readonly string[],
  map: (value: unknown) => unknown,
): Record<string, unknown> {
  const mapped = { ...record };
  for (const field of fields) {
    if (mapped[field] !== undefined) mapped[field] = map(mapped[field]);
  }
  return mapped;
}

/** `data` with its personal fields mapped, wherever the event keeps them. */
function mapPersonal(
  where: PersonalFields,
  data: Record<string, unknown>,
  map: (value: unknown) => unknown,
): Record<string, unknown> {
  if (where.fields.length === 0) return data;
  if (!where.inPayload) return mapFields(data, where.fields, map);
  const payload = data.payload;
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return data;
  return { ...data, payload: mapFields(payload as Record<string, unknown>, where.fields, map) };
}

/** An event as it goes to the log: its personal values replaced by ciphertext, so no longer its typed shape. */
export interface SealedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: PendingEvent['metadata'];
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
  effects?: CaseEffects,
): SealedEvent[] {
  return events.map((event) => ({
    ...event,
    data: mapPersonal(
      personalFieldsOfEvent(registry, event.type, event.metadata, effects),
      { ...event.data },
      (value) => seal(key, caseId, value),
    ),
  }));
}

/** A stored event's data for an answer: its personal fields marked, for the disclosure step to open. */
export function markPersonalData(
  registry: ProcessRegistry,
  caseId: string,
  event: {
    readonly type: string;
    readonly metadata: Readonly<Record<string, unknown>>;
    readonly data: Record<string, unknown>;
  },
): Record<string, unknown> {
  return mapPersonal(personalFieldsOfEvent(registry, event.type, event.metadata), event.data, (value) =>
    personal(caseId, value),
  );
}
