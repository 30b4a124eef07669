import {
  CASE_EVENTS,
  CaseNote,
  ClientFacts,
  ContactChange,
  DocumentReference,
  EndProcessPayload,
  LANE_LABELS,
  PersonalValue,
  payloadSchema,
  Progressionsplan,
  SaAeApplication,
  SaAeDecision,
  StepWait,
  type ProcessRegistry,
} from '@app/engine';
import type { StateValue } from 'xstate';
import { activeTasks, type WorkflowDefinition } from '@app/workflow';
import type { HistoryEntry } from '@app/projections';

type Schema = {
  readonly title?: string;
  readonly type?: string;
  readonly format?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
  readonly 'x-enumLabels'?: Readonly<Record<string, string>>;
  readonly 'x-staffRole'?: string;
};

/** One answer of a step as a person reads it: the field's Swedish label and the answer's text. */
export interface HistoryDetail {
  readonly label: string;
  /** Personal answers stay sealed until the disclosure step opens them for a reader cleared for the case. */
  readonly value: string | PersonalValue;
}

/** Who the history names, by id: the staff directory's names, and the units' names. */
export interface HistoryNames {
  readonly person: (id: string) => string | undefined;
  readonly unit: (id: string) => string;
}

/** The forms the case's own events were recorded through: their labels name the fields. */
const CASE_EVENT_FORMS: Readonly<Record<string, new () => object>> = {
  [CASE_EVENTS.caseworkerChanged]: ContactChange,
  [CASE_EVENTS.rehabansvarigAssigned]: ContactChange,
  [CASE_EVENTS.progressionsplanRecorded]: Progressionsplan,
  [CASE_EVENTS.saAeApplicationOpened]: SaAeApplication,
  [CASE_EVENTS.saAeApplicationClosed]: SaAeDecision,
  [CASE_EVENTS.clientFactsRecorded]: ClientFacts,
  [CASE_EVENTS.noteRecorded]: CaseNote,
  [CASE_EVENTS.documentReferenced]: DocumentReference,
  [CASE_EVENTS.stepWaitRecorded]: StepWait,
  [CASE_EVENTS.processEnded]: EndProcessPayload,
};

/** Fields of the case's own events that no form names. */
const CASE_FIELD_LABELS: Readonly<Record<string, string>> = {
  reference: 'Referens',
  journalRef: 'Journalreferens',
  unit: 'Enhet',
  socialWorkerId: 'Socialsekreterare',
  from: 'Från',
  to: 'Till',
  owner: 'Ansvarig för uppföljningen',
  escalated: 'Eskalerad',
  handedBack: 'Lämnad tillbaka',
  reason: 'Skäl',
  title: 'Tidsgräns',
  dueAt: 'Senast',
  runsFrom: 'Räknas från',
  decision: 'Beslut',
  step: 'Steg',
  endedAt: 'Steg',
};

/** Identifiers and engine bookkeeping: in the log for the record, noise to a reader. */
const HIDDEN = new Set([
  'caseId',
  'instanceId',
  'definitionId',
  'version',
  'deadlineId',
  'machineEvent',
  'duration',
  'finalState',
  'name',
  'rows',
  'payload',
]);

const PEOPLE = new Set(['socialWorkerId', 'from', 'to', 'rehabansvarigId', 'mentorId']);
const STEPS = new Set(['step', 'endedAt']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** An instant as a Swedish reader writes it, in Swedish time: "2027-01-01 09:18". */
export const swedishTime = (iso: string) => STOCKHOLM.format(new Date(iso));

const schemas = new WeakMap<object, Schema>();
function schemaOf(form: new () => object): Schema {
  let schema = schemas.get(form);
  if (!schema) schemas.set(form, (schema = payloadSchema(form) as Schema));
  return schema;
}

/** A value as its field's schema names it: option labels, ja/nej, days and times, rows of a table. */
export function textOf(value: unknown, schema: Schema | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const named = schema?.['x-enumLabels'];
  if (Array.isArray(value)) {
    const items: Schema | undefined =
      named && !schema?.items?.['x-enumLabels'] ? { ...schema?.items, 'x-enumLabels': named } : schema?.items;
    const joiner = items?.properties ? '; ' : ', ';
    return value.map((item, i) => (items?.properties ? `${i + 1}) ` : '') + textOf(item, items)).join(joiner);
  }
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (named?.[String(value)]) return named[String(value)];
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(
        ([key, inner]) =>
          `${schema?.properties?.[key]?.title ?? key}: ${textOf(inner, schema?.properties?.[key])}`,
      )
      .join(', ');
  }
  if (typeof value === 'string' && INSTANT.test(value)) return swedishTime(value);
  return String(value);
}

