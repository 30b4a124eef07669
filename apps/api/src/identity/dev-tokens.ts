import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify, type JWTPayload } from 'jose';
import { grantsOf, type Principal } from '@app/access';
import type { Clock } from '@app/common';
import { localSecret } from '../crypto/local-secret';
import { refusal } from './jose-errors';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'urn:arendemotorn:development-sign-in';
const AUDIENCE = 'arendemotorn';
export const DEV_TOKEN_TTL_SECONDS = 8 * 60 * 60;

/**
 * The development sign-in's tokens: signed JWTs in the same claim shape a
 * provider is configured for (sub, name, roles as `<unit>:<role>`), so the
 * guard, claim mapping and everything after them run the production path.
 * They live on the app's clock, which tests move by months; a provider's
 * tokens live on real time.
 */
export class DevTokens extends TokenVerifier {
  private readonly secret: Uint8Array;
  /** Imported once: jose would otherwise import the raw secret into a key on every request. */
  private readonly verifyingKey: KeyObject;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
  ) {
    super();
    // One secret per data directory: tokens survive a restart and never work against another install.
    this.secret = localSecret(dataDir, 'development-sign-in.key');
    this.verifyingKey = createSecretKey(this.secret);
  }

  /** Synchronous (plain HMAC over the compact JWS form), so a test can sign a request inline. */
  issue(principal: Principal): string {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signingInput = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
      sub: principal.id,
      name: principal.name,
      roles: grantsOf(principal),
      ...(principal.email ? { email: principal.email } : {}),
      iss: ISSUER,
      aud: AUDIENCE,
      iat: issuedAt,
      exp: issuedAt + DEV_TOKEN_TTL_SECONDS,
    })}`;
    const signature = createHmac('sha256', this.secret).update(signingInput).digest('base64url');
    return `${signingInput}.${signature}`;
  }

  async verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.verifyingKey, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
      });
      return payload;
    } catch (error) {
      throw refusal(error);
    }
  }
}
