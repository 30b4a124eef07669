import { IsBoolean, IsIn } from 'class-validator';
import { Day, Text } from '@app/engine';

export const IMPULS_SOURCES = ['socialsekreterare', 'varden', 'jobbtorg-vuxen'] as const;
export const CONTACT_METHODS = ['rehabforfragan', 'telefon', 'mejl'] as const;

export class ImpulsRegistered {
  @IsIn(IMPULS_SOURCES) source!: string;
  @Text() reason!: string;
}

export class ContactPlanned {
  @IsIn(CONTACT_METHODS) contactMethod!: string;
  /** For impulses from healthcare or Jobbtorg: whether Rehabansvarig must draw up a progressionsplan. */
  @IsBoolean() progressionsplanNeeded!: boolean;
}

export class PlanningAgreed {
  @Day() agreedOn!: string;
  @Text() summary!: string;
}

export class PlanningCarriedOut {
  @Text() description!: string;
}

export class FollowUpRecorded {
  @IsIn([0, 1, 2, 3, 4]) bipPhase!: number;
  @Text() notes!: string;
}

export class CooperationCompleted {
  @IsIn([0, 1, 2, 3, 4]) bipPhase!: number;
  @Text() outcome!: string;
}
