// class-transformer's @Type reads design metadata as DTO classes are defined, whoever loads them.
import 'reflect-metadata';
import {
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { BIP_PHASE_LABELS } from './process-definition';
import { CALENDAR_DATE_RULE, containsPersonnummer, isCalendarDate } from '@app/common';

/**
 * One of a vocabulary's values, refused naming those allowed. Keys that are
 * digits ("1"-"4" of a scale) stand for the numbers the payload carries.
 */
export function OneOf(terms: Readonly<Record<string | number, string>>): PropertyDecorator {
  const values = Object.keys(terms).map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  return IsIn(values, { message: `$property must be one of: ${Object.keys(terms).join(', ')}` });
}

/** Case data names clients by pseudonym only; a personnummer typed into free text is refused. */
export function NoPersonnummer(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'noPersonnummer',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !containsPersonnummer(value),
        defaultMessage: () =>
          '$property får inte innehålla ett personnummer; använd ärendets pseudonym (initialer och födelseår)',
      },
    },
    options,
  );
}

const PERSONAL = new WeakMap<object, Set<string>>();

type PayloadClass = abstract new () => unknown;

/**
 * What a payload class's decorators say, worked out once per class: every
 * command asks it again. Decorators run when a class is defined, so a new
 * one can only be a class not asked about yet; any decoration clears it all
 * the same, so no answer can miss one.
 */
let derived = new WeakMap<PayloadClass, Map<string, unknown>>();
function memo<T>(payloadClass: PayloadClass, what: string, work: () => T): T {
  const known = derived.get(payloadClass) ?? new Map<string, unknown>();
  derived.set(payloadClass, known);
  if (!known.has(what)) known.set(what, work());
  return known.get(what) as T;
}

/**
 * Personal data: stored encrypted with the case's key, so erasing the case
 * (destroying the key) erases it. Structural fields (enums, numbers, dates,
 * flags) stay readable, because the processes' guards decide on them.
 */
export function Personal(): PropertyDecorator {
  return (target, key) => {
    const fields = PERSONAL.get(target) ?? new Set<string>();
    PERSONAL.set(target, fields.add(String(key)));
    derived = new WeakMap();
  };
}

/** The personal fields of a payload class, its base classes' included. */
export function personalFieldsOf(payloadClass: PayloadClass): readonly string[] {
  return memo(payloadClass, 'personal', () => personalFieldsOfChain(payloadClass));
}

function personalFieldsOfChain(payloadClass: PayloadClass): string[] {
  const fields: string[] = [];
  for (
    let proto: object | null = payloadClass.prototype as object;
    proto;
    proto = Object.getPrototypeOf(proto)
  ) {
    fields.push(...(PERSONAL.get(proto) ?? []));
  }
  return [...new Set(fields)];
}

/**
 * A field that may be left out but not sent as null: unlike `IsOptional`,
 * a null is judged by the field's rules, so it cannot pass for a comment or
 * replace a value with nothing.
 */
export function AbsentOrValid(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}

/** Free text in a step: required, at most 4,000 characters, no personnummer; personal, so encrypted. */
export function Text(): PropertyDecorator {
  return applyInOrder(Personal(), IsString(), IsNotEmpty(), MaxLength(4000), NoPersonnummer());
}

/** A calendar date, `YYYY-MM-DD`, that exists (no week dates, ordinal dates or signed years); forms offer a date input. */
export function Day(): PropertyDecorator {
  return (target, key) => {
    ValidateBy({
      name: 'calendarDate',
      validator: { validate: isCalendarDate, defaultMessage: () => `$property ${CALENDAR_DATE_RULE}` },
    })(target, key);
    annotate(target, key, { format: 'date' });
  };
}

/**
 * A calendar date that records something that has happened (a meeting
 * held, recommendations received, an order sent): never after the day the
 * step is recorded, a check `decide` makes against the command's time.
 */
export function PastDay(): PropertyDecorator {
  return (target, key) => {
    Day()(target, key);
    annotate(target, key, { 'x-notAfterToday': true });
  };
}

/** What a form needs beyond the validation rules: all of it reaches clients in the step's JSON Schema. */
export interface FieldAnnotation {
  /** The Swedish label (`title`). */
  readonly title?: string;
  /** A help text under the field (`description`). */
  readonly description?: string;
  /** Swedish names of enum values (`x-enumLabels`), for radio buttons, selects and checkboxes. */
  readonly 'x-enumLabels'?: Readonly<Record<string, string>>;
  /** `date` for calendar dates, so a form offers a date input rather than free text. */
  readonly format?: 'date';
  /** A date of something that has happened, so a form offers no later day than today. */
  readonly 'x-notAfterToday'?: true;
  /** A person of the case's unit holding this role: the engine checks it, a form offers them by name. */
  readonly 'x-staffRole'?: string;
  /** The id of a catalogue entry: the engine checks it and keeps a snapshot of it; a form offers the catalogue. */
  readonly 'x-insats'?: true;
  /** The id of a unit that takes referrals: the send step's inspection checks it; a form offers them by name. */
  readonly 'x-receivingUnit'?: true;
  /**
   * The field's whole schema, for a value the step inspects itself (a
   * referral's answers on the receiving unit's form): what the form shows,
   * where class-validator sees only an object.
   */
  readonly shape?: Readonly<Record<string, unknown>>;
}

