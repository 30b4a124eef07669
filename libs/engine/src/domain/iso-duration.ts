/**
 * Calendar arithmetic on ISO-8601 durations, because deadlines in the toolbox
 * are calendar periods: "within 1 month" from 31 January ends on the last day
 * of February, not 30 days later. Computed in UTC; see docs/adr/0007-machines-events-and-durable-deadlines.md.
 */
const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export interface IsoDuration {
  readonly years: number;
  readonly months: number;
  readonly days: number;
  readonly milliseconds: number;
}

export function isIsoDuration(text: string): boolean {
  return DURATION.test(text);
}

export function parseIsoDuration(text: string): IsoDuration {
  const match = DURATION.exec(text);
  if (!match) throw new RangeError(`'${text}' is not an ISO-8601 duration such as P2W, P1M or PT12H`);
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  return {
    years,
    months,
    days: weeks * 7 + days,
    milliseconds: ((hours * 60 + minutes) * 60 + seconds) * 1000,
  };
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** `start` plus `duration`, months first with the day clamped to the target month's length. */
export function addIsoDuration(start: string, duration: string): string {
  const at = new Date(start);
  if (Number.isNaN(at.getTime())) throw new RangeError(`'${start}' is not an ISO-8601 timestamp`);
  const { years, months, days, milliseconds } = parseIsoDuration(duration);
  const totalMonths = at.getUTCMonth() + months + years * 12;
  const year = at.getUTCFullYear() + Math.floor(totalMonths / 12);
  const monthIndex = totalMonths % 12;
  const day = Math.min(at.getUTCDate(), daysInMonth(year, monthIndex));
  const shifted = Date.UTC(
    year,
    monthIndex,
    day,
    at.getUTCHours(),
    at.getUTCMinutes(),
    at.getUTCSeconds(),
    at.getUTCMilliseconds(),
  );
  return new Date(shifted + days * 86_400_000 + milliseconds).toISOString();
}
