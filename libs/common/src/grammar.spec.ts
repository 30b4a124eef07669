import { describe, expect, it } from 'vitest';
import { idFromName, newId } from './ids';
import { isCalendarDate, isHeaderId, isId, isTimestamp } from './grammar';

// 19121212-1212 and its forms are from Skatteverket's published test series, not real people.
describe('the id grammar', () => {
  it.each(['case-1', 'jarva-1', 'rh.p0', 'a_b', 'ftohml2mwhs2l737yanmrp57ki', 'x'.repeat(128)])(
    'given %s, then it is an id',
    (id) => expect(isId(id)).toBe(true),
  );

  it.each([
    ['a sealed value', 'enc:v1:case-1:AAAA'],
    ['a colon', 'case:1'],
    ['a personnummer', '19121212-1212'],
    ['a personnummer without separator', '191212121212'],
    ['a short personnummer', '121212-1212'],
    ['a personnummer inside', 'case-121212.1212'],
    ['a samordningsnummer', '121272-1219'],
    ['a space', 'case 1'],
    ['a leading dash', '-case'],
    ['too long', 'x'.repeat(129)],
    ['empty', ''],
  ])('given %s, then it is refused', (_what, id) => expect(isId(id)).toBe(false));

  it('given ids the server makes, then every one passes, however many', () => {
    for (let i = 0; i < 10_000; i++) {
      expect(isId(newId())).toBe(true);
      expect(isHeaderId(idFromName(`key-${i}`))).toBe(true);
    }
  });

  it('given header ids, then 8-100 characters of the same alphabet, and no personnummer', () => {
    expect(isHeaderId('demo-open-0001')).toBe(true);
    expect(isHeaderId('short')).toBe(false);
    expect(isHeaderId('key-19121212-1212')).toBe(false);
    expect(isHeaderId('a:b:c:d:e')).toBe(false);
  });
});

describe('dates and instants', () => {
  it.each(['2026-11-23', '2024-02-29', '0001-01-01'])('given %s, then it is a calendar date', (day) =>
    expect(isCalendarDate(day)).toBe(true),
  );
  it.each([
    '2026-02-29',
    '2026-W48',
    '2026-327',
    '20261123',
    '-2026-11-23',
    '+002026-11-23',
    '2026-11-23T00:00:00Z',
  ])('given %s, then it is not a calendar date', (day) => expect(isCalendarDate(day)).toBe(false));
  it.each(['2026-11-23T09:00:00Z', '2026-11-23T09:00:00.123+01:00', '2026-11-23t09:00:00z'])(
    'given %s, then it is a timestamp',
    (at) => expect(isTimestamp(at)).toBe(true),
  );
  it.each([
    '2026-11-23',
    '2026-11-23T09:00Z',
    '2026-11-23T09:00:00',
    '+2026-11-23T09:00:00Z',
    '2026-11-31T09:00:00Z',
    '2026-11-23T24:00:00Z',
  ])('given %s, then it is not a timestamp', (at) => expect(isTimestamp(at)).toBe(false));
});
