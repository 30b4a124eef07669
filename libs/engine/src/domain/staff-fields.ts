import type { CaseCommand } from './commands';
import type { CaseState } from './case-state';
import { BusinessRuleError } from './errors';
import { staffFieldsOf } from './fields';
import { ROLE_LABELS, type Role } from './process-definition';
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

/** Refuses a staff field naming someone unknown, of another unit, or without the role the step needs. */
export function requireStaff(
  payloadClass: abstract new () => unknown,
  payload: Readonly<Record<string, unknown>>,
  unit: string,
  named: NamedStaff,
): void {
  const failed = staffFieldsOf(payloadClass).flatMap(({ field, role }) => {
    const id = payload[field] as string;
    const person = named.get(id);
    if (!person) {
      return [
        {
          id: 'unknown-user',
          field,
          message: `${id} är inte känd i Ärendemotorn. Välj någon på enheten; den som väljs måste ha loggat in minst en gång.`,
        },
      ];
    }
    const roles = person.memberships.filter((m) => m.unit === unit).flatMap((m) => m.roles);
    return roles.includes(role)
      ? []
      : [
          {
            id: 'not-staff-of-the-unit',
            field,
            message: `${person.name} är inte ${(ROLE_LABELS[role as Role] ?? role).toLowerCase()} på ${unit}.`,
          },
        ];
  });
  if (failed.length > 0) throw new BusinessRuleError(failed);
}
