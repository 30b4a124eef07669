import { Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import {
  SkipThrottle,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import type { ThrottlerRequest } from '@nestjs/throttler/dist/throttler.guard.interface';
import type { AppConfig } from '../config/app-config';
import { ACTOR } from '../identity/actor';
import { TooManyRequestsError } from './request-errors';

const MINUTE_MS = 60_000;
const SIGN_IN_ROUTE = 'signInRoute';
/** A route that signs people in: its own, tighter limit per client address. */
export const SignInRoute = () => SetMetadata(SIGN_IN_ROUTE, true);

/** Health probes are never limited: a probe refused with 429 would take a healthy node out of service. */
export const NotRateLimited = () => SkipThrottle({ address: true, 'sign-in': true, person: true });

type Request = Record<string | symbol, unknown> & { ip?: string };
const addressOf = async (request: Request) => request.ip ?? 'unknown';
/** One count across the whole API: the library's default counts each route on its own. */
const acrossRoutes = (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`;

/**
 * Requests per minute, with @nestjs/throttler: per client address for
 * everything (before sign-in is even checked), per signed-in person, and
 * the development sign-in on its own. In memory, per node: a municipality
 * that runs several nodes behind a proxy limits at the proxy as well.
 */
export function throttlers(config: AppConfig): ThrottlerOptions[] {
  return [
    {
      name: 'address',
      ttl: MINUTE_MS,
      limit: config.rateLimits.perAddress,
      getTracker: addressOf,
      generateKey: acrossRoutes,
    },
    {
      name: 'sign-in',
      ttl: MINUTE_MS,
      limit: config.signInRateLimit,
      getTracker: addressOf,
      generateKey: acrossRoutes,
      skipIf: (context) => !Reflect.getMetadata(SIGN_IN_ROUTE, context.getHandler()),
    },
    {
      name: 'person',
      ttl: MINUTE_MS,
      limit: config.rateLimits.perPerson,
      getTracker: async (request: Request) => String((request[ACTOR] as { id: string }).id),
      generateKey: acrossRoutes,
      skipIf: (context) => context.switchToHttp().getRequest<Request>()[ACTOR] === undefined,
    },
  ];
}

/** One guard for some of the limits: who is counted is known at different points of a request. */
abstract class SomeLimits extends ThrottlerGuard {
  protected abstract readonly names: readonly string[];

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return this.names.includes(request.throttler.name ?? '') ? super.handleRequest(request) : true;
  }

  /** The API's own error shape, with Retry-After, as every other refusal. */
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new TooManyRequestsError(Math.max(1, Math.ceil(detail.timeToBlockExpire)));
  }
}

/** Before the token is checked: per address, and the sign-in route. */
@Injectable()
export class AddressLimits extends SomeLimits {
  protected readonly names = ['address', 'sign-in'];
}

/** After the token is checked: per person. */
@Injectable()
export class PersonLimits extends SomeLimits {
  protected readonly names = ['person'];
}
