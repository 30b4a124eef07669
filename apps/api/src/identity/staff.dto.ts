import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsId } from '../http/ids';

/** Who mentors the social worker in the introduktionsprogram; absent or null (IsOptional lets null through) ends the mentorship. */
export class MentorDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The mentor’s user id; null ends it' })
  @IsOptional()
  @IsId()
  mentorId?: string;
}
