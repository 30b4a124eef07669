import { createHmac } from 'node:crypto';

/** The sealed fields a case is found by. */
export type SearchField = 'reference' | 'journalRef';

/** Shorter than this, a prefix would find half the unit: no token is kept for it. */
export const MIN_PREFIX = 2;

/** "AB 6303", "ab6303" and "A.B-6303" are one reference: case, spacing and punctuation never matter. */
export function normalisedForSearch(text: string): string {
  return text.toLocaleLowerCase('sv-SE').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The keyed digest a search compares: the same text under the same unit key, the same token; nothing else in it. */
export const searchToken = (unitKey: Buffer, field: SearchField, normalised: string) =>
  createHmac('sha256', unitKey).update(`${field}:${normalised}`).digest('hex').slice(0, 32);

/**
 * Every token a field's value is found by (issue 18, Find the right case):
 * one per prefix of two characters or more, the whole value marked exact.
 * A search computes the one token of what was typed and looks it up, so no
 * case's reference is ever opened to search.
 */
export function searchTokensOf(
  unitKey: Buffer,
  field: SearchField,
  value: string,
): { readonly token: string; readonly exact: boolean }[] {
  const normalised = normalisedForSearch(value);
  const tokens = [];
  for (let length = Math.min(MIN_PREFIX, normalised.length); length <= normalised.length; length++)
    if (length > 0)
      tokens.push({
        token: searchToken(unitKey, field, normalised.slice(0, length)),
        exact: length === normalised.length,
      });
  return tokens;
}
