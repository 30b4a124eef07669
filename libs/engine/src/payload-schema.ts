import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { fieldAnnotationsOf } from './domain/fields';

type Schema = Record<string, unknown>;

/**
 * JSON Schema for a step's payload DTO, from the same class-validator
 * decorators that validate it. Converted one class at a time (several
 * processes have DTOs of the same name), with nested `@Type` classes inlined
 * so each schema stands alone. Unknown fields are refused, as on validation.
 * Labels, help texts and option names come from `@Label`; a date field is
 * one `format: date` string rather than the validator's date-or-timestamp.
 */
export function payloadSchema(dto: (new () => object) | undefined): Schema {
  if (!dto) return { type: 'object', properties: {}, additionalProperties: false };
  const schema = targetConstructorToSchema(dto, {
    classTransformerMetadataStorage: defaultMetadataStorage,
  }) as Schema;
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [name, annotation] of fieldAnnotationsOf(dto)) {
    const property = properties[name];
    if (!property) continue;
    const { oneOf: _dateOrTimestamp, ...rest } = property;
    const { shape, ...labels } = annotation;
    properties[name] = shape
      ? { ...shape, ...labels }
      : annotation.format
        ? { ...rest, type: 'string', ...labels }
        : { ...property, ...labels };
  }
  for (const [name, property] of Object.entries(properties)) {
    // A rule given `each` makes the converter point the items at the reflected `Array` type; they are described in place.
    const items = property.items as Schema | undefined;
    if (items?.$ref === '#/definitions/Array') {
      const { $ref: _array, ...own } = items;
      properties[name] = { ...property, items: own };
    }
  }
  for (const [name, property] of Object.entries(properties)) {
    const nested = defaultMetadataStorage.findTypeMetadata(dto, name)?.typeFunction() as
      (new () => object) | undefined;
    if (!nested) continue;
    const inlined = payloadSchema(nested);
    if (property.type === 'array') properties[name] = { ...property, items: inlined };
    else {
      // The inlined class stands in for its reference; a `$ref` left beside it (even undefined) is read as one.
      const { $ref: _reference, ...own } = property;
      properties[name] = { ...own, ...inlined };
    }
  }
  return { ...schema, additionalProperties: false };
}