const ANNOTATIONS = new WeakMap<object, Map<string, FieldAnnotation>>();

function annotate(target: object, key: string | symbol, annotation: FieldAnnotation): void {
  const fields = ANNOTATIONS.get(target) ?? new Map<string, FieldAnnotation>();
  fields.set(String(key), { ...fields.get(String(key)), ...annotation });
  ANNOTATIONS.set(target, fields);
  derived = new WeakMap();
}

/**
 * The field's Swedish label, with an optional help text and names for its
 * allowed values. A process that labels its fields gets a usable form in
 * the UI with no UI code.
 */
export function Label(
  title: string,
  extra: { readonly help?: string; readonly options?: Readonly<Record<string, string>> } = {},
): PropertyDecorator {
  return (target, key) =>
    annotate(target, key, {
      title,
      ...(extra.help ? { description: extra.help } : {}),
      ...(extra.options ? { 'x-enumLabels': extra.options } : {}),
    });
}

/** The form annotations of a payload class's fields, its base classes' included (nearest wins). */
export function fieldAnnotationsOf(payloadClass: PayloadClass): ReadonlyMap<string, FieldAnnotation> {
  return memo(payloadClass, 'annotations', () => annotationsOfChain(payloadClass));
}

function annotationsOfChain(payloadClass: PayloadClass): Map<string, FieldAnnotation> {
  const chain: object[] = [];
  for (
    let proto: object | null = payloadClass.prototype as object;
    proto;
    proto = Object.getPrototypeOf(proto)
  )
    chain.unshift(proto);
  const merged = new Map<string, FieldAnnotation>();
  for (const proto of chain)
    for (const [field, annotation] of ANNOTATIONS.get(proto) ?? [])
      merged.set(field, { ...merged.get(field), ...annotation });
  return merged;
}

/**
 * The id of a person who works in the case's unit in `role`, chosen from
 * the staff directory, never typed: the engine refuses anyone unknown, of
 * another unit or without the role, and next-steps lists who may be chosen.
 */
export function StaffOfUnit(role: string): PropertyDecorator {
  return (target, key) => {
    applyInOrder(IsString(), IsNotEmpty(), MaxLength(200))(target, key);
    annotate(target, key, { 'x-staffRole': role });
  };
}

/** The fields of a payload class that name a person of the unit, with the role each must hold. */
export function staffFieldsOf(payloadClass: PayloadClass): readonly { field: string; role: string }[] {
  return memo(payloadClass, 'staff', () =>
    [...fieldAnnotationsOf(payloadClass)].flatMap(([field, annotation]) =>
      annotation['x-staffRole'] ? [{ field, role: annotation['x-staffRole'] }] : [],
    ),
  );
}

/**
 * The id of an insats in the shared catalogue: the engine refuses an
 * unknown, paused or closed one, and keeps the entry's version and price
 * in the step's payload as `insats` (insatser.md: a placement keeps the
 * version and price it started on).
 */
export function InsatsRef(): PropertyDecorator {
  return (target, key) => {
    applyInOrder(IsString(), IsNotEmpty(), MaxLength(100))(target, key);
    annotate(target, key, { 'x-insats': true });
  };
}

/**
 * The id of a unit that takes referrals (referral.md): a form offers the
 * city's receiving units, and the send step's inspection refuses any other.
 */
export function ReceivingUnitRef(): PropertyDecorator {
  return (target, key) => {
    applyInOrder(IsString(), IsNotEmpty(), MaxLength(100))(target, key);
    annotate(target, key, { 'x-receivingUnit': true });
  };
}

/** The field's schema for forms, given whole; its checks are the step's inspection. */
export function Shaped(schema: Readonly<Record<string, unknown>>): PropertyDecorator {
  return (target, key) => annotate(target, key, { shape: schema });
}

/** The fields of a payload class that name a catalogue entry. */
export function catalogueFieldsOf(payloadClass: PayloadClass): readonly string[] {
  return memo(payloadClass, 'catalogue', () =>
    [...fieldAnnotationsOf(payloadClass)].flatMap(([field, annotation]) =>
      annotation['x-insats'] ? [field] : [],
    ),
  );
}

/** The client's BIP phase (0-4) recorded at a follow-up, offered with the phases' names. */
export function BipPhase(): PropertyDecorator {
  return applyInOrder(
    IsIn([0, 1, 2, 3, 4]),
    Label('BIP-fas', {
      help: 'Klientens fas i progressionsmodellen vid uppföljningen.',
      options: BIP_PHASE_LABELS,
    }),
  );
}

/**
 * Several field decorators as one, applied in this order: the order of a
 * field's decorators as they apply (bottom-up when stacked). The JSON Schema
 * depends on it: a later `IsInt` makes an integer of an earlier `Min`'s number.
 */
export function applyInOrder(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}
