/** Nest injection token for the cases' `KeyStore`. */
export const KEY_STORE = Symbol('KEY_STORE');
