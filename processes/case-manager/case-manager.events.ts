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
import { ContactChange, Day, Personal, Text, Label, PastDay, StaffOfUnit } from '@app/engine';

export class ReferralSubmitted {
  /** The clear goal the social worker sets for the intervention (criterion 1). */
  @Label('Mål för insatsen', { help: 'Det tydliga mål socialsekreteraren sätter för insatsen.' })
  @Text()
  goal!: string;
  /** The target group (målgrupp), stated on the remiss; all three must hold (toolbox.md, process 6). */
  @Label('Klienten är motiverad') @IsBoolean() motivated!: boolean;
  @Label('Har svårt att följa en överenskommen, anpassad planering (oförmåga, inte ovilja)')
  @IsBoolean()
  struggles!: boolean;
  @Label('Står långt från arbetsmarknaden (t.ex. inskriven på Jobbtorg upprepade gånger)')
  @IsBoolean()
  farFromLabourMarket!: boolean;
}

/** The five criteria of the target group; all must hold (toolbox.md, process 6). */
export class CriteriaMet {
  @Label('Tydligt mål finns') @IsBoolean() clearGoal!: boolean;
  @Label('Samtycke med vården och AF/Jobbtorg') @IsBoolean() consentWithHealthcareAndAf!: boolean;
  @Label('Inget pågående missbruk') @IsBoolean() noOngoingSubstanceAbuse!: boolean;
  @Label('Ingen risk för hot eller våld') @IsBoolean() noRiskOfThreatOrViolence!: boolean;
  @Label('Förstår och gör sig förstådd utan tolk') @IsBoolean() understandsWithoutInterpreter!: boolean;
}

export class InterventionNotOffered {
  @Label('Skäl') @Text() reason!: string;
}

export class ClientDeclined {
  @Label('Skäl') @IsOptional() @Text() reason?: string;
}

export class InterventionAccepted {
  @Label('Startmöte') @Day() startMeetingOn!: string;
}

export class StartMeetingHeld {
  @Label('Startdatum') @PastDay() startDate!: string;
  @Label('Huvudmål') @Text() mainGoal!: string;
  @Label('Delmål', { help: 'Högst fyra.' })
  @Personal()
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  subGoals!: string[];
}

const GOAL_STATUS = ['ej-paborjat', 'pagar', 'uppnatt', 'ej-uppnatt'] as const;
const GOAL_STATUS_LABELS = {
  'ej-paborjat': 'Ej påbörjat',
  pagar: 'Pågår',
  uppnatt: 'Uppnått',
  'ej-uppnatt': 'Ej uppnått',
};

export class SubGoalStatus {
  @Label('Delmål') @Text() subGoal!: string;
  @Label('Status', { options: GOAL_STATUS_LABELS }) @IsIn(GOAL_STATUS) status!: string;
}

export class FollowUpMeetingHeld {
  @Label('Mötet hölls') @PastDay() heldOn!: string;
  @Label('Närvarande') @Text() present!: string;
  @Label('Sammanfattning') @Text() summary!: string;
  @Label('Huvudmålets status', { options: GOAL_STATUS_LABELS }) @IsIn(GOAL_STATUS) mainGoalStatus!: string;
  @Label('Delmålen')
  @Personal()
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => SubGoalStatus)
  subGoals!: SubGoalStatus[];
}

export const CLOSE_REASONS = ['mal-uppnatt', 'passar-inte', 'vill-inte', 'lamnat-enheten'] as const;

export class InterventionClosed {
  @Label('Skäl', {
    options: {
      'mal-uppnatt': 'Målet är uppnått',
      'passar-inte': 'Insatsen passar inte',
      'vill-inte': 'Klienten vill inte',
      'lamnat-enheten': 'Klienten har lämnat enheten',
    },
  })
  @IsIn(CLOSE_REASONS)
  reason!: string;
  @Label('Sammanfattning') @IsOptional() @Text() summary?: string;
}

/** CM:s biträdande's choice from the unit's case managers (toolbox.md, process 6, step 2). */
export class CaseManagerAssigned {
  @Label('Case manager', { help: 'Den case manager på enheten som tar remissen.' })
  @StaffOfUnit('case_manager')
  caseManagerId!: string;
}

/** A change of case manager records what every change of contact does (toolbox.md, Continuity). */
export class CaseManagerChange extends ContactChange {
  @Label('Ny case manager') @StaffOfUnit('case_manager') caseManagerId!: string;
}

/** The social worker's regular check-in with the CM, journalled (step 8). */
export class SocialWorkerCheckedIn {
  @Label('Avstämningen gjordes') @PastDay() checkedInOn!: string;
  @Label('Anteckning', { help: 'Vad ni stämde av; journalför som vanligt.' })
  @IsOptional()
  @Text()
  note?: string;
}
