import { Type } from 'class-transformer';
import { Equals, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { applyInOrder, Label, PastDay, Text } from './fields';

/** Why the responsible social worker changes (seed 002; the list is a default). */
export const CHANGE_REASONS = {
  'slutat-bytt-tjanst': 'Slutat eller bytt tjänst',
  franvaro: 'Frånvaro',
  omfordelning: 'Omfördelning av krets eller omorganisation',
  'klientens-onskemal': 'Klientens önskemål',
  annat: 'Annat',
} as const;
export type ChangeReason = keyof typeof CHANGE_REASONS;

/**
 * How the client heard of the change: "önskar man att man i alla fall
 * fick veta det så det är tydligt vem man ska vända sig till".
 */
export class ClientInformed {
  @Label('Vem informerade klienten', {
    options: {
      'tidigare-socialsekreterare': 'Tidigare socialsekreterare',
      'ny-socialsekreterare': 'Ny socialsekreterare',
      'bitradande-enhetschef': 'Biträdande enhetschef',
    },
  })
  @IsIn(['tidigare-socialsekreterare', 'ny-socialsekreterare', 'bitradande-enhetschef'])
  by!: string;

  @Label('Datum') @PastDay() on!: string;

  @Label('Hur', { options: { telefon: 'Telefon', brev: 'Brev', besok: 'Besök', digitalt: 'Digitalt' } })
  @IsIn(['telefon', 'brev', 'besok', 'digitalt'])
  how!: string;

  /** The point of telling them: who to turn to now. */
  @Label('Klienten har fått den nya socialsekreterarens kontaktuppgifter')
  @Equals(true, { message: 'contactGiven: klienten ska ha fått den nya kontaktens uppgifter' })
  contactGiven!: boolean;
}

/** What a change of responsible social worker records beside who takes over (toolbox.md, Continuity). */
export class CaseworkerChange {
  @applyInOrder(
    IsIn(Object.keys(CHANGE_REASONS), {
      message: `reason must be one of: ${Object.keys(CHANGE_REASONS).join(', ')}`,
    }),
    Label('Skäl till bytet', { options: CHANGE_REASONS }),
  )
  reason!: ChangeReason;

  @applyInOrder(Text(), IsOptional(), Label('Beskriv skälet', { help: 'Krävs när skälet är ”Annat”.' }))
  reasonNote?: string;

  /** Absent when the client has not been told yet: the new social worker then gets the task, due in a week. */
  @applyInOrder(
    Type(() => ClientInformed),
    ValidateNested(),
    IsOptional(),
    Label('Klienten är informerad', { help: 'Lämna tomt om klienten inte har fått veta ännu.' }),
  )
  clientInformed?: ClientInformed;

  /** Absent when the outgoing worker is gone: the biträdande enhetschef then gets the task of writing it. */
  @applyInOrder(
    Text(),
    IsOptional(),
    Label('Överlämning till den nya socialsekreteraren', {
      help: 'Nuläge, pågående processer och nästa steg, överenskommelser med klienten och vad klienten redan har berättat.',
    }),
  )
  handover?: string;
}

/** The processes a change starts for what it left undone. */
export const HANDOVER_PROCESSES = {
  informClient: 'klient-informeras',
  writeHandover: 'overlamning',
} as const;

/**
 * What a change left undone, made good later in the process it started: the
 * hand-over written, the client told. It completes the latest change, as
 * the new worker reads it, unless that change already has it.
 */
export function completedChange<C extends { handover?: string; clientInformed?: object }>(
  change: C,
  definitionId: string,
  event: string,
  payload: Readonly<Record<string, unknown>>,
): C {
  if (definitionId === HANDOVER_PROCESSES.writeHandover && event === 'HandoverWritten' && !change.handover)
    return { ...change, handover: String(payload.summary) };
  if (
    definitionId === HANDOVER_PROCESSES.informClient &&
    event === 'ClientInformed' &&
    !change.clientInformed
  )
    return { ...change, clientInformed: { ...payload } };
  return change;
}
