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
