/** Word edges for Swedish text: JavaScript's \b knows only ASCII letters. */
export const START = '(?<![\\p{L}\\p{N}])';
export const END = '(?![\\p{L}\\p{N}])';

export const MONTHS =
  '(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)';

/** A day and a month: "12 april", "12:e april", "1 dec." */
export const DAY_AND_MONTH = `\\d{1,2}(?::[ae])?\\s+${MONTHS}\\.?`;
/** Day, month and year as digits: 1963-04-12, 63-04-12, 12/4 -63, 12.4.1963. */
export const NUMERIC_DATE =
  '(?:(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}|\\d{2}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}(?:[/.]|\\s*-|\\s+)(?:19|20)?\\d{2})';

export const pattern = (source: string, flags = 'gu') => new RegExp(source, flags);
