import type { CaseFacts, NamedRule } from '@app/engine';

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
