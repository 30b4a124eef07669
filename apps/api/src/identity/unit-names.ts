import type { AppConfig } from '../config/app-config';
import { DEMO_UNITS } from './demo-users';

/**
 * Units by the names people say them ("Järva", not "jarva-1"): from
 * UNIT_NAMES, and with the development sign-in also its two demo units.
 * An identity provider names units only by id, so a unit not configured
 * shows its id rather than a name made up from it.
 */
export class UnitNames {
  private readonly names: ReadonlyMap<string, string>;

  constructor(config: Pick<AppConfig, 'identity' | 'unitNames'>) {
    const demo =
      config.identity.kind === 'oidc' ? [] : DEMO_UNITS.map((unit) => [unit.id, unit.name] as const);
    this.names = new Map([...demo, ...Object.entries(config.unitNames)]);
  }

  nameOf(unit: string): string {
    return this.names.get(unit) ?? unit;
  }

  /** Every named unit, for a client that shows names of units it only knows by id. */
  all(): { unit: string; name: string }[] {
    return [...this.names].map(([unit, name]) => ({ unit, name }));
  }
}
