import type { CaseCommand } from './commands';
import type { CaseState } from './case-state';
import { BusinessRuleError } from './errors';
import { catalogueFieldsOf } from './fields';
import type { ProcessRegistry } from './process-registry';

/**
 * What a placement step needs to know of a catalogue entry (insatser.md):
 * the version and price it starts on, whether it takes placements from the
 * case's unit, and how many places are free for whom.
 */
export interface CatalogueFacts {
  readonly insatsId: string;
  readonly version: number;
  readonly name: string;
  readonly providingUnit: string;
  readonly status: 'active' | 'paused' | 'closed';
  readonly kind: string;
  readonly trappsteg: string;
  readonly bipType: string;
  readonly places: number;
  /** Places not taken by a placement that is assigned or running. */
  readonly placesFree: number;
  /** Placements on the waiting list before the one asking; all of them when it is not on it. */
  readonly queuedAhead: number;
  /** The price for the case's unit: the unit's own cost, or the price for other units. */
  readonly price: { readonly amountSek: number; readonly period: string };
  /** The entry takes placements from the case's unit: its own, or one it is open to. */
  readonly openToAsker: boolean;
}

/** The catalogue's answer for an entry, seen from one case and instance; undefined when there is no such entry. */
export type CatalogueLookup = (
  insatsId: string,
  asking: { readonly caseId: string; readonly instanceId: string; readonly unit: string },
) => Promise<CatalogueFacts | undefined>;

export type NamedInsatser = ReadonlyMap<string, CatalogueFacts | undefined>;

/**
 * What a placement keeps of its entry when it is assigned: the snapshot
 * insatser.md asks for, and the places free for it then (after those
 * already waiting), which decided whether it went onto the waiting list.
 */
export type InsatsSnapshot = Pick<
  CatalogueFacts,
  | 'insatsId'
  | 'version'
  | 'name'
  | 'providingUnit'
  | 'kind'
  | 'trappsteg'
  | 'bipType'
  | 'price'
  | 'placesFree'
> & {
  /** The case's unit, which pays when it is not the providing unit (insatser.md, internfakturering). */
  readonly placingUnit: string;
};

/** The insats an instance is placed on, as its machine context holds it. */
export const placedInsatsOf = (context: unknown): InsatsSnapshot | undefined =>
  (context as { insats?: InsatsSnapshot } | undefined)?.insats;

/**
 * The catalogue's facts for every entry the step names in an insats field
 * and the one its instance is placed on, looked up before deciding, because
 * deciding is synchronous and the catalogue is a read model.
 */
export async function insatserNamedBy(
  registry: ProcessRegistry,
  state: CaseState,
  command: CaseCommand,
  lookup: CatalogueLookup,
): Promise<NamedInsatser> {
  if (command.type !== 'SendProcessEvent') return new Map();
  const instance = state.instances.get(command.instanceId);
  if (!instance) return new Map();
  const payloadClass = registry.get(instance.definitionId, instance.version).events[command.event]?.payload;
  const payload = (command.payload ?? {}) as Readonly<Record<string, unknown>>;
  const named = payloadClass ? catalogueFieldsOf(payloadClass).map((field) => payload[field]) : [];
  const ids = [...new Set([...named, placedInsatsOf(instance.snapshot.context)?.insatsId])].filter(
    (id): id is string => typeof id === 'string',
  );
  const asking = { caseId: state.caseId, instanceId: instance.instanceId, unit: state.unit ?? '' };
  return new Map(await Promise.all(ids.map(async (id) => [id, await lookup(id, asking)] as const)));
}

/**
 * Refuses an insats field naming no entry, a paused or closed one, or one
 * of another unit that is not open to the case's; otherwise the snapshot
 * the step keeps of it, with the price the case's unit pays.
 */
export function requireInsats(
  insatsId: string,
  field: string,
  unit: string,
  named: NamedInsatser,
): InsatsSnapshot {
  const facts = named.get(insatsId);
  const refuse = (id: string, message: string) => new BusinessRuleError([{ id, field, message }]);
  if (!facts) throw refuse('unknown-insats', `Insatsen ${insatsId} finns inte i katalogen.`);
  if (facts.status !== 'active')
    throw refuse(
      'insats-not-active',
      `${facts.name} är ${facts.status === 'paused' ? 'pausad' : 'avslutad'} och tar inte emot placeringar.`,
    );
  if (!facts.openToAsker)
    throw refuse(
      'insats-not-open-to-unit',
      `${facts.name} anordnas av ${facts.providingUnit} och tar inte emot placeringar från din enhet.`,
    );
  const { insatsId: id, version, name, providingUnit, kind, trappsteg, bipType, price } = facts;
  // Those already waiting come first: a free place is theirs before a new placement's.
  const placesFree = Math.max(0, facts.placesFree - facts.queuedAhead);
  return {
    insatsId: id,
    version,
    name,
    providingUnit,
    kind,
    trappsteg,
    bipType,
    price,
    placesFree,
    placingUnit: unit,
  };
}
