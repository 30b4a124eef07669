import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Day, PlanItem, Text, Personal, Label } from '@app/engine';

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
  @Label('Handledningen hölls') @Day() heldOn!: string;
  @Label('Progressionsplan behövs') @IsBoolean() progressionsplanNeeded!: boolean;
}

export class CategoryDecided {
  @Label('Kategori', { help: 'Verktygslådans kategori 1–5.' }) @IsInt() @Min(1) @Max(5) category!: number;
  @Label('Motivering') @Text() motivation!: string;
}

export class ProgressionsplanShared {
  @Label('Planens punkter')
  @Personal()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanItem)
  items!: PlanItem[];
}

export class PlanExecuted {
  @Label('Sammanfattning') @Text() summary!: string;
}
