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
import { applyInOrder, Day, Label, Personal, Text } from './fields';

/** One row of the progressionsplan (Bilaga 1): vad, vem, när, varför, har det gjorts. */
export class PlanItem {
  @Label('Vad') @Text() vad!: string;
  @Label('Vem') @Text() vem!: string;
  @Label('När') @Day() nar!: string;
  @Label('Varför') @Text() varfor!: string;
  @Label('Gjort') @IsBoolean() gjort!: boolean;
}

/** The toolbox category (1-5) Rehabansvarig decides, wherever it is recorded. */
export function Category(): PropertyDecorator {
  return applyInOrder(Max(5), Min(1), IsInt(), Label('Kategori', { help: 'Verktygslådans kategori 1–5.' }));
}

/** The plan's rows (1-50), personal and so sealed; the same in the plan and in the step that shares it. */
export function PlanItems(): PropertyDecorator {
  return applyInOrder(
    Type(() => PlanItem),
    ValidateNested({ each: true }),
    ArrayMaxSize(50),
    ArrayMinSize(1),
    IsArray(),
    Personal(),
    Label('Planens punkter'),
  );
}

/** The case's progressionsplan as Rehabansvarig draws it up or adjusts it. */
export class Progressionsplan {
  @Category() category!: number;
  @Label('Ansvarig för uppföljning', {
    options: { rehabansvarig: 'Rehabansvarig', bitradande_enhetschef: 'Biträdande enhetschef' },
  })
  @IsIn(['rehabansvarig', 'bitradande_enhetschef'])
  followUpOwner!: string;
  @PlanItems() items!: PlanItem[];
}
