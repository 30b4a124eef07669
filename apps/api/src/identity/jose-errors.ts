import { errors } from 'jose';
import { UnauthenticatedError } from '../http/request-errors';

/** Says why a token was refused, never echoing the token itself. */
export function refusal(error: unknown): UnauthenticatedError {
  if (error instanceof errors.JWTExpired)
    return new UnauthenticatedError('The sign-in has expired; sign in again');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new UnauthenticatedError(`The token's ${error.claim} claim is not accepted (${error.reason})`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new UnauthenticatedError('The token is not signed by the configured identity provider');
  }
  return new UnauthenticatedError('The bearer token is not a valid signed JWT');
}
