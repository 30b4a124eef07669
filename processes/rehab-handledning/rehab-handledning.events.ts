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
import { Day, PlanItem, Text, Personal } from '@app/engine';

/** The four grounds in the seed for bringing a client to Rehabansvarig. */
export const IMPULS_GROUNDS = [
  'sjukskriven-utan-samordnade-insatser',
  'funktionsnedsattning-eller-oklar-formaga',
  'fragor-om-ersattning-eller-avslag',
  'kategori-1-plan-klar',
] as const;

export class ImpulsRegistered {
  @IsArray() @ArrayMinSize(1) @IsIn(IMPULS_GROUNDS, { each: true }) grounds!: string[];
  @IsOptional() @Text() note?: string;
}

export class DocumentationReviewed {
  @Text() findings!: string;
}

export class SupervisionHeld {
  @Day() heldOn!: string;
  @IsBoolean() progressionsplanNeeded!: boolean;
}

export class CategoryDecided {
  @IsInt() @Min(1) @Max(5) category!: number;
  @Text() motivation!: string;
}

export class ProgressionsplanShared {
  @Personal()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanItem)
  items!: PlanItem[];
}

export class PlanExecuted {
  @Text() summary!: string;
}
