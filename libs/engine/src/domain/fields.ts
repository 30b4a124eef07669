// class-transformer's @Type reads design metadata as DTO classes are defined, whoever loads them.
import 'reflect-metadata';
import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Free text in a step: required, at most 4,000 characters. */
export function Text(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(4000)(target, key);
  };
}

/** A calendar date or timestamp, ISO-8601 (2026-11-23). */
export function Day(): PropertyDecorator {
  return IsISO8601({ strict: true });
}
