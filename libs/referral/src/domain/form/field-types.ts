/**
 * The kinds of answer the referral form asks for (referral.md, Form): each
 * typed, and each required before sending. "Ej känt" or "inget att
 * rapportera" is an answer; an empty field is not.
 */
export type Options = Readonly<Record<string, string>>;

export const YES_NO_UNKNOWN: Options = { ja: 'Ja', nej: 'Nej', okant: 'Okänt' };

export type FieldType =
  /** One of the options. */
  | { readonly kind: 'choice'; readonly options: Options }
  /** One of the options and a text that says more. */
  | { readonly kind: 'choiceAndText'; readonly options: Options }
  /** Any of the options, at least one, and a text. */
  | { readonly kind: 'multichoiceAndText'; readonly options: Options }
  /** A birth year ("-63", "1963") or an age in years, kept as the birth year; never a month or a day. */
  | { readonly kind: 'yearOrAge' }
  | { readonly kind: 'text' }
  /** Named parts, each its own type: housing's text and its three ja/nej/okänt. */
  | { readonly kind: 'group'; readonly parts: readonly FormField[] }
  /** Rows of named parts (at least one row or a text that says there are none), and a text. */
  | {
      readonly kind: 'entriesAndText';
      readonly parts: readonly FormField[];
      /** What one row is called, for the form's "Lägg till …" and "Ta bort … 1". */
      readonly entry: string;
    }
  /** A year and a month, for how long a decision runs. */
  | { readonly kind: 'yearMonth'; readonly optional?: true }
  /** A year, for a row's from and to. */
  | { readonly kind: 'year' };

export interface FormField {
  readonly id: string;
  /** The seed's prompt; `{unit}` is the receiving unit's name. */
  readonly label: string;
  readonly type: FieldType;
  readonly help?: string;
  /** Another field's answer this one starts from, by its path: the sender adds to it rather than writing it again. */
  readonly startsFrom?: string;
}

export interface FormSection {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly FormField[];
}

/** A receiving unit's form, versioned: a referral keeps the version it was written on. */
export interface ReferralForm {
  readonly receivingUnit: string;
  readonly version: number;
  /** As the labels name the unit: "Varför tror Du att ALC kan vara behjälplig…" */
  readonly unitName: string;
  readonly sections: readonly FormSection[];
}
