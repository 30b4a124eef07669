import { IsOptional } from 'class-validator';
import { PageDto } from '../http/paging.dto';
import { IsId } from '../http/ids';

export class RoleQueueDto extends PageDto {
  /** Only this unit's tasks. */
  @IsOptional()
  @IsId()
  unit?: string;
}
