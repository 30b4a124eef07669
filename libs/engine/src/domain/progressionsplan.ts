import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Day, Personal, Text } from './fields';

/** One row of the progressionsplan (Bilaga 1): vad, vem, när, varför, har det gjorts. */
export class PlanItem {
  @Text() vad!: string;
  @Text() vem!: string;
  @Day() nar!: string;
  @Text() varfor!: string;
  @IsBoolean() gjort!: boolean;
}

/** The case's progressionsplan as Rehabansvarig draws it up or adjusts it. */
export class Progressionsplan {
  @IsInt() @Min(1) @Max(5) category!: number;
  @IsIn(['rehabansvarig', 'bitradande_enhetschef']) followUpOwner!: string;
  @Personal()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanItem)
  items!: PlanItem[];
}
