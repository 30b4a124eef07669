import { IsBoolean, IsOptional } from 'class-validator';
import { BipPhase, Label, Text, PastDay } from '@app/engine';

export class ImpulsRegistered {
  /** Why the client should see the förtroendeläkare: sick-listed where the unit has no cooperation, not progressing, unclear certificate. */
  @Label('Skäl', { help: 'Till exempel sjukskriven utan samverkan, står still, otydligt intyg.' })
  @Text()
  reason!: string;
  /** Decides between förtroendeläkare and samverkan: the unit's fördjupad-samverkan list names care units. */
  @Label('Sjukskriven på vårdenhet', {
    help: 'Vårdcentralen eller vårdenheten som har sjukskrivit klienten.',
  })
  @Text()
  sickListingCareUnit!: string;
}

export class ReferralAccepted {
  /** What the social worker must prepare before the consultation. */
  @Label('Förberedelser', { help: 'Vad socialsekreteraren ska förbereda före konsultationen.' })
  @Text()
  preparation!: string;
}

export class ReferralDeclined {
  @Label('Skäl') @Text() reason!: string;
}

export class DocumentsHandedOver {
  @Label('Samtyckesblankett') @IsBoolean() consentForm!: boolean;
  @Label('Anmälningsblankett') @IsBoolean() notificationForm!: boolean;
  @Label('Andra handlingar') @IsOptional() @Text() otherDocuments?: string;
}

export class ConsultationHeld {
  @Label('Konsultationen hölls') @PastDay() heldOn!: string;
}

export class RecommendationsReceived {
  @Label('Mottagna') @PastDay() receivedOn!: string;
  @Label('Rekommendationerna i korthet') @Text() summary!: string;
}

export class CheckInHeld {
  @Label('Anteckningar') @Text() notes!: string;
}

export class ActionsTaken {
  @Label('Vad som gjorts') @Text() description!: string;
}

export class FollowUpCompleted {
  /** BIP progression phase 0-4 at the end of follow-up. */
  @BipPhase() bipPhase!: number;
  @Label('Resultat') @Text() outcome!: string;
}
