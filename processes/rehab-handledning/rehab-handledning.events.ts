import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { Category, Label, PlanItem, PlanItems, Text, PastDay } from '@app/engine';

/** The four grounds in the seed for bringing a client to Rehabansvarig. */
export const IMPULS_GROUNDS = [
  'sjukskriven-utan-samordnade-insatser',
  'funktionsnedsattning-eller-oklar-formaga',
  'fragor-om-ersattning-eller-avslag',
  'kategori-1-plan-klar',
] as const;

export class ImpulsRegistered {
  @Label('Skäl till impulsen', {
    help: 'Välj ett eller flera skäl att ta ärendet till Rehabansvarig.',
    options: {
      'sjukskriven-utan-samordnade-insatser': 'Sjukskriven utan samordnade insatser',
      'funktionsnedsattning-eller-oklar-formaga': 'Funktionsnedsättning eller oklar förmåga',
      'fragor-om-ersattning-eller-avslag': 'Frågor om ersättning eller avslag',
      'kategori-1-plan-klar': 'Kategori 1: planen är klar',
    },
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(IMPULS_GROUNDS, { each: true })
  grounds!: string[];
  @Label('Anteckning') @IsOptional() @Text() note?: string;
}

export class DocumentationReviewed {
  @Label('Vad genomgången visade') @Text() findings!: string;
}

export class SupervisionHeld {
  @Label('Handledningen hölls') @PastDay() heldOn!: string;
  @Label('Progressionsplan behövs') @IsBoolean() progressionsplanNeeded!: boolean;
}

export class CategoryDecided {
  @Category() category!: number;
  @Label('Motivering') @Text() motivation!: string;
}

export class ProgressionsplanShared {
  @PlanItems() items!: PlanItem[];
}

export class PlanExecuted {
  @Label('Sammanfattning') @Text() summary!: string;
}

/**
 * Version 2: handledning decides whether a progressionsplan is drawn up at
 * all ("om progressionsplan ska upprättas"); without one, the planning
 * agreed and the reason are recorded and the instance ends.
 */
export class SupervisionHeldV2 {
  @Label('Handledningen hölls') @PastDay() heldOn!: string;
  @Label('Progressionsplan ska upprättas') @IsBoolean() progressionsplanNeeded!: boolean;
  @Label('Planering som kom överens', { help: 'Krävs när ingen progressionsplan upprättas.' })
  @IsOptional()
  @Text()
  agreedPlanning?: string;
  @Label('Varför ingen progressionsplan', { help: 'Krävs när ingen progressionsplan upprättas.' })
  @IsOptional()
  @Text()
  noPlanReason?: string;
}

const CONFIDENCE = { lag: 'Låg', medel: 'Medel', hog: 'Hög' } as const;

/** The biträdande enhetschef's follow-up of a category 1-2 plan, with Bilaga 7's stödfrågor. */
export class PlanFollowUpRecorded {
  @Label('Uppföljningen hölls') @PastDay() heldOn!: string;
  @Label('Vilken tilltro har individen till att den kommer att bli självförsörjande på sikt?')
  @Text()
  clientConfidence!: string;
  @Label('Individens tilltro', { options: CONFIDENCE })
  @IsOptional()
  @IsIn(Object.keys(CONFIDENCE))
  clientConfidenceLevel?: string;
  @Label('Vilken tilltro har du till att din klient kommer att bli självförsörjande på sikt?')
  @Text()
  workerConfidence!: string;
  @Label('Socialsekreterarens tilltro', { options: CONFIDENCE })
  @IsOptional()
  @IsIn(Object.keys(CONFIDENCE))
  workerConfidenceLevel?: string;
  @Label('Vad behöver hända till nästa uppföljning för att din klient ska göra progression?')
  @Text()
  nextSteps!: string;
}

export class PlanFollowUpClosed {
  @Label('Resultat') @Text() outcome!: string;
}
