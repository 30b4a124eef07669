import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const TEXT = 4000;

export class ImpulsRegistered {
  /** Why the client should see the förtroendeläkare: sick-listed where the unit has no cooperation, not progressing, unclear certificate. */
  @IsString() @IsNotEmpty() @MaxLength(TEXT) reason!: string;
}

export class ReferralAccepted {
  /** What the social worker must prepare before the consultation. */
  @IsString() @IsNotEmpty() @MaxLength(TEXT) preparation!: string;
}

export class ReferralDeclined {
  @IsString() @IsNotEmpty() @MaxLength(TEXT) reason!: string;
}

export class DocumentsHandedOver {
  @IsBoolean() consentForm!: boolean;
  @IsBoolean() notificationForm!: boolean;
  @IsOptional() @IsString() @MaxLength(TEXT) otherDocuments?: string;
}

export class ConsultationHeld {
  @IsISO8601({ strict: true }) heldOn!: string;
}

export class RecommendationsReceived {
  @IsISO8601({ strict: true }) receivedOn!: string;
  @IsString() @IsNotEmpty() @MaxLength(TEXT) summary!: string;
}

export class CheckInHeld {
  @IsString() @IsNotEmpty() @MaxLength(TEXT) notes!: string;
}

export class ActionsTaken {
  @IsString() @IsNotEmpty() @MaxLength(TEXT) description!: string;
}

export class FollowUpCompleted {
  /** BIP progression phase 0-4 at the end of follow-up. */
  @IsIn([0, 1, 2, 3, 4]) bipPhase!: number;
  @IsString() @IsNotEmpty() @MaxLength(TEXT) outcome!: string;
}
