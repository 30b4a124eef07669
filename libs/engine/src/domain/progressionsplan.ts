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
import { Day, Label, Personal, Text } from './fields';

/** One row of the progressionsplan (Bilaga 1): vad, vem, när, varför, har det gjorts. */
export class PlanItem {
  @Label('Vad') @Text() vad!: string;
  @Label('Vem') @Text() vem!: string;
  @Label('När') @Day() nar!: string;
  @Label('Varför') @Text() varfor!: string;
  @Label('Gjort') @IsBoolean() gjort!: boolean;
}

/** The case's progressionsplan as Rehabansvarig draws it up or adjusts it. */
export class Progressionsplan {
  @Label('Kategori', { help: 'Verktygslådans kategori 1–5.' }) @IsInt() @Min(1) @Max(5) category!: number;
  @Label('Ansvarig för uppföljning', {
    options: { rehabansvarig: 'Rehabansvarig', bitradande_enhetschef: 'Biträdande enhetschef' },
  })
  @IsIn(['rehabansvarig', 'bitradande_enhetschef'])
  followUpOwner!: string;
  @Label('Planens punkter')
  @Personal()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanItem)
  items!: PlanItem[];
}
