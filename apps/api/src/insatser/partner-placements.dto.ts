import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { PageDto } from '../http/paging.dto';
import { BooleanQuery } from '../http/query-booleans';

export class PartnerPlacementsQueryDto extends PageDto {
  /** Only those waiting for the providing unit's answer (true), or only those answered (false). */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'awaitingAnswer must be true or false' })
  awaitingAnswer?: boolean;
}

export class BillingQueryDto {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month as YYYY-MM, e.g. 2026-03' })
  month!: string;
}
