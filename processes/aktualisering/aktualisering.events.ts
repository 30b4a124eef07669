import { IsDefined, IsInt, IsObject, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import {
  AcknowledgesWarnings,
  Label,
  OneOf,
  PastDay,
  Personal,
  ReceivingUnitRef,
  Shaped,
  Text,
} from '@app/engine';
import {
  ADMISSION_DECLINED_REASONS,
  DECISION_OUTCOMES,
  DEFAULT_FORM,
  formSchema,
  RETURN_REASONS,
  WITHDRAW_REASONS,
} from '@app/referral';

/**
 * The draft as the sender saves it on the way: only the sender's side sees
 * it, and it is not checked until it is sent (referral.md, Upprätta).
 */
export class DraftSaved {
  @Label('Mottagande enhet') @IsOptional() @ReceivingUnitRef() receivingUnit?: string;
  @Label('Svar så här långt') @IsOptional() @IsObject() @Personal() answers?: Record<string, unknown>;
}

/**
 * Skicka: every field of the receiving unit's form answered, every free
 * text de-identified; warnings read and confirmed (the step's inspection).
 */
export class ReferralSent extends AcknowledgesWarnings {
  @Label('Mottagande enhet') @ReceivingUnitRef() receivingUnit!: string;
  @Label('Formulärets version', { help: 'Den version av enhetens formulär som sammanfattningen skrevs på.' })
  @IsInt({ message: 'formVersion must be the version of the receiving unit’s form, a whole number' })
  @Min(1, { message: 'formVersion must be 1 or more' })
  formVersion!: number;
  // The sender block (referral.md, De-identification rule): who the receiving unit answers, apart from the summary.
  @Label('Din titel', { help: 'Till exempel socialsekreterare eller behandlare.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  senderTitle?: string;
  @Label('Ditt telefonnummer i tjänsten')
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()-]{5,19}$/, { message: 'senderPhone must be a phone number, e.g. 063-14 30 00' })
  senderPhone?: string;
  @Label('Sammanfattningen')
  @Shaped(formSchema(DEFAULT_FORM('', 'den mottagande enheten')))
  @IsDefined({ message: 'answers is required: the summary on the receiving unit’s form' })
  @IsObject()
  @Personal()
  answers!: Record<string, unknown>;
}

export class KompletteringRequested {
  @Label('Vad behöver Beredningsgruppen veta mer om?') @Personal() @Text() question!: string;
}

export class KompletteringAnswered extends AcknowledgesWarnings {
  @Label('Svar till Beredningsgruppen') @Personal() @Text() answer!: string;
}

export class ReferralDecided {
  @Label('Beslut', { options: DECISION_OUTCOMES }) @OneOf(DECISION_OUTCOMES) outcome!: string;
  @Label('Motivering', { help: 'Så att avsändaren kan agera på beslutet.' })
  @Personal()
  @Text()
  motivation!: string;
  @Label('Beslutsdatum') @PastDay() decidedOn!: string;
}

export class ReferralReturned {
  @Label('Skäl', { options: RETURN_REASONS }) @OneOf(RETURN_REASONS) reason!: string;
  @Label('Kommentar till avsändaren') @IsOptional() @Text() comment?: string;
}

export class ReferralWithdrawn {
  @Label('Skäl', { options: WITHDRAW_REASONS }) @OneOf(WITHDRAW_REASONS) reason!: string;
  @Label('Kommentar') @IsOptional() @Text() comment?: string;
}

/** The receiving unit admits the client after a recommendation: the placement starts in the sender's case. */
export class AdmissionRecorded {
  @Label('Antagen den') @PastDay() admittedOn!: string;
}

/** A recommendation that does not lead to an admission, and why (no place, the client declined). */
export class AdmissionDeclined {
  @Label('Skäl', { options: ADMISSION_DECLINED_REASONS }) @OneOf(ADMISSION_DECLINED_REASONS) reason!: string;
  @Label('Kommentar till avsändaren') @IsOptional() @Text() comment?: string;
}
