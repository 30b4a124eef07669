import fc from 'fast-check';

/** The slice of JSON Schema a step's payload schema uses (see `payloadSchema`). */
export interface StepSchema {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly (string | number)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: StepSchema;
  readonly properties?: Readonly<Record<string, StepSchema>>;
  readonly required?: readonly string[];
  readonly 'x-staffRole'?: string;
  readonly 'x-insats'?: true;
}

/**
 * Whom a walk may name when a step asks for a person of the unit in a role
 * (role → user ids); under `x-insats`, the catalogue entries it may place on.
 */
export type WalkStaff = Readonly<Record<string, readonly string[]>>;

/** The catalogue entry walks place clients on unless told another. */
export const WALK_INSATS = 'walk-insats';

/** Free text as a caseworker writes it: Swedish letters and spaces, never a personnummer. */
const text = (max: number) =>
  fc
    .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäö '.split('')), {
      minLength: 1,
      maxLength: Math.min(max, 24),
    })
    .map((chars) => `T${chars.join('')}`.slice(0, max));

/** A day between 1 January 2025 and `today`: what a step records has happened. */
const dayUpTo = (today: string) =>
  fc
    .integer({ min: Date.UTC(2025, 0, 1), max: Date.parse(`${today}T00:00:00Z`) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));

/**
 * Payloads a step's own schema accepts, for walking the real processes:
 * every required field, some optional ones, values inside the schema's
 * bounds, and the person `staff` names for a field that asks for one.
 * Business rules (CM criteria, for one) may still refuse some.
 */
export function payloadFor(schema: StepSchema, today: string, staff: WalkStaff = {}): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema['x-insats']) return fc.constantFrom(...(staff['x-insats'] ?? [WALK_INSATS]));
  const role = schema['x-staffRole'];
  if (role) return fc.constantFrom(...(staff[role] ?? [`${role}-1`]));
  switch (schema.type) {
    case 'boolean':
      // Yes more often than no, so steps that need every box ticked (the CM criteria) are taken too.
      return fc.oneof(
        { arbitrary: fc.constant(true), weight: 4 },
        { arbitrary: fc.constant(false), weight: 1 },
      );
    case 'integer':
    case 'number':
      // Whole numbers inside the bounds, a fractional bound (0.5 hours) included.
      return fc.integer({ min: Math.ceil(schema.minimum ?? 0), max: Math.floor(schema.maximum ?? 100) });
    case 'string':
      return schema.format === 'date' ? dayUpTo(today) : text(schema.maxLength ?? 200);
    case 'array': {
      const items = payloadFor(schema.items ?? { type: 'string' }, today, staff);
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) };
      return schema.items?.enum ? fc.uniqueArray(items, constraints) : fc.array(items, constraints);
    }
    default: {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([name, property]) => [name, payloadFor(property, today, staff)]),
        ),
        { requiredKeys: Object.keys(properties).filter((name) => required.has(name)) },
      );
    }
  }
}
