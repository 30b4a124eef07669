import type { AccessRole, StaffDirectory, StaffMember } from '@app/access';

type Schema = Readonly<Record<string, unknown>>;

/**
 * A step's schema with every field that names a person of the unit
 * offering the unit's people in that role by name, so a form is a picker
 * and no id is ever typed. No one to offer leaves the field as it is, with
 * a help text saying why.
 */
async function offering(
  schema: Schema,
  choicesFor: (role: string) => Promise<StaffMember[]>,
): Promise<Schema> {
  const properties = schema.properties as Readonly<Record<string, Schema>> | undefined;
  if (!properties) return schema;
  const entries = await Promise.all(
    Object.entries(properties).map(async ([name, property]) => {
      const role = property['x-staffRole'];
      if (typeof role !== 'string') return [name, property] as const;
      const people = await choicesFor(role);
      if (people.length === 0) {
        return [
          name,
          { ...property, description: 'Ingen på enheten med den rollen har loggat in ännu.' },
        ] as const;
      }
      return [
        name,
        {
          ...property,
          enum: people.map((person) => person.id),
          'x-enumLabels': Object.fromEntries(people.map((person) => [person.id, person.name])),
        },
      ] as const;
    }),
  );
  return { ...schema, properties: Object.fromEntries(entries) };
}

/** The next steps and case actions with the unit's people offered in every staff field, each role looked up once. */
export async function withStaffChoices<
  T extends {
    unit: string;
    steps: readonly { schema: Schema }[];
    caseActions: readonly { schema: Schema }[];
  },
>(answer: T, staff: StaffDirectory): Promise<T> {
  const lookups = new Map<string, Promise<StaffMember[]>>();
  const choicesFor = (role: string) => {
    const known = lookups.get(role) ?? staff.ofUnit(answer.unit, role as AccessRole);
    lookups.set(role, known);
    return known;
  };
  const offered = <S extends { schema: Schema }>(items: readonly S[]) =>
    Promise.all(items.map(async (item) => ({ ...item, schema: await offering(item.schema, choicesFor) })));
  const [steps, caseActions] = await Promise.all([offered(answer.steps), offered(answer.caseActions)]);
  return { ...answer, steps, caseActions };
}
