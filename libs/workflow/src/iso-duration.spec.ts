import { describe, expect, it } from 'vitest';
import { addIsoDuration, isIsoDuration } from './iso-duration';

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
