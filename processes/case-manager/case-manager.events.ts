import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Day, Personal, Text } from '@app/engine';

export class ReferralSubmitted {
  /** The clear goal the social worker sets for the intervention (criterion 1). */
  @Text() goal!: string;
}

/** The five criteria of the target group; all must hold (toolbox.md, process 6). */
export class CriteriaMet {
  @IsBoolean() clearGoal!: boolean;
  @IsBoolean() consentWithHealthcareAndAf!: boolean;
  @IsBoolean() noOngoingSubstanceAbuse!: boolean;
  @IsBoolean() noRiskOfThreatOrViolence!: boolean;
  @IsBoolean() understandsWithoutInterpreter!: boolean;
}

export class InterventionNotOffered {
  @Text() reason!: string;
}

export class ClientDeclined {
  @IsOptional() @Text() reason?: string;
}

export class InterventionAccepted {
  @Day() startMeetingOn!: string;
}

export class StartMeetingHeld {
  @Day() startDate!: string;
  @Text() mainGoal!: string;
  @Personal()
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  subGoals!: string[];
}

const GOAL_STATUS = ['ej-paborjat', 'pagar', 'uppnatt', 'ej-uppnatt'] as const;

export class SubGoalStatus {
  @Text() subGoal!: string;
  @IsIn(GOAL_STATUS) status!: string;
}

export class FollowUpMeetingHeld {
  @Day() heldOn!: string;
  @Text() present!: string;
  @Text() summary!: string;
  @IsIn(GOAL_STATUS) mainGoalStatus!: string;
  @Personal()
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => SubGoalStatus)
  subGoals!: SubGoalStatus[];
}

export const CLOSE_REASONS = ['mal-uppnatt', 'passar-inte', 'vill-inte', 'lamnat-enheten'] as const;

export class InterventionClosed {
  @IsIn(CLOSE_REASONS) reason!: string;
  @IsOptional() @Text() summary?: string;
}
