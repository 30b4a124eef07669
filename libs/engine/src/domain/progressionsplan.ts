import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, ValidateNested } from 'class-validator';
import { applyInOrder, Day, Label, OneOf, Personal, Text } from './fields';

/** One row of the progressionsplan (Bilaga 1): vad, vem, när, varför, har det gjorts. */
export class PlanItem {
  @Label('Vad') @Text() vad!: string;
  @Label('Vem') @Text() vem!: string;
  @Label('När') @Day() nar!: string;
  @Label('Varför') @Text() varfor!: string;
  @Label('Gjort') @IsBoolean() gjort!: boolean;
}

/** What each toolbox category means (toolbox.md, Progressionsplan categories), as the choice names it. */
export const CATEGORY_LABELS: Readonly<Record<number, string>> = {
  1: 'Kategori 1: mer kartläggning eller underlag behövs; biträdande enhetschef följer upp',
  2: 'Kategori 2: enklare insatser; biträdande enhetschef följer upp',
  3: 'Kategori 3: samverkan med vården eller Jobbtorg vuxen; Rehabansvarig följer upp',
  4: 'Kategori 4: förtroendeläkare; Rehabansvarig följer upp',
  5: 'Kategori 5: aktivitetsförmågeutredning (AFU); Rehabansvarig följer upp',
};

/** The toolbox category (1-5) Rehabansvarig decides, wherever it is recorded: a choice that says what each means. */
export function Category(): PropertyDecorator {
  return applyInOrder(
    OneOf(CATEGORY_LABELS),
    Label('Kategori', {
      help: 'Verktygslådans kategori avgör vem som gör vad och vem som följer upp.',
      options: CATEGORY_LABELS,
    }),
  );
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
