import { containsPersonnummer } from './personnummer';

/**
 * The one grammar for every id the API takes or stores (case, instance,
 * unit, user, process): letters, digits, `.`, `_` and `-`. No `:` or space,
 * so a sealed value (`enc:v1:…`) can never pass for an id, and no
 * personnummer or samordningsnummer, which would outlive erasure in every
 * file an id is written to.
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const ID_RULE =
  'must be 1-128 letters, digits or . _ - starting with a letter or digit, and hold no personnummer';

/** Idempotency keys and correlation ids: the same characters, 8-100 long (room for a derived `.p0`). */
const HEADER_ID = /^[A-Za-z0-9._-]{8,100}$/;
export const HEADER_ID_RULE =
  'must be 8-100 letters, digits or . _ - and hold no personnummer (a random id is a good choice)';

/** `.` and `_` separate digit groups as `-` does: `630412.1234` is still a personnummer. */
const holdsPersonnummer = (value: string) => containsPersonnummer(value.replace(/[._]/g, '-'));

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value) && !holdsPersonnummer(value);
}

export function isHeaderId(value: unknown): value is string {
  return typeof value === 'string' && HEADER_ID.test(value) && !holdsPersonnummer(value);
}

/** A calendar date, `YYYY-MM-DD`, that exists (no week or ordinal dates, no signed years). */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const CALENDAR_DATE_RULE = 'must be a calendar date as YYYY-MM-DD, e.g. 2026-11-23';

/** RFC 3339: date, `T`, time with seconds, optional fraction, and `Z` or an offset. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/i;
export const TIMESTAMP_RULE = 'must be an RFC 3339 timestamp with offset, e.g. 2026-11-23T09:00:00Z';

function realDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  return match !== null && realDate(match[1], match[2], match[3]);
}

export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, , , offsetHours, offsetMinutes] = match;
  return (
    realDate(year, month, day) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    (offsetHours === undefined || (Number(offsetHours) <= 23 && Number(offsetMinutes) <= 59))
  );
}
