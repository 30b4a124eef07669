import type { JsonSchema } from '../api/types';

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

/**
 * Whether the server's words are written for the user. Most rules' are
 * English, for developers, and name fields by their code ("userId: must
 * be…"); a few are Swedish sentences for the user (the referral form's,
 * its de-identification). The API says not which, so Swedish is told by
 * its letters and quotation marks, and a field code rules it out.
 */
const readsAsSwedish = (message: string) => /[åäöÅÄÖ”]/.test(message) && !/\b[a-z]+[A-Z]\w*/.test(message);

/** The server's rule, said in Swedish: never in the server's English, a general sentence when no better is known. */
export function violationText(
  violation: { readonly rule: string; readonly message: string },
  schema: JsonSchema | undefined,
): string {
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
    case 'isString':
      return 'Ange en text.';
    case 'isNumber':
      return 'Ange ett tal.';
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
    case 'requiredForAnnat':
    case 'requiredForOther':
      return 'Fyll i varför, när skälet är Annat.';
    case 'requiredWhenListed':
      return 'Välj minst en enhet, när insatsen bara är öppen för utvalda enheter.';
    case 'onlyWhenListed':
      return 'Välj enheter bara när insatsen är öppen för utvalda enheter.';
    case 'requiredWhenOpen':
      return 'Fältet måste fyllas i när andra enheter får placera klienter.';
    case 'notBeforeFrom':
    case 'notBeforeValidFrom':
      return 'Slutdatumet kan inte ligga före startdatumet.';
    case 'notPast':
      return 'Slutdatumet kan inte ligga före dagens datum.';
    case 'atMostThreeMonths':
      return 'Perioden får vara högst tre månader.';
    case 'notTheAbsent':
      return 'Vikarien måste vara en annan än den frånvarande.';
    case 'range':
      return 'Perioden är för lång eller slutar innan den börjar.';
    case 'known-receiving-unit':
      return 'Välj en av de enheter som tar emot aktualiseringar.';
    case 'current-form':
      return 'Den mottagande enheten har ändrat sitt formulär sedan du öppnade det. Formuläret är uppdaterat: kontrollera svaren och skicka igen.';
    default:
      return readsAsSwedish(violation.message) ? violation.message : 'Kontrollera det du har fyllt i.';
  }
}

/** A plural's last syllables and what its singular ends in instead ("punkterna", "punkter" → "punkt"). */
const PLURAL_ENDINGS: readonly [RegExp, string][] = [
  [/(...)(er|ar)na$/, '$1'],
  [/orna$/, 'a'],
  [/ier$/, 'ium'],
  [/or$/, 'a'],
  [/(...)(er|ar)$/, '$1'],
  [/(...)en$/, '$1'],
];

/**
 * What one row of a list is called, for its buttons: the item schema's
 * title, else the help text's "Ett delmål per rad", else the list's title
 * made singular ("Planens punkter" → "punkt"). `one` carries the article
 * when it is known ("ett delmål"), for "Lägg till ett delmål".
 */
export function itemName(label: string, schema: JsonSchema): { readonly name: string; readonly one: string } {
  const titled = schema.items?.title?.toLowerCase();
  if (titled) return { name: titled, one: titled };
  const perRow = /^(en|ett) (.+?) per rad/i.exec(schema.description ?? '');
  if (perRow) return { name: perRow[2], one: `${perRow[1].toLowerCase()} ${perRow[2]}` };
  const words = label.toLowerCase().split(' ');
  // A genitive first ("Planens punkter") says whose the rows are, not what they are.
  const head = words.find((word, index) => !(word.endsWith('s') && index < words.length - 1)) ?? label;
  const ending = PLURAL_ENDINGS.find(([plural]) => plural.test(head));
  const name = ending ? head.replace(ending[0], ending[1]) : head;
  return { name, one: name };
}
