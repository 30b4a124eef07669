import { plainToInstance } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validateSync, type ValidationError } from 'class-validator';
import { isCalendarDate, isPlainObject } from '@app/common';
import { InvalidPayloadError, type FieldViolation } from './errors';
import { fieldAnnotationsOf } from './fields';

function flatten(errors: ValidationError[], prefix = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Dates of things that have happened, given as a later day than `today`
 * (YYYY-MM-DD), in the payload and in the objects nested in it.
 */
function futureDates(dto: new () => object, instance: object, today: string, prefix = ''): FieldViolation[] {
  const values = instance as Record<string, unknown>;
  const own = [...fieldAnnotationsOf(dto)]
    .filter(([field, annotation]) => {
      const value = values[field];
      // A malformed date already has its own violation; comparing it would only add noise.
      return (
        annotation['x-notAfterToday'] && typeof value === 'string' && isCalendarDate(value) && value > today
      );
    })
    .map(([field]) => ({
      field: `${prefix}${field}`,
      rule: 'notAfterToday',
      message: `${prefix}${field} får inte vara ett senare datum än i dag (${today})`,
    }));
  const nested = Object.entries(values).flatMap(([field, value]) => {
    const type = defaultMetadataStorage.findTypeMetadata(dto, field)?.typeFunction() as
      (new () => object) | undefined;
    if (!type || value === null || typeof value !== 'object') return [];
    const items = Array.isArray(value)
      ? value.map((item, i) => [`${field}.${i}`, item] as const)
      : [[field, value] as const];
    return items.flatMap(([at, item]) =>
      item !== null && typeof item === 'object'
        ? futureDates(type, item as object, today, `${prefix}${at}.`)
        : [],
    );
  });
  return [...own, ...nested];
}

/**
 * Validates a step's payload against its DTO and returns plain JSON holding
 * only the declared fields. Unknown fields are refused, not dropped, so a
 * typo in a field name is an error the caller sees. Given `today`, a date
 * of something that has happened may not lie after it.
 */
export function validatePayload<T extends object>(dto: new () => T, payload: unknown, today?: string): T;
export function validatePayload(
  dto: (new () => object) | undefined,
  payload: unknown,
  today?: string,
): Record<string, unknown>;
export function validatePayload(
  dto: (new () => object) | undefined,
  payload: unknown,
  today?: string,
): Record<string, unknown> {
  const given = payload ?? {};
  if (!isPlainObject(given)) {
    throw new InvalidPayloadError([
      { field: 'payload', rule: 'isObject', message: 'payload must be an object' },
    ]);
  }
  if (!dto) {
    const extra = Object.keys(given);
    if (extra.length === 0) return {};
    throw new InvalidPayloadError(
      extra.map((field) => ({
        field,
        rule: 'whitelistValidation',
        message: `property ${field} should not exist`,
      })),
    );
  }
  const instance = plainToInstance(dto, given);
  const violations = [
    ...flatten(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true })),
    ...(today === undefined ? [] : futureDates(dto, instance, today)),
  ];
  if (violations.length > 0) throw new InvalidPayloadError(violations);
  return JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
}
