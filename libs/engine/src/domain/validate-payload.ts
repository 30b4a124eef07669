import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { isPlainObject } from '@app/common';
import { InvalidPayloadError, type FieldViolation } from './errors';

function flatten(errors: ValidationError[], prefix = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates a step's payload against its DTO and returns plain JSON holding
 * only the declared fields. Unknown fields are refused, not dropped, so a
 * typo in a field name is an error the caller sees.
 */
export function validatePayload<T extends object>(dto: new () => T, payload: unknown): T;
export function validatePayload(
  dto: (new () => object) | undefined,
  payload: unknown,
): Record<string, unknown>;
export function validatePayload(
  dto: (new () => object) | undefined,
  payload: unknown,
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
  const violations = flatten(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true }));
  if (violations.length > 0) throw new InvalidPayloadError(violations);
  return JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
}
