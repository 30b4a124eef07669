import { Temporal } from 'temporal-polyfill';

/**
 * Calendar arithmetic on ISO-8601 durations, with Temporal, in the time zone
 * the units work in. Deadlines in the toolbox are calendar periods: "within
 * 1 month" from 31 January ends on the last day of February, not 30 days
 * later; and a month from 09:00 on a winter day is 09:00 on a summer day,
 * not 10:00, because the clock the spec means is Sweden's. Periods of days
 * and longer follow the wall clock across daylight saving; hours and less
 * are exact elapsed time. See docs/adr/0014-kurrentdb-client-and-operations.md.
 */
export const TIME_ZONE = 'Europe/Stockholm';

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Whole, non-negative ISO-8601 durations only (no fractions, no signs), as the processes and settings use. */
export function isIsoDuration(text: string): boolean {
  return DURATION.test(text);
}

const UTC_HOUR = /^(\d{4}-\d{2}-\d{2}T\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;

/** A memo that forgets everything once it holds `size` keys: the ones below are keyed by recent hours. */
function remembered<T>(cache: Map<string, T>, size: number, key: string, compute: () => T): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (cache.size >= size) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Worked-out offsets, by UTC hour: Sweden's offsets are whole hours and
 * change on the hour, so for every instant in one UTC hour the Swedish wall
 * clock, and the instant a calendar period from it lands on, are the same
 * number of milliseconds on. One Temporal computation per hour and period
 * (the polyfill's zone arithmetic costs tens of microseconds), then an
 * addition. Keys hold the hour's date, so a malformed date never gets one.
 */
const offsetsByHour = new Map<string, number>();
const OFFSETS_KEPT = 4096;

function byHour(key: string, instant: number, compute: () => string): string {
  const offset = remembered(offsetsByHour, OFFSETS_KEPT, key, () => Date.parse(compute()) - instant);
  return new Date(instant + offset).toISOString();
}

/** The UTC hour of an ISO-8601 UTC timestamp and its epoch milliseconds, when it is one. */
function utcHourOf(instant: string): { hour: string; at: number } | undefined {
  const hour = UTC_HOUR.exec(instant)?.[1];
  const at = hour === undefined ? NaN : Date.parse(instant);
  return hour === undefined || Number.isNaN(at) ? undefined : { hour, at };
}

/** `start` plus `duration` on the Swedish calendar and clock, as an ISO-8601 UTC timestamp. */
export function addIsoDuration(start: string, duration: string): string {
  if (!isIsoDuration(duration)) {
    throw new RangeError(`'${duration}' is not an ISO-8601 duration such as P2W, P1M or PT12H`);
  }
  const utc = utcHourOf(start);
  if (!utc) return zonedAdd(start, duration);
  return byHour(`+${utc.hour}/${duration}`, utc.at, () => zonedAdd(start, duration));
}

function zonedAdd(start: string, duration: string): string {
  let instant: Temporal.Instant;
  try {
    instant = Temporal.Instant.from(start);
  } catch {
    throw new RangeError(`'${start}' is not an ISO-8601 timestamp`);
  }
  const due = instant.toZonedDateTimeISO(TIME_ZONE).add(Temporal.Duration.from(duration));
  return new Date(due.epochMilliseconds).toISOString();
}

/** `end` less `duration` on the Swedish calendar and clock: since when something kept for `duration` is still kept. */
export function subtractIsoDuration(end: string, duration: string): string {
  if (!isIsoDuration(duration)) {
    throw new RangeError(`'${duration}' is not an ISO-8601 duration such as P2W, P1M or PT12H`);
  }
  const since = Temporal.Instant.from(end)
    .toZonedDateTimeISO(TIME_ZONE)
    .subtract(Temporal.Duration.from(duration));
  return new Date(since.epochMilliseconds).toISOString();
}

/** The Swedish day of the UTC hours looked up lately; a command asks for its own hour and its deadlines'. */
const dayOfHour = new Map<string, string>();
const HOURS_KEPT = 256;

/** The Swedish calendar day (YYYY-MM-DD) an ISO-8601 timestamp falls on. */
export function calendarDayOf(instant: string): string {
  const day = () => Temporal.Instant.from(instant).toZonedDateTimeISO(TIME_ZONE).toPlainDate().toString();
  // Sweden's offsets are whole hours, so a UTC hour never straddles local midnight: one zone lookup per hour.
  const hour = UTC_HOUR.exec(instant)?.[1];
  return hour === undefined ? day() : remembered(dayOfHour, HOURS_KEPT, hour, day);
}

/**
 * The instant on calendar day `day` (YYYY-MM-DD) at the Swedish wall-clock
 * time of `instant`: a period that runs from a business date keeps the time
 * of day it was recorded at, so a date entered as today changes nothing.
 */
export function onDayOf(day: string, instant: string): string {
  const utc = utcHourOf(instant);
  if (!utc) return zonedOnDay(day, instant);
  return byHour(`@${day}/${utc.hour}`, utc.at, () => zonedOnDay(day, instant));
}

function zonedOnDay(day: string, instant: string): string {
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(TIME_ZONE);
  const onDay = Temporal.PlainDate.from(day).toZonedDateTime({
    timeZone: TIME_ZONE,
    plainTime: zoned.toPlainTime(),
  });
  return new Date(onDay.epochMilliseconds).toISOString();
}

/** When a day (YYYY-MM-DD) begins on the Swedish clock, as an ISO-8601 UTC timestamp: where a period "from that day" starts. */
export function startOfSwedishDay(day: string): string {
  const start = Temporal.PlainDate.from(day).toZonedDateTime(TIME_ZONE);
  return new Date(start.epochMilliseconds).toISOString();
}