/** The steps a state value stands at, by title: "Bedömning", or none once the process has ended. */
export function stepTitles(definition: WorkflowDefinition | undefined, state: unknown): string | null {
  if (!definition || state === null || state === undefined) return null;
  try {
    const titles = activeTasks(definition, state as StateValue).map((task) => task.title);
    return titles.length ? titles.join(' · ') : null;
  } catch {
    // A state the current machine no longer has (a renamed step of an old version): show nothing rather than fail.
    return null;
  }
}

/** An entry's fields with the schema of the form they were recorded through: the case event's, then its step's answers. */
function fieldsOf(registry: ProcessRegistry, entry: HistoryEntry) {
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const form = definitionOf(registry, entry)?.events[entry.type]?.payload ?? CASE_EVENT_FORMS[entry.type];
  const properties: Readonly<Record<string, Schema>> = form ? (schemaOf(form).properties ?? {}) : {};
  const payload =
    data.payload && typeof data.payload === 'object' ? (data.payload as Record<string, unknown>) : {};
  const fields: [string, unknown][] = [...Object.entries(data), ...Object.entries(payload)];
  return { fields, properties };
}

const namesPerson = (key: string, schema: Schema | undefined) =>
  schema?.['x-staffRole'] !== undefined || (PEOPLE.has(key) && !schema?.['x-enumLabels']);

/** The ids of the people an entry names: who acted, and whom its answers name (a new social worker, a Rehabansvarig). */
export function peopleIn(registry: ProcessRegistry, entry: HistoryEntry): string[] {
  const { fields, properties } = fieldsOf(registry, entry);
  const named = fields
    .filter(([key, value]) => typeof value === 'string' && namesPerson(key, properties[key]))
    .map(([, value]) => value as string);
  return [...(entry.actor.id ? [entry.actor.id] : []), ...named];
}

/** The process version the entry was recorded under, when the registry still has it. */
function definitionOf(registry: ProcessRegistry, { process }: HistoryEntry) {
  return process && registry.versions(process.definitionId).includes(process.version)
    ? registry.get(process.definitionId, process.version)
    : undefined;
}

function shown(value: unknown, read: (opened: unknown) => string): string | PersonalValue {
  if (value instanceof PersonalValue) {
    return new PersonalValue(value.caseId, value.stored, (opened) =>
      read(value.part ? value.part(opened) : opened),
    );
  }
  return read(value);
}

/**
 * The answers of one history entry, labelled and in words: a step's
 * answers by its form's labels and option names, a case event's fields by
 * the form it was recorded through, people and units by name.
 */
export function historyDetails(
  registry: ProcessRegistry,
  entry: HistoryEntry,
  names: HistoryNames,
): HistoryDetail[] {
  const definition = definitionOf(registry, entry);
  const { fields, properties } = fieldsOf(registry, entry);
  return fields
    .filter(([key, value]) => !HIDDEN.has(key) && value !== undefined)
    .map(([key, value]) => {
      const schema = properties[key];
      const label = schema?.title ?? CASE_FIELD_LABELS[key] ?? key;
      return {
        label,
        value: shown(value, (opened) => {
          if (typeof opened === 'string' && namesPerson(key, schema)) return names.person(opened) ?? opened;
          if (typeof opened === 'string' && key === 'unit') return names.unit(opened);
          if (typeof opened === 'string' && key === 'owner')
            return LANE_LABELS[opened as keyof typeof LANE_LABELS] ?? opened;
          if (STEPS.has(key)) return stepTitles(definition, opened) ?? '–';
          return textOf(opened, schema);
        }),
      };
    });
}

/** The system's own actors, as a reader knows them. */
const SYSTEM_ACTORS: Readonly<Record<string, string>> = {
  'system:fristbevakning': 'Systemet (bevakning av tidsgränser)',
  'system:gallring': 'Systemet (gallring)',
  'system:epost': 'Systemet (e-post)',
};

/** A history entry as people read it: who by name and role, the process and its steps by title, the answers in words. */
export function describedEntry(registry: ProcessRegistry, entry: HistoryEntry, names: HistoryNames) {
  const process = entry.process;
  const definition = definitionOf(registry, entry);
  return {
    ...entry,
    actor: {
      ...entry.actor,
      name: entry.actor.id ? (SYSTEM_ACTORS[entry.actor.id] ?? names.person(entry.actor.id) ?? null) : null,
      roleLabel: entry.actor.role
        ? (LANE_LABELS[entry.actor.role as keyof typeof LANE_LABELS] ?? null)
        : null,
    },
    process: process
      ? {
          ...process,
          title: definition?.title ?? process.definitionId,
          stepBefore: stepTitles(definition, process.stateBefore),
          stepAfter: stepTitles(definition, process.stateAfter),
        }
      : null,
    details: historyDetails(registry, entry, names),
  };
}

export type DescribedHistoryEntry = ReturnType<typeof describedEntry>;
