import { IsBoolean, IsIn, IsString } from 'class-validator';
import { BipPhase, Label, Text, PastDay } from '@app/engine';

export class ImpulsRegistered {
  @Label('Skäl') @Text() reason!: string;
}

export class ContactAssessed {
  @Label('Bedömning') @Text() assessment!: string;
}

export class ConsentRecorded {
  @Label('Muntligt samtycke') @IsBoolean() oral!: boolean;
  @Label('Skriftligt samtycke') @IsBoolean() written!: boolean;
}

/** After consulting the supplier, who judges an AFU not relevant: what to obtain instead. */
export class RecommendationsOrdered {
  @Label('Vad som beställs', {
    options: { rekommendationer: 'Rekommendationer', remiss: 'Remiss', bada: 'Båda' },
  })
  @IsIn(['rekommendationer', 'remiss', 'bada'])
  kind!: string;
  @Label('Leverantörens råd') @Text() supplierAdvice!: string;
}

export class OrderSent {
  @Label('Skickad') @PastDay() sentOn!: string;
  @Label('Samtyckesblankett') @IsBoolean() consentForm!: boolean;
  @Label('Fullmakt') @IsBoolean() powerOfAttorney!: boolean;
}

export class RecommendationsReceived {
  @Label('Mottagna') @PastDay() receivedOn!: string;
  @Label('Rekommendationerna i korthet') @Text() summary!: string;
  @Label('Remiss till annan vård') @IsBoolean() referralToOtherCare!: boolean;
}

export class FollowUpCompleted {
  @BipPhase() bipPhase!: number;
  @Label('Resultat') @Text() outcome!: string;
}

/** Recorded by the engine when AFU hands over (no person sends it): which AFU instance the case continues from. */
export class ContinuedFromAfu {
  @IsString() fromInstanceId!: string;
  @IsString() fromDefinitionId!: string;
}
