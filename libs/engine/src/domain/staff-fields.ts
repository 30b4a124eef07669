import type { CaseCommand } from './commands';
import type { CaseState } from './case-state';
import { BusinessRuleError } from './errors';
import { staffFieldsOf } from './fields';
import { LANE_LABELS, isPartnerRole, type LaneRole } from './process-definition';
import type { ProcessRegistry } from './process-registry';

/** A person as the staff directory knows them: their units and the roles they hold in each. */
export interface StaffRecord {
  readonly name: string;
  readonly memberships: readonly { readonly unit: string; readonly roles: readonly string[] }[];
}

/** The staff directory's answer for one id; undefined when no one by that id ever signed in. */
export type StaffLookup = (userId: string) => Promise<StaffRecord | undefined>;

/** The people a command names in staff fields, as the directory knew them when it was decided. */
export type NamedStaff = ReadonlyMap<string, StaffRecord | undefined>;

function stepPayloadClass(registry: ProcessRegistry, state: CaseState, command: CaseCommand) {
  if (command.type !== 'SendProcessEvent') return undefined;
  const instance = state.instances.get(command.instanceId);
  if (!instance) return undefined;
  return registry.get(instance.definitionId, instance.version).events[command.event]?.payload;
}

/**
 * The directory's record of everyone the step's staff fields name, looked
 * up before deciding, because deciding is synchronous and the directory is
 * a read model.
 */
export async function staffNamedBy(
  registry: ProcessRegistry,
  state: CaseState,
  command: CaseCommand,
  lookup: StaffLookup,
): Promise<NamedStaff> {
  const payloadClass = stepPayloadClass(registry, state, command);
  if (!payloadClass || command.type !== 'SendProcessEvent') return new Map();
  const payload = (command.payload ?? {}) as Readonly<Record<string, unknown>>;
  const ids = staffFieldsOf(payloadClass)
    .map(({ field }) => payload[field])
    .filter((id): id is string => typeof id === 'string');
  return new Map(await Promise.all(ids.map(async (id) => [id, await lookup(id)] as const)));
}

/** How a refusal of a person names itself: the field, the rule for a missing role, what they would become. */
export interface StaffWanted {
  readonly role: string;
  readonly field: string;
  readonly notInRole: string;
  /** "ansvarig för ärendet": what the person would become, for the message. */
  readonly becomes?: string;
}

/**
 * Why `person` (the directory's record of `userId`) cannot be chosen for
 * `wanted` in `unit`, or undefined when they can: the one check behind
 * every choice of a person, in steps, case commands and the staff routes.
 */
export function staffRefusal(
  person: StaffRecord | undefined,
  userId: string,
  unit: string,
  wanted: StaffWanted,
): { id: string; field: string; message: string } | undefined {
  const title = (LANE_LABELS[wanted.role as LaneRole] ?? wanted.role).toLowerCase();
  if (!person) {
    return {
      id: 'unknown-user',
      field: wanted.field,
      message: `${userId} är inte känd i Ärendemotorn. Välj en ${title} på enheten; den som väljs måste ha loggat in minst en gång.`,
    };
  }
  const roles = person.memberships.filter((m) => m.unit === unit).flatMap((m) => m.roles);
  if (roles.includes(wanted.role)) return undefined;
  return {
    id: wanted.notInRole,
    field: wanted.field,
    message: `${person.name} är inte ${title} på ${unit}${wanted.becomes ? ` och kan inte bli ${wanted.becomes}` : ''}.`,
  };
}

/**
 * Refuses a staff field naming someone unknown, of another unit, or without
 * the role the step needs. A partner role (the arbetsledare) is looked for
 * in the partner's unit when the instance names one.
 */
export function requireStaff(
  payloadClass: abstract new () => unknown,
  payload: Readonly<Record<string, unknown>>,
  units: { readonly case: string; readonly partner?: string },
  named: NamedStaff,
): void {
  const failed = staffFieldsOf(payloadClass).flatMap(({ field, role }) => {
    const id = payload[field];
    // An optional person left out (the placement's arbetsledare, not yet known) names no one to check.
    if (typeof id !== 'string') return [];
    const unit = isPartnerRole(role) && units.partner ? units.partner : units.case;
    const refusal = staffRefusal(named.get(id), id, unit, {
      role,
      field,
      notInRole: 'not-staff-of-the-unit',
    });
    return refusal ? [refusal] : [];
  });
  if (failed.length > 0) throw new BusinessRuleError(failed);
}
