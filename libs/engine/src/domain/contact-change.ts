import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { CHANGE_REASONS, type ChangeReason } from './caseworker-change';
import { Label, StaffOfUnit, Text } from './fields';

/**
 * What every change of a client's contact records beside who takes over
 * (toolbox.md, Continuity: "responsible social worker, CM or
 * Rehabansvarig"): the reason, whether the client knows whom to turn to
 * now, and a hand-over so the client need not tell it all again. The
 * social worker's change (CaseworkerChange) adds who told the client and
 * starts tasks for what it left undone.
 */
export class ContactChange {
  @Label('Skäl till bytet', { options: CHANGE_REASONS })
  @IsIn(Object.keys(CHANGE_REASONS), {
    message: `reason must be one of: ${Object.keys(CHANGE_REASONS).join(', ')}`,
  })
  reason!: ChangeReason;

  @Label('Beskriv skälet', { help: 'Krävs när skälet är ”Annat”.' })
  @IsOptional()
  @Text()
  reasonNote?: string;

  @Label('Klienten har fått veta vem den nya kontakten är och hur hen nås')
  @IsBoolean()
  clientInformed!: boolean;

  @Label('Överlämning till den nya kontakten', {
    help: 'Nuläge, pågående processer och nästa steg, överenskommelser med klienten och vad klienten redan har berättat.',
  })
  @Text()
  handover!: string;
}

/** "Annat" says nothing by itself: it needs the note. */
export const reasonNoteGiven = (change: Pick<ContactChange, 'reason' | 'reasonNote'>) =>
  change.reason !== 'annat' || change.reasonNote !== undefined;

/** The form for naming the case's first Rehabansvarig: one of the unit's, by name. */
export class RehabansvarigChoice {
  @Label('Rehabansvarig för ärendet') @StaffOfUnit('rehabansvarig') rehabansvarigId!: string;
}

/** The form for changing to another Rehabansvarig. */
export class RehabansvarigChange extends ContactChange {
  @Label('Ny Rehabansvarig') @StaffOfUnit('rehabansvarig') rehabansvarigId!: string;
}
