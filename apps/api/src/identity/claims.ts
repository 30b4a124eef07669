import { ACCESS_ROLES, type AccessRole, type Membership, type Principal } from '@app/access';
import type { ClaimMapping } from '../config/app-config';
import { UnauthenticatedError } from '../http/request-errors';

type Claims = Readonly<Record<string, unknown>>;

/** A claim by name or dotted path, as Keycloak nests roles (realm_access.roles). */
export function claimAt(claims: Claims, path: string): unknown {
  if (path in claims) return claims[path];
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      claims,
    );
}

/** Providers send a list, a single string, or a space-separated string (the OAuth `scope` style). */
function stringsAt(claims: Claims, path: string): string[] {
  const value = claimAt(claims, path);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

const isAccessRole = (name: string): name is AccessRole => (ACCESS_ROLES as readonly string[]).includes(name);

/**
 * The principal a verified token describes. A role entry `<unit>:<role>`
 * holds in that unit; a bare `<role>` in every unit of the units claim.
 * Role names the provider uses are mapped to ours first; names that are not
 * ours (the provider's other applications) are ignored, so they grant nothing.
 */
export function principalFromClaims(claims: Claims, mapping: ClaimMapping): Principal {
  const id = claimAt(claims, mapping.userId);
  if (typeof id !== 'string' || id === '') {
    throw new UnauthenticatedError(`The token has no user id in the claim '${mapping.userId}'`);
  }
  const name = claimAt(claims, mapping.name);
  const units = stringsAt(claims, mapping.units);
  const byUnit = new Map<string, Set<AccessRole>>();
  const grant = (unit: string, role: string) => {
    const ours = mapping.roleMap[role] ?? role;
    if (isAccessRole(ours)) byUnit.set(unit, (byUnit.get(unit) ?? new Set()).add(ours));
  };
  for (const entry of stringsAt(claims, mapping.roles)) {
    const separator = entry.lastIndexOf(':');
    if (separator > 0) grant(entry.slice(0, separator), entry.slice(separator + 1));
    else for (const unit of units) grant(unit, entry);
  }
  const memberships: Membership[] = [...byUnit].map(([unit, roles]) => ({ unit, roles: [...roles] }));
  const email = claimAt(claims, mapping.email);
  return {
    id,
    name: typeof name === 'string' && name !== '' ? name : id,
    memberships,
    // Only an address that looks like one: a wrong claim mapping must not make mail go astray.
    ...(typeof email === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { email } : {}),
  };
}
