import { Logger } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { IdentityConfig } from '../config/app-config';
import { IdentityProviderUnavailableError } from '../http/request-errors';
import { refusal } from './jose-errors';
import { TokenVerifier } from './token-verifier';

type Oidc = Extract<IdentityConfig, { kind: 'oidc' }>;

/** Public-key algorithms only: a shared-secret (HS*) token could be forged by anyone holding the secret. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Clocks of the provider and this node differ a little; tokens live minutes, so seconds are harmless. */
const CLOCK_TOLERANCE_S = 30;

/**
 * Verifies access tokens against the issuer's published keys: signature,
 * issuer, audience, expiry. The key set URL comes from configuration or the
 * issuer's discovery document; it is looked up on first use, not at start,
 * so a provider that is down at start only delays sign-ins.
 */
export class OidcTokenVerifier extends TokenVerifier {
  private readonly logger = new Logger('Identity');
  private keys?: Promise<ReturnType<typeof createRemoteJWKSet>>;

  constructor(private readonly config: Oidc) {
    super();
  }

  async verify(token: string): Promise<JWTPayload> {
    const keys = await this.keySet();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp'],
      });
      return payload;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_JWKS_TIMEOUT')
        throw new IdentityProviderUnavailableError();
      if (error instanceof TypeError || (error as { code?: string }).code === 'ERR_JOSE_GENERIC') {
        this.logger.warn(`Key set fetch failed: ${(error as Error).message}`);
        throw new IdentityProviderUnavailableError();
      }
      throw refusal(error);
    }
  }

  private keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      this.logger.warn(`OIDC discovery failed: ${(error as Error).message}`);
      throw new IdentityProviderUnavailableError();
    });
    return this.keys;
  }

  private async discover(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.config.jwksUri) return createRemoteJWKSet(new URL(this.config.jwksUri));
    const url = `${this.config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (document.issuer !== this.config.issuer) {
      throw new Error(
        `${url} names issuer ${String(document.issuer)}, not the configured ${this.config.issuer}`,
      );
    }
    if (typeof document.jwks_uri !== 'string') throw new Error(`${url} has no jwks_uri`);
    return createRemoteJWKSet(new URL(document.jwks_uri));
  }
}
