import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addIsoDuration, calendarDayOf, isIsoDuration, onDayOf, TIME_ZONE } from './iso-duration';

describe('calendar arithmetic on ISO-8601 durations', () => {
  it.each([
    ['2026-01-31T09:00:00.000Z', 'P1M', '2026-02-28T09:00:00.000Z'],
    ['2028-01-31T09:00:00.000Z', 'P1M', '2028-02-29T09:00:00.000Z'],
    ['2026-03-31T09:00:00.000Z', 'P1M', '2026-04-30T09:00:00.000Z'],
    ['2026-11-23T10:15:00.000Z', 'P2M', '2027-01-23T10:15:00.000Z'],
    ['2026-12-15T00:00:00.000Z', 'P12M', '2027-12-15T00:00:00.000Z'],
    ['2026-11-23T10:00:00.000Z', 'P2W', '2026-12-07T10:00:00.000Z'],
    ['2026-11-23T10:00:00.000Z', 'P1W', '2026-11-30T10:00:00.000Z'],
    ['2026-11-23T10:00:00.000Z', 'PT36H', '2026-11-24T22:00:00.000Z'],
    ['2024-02-29T08:00:00.000Z', 'P1Y', '2025-02-28T08:00:00.000Z'],
    ['2026-01-31T08:00:00.000Z', 'P1M1D', '2026-03-01T08:00:00.000Z'],
  ])('%s + %s = %s', (start, duration, due) => {
    expect(addIsoDuration(start, duration)).toBe(due);
  });

  it.each(['', 'P', 'PT', '2M', 'P1.5M', 'P-1M', 'PT1D', 'month'])('refuses %j as a duration', (text) => {
    expect(isIsoDuration(text)).toBe(false);
    expect(() => addIsoDuration('2026-01-31T09:00:00.000Z', text)).toThrow(/not an ISO-8601 duration/);
  });

  it('refuses a start that is not a timestamp', () => {
    expect(() => addIsoDuration('yesterday', 'P1M')).toThrow(/not an ISO-8601 timestamp/);
  });

  it.each([
    // Winter to summer time (29 March 2026): a month from 09:00 is 09:00 Swedish time, an hour earlier in UTC.
    ['2026-03-15T08:00:00.000Z', 'P1M', '2026-04-15T07:00:00.000Z'],
    ['2026-03-28T09:00:00.000Z', 'P1D', '2026-03-29T08:00:00.000Z'],
    // Summer to winter time (25 October 2026).
    ['2026-10-24T07:00:00.000Z', 'P1D', '2026-10-25T08:00:00.000Z'],
    ['2026-09-30T07:00:00.000Z', 'P2M', '2026-11-30T08:00:00.000Z'],
    // Hours are elapsed time, whatever the clocks do.
    ['2026-03-28T23:00:00.000Z', 'PT24H', '2026-03-29T23:00:00.000Z'],
  ])('across daylight saving, %s + %s = %s', (start, duration, due) => {
    expect(addIsoDuration(start, duration)).toBe(due);
  });

  it('given a start late in the UTC day, then the month is counted on the Swedish calendar', () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Stockholm: a month later is 1 March, 00:30.
    expect(addIsoDuration('2026-01-31T23:30:00.000Z', 'P1M')).toBe('2026-02-28T23:30:00.000Z');
    expect(addIsoDuration('2026-02-28T23:30:00.000Z', 'P1M')).toBe('2026-03-31T22:30:00.000Z');
  });
});

