import { api, ApiError, describeError } from '../api/client';
import type { JsonSchema, ProcessSummary } from '../api/types';
import { optionLabel } from '../forms/messages';
import { useResource } from '../use-resource';

/** The receiving unit's steps, by the names the referral routes give them, and what is said once each is done. */
export const REFERRAL_STEPS: Readonly<Record<string, { readonly event: string; readonly done: string }>> = {
  komplettering: {
    event: 'KompletteringRequested',
    done: 'Kompletteringen är begärd. Avsändaren får besked och svarar i sitt ärende.',
  },
  decide: { event: 'ReferralDecided', done: 'Beslutet är registrerat. Avsändaren får besked.' },
  return: { event: 'ReferralReturned', done: 'Aktualiseringen är återsänd till avsändaren.' },
};

export interface ReferralProcess {
  /** A step's label and form, as the process `aktualisering` gives them. */
  readonly step: (event: string) => { readonly label: string; readonly schema: JsonSchema } | undefined;
  /** A choice's name (an outcome, a reason) as the step's form names it. */
  readonly choice: (event: string, field: string, value: string | null) => string;
}

/**
 * The process's own words for its steps and their choices (beslut, skäl),
 * so that the receiving unit reads them as the sender's case does, with no
 * second copy of them here.
 */
export function useReferralProcess() {
  const process = useResource(
    (signal) => api<ProcessSummary>('/api/processes/aktualisering', { signal }),
    [],
  );
  const step: ReferralProcess['step'] = (event) => {
    const found = process.data?.events.find((candidate) => candidate.type === event);
    return found && { label: found.label, schema: found.schema as JsonSchema };
  };
  const choice: ReferralProcess['choice'] = (event, field, value) => {
    if (value === null) return '–';
    const schema = step(event)?.schema.properties?.[field];
    return schema ? optionLabel(schema, value) : value;
  };
  return { process: { step, choice } satisfies ReferralProcess, error: process.error };
}

/** A refusal said for the receiving unit: its referral, its role in its own unit, never "the case". */
export function referralError(error: unknown): string {
  if (!(error instanceof ApiError)) return describeError(error);
  if (error.status === 403)
    return 'Din roll i den mottagande enheten får inte göra detta. Beslut registreras av Beredningsgruppen, återsändning av mottagningen.';
  if (error.status === 404)
    return 'Aktualiseringen finns inte, eller så är den inte skickad till någon av dina enheter.';
  if (error.status === 409)
    return 'Aktualiseringen har ändrats sedan du öppnade den, till exempel av en kollega. Sidan är uppdaterad; gör om steget om det fortfarande behövs.';
  return describeError(error);
}
