import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Day, NoPersonnummer, Personal, Text, Label, PastDay } from '@app/engine';

export class ImpulsRegistered {
  @Label('Skäl') @Text() reason!: string;
}

export class AfuApproved {
  /** Collect the client's consent first, or consult the supplier first. */
  @Label('Ordning', {
    options: { 'samtycke-forst': 'Samtycke först', 'leverantor-forst': 'Konsultera leverantören först' },
  })
  @IsIn(['samtycke-forst', 'leverantor-forst'])
  order!: string;
}

export class AfuRejected {
  @Label('Skäl') @Text() reason!: string;
}

export class ConsentRecorded {
  @Label('Muntligt samtycke') @IsBoolean() oral!: boolean;
  @Label('Skriftligt samtycke') @IsBoolean() written!: boolean;
  @Label('Inskannat') @IsBoolean() scanned!: boolean;
  @Label('Klienten förstår processen') @IsBoolean() clientUnderstandsProcess!: boolean;
}

export class OrderSent {
  @Label('Skickad') @PastDay() sentOn!: string;
  @Label('Beställningsblankett') @IsBoolean() orderForm!: boolean;
  @Label('Fullmakt') @IsBoolean() powerOfAttorney!: boolean;
  @Label('Begäran till Försäkringskassan') @IsBoolean() forsakringskassanRequest!: boolean;
  @Label('Samtyckesblankett') @IsBoolean() consentForm!: boolean;
}

export class TimesOffered {
  @Label('Första tiden') @Day() firstAppointment!: string;
}

export class InterpreterBooked {
  @Label('Språk') @Personal() @IsString() @MaxLength(100) @NoPersonnummer() language!: string;
  @Label('Bekräftat till leverantören') @PastDay() confirmedToSupplierOn!: string;
}

export class ClientPrepared {
  @Label('Anteckningar') @Text() notes!: string;
}

/** The questions the AFU answers (toolbox.md, process 4). */
export class InvestigationCompleted {
  @Label('Arbetsförmåga', { options: { helt: 'Helt', delvis: 'Delvis', 'inte-alls': 'Inte alls' } })
  @IsIn(['helt', 'delvis', 'inte-alls'])
  workCapacity!: string;
  @Label('Varför') @Text() workCapacityReason!: string;
  @Label('Aktivitet med anpassningar') @Text() activityWithAdjustments!: string;
  @Label('Medicinska hinder') @Text() medicalObstacles!: string;
  @Label('Vad som behövs för att återgå i arbete') @Text() neededForReturnToWork!: string;
  @Label('Sjukersättning aktuell', { options: { ingen: 'Nej', hel: 'Hel', partiell: 'Partiell' } })
  @IsIn(['ingen', 'hel', 'partiell'])
  sjukersattningRelevant!: string;
  @Label('Omprövning av avslag aktuell') @IsBoolean() reviewOfRejectionRelevant!: boolean;
  @Label('Nästa steg') @IsOptional() @Text() nextSteps?: string;
}

/** Version 2: Rehabansvarig consults the supplier before consent is collected, and records the supplier's view. */
export class SupplierConsulted {
  @Label('Leverantörens bedömning') @Text() supplierView!: string;
  @Label('AFU är aktuell enligt leverantören') @IsBoolean() afuRelevant!: boolean;
}

/** Version 2: after the order, the supplier judges from the documents that an AFU is not relevant. */
export class SupplierAdvisedAgainst {
  @Label('Leverantörens skäl') @Text() reason!: string;
}
