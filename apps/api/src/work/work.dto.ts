import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { BooleanQuery } from '../http/query-booleans';
import { PageDto } from '../http/paging.dto';
import { IsId } from '../http/ids';

export class RoleQueueDto extends PageDto {
  /** Only this unit's tasks. */
  @IsOptional()
  @IsId()
  unit?: string;
}

export class NotificationsDto extends PageDto {
  /** Only those I have not read. */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

/** Marks my notifications read: these ids, or all of them (as they stand now). */
export class MarkNotificationsReadDto {
  @IsOptional()
  @IsArray({ message: 'ids must be a list of notification ids' })
  @ArrayMaxSize(200, { message: 'ids must hold at most 200 ids' })
  @IsString({ each: true, message: 'ids must be a list of notification ids' })
  @MaxLength(200, { each: true, message: 'ids must be notification ids of at most 200 characters' })
  ids?: string[];

  @IsOptional()
  @IsBoolean({ message: 'all must be true or false' })
  all?: boolean;
}
