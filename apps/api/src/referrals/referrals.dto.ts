import { IsBoolean, IsOptional } from 'class-validator';
import { PageDto } from '../http/paging.dto';
import { BooleanQuery } from '../http/query-booleans';

export class ReceivedReferralsQueryDto extends PageDto {
  /** Only those waiting for the Beredningsgrupp (true), or only those it has done with (false). */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;
}
