// class-transformer's @Type reads design metadata as DTO classes are defined, whoever loads them.
import 'reflect-metadata';
import { IsISO8601, IsNotEmpty, IsString, MaxLength, ValidateBy } from 'class-validator';
import { containsPersonnummer } from './personnummer';

/** Case data names clients by pseudonym only; a personnummer typed into free text is refused. */
export function NoPersonnummer(): PropertyDecorator {
  return ValidateBy({
    name: 'noPersonnummer',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !containsPersonnummer(value),
      defaultMessage: () =>
        '$property får inte innehålla ett personnummer; använd ärendets pseudonym (initialer och födelseår)',
    },
  });
}

const PERSONAL = new WeakMap<object, Set<string>>();

/**
 * Personal data: stored encrypted with the case's key, so erasing the case
 * (destroying the key) erases it. Structural fields (enums, numbers, dates,
 * flags) stay readable, because the processes' guards decide on them.
 */
export function Personal(): PropertyDecorator {
  return (target, key) => {
    const fields = PERSONAL.get(target) ?? new Set<string>();
    PERSONAL.set(target, fields.add(String(key)));
  };
}

/** The personal fields of a payload class, its base classes' included. */
export function personalFieldsOf(payloadClass: abstract new () => unknown): string[] {
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

/** Free text in a step: required, at most 4,000 characters, no personnummer; personal, so encrypted. */
export function Text(): PropertyDecorator {
  return (target, key) => {
    Personal()(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(4000)(target, key);
    NoPersonnummer()(target, key);
  };
}

/** A calendar date or timestamp, ISO-8601 (2026-11-23). */
export function Day(): PropertyDecorator {
  return IsISO8601({ strict: true });
}