describe('the Swedish calendar day of an instant', () => {
  it.each([
    ['2026-02-20T22:59:59.999Z', '2026-02-20'],
    ['2026-02-20T23:00:00.000Z', '2026-02-21'],
    ['2026-02-20T23:30:00.000Z', '2026-02-21'],
    ['2026-06-20T21:59:59.999Z', '2026-06-20'],
    ['2026-06-20T22:00:00.000Z', '2026-06-21'],
    ['2026-06-20T22:45:12Z', '2026-06-21'],
    ['2026-03-29T00:59:00.000Z', '2026-03-29'],
    ['2026-03-28T23:10:00.000Z', '2026-03-29'],
    ['2026-10-24T22:30:00.000Z', '2026-10-25'],
    ['2026-10-24T21:30:00.000Z', '2026-10-24'],
    ['2026-06-20T23:30:00.000+02:00', '2026-06-20'],
  ])('%s falls on %s in Sweden', (instant, day) => {
    expect(calendarDayOf(instant)).toBe(day);
  });

  it('answers every instant of one UTC hour alike, the first and the repeated', () => {
    const days = ['2026-02-20T23:00:00.000Z', '2026-02-20T23:59:59.999Z', '2026-02-20T23:00:00.000Z'].map(
      calendarDayOf,
    );
    expect(days).toEqual(['2026-02-21', '2026-02-21', '2026-02-21']);
    expect(calendarDayOf('2026-02-20T22:00:00.000Z')).toBe('2026-02-20');
  });
});

describe('the same arithmetic for every instant of a UTC hour', () => {
  const HOUR = 3_600_000;
  // 2025-2028, weighted towards the hours around each change of the clocks.
  const transitions = [
    '2025-03-30',
    '2025-10-26',
    '2026-03-29',
    '2026-10-25',
    '2027-03-28',
    '2027-10-31',
  ].map((day) => Date.parse(`${day}T01:00:00.000Z`));
  const hourStart = fc.oneof(
    fc.integer({
      min: Date.parse('2025-01-01T00:00:00Z') / HOUR,
      max: Date.parse('2028-12-31T00:00:00Z') / HOUR,
    }),
    fc
      .tuple(fc.constantFrom(...transitions), fc.integer({ min: -800, max: 800 }))
      .map(([at, hours]) => at / HOUR + hours),
  );
  const withinHour = fc.integer({ min: 0, max: HOUR - 1 });
  const iso = (hour: number, ms: number) => new Date(hour * HOUR + ms).toISOString();
  const byTemporal = (start: string, duration: string) =>
    new Date(
      Temporal.Instant.from(start).toZonedDateTimeISO(TIME_ZONE).add(Temporal.Duration.from(duration))
        .epochMilliseconds,
    ).toISOString();
  const onDayByTemporal = (day: string, instant: string) =>
    new Date(
      Temporal.PlainDate.from(day).toZonedDateTime({
        timeZone: TIME_ZONE,
        plainTime: Temporal.Instant.from(instant).toZonedDateTimeISO(TIME_ZONE).toPlainTime(),
      }).epochMilliseconds,
    ).toISOString();

  it('adds a period to the first and to any later instant of the hour as Temporal does', () => {
    fc.assert(
      fc.property(
        hourStart,
        withinHour,
        withinHour,
        fc.constantFrom('P1D', 'P2W', 'P1M', 'P3M', 'P1Y', 'P1M1D', 'PT36H', 'PT30M', 'P1DT12H'),
        (hour, first, later, duration) => {
          expect(addIsoDuration(iso(hour, first), duration)).toBe(byTemporal(iso(hour, first), duration));
          expect(addIsoDuration(iso(hour, later), duration)).toBe(byTemporal(iso(hour, later), duration));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('moves an instant to another day at its Swedish time of day as Temporal does', () => {
    fc.assert(
      fc.property(
        hourStart,
        withinHour,
        withinHour,
        fc.integer({ min: -400, max: 400 }),
        (hour, first, later, days) => {
          const day = calendarDayOf(new Date(hour * HOUR + days * 86_400_000).toISOString());
          expect(onDayOf(day, iso(hour, first))).toBe(onDayByTemporal(day, iso(hour, first)));
          expect(onDayOf(day, iso(hour, later))).toBe(onDayByTemporal(day, iso(hour, later)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('still refuses a malformed minute in an hour it has seen', () => {
    addIsoDuration('2026-02-20T09:00:00.000Z', 'P1M');
    expect(() => addIsoDuration('2026-02-20T09:75:00.000Z', 'P1M')).toThrow(/not an ISO-8601 timestamp/);
  });
});
