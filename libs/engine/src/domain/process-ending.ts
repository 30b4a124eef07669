import { IsIn, IsOptional } from 'class-validator';
import type { LaneRole, Role } from './process-definition';
import type { ProcessDefinition } from './process-definition';
import { applyInOrder, Label, Text } from './fields';
import type { InstanceState } from './case-state';

/**
 * Why an instance ends before its last step (toolbox.md, "Ending a process
 * early"). The list is the spec's; `other` asks for a description.
 */
export const END_REASONS = [
  'assessment-no',
  'consent-declined',
  'offer-declined',
  'client-left-unit',
  'other-tool',
  'other',
] as const;
export type EndReason = (typeof END_REASONS)[number];

export const END_REASON_LABELS: Readonly<Record<EndReason, string>> = {
  'assessment-no': 'Bedömningen är att processen inte ska fortsätta',
  'consent-declined': 'Klienten samtycker inte eller har tagit tillbaka sitt samtycke',
  'offer-declined': 'Klienten tackar nej till erbjudandet',
  'client-left-unit': 'Klienten är avslutad på enheten',
  'other-tool': 'Ärendet går vidare till ett annat verktyg',
  other: 'Annat skäl',
};

/**
 * Who may end an instance for each reason: the role the spec names, among
 * the roles that work in that process. An assessment is Rehabansvarig's in
 * processes 1–5 and the case manager's in 6; consent is collected by the
 * social worker; the biträdande enhetschef, who may take any follow-up
 * over, may also close for a client who left or a change of tool.
 */
const ENDED_BY: Readonly<Record<EndReason, readonly Role[]>> = {
  'assessment-no': ['rehabansvarig', 'case_manager'],
  'consent-declined': ['socialsekreterare', 'rehabansvarig', 'case_manager'],
  'offer-declined': ['socialsekreterare', 'case_manager'],
  'client-left-unit': ['socialsekreterare', 'bitradande_enhetschef'],
  'other-tool': ['rehabansvarig', 'case_manager', 'bitradande_enhetschef'],
  other: ['socialsekreterare', 'rehabansvarig', 'case_manager', 'sip_stodjare', 'bitradande_enhetschef'],
};

/** The roles with a lane in the process, and the biträdande enhetschef, who can take any of it over. */
function workingRoles(definition: ProcessDefinition): Set<LaneRole> {
  return new Set<LaneRole>([
    ...definition.startLanes,
    ...Object.values(definition.events).flatMap((step) => step.lanes),
    'bitradande_enhetschef',
  ]);
}

/** The roles that may end an instance of the process for `reason`. */
export function endingRoles(definition: ProcessDefinition, reason: EndReason): Role[] {
  const working = workingRoles(definition);
  return ENDED_BY[reason].filter((role) => working.has(role));
}

/** The reasons any of `roles` may end an instance of the process for. */
export function endReasonsFor(definition: ProcessDefinition, roles: readonly string[]): EndReason[] {
  return END_REASONS.filter((reason) => endingRoles(definition, reason).some((role) => roles.includes(role)));
}

/** What ending an instance early records: the reason, and a description the reason `other` requires. */
export class EndProcessPayload {
  @applyInOrder(
    IsIn(END_REASONS, { message: `reason must be one of: ${END_REASONS.join(', ')}` }),
    Label('Varför avslutas processen?', { options: END_REASON_LABELS }),
  )
  reason!: EndReason;

  @applyInOrder(
    Text(),
    IsOptional(),
    Label('Kommentar', { help: 'Krävs när skälet är ”Annat skäl”. Skriv inga personuppgifter.' }),
  )
  note?: string;
}

/** Whether the instance still runs: neither at its end nor ended early. */
export const isRunning = (instance: InstanceState): boolean =>
  instance.ended === undefined && instance.snapshot.status === 'active';
