import type { JWTPayload } from 'jose';

/** Checks a bearer token and returns its claims; throws `UnauthenticatedError` with the reason if it fails. */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<JWTPayload>;
}
