import { IsOptional, Matches } from 'class-validator';
import { PageDto } from '../http/paging.dto';
import { ID_PATTERN, ID_RULE } from '../http/ids';

export class RoleQueueDto extends PageDto {
  /** Only this unit's tasks. */
  @IsOptional()
  @Matches(ID_PATTERN, { message: `unit ${ID_RULE}` })
  unit?: string;
}
