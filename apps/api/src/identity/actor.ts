import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ACCESS_ROLES, CASE_READER_ROLES, type AccessRole, type Principal } from '@app/access';
import { ROLES } from '@app/engine';

/** Who is calling: set by the authentication guard, the only code that knows where identity comes from. */
export type Actor = Principal;

export const ACTOR = Symbol('actor');

/** When the caller's token expires (ms since the epoch): a long-lived answer such as /api/live ends then. */
export const SESSION_ENDS_AT = Symbol('sessionEndsAt');

export const SessionEndsAt = createParamDecorator(
  (_: unknown, context: ExecutionContext): number =>
    context.switchToHttp().getRequest<Record<symbol, number>>()[SESSION_ENDS_AT],
);

export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<Record<symbol, Actor>>()[ACTOR],
);

export const PUBLIC_ROUTE = 'publicRoute';
/** Routes anyone may call without signing in: health probes, the API description, sign-in itself. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const SCRAPE_ROUTE = 'scrapeRoute';
/** A route a metrics scraper may also call, with METRICS_TOKEN instead of a person's sign-in. */
export const ScrapeToken = () => SetMetadata(SCRAPE_ROUTE, true);

export const ALLOWED_ROLES = 'allowedRoles';
/**
 * The roles that may call a route, in any of their units; data is then
 * filtered per unit. A route without `Allow` or `Public` is refused to
 * everyone: access is denied by default.
 */
export const Allow = (...roles: readonly AccessRole[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Everyone signed in with a role, the read-only auditor and the operator included. */
export const EVERY_ROLE = ACCESS_ROLES;
/** Everyone who may read case data, each as the visibility rules allow: not the operator. */
export const CASE_READERS = CASE_READER_ROLES;
/** The roles that do casework; the auditor only reads. */
export const CASEWORK_ROLES = ROLES;
/** Those who oversee a unit: its biträdande enhetschef, and the auditor. */
export const SUPERVISORS = ['bitradande_enhetschef', 'auditor'] as const;
/** Runs the service: whole-store checks, never case data. */
export const OPERATORS = ['operator'] as const;
