/**
 * What each unit configures about its own surroundings, for the rules that
 * depend on them. Today one thing: the care units it has fördjupad
 * samverkan with (seed 003, "Enheten har fördjupad samverkan med följande
 * enheter"), which decides between samverkan med vården and förtroendeläkare.
 */
export type UnitSettings = {
  readonly samverkanCareUnits: readonly string[];
  /** The units it may refer a case to (aktualisering), by unit id: the same for every unit of the city. */
  readonly receivingUnits: Readonly<Record<string, ReceivingUnitSettings>>;
};

/**
 * A unit that takes referrals (referral.md): its name, as the form's
 * labels say it, and its form. A receiving unit may edit the default's
 * choice lists; each change is a new version of its form, which a referral
 * names when it is sent.
 */
export interface ReceivingUnitSettings {
  readonly name: string;
  readonly formVersion: number;
  /** Its own choice lists, by field id, in place of the default's. */
  readonly options?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Järva's list as seed 003 gives it: every unit has it until its own is configured. */
export const JARVA_SAMVERKAN_CARE_UNITS: readonly string[] = [
  'Kista vårdcentral',
  'Tensta vårdcentral',
  'Rinkeby vårdcentral',
  'Spånga vårdcentral',
  'Järva vårdcentral',
  'Husby-Akalla vårdcentral',
  'Aleris psykiatri (Kista, Rinkeby, Spånga)',
];

/** No receiving unit until one is configured: a referral names a unit that has agreed to take them. */
export const DEFAULT_UNIT_SETTINGS: UnitSettings = {
  samverkanCareUnits: JARVA_SAMVERKAN_CARE_UNITS,
  receivingUnits: {},
};

/** The settings of each unit; the default for every unit not named. */
export type UnitSettingsLookup = (unit: string) => UnitSettings;

export const defaultUnitSettings: UnitSettingsLookup = () => DEFAULT_UNIT_SETTINGS;

/**
 * `{ "default": [...], "<unit>": [...] }`: the configured care-unit lists,
 * Järva's where neither names the unit; and the city's receiving units.
 */
export function unitSettingsFrom(
  lists: Readonly<Record<string, readonly string[]>>,
  receivingUnits: UnitSettings['receivingUnits'] = {},
): UnitSettingsLookup {
  return (unit) => ({
    samverkanCareUnits: lists[unit] ?? lists.default ?? JARVA_SAMVERKAN_CARE_UNITS,
    receivingUnits,
  });
}

/** "Kista VC", "kista vårdcentralen" and "Kista vårdcentral" are one care unit; case, spacing and punctuation never matter. */
function normalised(name: string): string {
  return name
    .toLocaleLowerCase('sv-SE')
    .replace(/\(.*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(vc|vårdcentralen)\b/gu, 'vårdcentral')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * The entry of `list` a typed care unit names, if any. An entry's
 * parenthesis (the clinics of "Aleris psykiatri (Kista, Rinkeby, Spånga)")
 * is left out, and a name that begins with an entry names it: "Aleris
 * psykiatri Kista" is Aleris psykiatri.
 */
export function samverkanCareUnit(typed: string, list: readonly string[]): string | undefined {
  const name = normalised(typed);
  if (name === '') return undefined;
  return list.find((entry) => {
    const known = normalised(entry);
    return known !== '' && (name === known || name.startsWith(`${known} `));
  });
}
