import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ACCESS_ROLES, type AccessRole, type Principal } from '@app/access';
import { ROLES } from '@app/engine';

/** Who is calling: set by the authentication guard, the only code that knows where identity comes from. */
export type Actor = Principal;

export const ACTOR = Symbol('actor');

export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<Record<symbol, Actor>>()[ACTOR],
);

export const PUBLIC_ROUTE = 'publicRoute';
/** Routes anyone may call without signing in: health probes, the API description, sign-in itself. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const ALLOWED_ROLES = 'allowedRoles';
/**
 * The roles that may call a route, in any of their units; data is then
 * filtered per unit. A route without `Allow` or `Public` is refused to
 * everyone: access is denied by default.
 */
export const Allow = (...roles: readonly AccessRole[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Everyone signed in with a role, the read-only auditor included. */
export const EVERY_ROLE = ACCESS_ROLES;
/** The roles that do casework; the auditor only reads. */
export const CASEWORK_ROLES = ROLES;
/** Those who oversee a unit: its biträdande enhetschef, and the auditor. */
export const SUPERVISORS = ['bitradande_enhetschef', 'auditor'] as const;
