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

/** Free text in a step: required, at most 4,000 characters, no personnummer. */
export function Text(): PropertyDecorator {
  return (target, key) => {
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
