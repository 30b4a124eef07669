import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { BipPhase, Label, Text, PastDay } from '@app/engine';

export const IMPULS_SOURCES = ['socialsekreterare', 'varden', 'jobbtorg-vuxen'] as const;
export const CONTACT_METHODS = ['rehabforfragan', 'telefon', 'mejl'] as const;

export class ImpulsRegistered {
  @Label('Impulsen kom från', {
    options: { socialsekreterare: 'Socialsekreterare', varden: 'Vården', 'jobbtorg-vuxen': 'Jobbtorg vuxen' },
  })
  @IsIn(IMPULS_SOURCES)
  source!: string;
  @Label('Skäl') @Text() reason!: string;
}

export class ContactPlanned {
  @Label('Kontaktväg', { options: { rehabforfragan: 'Rehabförfrågan', telefon: 'Telefon', mejl: 'Mejl' } })
  @IsIn(CONTACT_METHODS)
  contactMethod!: string;
  /** For impulses from healthcare or Jobbtorg: whether Rehabansvarig must draw up a progressionsplan. */
  @Label('Progressionsplan behövs') @IsBoolean() progressionsplanNeeded!: boolean;
}

export class PlanningAgreed {
  @Label('Överenskommen') @PastDay() agreedOn!: string;
  @Label('Planeringen i korthet') @Text() summary!: string;
}

export class PlanningCarriedOut {
  @Label('Vad som gjorts') @Text() description!: string;
}

export class FollowUpRecorded {
  @BipPhase() bipPhase!: number;
  @Label('Anteckningar') @Text() notes!: string;
}

export class CooperationCompleted {
  @BipPhase() bipPhase!: number;
  @Label('Resultat') @Text() outcome!: string;
}

/** Version 2: an impuls from vården is taken only with recorded consent to exchange information. */
export class ImpulsRegisteredV2 {
  @Label('Impulsen kom från', {
    options: { socialsekreterare: 'Socialsekreterare', varden: 'Vården', 'jobbtorg-vuxen': 'Jobbtorg vuxen' },
  })
  @IsIn(IMPULS_SOURCES)
  source!: string;
  @Label('Skäl') @Text() reason!: string;
  @Label('Samtycke till informationsutbyte finns', {
    help: 'Krävs när vården hör av sig till Rehabansvarig.',
  })
  @IsOptional()
  @IsBoolean()
  consentToInformationExchange?: boolean;
}

/** Rehabansvarig calls in the SIP-stödjare to prepare and support a SIP meeting. */
export class SipStodjareCalledIn {
  @Label('Behov av SIP-stödjare', { help: 'Varför SIP-mötet behöver förberedas och stödjas.' })
  @Text()
  need!: string;
}

/** The SIP-stödjare's own step: the SIP meeting they prepared for and supported. */
export class SipMeetingSupported {
  @Label('SIP-mötet hölls') @PastDay() heldOn!: string;
  @Label('Anteckning', { help: 'Vad SIP-mötet kom fram till, för Rehabansvarigs uppföljning.' })
  @IsOptional()
  @Text()
  summary?: string;
}
