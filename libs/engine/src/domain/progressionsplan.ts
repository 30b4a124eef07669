import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** One row of the progressionsplan (Bilaga 1): vad, vem, när, varför, har det gjorts. */
export class PlanItem {
  @IsString() @IsNotEmpty() @MaxLength(4000) vad!: string;
  @IsString() @IsNotEmpty() @MaxLength(4000) vem!: string;
  @IsISO8601({ strict: true }) nar!: string;
  @IsString() @IsNotEmpty() @MaxLength(4000) varfor!: string;
  @IsBoolean() gjort!: boolean;
}

/** The case's progressionsplan as Rehabansvarig draws it up or adjusts it. */
export class Progressionsplan {
  @IsInt() @Min(1) @Max(5) category!: number;
  @IsIn(['rehabansvarig', 'bitradande_enhetschef']) followUpOwner!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanItem)
  items!: PlanItem[];
}
