import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Day } from '@app/engine';
import { IsId } from '../http/ids';

/** Who mentors the social worker in the introduktionsprogram; absent or null (IsOptional lets null through) ends the mentorship. */
export class MentorDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The mentor’s user id; null ends it' })
  @IsOptional()
  @IsId()
  mentorId?: string;
}

/** Which two social workers a cover concerns. */
export class CoverPairDto {
  /** The absent social worker, whose tasks and current cases the cover takes care of. */
  @IsId()
  absentId!: string;

  /** The colleague who covers. */
  @IsId()
  coverId!: string;
}

/** A cover for a period: its first and last day (YYYY-MM-DD), at most three months. */
export class GrantCoverDto extends CoverPairDto {
  @Day()
  from!: string;

  @Day()
  until!: string;
}
