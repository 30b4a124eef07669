import { AppError } from '@app/common';
import {
  BusinessRuleError,
  INSATS_EVENTS,
  InvalidPayloadError,
  validatePayload,
  type FieldViolation,
} from '@app/engine';
import type { InsatsStatus } from './catalogue-terms';
import { InsatsEntry } from './insats-entry';

/** A catalogue entry as its stream folds: the newest version and whether places may be taken. */
export interface CatalogueEntryState {
  readonly insatsId: string;
  readonly providingUnit: string;
  readonly version: number;
  readonly status: InsatsStatus;
  readonly entry: InsatsEntry;
}

export type CatalogueCommand =
  | { readonly type: 'RegisterInsats'; readonly providingUnit: string; readonly entry: unknown }
  | { readonly type: 'ReviseInsats'; readonly expectedVersion: number; readonly entry: unknown }
  | { readonly type: 'PauseInsats'; readonly reason: string }
  | { readonly type: 'ResumeInsats' }
  /** `activePlacements` from the placements read model: closing would strand them. */
  | { readonly type: 'CloseInsats'; readonly closedOn: string; readonly activePlacements: number };

export interface CatalogueEvent {
  readonly type: (typeof INSATS_EVENTS)[keyof typeof INSATS_EVENTS];
  readonly data: Record<string, unknown>;
}

/** The version a revision was made against is not the newest: someone else revised it first. */
export class CatalogueVersionConflictError extends AppError {
  readonly code = 'INSATS.VERSION_CONFLICT';
  constructor(expectedVersion: number, currentVersion: number) {
    super(`The entry is at version ${currentVersion}, the revision was made against ${expectedVersion}`, {
      expectedVersion,
      currentVersion,
    });
  }
}

/** Rules between fields that class-validator cannot say on one field alone. */
function crossFieldViolations(entry: InsatsEntry): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (entry.openTo === 'utvalda_enheter' && !entry.openToUnits?.length)
    violations.push({
      field: 'openToUnits',
      rule: 'requiredWhenListed',
      message: 'openToUnits must name at least one unit when openTo is utvalda_enheter',
    });
  if (entry.openTo !== 'utvalda_enheter' && entry.openToUnits?.length)
    violations.push({
      field: 'openToUnits',
      rule: 'onlyWhenListed',
      message: 'openToUnits is only given when openTo is utvalda_enheter',
    });
  if (entry.openTo !== 'egen_enhet' && entry.priceForOtherUnitsSek === undefined)
    violations.push({
      field: 'priceForOtherUnitsSek',
      rule: 'requiredWhenOpen',
      message: 'priceForOtherUnitsSek is required when other units may place clients: they pay for the place',
    });
  if (entry.validTo !== undefined && entry.validTo < entry.validFrom)
    violations.push({
      field: 'validTo',
      rule: 'notBeforeValidFrom',
      message: `validTo must not be before validFrom (${entry.validFrom})`,
    });
  return violations;
}

/** A whole entry, checked field by field and then across fields; refused with every violation at once. */
export function validEntry(entry: unknown): InsatsEntry {
  const valid = validatePayload(InsatsEntry, entry);
  const violations = crossFieldViolations(valid);
  if (violations.length > 0) throw new InvalidPayloadError(violations);
  return valid;
}

const refuse = (id: string, message: string, field?: string) =>
  new BusinessRuleError([{ id, message, ...(field ? { field } : {}) }]);

/** What the command appends to the entry's stream, given the entry as it stands (undefined: no such entry). */
export function decideCatalogue(
  insatsId: string,
  state: CatalogueEntryState | undefined,
  command: CatalogueCommand,
): CatalogueEvent[] {
  if (command.type === 'RegisterInsats') {
    const entry = validEntry(command.entry);
    return [
      {
        type: INSATS_EVENTS.registered,
        data: { insatsId, providingUnit: command.providingUnit, version: 1, entry: { ...entry } },
      },
    ];
  }
  if (!state) throw refuse('unknown-insats', `Insatsen ${insatsId} finns inte i katalogen.`);
  switch (command.type) {
    case 'ReviseInsats': {
      const entry = validEntry(command.entry);
      if (state.status === 'closed')
        throw refuse('insats-closed', 'Insatsen är avslutad och kan inte ändras.');
      if (command.expectedVersion !== state.version)
        throw new CatalogueVersionConflictError(command.expectedVersion, state.version);
      return [
        { type: INSATS_EVENTS.revised, data: { insatsId, version: state.version + 1, entry: { ...entry } } },
      ];
    }
    case 'PauseInsats':
      if (state.status !== 'active') throw refuse('not-active', 'Bara en aktiv insats kan pausas.');
      return [{ type: INSATS_EVENTS.paused, data: { insatsId, reason: command.reason } }];
    case 'ResumeInsats':
      if (state.status !== 'paused') throw refuse('not-paused', 'Bara en pausad insats kan tas upp igen.');
      return [{ type: INSATS_EVENTS.resumed, data: { insatsId } }];
    case 'CloseInsats':
      if (state.status === 'closed') throw refuse('insats-closed', 'Insatsen är redan avslutad.');
      if (command.activePlacements > 0)
        throw refuse(
          'active-placements',
          `Insatsen har ${command.activePlacements} pågående placeringar och kan inte avslutas; pausa den i stället så att inga nya placeras.`,
        );
      return [{ type: INSATS_EVENTS.closed, data: { insatsId, closedOn: command.closedOn } }];
  }
}

/** The entry after one more of its events. */
export function evolveCatalogue(
  state: CatalogueEntryState | undefined,
  event: { readonly type: string; readonly data: Record<string, unknown> },
): CatalogueEntryState | undefined {
  const data = event.data;
  switch (event.type) {
    case INSATS_EVENTS.registered:
      return {
        insatsId: String(data.insatsId),
        providingUnit: String(data.providingUnit),
        version: 1,
        status: 'active',
        entry: data.entry as InsatsEntry,
      };
    case INSATS_EVENTS.revised:
      return state && { ...state, version: Number(data.version), entry: data.entry as InsatsEntry };
    case INSATS_EVENTS.paused:
      return state && { ...state, status: 'paused' };
    case INSATS_EVENTS.resumed:
      return state && { ...state, status: 'active' };
    case INSATS_EVENTS.closed:
      return state && { ...state, status: 'closed' };
    default:
      return state;
  }
}
