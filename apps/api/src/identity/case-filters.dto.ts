import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { NoPersonnummer } from '@app/engine';
import { CASE_LIST_SORTS, type CaseListSort } from '@app/projections';
import { IsId, IsStatePath } from '../http/ids';

/** The case list's filters a person may save: never a search text, which may hold a reference. */
export class CaseListFilterDto {
  @IsOptional() @IsId() unit?: string;
  @IsOptional() @IsId() socialWorkerId?: string;
  @IsOptional() @IsId() process?: string;

  @IsOptional()
  @IsStatePath('state')
  state?: string;

  @IsOptional()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @IsOptional()
  @IsIn([0, 1, 2, 3, 4], { message: 'bipPhase must be one of: 0, 1, 2, 3, 4' })
  bipPhase?: number;

  @IsOptional()
  @IsIn(CASE_LIST_SORTS, { message: `sort must be one of: ${CASE_LIST_SORTS.join(', ')}` })
  sort?: CaseListSort;
}

export class SavedCaseFilterDto {
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must be 1-60 characters' })
  @MaxLength(60, { message: 'name must be 1-60 characters' })
  @NoPersonnummer()
  name!: string;

  @IsObject({ message: 'filter must be an object of the case list filters' })
  @ValidateNested()
  @Type(() => CaseListFilterDto)
  filter!: CaseListFilterDto;
}

/** The whole list of saved filters, as it is to stand. */
export class SavedCaseFiltersDto {
  @IsArray({ message: 'filters must be a list' })
  @ArrayMaxSize(20, { message: 'filters must hold at most 20 saved filters' })
  @ValidateNested({ each: true })
  @Type(() => SavedCaseFilterDto)
  filters!: SavedCaseFilterDto[];
}
