import { ROLES, type Role } from '@app/engine';

/** Reads every case of their unit(s) and acts on none: internal control, the IVO, the data protection officer. */
export const AUDITOR = 'auditor';
/**
 * Runs the service (IT): checks every hash chain in the store, and sees no
 * case and acts on none. Where it is held does not matter; the checks span
 * the whole store.
 */
export const OPERATOR = 'operator';
/**
 * The roles of insatser (insatser.md, Roles): they keep the shared catalogue,
 * supervise at an insats or read statistics, and are no case's lane, so they
 * see no case. The arbetskonsulent takes part in follow-ups as a participant.
 */
export const INSATS_ROLES = ['insatsansvarig', 'arbetskonsulent', 'arbetsledare', 'statistik'] as const;
export type InsatsRole = (typeof INSATS_ROLES)[number];
/** The roles of a receiving unit of referrals (referral.md, Roles): they see the referrals sent to it, never a case. */
export const REFERRAL_ROLES = ['mottagning', 'beredningsgrupp'] as const;
export type ReferralRole = (typeof REFERRAL_ROLES)[number];
export const ACCESS_ROLES = [...ROLES, AUDITOR, OPERATOR, ...INSATS_ROLES, ...REFERRAL_ROLES] as const;
export type AccessRole = Role | typeof AUDITOR | typeof OPERATOR | InsatsRole | ReferralRole;
/** Those who may read case data at all (each filtered by the visibility rules): not the operator. */
export const CASE_READER_ROLES = [...ROLES, AUDITOR] as const;

export interface Membership {
  readonly unit: string;
  readonly roles: readonly AccessRole[];
}

/** A signed-in person: who, and which roles they hold in which units. Nothing else is trusted. */
export interface Principal {
  readonly id: string;
  readonly name: string;
  readonly memberships: readonly Membership[];
  /** Where they are told by e-mail that something waits for them; from their sign-in, when it gives one. */
  readonly email?: string;
  /**
   * For a mentor: whom they mentor, from the staff directory (the log), not
   * from the token. Read only where they hold the mentor role.
   */
  readonly mentees?: readonly { readonly menteeId: string; readonly unit: string }[];
  /**
   * For a social worker covering for an absent colleague: whom, in which
   * unit, today; from the biträdande enhetschef's grant in the log, never
   * from the token. Read only where they hold the socialsekreterare role.
   */
  readonly covering?: readonly { readonly absentId: string; readonly unit: string }[];
}

/** `<unit>:<role>` for every role held: the shape tokens, the access log and read-model filters share. */
export function grantsOf(principal: Principal): string[] {
  return principal.memberships.flatMap((m) => m.roles.map((role) => `${m.unit}:${role}`));
}

export function rolesIn(principal: Principal, unit: string): AccessRole[] {
  return [...new Set(principal.memberships.filter((m) => m.unit === unit).flatMap((m) => m.roles))];
}

export function holdsAny(principal: Principal, roles: readonly AccessRole[]): boolean {
  return principal.memberships.some((m) => m.roles.some((role) => roles.includes(role)));
}

/** Units where the principal holds at least one of the roles. */
export function unitsWhere(principal: Principal, roles: readonly AccessRole[]): string[] {
  return [
    ...new Set(
      principal.memberships.filter((m) => m.roles.some((role) => roles.includes(role))).map((m) => m.unit),
    ),
  ];
}

/** The roles the engine may act in for this unit; an auditor or operator never acts. */
export function actingRoles(principal: Principal, unit: string): Role[] {
  return rolesIn(principal, unit).filter((role): role is Role => (ROLES as readonly string[]).includes(role));
}
