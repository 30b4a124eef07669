import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { Day, NoPersonnummer } from '@app/engine';
import { ADAPTATIONS, INSATS_KINDS, INSATS_STATUSES, InsatsEntry, oneOf, TRAPPSTEG } from '@app/insatser';
import { PageDto } from '../http/paging.dto';
import { BooleanQuery } from '../http/query-booleans';
import { IsId } from '../http/ids';

/** A new entry: the whole entry and the unit that provides it, where the caller is insatsansvarig. */
export class RegisterInsatsDto extends InsatsEntry {
  @IsId()
  providingUnit!: string;
}

export class PauseInsatsDto {
  /** Why no one is placed for now (renovation, a supervisor on leave): catalogue text, so no personal data. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @NoPersonnummer()
  reason!: string;
}

export class CatalogueQueryDto extends PageDto {
  @IsOptional()
  @oneOf('kind', INSATS_KINDS)
  kind?: string;

  @IsOptional()
  @oneOf('trappsteg', TRAPPSTEG)
  trappsteg?: string;

  /** The providing unit. */
  @IsOptional()
  @IsId()
  unit?: string;

  /** Comma-separated; every one listed must be offered. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').filter(Boolean) : value,
  )
  @IsArray()
  @ArrayMaxSize(5)
  @oneOf('adaptations', ADAPTATIONS, true)
  adaptations?: string[];

  /** Only entries with a free place now (true), or only full ones (false). */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'freePlaces must be true or false' })
  freePlaces?: boolean;

  @IsOptional()
  @oneOf('status', INSATS_STATUSES)
  status?: string;

  /** Words in the name or the målgrupp. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  text?: string;
}

const PHASES = ['anvisning', 'ko', 'forberedelse', 'pagar', 'avslutad', 'behovUtanInsats', 'avbruten'];

export class PlacementsQueryDto extends PageDto {
  @IsOptional()
  @IsId()
  unit?: string;

  @IsOptional()
  @IsId()
  caseId?: string;

  /** Only placements of cases the caller is the responsible social worker of. */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;

  @IsOptional()
  @IsIn(PHASES, { message: `phase must be one of: ${PHASES.join(', ')}` })
  phase?: string;

  /** Running placements whose follow-up is past due (true), or not (false). */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  /** Follow-ups more than 14 days late, flagged to the biträdande enhetschef. */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'flagged must be true or false' })
  flagged?: boolean;

  /** Running placements whose follow-up falls due within this many days (overdue ones included). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value,
  )
  @IsIn(Array.from({ length: 366 }, (_, i) => i), {
    message: 'dueWithinDays must be a whole number from 0 to 365',
  })
  dueWithinDays?: number;
}

export class InsatsReportDto {
  /** `city`: every unit, aggregates only, cells under 5 withheld; `unit` (default): the caller's own units. */
  @IsOptional()
  @IsIn(['unit', 'city'], { message: 'scope must be one of: unit, city' })
  scope?: 'unit' | 'city';

  /** One of the caller's units, for the unit scope; all of them when absent. */
  @IsOptional()
  @IsId()
  unit?: string;

  /** First day of the period (YYYY-MM-DD); 1 January this year when absent. */
  @IsOptional()
  @Day()
  from?: string;

  /** Last day of the period (YYYY-MM-DD); today when absent. */
  @IsOptional()
  @Day()
  to?: string;
}
