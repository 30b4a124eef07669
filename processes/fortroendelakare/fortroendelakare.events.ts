import { IsBoolean, IsIn, IsISO8601, IsOptional } from 'class-validator';
import { Text } from '@app/engine';

export class ImpulsRegistered {
  /** Why the client should see the förtroendeläkare: sick-listed where the unit has no cooperation, not progressing, unclear certificate. */
  @Text() reason!: string;
}

export class ReferralAccepted {
  /** What the social worker must prepare before the consultation. */
  @Text() preparation!: string;
}

export class ReferralDeclined {
  @Text() reason!: string;
}

export class DocumentsHandedOver {
  @IsBoolean() consentForm!: boolean;
  @IsBoolean() notificationForm!: boolean;
  @IsOptional() @Text() otherDocuments?: string;
}

export class ConsultationHeld {
  @IsISO8601({ strict: true }) heldOn!: string;
}

export class RecommendationsReceived {
  @IsISO8601({ strict: true }) receivedOn!: string;
  @Text() summary!: string;
}

export class CheckInHeld {
  @Text() notes!: string;
}

export class ActionsTaken {
  @Text() description!: string;
}

export class FollowUpCompleted {
  /** BIP progression phase 0-4 at the end of follow-up. */
  @IsIn([0, 1, 2, 3, 4]) bipPhase!: number;
  @Text() outcome!: string;
}
