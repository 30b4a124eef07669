/**
 * Something in a referral's summary that could point out the client
 * (referral.md, De-identification rule): where it is, by offsets into the
 * field's text, never the text itself, so no answer or log repeats it.
 */
export interface Finding {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** One rule over one text: the spans it finds. */
export interface SpanRule {
  readonly id: string;
  readonly message: string;
  readonly spans: (text: string, context: CheckContext) => readonly (readonly [number, number])[];
}

/** What the sender's side knows and the receiving unit must never see. */
export interface CheckContext {
  /** The case's pseudonymous reference, e.g. "AB 6303" (initials and birth year and month). */
  readonly clientReference?: string;
  /** The year the check runs in, for ages from a birth year; without it only ages in years are judged. */
  readonly currentYear?: number;
}

/** Every match of `pattern` (global) as [start, end], kept only where `keep` holds. */
export function spansOf(
  text: string,
  pattern: RegExp,
  keep: (match: RegExpExecArray) => boolean = () => true,
): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(pattern)) {
    const found = match as RegExpExecArray;
    if (keep(found)) spans.push([found.index, found.index + found[0].length]);
  }
  return spans;
}
