import { IsBoolean, IsIn } from 'class-validator';
import { Day, Text } from '@app/engine';

export class ImpulsRegistered {
  @Text() reason!: string;
}

export class ContactAssessed {
  @Text() assessment!: string;
}

export class ConsentRecorded {
  @IsBoolean() oral!: boolean;
  @IsBoolean() written!: boolean;
}

/** After consulting the supplier, who judges an AFU not relevant: what to obtain instead. */
export class RecommendationsOrdered {
  @IsIn(['rekommendationer', 'remiss', 'bada']) kind!: string;
  @Text() supplierAdvice!: string;
}

export class OrderSent {
  @Day() sentOn!: string;
  @IsBoolean() consentForm!: boolean;
  @IsBoolean() powerOfAttorney!: boolean;
}

export class RecommendationsReceived {
  @Day() receivedOn!: string;
  @Text() summary!: string;
  @IsBoolean() referralToOtherCare!: boolean;
}

export class FollowUpCompleted {
  @IsIn([0, 1, 2, 3, 4]) bipPhase!: number;
  @Text() outcome!: string;
}
