import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rolesIn, StaffDirectory } from '@app/access';
import { IdParamPipe } from '../http/ids';
import { AccessDeniedError } from '../http/request-errors';
import { Answers } from '../http/response-schemas';
import { Allow, CASE_READERS, CurrentActor, type Actor } from './actor';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/units')
export class StaffController {
  constructor(private readonly staff: StaffDirectory) {}

  @Get(':unit/social-workers')
  @Answers('StaffList')
  @Allow(...CASE_READERS)
  @ApiOperation({
    summary: "The unit's social workers, to choose a case's responsible one from",
    description:
      'Everyone who has signed in as socialsekreterare in the unit (and, in development, the demo users). Only for members of the unit.',
  })
  async socialWorkers(@Param('unit', IdParamPipe) unit: string, @CurrentActor() actor: Actor) {
    if (rolesIn(actor, unit).length === 0) {
      throw new AccessDeniedError(`You hold no role in ${unit}`, { unit });
    }
    return { unit, socialWorkers: await this.staff.ofUnit(unit, 'socialsekreterare') };
  }
}
