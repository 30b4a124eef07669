import { samverkanCareUnit, type CaseFacts, type NamedRule, type StepEnvironment } from '@app/engine';

/** Förtroendeläkare, AFU and skriftliga rekommendationer all presuppose a progressionsplan (toolbox.md). */
export function progressionsplanRequired(before: string): NamedRule<CaseFacts> {
  return {
    id: 'progressionsplan-required',
    message: `En progressionsplan måste finnas innan ${before}.`,
    holds: (facts) => facts.hasProgressionsplan,
  };
}

/** A checklist item that must be ticked: the rule fails, naming itself, when the field is not `true`. */
export function mustBeTrue<T>(id: string, message: string, field: keyof T): NamedRule<T> {
  return { id, message, field: String(field), holds: (payload) => payload[field] === true };
}

/**
 * Förtroendeläkare is for clients sick-listed where the unit has no
 * samverkan (seed 003, process 3): a care unit on the unit's fördjupad-
 * samverkan list goes to Samverkan med vården instead.
 */
export function notAtSamverkanCareUnit<T>(field: keyof T): NamedRule<T> {
  return {
    id: 'samverkan-care-unit',
    field: String(field),
    message:
      'Enheten har fördjupad samverkan med den vårdenheten: starta Samverkan med vården / Jobbtorg vuxen i stället för förtroendeläkare.',
    holds: (payload, _context, environment) =>
      samverkanCareUnit(String(payload[field]), (environment as StepEnvironment).unit.samverkanCareUnits) ===
      undefined,
  };
}
