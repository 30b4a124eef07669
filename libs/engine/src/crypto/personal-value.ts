import { isPlainObject } from '@app/common';
import { sealedCaseId } from './sealing';

/** What a personal value reads as when it may not be opened for this answer. */
export const WITHHELD = '[skyddad]';

/**
 * A personal field in an answer, still as stored (sealed), and the case it
 * belongs to. Only code that builds an answer from a field it knows is
 * personal creates one; nothing a caller sends can, so a sealed value pasted
 * into an id or a free-text field is never opened. The disclosure step opens
 * it for a case the caller was cleared to see in this request, and logs it;
 * serialised unopened it reads `[skyddad]`.
 */
export class PersonalValue {
  /**
   * `part` picks what the answer may show of the opened value, for a reader
   * entitled to part of a field sealed whole (the providing unit and the
   * arbetsplan's mål and arbetsuppgifter, not the client's own view).
   */
  constructor(
    readonly caseId: string,
    readonly stored: unknown,
    readonly part?: (opened: unknown) => unknown,
  ) {}

  toJSON(): string {
    return WITHHELD;
  }
}

/** The field as a personal value of `caseId`; absent stays absent. */
export function personal<T>(caseId: string, stored: T): PersonalValue | Extract<T, null | undefined> {
  return stored === undefined || stored === null
    ? (stored as Extract<T, null | undefined>)
    : new PersonalValue(caseId, stored);
}

/**
 * Part of a value a process kept sealed (the arbetsplan's goals, for the
 * follow-up form), opened whole and cut by `part` in the disclosure step;
 * undefined when `stored` is not sealed.
 */
export function sealedPart(stored: unknown, part: (opened: unknown) => unknown): PersonalValue | undefined {
  const caseId = sealedCaseId(stored);
  return caseId === undefined ? undefined : new PersonalValue(caseId, stored, part);
}

/**
 * Marks every sealed value of this very case inside `value` as personal:
 * for what a process keeps between steps (the CM plan), copied from fields
 * that were sealed with this case's key. A sealed value of another case is
 * left as the ciphertext it is.
 */
export function personalOfCase(caseId: string, value: unknown): unknown {
  if (sealedCaseId(value) === caseId) return new PersonalValue(caseId, value);
  if (Array.isArray(value)) return value.map((item) => personalOfCase(caseId, item));
  // Only plain objects are walked: a Date or Buffer in an answer must reach the serializer as it is.
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, personalOfCase(caseId, v)]));
  }
  return value;
}

export function personalValuesIn(value: unknown, found: PersonalValue[] = []): PersonalValue[] {
  if (value instanceof PersonalValue) found.push(value);
  else if (Array.isArray(value)) value.forEach((item) => personalValuesIn(item, found));
  else if (isPlainObject(value)) Object.values(value).forEach((item) => personalValuesIn(item, found));
  return found;
}

/** `value` with each personal value replaced by what `open` makes of it. */
export function replacePersonalValues(value: unknown, open: (personal: PersonalValue) => unknown): unknown {
  if (value instanceof PersonalValue) return open(value);
  if (Array.isArray(value)) return value.map((item) => replacePersonalValues(item, open));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replacePersonalValues(v, open)]));
  }
  return value;
}
