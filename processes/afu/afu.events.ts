import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Day, NoPersonnummer, Personal, Text } from '@app/engine';

export class ImpulsRegistered {
  @Text() reason!: string;
}

export class AfuApproved {
  /** Collect the client's consent first, or consult the supplier first. */
  @IsIn(['samtycke-forst', 'leverantor-forst']) order!: string;
}

export class AfuRejected {
  @Text() reason!: string;
}

export class ConsentRecorded {
  @IsBoolean() oral!: boolean;
  @IsBoolean() written!: boolean;
  @IsBoolean() scanned!: boolean;
  @IsBoolean() clientUnderstandsProcess!: boolean;
}

export class OrderSent {
  @Day() sentOn!: string;
  @IsBoolean() orderForm!: boolean;
  @IsBoolean() powerOfAttorney!: boolean;
  @IsBoolean() forsakringskassanRequest!: boolean;
  @IsBoolean() consentForm!: boolean;
}

export class TimesOffered {
  @Day() firstAppointment!: string;
}

export class InterpreterBooked {
  @Personal() @IsString() @MaxLength(100) @NoPersonnummer() language!: string;
  @Day() confirmedToSupplierOn!: string;
}

export class ClientPrepared {
  @Text() notes!: string;
}

/** The questions the AFU answers (toolbox.md, process 4). */
export class InvestigationCompleted {
  @IsIn(['helt', 'delvis', 'inte-alls']) workCapacity!: string;
  @Text() workCapacityReason!: string;
  @Text() activityWithAdjustments!: string;
  @Text() medicalObstacles!: string;
  @Text() neededForReturnToWork!: string;
  @IsIn(['ingen', 'hel', 'partiell']) sjukersattningRelevant!: string;
  @IsBoolean() reviewOfRejectionRelevant!: boolean;
  @IsOptional() @Text() nextSteps?: string;
}
