import type { JsonSchema } from '../api/types';
import type { Violation } from '../api/client';

/** A field's name as the form shows it: the schema's Swedish title, else the field name made readable. */
export function labelOf(name: string, schema: JsonSchema): string {
  if (schema.title) return schema.title;
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An allowed value's name: the schema's `x-enumLabels`, else the value made readable. */
export function optionLabel(schema: JsonSchema, value: string | number | boolean): string {
  const named = schema['x-enumLabels']?.[String(value)];
  if (named) return named;
  const text = String(value).replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The server's rule, said in Swedish; its own words when the rule is one we have not translated. */
export function violationText(violation: Violation, schema: JsonSchema | undefined): string {
  switch (violation.rule) {
    case 'isNotEmpty':
    case 'isDefined':
      return 'Fältet måste fyllas i.';
    case 'maxLength':
      return schema?.maxLength ? `Högst ${schema.maxLength} tecken.` : 'Texten är för lång.';
    case 'isIn':
      return 'Välj ett av alternativen.';
    case 'isBoolean':
      return 'Ange ja eller nej.';
    case 'calendarDate':
      return 'Ange ett datum som finns, till exempel 2026-11-23.';
    case 'timestamp':
      return 'Ange en tidpunkt, till exempel 2026-11-23T09:00:00Z.';
    case 'id':
      return 'Får bara innehålla bokstäver, siffror, punkt, understreck och bindestreck, och inget personnummer.';
    case 'arrayMinSize':
      return schema?.minItems ? `Välj eller fyll i minst ${schema.minItems}.` : 'Välj minst ett alternativ.';
    case 'arrayMaxSize':
      return schema?.maxItems ? `Högst ${schema.maxItems}.` : 'För många.';
    case 'isInt':
    case 'min':
    case 'max':
      return schema?.minimum !== undefined && schema.maximum !== undefined
        ? `Ange ett heltal från ${schema.minimum} till ${schema.maximum}.`
        : 'Ange ett heltal.';
    case 'noPersonnummer':
      return 'Får inte innehålla ett personnummer. Använd ärendets pseudonym (initialer och födelseår).';
    case 'matches':
      return schema?.description ? `Fel format. ${schema.description}` : 'Fel format.';
    case 'notAfterToday':
      return 'Datumet kan inte ligga efter dagens datum.';
    case 'whitelistValidation':
      return 'Fältet hör inte till formuläret.';
    case 'known-receiving-unit':
      return 'Välj en av de enheter som tar emot aktualiseringar.';
    case 'current-form':
      return 'Den mottagande enheten har ändrat sitt formulär sedan du öppnade det. Formuläret är uppdaterat: kontrollera svaren och skicka igen.';
    default:
      return violation.message;
  }
}
