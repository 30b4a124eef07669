import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { holdsAny, StaffDirectory, type AccessRole } from '@app/access';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccessDeniedError, UnauthenticatedError } from '../http/request-errors';
import { ACTOR, ALLOWED_ROLES, PUBLIC_ROUTE, SCRAPE_ROUTE, SESSION_ENDS_AT, type Actor } from './actor';
import { principalFromClaims } from './claims';
import { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Every request: who is it (a verified bearer token), and may any of their
 * roles use this route? Routes without an `Allow` list are refused to all.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly staff: StaffDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, unknown> } & Record<symbol, unknown>>();
    const header = request.headers.authorization;
    if (this.reflector.getAllAndOverride<boolean>(SCRAPE_ROUTE, targets) && this.isScrapeToken(header))
      return true;
    if (header === undefined) {
      throw new UnauthenticatedError('Sign in first: send Authorization: Bearer <access token>');
    }
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (token === undefined) {
      throw new UnauthenticatedError('The Authorization header must be "Bearer <access token>"');
    }
    const claims = await this.verifier.verify(token);
    // Whom a mentor mentors is the directory's (the log's), never the token's.
    const principal: Actor = await this.staff.withMentees(
      principalFromClaims(claims, this.config.identity.claims),
    );
    request[ACTOR] = principal;
    request[SESSION_ENDS_AT] = typeof claims.exp === 'number' ? claims.exp * 1000 : Number.POSITIVE_INFINITY;
    // The directory learns who works where from sign-ins: the provider lists no one.
    await this.staff.saw(principal);
    const allowed = this.reflector.getAllAndOverride<readonly AccessRole[] | undefined>(
      ALLOWED_ROLES,
      targets,
    );
    if (allowed === undefined) throw new AccessDeniedError('No role may use this endpoint');
    if (!holdsAny(principal, allowed)) {
      throw new AccessDeniedError(`This is for ${allowed.join(', ')}; you hold none of those roles`, {
        allowedRoles: allowed,
      });
    }
    return true;
  }

  /** Prometheus sends a fixed bearer token, not a person's JWT; compared in constant time. */
  private isScrapeToken(header: unknown): boolean {
    const expected = this.config.metricsToken;
    if (!expected || typeof header !== 'string') return false;
    const given = Buffer.from(header);
    const wanted = Buffer.from(`Bearer ${expected}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
}
