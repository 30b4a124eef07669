import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLES, type Role } from '@app/engine';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InvalidRequestError, UnauthenticatedError } from '../http/request-errors';
import { ACTOR, PUBLIC_ROUTE, type Actor } from './actor';

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$/;

/**
 * Development identity: the caller names themself in `X-User` and `X-Role`.
 * Only when DEV_IDENTITY_HEADERS=true; real sign-in replaces this guard and
 * nothing else, because every handler reads identity through `CurrentActor`.
 */
@Injectable()
export class DevIdentityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    if (!this.config.devIdentityHeaders) {
      throw new UnauthenticatedError(
        'No sign-in is configured: set DEV_IDENTITY_HEADERS=true for development',
      );
    }
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, unknown> } & Record<symbol, Actor>>();
    const id = request.headers['x-user'];
    const role = request.headers['x-role'];
    if (id === undefined || role === undefined) {
      throw new UnauthenticatedError(
        'Send X-User (your user id) and X-Role (your role) to identify yourself',
      );
    }
    const violations = [
      ...(typeof id === 'string' && USER_ID.test(id)
        ? []
        : [{ field: 'X-User', rule: 'pattern', message: 'must be 1-64 letters, digits or . _ : @ -' }]),
      ...(typeof role === 'string' && (ROLES as readonly string[]).includes(role)
        ? []
        : [{ field: 'X-Role', rule: 'isIn', message: `must be one of: ${ROLES.join(', ')}` }]),
    ];
    if (violations.length > 0) throw new InvalidRequestError(violations);
    request[ACTOR] = { id: id as string, role: role as Role };
    return true;
  }
}
